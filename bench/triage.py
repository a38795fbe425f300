"""Less parsing, measured: would parsing only the sentences that can hold an item keep accuracy, and what would it gain?

    python bench/triage.py [--shared ../shared] [--sets news-dev polnear-dev ...]

The experiment replaces, in this process only, the parse of every document by a triaged one: the model runs without
its parser (tagger, lemmatizer and NER on everything), a rule-based sentencizer gives the sentences (the parser gives
them otherwise), and only the sentences that pass a lexical test drawn from the vocabulary tables are parsed: a digit
or number word (figures), a date entity, a statement cue or phrase, a quotation mark, or an event trigger lemma (asked
of the event extractor). The other sentences get a flat tree. Each gold set's corpus is then extracted both ways and
scored by ../shared/eval/score.py; the script prints, per set, what the triaged run lost or gained (the counts of the
quality gate) and, over all corpora, the time of the spaCy stage both ways and the share of sentences parsed.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from spacy.attrs import DEP, HEAD
from spacy.pipeline import Sentencizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.quality.gold, which scores the gold sets

import khabar.extract.pipeline as pipeline  # noqa: E402
from khabar.api import extract  # noqa: E402
from khabar.config import Settings  # noqa: E402
from khabar.ingest import read  # noqa: E402
from khabar.vocab import CUES, NUMBER_WORDS, PHRASE_CUES, QUOTE_MARKS  # noqa: E402
from tests.quality.gold import gold_sets, summary  # noqa: E402

QUOTES = set("\"“”«»") | set(QUOTE_MARKS) | {"``", "''"}
NUMBERS = NUMBER_WORDS.keys() - {"a", "an"}


def trigger_lemmas() -> set[str]:
    """The lemmas that can trigger an event, as the event extractor knows them (whatever table it is built from)."""
    from khabar.extract import events

    if hasattr(events, "trigger_lemmas"):
        return set(events.trigger_lemmas())
    return set(events._lemma_of_inflection().values())


def can_hold_an_item(sent, lemmas: set[str]) -> bool:
    words = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    return (any(t.like_num for t in sent) or bool(words & NUMBERS) or any(t.ent_type_ in {"DATE", "TIME"} for t in sent)
            or bool(words & CUES.keys()) or any(p in sent.text.lower() for p in PHRASE_CUES) or bool(words & lemmas)
            or any(t.text in QUOTES for t in sent))


STATS = {"sentences": 0, "parsed": 0, "seconds": 0.0}


def triaged_parse(nlp, documents, batch_size):
    """``pipeline._parsed`` with the parser run on the sentences that can hold an item only."""
    start = time.perf_counter()
    lemmas = trigger_lemmas()
    ours = [n for n in nlp.pipe_names if n in pipeline.COMPONENTS]
    sentencizer = Sentencizer()
    parser = nlp.get_pipe("parser")
    docs = [sentencizer(d) for d in nlp.pipe([pipeline.prepare(nlp, d) for d in documents], batch_size=batch_size,
                                               disable=[*ours, "parser"])]
    for doc in docs:
        heads = np.zeros(len(doc), dtype="int32")  # relative, as Doc.to_array gives them
        deps = np.array([doc.vocab.strings.add("dep")] * len(doc), dtype="uint64")
        kept = []
        for sent in doc.sents:
            STATS["sentences"] += 1
            deps[sent.start] = doc.vocab.strings.add("ROOT")
            heads[sent.start + 1 : sent.end] = [sent.start - i for i in range(sent.start + 1, sent.end)]  # flat tree
            if can_hold_an_item(sent, lemmas):
                sub = sent.as_doc()
                sub.tensor = doc.tensor[sent.start : sent.end]  # the parser reads the token vectors of the whole text
                kept.append((sent, sub))
        STATS["parsed"] += len(kept)
        for (sent, _), parsed in zip(kept, parser.pipe([sub for _, sub in kept], batch_size=256), strict=True):
            arr = parsed.to_array([HEAD, DEP])
            heads[sent.start : sent.end] = arr[:, 0].astype("int32")
            deps[sent.start : sent.end] = arr[:, 1]
        doc.from_array([HEAD, DEP], np.stack([heads.astype("uint64"), deps], axis=1))
    STATS["seconds"] += time.perf_counter() - start
    return list(zip(documents, docs, strict=True))


def full_parse(nlp, documents, batch_size, original=pipeline._parsed):
    start = time.perf_counter()
    out = list(original(nlp, documents, batch_size))
    STATS["seconds"] += time.perf_counter() - start
    return out


def export(inputs: list[Path], parse, workdir: Path, name: str) -> Path:
    pipeline._parsed = parse
    out = workdir / f"{name}.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        for record in extract([str(p) for p in inputs], workers=1):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out


def score(shared: Path, gold: Path, export_path: Path) -> dict:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), str(gold), str(export_path), "--json"],
                         capture_output=True, text=True, check=True)
    return summary(json.loads(res.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    parser.add_argument("--sets", nargs="*", help="gold sets to run (default: every one scored from khabar extract)")
    args = parser.parse_args()
    shared = Path(args.shared)
    sets = {name: s for name, s in gold_sets(shared).items() if not s[2] and (not args.sets or name in args.sets)}
    pipeline.build(Settings().model)
    seconds = {"full": 0.0, "triaged": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        for name, (gold, inputs, _) in sets.items():
            got = {}
            for way, parse in (("full", full_parse), ("triaged", triaged_parse)):
                STATS["seconds"] = 0.0
                got[way] = score(shared, gold, export(inputs, parse, Path(tmp), f"{name}-{way}"))
                seconds[way] += STATS["seconds"]
            changed = {k: f"{got['full'].get(k, 0):g} -> {v:g}" for k, v in got["triaged"].items() if v != got["full"].get(k, 0)}
            print(f"{name:<16} {'unchanged' if not changed else changed}", flush=True)
    words = sum(len(d.text.split()) for _, inputs, _ in sets.values() for d in read([str(p) for p in inputs]) if hasattr(d, "text"))
    print(f"spaCy stage over {words:,} words: full {seconds['full']:.1f} s, triaged {seconds['triaged']:.1f} s "
          f"({1 - seconds['triaged'] / seconds['full']:.0%} saved); {STATS['parsed']:,} of {STATS['sentences']:,} sentences parsed")


if __name__ == "__main__":
    main()
