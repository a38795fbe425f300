"""Political events coded in PLOVER: who did what to whom, and how the text presents it.

The event lexicon (``khabar/data/event_lexicon.tsv``, generated from PETRARCH-2's
CAMEO verb dictionary plus hand rows) is read into the words each part of a row
can hold (an object, a preposition, a particle, a subject: ``Shapes``); each
trigger's children in the parse are read for those parts, and the most specific
lexicon row that fits gives the type, or says the sense is no event ("released a
report"). (A spaCy ``DependencyMatcher`` with one pattern per shape gave the same
records at 5x the cost: it runs a token pattern per node over every word.) Source and
target come from the parse and the coreference resolver (subject, agent,
object, the objects of "with", "to", "against"...; pronouns, "the ministry",
groups named by common nouns); the mode from the sentence ("rumors that",
"denies the reports of", "promised to", "if", "would have", "no country").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from khabar.extract import Extraction
from khabar.extract.coref import adopt, entity, resolve
from khabar.extract.dates import date_of
from khabar.extract.syntax import (
    TEXT_KEY,
    genitives,
    has_future,
    is_negated,
    is_participle,
    named,
    of_objects,
    predicate_subject,
    relative_antecedent,
    subject_of,
    text_of,
)
from khabar.vocab import ACCUSING_CUES, COOPERATIVE, HOSTILE, MODE_ORDER, REPORTING_CUES, tables

DATA = Path(__file__).resolve().parents[1] / "data"

OFFICIAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}  # groups whose statements of others' hostile acts accuse
PATIENT_TYPES = {"ASSAULT", "COERCE", "RETREAT"}  # acts done to people: a person's possessive names the victim
VERBAL = {"ACCUSE", "SUPPORT", "REQUEST", "REJECT", "AGREE", "THREATEN", "CONCEDE"}  # acts done by words
STATEMENT_MODES = {"deny": "denied", "promise": "promised", "threaten": "threatened"}


OBJECT_DEPS = {"VERB": ["dobj", "nsubjpass", "attr", "oprd", "advmod", "acomp", "npadvmod", "dative", "xcomp"],
               "NOUN": ["compound", "amod", "nmod"]}
PREP_DEPS = ["prep", "prt", "agent", "dative", "advmod"]
ANY_ACTOR = "@actor"  # the lexicon's word for "any actor" as an object
PARTICLE_DEPS = ["prt", "advmod", "prep"]
SUBJECT_DEPS = ["nsubj", "nsubjpass"]
NESTED = {"xcomp", "acl", "dobj", "ccomp", "pobj", "prep", "compound", "pcomp"}  # links inside one act's description
ON_SOMEONE = {"REQUEST", "COERCE", "REJECT", "AGREE", "THREATEN", "CONCEDE"}  # acts whose "to" clause is their content


@dataclass(frozen=True)
class Sense:
    """One row of the event lexicon: a trigger and what it needs around it to code as ``type`` ("-": no event)."""

    index: int
    lemma: str
    pos: str
    type: str
    cameo: str
    objects: dict[str, tuple[tuple[str, ...], ...]]  # head lemma -> the modifiers each phrase needs ("mock attack")
    preps: tuple[tuple[str, dict[str, tuple[tuple[str, ...], ...]]], ...]  # (preposition, its objects; empty: any)
    particle: str
    subjects: dict[str, tuple[tuple[str, ...], ...]]
    roles: frozenset[str]
    hand: bool

    @property
    def specificity(self) -> int:
        return 2 * bool(self.objects) + 2 * bool(self.preps) + bool(self.particle) + 2 * bool(self.subjects) + \
            bool(self.preps and any(objs for _, objs in self.preps)) + ("negated" in self.roles) * 3 + \
            ("intransitive" in self.roles)  # "they opened fire" beats the bare "fire" that is no event

    @property
    def reverse(self) -> bool:
        return "reverse" in self.roles


def _counted(token: Token) -> Token:
    """"thousands of refugees", "тысячи беженцев", "a group of exiles": the people counted, not the count."""
    if token.like_num or token.lemma_.lower() in tables(token.doc.lang_).QUANTITY_NOUNS:
        return next(iter(of_objects(token)), token)
    return token


def _singular(word: str) -> set[str]:
    """A dictionary word and the lemmas it may have: "prisoners" → {"prisoners", "prisoner"}."""
    out = {word}
    if word.endswith("ies"):
        out.add(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "sses", "xes")):
        out.add(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        out.add(word[:-1])
    return out


def _words(spec: str, classes: dict[str, list[str]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """"&weapon mock_attack guns" → {head lemma: (modifiers of each phrase)}; classes expanded."""
    out: dict[str, set[tuple[str, ...]]] = {}
    for word in spec.replace(",", " ").split():
        for phrase in classes.get(word[1:], []) if word.startswith("&") else [word]:
            *mods, head = phrase.split("_")
            for form in _singular(head):
                out.setdefault(form, set()).add(tuple(mods))
    return {head: tuple(sorted(mods)) for head, mods in out.items()}


def _table(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=4)
def lexicon(language: str = "en") -> dict[tuple[str, str], list[Sense]]:
    """(lemma, pos) -> senses of a language's lexicon, the most specific first; a hand row counts as one constraint
    more specific."""
    lexicon_file, classes_file = tables(language).EVENT_LEXICON
    classes = {cells[0]: cells[1].split() for cells in _table(DATA / classes_file) if len(cells) > 1}
    rows = _table(DATA / lexicon_file)
    columns = rows[0]
    out: dict[tuple[str, str], list[Sense]] = {}
    for i, cells in enumerate(rows[1:]):
        row = dict(zip(columns, cells + [""] * (len(columns) - len(cells)), strict=True))
        preps = tuple((alt.partition(":")[0], _words(alt.partition(":")[2], classes)) for alt in row["prep"].split())
        sense = Sense(i, row["lemma"], row["pos"], row["type"], row["cameo"], _words(row["object"], classes), preps,
                      row["particle"], _words(row["subject"], classes), frozenset(row["roles"].split()), row["origin"] == "khabar")
        out.setdefault((sense.lemma, sense.pos), []).append(sense)
    for senses in out.values():
        senses.sort(key=lambda s: (-(s.specificity + 2 * s.hand), not s.hand, s.index))  # a reviewed row beats a looser one
    return out


@lru_cache(maxsize=1)
def _lemma_of_inflection() -> dict[str, str]:
    """Inflected spellings of verb triggers, for when the small model's lemmatizer misses ("staged" → "stag")."""
    out = {}
    for lemma, pos in lexicon("en"):
        if pos == "VERB" and lemma.isalpha():
            stem = lemma[:-1] if lemma.endswith("e") else lemma
            for form in {lemma + "s", lemma + "es", stem + "ed", stem + "ing", lemma + "d"}:
                out.setdefault(form, lemma)
    return out


