"""Actors of a Russian document: natasha's entities in the nominative, with the ids of the English record's actors.

The ``khabar_actors`` component runs this on Russian Docs. One entity per actor
(``khabar.nlp.names.entity_names``: "Сергеем Лавровым" and "Лавров" are
"Сергей Лавров"); its aliases are the forms as written and the Latin
transliteration. Ids are the ones the English pipeline gives the same actor
wherever a table joins the two: a country is its ISO code's English name
("России" → the id of "Russia"), a city its English name ("Душанбе" →
"Dushanbe"), an organisation of ``organizations_ru.tsv`` its English entry
("талибы" → "Taliban"); people are joined across documents and languages by
``khabar.connect.entities`` (names compared through ``names.name_key``).

As in English, role words before a person give a role, a country and a code
("министр иностранных дел России Сергей Лавров": RUSGOV), an organisation's
head word its sector ("МИД России": RUSGOV), a capital that acts stands for its
country's government ("Москва заявила"), and a country named only by an
adjective ("российские военные") is an actor once a record names it.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from khabar.extract import Extraction
from khabar.extract.actors import ActorIndex, entity_id
from khabar.extract.gazetteer import Gazetteer, gazetteer
from khabar.nlp import names
from khabar.records import Entity, Mention
from khabar.vocab import ru

KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location"}
ACTING = {"nsubj", "nsubjpass", "agent", "nmod", "conj"}  # a capital in these roles acts ("Москва заявила", "позиция Москвы")


def _sector(lemmas: list[str]) -> str | None:
    found = {ru.SECTORS[w] for w in lemmas if w in ru.SECTORS}
    return next((s for s in ru.SECTOR_PRIORITY if s in found), None)


def _entity(entry: names.EntityName, g: Gazetteer) -> Entity:
    """The entity an entry names, with the id the English pipeline gives the same actor where a table says who it is."""
    kind = KINDS[entry.label]

    def aliases(*english: str) -> list[str]:  # the forms as written, the Latin spelling, the English name
        return list(dict.fromkeys(a for a in [*entry.aliases, entry.latin, *english] if a != entry.name))

    if kind == "organization" and (english := next(filter(None, map(names.english_organization, [entry.name, *entry.aliases])), None)):
        org = g.org(english)
        if org is not None:
            return Entity(entity_id(org.kind, org.name), entry.name, org.kind, org.country, org.code, aliases(org.name))
    if kind == "location" and (iso := names.country_code(entry.name)):
        english = g.display.get(iso, iso)
        return Entity(entity_id("country", english), entry.name, "country", iso, iso, aliases(english))
    if kind == "location":
        english = names.english_place(entry.name) or entry.latin
        return Entity(entity_id("location", english), entry.name, "location", names.place_code(entry.name), None, aliases(english))
    country = entry.country if kind == "organization" else None
    sector = _sector([t.lemma_ for span in entry.spans[:1] for t in span]) if kind == "organization" else None
    return Entity(entity_id(kind, entry.name), entry.name, kind, country, country + sector if country and sector else None, aliases())


def _role_tokens(span: Span) -> list[Token]:
    """Words that say who a person is: the noun the name is in apposition with ("министр ... России Сергей Лавров",
    "Сергей Лавров, глава МИД"), or titles right before the name."""
    head = span.root
    if head.dep_ == "appos" and head.head.i < span.start and head.head.pos_ == "NOUN":
        return [t for t in head.head.subtree if t.i < span.start and not t.is_punct][-12:]
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.lemma_ in ru.TITLES | set(ru.SECTORS):
            return [t for t in child.subtree if not t.is_punct][:12]
    out, i = [], span.start - 1
    while i >= 0 and span.start - i <= 6 and (span.doc[i].lemma_ in ru.TITLES or span.doc[i].lemma_ in ru.SECTORS):
        out.insert(0, span.doc[i])
        i -= 1
    return out


def _person_role(ent: Entity, span: Span, index: dict[int, str], entities: dict[str, Entity], focal: str | None) -> None:
    tokens = _role_tokens(span)
    if not tokens or ent.role:
        return
    ent.role = " ".join(t.text for t in tokens)
    owners = [entities[index[t.i]] for t in tokens if t.i in index and index[t.i] in entities]
    country = next((o.country for o in owners if o.country), None) or next(
        (code for t in tokens if (code := names.adjective_code(t.lemma_))), None)
    sector = _sector([t.lemma_ for t in tokens])
    country = country or (focal if sector == "GOV" else None)
    ent.country = ent.country or country
    if country and sector and not ent.actor_code:
        ent.actor_code = country + sector


def _capital_acting(span: Span, ent: Entity, g: Gazetteer) -> bool:
    """"Москва заявила", "позиция Москвы": a capital that acts stands for its country's government."""
    english = next((a for a in ent.aliases if g.capital(a)), None)
    return ent.kind == "location" and english is not None and span.root.dep_ in ACTING


