"""Links and memory at scale: a corpus of N generated documents with planted series, contradictions and copies.

    python bench/links_at_scale.py [--docs 10000] [--workers N] [--db PATH]

Documents come from templates over generated countries-and-places facts, with known answers: each
"story" plants a figure series (several dated counts of one measure), a contradiction (two sources,
one time, different values) and some syndicated copies. In one run the script

1. ingests them all into a SQLite store (``khabar.api.ingest``, worker processes) and prints the
   resident memory of this process and of the workers every tenth of the way, and the peak: it must
   stay flat;
2. prints each link kind's precision and recall against the planted ones;
3. replays the stored extractions, in order, into an in-memory corpus (``MemoryCorpus``, what
   ``khabar extract`` links with) and into a new SQLite store (store, then connect, as ``ingest``
   does), and prints the time to add and link one document when the corpus holds 100, 1,000 and
   10,000 documents (the mean over the 50 documents before each size): it must stay flat.
"""
from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from khabar.api import ingest
from khabar.config import cores
from khabar.connect import MemoryCorpus, connect
from khabar.connect.stored import connect_pending
from khabar.extract import Extraction
from khabar.records import DateMention, Event, Figure, Statement
from khabar.store import Store

SIZES = (100, 1_000, 10_000)
WINDOW = 50  # documents timed before each size

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


def rss_mb(pid: int | str = "self", field: str = "VmRSS") -> float:
    """Resident memory of a process in MB, from /proc (Linux)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children() -> list[int]:
    """This process's child processes (the analysis workers)."""
    out = []
    for task in Path("/proc/self/task").iterdir():
        try:
            out += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue
    return out


def ingest_watching_memory(path: Path, db: str, total: int, workers: int) -> float:
    """Ingest ``path`` into ``db``, printing this process's and the workers' resident memory every tenth of the way."""
    seen = 0
    step = max(1, total // 10)
    start = time.perf_counter()
    worker_peak = 0.0

    def on_item(item, status) -> None:
        nonlocal seen, worker_peak
        seen += 1
        worker_peak = max([worker_peak, *(rss_mb(pid) for pid in children())])
        if seen % step == 0:
            print(f"  {seen:>6} documents  {time.perf_counter() - start:6.0f} s   this process {rss_mb():6.0f} MB   "
                  f"workers {sum(rss_mb(pid) for pid in children()):6.0f} MB", flush=True)

    ingest([str(path)], db=db, on_item=on_item, workers=workers)
    elapsed = time.perf_counter() - start
    print(f"  peak resident memory: this process {rss_mb(field='VmHWM'):.0f} MB, one worker {worker_peak:.0f} MB")
    return elapsed


def stored_extractions(db: str) -> list[tuple]:
    """(document, extraction) of every stored document, in the order stored, rebuilt from the store."""
    with Store(db) as store:
        docs = list(store.documents())
        exts = {d.id: Extraction(d.id) for d in docs}
        for ent in store.entities():
            for doc_id in ent.docs:
                exts[doc_id].entities[ent.id] = ent
        for mention in store.mentions():
            exts[mention.doc].mentions.append(mention)
        for kind, attr in ((Event, "events"), (Statement, "statements"), (Figure, "figures"), (DateMention, "dates")):
            for item in store.items(kind):
                getattr(exts[item.doc], attr).append(item)
    return [(d, exts[d.id]) for d in docs]


def link_times(replay: list[tuple], workdir: Path) -> dict[str, dict[int, float]]:
    """Seconds to add and link one document at each size, in memory and in a SQLite store."""
    size_of = {n: size for size in SIZES for n in range(size - WINDOW + 1, size + 1) if size <= len(replay)}
    out: dict[str, dict[int, float]] = {"memory": {}, "SQLite": {}}

    def timed(path: str, n: int, add, *args) -> None:
        start = time.perf_counter()
        add(*args)
        if n in size_of:
            out[path][size_of[n]] = out[path].get(size_of[n], 0.0) + (time.perf_counter() - start) / WINDOW

    def in_memory(corpus: MemoryCorpus, doc, ext: Extraction) -> None:
        corpus.add(doc, ext.figures, ext.events)
        connect(corpus, [doc], ext.figures, ext.events)

    def in_store(store: Store, doc, ext: Extraction, n: int) -> None:
        store.add(doc, ext)
        if n % 16 == 0 or n in SIZES:  # ingest connects every batch of stored documents: each pays its share
            connect_pending(store)

    corpus = MemoryCorpus()
    for n, (doc, ext) in enumerate(replay, 1):
        timed("memory", n, in_memory, corpus, doc, ext)
    with Store(f"sqlite:///{workdir / 'replay.db'}") as store:
        for n, (doc, ext) in enumerate(replay, 1):
            timed("SQLite", n, in_store, store, doc, ext, n)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=cores())
    parser.add_argument("--db", help="SQLite file to build (default: a temporary one)")
    args = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="khabar-bench-"))
    docs, planted = stories(args.docs)
    db = f"sqlite:///{args.db or workdir / 'big.db'}"
    (workdir / "big.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    print(f"ingest of {len(docs)} generated documents, {args.workers} worker processes:")
    elapsed = ingest_watching_memory(workdir / "big.jsonl", db, len(docs), args.workers)
    with Store(db) as store:
        results = score(store, docs, planted)
        counts = store.counts()
    print(f"  {len(docs) / elapsed:.1f} documents/s (parse, extract, store, connect); store: {counts}")
    for kind, (p, r) in results.items():
        print(f"{kind:<14} precision {p:.2f}  recall {r:.2f}")
    times = link_times(stored_extractions(db), workdir)
    print("add and link one document (ms), corpus of " + " / ".join(f"{n:,}" for n in times["memory"]) + " documents:")
    for path, by_size in times.items():
        print(f"  {path:<7} " + " / ".join(f"{t * 1000:6.1f}" for t in by_size.values()))


if __name__ == "__main__":
    main()
