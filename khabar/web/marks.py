"""A document's text with every extracted item marked in place, as safe HTML.

Items nest (a figure inside a statement) and sometimes cross (an event that starts inside one
statement and ends after it); HTML cannot cross, so a crossing item is closed and reopened: each
piece is an element with the same ``data-id``. Text and attributes are escaped here, once.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup, escape

KIND_ORDER = {"statement": 0, "event": 1, "figure": 2, "date": 3, "entity": 4}  # outer to inner when spans are equal


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # entity | event | statement | figure | date
    id: str  # the record's id (an entity's id for its mentions)

    def order(self) -> tuple:
        return (self.start, -self.end, KIND_ORDER.get(self.kind, 9), self.id)


def _open(span: Span, first: bool) -> str:
    piece = "" if first else " data-cont"
    return (f'<mark class="k-{escape(span.kind)}" data-kind="{escape(span.kind)}" data-id="{escape(span.id)}"'
            f' tabindex="0"{piece}>')


def marked(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` as HTML with one ``<mark data-kind data-id>`` per item (pieces when items cross)."""
    spans = sorted({sp for sp in spans if 0 <= sp.start < sp.end <= len(text)}, key=Span.order)
    starts: dict[int, list[Span]] = {}
    ends: dict[int, list[Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
        ends.setdefault(sp.end, []).append(sp)
    bounds = sorted({0, len(text), *starts, *ends})
    out: list[str] = []
    stack: list[Span] = []  # the marks open now, outermost first
    active: set[Span] = set()
    opened: set[Span] = set()
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        active.difference_update(ends.get(lo, []))
        active.update(starts.get(lo, []))
        want = sorted(active, key=Span.order)
        keep = 0
        while keep < min(len(stack), len(want)) and stack[keep] == want[keep]:
            keep += 1
        out.extend("</mark>" for _ in stack[keep:])
        for sp in want[keep:]:
            out.append(_open(sp, sp not in opened))
            opened.add(sp)
        stack = want
        out.append(str(escape(text[lo:hi])))
    out.extend("</mark>" for _ in stack)
    return Markup("".join(out))
