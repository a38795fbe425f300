"""A readable terminal report of a store: documents, actors, events, statements, figures, links."""
from __future__ import annotations

from collections import Counter
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from khabar.records import DateMention, Document, Entity, Event, Figure, Statement
from khabar.store import Store

MAX_ROWS = 40


def _date(value: Any) -> str:
    return (value.start or value.text or "") if value else ""


def _excerpt(text: str, start: int, end: int, width: int = 110) -> str:
    lo = max(0, text.rfind(". ", 0, start) + 2 if text.rfind(". ", 0, start) >= 0 else 0)
    snippet = text[lo : max(end, lo + 20)].replace("\n", " ")
    return snippet if len(snippet) <= width else snippet[: width - 1] + "…"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", expand=False, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    return table


def build_report(store: Store) -> Group:
    docs = list(store.documents())
    texts = {d.id: d for d in docs}
    entities = {e.id: e for e in store.entities()}
    names = {k: e.name for k, e in entities.items()}
    counts = Counter(m.entity for m in store.mentions())
    parts: list[Any] = [_documents(docs), _actors(entities, counts)]
    parts.append(_events(list(store.items(Event)), names, texts))
    parts.append(_statements(list(store.items(Statement)), names))
    parts.append(_figures(list(store.items(Figure)), names))
    n_dates = sum(1 for _ in store.items(DateMention))
    links = list(store.links())
    links_table = _table(f"Links across documents ({len(links)})", "kind", "items", "note")
    for link in links[:MAX_ROWS]:
        links_table.add_row(link.kind, str(len(link.items)), link.note)
    parts.append(links_table)
    parts.append(Text(f"{len(docs)} documents, {len(entities)} entities, {n_dates} time expressions.", style="dim"))
    return Group(*parts)


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


def print_report(store: Store, console: Console | None = None) -> None:
    (console or Console()).print(build_report(store))
