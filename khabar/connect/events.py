"""One event however many outlets report it (same_event), and reports set against denials (denial)."""
from __future__ import annotations

from datetime import date

from khabar.connect import Corpus, link_id, shifted_day
from khabar.records import Event, Link

# Types close enough that a report of one and a denial of the other are about the same thing.
FAMILIES = {"SUPPORT": "help", "AID": "help", "COOPERATE": "help"}
FACTUAL = {"asserted", "reported"}
SLACK_DAYS = 3
# Reports compared with a new one: those published this close to it (and undated ones). Outlets report one event
# within weeks; a denial may come months after the report. The bound keeps each new event's candidates to a season
# of news between the same two actors, not every report of them in the archive.
SAME_EVENT_DAYS = 30
DENIAL_DAYS = 365


def _family(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def _same_actors(a: Event, b: Event) -> bool:
    """Same source and same target, both named: without them two reports cannot be told to be one event."""
    return bool(a.source and a.target and a.source == b.source and a.target == b.target)


def _dates_fit(a: Event, b: Event) -> bool:
    if not (a.date and a.date.start and b.date and b.date.start):
        return True
    from datetime import date, timedelta

    slack = timedelta(days=SLACK_DAYS)
    a0, a1 = date.fromisoformat(a.date.start), date.fromisoformat(a.date.end or a.date.start)
    b0, b1 = date.fromisoformat(b.date.start), date.fromisoformat(b.date.end or b.date.start)
    return a0 - slack <= b1 and b0 - slack <= a1


def _candidates(corpus: Corpus, ev: Event, days: int) -> list[Event]:
    """Events between the same source and target, from documents published within ``days`` of ``ev``'s."""
    if not (ev.source and ev.target):
        return []
    doc = corpus.document(ev.doc)
    try:
        day = date.fromisoformat(doc.published[:10]) if doc and doc.published else None
    except ValueError:
        day = None
    window = None if day is None else (shifted_day(day, -days), shifted_day(day, days))
    return corpus.events_between(ev.source, ev.target, window)


def _outlets(corpus: Corpus, doc_ids: list[str]) -> list[str]:
    """One name per independent source: syndicated copies count once."""
    seen: set[str] = set()
    out = []
    for doc_id in dict.fromkeys(doc_ids):
        if doc_id in seen:
            continue
        seen |= {doc_id, *corpus.syndicated_with(doc_id)}
        doc = corpus.document(doc_id)
        out.append(f"{(doc.publisher or doc.url or doc_id) if doc else doc_id} {(doc.published or '') if doc else ''}".strip())
    return out


def same_event_links(corpus: Corpus, events: list[Event]) -> list[Link]:
    out: dict[str, Link] = {}
    for ev in events:
        if ev.mode not in FACTUAL:
            continue
        copies = corpus.syndicated_with(ev.doc)
        matches = [c for c in _candidates(corpus, ev, SAME_EVENT_DAYS)
                   if c.doc != ev.doc and c.doc not in copies and c.type == ev.type and c.mode in FACTUAL
                   and _same_actors(ev, c) and _dates_fit(ev, c)]
        if not matches:
            continue
        ids = [ev.id, *(c.id for c in matches)]
        existing = list(out.values()) + corpus.links_with("same_event", ids)
        cluster = next((link for link in existing if set(ids) & set(link.items)), None)
        items = list(dict.fromkeys([*(cluster.items if cluster else []), *ids]))
        lid = cluster.id if cluster else link_id("same_event", ev.id)
        docs = [i.split(":")[0] for i in items]
        outlets = _outlets(corpus, docs)
        out[lid] = Link(id=lid, kind="same_event", items=items,
                        note=f"{ev.type} '{ev.trigger}' reported by {len(outlets)} sources: {'; '.join(outlets)}",
                        evidence={"type": ev.type, "source": ev.source, "target": ev.target, "outlets": outlets,
                                  "dates": [ev.date.start if ev.date else None, *(c.date.start if c.date else None for c in matches)]})
    return list(out.values())


def denial_links(corpus: Corpus, events: list[Event]) -> list[Link]:
    out: dict[str, Link] = {}
    for ev in events:
        related = [c for c in _candidates(corpus, ev, DENIAL_DAYS)
                   if c.id != ev.id and _family(c.type) == _family(ev.type) and _same_actors(ev, c)]
        if ev.mode == "denied":
            pairs = [(c, ev) for c in related if c.mode in FACTUAL]
        elif ev.mode in FACTUAL:
            pairs = [(ev, c) for c in related if c.mode == "denied"]
        else:
            continue
        for claim, denial in pairs:
            lid = link_id("denial", claim.id)
            known = out.get(lid) or next(iter(corpus.links_with("denial", [claim.id])), None)
            items = list(dict.fromkeys([*(known.items if known and known.id == lid else [claim.id]), denial.id]))
            deniers = _outlets(corpus, [i.split(":")[0] for i in items[1:]])  # a syndicated copy's denial once
            out[lid] = Link(id=lid, kind="denial", items=items,
                            note=f"{claim.mode} {claim.type} '{claim.trigger}' — denied {len(deniers)} time(s), "
                                 f"last: '{denial.trigger}'",
                            evidence={"types": [claim.type, denial.type], "modes": [claim.mode, denial.mode],
                                      "source": claim.source, "target": claim.target, "triggers": [claim.trigger, denial.trigger]})
    return list(out.values())


def links(corpus: Corpus, events: list[Event]) -> list[Link]:
    return same_event_links(corpus, events) + denial_links(corpus, events)
