"""Coreference: the actor a word stands for, through the text.

    resolve(doc, token) -> entity id | None

``token`` is the head of a noun phrase (a subject, an object, a possessive).
It resolves, in order: a named actor the phrase contains ("Uzbekistan's
minister", "the U.S. embassy"); a relative pronoun to the noun it modifies; a
personal pronoun (he, she, it, they, its, their) to an earlier actor that agrees
in number, gender (titles, nearby words, the usual gender of a given name) and kind,
preferring the speaker of the statement it is said in (never the one who quotes it), then
subjects, then the nearest; a definite description ("the ministry", "the
president", "the government", "the two leaders") to the actor named earlier that
it describes; and a group named by a common noun ("the robbers", "Federal
officials") to an actor of its own, kind ``group``, which becomes an entity of the
document only when a record names it (``adopt``). One module for every extractor
(events and statements use it); results are cached on the document
until the last component (events) drops them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from khabar.extract import Extraction
from khabar.extract.actors import entity_id
from khabar.extract.gazetteer import gazetteer
from khabar.extract.syntax import genitives, nearest_subject, of_objects, text_of
from khabar.records import Entity, Mention
from khabar.vocab import SECTOR_PRIORITY, tables

NON_STATE = {"REB", "OPP", "CVL", "REF", "CRM", "UAF", "PRM"}  # sectors of groups that are not a state's
WINDOW = 3  # sentences back that a pronoun or a description may reach
PLURAL_ENDINGS = ("s", "men", "people", "police", "children", "ы", "и")  # a group named in the plural: "they" agrees


@dataclass
class Mentioned:
    """One earlier mention of an actor: where, and what a pronoun needs to agree with it."""

    token: int
    sent: int
    entity: str
    subject: bool


@dataclass
class Coref:
    doc: Doc
    mentions: list[Mentioned] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)  # entity id -> "m" | "f"
    cache: dict[tuple[int, bool], str | None] = field(default_factory=dict)
    groups: dict[str, tuple[Entity, Mention]] = field(default_factory=dict)  # groups found, not yet used by a record
    sent_of: dict[int, int] = field(default_factory=dict)  # sentence start -> index


def _state(doc: Doc) -> Coref:
    state = doc.user_data.get("khabar_coref")
    if state is None:
        state = Coref(doc)
        state.sent_of = {s.start: n for n, s in enumerate(doc.sents)}
        ext: Extraction = doc._.khabar
        for i, eid in ext.actors.mention_order:
            state.mentions.append(Mentioned(i, _sent(state, doc[i]), eid, doc[i].dep_ in {"nsubj", "nsubjpass"}))
            if not state.gender.get(eid):
                ent = ext.entities.get(eid)
                state.gender[eid] = _gender_of(doc[i]) or (gazetteer().gender(ent.name) if ent and ent.kind == "person" else None) or ""
        doc.user_data["khabar_coref"] = state
    return state


def _refs(token: Token) -> dict[str, frozenset[str]]:
    """The words of the token's language that refer back (pronouns, relative pronouns, determiners...)."""
    return tables(token.doc.lang_).REFERENCE_WORDS


def _pronouns(token: Token) -> frozenset[str]:
    r = _refs(token)
    return r["male"] | r["female"] | r["it"] | r["they"]


def _sent(state: Coref, token: Token) -> int:
    return state.sent_of.get(token.sent.start, 0)


def _gender_of(token: Token) -> str | None:
    """"Mrs. Albright", "the spokeswoman, Jane Doe": what the words around a name say of its gender."""
    words = {t.lower_.rstrip(".") for t in token.doc[max(0, token.i - 4) : token.i + 1]}
    words |= {c.lower_ for c in token.children if c.dep_ == "appos"} | {token.head.lower_ if token.dep_ == "appos" else ""}
    v = tables(token.doc.lang_)
    if words & v.FEMALE_WORDS:
        return "f"
    if words & v.MALE_WORDS:
        return "m"
    if token.pos_ == "PROPN" and token.ent_type_ == "PERSON":  # a name's grammatical gender ("Мария Захарова заявила")
        return {"Fem": "f", "Masc": "m"}.get(next(iter(token.morph.get("Gender")), ""))
    return None