def russian_actors(doc: Doc) -> Doc:
    """The ``khabar_actors`` component's work on a Russian Doc."""
    ext: Extraction = doc._.khabar
    g = gazetteer()
    index = ActorIndex()
    found = [(entry, _entity(entry, g)) for entry in names.entity_names(doc)]
    countries = Counter(e.country for entry, e in found if e.kind == "country" for _ in entry.spans)
    index.focal_country = countries.most_common(1)[0][0] if countries else None
    for entry, ent in found:
        known = ext.entities.setdefault(ent.id, ent)
        known.aliases += [a for a in [entry.name, *ent.aliases] if a != known.name and a not in known.aliases]
        known.docs = [ext.doc]
        for span in entry.spans:
            actor = known.id
            if _capital_acting(span, known, g):
                english = g.display.get(known.country, known.country)
                state = Entity(entity_id("country", english), names.country_name(known.country) or english, "country", known.country,
                               known.country + "GOV", [english], docs=[ext.doc])
                actor = ext.entities.setdefault(state.id, state).id
            ext.mentions.append(Mention(id=f"{ext.doc}:m{span.start_char}", doc=ext.doc, start=span.start_char,
                                        end=span.end_char, text=span.text, entity=known.id))
            for t in span:
                index.token_actor[t.i] = actor
            index.mention_order.append((span.root.i, actor))
    for entry, ent in found:
        if ent.kind == "person":
            for span in entry.spans:
                _person_role(ext.entities[ent.id], span, index.token_actor, ext.entities, index.focal_country)
    _surnames_alone(doc, ext, index)
    _latent_countries(doc, ext, index, g)
    index.mention_order.sort()
    ext.actors = index
    return doc


def _surnames_alone(doc: Doc, ext: Extraction, index: ActorIndex) -> None:
    """"Кан также осудил...": a capitalised name the entity tagger missed that is the surname of one person of the text."""
    people: dict[str, list[str]] = {}
    for ent in ext.entities.values():
        if ent.kind == "person" and " " in ent.name:
            people.setdefault(names.name_key(ent.name.split()[-1]), []).append(ent.id)
    for token in doc:
        if token.pos_ != "PROPN" or token.i in index.token_actor or not token.text[:1].isupper():
            continue
        found = people.get(names.name_key(token.lemma_)) or people.get(names.name_key(token.text)) or []
        if len(found) == 1:
            index.token_actor[token.i] = found[0]
            index.mention_order.append((token.i, found[0]))
            ext.mentions.append(Mention(id=f"{ext.doc}:m{token.idx}", doc=ext.doc, start=token.idx, end=token.idx + len(token),
                                        text=token.text, entity=found[0]))
            if token.text not in ext.entities[found[0]].aliases:
                ext.entities[found[0]].aliases.append(token.text)


def _latent_countries(doc: Doc, ext: Extraction, index: ActorIndex, g: Gazetteer) -> None:
    """Countries named by an adjective or a people ("российский", "американцы"): actors of the text, entities only
    when a record names them (``Extraction.latent``)."""
    for token in doc:
        if token.i in index.token_actor or token.pos_ not in {"ADJ", "NOUN", "PROPN"} or not token.is_alpha:
            continue
        iso = names.adjective_code(token.lemma_)
        if iso is None:
            continue
        english = g.display.get(iso, iso)
        eid = entity_id("country", english)
        mention = Mention(id=f"{ext.doc}:m{token.idx}", doc=ext.doc, start=token.idx, end=token.idx + len(token), text=token.text, entity=eid)
        if eid in ext.entities:
            ext.mentions.append(mention)
        else:
            name = names.country_name(iso) or english
            entity, mentions = ext.latent.setdefault(eid, (Entity(eid, name, "country", iso, iso, [english], [ext.doc]), []))
            mentions.append(mention)
        index.token_actor[token.i] = eid
        index.mention_order.append((token.i, eid))
