"""Actors: one entity per real person, organisation, group, country or place in a document.

spaCy's named entities are the candidates; the gazetteers correct their
labels (a country tagged NORP, a capital tagged ORG, a demonym tagged
PERSON); role phrases give a person a role and a country; capitals used as
the subject of an action stand for their country's government.
"""
from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from khabar.extract import Extraction
from khabar.extract.gazetteer import Gazetteer, fold, gazetteer
from khabar.extract.syntax import text_of
from khabar.records import Entity, Mention
from khabar.vocab import FORMER, NAME_SUFFIXES, SECTOR_PRIORITY, SECTORS, TITLES, tables

NER_LABELS = {"PERSON", "NORP", "ORG", "GPE", "LOC", "FAC"}
GAZ_LABELS = ("ORG", "COUNTRY", "ADJ", "PEOPLE", "CAPITAL")
ROLE_WORDS = frozenset(SECTORS) | TITLES
COLLECTIVE_PEOPLE = re.compile(r"^[A-Z][a-z]+s$")


@dataclass
class Found:
    """One candidate mention and what it was classified as."""

    span: Span
    kind: str
    name: str
    country: str | None = None
    code: str | None = None
    role: str | None = None


def entity_id(kind: str, name: str) -> str:
    return "E" + hashlib.sha1(f"{kind}:{fold(name)}".encode()).hexdigest()[:12]


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(doc: Doc, g: Gazetteer) -> PhraseMatcher:
    """A case-sensitive phrase matcher over every gazetteer name, one per vocabulary."""
    key = id(doc.vocab)
    if key not in _MATCHERS:
        from spacy.lang.en import English

        make = English(vocab=doc.vocab).make_doc
        m = PhraseMatcher(doc.vocab, attr="ORTH")
        for label in GAZ_LABELS:
            names = sorted(g.surfaces.get(label, ()))
            m.add(label, [make(n) for n in names] + [make(n[4:]) for n in names if n.startswith("the ")])
        _MATCHERS[key] = m
    return _MATCHERS[key]


def _candidates(doc: Doc, g: Gazetteer) -> list[tuple[Span, str]]:
    """Spans with a label: gazetteer matches first, spaCy entities where they add something."""
    matcher = _matcher(doc, g)
    gaz = [Span(doc, s, e, label=doc.vocab.strings[k]) for k, s, e in matcher(doc)]
    gaz = _longest(gaz)
    taken = {i for sp in gaz for i in range(sp.start, sp.end)}
    out = list(gaz)
    for ent in doc.ents:
        if ent.label_ not in NER_LABELS:
            continue
        inside = [sp for sp in gaz if sp.start >= ent.start and sp.end <= ent.end]
        uncovered = [t for t in ent if t.i not in taken and t.lower_ not in {"the", ",", "and", "'s", "’s"}]
        if inside and _is_full_name(ent, g):  # "Lisa Monaco", "Michael Jordan": a person, not the country in the name
            out = [sp for sp in out if sp not in inside]
        elif any(t.i in taken for t in ent) and (not uncovered or ent.label_ in {"GPE", "NORP", "LOC", "PERSON"}):
            continue
        elif inside and uncovered and ent.label_ in {"ORG", "FAC"}:
            out = [sp for sp in out if sp not in inside]
        elif any(t.i in taken for t in ent):
            continue
        out.append(ent)
    return sorted(out, key=lambda s: s.start)


def _is_full_name(span: Span, g: Gazetteer) -> bool:
    """A PERSON span of two words or more that begins with a known given name ("Lisa Monaco", "Chelsea Clinton")."""
    core = _strip(span)
    return span.label_ == "PERSON" and len(core) >= 2 and core[0].lower_ in g.given and core[0].is_title