def _fix_lemmas(doc: Doc) -> None:
    """Give trigger words the lemma the small model's lemmatizer sometimes misses ("staged" → "stag")."""
    forms, known = _lemma_of_inflection(), lexicon("en")
    for tok in doc:
        lemma = forms.get(tok.lower_)
        if lemma and tok.lemma_ != lemma and tok.pos_ == "VERB" and (tok.lemma_.lower(), "VERB") not in known:
            tok.lemma_ = lemma


@dataclass(frozen=True)
class Shapes:
    """The lexicon's words by the part they play around a trigger of one part of speech: the triggers that need an
    object, a preposition, a particle or a subject, and the words that can fill each part. Which row applies is
    decided after the walk, by ``_sense``."""

    triggers: frozenset[str]
    needing: dict[str, frozenset[str]]  # part ("object", "actor", "prep", "particle", "subject") -> trigger lemmas
    words: dict[str, frozenset[str]]  # part -> the lemmas (objects, subjects) or words (preps, particles) filling it


@lru_cache(maxsize=8)
def _shapes(pos: str, language: str) -> Shapes:
    senses = [s for (_, p), ss in lexicon(language).items() if p == pos for s in ss]
    return Shapes(
        triggers=frozenset(s.lemma for s in senses),
        needing={"object": frozenset(s.lemma for s in senses if s.objects),
                 "actor": frozenset(s.lemma for s in senses if ANY_ACTOR in s.objects),
                 "prep": frozenset(s.lemma for s in senses if s.preps),
                 "particle": frozenset(s.lemma for s in senses if s.particle),
                 "subject": frozenset(s.lemma for s in senses if s.subjects)},
        words={"object": frozenset(w for s in senses for w in s.objects if w != ANY_ACTOR),
               "prep": frozenset(p for s in senses for p, _ in s.preps),
               "particle": frozenset(s.particle for s in senses if s.particle),
               "subject": frozenset(w for s in senses for w in s.subjects)})


@dataclass
class Around:
    """What is around one trigger: its objects, prepositions (with their objects), particles, subjects."""

    objects: list[Token] = field(default_factory=list)
    preps: list[tuple[Token, Token | None]] = field(default_factory=list)
    particles: set[str] = field(default_factory=set)
    subjects: list[Token] = field(default_factory=list)


# Words in one sentence beyond which it is not prose (a list, a table, a hostile input): no events are searched there.
MAX_SENTENCE_TOKENS = 250
NOMINALS = frozenset({"NOUN", "PROPN", "PRON"})


def _kids(token: Token, deps: set[str] | list[str], attr: str, values: frozenset[str]) -> list[Token]:
    """The children of ``token`` on one of ``deps`` whose ``attr`` is one of ``values``."""
    return [c for c in token.children if c.dep_ in deps and getattr(c, attr) in values]


def _objects(trigger: Token, shapes: Shapes, quantities: frozenset[str]) -> list[Token]:
    """"sent troops", "the release of prisoners", "sent thousands of troops", "тысячи беженцев"; any actor where a
    row takes one."""
    deps, objects, out = OBJECT_DEPS[trigger.pos_], shapes.words["object"], []
    if trigger.lemma_ in shapes.needing["object"]:
        out += _kids(trigger, deps, "lemma_", objects)
        out += [p for of in _kids(trigger, ["prep"], "lower_", frozenset({"of"})) for p in _kids(of, ["pobj"], "lemma_", objects)]
        for count in _kids(trigger, deps, "lemma_", quantities):
            out += [p for of in _kids(count, ["prep"], "lower_", frozenset({"of"})) for p in _kids(of, ["pobj"], "lemma_", objects)]
            out += _kids(count, ["nmod"], "lemma_", objects)
    if trigger.lemma_ in shapes.needing["actor"]:
        out += _kids(trigger, deps, "pos_", NOMINALS)
    return out


