"""A readable terminal report of a store: documents, actors, events, statements, figures, links."""
from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from khabar.connect import shown
from khabar.records import DateMention, Document, Entity, Event, Figure, Link, Statement
from khabar.store import Store

MAX_ROWS = 40


def _date(value: Any) -> str:
    return (value.start or value.text or "") if value else ""


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def build_report(store: Store, link_threshold: float | None = None) -> Group:
    """The report; links scoring below ``link_threshold`` are left out (None: every link)."""
    docs = list(store.documents())
    texts = {d.id: d for d in docs}
    entities = {e.id: e for e in store.entities()}
    names = {k: e.name for k, e in entities.items()}
    counts = Counter(m.entity for m in store.mentions())
    parts: list[Any] = [_documents(docs), Text(f"Documents by language: {languages_line(Counter(d.language or 'und' for d in docs))}"),
                        _actors(entities, counts)]
    parts.append(_events(list(store.items(Event)), names, texts))
    parts.append(_statements(list(store.items(Statement)), names))
    parts.append(_figures(list(store.items(Figure)), names))
    n_dates = sum(1 for _ in store.items(DateMention))
    links = shown(store.links(), link_threshold)
    hidden = sum(1 for _ in store.links()) - len(links)
    title = f"Links across documents ({len(links)}" + (f"; {hidden} below the score threshold {link_threshold} not shown" if hidden else "") + ")"
    links_table = _table(title, "kind", "score", "items", "note")
    for link in [k for k in links if k.kind not in RHETORIC][:MAX_ROWS]:
        links_table.add_row(link.kind, f"{link.score:.2f}", str(len(link.items)), link.note)
    parts.append(links_table)
    parts.append(rhetoric_vs_reality(store, link_threshold))
    parts.append(Text(f"{len(docs)} documents, {len(entities)} entities, {n_dates} time expressions.", style="dim"))
    return Group(*parts)


def languages_line(counts: Counter) -> str:
    """"en 6, ru 2 (analysed); tg 1, uz 1 (stored, not analysed)": documents per language, the most first."""
    from khabar.extract.pipeline import ANALYSERS

    def part(langs: list[tuple[str, int]], what: str) -> str:
        return ", ".join(f"{lang} {n}" for lang, n in langs) + f" ({what})" if langs else ""

    ranked = counts.most_common()
    analysed = part([(lang, n) for lang, n in ranked if lang in ANALYSERS], "analysed")
    stored = part([(lang, n) for lang, n in ranked if lang not in ANALYSERS], "stored, not analysed")
    return "; ".join(p for p in (analysed, stored) if p)


def _documents(docs: list[Document]) -> Table:
    table = _table(f"Documents ({len(docs)})", "published", "title", "publisher", "lang", "note")
    for d in docs[:MAX_ROWS]:
        table.add_row(d.published or "", d.title or d.url or d.id, d.publisher or "", d.language or "",
                      d.skipped or (f"revision {d.revision}" if d.revision > 1 else ""))
    return table


def _actors(entities: dict[str, Entity], counts: Counter) -> Table:
    table = _table("Main actors", "mentions", "name", "kind", "code", "role")
    for ent_id, n in counts.most_common(20):
        if e := entities.get(ent_id):
            table.add_row(str(n), e.name, e.kind, e.actor_code or e.country or "", e.role or "")
    return table


def _events(events: list[Event], names: dict[str, str], docs: dict[str, Document]) -> Table:
    table = _table(f"Events ({len(events)}), by date", "date", "type", "mode", "source", "target", "trigger")
    for ev in sorted(events, key=lambda e: (_date(e.date) or (docs[e.doc].published or "") if e.doc in docs else ""))[:MAX_ROWS]:
        table.add_row(_date(ev.date), ev.type, ev.mode, names.get(ev.source or "", ev.source_text or ""),
                      names.get(ev.target or "", ev.target_text or ""), ev.trigger)
    return table


def _statements(statements: list[Statement], names: dict[str, str]) -> Table:
    table = _table(f"Statements ({len(statements)})", "speaker", "cue", "content")
    for st in statements[:MAX_ROWS]:
        content = st.content if len(st.content) < 140 else st.content[:139] + "…"
        table.add_row(names.get(st.speaker or "", st.speaker_text or "?"), st.cue, content)
    return table


def _figures(figures: list[Figure], names: dict[str, str]) -> Table:
    table = _table(f"Figures ({len(figures)})", "figure", "unit", "approx", "measure", "per", "date", "source")
    for f in figures[:MAX_ROWS]:
        table.add_row(f.text, f.unit, f.approx, f.measure or "", f.per or "", _date(f.date),
                      names.get(f.source or "", f.source_text or ""))
    return table


def print_report(store: Store, console: Console | None = None, link_threshold: float | None = None) -> None:
    (console or Console()).print(build_report(store, link_threshold))


