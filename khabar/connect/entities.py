"""One entity per real person across documents: transliterations merge, namesakes do not.

A person new to the store is compared (rapidfuzz) with the people filed under
the same surname key, each name part in its cross-script spelling
(``names.name_key``: "Рахмон" = "Rahmon" = "Rakhmon"). Full names merge when every name agrees ("Emomali
Rakhmon" = "Emomali Rahmon"); a name with a part the other lacks ("Ahmad
Massoud", "Ahmad Shah Massoud") never merges; a surname alone merges only
when exactly one stored person carries it and the countries agree.
"""
from __future__ import annotations

from typing import Protocol

from rapidfuzz import fuzz

from khabar.extract import Extraction
from khabar.nlp.names import name_key
from khabar.records import Entity
from khabar.store import person_key

SIMILAR = 85  # rapidfuzz ratio (0-100) above which two spellings of a name part are one
SUFFIXES = {"jr.", "jr", "junior", "sr.", "senior"}


def _parts(name: str) -> list[str]:
    """The parts of a name as one spelling across scripts ("Рахмон", "Rakhmon" → "rahmon")."""
    return [name_key(w) or w for w in name.lower().replace("’", "'").split() if w not in SUFFIXES]


def _countries_fit(a: Entity, b: Entity) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def same_person(new: Entity, known: Entity) -> bool:
    a, b = _parts(new.name), _parts(known.name)
    if not a or not b or not _countries_fit(new, known):
        return False
    if len(a) != len(b):
        return False  # a name part one has and the other lacks: possibly two people (father and son)
    return all(fuzz.ratio(x, y) >= SIMILAR for x, y in zip(a, b, strict=True))


class People(Protocol):
    """Where known people are looked up: a Store, or ``PeopleInMemory`` for ``khabar extract``."""

    def people_with_key(self, key: str) -> list[Entity]: ...
    def has_entity(self, entity_id: str) -> bool: ...


class PeopleInMemory:
    """The entities met so far by one run of ``khabar extract``, people filed by their key as the store files them
    (a lookup reads one key's people, not every person met)."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._by_key: dict[str, list[str]] = {}

    def people_with_key(self, key: str) -> list[Entity]:
        return [self.entities[i] for i in self._by_key.get(key, [])]

    def has_entity(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def merge(self, ent: Entity) -> None:
        """Add a document's entity, or merge it into the one with its id: aliases, documents, what was unknown."""
        known = self.entities.get(ent.id)
        if known is None:
            self.entities[ent.id] = Entity(**{**ent.__dict__, "aliases": list(ent.aliases), "docs": list(ent.docs)})
            if ent.kind == "person":
                self._by_key.setdefault(person_key(ent.name), []).append(ent.id)
            return
        known.aliases += [a for a in ent.aliases if a not in known.aliases and a != known.name]
        known.docs += [d for d in ent.docs if d not in known.docs]
        known.country = known.country or ent.country
        known.actor_code = known.actor_code or ent.actor_code
        known.role = known.role or ent.role


def _match(people: People, ent: Entity) -> Entity | None:
    candidates = [c for c in people.people_with_key(person_key(ent.name)) if c.id != ent.id]
    if len(_parts(ent.name)) == 1:  # a surname alone: only if it can be nobody else
        same_surname = [c for c in candidates if fuzz.ratio(_parts(c.name)[-1], _parts(ent.name)[0]) >= SIMILAR + 5
                        and _countries_fit(ent, c)]
        return same_surname[0] if len(same_surname) == 1 else None
    matches = [c for c in candidates if same_person(ent, c)]
    return matches[0] if len(matches) == 1 else None


def resolve_people(people: People, ext: Extraction) -> dict[str, str]:
    """Give the document's people the ids of the known people they are; returns {old id: new id}."""
    renamed: dict[str, str] = {}
    for ent in list(ext.entities.values()):
        if ent.kind != "person" or people.has_entity(ent.id):
            continue
        if (known := _match(people, ent)) is not None:
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