def _headline(span: Span) -> bool:
    """Is the span on a line written like a headline: short, most words capitalised, no full stop at its end?"""
    text = text_of(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    line = text[start : end if end >= 0 else len(text)].strip()
    words = [w for w in line.split() if w[:1].isalpha()]
    return 0 < len(words) <= 20 and not line.endswith(".") and sum(w[0].isupper() for w in words) >= 0.6 * len(words)


def _known_part(span: Span, names: set[tuple[str, ...]], surnames: set[str], g: Gazetteer) -> Span:
    """The part of a PERSON span that names a person named elsewhere in the text, without the words glued to it:
    "Crooked Hillary Clinton", "Hammering Hillary Clinton" (a full name inside), and in a headline "Trump Face",
    "Injecting Clinton" (a surname with words that are no given names)."""
    words = tuple(t.text for t in span)
    for size in range(len(words) - 1, 1, -1):
        for i in range(len(words) - size + 1):
            if words[i : i + size] in names:
                return span[i : i + size]
    if len(words) >= 2 and _headline(span):
        for i, word in enumerate(words):
            others = [t for j, t in enumerate(span) if j != i]
            if word in surnames and not any(t.lower_ in g.given or t.lower_ in TITLES for t in others):
                return span[i : i + 1]
    return span


def _longest(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for sp in sorted(spans, key=lambda s: (-(s.end - s.start), s.start)):
        if all(sp.end <= o.start or sp.start >= o.end for o in out):
            out.append(sp)
    return sorted(out, key=lambda s: s.start)


def _strip(span: Span) -> Span:
    """Drop leading "the", titles and trailing possessives from a name span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end - 1 and (doc[start].lower_ in {"the", "a", "an"} or doc[start].lower_ in TITLES):
        start += 1
    while end > start + 1 and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return doc[start:end]


def _role_tokens(person: Span) -> list[Token]:
    """Tokens that say who a person is: titles before the name, or the noun it is in apposition with."""
    doc = person.doc
    head = person.root
    if head.dep_ == "appos" and head.head.pos_ in {"NOUN", "PROPN"} and head.head.i < person.start:
        noun = head.head
        return [t for t in noun.subtree if t.i < person.start and t.dep_ not in {"punct"}][-12:]
    for child in head.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            return [t for t in child.subtree if t.dep_ != "punct"][:12]
    if head.dep_ == "conj" and head.head.lower_ in ROLE_WORDS and head.head.i < person.start:
        # "Afghanistan's former vice president and acting president Amrullah Saleh": the first role's words too
        return [t for t in head.head.subtree if t.i < person.start and t.dep_ not in {"punct", "cc"}][-16:]
    out = []
    i = person.start - 1
    while i >= 0 and (doc[i].lower_ in TITLES or doc[i].lower_ in SECTORS or doc[i].dep_ in {"compound", "amod", "poss", "case"}
                      or doc[i].ent_type_ in {"NORP", "GPE"}) and person.start - i <= 6 and doc[i].text not in {",", "(", "—"}:
        out.insert(0, doc[i])
        i -= 1
    # A title inside the entity span itself ("President Emomali Rahmon").
    out += [t for t in person if t.lower_ in TITLES]
    return out


def _sector(words: list[str], extra: str | None = None) -> str | None:
    """The most specific sector the words name (``extra``: one more candidate, e.g. an organisation's)."""
    found = {SECTORS[w.lower()] for w in words if w.lower() in SECTORS} | ({extra} if extra else set())
    return next((s for s in SECTOR_PRIORITY if s in found), None)


def _classify(span: Span, label: str, g: Gazetteer) -> Found | None:
    text = span.text
    if label == "ORG" and (org := g.org(text)):
        return Found(span, org.kind, org.name, org.country, org.code)
    if label == "COUNTRY" or (label in {"GPE", "NORP", "ORG"} and g.country(_strip(span).text)):
        iso = g.country(_strip(span).text) or g.country(text)
        return Found(span, "country", g.display.get(iso, text), iso, iso) if iso else None
    if label == "ADJ" or (label in {"NORP", "PERSON"} and g.adjective(text)):
        iso = g.adjective(text)
        return Found(span, "country", g.display.get(iso, text), iso, iso) if iso else None
    if label == "PEOPLE" or (label in {"NORP", "ORG", "PERSON"} and g.people(text)):
        return Found(span, "group", text[:1].upper() + text[1:], None, None)
    if label == "CAPITAL" or (label in {"GPE", "ORG", "LOC"} and (g.capital(text) or text.isupper() and g.place(text))):
        return Found(span, "location", text.title() if text.isupper() else text, g.place(text), None)  # "DUSHANBE —" datelines
    core = _strip(span)
    if label in {"GPE", "ORG", "LOC", "FAC"} and _is_person_by_role(core):
        label = "PERSON"
    if label == "PERSON" and _common_noun_name(core, g):
        label = "ORG"  # "Patriot Coal" in a text about coal: a company
    if label == "PERSON":
        words = core.text.split()
        if not words or not core.text[:1].isupper() or len(words) > 5:
            return None
        return Found(core, "person", core.text)
    if label == "ORG":
        if not core.text[:1].isupper() or len(core) > 10:
            return None
        return Found(core, "organization", core.text, g.country_in(core.text))
    if label in {"GPE", "LOC", "FAC"}:
        return Found(core, "location", core.text, g.place(core.text) or g.country_in(core.text))
    if label == "NORP" and COLLECTIVE_PEOPLE.match(text):
        return Found(span, "group", text, None, None)
    return None


def _common_noun_name(span: Span, g: Gazetteer) -> bool:
    """A name of two words or more ending in a noun the text also writes in lower case, with no given name in it."""
    last = span[-1]
    return len(span) >= 2 and last.is_title and not any(t.lower_ in g.given for t in span[:-1]) and \
        _lowercase_words(span.doc).get(last.lower_, 0) > 0


def _lowercase_words(doc: Doc) -> Counter:
    if "khabar_lowercase" not in doc.user_data:
        doc.user_data["khabar_lowercase"] = Counter(t.text for t in doc if t.is_lower and t.pos_ == "NOUN")
    return doc.user_data["khabar_lowercase"]


def _acronyms(found: list[Found]) -> None:
    """"the World Trade Organization (WTO) ... the WTO said": an acronym the text spells out (before or after it, in
    brackets) names the organisation it abbreviates."""
    spelled: dict[str, Found] = {}
    for f in found:
        doc = f.span.doc
        paren = next((t.i for t in doc[f.span.start + 1 : min(f.span.end + 1, len(doc) - 1)] if t.text == "("), None)
        if f.kind in {"organization", "group", "other"} and paren is not None:
            name = re.sub(r"^[Tt]he\s+", "", doc[f.span.start : paren].text)
            if _abbreviates(doc[paren + 1].text, name):
                spelled[doc[paren + 1].text] = f  # "the World Trade Organization (WTO)", also when NER took "(WTO" in
                f.name = name
    for f in found:
        doc, start = f.span.doc, f.span.start
        if f.kind in {"organization", "group"} and start >= 2 and doc[start - 1].text == "(" and _abbreviates(doc[start - 2].text, f.name):
            spelled.setdefault(doc[start - 2].text, f)  # "WTO (World Trade Organization)"
    for f in found:
        full = spelled.get(f.name)
        if full is not None and full is not f:
            f.kind, f.name, f.country, f.code = full.kind, full.name, full.country or f.country, full.code or f.code


def _abbreviates(acronym: str, name: str) -> bool:
    """"WTO" for "World Trade Organization", "NRF" for "National Resistance Front of Afghanistan"."""
    letters = acronym.replace(".", "")
    words = [w for w in re.split(r"[\s-]+", name) if w.lower() not in {"of", "the", "and", "for", "on", "in", "&"}]
    initials = "".join(w[0] for w in words if w).upper()
    return len(letters) >= 2 and letters.isupper() and initials.startswith(letters) and len(letters) >= len(initials) - 1


def _short_org_names(found: list[Found], surnames: set[str]) -> None:
    """"Patriot Coal ... Patriot said": one word that begins an organisation's name, and no person's, is that organisation."""
    firsts = {f.name.split()[0]: f for f in found if f.kind == "organization" and len(f.name.split()) >= 2}
    for f in found:
        org = firsts.get(f.name)
        if org is not None and f.kind in {"person", "organization"} and f.name not in surnames:
            f.kind, f.name, f.country, f.code = "organization", org.name, org.country, org.code


def _relabel(span: Span, last_words: set[str], surnames: set[str]) -> str:
    """"Kassym-Jomart Tokayev" tagged ORG in a text where "Tokayev" is a person (``last_words``: of every person
    named), "Trump" tagged ORG in a text that names Donald Trump (``surnames``: of people named in full): a person too."""
    words = [t for t in _strip(span) if t.text not in {"-"}]
    if span.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"} and 1 <= len(words) <= 5 and \
            words[-1].text in (last_words if len(words) > 1 else surnames) and all(t.text[:1].isupper() for t in words):
        return "PERSON"
    return span.label_


def _is_person_by_role(span: Span) -> bool:
    """A name in apposition with a role noun is a person, whatever NER said."""
    head = span.root
    if head.dep_ == "appos" and head.head.lower_ in ROLE_WORDS:
        return True
    return any(c.dep_ == "appos" and c.lower_ in ROLE_WORDS for c in head.children)


def _metonymic(span: Span) -> bool:
    """Is a place name the actor of its clause ("Dushanbe denies", "Dushanbe's statements")?"""
    head = span.root
    return head.dep_ in {"nsubj", "nsubjpass", "poss", "agent", "conj"} and not any(
        t.lower_ in {"in", "at", "from", "to"} for t in head.ancestors if t.dep_ == "prep"
    )


class Resolver:
    """Merges mentions of one document into entities."""

    def __init__(self, g: Gazetteer) -> None:
        self.g = g
        self.entities: dict[str, Entity] = {}
        self.people: list[str] = []  # person entity ids, first mention order
        self.renamed: dict[str, str] = {}  # ids replaced when a surname met its full name

    def _person_key(self, name: str) -> str:
        words = [w for w in name.split() if w.lower() not in NAME_SUFFIXES]
        base = " ".join(words)
        if len(words) == 1:
            # A surname alone is the first person named with it ("Hillary Clinton ... her daughter Chelsea Clinton
            # ... Clinton said"); failing that, a first name alone is the first person with that first name.
            hits = [pid for pid in self.people if self.entities[pid].name.split()[-1] == base] or \
                   [pid for pid in self.people if self.entities[pid].name.split()[0] == base]
            if hits:
                return hits[0]
        for pid in self.people:
            known = self.entities[pid].name
            if known == base or base.split() == _without_initials(known) or known.split() == _without_initials(base):
                return pid  # "Donald J. Trump" is "Donald Trump"
            if len(known.split()) == 1 and base.split()[-1] == known:
                # A surname seen before its full name: the full name takes over.
                ent = self.entities.pop(pid)
                new = entity_id("person", base)
                ent.aliases.append(ent.name)
                ent.id, ent.name = new, base
                self.entities[new] = ent
                self.people[self.people.index(pid)] = new
                self.renamed[pid] = new
                return new
        return entity_id("person", base)

    def add(self, found: Found) -> str:
        if found.kind == "person":
            eid = self._person_key(found.name)
            name = " ".join(w for w in found.name.split() if w.lower() not in NAME_SUFFIXES)
        else:
            eid, name = entity_id(found.kind, found.name), found.name
        ent = self.entities.get(eid)
        if ent is None:
            ent = Entity(id=eid, name=name, kind=found.kind, country=found.country, actor_code=found.code)
            self.entities[eid] = ent
            if found.kind == "person":
                self.people.append(eid)
        surface = re.sub(r"^(?:the|The)\s+", "", found.span.text)
        surface = re.sub(r"['’]s$", "", surface)
        for alias in (surface, found.name):
            if alias != ent.name and alias not in ent.aliases:
                ent.aliases.append(alias)
        if found.role and not ent.role:
            ent.role = found.role
        ent.country = ent.country or found.country
        ent.actor_code = ent.actor_code or found.code
        return eid


def _without_initials(name: str) -> list[str]:
    return [w for w in name.split() if not re.fullmatch(r"[A-Z]\.", w)]


@dataclass
class ActorIndex:
    """Which actor each token belongs to, for the extractors that come later."""

    token_actor: dict[int, str] = field(default_factory=dict)
    mention_order: list[tuple[int, str]] = field(default_factory=list)  # (token index, entity id)
    focal_country: str | None = None


DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]+[A-Z])(?:,\s*([A-Z][\w. ]+?))?\s*(?:\(|—|–|--|_|-\s)")


def _dateline_country(doc: Doc, g: Gazetteer) -> str | None:
    """The country of a dateline that opens the text ("HAVANA (AP) --", "NAIROBI, Kenya —"): where the story is told."""
    m = DATELINE.match(text_of(doc))
    if m is None:
        return None
    city, country = m.group(1).title(), m.group(2)
    return (g.country_in(country) if country else None) or g.country(city) or g.place(city)


def _person_role(found: Found, g: Gazetteer, home: str | None) -> None:
    """A person's role, country and actor code from their own role phrase ("Uzbekistan's foreign minister",
    "President X of Tajikistan", "the Ugandan army's spokesman"); a government title without a country ("President
    Fidel Castro") is of the country of the dateline, if the text opens with one. Else the country stays unknown:
    the country a text is most about, or one named nearby, says nothing of a person's (President Obama in an
    article about Burma)."""
    tokens = _role_tokens(found.span)
    words = [t.text for t in tokens if t.lower_ not in {"the", "'s", "’s", ","}]
    if not words:
        return
    found.role = " ".join(w for w in words if w.lower() in TITLES or w.lower() in SECTORS or w.islower()) or None
    phrase = " ".join(t.text for t in tokens)
    of_country = [t for c in found.span.root.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree]
    found.country = g.country_in(" ".join(t.text for t in of_country)) or g.country_in(phrase) or _whose_country(tokens, g)
    sector = _sector([t.lower_ for t in tokens])
    org = next((g.org(t.text) for t in tokens if g.org(t.text)), None)
    if org and org.country and not found.country:
        found.country = org.country
    if not found.country and sector == "GOV":
        found.country = home
    if found.country and sector:
        found.code = found.country + sector


def _whose_country(tokens: list[Token], g: Gazetteer) -> str | None:
    """"Uzbekistan — whose foreign minister, X,": the country named right before the relative "whose"."""
    whose = next((t for t in tokens if t.lower_ == "whose"), None)
    if whose is None:
        return None
    before = [t for t in whose.doc[max(0, whose.i - 4) : whose.i] if not t.is_punct]
    return g.country_in(" ".join(t.text for t in before[-3:])) if before else None


@Language.component("khabar_actors")
def actors_component(doc: Doc) -> Doc:
    if doc.lang_ == "ru":
        from khabar.extract.actors_ru import russian_actors

        return russian_actors(doc)
    ext: Extraction = doc._.khabar
    g = gazetteer()
    resolver = Resolver(g)
    candidates = _candidates(doc, g)
    people = [_strip(c) for c in candidates if c.label_ == "PERSON"]
    names = {tuple(t.text for t in p) for p in people if len(p) >= 2 and (p[0].lower_ in g.given or not _headline(p))}
    surnames = {name[-1] for name in names}
    candidates = [Span(doc, k.start, k.end, label="PERSON") if c.label_ == "PERSON" and (k := _known_part(_strip(c), names, surnames, g)) != _strip(c)
                  else c for c in candidates]
    last_words = {p[-1].text for p in people}
    found = [f for sp in candidates if (f := _classify(sp, _relabel(sp, last_words, surnames), g))]
    _short_org_names(found, surnames)
    _acronyms(found)
    countries = Counter(f.country for f in found if f.kind == "country")
    focal = countries.most_common(1)[0][0] if countries else None
    index = ActorIndex(focal_country=focal)
    home = _dateline_country(doc, g)
    for f in found:
        if f.kind == "person":
            _person_role(f, g, home)
        elif f.kind == "organization" and not f.country and _sector([w.lower() for w in f.name.split()]) == "GOV":
            f.country = focal
        eid = resolver.add(f)
        actor = eid
        if f.kind == "location" and f.country and g.capital(f.span.text) and _metonymic(f.span) and not f.span.text.isupper():
            country = Found(f.span, "country", g.display.get(f.country, f.country), f.country, f.country + "GOV")
            actor = resolver.add(country)
        ext.mentions.append(Mention(id=f"{ext.doc}:m{f.span.start_char}", doc=ext.doc, start=f.span.start_char,
                                    end=f.span.end_char, text=f.span.text, entity=eid))
        for t in f.span:
            index.token_actor[t.i] = actor
        index.mention_order.append((f.span.root.i, actor))
    for m in ext.mentions:
        m.entity = resolver.renamed.get(m.entity, m.entity)
    index.token_actor = {i: resolver.renamed.get(e, e) for i, e in index.token_actor.items()}
    index.mention_order = [(i, resolver.renamed.get(e, e)) for i, e in index.mention_order]
    for ent in resolver.entities.values():
        ent.docs = [ext.doc]
    ext.entities = resolver.entities
    ext.actors = index
    return doc


def antecedent(doc: Doc, token: Token) -> str | None:
    """The entity a pronoun most likely refers to: the latest compatible mention before it."""
    ext: Extraction = doc._.khabar
    index: ActorIndex = ext.actors
    low, refs = token.lower_, tables(doc.lang_).REFERENCE_WORDS
    for i, eid in reversed(index.mention_order):
        if i >= token.i:
            continue
        kind = ext.entities[eid].kind if eid in ext.entities else None
        if low in refs["male"] | refs["female"] and kind == "person":
            return eid
        if low in refs["it"] and kind in {"country", "organization"}:
            return eid
        if low in refs["they"] and kind in {"group", "organization"}:
            return eid
        if low in refs["relative"]:
            return eid
    return None


def actor_of(doc: Doc, token: Token) -> str | None:
    """The entity a token names, through pronouns and relative clauses."""
    index: ActorIndex = doc._.khabar.actors
    for t in [token, *[c for c in token.children if c.dep_ in {"compound", "poss"}]]:
        if t.i in index.token_actor:
            return index.token_actor[t.i]
    refs = tables(doc.lang_).REFERENCE_WORDS
    if token.lower_ in refs["relative"] and token.head.dep_ == "relcl":
        return actor_of(doc, token.head.head)
    if token.lower_ in refs["male"] | refs["female"] | refs["it"] | refs["they"]:
        return antecedent(doc, token)
    for t in token.subtree:
        if t.i in index.token_actor:
            return index.token_actor[t.i]
    return None


def code_actor(text: str) -> tuple[str | None, str | None]:
    """(country, sector) of an actor description: "Pakistani Army" → ("PAK", "MIL").

    International organisations have country "IGO" (or their table code's first three letters).
    """
    g = gazetteer()
    words = [w.strip(".,'’()").lower() for w in re.split(r"[\s-]+", text) if w.strip(".,'’()")]
    org = next((o for size in (4, 3, 2, 1) for i in range(len(words) - size + 1)
                if (o := g.org(" ".join(words[i : i + size])))), None)
    country = g.country_in(text)
    org_sector = org.code[3:6] if org is not None and org.code and len(org.code) >= 6 else None
    sector = _sector(words, org_sector)
    if org is not None:
        country = country or org.country or _igo_country(org.code)
    if g.capital(text.strip()):
        sector = sector or "GOV"  # "Tehran said": a capital speaks for its government
    if sector in {"GOV", "MIL"} and FORMER & set(words):
        sector = "ELI"
    return country, sector


def _igo_country(code: str | None) -> str | None:
    """NGEC's pseudo-countries for international bodies: UNO for the UN system, EUR for the EU, else IGO."""
    if not code:
        return None
    return "UNO" if code.startswith("IGOUNO") else "EUR" if code.startswith("IGOEUR") else code[:3]