def _preps(trigger: Token, shapes: Shapes) -> list[tuple[Token, Token | None]]:
    """The trigger's prepositions of the lexicon, its own or its object's ("sending troops to"), with their object."""
    preps = shapes.words["prep"]
    found = _kids(trigger, PREP_DEPS, "lower_", preps)
    found += [p for carrier in _kids(trigger, OBJECT_DEPS[trigger.pos_], "pos_", NOMINALS)
              for p in _kids(carrier, ["prep"], "lower_", preps)]
    out = []
    for prep in found:
        pobjs = [c for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
        if prep.dep_ in {"prt", "advmod"}:  # "took in refugees": the particle's object is the verb's
            pobjs = [c for c in trigger.children if c.dep_ == "dobj"]
        out.append((prep, pobjs[0] if pobjs else None))
    return out


def _subjects(trigger: Token, shapes: Shapes) -> list[Token]:
    """The subject, or the agent of a passive with or without "by"."""
    subjects = shapes.words["subject"]
    by = [p for agent in _kids(trigger, ["agent"], "lower_", frozenset({"by"})) for p in _kids(agent, ["pobj"], "lemma_", subjects)]
    return _kids(trigger, SUBJECT_DEPS, "lemma_", subjects) + by + _kids(trigger, ["agent"], "lemma_", subjects)


def _around(doc: Doc) -> dict[int, Around]:
    """Every trigger of the lexicon in the Doc with the words around it that the lexicon's rows ask about."""
    v = tables(doc.lang_)
    shapes = {pos: _shapes(pos, doc.lang_) for pos in ("VERB", "NOUN")}
    found: dict[int, Around] = {}
    for sent in (s for s in doc.sents if len(s) <= MAX_SENTENCE_TOKENS):
        for trigger in sent:
            if (sh := shapes.get(trigger.pos_)) is None or trigger.lemma_ not in sh.triggers:
                continue
            around = found[trigger.i] = Around(objects=_objects(trigger, sh, v.QUANTITY_NOUNS))
            if trigger.lemma_ in sh.needing["prep"]:
                around.preps = _preps(trigger, sh)
            if trigger.lemma_ in sh.needing["particle"]:
                around.particles = {c.lower_ for c in _kids(trigger, PARTICLE_DEPS, "lower_", sh.words["particle"])}
            if trigger.lemma_ in sh.needing["subject"]:
                around.subjects = _subjects(trigger, sh)
    return found


def _fits_word(token: Token | None, words: dict[str, tuple[tuple[str, ...], ...]]) -> bool:
    if token is None:
        return False
    if ANY_ACTOR in words and _names_an_actor(_counted(token)):
        return True  # "released the mayor": any actor
    for key in (token.lemma_.lower(), token.lower_):
        for mods in words.get(key, ()):
            if not mods or set(mods) <= {c.lower_ for c in token.children} | {c.lemma_.lower() for c in token.children}:
                return True
    return False


def _names_an_actor(token: Token) -> bool:
    """Whether the word itself is an actor or people ("the mayor", "them", "three activists"), not a thing of theirs
    ("released their tax returns": the resolver gives what is done to a thing to its owner)."""
    v = tables(token.doc.lang_)
    if token.lower_ in v.REFERENCE_WORDS["it"]:
        return False  # "released it": a thing, as a rule (a country or a body released is named)
    itself = token.pos_ in {"PROPN", "PRON"} or token.i in token.doc._.khabar.actors.token_actor or \
        token.lemma_.lower() in v.ACTOR_NOUNS | v.ROLE_NOUNS | v.PERSON_NOUNS
    return itself and _actor(token.doc, token, people=True) is not None


def _sense_fits(sense: Sense, trigger: Token, around: Around) -> list[Token] | None:
    """The words that make the sense fit (the trigger first), or None if it does not."""
    words = [trigger]
    if sense.objects:
        if not (objs := [t for t in around.objects if _fits_word(t, sense.objects)]):
            return None
        words.append(objs[0])
    if sense.particle and sense.particle not in around.particles:
        return None
    if sense.subjects and not any(_fits_word(t, sense.subjects) for t in around.subjects):
        return None
    if sense.preps:
        preps = [p for prep, objs in sense.preps for p, pobj in around.preps if p.lower_ == prep and (not objs or _fits_word(pobj, objs))]
        if not preps:
            return None
        words.append(preps[0])
    if "intransitive" in sense.roles and any(c.dep_ in {"dobj", "nsubjpass"} for c in trigger.children):
        return None  # "demonstrating its preparedness" is no protest
    if "negated" in sense.roles:
        negated = is_negated(trigger) or any(is_negated(a) for a in _verb_chain(trigger))
        refusing = set(trigger.morph.get("Aspect")) & tables(trigger.doc.lang_).FUNCTION_WORDS["refusal_aspect"]
        if not (negated and (has_future(trigger) or _refused(trigger) or refusing)):
            return None  # "will not recognize", "refused to sign", "не признала" (a perfective verb negated: a refusal)
    return words


def _sense(trigger: Token, around: Around) -> tuple[Sense, list[Token]] | None:
    """The most specific sense of the trigger that fits what is around it, and the words it needed;
    None when that sense is no event."""
    for sense in lexicon(trigger.doc.lang_).get((trigger.lemma_.lower(), trigger.pos_), []):
        if (words := _sense_fits(sense, trigger, around)) is not None:
            return (sense, words) if sense.type != "-" else None
    return None


def _reduced_relative(trigger: Token) -> bool:
    """A participle describing a noun ("a report released Tuesday", "soldiers killed"); "reports that Peru had sent
    troops" is a clause with a subject of its own, telling the act."""
    return trigger.dep_ == "acl" and is_participle(trigger) and not any(c.dep_ in {"nsubj", "aux", "mark"} for c in trigger.children)


def _fits(sense: Sense, trigger: Token) -> bool:
    """Whether the text presents the act itself, not a description, a reason given or an abstract sense."""
    v = tables(trigger.doc.lang_)
    if _reduced_relative(trigger) and sense.type != "ASSAULT":
        return False  # "a report released Tuesday", "a member jailed a year ago": a description, not the event reported
    if trigger.dep_ == "relcl" and any(c.lower_ in v.FUNCTION_WORDS["pluperfect"] for c in trigger.children if c.dep_ == "aux"):
        return False  # "who had been arrested 15 months ago": background, not the news
    if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and trigger.head.lemma_.lower() in v.TOPIC_VERBS:
        return False  # "discussed possible French assistance": a topic, not an act
    if _reason(trigger):
        return False  # "praised for its willingness to cooperate": the reason given
    if any(anc.lemma_.lower() in v.FUNCTION_WORDS["unable"] for anc in _governors(trigger)[:2]):
        return False  # "was unable to take in more refugees": a state of incapacity, not an act
    return not any(c.dep_ == "dobj" and c.lemma_.lower() in v.ABSTRACT_OBJECTS and _named_owner(c) is None
                   for c in trigger.children)  # "seized the initiative"; "backed Peru's initiative" is Peru's


def _owners(thing: Token) -> list[Token]:
    """Who a thing belongs to: its possessive, its genitive, what it is "of" — unless it names an act, whose "of" is
    whom the act is done to ("the killing of protesters")."""
    if (thing.lemma_.lower(), "NOUN") in lexicon(thing.doc.lang_):
        return [c for c in thing.children if c.dep_ == "poss"]
    return [c for c in thing.children if c.dep_ == "poss"] + of_objects(thing)


def _named_owner(thing: Token) -> str | None:
    """The actor whose ``thing`` is ("Peru's initiative", "инициатива Киргизии"); a pronoun owner ("its chance")
    is not read here."""
    for owner in (c for c in _owners(thing) if c.pos_ in {"PROPN", "NOUN"}):
        if actor := resolve(thing.doc, owner):
            return actor
    return None


@lru_cache(maxsize=4)
def _reason_verbs(language: str) -> frozenset[tuple[str, str]]:
    """Verbs whose lexicon rows take the reason preposition as an argument ("called for talks", "pressed for")."""
    reasons = tables(language).EVENT_PREPS["reason"]
    return frozenset(k for k, senses in lexicon(language).items() if any(p in reasons for s in senses for p, _ in s.preps))


def _reason(trigger: Token) -> bool:
    """Whether the trigger is inside a "for" phrase that gives a verb's reason ("jailed for helping militants")."""
    v = tables(trigger.doc.lang_)
    node = trigger
    for _ in range(4):
        if node.dep_ not in {"acl", "pobj", "pcomp", "prep"} or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in v.EVENT_PREPS["reason"] and node.head.pos_ in {"VERB", "AUX"}:
            lemma = node.head.lemma_.lower()
            return lemma not in v.MODE_CUES["negated"] and (lemma, "VERB") not in _reason_verbs(trigger.doc.lang_)
        node = node.head
    return False


def _refused(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and trigger.head.lemma_ in tables(trigger.doc.lang_).FUNCTION_WORDS["refuse"]


def _verb_chain(trigger: Token) -> list[Token]:
    """Verbs that govern the trigger through infinitives ("isn't rushing to establish")."""
    out = []
    tok = trigger
    while tok.dep_ in {"xcomp"} and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _actor(doc: Doc, token: Token | None, people: bool = False) -> str | None:
    if token is None:
        return None
    return resolve(doc, named(relative_antecedent(_counted(token))), people)


def _instrument(doc: Doc, trigger: Token) -> str | None:
    """"killed in Israeli tank shelling", "killed in an air strike by government forces": the actor named in the
    means of a passive act."""
    index = doc._.khabar.actors.token_actor
    preps = tables(doc.lang_).EVENT_PREPS
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps["means"]):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if by := _prep_actor(doc, pobj, preps["agent"]):
                return by
            for mod in (c for c in pobj.children if c.dep_ in {"amod", "compound", "poss"}):
                if mod.i in index:
                    return index[mod.i]
    return None


def _source(doc: Doc, trigger: Token, obj: Token | None, row: Sense) -> str | None:
    preps = tables(doc.lang_).EVENT_PREPS
    if row.reverse:
        return _prep_actor(doc, trigger, preps["source"])
    if trigger.pos_ == "NOUN":
        if giver := _prep_actor(doc, trigger, preps["source"]):
            return giver  # "pressure from Congress"
        owners = [c for c in trigger.children if c.dep_ in {"poss", "amod", "compound"}]
        if row.type not in PATIENT_TYPES:
            owners += genitives(trigger)  # "визит министра": whose visit (an arrest's genitive is its victim)
        for child in owners:
            if (actor := resolve(doc, child)) and actor != _patient_owner(doc, trigger, row):
                return actor
        agent = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ in preps["agent"]]
        if agent and (objs := [c for c in agent[0].children if c.dep_ == "pobj"]):
            return _actor(doc, objs[0])
        governor = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head  # "participate in negotiations"
        if trigger.head.dep_ == "prep" and (row.type in PATIENT_TYPES or row.type == "PROTEST" and
                                            trigger.head.lower_ in tables(doc.lang_).EVENT_PREPS["circumstance"]):
            return None  # "arrested in the killing", "resigned after the protests": the verb's subject did not do it
        if governor.pos_ in {"VERB", "AUX"} and (subj := subject_of(governor)) is not None and subj.i != trigger.i:
            return _actor(doc, subj, people=row.type == "PROTEST")
        return None
    subj = subject_of(trigger) if not _reduced_relative(trigger) else None  # "soldiers killed": victims
    if subj is not None and (subj.dep_ != "nsubjpass" or subj.head.i != trigger.i):  # "Obama is scheduled to attend"
        actor = _actor(doc, predicate_subject(subj) if subj.dep_ == "nsubj" else subj, people=row.type == "PROTEST")
        if actor:  # any people protest ("truck drivers staged a protest"); other acts need an actor
            return actor
    if obj is not None:  # "its troops", "Twenty thousand soldiers were sent": whose forces they are
        owner = [c for c in obj.children if c.dep_ == "poss"]
        if owner and (actor := resolve(doc, owner[0])):
            return actor
    if any(c.dep_ == "nsubjpass" for c in trigger.children) or trigger.dep_ == "acl":
        return _instrument(doc, trigger) or (_topic(doc, trigger) if trigger.dep_ != "acl" else None)
    return None


