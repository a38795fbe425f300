"""What each page shows, as plain data: the HTML page renders it, ``/api/...`` returns it as JSON.

Every function reads through the store's indexes and loads only what the page shows (a page of a
store of 10,000 documents must answer in well under 150 ms); what the terminal report already
computes (rhetoric vs reality, dossiers) comes from ``khabar.report``.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import fields
from typing import Any
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

from pydantic import BaseModel, Field, field_validator
from sqlalchemy import Select, Text, and_, cast, func, or_, select

from khabar.config import Settings
from khabar.export import clean
from khabar.records import DateMention, DateValue, Document, Entity, Event, Figure, Link, Statement
from khabar.report import RHETORIC, Tension, cite, dossier_data, first_copies, rhetoric_links, sentence_at
from khabar.store import Store
from khabar.store import schema as s
from khabar.store import search as fts
from khabar.vocab import MODES, PLOVER

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
ITEM_KINDS: dict[str, type] = {"event": Event, "statement": Statement, "figure": Figure, "date": DateMention}
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


# --- what the store holds now, and answers computed over all of it ---------------------------
_computed: WeakKeyDictionary[Store, dict[str, tuple[tuple, Any]]] = WeakKeyDictionary()


def data_version(store: Store) -> tuple:
    """Changes whenever a document is added or revised or links are made (all four only grow or drain)."""
    counts = [select(func.count()).select_from(t).scalar_subquery() for t in (s.documents, s.revisions, s.links, s.pending)]
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(*counts)).one())


def computed(store: Store, what: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, kept until the store changes: for answers that read every link of the store (rhetoric vs reality)."""
    version = data_version(store)
    known = _computed.setdefault(store, {}).get(what)
    if known is None or known[0] != version:
        known = (version, compute())
        _computed[store][what] = known
    return known[1]


def rhetoric(store: Store) -> dict[str, list[tuple[Link, list[Any]]]]:
    """The links the report shows: at or above the link threshold (``KHABAR_LINK_THRESHOLD``)."""
    return computed(store, "rhetoric", lambda: rhetoric_links(store, Settings().link_threshold))


# --- small helpers ---------------------------------------------------------------
def date_label(value: DateValue | dict | None) -> str:
    """A date as the text said it and what it was resolved to: "this year (2021)", "mid-October (2021-10-11 – 2021-10-20)".

    Never a bare resolved date: "this year" is not 2021-01-01.
    """
    if value is None:
        return ""
    d = value if isinstance(value, DateValue) else DateValue(**value)
    resolved = _range(d)
    if not resolved:
        return d.text
    return resolved if d.text == resolved else f"{d.text} ({resolved})"


def _range(d: DateValue) -> str:
    if not d.start:
        return d.partial or ""
    end = d.end or d.start
    if d.start == end:
        return d.start
    if d.start.endswith("-01-01") and end.endswith("-12-31") and d.start[:4] == end[:4]:
        return d.start[:4]
    if d.start[:7] == end[:7] and d.start.endswith("-01") and end[8:] >= "28":
        return d.start[:7]
    return f"{d.start} – {end}"


def brief(doc: Document | Any) -> dict[str, Any]:
    """What a list shows of a document."""
    return {"id": doc.id, "title": doc.title or doc.url or doc.id, "url": doc.url, "publisher": doc.publisher,
            "published": doc.published, "language": doc.language}


def outlet_of(doc: Any) -> str | None:
    """Who published a document: its publisher, else its URL's host."""
    if doc is None:
        return None
    return doc.publisher or (urlsplit(doc.url).hostname if doc.url and "://" in doc.url else doc.url)


