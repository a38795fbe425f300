"""Latency of the workbench's pages and API: p95 on a store of 10,000 generated documents (SQLite), against the
same requests on a store of 100 in the same process.

    python bench/web_latency.py [--docs 10000] [--requests 40] [--db PATH]

Documents are generated with their records (no spaCy: the store is what is measured, not extraction):
countries acting on each other (events of every PLOVER type and mode), statements, refugee counts per
country and month from several sources (so series and contradictions form), dates, and a syndicated copy
of every 40th article; links are then made by ``khabar.connect`` as ``khabar ingest`` does. Requests go
through a real uvicorn server on a loopback port. Target: every p95 under 150 ms at 10,000 documents.

Building the big store takes a while (about 20 minutes on 2 busy cores, most of it making links);
``--db`` keeps it for the next run. Answers that read every link of the store (the rhetoric board of
the overview, the contradictions of the figures page) are computed once per state of the store: the
table shows the first request after a change ("cold") apart from the p95 of the following ones.
"""
from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

import httpx

from khabar.connect.stored import connect_pending
from khabar.extract import Extraction
from khabar.ingest import make_document
from khabar.ingest.text import Parsed
from khabar.records import DateMention, DateValue, Entity, Event, Figure, Mention, Statement
from khabar.store import Store
from khabar.vocab import MODES, PLOVER
from khabar.web import create_app, views
from khabar.web.server import background

COUNTRIES = {"Kazakhstan": "KAZ", "Uzbekistan": "UZB", "Kyrgyzstan": "KGZ", "Tajikistan": "TJK", "Mongolia": "MNG",
             "Georgia": "GEO", "Armenia": "ARM", "Azerbaijan": "AZE", "Moldova": "MDA", "Serbia": "SRB", "Albania": "ALB",
             "Nepal": "NPL", "Bhutan": "BTN", "Laos": "LAO", "Cambodia": "KHM", "Myanmar": "MMR", "Bolivia": "BOL",
             "Paraguay": "PRY", "Chad": "TCD", "Niger": "NER"}
OUTLETS = ["Steppe Wire", "Gobi Times", "Caspian Post", "Balkan Daily", "Himalaya Herald", "Mekong Monitor", "Andes Report",
           "Sahel Review", "Caucasus Courier", "Danube News", "Silk Road Journal", "Plateau Press"]