def _suspect(trigger: Token, coded_events: dict) -> str | None:
    """"a warrant for his arrest in the killing of X", "charged with the murder": the person the police act on
    is the suspect of the attack named in the charge."""
    for anc in list(trigger.ancestors)[:4]:
        event = coded_events.get(anc.i)
        if event is not None and event.type == "COERCE":
            return event.target
    return None


def _perpetrator(doc: Doc, victim: str) -> str | None:
    """"the assassination of Rabin" in a text that names "Yigal Amir, Rabin's assassin": who the text says did it."""
    for tok in doc:
        if tok.lemma_.lower() not in tables(doc.lang_).PERPETRATOR_NOUNS:
            continue
        if any(resolve(doc, o) == victim for o in _owners(tok)):
            person = tok.head if tok.dep_ == "appos" else named(tok)
            if person is not tok and (actor := resolve(doc, person)) and actor != victim:
                return actor
    return None


def _prep_actor(doc: Doc, token: Token, prep_words: tuple[str, ...]) -> str | None:
    holders = [token, *(c for c in token.children if c.dep_ in {"dobj"})]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in prep_words):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if actor := _actor(doc, pobj):
                return actor
    return None


def _topic(doc: Doc, trigger: Token) -> str | None:
    """The actor the text is about: the subject of the previous sentence's main verb, or of what it reports
    ("Immigration officials escorted the Libyan, a newspaper said")."""
    sent = trigger.sent
    if sent.start == 0:
        return None
    root = doc[sent.start - 1].sent.root
    reported = [c for c in root.children if c.dep_ in {"ccomp", "parataxis"}] if root.lemma_.lower() in tables(doc.lang_).CUES else []
    for verb in [*reported, root]:
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if subj and (actor := _actor(doc, subj[0])):
            return actor
    return None


