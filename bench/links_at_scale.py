"""Links at scale: a store of N generated documents with planted series, contradictions and copies.

    python bench/links_at_scale.py [--docs 10000] [--db PATH]

Documents come from templates over generated countries-and-places facts, with
known answers: each "story" plants a figure series (several dated counts of
one measure), a contradiction (two sources, one time, different values) and
some syndicated copies. The script prints precision and recall of each link
kind against the planted ones, and the time to add one more document to the
full store against the time to add it to a store of 100: adding must not
grow with the store (links are found through indexes, not scans).
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from khabar.api import ingest
from khabar.store import Store

COUNTRIES = ["Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Mongolia", "Georgia", "Armenia",
             "Azerbaijan", "Moldova", "Belarus", "Ukraine", "Serbia", "Albania", "Bosnia", "Nepal", "Bhutan", "Laos",
             "Cambodia", "Myanmar"]
MEASURES = ["refugees", "migrants", "soldiers", "doctors", "teachers", "prisoners", "farmers", "miners", "students", "nurses"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November"]
FILLER = [
    "Officials gave no further details.", "The figures could not be independently verified.",
    "Aid groups have repeatedly asked for better data.", "Local reporters say the situation changes every week.",
    "Several roads remain closed after heavy rain.", "Markets in the region opened late.",
    "The weather turned colder on the weekend.", "A new bridge opened in the north of the province.",
    "Schools returned to normal hours.", "Prices of bread and fuel rose again.", "The opposition asked for a debate.",
    "Farmers complained about the late harvest.", "A football match drew a large crowd.",
    "Power cuts hit two districts overnight.", "The central bank kept its main rate unchanged.",
    "Teachers said classrooms were crowded.", "A court delayed the hearing until spring.",
    "Two museums reopened after repairs.", "Traffic police closed the main square.", "Bus fares rose by a few cents.",
]
KINDS = ["houses", "schools", "clinics", "bridges", "wells", "shops", "farms", "factories", "mosques", "roads"]


def filler(rng: random.Random) -> str:
    return " ".join(rng.sample(FILLER, 6))


def stories(n_docs: int, seed: int = 7) -> tuple[list[dict], dict[str, set]]:
    """Documents and the planted links: {"series": {(country, measure, year)}, "contradiction": {...}, "syndicated": {...}}.

    A document's "group" (not ingested) names the series it belongs to."""
    rng = random.Random(seed)
    docs: list[dict] = []
    planted: dict[str, set] = {"series": set(), "contradiction": set(), "syndicated": set()}
    k = 0
    while len(docs) < n_docs:
        country, measure = COUNTRIES[k % len(COUNTRIES)], MEASURES[(k // len(COUNTRIES)) % len(MEASURES)]
        year = 2000 + k // (len(COUNTRIES) * len(MEASURES))  # every (country, measure, year) is its own story
        k += 1
        base = rng.randrange(1_000, 90_000, 100)
        kind = KINDS[(k // len(COUNTRIES)) % len(KINDS)]
        for step, month in enumerate(rng.sample(range(11), 3)):
            doc_id = f"s{k}-{step}"
            value = base + 1_000 * (step + 1) * (month + 1)
            docs.append({"id": doc_id, "url": f"https://wire{step}.example.org/{doc_id}", "published": f"{year}-12-15",
                         "publisher": f"Wire {step}", "group": f"{country}/{measure}",
                         "text": f"In mid-{MONTHS[month]} {year}, {value:,} {measure} were living in {country}, "
                                 f"the national statistics office said. {filler(rng)}"})
        planted["series"].add((country, measure, year))
        docs.append({"id": f"c{k}", "url": f"https://review.example.org/c{k}", "published": f"{year}-12-20",
                     "publisher": "Review",
                     "text": f"According to the ministry of {country}, {base:,} {kind} were destroyed in {country} in {year}. "
                             f"Independent researchers put the number at around {base * 2:,}. {filler(rng)}"})
        planted["contradiction"].add((f"c{k}",))
        if rng.random() < 0.2:
            copy = dict(docs[-1], id=f"c{k}-copy", url=f"https://mirror.example.org/c{k}", publisher="Mirror")
            copy["text"] += " This article first appeared in the Review."
            docs.append(copy)
            planted["syndicated"].add((f"c{k}", f"c{k}-copy"))
    return docs[:n_docs], planted


def score(store: Store, docs: list[dict], planted: dict[str, set]) -> dict[str, tuple[float, float]]:
    texts = {d["id"]: d["text"] for d in docs}
    links = list(store.links())
    out = {}
    syn = {tuple(sorted(link.items)) for link in links if link.kind == "syndicated"}
    want = {tuple(sorted(p)) for p in planted["syndicated"] if all(i in texts for i in p)}
    out["syndicated"] = (len(syn & want) / max(1, len(syn)), len(syn & want) / max(1, len(want)))
    con = [link for link in links if link.kind == "contradiction"]
    con_docs = {link.items[0].split(":")[0] for link in con}
    good = {d for d in con_docs if d.startswith("c")}
    want_c = {p[0] for p in planted["contradiction"] if p[0] in texts}
    out["contradiction"] = (sum(all(i.split(":")[0].removesuffix("-copy") == link.items[0].split(":")[0].removesuffix("-copy")
                                    for i in link.items) for link in con) / max(1, len(con)),
                            len(good & want_c | {d.removesuffix("-copy") for d in good} & want_c) / max(1, len(want_c)))
    # A series is one measure at one place over time: every year of a (country, measure) belongs to it.
    ser = [link for link in links if link.kind == "series"]
    group = {d["id"]: d["group"] for d in docs if "group" in d}
    pure = sum(len({group.get(i.split(":")[0]) for i in link.items}) == 1 for link in ser)
    found = {group.get(link.items[0].split(":")[0]) for link in ser}
    want_s = set(group.values())
    out["series"] = (pure / max(1, len(ser)), len(found & want_s) / max(1, len(want_s)))
    return out


def add_one(db: str, workdir: Path, n: int) -> float:
    one = {"id": f"extra-{n}", "url": f"https://late.example.org/{n}", "published": "2030-01-10", "publisher": "Late",
           "text": f"In early January 2030, 55,000 refugees were living in Kazakhstan, officials said. {' '.join(FILLER[:6])}"}
    path = workdir / f"one-{n}.jsonl"
    path.write_text(json.dumps(one) + "\n")
    start = time.perf_counter()
    ingest([str(path)], db=db)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", help="SQLite file to build (default: a temporary one)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="khabar-bench-"))
    docs, planted = stories(args.docs)
    small_db = f"sqlite:///{workdir / 'small.db'}"
    (workdir / "small.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs[:100]))
    ingest([str(workdir / "small.jsonl")], db=small_db)
    t_small = min(add_one(small_db, workdir, i) for i in range(3))
    db = f"sqlite:///{args.db or workdir / 'big.db'}"
    (workdir / "big.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    start = time.perf_counter()
    ingest([str(workdir / "big.jsonl")], db=db)
    t_build = time.perf_counter() - start
    t_big = min(add_one(db, workdir, 10 + i) for i in range(3))
    with Store(db) as store:
        results = score(store, docs, planted)
        counts = store.counts()
    print(f"{len(docs)} documents ingested in {t_build:.0f} s ({len(docs) / t_build:.1f} docs/s); store: {counts}")
    for kind, (p, r) in results.items():
        print(f"{kind:<14} precision {p:.2f}  recall {r:.2f}")
    print(f"add one document: {t_small * 1000:.0f} ms to a store of 100, {t_big * 1000:.0f} ms to a store of {len(docs)} "
          f"(ratio {t_big / t_small:.2f})")


if __name__ == "__main__":
    main()
