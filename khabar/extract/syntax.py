"""Helpers over spaCy's dependency parse shared by the statement and event extractors.

They read English and Russian Docs alike (``khabar.nlp.russian`` gives Russian the English labels); where the
two languages say a thing differently — "of" or a genitive, "will" or a future tense — a helper reads both.
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from khabar.vocab import tables

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
TEXT_KEY = "khabar_text"


def text_of(doc: Doc) -> str:
    """The Doc's text, joined once: spaCy's ``doc.text`` joins every token on each access, and the components read
    it for every name, pronoun and figure (retokenizing never changes it)."""
    if TEXT_KEY not in doc.user_data:
        doc.user_data[TEXT_KEY] = doc.text
    return doc.user_data[TEXT_KEY]
CLIMB = {"conj", "xcomp", "advcl", "pcomp", "acl", "relcl", "acomp"}


def subject_of(verb: Token, passive_ok: bool = False) -> Token | None:
    """The subject of ``verb``, or of the verb it is coordinated with or depends on ("and says", "by saying")."""
    controlled = False  # reached through an infinitive: "Obama is scheduled to attend" — Obama attends
    for _ in range(6):
        if subject := nearest_subject(verb):
            return subject
        for child in verb.children:
            if child.dep_ == "agent" and not controlled:
                if child.pos_ in {"NOUN", "PROPN", "PRON"}:
                    return child  # "задержан полицией": the agent is the noun itself
                objs = [c for c in child.children if c.dep_ == "pobj"]
                return objs[0] if objs else None
        passive = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive and controlled:
            return passive[0]
        if passive and not passive_ok:
            return None  # "is believed": no agent named
        if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
            # "the first official to negotiate" (the one the predicate describes), "its willingness to cooperate"
            noun = verb.head
            owner = [c for c in noun.children if c.dep_ == "poss"]
            return predicate_subject(noun) if noun.dep_ == "attr" or not owner else owner[0]
        if verb.dep_ in CLIMB or (verb.dep_ == "prep" and verb.head.pos_ in {"VERB", "AUX"}):
            controlled = verb.dep_ == "xcomp"
            verb = verb.head
        elif verb.dep_ == "pobj" or verb.head.dep_ == "prep":
            controlled = False
            verb = verb.head.head
        else:
            return None
    return None


def nearest_subject(verb: Token) -> Token | None:
    """The verb's subject; of two, the one nearest before it. A dateline parsed as a subject ("HAVANA (AP) --" before
    "President Castro said") is separated from the verb by a line break: never the subject."""
    subjects = [_after_break(c, verb) for c in verb.children if c.dep_ in {"nsubj", "csubj"}]
    subjects = [c for c in subjects if c is not None]
    before = [c for c in subjects if c.i < verb.i]
    return before[-1] if before else (subjects[0] if subjects else None)


def _after_break(subject: Token, verb: Token) -> Token | None:
    """The subject itself; for a dateline parsed as the subject, the name after its line break that the parser hung on
    it ("QUITO (AP) --\n\nPresident Ana Torres said": Ana Torres), or None."""
    doc = verb.doc
    breaks = [t.i for t in doc[subject.i : verb.i] if "\n" in t.text or "\n" in t.whitespace_]
    if subject.i > verb.i or not breaks:
        return subject
    later = [c for c in subject.children if c.dep_ in {"appos", "conj"} and c.i > breaks[-1]]
    return later[-1] if later else None


def predicate_subject(noun: Token) -> Token:
    """"Tajikistan was the only country": the subject a predicate noun describes, else the noun."""
    if noun.dep_ == "attr":
        subj = [c for c in noun.head.children if c.dep_ in SUBJECTS]
        if subj:
            return subj[0]
    return noun


def relative_antecedent(token: Token) -> Token:
    """"the only country that promised": a relative pronoun stands for the noun it modifies."""
    if token.lower_ in tables(token.doc.lang_).REFERENCE_WORDS["relative"] and token.head.dep_ == "relcl":
        return predicate_subject(token.head.head)
    return token


NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})  # entities that are actors, whatever their POS


def named(token: Token) -> Token:
    """"the interior minister, Ramazon Rahimzoda": the name in apposition stands for the noun."""
    appos = [c for c in token.children if c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ in NAME_TYPES)]  # «Кабар»
    return appos[0] if appos else token


NP_END = frozenset({"relcl", "appos", "punct", "acl", "cc", "conj", "prep"})


def noun_phrase(token: Token, end: frozenset[str] = NP_END) -> Span:
    """The noun phrase of ``token`` up to the first right dependent of a kind in ``end``
    (by default: without relative clauses, appositions, coordinated nouns or prepositional phrases)."""
    doc = token.doc
    right = token.i
    for child in token.rights:
        if child.dep_ in end:
            break
        right = child.right_edge.i
    return doc[token.left_edge.i : right + 1]


def is_negated(token: Token) -> bool:
    negations = tables(token.doc.lang_).FUNCTION_WORDS["negation"]
    return any(c.dep_ == "neg" or c.lower_ in negations and c.dep_ in {"neg", "advmod"} for c in token.children)


def has_future(token: Token) -> bool:
    """"will recognize", "не допустит" (a verb in the future tense), "будет настаивать"."""
    future = tables(token.doc.lang_).FUNCTION_WORDS["future"]
    return "Fut" in token.morph.get("Tense") or any(c.dep_ in {"aux", "auxpass"} and c.lower_ in future for c in token.children)


def is_participle(token: Token) -> bool:
    """"a report released Tuesday", "задержанный активист": a past participle."""
    return token.tag_ == "VBN" or "Part" in token.morph.get("VerbForm") and "Past" in token.morph.get("Tense")


def genitives(token: Token) -> list[Token]:
    """Nouns in the genitive with no preposition below ``token`` ("визит министра", "арест активистов"): Russian's "of"."""
    return [c for c in token.children if c.dep_ == "nmod" and "Gen" in c.morph.get("Case")]


def of_objects(token: Token) -> list[Token]:
    """What ``token`` is "of": "thousands of refugees", "тысячи беженцев"."""
    return [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"] + genitives(token)
