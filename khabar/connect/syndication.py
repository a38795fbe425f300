"""Syndicated copies: the same article published by different outlets, found by MinHash.

Signatures are datasketch MinHashes of word 5-grams; 32 bands of 4 rows make
the locality-sensitive index (pairs above ~0.8 Jaccard share a band with high
probability), so a new document is compared only with the few that share one.
"""
from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from khabar.connect import Corpus, link_id
from khabar.records import Document, Link

NUM_PERM = 128
SCHEME = "affine32"  # datasketch 2 hashing scheme, pinned so stored signatures stay comparable
BANDS, ROWS = 32, 4
SHINGLE = 5
THRESHOLD = 0.8  # estimated Jaccard similarity above which two texts are copies
MIN_WORDS = 50  # short texts (a sentence, a summary) are never called copies


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


@lru_cache(maxsize=1)
def _permutations():
    return MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations  # made once: building them dominates small texts


def signature(text: str) -> MinHash | None:
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    mh = MinHash(num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme=SCHEME)
    mh.update_batch([" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)])
    return mh


def to_bytes(mh: MinHash) -> bytes:
    return mh.hashvalues.astype(np.uint64).tobytes()


def jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two stored signatures."""
    return float(np.mean(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64)))


def bands(mh: MinHash) -> list[str]:
    """One key per band: equal keys mean the two signatures agree on that band."""
    values = mh.hashvalues
    return [hashlib.sha1(values[b * ROWS : (b + 1) * ROWS].tobytes()).hexdigest()[:16] for b in range(BANDS)]


def syndicated_links(corpus: Corpus, docs: list[Document]) -> list[Link]:
    """One link per pair of near copies, even when both documents of the pair are being connected."""
    links: dict[str, Link] = {}
    for doc in docs:
        for other_id, score in corpus.near_copies(doc):
            other = corpus.document(other_id)
            if other is None:
                continue
            a, b = sorted([doc.id, other.id])
            note = (f"near-duplicate text (Jaccard ~{score:.2f}): {_outlet(doc)} and {_outlet(other)}")
            links[link_id("syndicated", a, b)] = Link(
                id=link_id("syndicated", a, b), kind="syndicated", items=[a, b], note=note, score=round(score, 3),
                evidence={"jaccard": round(score, 3), "outlets": [_outlet(doc), _outlet(other)]})
    return list(links.values())


def _outlet(doc: Document) -> str:
    return doc.publisher or (doc.url or doc.id)