def entity(doc: Doc, eid: str | None) -> Entity | None:
    """The entity of an id ``resolve`` gave, whether or not a record uses it yet."""
    if eid is None:
        return None
    found = doc._.khabar.entities.get(eid) or doc._.khabar.latent.get(eid, (None,))[0]
    return found if found is not None else _state(doc).groups.get(eid, (None, None))[0]


def adopt(doc: Doc, eid: str | None) -> None:
    """Make a group ``resolve`` found an entity of the document, once a record names it as an actor."""
    state = _state(doc)
    if eid in state.groups and eid not in doc._.khabar.entities:
        ent, mention = state.groups[eid]
        doc._.khabar.entities[eid] = ent
        if all(m.id != mention.id for m in doc._.khabar.mentions):
            doc._.khabar.mentions.append(mention)


def resolve(doc: Doc, token: Token, people: bool = False) -> str | None:
    """The entity id ``token`` stands for, or None. With ``people``, any noun for people counts as an actor
    ("a Brooklyn woman was killed": the victim of an act done to people)."""
    state = _state(doc)
    key = (token.i, people)
    if key not in state.cache:
        state.cache[key] = _resolve(state, token, people)
    return state.cache[key]


def _resolve(state: Coref, token: Token, people: bool = False) -> str | None:
    doc = state.doc
    index = doc._.khabar.actors.token_actor
    if token.i in index:
        return index[token.i]
    low = token.lower_
    v, refs = tables(doc.lang_), _refs(token)
    if low in refs["relative"] and token.head.dep_ == "relcl":
        return resolve(doc, token.head.head)
    if low in _pronouns(token):
        return _pronoun(state, token)
    if low in refs["first_person"]:
        return _quoted_speaker(state, token)
    if token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if token.lemma_.lower() in v.ENTOURAGE_NOUNS and any(
            c.dep_ in {"compound", "poss"} and _kind(doc, index.get(c.i)) == "person" for c in token.children):
        return _group(state, token, owner=True)  # "Clinton campaign allies", "Trump's lawyers": not Clinton, not Trump
    if token.lemma_.lower() in v.COMPANY_NOUNS:
        return _company(state, token)
    nouns = (v.ACTOR_NOUNS | v.ROLE_NOUNS | v.PERSON_NOUNS) if people else v.ACTOR_NOUNS | v.ROLE_NOUNS
    if low not in nouns and token.lemma_.lower() not in nouns:
        # "the Beijing Olympics", "Syrian state media": a thing named after an actor stands for it, a possessive does
        # not — except for what is done to people and places ("a part of Syria's second city" was bombarded)
        found = next((index[c.i] for c in token.children if c.dep_ in {"compound", "amod", "nmod"} and c.i in index
                      and _acts(doc, index[c.i])), None)
        if people and not found:  # "his arrest", "Syria's second city": the owner of what is done to
            found = next((eid for c in token.children if c.dep_ == "poss" and (eid := resolve(doc, c))), None)
        return found or (_of_chain(doc, token) if people else None)
    if not _non_state(token):
        for child in token.children:  # "Uzbekistan's minister", "Tanzanian police", "the U.S. embassy"; not "Rabin's assassin"
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.i in index and not (
                    child.dep_ == "poss" and token.lemma_.lower() in v.PERPETRATOR_NOUNS):
                return index[child.i]
    holders = [token, *(c for c in token.children if c.dep_ == "acl")]  # "a government formed in Afghanistan"
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in refs["owner_preps"]):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):  # "the government of Saudi Arabia"
            if pobj.i in index:
                return index[pobj.i]
    if owner := next((index[g.i] for g in genitives(token) if g.i in index and _acts(doc, index[g.i])), None):
        return owner  # "правительство Грузии"
    if found := _of_chain(doc, token):
        return found  # "the mayor of the city of Nablus"
    if any(c.lower_ in refs["nobody"] for c in token.subtree if c.i < token.i):
        return None  # "not a single organization", "no government", "any other government": nobody in particular
    return _leaders_state(state, token) or _description(state, token) or _group(state, token)