def _target_preps(trigger: Token, row: Sense) -> tuple[str, ...]:
    """Prepositions that introduce the target, in order: "the killing of X" for acts named by nouns, "outside" for attacks."""
    preps = tables(trigger.doc.lang_).EVENT_PREPS
    out = preps["target"]
    if trigger.pos_ == "NOUN":
        out = (*preps["of"], *out)
    return (*out, *preps["assault"]) if row.type == "ASSAULT" else out


def _patient_owner(doc: Doc, trigger: Token, row: Sense) -> str | None:
    """"Rabin's murder", "his arrest": a person's possessive on an act done to people names its victim."""
    if row.type not in PATIENT_TYPES:
        return None
    for child in (c for c in trigger.children if c.dep_ == "poss"):
        actor = resolve(doc, child)
        owner = entity(doc, actor)
        if owner is not None and owner.kind == "person":
            return actor
    return None


def _actor_below(doc: Doc, token: Token) -> str | None:
    """"advised against travel to Tunisia", "a summit in Switzerland": the actor in a phrase below a thing."""
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in tables(doc.lang_).EVENT_PREPS["below"]):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if actor := _actor(doc, pobj):
                return actor
    return None


def _target(doc: Doc, trigger: Token, source: str | None, row: Sense) -> str | None:
    v = tables(doc.lang_)
    if trigger.pos_ == "NOUN" and (patient := _patient_owner(doc, trigger, row)):
        return patient
    if row.reverse or (trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and _prep_actor(doc, trigger, v.EVENT_PREPS["source"])):
        subj = subject_of(trigger.head if trigger.pos_ == "NOUN" else trigger)
        return _actor(doc, subj) if subj is not None else None  # "Obama faces pressure from Congress"
    candidates: list[Token] = []
    if trigger.dep_ == "acl" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        candidates.append(trigger.head)  # "10 Russian soldiers killed"
    for child in trigger.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass"} and row.type != "MOBILIZE":  # troops moved are no target
            candidates += [c for c in child.children if c.dep_ == "pobj"] if child.pos_ == "ADP" else [child]
        if child.dep_ == "ccomp":  # "alleged that France was aware"
            candidates += [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
    holders = [trigger, *(c for c in trigger.children if c.dep_ in {"prt", "advmod"})]  # "sending ... back to Afghanistan"
    order = _target_preps(trigger, row)
    preps = sorted((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in order), key=lambda c: order.index(c.lower_))
    if trigger.lemma_.lower() in v.TRANSFER_VERBS and any(p.lower_ in v.EVENT_PREPS["receiver"] for p in preps):
        candidates = [c for c in candidates if c.dep_ != "dobj"]  # "awarded the Order to the leaders": the recipient
    if trigger.pos_ == "NOUN":
        candidates += genitives(trigger)  # "арест активистов": whom the act is done to
    for prep in preps:
        candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]:
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in v.EVENT_PREPS["target"]):
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for cand in candidates:
        actor = _actor(doc, cand, people=row.type in PATIENT_TYPES)
        if actor and actor != source and not any(c.dep_ == "poss" and resolve(doc, c) == source for c in cand.children):
            return actor  # "withdrew its troops": the source's own people are not whom it acts on
    if row.type != "MOBILIZE":  # "criticised the ministry's plan", "froze the assets of three officials": whose it is
        for cand in (c for c in candidates if c.dep_ in {"dobj", "pobj"}):
            owner = next((actor for c in _owners(cand) if (actor := resolve(doc, c))), None)
            if owner and owner != source:
                return owner
    subj = subject_of(trigger) if trigger.pos_ != "NOUN" else None
    if subj is not None:  # "The US, Russia and Switzerland met": they meet each other
        for other in (c for c in subj.children if c.dep_ in {"conj", "appos"}):
            if (actor := _actor(doc, other)) and actor != source:
                return actor
    for cand in candidates:  # only then an actor in a phrase below the object ("travel to Tunisia")
        actor = _actor_below(doc, cand)
        if actor and actor != source:
            return actor
    return None


