"""A readable terminal report of a store: documents, actors, events, statements, figures, links."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
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


@dataclass
class Citation:
    """An item of a link as a reader checks it: the outlet, its date and the sentence it rests on."""

    item: Any  # an Event or a Figure
    doc: Document | None
    first_copy: str  # the id of the first of the document's syndicated copies (its own id when it has none)

    @property
    def outlet(self) -> str:
        return (self.doc.publisher or self.doc.url or self.doc.id) if self.doc else ""

    @property
    def sentence(self) -> str:
        return sentence_at(self.doc.text, self.item.start, self.item.end) if self.doc else ""

    def __str__(self) -> str:
        if self.doc is None:
            return self.item.id
        return f"{self.outlet}, {self.doc.published or 'undated'}: “{self.sentence}”"


@dataclass
class Tension:
    """A promise, contradiction or denial link with its citations, in the link's order."""

    link: Link
    cited: list[Citation]


def first_copies(links: list[Link]) -> dict[str, str]:
    """For each document with syndicated copies, the first of them (the smallest id)."""
    first: dict[str, str] = {}
    for link in (k for k in links if k.kind == "syndicated"):
        lowest = min(first.get(d, d) for d in link.items)
        first.update({d: lowest for d in link.items})
    return first


def rhetoric_links(store: Store, link_threshold: float | None = None) -> dict[str, list[tuple[Link, list[Any]]]]:
    """Promise, contradiction and denial links scoring at least ``link_threshold``, by kind, each with its items; a
    link that a syndicated copy repeats (same kind, same places in the same text) is kept once, the first of them."""
    links = shown(store.links(kinds=RHETORIC), link_threshold)
    ids = list({i for link in links for i in link.items})
    items = {i.id: i for kind in (Figure, Event) for chunk in range(0, len(ids), 5000)
             for i in store.items(kind, ids=ids[chunk:chunk + 5000])}
    first = first_copies(list(store.links(kinds=["syndicated"])))

    def seen_as(link: Link) -> tuple:
        return link.kind, tuple(sorted((first.get(items[i].doc, items[i].doc), items[i].start) for i in link.items if i in items))

    links = list({seen_as(k): k for k in reversed(links)}.values())[::-1]
    out: dict[str, list[tuple[Link, list[Any]]]] = {kind: [] for kind in RHETORIC}
    for link in links:
        out[link.kind].append((link, [items[i] for i in link.items if i in items]))
    return out


def cite(store: Store, found: list[tuple[Link, list[Any]]], first: dict[str, str]) -> list[Tension]:
    """Links with their items as tensions citing outlet, date and sentence (only these links' documents are read);
    ``first``: each syndicated copy's first copy."""
    docs = {d.id: d for d in store.documents(ids={i.doc for _, items in found for i in items})}
    return [Tension(link, [Citation(i, docs.get(i.doc), first.get(i.doc, i.doc)) for i in items]) for link, items in found]


def tensions(store: Store, link_threshold: float | None = None) -> dict[str, list[Tension]]:
    """Promises, contradictions and denials scoring at least ``link_threshold``, by kind, each with its citations;
    syndicated repeats kept once."""
    first = first_copies(list(store.links(kinds=["syndicated"])))
    return {kind: cite(store, found, first) for kind, found in rhetoric_links(store, link_threshold).items()}


def rhetoric_vs_reality(store: Store, link_threshold: float | None = None) -> Group:
    """Promises, contradictions and denials scoring at least ``link_threshold``, each line citing outlet, date and sentence."""
    parts: list[Any] = [Text("Rhetoric vs reality", style="bold underline")]
    for kind, mine in tensions(store, link_threshold).items():
        table = _table(f"{RHETORIC[kind]} ({len(mine)})", "link", "score", "sources")
        for tension in mine[:MAX_ROWS]:
            table.add_row(tension.link.note, f"{tension.link.score:.2f}", "\n".join(f"• {c}" for c in tension.cited[:4]))
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


@dataclass
class Dossier:
    """What is known of one actor: events as source or target (by date), statements, figures attributed."""

    actor: Entity
    events: list[Event]
    statements: list[Statement]
    figures: list[Figure]
    names: dict[str, str]  # entity id -> name, for every actor these items name
    docs: dict[str, Document]  # the items' documents, without their text

    def date_of(self, item: Any) -> str:
        """The item's date, else its document's publication date."""
        doc = self.docs.get(item.doc)
        return _date(item.date) or (doc.published if doc else "") or ""


def dossier_data(store: Store, actor: Entity) -> Dossier:
    events = list(store.items(Event, involving=actor.id))
    said = list(store.items(Statement, involving=actor.id))
    figures = list(store.items(Figure, involving=actor.id))
    docs = {d.id: d for d in store.documents(ids={i.doc for i in [*events, *said, *figures]}, text=False)}
    named = {e.source for e in events} | {e.target for e in events} | {st.speaker for st in said} | {f.source for f in figures}
    names = {e.id: e.name for e in store.entities(ids=named - {None}, docs=False)}
    found = Dossier(actor, events, said, figures, names, docs)
    events.sort(key=found.date_of)
    return found


def dossier(store: Store, actor: Entity) -> Group:
    from khabar.vocab import PLOVER

    found = dossier_data(store, actor)
    docs, names, events = found.docs, found.names, found.events
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
        timeline.add_row(found.date_of(ev), role, ev.type, ev.mode,
                         names.get(other or "", ""), ev.trigger, (doc.publisher or doc.url or "") if doc else "")
    said = _statements(found.statements, names)
    figures = _figures(found.figures, names)
    rel = _table("Relations (events, by PLOVER quad class)", "actor", "quad class", "count")
    for (other, quad), n in relations.most_common(MAX_ROWS):
        rel.add_row(other, quad, str(n))
    return Group(header, timeline, said, figures, rel)