def _leaders_state(state: Coref, token: Token) -> str | None:
    """"President Castro said his government ...": a person's government is their country, when the text names it."""
    if token.lemma_.lower() not in tables(token.doc.lang_).STATE_NOUNS:
        return None
    owner = next((c for c in token.children if c.dep_ in {"poss", "det"} and c.lower_ in _pronouns(token)), None)
    person = entity(state.doc, resolve(state.doc, owner)) if owner is not None else None
    if person is None or person.kind != "person" or not person.country:
        return None
    return next((e.id for e in state.doc._.khabar.entities.values() if e.kind == "country" and e.country == person.country), None)


def _kind(doc: Doc, eid: str | None) -> str | None:
    ent = entity(doc, eid)
    return ent.kind if ent is not None else None


def _acts(doc: Doc, eid: str) -> bool:
    """Whether an entity can act: anything but a place that is not a capital ("the Buffalo doctor" is no actor of Buffalo)."""
    ent = entity(doc, eid)
    return ent is not None and (ent.kind != "location" or bool(ent.country and gazetteer().capital(ent.name)))


def _quoted_speaker(state: Coref, token: Token) -> str | None:
    """"I", "we", "our" in quoted words: the speaker of the statement they are quoted in."""
    ext: Extraction = state.doc._.khabar
    for statement, (start, end) in ext.scopes:
        if start <= token.idx < end and statement.speaker:
            return statement.speaker
    return None


def _of_chain(doc: Doc, token: Token) -> str | None:
    """"a part of Syria's second city", "the mayor of the city of Nablus", "глава представительства США": the actor
    two "of"s (or genitives) down."""
    index = doc._.khabar.actors.token_actor
    node = token
    for _ in range(3):
        pobjs = of_objects(node)
        if not pobjs:
            return None
        node = pobjs[0]
        named = [node.i, *(c.i for c in node.children if c.dep_ in {"poss", "compound", "amod", "appos", "nmod"})]
        if hit := next((index[i] for i in named if i in index and _acts(doc, index[i])), None):
            return hit
    return None


def _non_state(token: Token) -> bool:
    """"Afghan opposition forces", "Syrian rebels": a group of a country that is not its state (a group of its own)."""
    words = [token.lower_, *(c.lower_ for c in token.children if c.dep_ in {"compound", "amod"})]
    return any(tables(token.doc.lang_).SECTORS.get(w) in NON_STATE for w in words)


def _agrees(state: Coref, eid: str, pronoun: str) -> bool:
    ent = entity(state.doc, eid)
    if ent is None:
        return False
    refs, v = tables(state.doc.lang_).REFERENCE_WORDS, tables(state.doc.lang_)
    if pronoun in refs["male"] | refs["female"]:
        gender = state.gender.get(eid)
        return ent.kind == "person" and gender != ("f" if pronoun in refs["male"] else "m")
    if pronoun in refs["it"]:
        return ent.kind in {"country", "organization"} or ent.kind == "group" and ent.name.split()[-1].lower() in v.INSTITUTION_NOUNS
    # a group named in the plural ("officials", "активисты"), or by a proper name
    return ent.kind in {"group", "organization"} and (ent.kind != "group" or ent.name.endswith(PLURAL_ENDINGS) or ent.name[:1].isupper())


def _speaker(token: Token) -> Token | None:
    """"Tanzanian police said they had arrested...": the subject of the speech verb whose clause holds the pronoun."""
    node = token
    while node.dep_ not in {"ROOT", "ccomp", "parataxis"} and node.head.i != node.i:
        node = node.head
    if node.dep_ not in {"ccomp", "parataxis"} or node.head.lemma_.lower() not in tables(token.doc.lang_).CUES:
        return None
    subj = nearest_subject(node.head)
    return subj if subj is not None and subj.dep_ == "nsubj" and subj.lower_ not in _pronouns(token) - {token.lower_} else None


def _speaker_agrees(speaker: Token, pronoun: str) -> bool:
    refs = _refs(speaker)
    personal = refs["male"] | refs["female"]
    plural = speaker.tag_ in {"NNS", "NNPS"} or "Plur" in speaker.morph.get("Number") or any(c.dep_ == "conj" for c in speaker.children)
    if pronoun in refs["they"]:
        return plural
    if pronoun in personal:
        return not plural and (speaker.ent_type_ == "PERSON" or speaker.lemma_.lower() in tables(speaker.doc.lang_).ACTOR_NOUNS
                               or speaker.lower_ in personal)
    return not plural and speaker.ent_type_ != "PERSON" and speaker.lower_ not in personal