def _pages(total: int, page: int, per_page: int) -> dict[str, int]:
    return {"total": total, "page": page, "pages": max(1, -(-total // per_page)), "per_page": per_page}


def _briefs(conn: Any, where: Any) -> dict[str, dict[str, Any]]:
    cols = [s.documents.c[n] for n in ("id", "title", "url", "publisher", "published", "language")]
    return {row.id: brief(row) for row in conn.execute(select(*cols).where(where))}


def names_of(store: Store, ids: Iterable[str | None]) -> dict[str, str]:
    wanted = list({i for i in ids if i})
    if not wanted:
        return {}
    with store.engine.connect() as conn:
        return dict(conn.execute(select(s.entities.c.id, s.entities.c.name).where(s.entities.c.id.in_(wanted))).all())


def copy_documents(store: Store) -> tuple[dict[str, str], set[str]]:
    """Syndicated copies: each copy's head (the earliest published of its copies), and the copies that are not a head.

    Pages show a head once, with its copies named beside it.
    """
    groups = first_copies(list(store.links(kinds=["syndicated"])))
    with store.engine.connect() as conn:
        published = dict(conn.execute(select(s.documents.c.id, s.documents.c.published).where(s.documents.c.id.in_(list(groups)))).all())
    members: dict[str, list[str]] = {}
    for doc, group in groups.items():
        members.setdefault(group, []).append(doc)
    head = {doc: min(docs, key=lambda d: (published.get(d) or "9999", d)) for docs in members.values() for doc in docs}
    return head, {doc for doc, first in head.items() if doc != first}


def find_entity(store: Store, value: str) -> Entity | None:
    """The entity with this id, else with this name (any case), else whose name contains it."""
    if not value:
        return None
    with store.engine.connect() as conn:
        for where in (s.entities.c.id == value, func.lower(s.entities.c.name) == value.lower(),
                      s.entities.c.name.ilike(f"%{value}%")):
            row = conn.execute(select(s.entities.c.id).where(where).order_by(func.length(s.entities.c.name)).limit(1)).first()
            if row:
                return next(store.entities(ids=[row.id]), None)
    return None


def link_view(link: Link, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A link shown generically: kind, note, every field the record has (a score when there is one), its documents."""
    ids = list(dict.fromkeys(i.split(":")[0] for i in link.items))
    return {**link.as_dict(), "documents": [docs[i] for i in ids if i in docs]}


def tension_view(tension: Tension, docs: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    """A promise, contradiction or denial with its cited sentences; a syndicated copy's sentence once."""
    cited, seen = [], set()
    for c in tension.cited:
        key = (c.first_copy, c.item.start)
        if key in seen:
            continue
        seen.add(key)
        cited.append({"item": c.item.id, "doc": c.item.doc, "title": (c.doc.title if c.doc else None) or c.item.doc,
                      "outlet": outlet_of(c.doc) or c.outlet, "published": c.doc.published if c.doc else None, "sentence": c.sentence,
                      "value": getattr(c.item, "text", None) or getattr(c.item, "trigger", None),
                      "mode": getattr(c.item, "mode", None), "date": date_label(c.item.date)})
    return {**tension.link.as_dict(), "cited": cited}


# --- filters -------------------------------------------------------------------------
class Filters(BaseModel):
    """Filters shared by search and the events table; every one optional."""

    actor: str = Field("", description="Entity id or name: documents or events involving it.")
    type: str = Field("", description="PLOVER event type, e.g. MOBILIZE.")
    mode: str = Field("", description="Event mode, e.g. denied.")
    since: str = Field("", description="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
    until: str = Field("", description="Up to this date, included.")
    outlet: str = Field("", description="Publisher, as stored.")
    language: str = Field("", description="Language code, e.g. en.")
    page: int = Field(1, ge=1, le=100_000)

    @field_validator("since", "until")
    @classmethod
    def _iso(cls, value: str) -> str:
        if value and not _ISO.match(value):
            raise ValueError("use YYYY, YYYY-MM or YYYY-MM-DD")
        return value

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        if value and value.upper() not in PLOVER:
            raise ValueError(f"not a PLOVER type (one of {', '.join(PLOVER)})")
        return value.upper()

    @field_validator("mode")
    @classmethod
    def _mode(cls, value: str) -> str:
        if value and value not in MODES:
            raise ValueError(f"not a mode (one of {', '.join(MODES)})")
        return value

    def until_end(self) -> str:
        """``until`` as the last date it covers, for comparing with ISO dates as text."""
        return self.until + ("-12-31" if len(self.until) == 4 else "-31" if len(self.until) == 7 else "")


class SearchQuery(Filters):
    q: str = Field("", description='Words (all required), "a phrase", -excluded, a OR b.', max_length=500)


class EventQuery(Filters):
    copies: bool = Field(False, description="Also list events of syndicated copies (shown once by default).")


def options(store: Store) -> dict[str, list[str]]:
    """Values the filters can take in this store."""
    with store.engine.connect() as conn:
        outlets = conn.execute(select(s.documents.c.publisher).distinct().where(s.documents.c.publisher.is_not(None))
                               .order_by(s.documents.c.publisher)).scalars().all()
        languages = conn.execute(select(s.documents.c.language).distinct().where(s.documents.c.language.is_not(None))
                                 .order_by(s.documents.c.language)).scalars().all()
    return {"types": list(PLOVER), "modes": list(MODES), "outlets": list(outlets), "languages": list(languages)}


def _document_filters(store: Store, f: Filters) -> tuple[list[Any], Entity | None]:
    d = s.documents.c
    where: list[Any] = []
    actor = find_entity(store, f.actor) if f.actor else None
    if f.actor:
        where.append(d.id.in_(select(s.mentions.c.doc).where(s.mentions.c.entity == (actor.id if actor else ""))))
    if f.type or f.mode:
        ev = s.events.c
        cond = and_(*[c for c in (ev.type == f.type if f.type else None, ev.mode == f.mode if f.mode else None) if c is not None])
        where.append(d.id.in_(select(ev.doc).where(cond)))
    if f.since:
        where.append(d.published >= f.since)
    if f.until:
        where.append(d.published <= f.until_end())
    if f.outlet:
        where.append(d.publisher == f.outlet)
    if f.language:
        where.append(d.language == f.language)
    return where, actor


# --- pages ------------------------------------------------------------------------------
def overview(store: Store, rhetoric_rows: int = 6) -> dict[str, Any]:
    first, copies = copy_documents(store)
    with store.engine.connect() as conn:
        newest = select(s.documents.c.id).order_by(s.documents.c.seq.desc()).limit(10)
        if copies:  # a syndicated copy is listed with its first copy, not again
            newest = newest.where(s.documents.c.id.not_in(list(copies)))
        latest_ids = conn.execute(newest).scalars().all()
        latest = _briefs(conn, s.documents.c.id.in_(latest_ids) | s.documents.c.id.in_(list(first)))
        top = conn.execute(select(s.mentions.c.entity, func.count().label("n")).group_by(s.mentions.c.entity)
                           .order_by(func.count().desc(), s.mentions.c.entity).limit(15)).all()
        ents = {r.id: r for r in conn.execute(select(s.entities).where(s.entities.c.id.in_([t.entity for t in top])))}
        timeline = _timeline(conn, copies)
    actors = [{"id": t.entity, "name": ents[t.entity].name, "kind": ents[t.entity].kind, "mentions": t.n,
               "code": ents[t.entity].actor_code or ents[t.entity].country, "role": ents[t.entity].role}
              for t in top if t.entity in ents]
    board = {kind: {"title": RHETORIC[kind], "total": len(found), "links": [tension_view(t) for t in cite(store, found[:rhetoric_rows], first)]}
             for kind, found in rhetoric(store).items()}
    for i in latest_ids:
        latest[i]["copies"] = [latest[c] for c, head in first.items() if head == i and c != i and c in latest]
    return {"counts": store.counts(), "latest": [latest[i] for i in latest_ids if i in latest], "actors": actors,
            "timeline": timeline, "rhetoric": board, "copies": len(copies)}


def _timeline(conn: Any, copies: set[str]) -> dict[str, Any]:
    """Events per month (their own date, else their document's) by PLOVER quad class; copies counted once."""
    ev, d = s.events.c, s.documents.c
    month = func.substr(func.coalesce(ev.date_start, d.published), 1, 7).label("month")
    query = (select(month, ev.type, func.count().label("n")).select_from(s.events.join(s.documents, d.id == ev.doc))
             .where(month.is_not(None)).group_by(month, ev.type))
    if copies:
        query = query.where(ev.doc.not_in(list(copies)))
    counts: dict[str, Counter] = {}
    for row in conn.execute(query):
        if row.month and len(row.month) == 7:
            counts.setdefault(row.month, Counter())[PLOVER.get(row.type, "")] += row.n
    months = _month_range(sorted(counts))
    return {"months": months, "series": {q: [counts.get(m, Counter())[q] for m in months] for q in QUADS}}


def _month_range(months: list[str]) -> list[str]:
    """Every month from the first to the last (empty months are zero, not skipped); at most 30 years."""
    if not months:
        return []
    y, m = int(months[0][:4]), int(months[0][5:])
    out = []
    while len(out) < 360:
        out.append(f"{y:04d}-{m:02d}")
        if out[-1] >= months[-1]:
            break
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


PER_PAGE = 20


def search(store: Store, query: SearchQuery) -> dict[str, Any]:
    """Documents matching the words and filters, best first (newest first without words), and actors by name."""
    where, actor = _document_filters(store, query)
    d = s.documents.c
    with store.engine.connect() as conn:
        hits = fts.hits(conn.dialect.name, query.q)
        base: Select = select(d.id).where(*where)
        if hits is not None:
            base = base.join(hits, hits.c.doc == d.id).order_by(hits.c.score, d.id)
        else:
            base = base.order_by(d.published.desc().nulls_last(), d.seq.desc())
        total = conn.execute(select(func.count()).select_from(base.order_by(None).subquery())).scalar_one()
        ids = conn.execute(base.limit(PER_PAGE).offset((query.page - 1) * PER_PAGE)).scalars().all()
        docs = _briefs(conn, d.id.in_(ids))
        passages = fts.snippets(conn, query.q, list(ids)) if hits is not None else {}
        actors = _actors_named(conn, query.q) if query.q.strip() else []
    first, _ = copy_documents(store)
    results, shown = [], set()
    for i in ids:
        head = first.get(i, i)
        if head in shown:  # a syndicated copy of a result above: listed with it
            continue
        shown.add(head)
        i = head if head in docs else i  # the earliest copy stands for the others when it matches too
        copies = [c for c, h in first.items() if h == head and c != i]
        results.append({**docs[i], "snippet": passages.get(i, []), "copies": list(_briefs_of(store, copies).values())})
    return {"query": query.model_dump(), "actor": actor.as_dict() if actor else None, "results": results, "actors": actors,
            **_pages(total, query.page, PER_PAGE)}


def _briefs_of(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    if not ids:
        return {}
    with store.engine.connect() as conn:
        return _briefs(conn, s.documents.c.id.in_(ids))


def _actors_named(conn: Any, q: str) -> list[dict[str, Any]]:
    words = [w for w in re.findall(r"\w+", q) if w.upper() != "OR"]
    if not words:
        return []
    e = s.entities.c
    rows = conn.execute(select(e.id, e.name, e.kind, e.actor_code, e.country)
                        .where(and_(*[or_(e.name.ilike(f"%{w}%"), cast(e.aliases, Text).ilike(f"%{w}%")) for w in words]))
                        .order_by(func.length(e.name), e.name).limit(10)).all()
    return [{"id": r.id, "name": r.name, "kind": r.kind, "code": r.actor_code or r.country} for r in rows]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    """A document with every record extracted from it and the links that reach other documents."""
    doc = next(store.documents(ids=[doc_id]), None)
    if doc is None:
        return None
    mentions = list(store.mentions(doc_id))
    entities = {e.id: e for e in store.entities(ids={m.entity for m in mentions})}
    items = {kind: list(store.items(t, doc_id=doc_id)) for kind, t in ITEM_KINDS.items()}
    names = {i: e.name for i, e in entities.items()}
    names.update(names_of(store, {x for ev in items["event"] for x in (ev.source, ev.target, ev.location)}
                          | {st.speaker for st in items["statement"]} | {f.source for f in items["figure"]}))
    links = _links_of(store, [doc_id, *(i.id for kind in items.values() for i in kind)])
    other_docs = {i.split(":")[0] for link in links for i in link.items} - {doc_id}
    docs = _briefs_of(store, list(other_docs))
    return {"document": clean(doc.as_dict()), "entities": [e.as_dict() for e in entities.values()],
            "mentions": [m.as_dict() for m in mentions],
            **{kind: [_item_view(i, names) for i in found] for kind, found in items.items()},
            "names": names, "links": [link_view(link, docs) for link in links]}


def as_dict(record: Any) -> dict[str, Any]:
    """``record.as_dict()`` without the internal fields, and much faster (no deep copy: the page's records are its own)."""
    out = {"record": record.record, **{f.name: getattr(record, f.name) for f in fields(record)}}
    if isinstance(out.get("date"), DateValue):
        out["date"] = vars(out["date"]).copy()
    return clean(out)


def _item_view(item: Any, names: dict[str, str]) -> dict[str, Any]:
    out = as_dict(item)
    if getattr(item, "date", None) is not None:
        out["date_label"] = date_label(item.date)
    for role in ("source", "target", "speaker", "location"):
        if out.get(role):
            out[f"{role}_name"] = names.get(out[role])
    return out


def _links_of(store: Store, ids: list[str]) -> list[Link]:
    with store.engine.connect() as conn:
        link_ids = select(s.link_items.c.link).where(s.link_items.c.item.in_(ids))
        rows = conn.execute(select(s.links).where(s.links.c.id.in_(link_ids)).order_by(s.links.c.kind, s.links.c.id)).all()
    return [Link.from_dict(dict(r._mapping)) for r in rows]  # type: ignore[misc]


def document_records(store: Store, doc_id: str) -> list[dict[str, Any]]:
    """A stored document and everything extracted from it, as export records (what ``khabar export`` prints)."""
    doc = next(store.documents(ids=[doc_id]), None)
    if doc is None:
        return []
    entity_ids = {m.entity for m in store.mentions(doc_id)}
    out = [clean(doc.as_dict()), *(e.as_dict() for e in store.entities(ids=entity_ids))]
    for t in ITEM_KINDS.values():
        out += [clean(i.as_dict()) for i in store.items(t, doc_id=doc_id)]
    return out


TIMELINE_ROWS = 300  # the latest events of an actor listed on its page (the graph and counts use all)
LISTED = 100  # the latest statements and figures of an actor listed


def actor(store: Store, entity_id: str) -> dict[str, Any] | None:
    """The dossier of one actor (khabar.report.dossier_data) with first/last seen and who-does-what-to-whom edges."""
    found = next(store.entities(ids=[entity_id]), None)
    if found is None:
        return None
    data = dossier_data(store, found)
    with store.engine.connect() as conn:
        seen = conn.execute(select(func.min(s.documents.c.published), func.max(s.documents.c.published))
                            .where(s.documents.c.id.in_(select(s.mentions.c.doc).where(s.mentions.c.entity == entity_id)))).one()
    _, copies = copy_documents(store)
    events = [e for e in data.events if e.doc not in copies]
    rows = []
    for ev in events[-TIMELINE_ROWS:]:
        view = _item_view(ev, data.names)
        view["role"] = "source" if ev.source == entity_id else "target"
        view["when"] = date_label(ev.date) or (data.docs[ev.doc].published if ev.doc in data.docs else "") or ""
        view["document"] = brief(data.docs[ev.doc]) if ev.doc in data.docs else None
        rows.append(view)
    said = sorted((st for st in data.statements if st.doc not in copies), key=data.date_of)[-LISTED:]
    figures = sorted((f for f in data.figures if f.doc not in copies), key=data.date_of)[-LISTED:]
    return {"actor": found.as_dict(), "first_seen": seen[0], "last_seen": seen[1], "events_total": len(events),
            "events": rows, "statements_total": len(data.statements), "statements": [_item_view(st, data.names) for st in said],
            "figures_total": len(data.figures), "figures": [_item_view(f, data.names) for f in figures],
            "graph": _graph(found, events, data.names)}


def _graph(center: Entity, events: list[Event], names: dict[str, str], most: int = 12) -> dict[str, Any]:
    """Who does what to whom around one actor: its busiest counterparts, one edge per direction and quad class."""
    edges = Counter((e.source, e.target, PLOVER.get(e.type, "")) for e in events if e.source and e.target and e.source != e.target)
    weight: Counter = Counter()
    for (a, b, _), n in edges.items():
        weight[b if a == center.id else a] += n
    keep = {center.id, *(other for other, _ in weight.most_common(most))}
    nodes = [{"id": i, "name": names.get(i, i), "center": i == center.id} for i in [center.id, *sorted(keep - {center.id})]]
    return {"nodes": nodes, "edges": [{"source": a, "target": b, "quad": q, "count": n}
                                      for (a, b, q), n in sorted(edges.items()) if a in keep and b in keep]}


EVENTS_PER_PAGE = 50


def _event_query(store: Store, f: EventQuery) -> tuple[Select, Entity | None]:
    ev, d = s.events.c, s.documents.c
    when = func.coalesce(ev.date_start, d.published)
    query = select(s.events, d.publisher, d.published, d.title, when.label("when")).select_from(
        s.events.join(s.documents, d.id == ev.doc))
    actor = find_entity(store, f.actor) if f.actor else None
    if f.actor:
        query = query.where(or_(ev.source == (actor.id if actor else ""), ev.target == (actor.id if actor else "")))
    for col, value in ((ev.type, f.type), (ev.mode, f.mode), (d.publisher, f.outlet), (d.language, f.language)):
        if value:
            query = query.where(col == value)
    if f.since:
        query = query.where(when >= f.since)
    if f.until:
        query = query.where(when <= f.until_end())
    if not f.copies:
        _, copies = copy_documents(store)
        if copies:
            query = query.where(ev.doc.not_in(list(copies)))
    return query.order_by(when.desc().nulls_last(), ev.id), actor


def events(store: Store, f: EventQuery) -> dict[str, Any]:
    query, actor = _event_query(store, f)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.order_by(None).subquery())).scalar_one()
        rows = conn.execute(query.limit(EVENTS_PER_PAGE).offset((f.page - 1) * EVENTS_PER_PAGE)).all()
    found = [_event_row(r) for r in rows]
    names = names_of(store, {x for r in found for x in (r["source"], r["target"])})
    for r in found:
        r.update(source_name=names.get(r["source"] or ""), target_name=names.get(r["target"] or ""))
    return {"query": f.model_dump(), "actor": actor.as_dict() if actor else None, "events": found,
            **_pages(total, f.page, EVENTS_PER_PAGE)}


def _event_row(row: Any) -> dict[str, Any]:
    ev = Event.from_dict(dict(row._mapping))
    out = as_dict(ev)
    out.update(date_label=date_label(ev.date) or (f"{row.published} (published)" if row.published else ""),
               publisher=row.publisher, published=row.published, title=row.title, quad=PLOVER.get(ev.type, ""))
    return out


def all_events(store: Store, f: EventQuery) -> Iterator[list[dict[str, Any]]]:
    """Every event the filter selects (no paging), as export records with names, a thousand at a time: the downloads."""
    query, _ = _event_query(store, f)
    names: dict[str, str] = {}
    with store.engine.connect() as conn:
        for chunk in conn.execution_options(yield_per=1000).execute(query).partitions():
            found = [_event_row(r) for r in chunk]
            names.update(names_of(store, {x for r in found for x in (r["source"], r["target"])} - names.keys()))
            for r in found:
                r.update(source_name=names.get(r["source"] or ""), target_name=names.get(r["target"] or ""))
            yield found


SERIES_PER_PAGE = 5
POINTS_CITED = 20  # the latest points of a series are cited with their sentence; the chart shows all
CONTRADICTIONS = 20  # shown on the figures page; all are in khabar report and the export


def figures(store: Store, page: int = 1) -> dict[str, Any]:
    """Figure series (a chart each; the latest points with their source and sentence) and contradictions side by side."""
    first, _ = copy_documents(store)
    f, d = s.figures.c, s.documents.c
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(s.links).where(s.links.c.kind == "series")).scalar_one()
        rows = conn.execute(select(s.links).where(s.links.c.kind == "series").order_by(s.links.c.id)
                            .limit(SERIES_PER_PAGE).offset((page - 1) * SERIES_PER_PAGE)).all()
        links = [Link.from_dict(dict(r._mapping)) for r in rows]
        ids = list({i for link in links for i in link.items})
        # only the columns a point shows: a series may have hundreds of points
        figs = {r.id: r for chunk in range(0, len(ids), 5000) for r in conn.execute(
            select(f.id, f.doc, f.start, f.end, f.value, f.text, f.unit, f.approx, f.measure, f.date, f.source, f.source_text,
                   f.promised, d.publisher, d.published, d.url).join(s.documents, d.id == f.doc).where(f.id.in_(ids[chunk:chunk + 5000])))}
    names = names_of(store, {r.source for r in figs.values()})
    series = [_series(link, figs, names, first) for link in links]
    cited = [p for one in series for p in one["points"][-POINTS_CITED:]]
    texts = {doc.id: doc.text for doc in store.documents(ids={p["doc"] for p in cited})}
    for p in cited:
        p["sentence"] = sentence_at(texts.get(p["doc"], ""), p["start"], p["end"], width=240)
    contradictions = rhetoric(store)["contradiction"]
    return {"series": series, "contradictions": [tension_view(t) for t in cite(store, contradictions[:CONTRADICTIONS], first)],
            "contradictions_total": len(contradictions), **_pages(total, page, SERIES_PER_PAGE)}


def _series(link: Link, figs: dict[str, Any], names: dict[str, str], first: dict[str, str]) -> dict[str, Any]:
    chosen: dict[tuple[str, int], Any] = {}  # a point repeated by a syndicated copy is one point, the earliest copy's
    for f in (figs[i] for i in link.items if i in figs):
        key = (first.get(f.doc, f.doc), f.start)
        if key not in chosen or f.doc == key[0]:
            chosen[key] = f
    points = []
    for f in chosen.values():
        date = DateValue(**f.date) if f.date else None
        points.append({"id": f.id, "doc": f.doc, "start": f.start, "end": f.end, "value": f.value, "text": f.text, "unit": f.unit,
                       "approx": f.approx, "x": (date.start if date and date.start else None) or f.published,
                       "date": date_label(date) or (f"{f.published} (published)" if f.published else ""),
                       "source": names.get(f.source or "") or f.source_text, "outlet": outlet_of(f), "sentence": None,
                       "promised": bool(f.promised)})
    points.sort(key=lambda p: (p["x"] or "", p["doc"]))
    head = figs.get(link.items[0]) if link.items else None
    return {**link.as_dict(), "measure": head.measure if head else "", "unit": head.unit if head else "", "points": points}
