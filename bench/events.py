"""Event coding time as a ratio of the bare parse, on the same texts, in one process.

    python bench/events.py [--rounds 3] [--copies 5]

The texts are the sample articles and the news-dev corpus when ``../shared`` is there.
Each document is parsed once with every component before events; then the event coder
(matcher, lexicon senses, coreference, modes) runs alone on the parsed documents and is
timed against spaCy's parse of the same texts. The issue's budget is 0.3x.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from khabar.config import Settings
from khabar.extract.events import events_component
from khabar.extract.pipeline import build, prepare
from khabar.ingest import read
from khabar.nlp import load_model

ROOT = Path(__file__).resolve().parent.parent
INPUTS = [ROOT / "sample" / "articles", ROOT.parent / "shared" / "fixtures" / "news-dev" / "corpus.jsonl"]


def best_of(rounds: int, fn) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="passes (best is kept)")
    parser.add_argument("--copies", type=int, default=5, help="copies of the texts per pass")
    args = parser.parse_args()
    docs = [d for d in read([str(p) for p in INPUTS if p.exists()]) if hasattr(d, "text")] * args.copies
    model = Settings().model
    bare, full = load_model(model), build(model)
    parse_names = [n for n in full.pipe_names if not n.startswith("khabar_")]
    before_events = full.pipe_names[: full.pipe_names.index("khabar_events")]
    with full.select_pipes(enable=before_events):
        parsed = list(full.pipe((prepare(full, d) for d in docs), batch_size=16))
    events_component(parsed[0])  # warm up: the lexicon and the matcher

    def parse() -> None:
        with bare.select_pipes(enable=parse_names):
            for _ in bare.pipe((d.text for d in docs), batch_size=16):
                pass

    def code_events() -> None:
        for doc in parsed:
            doc._.khabar.events.clear()
            doc.user_data.pop("khabar_coref", None)
            events_component(doc)

    t_parse, t_events = best_of(args.rounds, parse), best_of(args.rounds, code_events)
    events = sum(len(d._.khabar.events) for d in parsed)
    print(f"{len(docs)} documents, {sum(len(d.text) for d in docs):,} characters, model {model}, {events} events")
    print(f"spaCy parse      {t_parse:7.2f} s")
    print(f"event coding     {t_events:7.2f} s")
    print(f"ratio            {t_events / t_parse:7.2f}x the time of the parse (budget 0.30x)")


if __name__ == "__main__":
    main()