# --- rhetoric vs reality -------------------------------------------------------
RHETORIC = {"promise": "Promises against outcomes", "contradiction": "Claims against other sources' figures",
            "denial": "Reports against denials"}


def sentence_at(text: str, start: int, end: int, width: int = 160) -> str:
    """The sentence around a span, shortened to ``width``."""
    lo = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    hi_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    hi = min(hi_candidates) + 1 if hi_candidates else len(text)
    snippet = " ".join(text[lo:hi].split())
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


def _cite(item: Any, docs: dict[str, Document]) -> str:
    doc = docs.get(item.doc)
    if doc is None:
        return item.id
    outlet = doc.publisher or doc.url or doc.id
    return f"{outlet}, {doc.published or 'undated'}: “{sentence_at(doc.text, item.start, item.end)}”"


def rhetoric_vs_reality(store: Store, link_threshold: float | None = None) -> Group:
    """Promises, contradictions and denials scoring at least ``link_threshold``, each line citing outlet, date and sentence."""
    docs = {d.id: d for d in store.documents()}
    all_links = list(store.links())
    links = [link for link in shown(all_links, link_threshold) if link.kind in RHETORIC]
    ids = [i for link in links for i in link.items]
    items = {i.id: i for kind in (Figure, Event) for i in store.items(kind, ids=ids)}
    original = {}  # a syndicated copy's document -> the first of its copies
    for link in (k for k in all_links if k.kind == "syndicated"):
        first = min(original.get(d, d) for d in link.items)
        original.update({d: first for d in link.items})

    def seen_as(link: Link) -> tuple:
        """Copies of one article give the same link twice: same kind, same places in the same text."""
        return link.kind, tuple(sorted((original.get(items[i].doc, items[i].doc), items[i].start) for i in link.items if i in items))

    links = list({seen_as(k): k for k in reversed(links)}.values())[::-1]  # the first of each kept, in order
    parts: list[Any] = [Text("Rhetoric vs reality", style="bold underline")]
    for kind, title in RHETORIC.items():
        mine = [link for link in links if link.kind == kind]
        table = _table(f"{title} ({len(mine)})", "link", "score", "sources")
        for link in mine[:MAX_ROWS]:
            cited = [f"• {_cite(items[i], docs)}" for i in link.items if i in items][:4]
            table.add_row(link.note, f"{link.score:.2f}", "\n".join(cited))
        parts.append(table)
    return Group(*parts)


# --- actor dossier -----------------------------------------------------------
def find_actor(store: Store, query: str) -> Entity | None:
    """The entity whose name or alias best matches ``query`` (rapidfuzz), or None."""
    from rapidfuzz import fuzz, process

    entities = list(store.entities())
    choices = {f"{e.id}\x1f{n}": n for e in entities for n in [e.name, *e.aliases]}
    best = process.extractOne(query, choices, scorer=fuzz.WRatio, score_cutoff=85)
    if best is None:
        return None
    entity_id = best[2].split("\x1f")[0]
    return next(e for e in entities if e.id == entity_id)


def dossier(store: Store, actor: Entity) -> Group:
    from khabar.vocab import PLOVER

    docs = {d.id: d for d in store.documents()}
    names = {e.id: e.name for e in store.entities()}
    events = sorted(store.items(Event, involving=actor.id),
                    key=lambda e: (_date(e.date) or (docs[e.doc].published if e.doc in docs else "") or ""))
    header = Text(f"{actor.name} — {actor.kind}" + (f", {actor.role}" if actor.role else "")
                  + (f", {actor.actor_code or actor.country}" if actor.actor_code or actor.country else "")
                  + f"; in {len(actor.docs)} documents; also: {', '.join(actor.aliases[:8]) or '—'}", style="bold")
    timeline = _table(f"Events ({len(events)})", "date", "role", "type", "mode", "with", "trigger", "source")
    relations: Counter = Counter()
    for ev in events:
        role, other = ("source", ev.target) if ev.source == actor.id else ("target", ev.source)
        if other:
            relations[(names.get(other, other), PLOVER.get(ev.type, "?"))] += 1
        doc = docs.get(ev.doc)
        timeline.add_row(_date(ev.date) or (doc.published if doc else "") or "", role, ev.type, ev.mode,
                         names.get(other or "", ""), ev.trigger, (doc.publisher or doc.url or "") if doc else "")
    said = _statements(list(store.items(Statement, involving=actor.id)), names)
    figures = _figures(list(store.items(Figure, involving=actor.id)), names)
    rel = _table("Relations (events, by PLOVER quad class)", "actor", "quad class", "count")
    for (other, quad), n in relations.most_common(MAX_ROWS):
        rel.add_row(other, quad, str(n))
    return Group(header, timeline, said, figures, rel)
