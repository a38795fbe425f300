"""Extraction throughput against the bare spaCy pipeline, on the same texts, in one process.

    python bench/throughput.py [--rounds 3]

Prints documents per second for spaCy alone (parse + NER) and for khabar's
full extraction (actors, dates, statements, figures, events), and their
ratio: the cost khabar adds over the parse it needs anyway.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar.config import Settings
from khabar.extract.pipeline import build, prepare
from khabar.ingest import read
from khabar.nlp import load_model

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "articles"


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes over the sample (best is kept)")
    parser.add_argument("--copies", type=int, default=10, help="copies of the sample per pass")
    args = parser.parse_args()
    docs = [d for d in read([str(SAMPLE)]) if hasattr(d, "text")] * args.copies
    model = Settings().model
    bare = load_model(model)
    full = build(model)
    bare_names = [n for n in full.pipe_names if not n.startswith("khabar_")]
    chars = sum(len(d.text) for d in docs)

    def run_bare() -> None:
        with bare.select_pipes(enable=bare_names):
            for _ in bare.pipe((d.text for d in docs), batch_size=16):
                pass

    def run_full() -> None:
        for _ in full.pipe((prepare(full, d) for d in docs), batch_size=16):
            pass

    def run_upto(last: str):
        names = full.pipe_names[: full.pipe_names.index(last) + 1]

        def go() -> None:
            with full.select_pipes(enable=names):
                for _ in full.pipe((prepare(full, d) for d in docs), batch_size=16):
                    pass
        return go

    run_full()  # warm up: gazetteers, matchers, dateparser
    t_bare = min(timed(run_bare) for _ in range(args.rounds))
    t_full = min(timed(run_full) for _ in range(args.rounds))
    print(f"{len(docs)} documents, {chars:,} characters, model {model}")
    print(f"spaCy alone      {len(docs) / t_bare:8.1f} docs/s  ({t_bare:.2f} s)")
    print(f"khabar extract   {len(docs) / t_full:8.1f} docs/s  ({t_full:.2f} s)")
    print(f"ratio            {t_full / t_bare:8.2f}x the time of the bare parse")
    previous = t_bare
    for name in [n for n in full.pipe_names if n.startswith("khabar_")]:
        upto = min(timed(run_upto(name)) for _ in range(args.rounds))
        print(f"  + {name:<18} {max(0.0, upto - previous) / t_bare:6.2f}x of the parse")
        previous = upto


if __name__ == "__main__":
    main()