def _location(doc: Doc, trigger: Token) -> str | None:
    ext: Extraction = doc._.khabar
    for tok in [trigger, *[c for c in trigger.children if c.dep_ in {"dobj", "prep"}]]:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in tables(doc.lang_).EVENT_PREPS["location"]):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                eid = ext.actors.token_actor.get(pobj.i)
                if eid and eid in ext.entities and ext.entities[eid].kind in {"location", "country"}:
                    return eid
    return None


def _governors(trigger: Token) -> list[Token]:
    """The words above the trigger up to its clause's root; a coordinated verb's partner does not govern it."""
    out, node = [], trigger
    while node.dep_ not in {"ROOT", "conj"} and node.head.i != node.i:
        node = node.head
        out.append(node)
    return out


def _mode(doc: Doc, trigger: Token, row: Sense, told_by_other: bool) -> str:
    """How the sentence presents the act: the words on the trigger, on the verbs above it, on its subject and
    object, and the statement it is reported in."""
    ext: Extraction = doc._.khabar
    v = tables(doc.lang_)
    words = v.FUNCTION_WORDS
    found: set[str] = {"reported"} if told_by_other else set()
    if is_negated(trigger) and "negated" not in row.roles or _nobody(trigger):
        found.add("negated")
    for child in trigger.children:
        if child.dep_ == "relcl" and is_negated(child):  # "negotiations that never took place"
            found.add("negated")
        if child.dep_ in {"advmod", "aux", "amod"}:
            found |= {m for m, cues in v.MODE_CUES.items() if child.lemma_.lower() in cues or child.lower_ in cues}
        if child.dep_ == "mark" and child.lower_ in words["condition"]:  # "if the rebels advance"
            found.add("hypothetical")
    for anc in _governors(trigger):
        lemma = anc.lemma_.lower()
        found |= {m for m, cues in v.MODE_CUES.items() if lemma in cues and m != "hypothetical"}
        if lemma in words["able"] or any(c.lower_ in words["condition"] for c in anc.children if c.dep_ == "mark"):
            found.add("hypothetical")
        if anc.pos_ in {"VERB", "AUX"} and is_negated(anc) and "negated" not in row.roles and anc.dep_ != "ROOT" or \
                (anc in _verb_chain(trigger) and is_negated(anc)):
            found.add("negated")
    for statement, (start, end) in ext.scopes:
        if start <= trigger.idx < end and statement.start < trigger.idx:
            if statement.cue in STATEMENT_MODES:
                found.add(STATEMENT_MODES[statement.cue])
            if statement.cue in REPORTING_CUES:
                found.add("reported")
            if "hypothetical" in found and any(c.lower_ in words["conditional"] for c in trigger.children if c.dep_ == "aux") \
                    and not any(c.lower_ in words["perfect"] for c in trigger.children if c.dep_ == "aux"):
                found = (found - {"hypothetical"}) | {"planned"}  # "said it would challenge the fine": an intention told
    if row.type == "THREATEN":
        found.add("threatened")  # a threat is presented as one ("will not tolerate", "threatened to deploy troops")
    if trigger.lemma_.lower() in v.MODE_CUES["promised"]:
        found.add("promised")  # "pledged aid", "promised to take in refugees": the pledge is presented as one
    if "negated" in row.roles:
        found -= {"planned"}  # "will not recognize": the refusal itself is the act
    return next((m for m in MODE_ORDER if m in found), "asserted")