def _pronoun(state: Coref, token: Token) -> str | None:
    """An earlier actor that agrees: the speaker of the statement the pronoun is said in, else subjects first, nearest first."""
    low = token.lower_
    ext: Extraction = state.doc._.khabar
    # In someone's quoted words, "he" or "they" is somebody else ('"He never listens," Smith said': not Smith).
    quoting = {st.speaker for st, (start, end) in ext.scopes if start <= token.idx < end and st.speaker} if _in_quotes(token) else set()
    speaker = _speaker(token)
    if speaker is not None and speaker.i != token.i and _speaker_agrees(speaker, low) and (eid := resolve(state.doc, speaker)) \
            and eid not in quoting:
        return _settle(state, eid, low)
    for statement, (start, end) in ext.scopes:  # "Tanzanian police said they had arrested ..."
        if start <= token.idx < end and statement.start < token.idx and statement.speaker and _agrees(state, statement.speaker, low) \
                and statement.speaker not in quoting:
            return _settle(state, statement.speaker, low)
    here = _sent(state, token)
    before = [m for m in state.mentions if m.token < token.i and here - m.sent <= WINDOW and _agrees(state, m.entity, low)]
    before += [m for m in _nominals_before(state, token) if _agrees(state, m.entity, low)]
    before = [m for m in before if m.entity not in quoting]
    if not before:
        return None
    # The subject of the nearest sentence with a candidate, else the nearest mention.
    best = max(before, key=lambda m: (m.sent, m.subject and (m.sent < here or _clause_before(state.doc, m, token)), m.token))
    return _settle(state, best.entity, low)


def _in_quotes(token: Token) -> bool:
    """Is the word inside quotation marks opened earlier in its paragraph?"""
    text = text_of(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1 : token.idx]
    return before.rfind("“") > before.rfind("”") or before.rfind("``") > before.rfind("''") or before.count('"') % 2 == 1


def _clause_before(doc: Doc, mention: Mentioned, pronoun: Token) -> bool:
    """"Castro said his government...": a subject earlier in the pronoun's own sentence, but not of the pronoun's own verb."""
    return doc[mention.token].head != pronoun.head


def _settle(state: Coref, entity: str, pronoun: str) -> str:
    refs = tables(state.doc.lang_).REFERENCE_WORDS
    if pronoun in refs["male"] | refs["female"] and not state.gender.get(entity):
        state.gender[entity] = "m" if pronoun in refs["male"] else "f"
    return entity


def _nominals_before(state: Coref, token: Token) -> list[Mentioned]:
    """Groups named by common nouns in the pronoun's sentence and the one before ("the robbers ... they")."""
    doc = state.doc
    here = _sent(state, token)
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    out = []
    for t in doc[start : token.i]:
        if t.pos_ == "NOUN" and t.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and t.lemma_.lower() in tables(doc.lang_).ACTOR_NOUNS \
                and t.i not in doc._.khabar.actors.token_actor:
            if eid := resolve(doc, t):
                out.append(Mentioned(t.i, here if t.sent.start == token.sent.start else here - 1, eid, t.dep_ == "nsubj"))
    return out


