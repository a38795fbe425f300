"""One entity per real person across documents: transliterations merge, namesakes do not.

A person new to the store is compared (rapidfuzz) with the people filed under
the same surname key. Full names merge when every name agrees ("Emomali
Rakhmon" = "Emomali Rahmon"); a name with a part the other lacks ("Ahmad
Massoud", "Ahmad Shah Massoud") never merges; a surname alone merges only
when exactly one stored person carries it and the countries agree.
"""
from __future__ import annotations

from rapidfuzz import fuzz

from khabar.extract import Extraction
from khabar.records import Entity
from khabar.store import Store, person_key

SIMILAR = 85  # rapidfuzz ratio (0-100) above which two spellings of a name part are one
SUFFIXES = {"jr.", "jr", "junior", "sr.", "senior"}


def _parts(name: str) -> list[str]:
    return [w for w in name.lower().replace("’", "'").split() if w not in SUFFIXES]


def _countries_fit(a: Entity, b: Entity) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def same_person(new: Entity, known: Entity) -> bool:
    a, b = _parts(new.name), _parts(known.name)
    if not a or not b or not _countries_fit(new, known):
        return False
    if len(a) != len(b):
        return False  # a name part one has and the other lacks: possibly two people (father and son)
    return all(fuzz.ratio(x, y) >= SIMILAR for x, y in zip(a, b, strict=True))


def _match(store: Store, ent: Entity) -> Entity | None:
    candidates = [c for c in store.people_with_key(person_key(ent.name)) if c.id != ent.id]
    if len(_parts(ent.name)) == 1:  # a surname alone: only if it can be nobody else
        same_surname = [c for c in candidates if fuzz.ratio(_parts(c.name)[-1], _parts(ent.name)[0]) >= SIMILAR + 5
                        and _countries_fit(ent, c)]
        return same_surname[0] if len(same_surname) == 1 else None
    matches = [c for c in candidates if same_person(ent, c)]
    return matches[0] if len(matches) == 1 else None


def resolve_people(store: Store, ext: Extraction) -> dict[str, str]:
    """Give the document's people the ids of the stored people they are; returns {old id: new id}."""
    renamed: dict[str, str] = {}
    for ent in list(ext.entities.values()):
        if ent.kind != "person" or store.has_entity(ent.id):
            continue
        if (known := _match(store, ent)) is not None:
            renamed[ent.id] = known.id
    if renamed:
        _apply(ext, renamed)
    return renamed


def _apply(ext: Extraction, renamed: dict[str, str]) -> None:
    for old, new in renamed.items():
        ent = ext.entities.pop(old)
        ent.aliases = [*ent.aliases, ent.name]
        ent.id = new
        ext.entities[new] = ent
    for m in ext.mentions:
        m.entity = renamed.get(m.entity, m.entity)
    for item in ext.items():
        for attr in ("source", "target", "speaker", "location"):
            if getattr(item, attr, None) in renamed:
                setattr(item, attr, renamed[getattr(item, attr)])