SOURCES = ["the interior ministry", "the Red Cross", "UN agencies", "local officials", "aid groups", "the border service"]
VERBS = {t: t.lower() + "ed" for t in PLOVER}
FILLER = ["Officials gave no further details.", "The figures could not be independently verified.",
          "Markets in the capital opened late.", "Several roads remain closed after heavy rain.",
          "The opposition asked for a debate in parliament.", "Prices of bread and fuel rose again this month.",
          "Teachers said classrooms were crowded.", "A court delayed the hearing until spring."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def _span(text: str, part: str, after: int = 0) -> tuple[int, int]:
    start = text.index(part, after)
    return start, start + len(part)


def generated(n: int, seed: int = 11):
    """(document, extraction) pairs: n articles, every 40th followed by a syndicated copy."""
    rng = random.Random(seed)
    names = list(COUNTRIES)
    k = 0
    while k < n:
        a, b = rng.sample(names, 2)
        year, month = 2015 + rng.randrange(10), rng.randrange(12)
        day = 1 + rng.randrange(28)
        published = f"{year}-{month + 1:02d}-{day:02d}"
        kind, mode = rng.choice(list(PLOVER)), rng.choice(MODES)
        refugees = 1000 * (5 + (year - 2015) * 3 + month // 3) + rng.choice([0, 0, 0, 4000])
        source = rng.choice(SOURCES)
        text = (f"{a} {VERBS[kind]} {b} on Monday, according to reports. {rng.choice(FILLER)} "
                f"About {refugees:,} refugees lived in {a} in {MONTHS[month]}, {source} said. "
                f"{b} said the talks would continue. " + " ".join(rng.sample(FILLER, 5)))
        outlet = rng.choice(OUTLETS)
        copies = [outlet] + ([rng.choice([o for o in OUTLETS if o != outlet])] if k % 40 == 0 else [])
        for c, publisher in enumerate(copies):
            url = f"https://{publisher.lower().replace(' ', '-')}.example/{k}" + ("/copy" if c else "")
            doc = make_document(Parsed(title=f"{a} and {b}: {kind.lower()} ({k})", url=url, published=published,
                                       publisher=publisher, body=text), url, language="en")
            yield doc, _records(doc, text, a, b, kind, mode, refugees, source, year, month)
            k += 1


def _records(doc, text, a, b, kind, mode, refugees, source, year, month) -> Extraction:
    ext = Extraction(doc.id)
    ea, eb = (Entity(id=f"E{COUNTRIES[x]}", name=x, kind="country", country=COUNTRIES[x], actor_code=COUNTRIES[x]) for x in (a, b))
    ext.entities = {ea.id: ea, eb.id: eb}
    for n, (name, ent) in enumerate(((a, ea), (b, eb))):
        for m, at in enumerate(i for i in range(len(text)) if text.startswith(name, i)):
            ext.mentions.append(Mention(id=f"{doc.id}:M{n}{m}", doc=doc.id, start=at, end=at + len(name), text=name, entity=ent.id))
    monday = DateValue("Monday", doc.published, doc.published, "day")
    lo, hi = _span(text, VERBS[kind])
    ext.events.append(Event(id=f"{doc.id}:E{lo}", doc=doc.id, start=lo, end=hi, type=kind, mode=mode, source=ea.id,
                            target=eb.id, date=monday, trigger=VERBS[kind]))
    lo, hi = _span(text, f"{refugees:,}")
    when = DateValue(MONTHS[month], f"{year}-{month + 1:02d}-01", f"{year}-{month + 1:02d}-28", "month")
    ext.figures.append(Figure(id=f"{doc.id}:F{lo}", doc=doc.id, start=lo, end=hi, text=f"{refugees:,}", value=float(refugees),
                              approx="about", measure=f"refugees lived in {a}", date=when, source_text=source,
                              measure_key="refugee", place=COUNTRIES[a]))
    lo, hi = _span(text, "said the talks")
    ext.statements.append(Statement(id=f"{doc.id}:S{lo}", doc=doc.id, start=lo, end=hi, cue="say", speaker=eb.id,
                                    speaker_text=b, content="the talks would continue", verb="said"))
    for word, value in (("Monday", monday), (MONTHS[month], when)):
        lo, hi = _span(text, word)
        ext.dates.append(DateMention(id=f"{doc.id}:D{lo}", doc=doc.id, start=lo, end=hi, text=word, date=value))
    return ext


def build(path: Path, n: int) -> None:
    started = time.perf_counter()
    with Store(str(path)) as store:
        for i, (doc, ext) in enumerate(generated(n), 1):
            store.add(doc, ext)
            if i % 500 == 0:
                connect_pending(store)
        connect_pending(store)
        counts = store.counts()
    print(f"built {path}: {counts} in {time.perf_counter() - started:.0f} s")


def requests_for(store: Store, rng: random.Random) -> dict[str, list[str]]:
    """For each page, the paths to request (documents and actors drawn at random)."""
    docs = [d.id for d in store.documents(text=False)]
    actors = [e.id for e in store.entities()]
    pick = lambda ids: [rng.choice(ids) for _ in range(20)]  # noqa: E731
    paths = {
        "overview": ["/"], "search words": ["/search?q=refugees+talks", "/search?q=Kazakhstan", "/search?q=%22heavy+rain%22"],
        "search filters": ["/search?q=refugees&outlet=Gobi+Times&since=2018", "/search?type=ASSAULT&mode=denied"],
        "document": [f"/documents/{d}" for d in pick(docs)], "actor": [f"/actors/{a}" for a in pick(actors)],
        "events": ["/events", "/events?type=ASSAULT&mode=denied", "/events?actor=Mongolia&page=3"],
        "figures": ["/figures", "/figures?page=4"],
    }
    api = {f"api {name}": ["/api" + (p if p != "/" else "/overview") for p in found] for name, found in paths.items()}
    return {**paths, **api, "api events csv (all of a filter)": ["/api/events?type=ASSAULT&format=csv"]}


def timed(client: httpx.Client, path: str) -> float:
    started = time.perf_counter()
    response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"khabar: {path}: HTTP {response.status_code} {response.text[:200]}")
    return (time.perf_counter() - started) * 1000


def measure(path: Path, n: int) -> dict[str, tuple[float, float, float]]:
    """For each page: (the first request after the store changed, median and p95 of ``n`` requests)."""
    app = create_app(str(path))
    store = app.state.web.store
    plan = requests_for(store, random.Random(5))
    found = {}
    with background(app) as url, httpx.Client(base_url=url, timeout=60) as client:
        for name, paths in plan.items():
            client.get(paths[0])  # the database's pages in memory, as on a server that runs
            views._computed.clear()  # as after an ingest: answers over the whole store are computed again
            cold = timed(client, paths[0])
            times = [timed(client, paths[i % len(paths)]) for i in range(n)]
            found[name] = (cold, statistics.median(times), statistics.quantiles(times, n=20)[-1])
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--db", help="Keep the big store here (reused when it exists).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "small.db"
        big = Path(args.db) if args.db else Path(tmp) / "big.db"
        build(small, 100)
        if not big.exists():
            build(big, args.docs)
        base, found = measure(small, args.requests), measure(big, args.requests)
    print(f"\nlatency (ms): real uvicorn server, SQLite; median and p95 over {args.requests} requests, and the first "
          "request after the store changed")
    print(f"{'page':34} {'p95 100 docs':>12} {f'median {args.docs:,}':>13} {f'p95 {args.docs:,}':>11} {'ratio':>6} "
          f"{'first':>7}  p95 < 150 ms")
    for name, (cold, median, p95) in found.items():
        print(f"{name:34} {base[name][2]:12.1f} {median:13.1f} {p95:11.1f} {p95 / base[name][2]:6.2f} {cold:7.1f}  "
              f"{'ok' if p95 < 150 else 'SLOW'}")

if __name__ == "__main__":
    main()