def _description(state: Coref, token: Token) -> str | None:
    """"the ministry", "the president", "the government": the earlier actor the description fits."""
    doc = state.doc
    ext: Extraction = doc._.khabar
    refs = _refs(token)
    if refs["definite"] and not any(c.lower_ in refs["definite"] for c in token.children):
        return None
    if not refs["definite"] and any(c.dep_ in {"nmod", "prep", "appos"} for c in token.children):
        return None  # with no articles, a bare noun refers back ("министр"); one with its own complement names someone new
    lemma = token.lemma_.lower()
    here = _sent(state, token)
    for m in reversed([m for m in state.mentions if m.token < token.i and here - m.sent <= WINDOW]):
        ent = ext.entities.get(m.entity)
        if ent is None:
            continue
        if ent.kind == "person" and ent.role and lemma in ent.role.lower().split():
            return m.entity  # "the president" → the person named with that role
        if ent.kind == "organization" and lemma in ent.name.lower().split():
            return m.entity  # "the ministry" → "the Ministry of Defence"
        if ent.kind == "person" and lemma in refs["leaders"] and ent.role:
            return m.entity  # "the two leaders": the last named of them
    if lemma in tables(doc.lang_).STATE_NOUNS:  # "the government", "the administration": the country the text is about
        countries = [m.entity for m in state.mentions if m.token < token.i and ext.entities.get(m.entity, None) is not None
                     and ext.entities[m.entity].kind == "country"]
        return countries[-1] if countries else None
    return None


def _company(state: Coref, token: Token) -> str | None:
    """"The company also said": the company named last within a few sentences (an organisation whose name ends
    like a company's, "Acme Holdings Inc.", or holds the noun, "Aeroflot Airline"); a company the text does not
    name is nobody."""
    doc, refs = state.doc, _refs(token)
    if refs["definite"] and not any(c.lower_ in refs["definite"] for c in token.children):
        return None  # "a company", "companies": not one named before
    v, lemma, here = tables(doc.lang_), token.lemma_.lower(), _sent(state, token)
    for m in reversed([m for m in state.mentions if m.token < token.i and here - m.sent <= WINDOW]):
        ent = doc._.khabar.entities.get(m.entity)
        words = [w.strip(".,").lower() for w in ent.name.split()] if ent is not None and ent.kind == "organization" else []
        if words and (words[-1] in v.COMPANY_SUFFIXES or lemma in words):
            return m.entity
    return None


def _group(state: Coref, token: Token, owner: bool = False) -> str:
    """An actor for a group named by a common noun ("two would-be robbers" → "would-be robbers"); with ``owner``,
    named with the person it belongs to ("Trump's lawyers"), in that person's country."""
    doc = state.doc
    ext: Extraction = doc._.khabar
    dropped = {"det", "nummod", "punct", "quantmod", "predet", "cc", "case"} | (set() if owner else {"poss"})
    words = [t for t in doc[token.left_edge.i : token.i + 1]
             if t.dep_ not in dropped and not t.like_num and not t.is_space and t.i >= token.i - 4]
    words += [t for g in genitives(token)[:1] for t in g.subtree if t.i > token.i and not t.is_punct][:4]  # "лидер оппозиции"
    name = (doc[words[0].i : token.i + 1].text if owner and words else
            " ".join(t.text for t in words if t.pos_ not in {"ADP", "PRON"})) or token.text
    if name[:1].islower() and not any(t.pos_ == "PROPN" for t in words):
        name = name[0].lower() + name[1:]
    eid = entity_id("group", name.lower())
    if eid not in ext.entities and eid not in state.groups:
        g, sectors = gazetteer(), tables(doc.lang_).SECTORS
        index = ext.actors.token_actor
        people = [entity(doc, index[t.i]) for t in words if t.i in index and _kind(doc, index[t.i]) == "person"]
        named = [e.country for t in words if t.i in index and (e := entity(doc, index[t.i])) is not None and e.kind == "country"]
        country = g.country_in(name) or next((p.country for p in people if p and p.country), None) or next(iter(named), None)
        found = {sectors.get(t.lemma_.lower()) or sectors[t.lower_] for t in words if t.lower_ in sectors or t.lemma_.lower() in sectors}
        sector = next((s for s in SECTOR_PRIORITY if s in found), None)
        if not country and sector in {"GOV", "COP", "JUD", "MIL"} and not people:
            country = ext.actors.focal_country  # "immigration officials": the state the text is about, as for people's roles
        first = words[0] if words else token
        state.groups[eid] = (Entity(id=eid, name=name, kind="group", country=country,
                                    actor_code=country + sector if country and sector else None, docs=[ext.doc]),
                             Mention(id=f"{ext.doc}:m{first.idx}", doc=ext.doc, start=first.idx, end=token.idx + len(token.text),
                                     text=doc[first.i : token.i + 1].text, entity=eid))
    return eid