def _nobody(trigger: Token) -> bool:
    """"No country has recognized...", "the men took no money": the act is said not to have happened."""
    holders = [c for c in trigger.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    nobody = tables(trigger.doc.lang_).NEGATIVE_DETERMINERS
    return any(d.lower_ in nobody for h in holders for d in h.children if d.dep_ == "det")


def _intent_type(trigger: Token, event_type: str) -> str:
    """"wants to help Israel" is an intent (AGREE); "wants to attack Switzerland" a threat."""
    v = tables(trigger.doc.lang_)
    wanter = subject_of(trigger.head) if trigger.dep_ == "xcomp" else None
    if wanter is not None and wanter.lower_ in v.FUNCTION_WORDS["first_person"]:
        return event_type  # "I want to thank you": the speaker does it in saying so
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in v.INTENT_VERBS:
        if event_type in COOPERATIVE:
            return "AGREE"
        if event_type in HOSTILE:
            return "THREATEN"
    return event_type


def _statement_over(ext: Extraction, trigger: Token, cues: frozenset[str]):
    """The statement whose words report the trigger, said before it ("X said that ..."), if any."""
    for statement, (start, end) in ext.scopes:
        if start <= trigger.idx < end and statement.cue in cues and statement.start < trigger.idx:
            return statement
    return None


def _accusation(ext: Extraction, trigger: Token, source: str | None, target: str | None, event_type: str):
    """The statement in which a named speaker, not the media, tells of someone else's hostile act, or of one done
    to it: the speaker accuses its author ("Armenia said that Azerbaijan had shelled three villages", "Israel
    said a mortar bomb was fired at it"); None if there is none."""
    if event_type not in HOSTILE - {"MOBILIZE"}:
        return None
    statement = _statement_over(ext, trigger, ACCUSING_CUES)
    if statement is None or not statement.speaker or statement.speaker == source or source is None and statement.speaker != target:
        return None
    v = tables(trigger.doc.lang_)
    speaker = ext.entities.get(statement.speaker)
    words = set((statement.speaker_text or "").lower().split()) | set(speaker.name.lower().split() if speaker else ())
    if words & v.MEDIA_WORDS or speaker is None or speaker.kind == "person":
        return None  # a newspaper reports, a person tells; a government or a body accuses
    if speaker.kind == "group" and not any(v.SECTORS.get(w) in OFFICIAL_SECTORS for w in words):
        return None
    return statement


def _coded_as_accusation(ext: Extraction, statement) -> bool:
    """"American authorities allege the attacks...": the statement's verb is itself an accusation already coded."""
    return any(e.type == "ACCUSE" and e.start < statement.end and statement.start < e.end for e in ext.events)


def _business(ext: Extraction, source: str | None, target: str | None, suffixes: frozenset[str]) -> bool:
    """A company acting on a company or on nobody: commerce, not a political event (``suffixes``: of company names)."""
    def company(eid: str | None) -> bool:
        ent = ext.entities.get(eid) if eid else None  # named companies only: groups are never companies
        return ent is not None and ((ent.actor_code or "").endswith("BUS") or ent.name.split()[-1].lower().strip(".") in suffixes)
    return company(source) and (target is None or company(target))


def _announced_intent(ext: Extraction, trigger: Token, event_type: str) -> str:
    """"Israel announced it would free 150 prisoners": a cooperative act said to come is an AGREE."""
    if event_type in COOPERATIVE and has_future(trigger) and _statement_over(ext, trigger, frozenset({"say", "promise"})):
        return "AGREE"
    return event_type


def _date_carried(doc: Doc, trigger: Token, dated: list) -> object:
    """An undated event right after a dated one, in the same paragraph, happened then ("Rahmon also met...")."""
    sent = trigger.sent
    if not dated or sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    sent_start, date = dated[-1]
    if sent_start != previous.start or "\n" in text_of(doc)[previous.end_char : sent.start_char]:
        return None
    return date


def _several(trigger: Token) -> bool:
    """"The US, Russia and Switzerland met": coordinated subjects meet each other."""
    subj = subject_of(trigger)
    return subj is not None and any(c.dep_ in {"conj", "appos"} for c in subj.children)


def _span(doc: Doc, token_ids: list[int]) -> tuple[int, int]:
    first, last = doc[min(token_ids)], doc[max(token_ids)]
    start, end = first.idx, last.idx + len(last.text)
    return start, min(end, start + 600)


@Language.component("khabar_events")
def events_component(doc: Doc) -> Doc:
    from khabar.records import Event

    ext: Extraction = doc._.khabar
    if doc.lang_ == "en":
        _fix_lemmas(doc)  # the small English model's lemmatizer misses some trigger verbs
    coded: dict[int, tuple[Sense, list[Token]]] = {}
    for i, around in _around(doc).items():
        found = _sense(doc[i], around)
        if found is not None and _fits(found[0], doc[i]):
            coded[i] = found
    for i in [i for i in coded if _modal(doc[i], coded)]:
        del coded[i]  # "pledged to expel", "agreed to lift": the act promised is coded, with its mode
    dated: list[tuple[int, object]] = []  # (sentence start, date) of the events coded so far
    seen: set[tuple] = set()
    accused: set[str] = set()  # statements already coded as an accusation
    coded_events: dict[int, object] = {}  # trigger index -> event, for the acts coded before
    for i, (row, words) in sorted(coded.items()):
        trigger = doc[i]
        if _inside_another(trigger, coded):
            continue
        obj = words[1] if len(words) > 1 and words[1].dep_ != "prep" else None
        source = _source(doc, trigger, obj, row)
        target = _target(doc, trigger, source, row) or _threatened_target(doc, trigger, source, row, coded)
        if source is None and row.type == "ASSAULT" and target is not None:
            source = _suspect(trigger, coded_events) or _perpetrator(doc, target)
        event_type = _announced_intent(ext, trigger, _intent_type(trigger, "ACCUSE" if _in_words(trigger, row) else row.type))
        accusation = _accusation(ext, trigger, source, target, event_type)
        if not _has_actors(trigger, row, obj, source, target) or _business(ext, source, target, tables(doc.lang_).COMPANY_SUFFIXES):
            continue
        told = (trigger.sent.start, event_type, source)
        if (*told, target) in seen or (*told, None) in seen or target is None and any(k[:3] == told for k in seen):
            continue  # the same act told twice in one sentence ("attacked ... in the attack")
        seen.add((*told, target))
        token_ids = [t.i for t in words]
        start, end = _span(doc, token_ids)
        date = date_of(doc, trigger) or _date_carried(doc, trigger, dated)
        if date is not None:
            dated.append((trigger.sent.start, date))
        ext.events.append(Event(
            id=f"{ext.doc}:E{trigger.idx}", doc=ext.doc, start=start, end=end, type=event_type,
            mode=_mode(doc, trigger, row, accusation is not None), source=source, target=target, date=date,
            location=_location(doc, trigger),
            trigger=doc[min(token_ids) : max(token_ids) + 1].text if max(token_ids) - min(token_ids) < 8 else trigger.text,
            cameo=row.cameo if event_type == row.type else None))
        adopt(doc, source)
        adopt(doc, target)
        coded_events[i] = ext.events[-1]
        if accusation is not None and accusation.id not in accused and not _coded_as_accusation(ext, accusation):
            accused.add(accusation.id)
            end = min(max(accusation.end, trigger.idx), accusation.start + 600)  # the speaker's words up to the act told
            ext.events.append(Event(
                id=f"{ext.doc}:E{accusation.start}a", doc=ext.doc, start=accusation.start, end=end, type="ACCUSE",
                mode=STATEMENT_MODES.get(accusation.cue, "asserted"), source=accusation.speaker, date=accusation.date,
                target=source or (_prep_actor(doc, trigger, tables(doc.lang_).EVENT_PREPS["source"])
                                  if target == accusation.speaker else None),
                trigger=accusation.verb or "", cameo="112"))
    ext.events.sort(key=lambda e: e.start)
    doc.user_data.pop("khabar_coref", None)  # the last component: the resolver's cache goes with it
    doc.user_data.pop(TEXT_KEY, None)
    return doc


def _threatened_target(doc: Doc, trigger: Token, source: str | None, row: Sense,
                       coded: dict[int, tuple[Sense, list[Token]]]) -> str | None:
    """"threatened to impose sanctions on Mexico": a threat is aimed at whom the act threatened would be done to."""
    if row.type != "THREATEN":
        return None
    acts = [c for c in trigger.children if c.dep_ == "xcomp" and c.i in coded]
    return next((t for act in acts if (t := _target(doc, act, source, coded[act.i][0]))), None)


def _in_words(trigger: Token, row: Sense) -> bool:
    """An attack on a policy, a record, a claim ("attacked four provisions", "attacks on her record"): criticism."""
    if row.type != "ASSAULT":
        return False
    v = tables(trigger.doc.lang_)
    aimed = [c for c in trigger.children if c.dep_ == "dobj"] + [
        p for c in trigger.children if c.dep_ == "prep" and c.lower_ in v.EVENT_PREPS["target"] for p in c.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in v.VERBAL_TARGETS for t in aimed)


def _has_actors(trigger: Token, row: Sense, obj: Token | None, source: str | None, target: str | None) -> bool:
    """Whether the act has the actors its type needs: someone doing it, or for acts done to people
    ("was killed", "were arrested") someone it was done to; a talk with someone; a verbal act named
    by a noun, whom it was aimed at."""
    if source is None and (target is None or row.type not in PATIENT_TYPES):
        return False  # "infrastructure for taking in refugees", "the July promise to accept refugees": nobody acts
    if row.type == "CONSULT" and target is None:
        return _several(trigger) or (obj is not None and obj.lemma_.lower() in tables(trigger.doc.lang_).MEETING_NOUNS)  # "attended a summit"
    return not (trigger.pos_ == "NOUN" and row.type in VERBAL and target is None)  # "limiting their criticism to the fact"


def _governing_type(node: Token, coded: dict[int, tuple[Sense, list[Token]]]) -> str | None:
    """The type of the nearest coded act above a word ("held talks during a visit": CONSULT)."""
    for anc in node.ancestors:
        if anc.i in coded:
            return coded[anc.i][0].type
    return None


def _modal(trigger: Token, coded: dict[int, tuple[Sense, list[Token]]]) -> bool:
    """A verb of promising, planning or wanting with an act as its complement ("pledged to expel")."""
    lemma = trigger.lemma_.lower()
    v = tables(trigger.doc.lang_)
    if lemma not in v.INTENT_VERBS and lemma not in v.MODE_CUES["promised"] and lemma not in v.MODE_CUES["planned"]:
        return False
    return any(c.dep_ == "xcomp" and c.i in coded for c in trigger.children)


def _inside_another(trigger: Token, coded: dict[int, tuple[Sense, list[Token]]]) -> bool:
    """"pressured to help Iran", "condemned the bombings", "a warrant for his arrest": the governing event codes it."""
    v = tables(trigger.doc.lang_)
    if trigger.dep_ == "advcl" and any(c.lower_ in v.FUNCTION_WORDS["infinitive"] for c in trigger.children if c.dep_ in {"aux", "mark"}) and \
            trigger.head.i in coded and coded[trigger.head.i][0].type in ON_SOMEONE:
        return True  # "pressured by Congress to help Iran", "gave permission to Russia to help": what was asked or allowed
    node = trigger
    for _ in range(6):
        if node.dep_ not in NESTED and not (node.dep_ == "relcl" and node is trigger) or node.head.i == node.i:
            return False
        if node.dep_ == "prep" and node.lower_ in v.EVENT_PREPS["circumstance"] and not (node.head.i in coded and node in coded[node.head.i][1]) \
                and _governing_type(node, coded) != coded[trigger.i][0].type:
            return False  # "a warrant for his arrest in the killing of X": the killing is an act of its own
        node = node.head
        if node.i in coded and (trigger.pos_ == "NOUN" or trigger.dep_ in {"xcomp", "acl", "dobj", "ccomp"}
                                or trigger.dep_ == "relcl" and coded[node.i][0].type == coded[trigger.i][0].type):
            return True  # "fired the shots that killed": one act
    return False
