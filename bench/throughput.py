"""``khabar extract`` throughput against the bare spaCy parse of the same texts, on the same cores, in one process.

    python bench/throughput.py [--copies 240] [--workers N] [--rounds 2] [--corpus FILE.jsonl ...]

The default corpus is the issue-13 worst case for linking: copies of the sample articles (the reference
article and the region stories), each copy from another outlet with one sentence of its own, so that
every copy is a near-duplicate of the others and every figure meets the same figures again. ``--corpus``
measures other JSON Lines files instead.

The bare parse is spaCy's own ``nlp.pipe(texts, n_process=N)`` with every component of the model
(tagger, parser, lemmatizer, NER); ``khabar extract`` is ``khabar.api.extract`` with ``workers=N``:
reading, parsing, the extractors, people, links and the JSON of every record. Runs alternate and
the best of each is kept, so that other load on the machine hurts both alike. The ratio is
throughput (khabar / bare): 1.0 means khabar costs nothing over the parse it needs anyway.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from khabar.api import extract
from khabar.config import Settings, cores
from khabar.ingest import read
from khabar.nlp import load_model

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "articles"


def related_copies(n: int, folder: Path) -> Path:
    """``n`` copies of the sample articles as JSON Lines, each from another outlet and with a sentence of its own."""
    docs = [d for d in read([str(SAMPLE)]) if hasattr(d, "text")]
    path = folder / f"related-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(n):
            d = docs[k % len(docs)]
            fh.write(json.dumps({"id": f"copy{k}", "url": f"https://outlet{k % 13}.example.org/{k}", "title": d.title,
                                 "published": d.published, "publisher": f"Outlet {k % 13}",
                                 "text": f"{d.text}\n\nThis copy was filed by desk {k}."}) + "\n")
    return path


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def measure(paths: list[Path], workers: int, rounds: int) -> dict[str, float]:
    """Best wall-clock seconds of the bare parse and of ``khabar extract`` over ``paths``, and what was measured."""
    texts = [d.text for d in read([str(p) for p in paths]) if hasattr(d, "text")]
    nlp = load_model.__wrapped__(Settings().model)  # a copy of its own: khabar adds its components to the cached one

    def bare() -> None:
        for _ in nlp.pipe(texts, n_process=workers, batch_size=16):
            pass

    def full() -> None:
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for record in extract([str(p) for p in paths], workers=workers):
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")

    best = {"bare": float("inf"), "khabar": float("inf")}
    for _ in range(rounds):
        best["bare"] = min(best["bare"], timed(bare))
        best["khabar"] = min(best["khabar"], timed(full))
    return {**best, "docs": len(texts), "words": sum(len(t.split()) for t in texts)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=240, help="related copies of the sample articles (default corpus)")
    parser.add_argument("--corpus", nargs="*", type=Path, help="JSON Lines files to measure instead")
    parser.add_argument("--workers", type=int, default=cores(), help="processes for both (default: the cores)")
    parser.add_argument("--rounds", type=int, default=2, help="alternating runs of each; the best is kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-bench-") as tmp:
        paths = args.corpus or [related_copies(args.copies, Path(tmp))]
        got = measure(paths, args.workers, args.rounds)
    name = ", ".join(f"{p.parent.name}/{p.name}" for p in args.corpus) if args.corpus else f"{args.copies} related copies of sample/articles"
    print(f"{name}: {got['docs']} documents, {got['words']:,.0f} words, {args.workers} processes, load {os.getloadavg()[0]:.1f}")
    print(f"  bare spaCy parse   {got['words'] / got['bare']:8,.0f} words/s  ({got['bare']:.1f} s)")
    print(f"  khabar extract     {got['words'] / got['khabar']:8,.0f} words/s  ({got['khabar']:.1f} s)")
    print(f"  throughput ratio   {got['bare'] / got['khabar']:8.2f}  (khabar / bare parse; target >= 0.85)")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
