"""Political events coded in PLOVER: who did what to whom, and how the text presents it.

``vocab.EVENT_PATTERNS`` is compiled into one spaCy ``DependencyMatcher``:
each row becomes a pattern of a trigger word plus what it needs around it.
Source and target come from the parse (subject, agent, object, the objects
of "with", "to", "against"...); the mode from words around the trigger
("rumors that", "denies the reports of", "promised to", "refrained from").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token

from khabar.extract import Extraction
from khabar.extract.actors import actor_of
from khabar.extract.dates import date_of
from khabar.extract.syntax import has_future, is_negated, named, predicate_subject, relative_antecedent, subject_of
from khabar.vocab import ACCUSING_CUES, COOPERATIVE, EVENT_PATTERNS, HOSTILE, INTENT_VERBS, MODE_CUES, MODE_ORDER, TRANSFER_VERBS

TARGET_PREPS = ("with", "to", "against", "at", "on", "for", "toward", "towards", "into", "from")
STATEMENT_MODES = {"deny": "denied", "promise": "promised", "threaten": "threatened"}


@dataclass(frozen=True)
class Row:
    index: int
    type: str
    cameo: str
    neg: bool | None
    future: bool
    intransitive: bool
    reverse: bool
    not_objects: frozenset[str]


def _forms(words: str) -> list[str]:
    """A word list with its plural spellings, for matching on lower-case text."""
    out = set()
    for w in words.split():
        out |= {w, w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else w}
    return sorted(out)


def _inflections(lemmas: list[str]) -> list[str]:
    """Inflected spellings, for when the small model's lemmatizer misses ("staged" → "stag")."""
    out = set()
    for w in lemmas:
        stem = w[:-1] if w.endswith("e") else w
        out |= {w, w + "s", w + "es", stem + "ed", stem + "ing", w + "d"}
    return sorted(out)


def _patterns(row: dict) -> list[list[dict]]:
    trigger = {"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LEMMA": {"IN": row["lemmas"].split()}, "POS": row.get("pos", "VERB")}}
    return _row_patterns(row, trigger)


@lru_cache(maxsize=1)
def _lemma_of_inflection() -> dict[str, str]:
    return {form: lemma for row in EVENT_PATTERNS for lemma in row["lemmas"].split() for form in _inflections([lemma])}


def _fix_lemmas(doc: Doc) -> None:
    """Give trigger words the lemma the small model's lemmatizer sometimes misses ("staged" → "stag")."""
    forms = _lemma_of_inflection()
    for tok in doc:
        lemma = forms.get(tok.lower_)
        if lemma and tok.lemma_ != lemma and tok.pos_ in {"VERB", "NOUN"} and tok.lemma_.lower() not in forms.values():
            tok.lemma_ = lemma


def _row_patterns(row: dict, trigger: dict) -> list[list[dict]]:
    base = [trigger]
    if row.get("objects"):
        base.append({"LEFT_ID": "trigger", "REL_OP": ">>", "RIGHT_ID": "object", "RIGHT_ATTRS": {"LOWER": {"IN": _forms(row["objects"])}}})
    if row.get("particle"):
        base.append({"LEFT_ID": "trigger", "REL_OP": ">", "RIGHT_ID": "particle", "RIGHT_ATTRS": {"LOWER": row["particle"]}})
    if row.get("governor"):
        base.append({"LEFT_ID": "trigger", "REL_OP": "<", "RIGHT_ID": "governor", "RIGHT_ATTRS": {"LEMMA": {"IN": row["governor"].split()}}})
    if not row.get("prep"):
        return [base]
    out = []
    below = ">>" if row.get("reverse") else ">"  # "received ministers from ...": the preposition may hang from the object
    for alternative in row["prep"].split():
        prep, _, objects = alternative.partition(":")
        pattern = [*base, {"LEFT_ID": "trigger", "REL_OP": below, "RIGHT_ID": "prep", "RIGHT_ATTRS": {"LOWER": prep}}]
        if objects:
            pattern.append({"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "pobj",
                            "RIGHT_ATTRS": {"LOWER": {"IN": _forms(objects.replace(",", " "))}}})
        out.append(pattern)
    return out


_MATCHERS: dict[int, tuple[DependencyMatcher, dict[str, Row]]] = {}


def _matcher(doc: Doc) -> tuple[DependencyMatcher, dict[str, Row]]:
    if id(doc.vocab) not in _MATCHERS:
        matcher = DependencyMatcher(doc.vocab)
        rows = {}
        for i, row in enumerate(EVENT_PATTERNS):
            key = f"khabar_event_{i}"
            matcher.add(key, _patterns(row))
            rows[key] = Row(i, row["type"], row["cameo"], row.get("neg"), bool(row.get("future")), bool(row.get("intransitive")),
                            bool(row.get("reverse")), frozenset(_forms(row.get("not_objects", ""))))
        _MATCHERS[id(doc.vocab)] = (matcher, rows)
    return _MATCHERS[id(doc.vocab)]


def _fits(row: Row, trigger: Token) -> bool:
    negated = is_negated(trigger) or any(is_negated(a) for a in _verb_chain(trigger))
    if row.neg is True and not (negated and (not row.future or has_future(trigger) or _refused(trigger))):
        return False
    if row.neg is False and negated:
        return False
    if row.intransitive and any(c.dep_ == "dobj" for c in trigger.children):
        return False  # "demonstrating its preparedness" is no protest
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN" and row.type != "ASSAULT":
        return False  # "a report released Tuesday", "a member jailed a year ago": a description, not the event reported
    if trigger.dep_ == "relcl" and any(c.lower_ == "had" for c in trigger.children if c.dep_ == "aux"):
        return False  # "who had been arrested 15 months ago": background, not the news
    if trigger.dep_ == "pcomp" and trigger.head.head.lemma_ not in MODE_CUES["negated"]:
        return False  # "jailed for helping militants": the reason given, not an event coded on its own
    return not (row.not_objects and any(c.lower_ in row.not_objects for c in trigger.children if c.dep_ == "dobj"))


def _refused(trigger: Token) -> bool:
    return trigger.dep_ == "xcomp" and trigger.head.lemma_ in {"refuse", "decline"}


def _verb_chain(trigger: Token) -> list[Token]:
    """Verbs that govern the trigger through infinitives ("isn't rushing to establish")."""
    out = []
    tok = trigger
    while tok.dep_ in {"xcomp"} and tok.head.i != tok.i:
        tok = tok.head
        out.append(tok)
    return out


def _actor(doc: Doc, token: Token | None) -> str | None:
    if token is None:
        return None
    return actor_of(doc, named(relative_antecedent(token)))


def _instrument(doc: Doc, trigger: Token) -> str | None:
    """"killed in Israeli tank shelling": the actor named in the means of a passive act."""
    for prep in (c for c in trigger.children if c.dep_ == "prep" and c.lower_ in {"in", "by", "during"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for mod in (c for c in pobj.children if c.dep_ in {"amod", "compound", "poss"}):
                if actor := actor_of(doc, mod):
                    return actor
    return None


def _source(doc: Doc, trigger: Token, obj: Token | None, row: Row) -> str | None:
    if row.reverse:
        return _prep_actor(doc, trigger, "from")
    if trigger.pos_ == "NOUN":
        if giver := _prep_actor(doc, trigger, "from"):
            return giver  # "pressure from Congress"
        for child in trigger.children:
            if child.dep_ in {"poss", "amod", "compound"} and (actor := actor_of(doc, child)):
                return actor
        agent = [c for c in trigger.children if c.dep_ == "prep" and c.lower_ == "by"]
        if agent and (objs := [c for c in agent[0].children if c.dep_ == "pobj"]):
            return _actor(doc, objs[0])
        governor = trigger.head.head if trigger.head.dep_ == "prep" else trigger.head  # "participate in negotiations"
        if governor.pos_ in {"VERB", "AUX"} and (subj := subject_of(governor)) is not None:
            return _actor(doc, subj)
        return None
    subj = subject_of(trigger)
    if subj is not None and subj.dep_ != "nsubjpass":
        actor = _actor(doc, predicate_subject(subj) if subj.dep_ == "nsubj" else subj)
        if actor:
            return actor
    if obj is not None:  # "its troops", "Twenty thousand soldiers were sent": whose forces they are
        owner = [c for c in obj.children if c.dep_ == "poss"]
        if owner and (actor := actor_of(doc, owner[0])):
            return actor
    if any(c.dep_ == "nsubjpass" for c in trigger.children) or trigger.dep_ == "acl":
        return _instrument(doc, trigger) or (_topic(doc, trigger) if trigger.dep_ != "acl" else None)
    return None


def _prep_actor(doc: Doc, token: Token, prep_word: str) -> str | None:
    holders = [token, *(c for c in token.children if c.dep_ in {"dobj"})]
    for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == prep_word):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if actor := _actor(doc, pobj):
                return actor
    return None


def _topic(doc: Doc, trigger: Token) -> str | None:
    """The actor the text is about: the subject of the previous sentence's main verb."""
    sent = trigger.sent
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1].sent
    subj = [c for c in previous.root.children if c.dep_ in {"nsubj"}]
    return _actor(doc, subj[0]) if subj else None


def _target(doc: Doc, trigger: Token, source: str | None, row: Row) -> str | None:
    if row.reverse or (trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" and _prep_actor(doc, trigger, "from")):
        subj = subject_of(trigger.head if trigger.pos_ == "NOUN" else trigger)
        return _actor(doc, subj) if subj is not None else None  # "Obama faces pressure from Congress"
    candidates: list[Token] = []
    if trigger.dep_ == "acl" and trigger.head.pos_ in {"NOUN", "PROPN"}:
        candidates.append(trigger.head)  # "10 Russian soldiers killed"
    for child in trigger.children:
        if child.dep_ in {"dobj", "dative", "nsubjpass"}:
            candidates.append(child)
        if child.dep_ == "ccomp":  # "alleged that France was aware"
            candidates += [c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}]
    holders = [trigger, *(c for c in trigger.children if c.dep_ in {"prt", "advmod"})]  # "sending ... back to Afghanistan"
    preps = sorted((c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS),
                   key=lambda c: TARGET_PREPS.index(c.lower_))
    if trigger.lemma_.lower() in TRANSFER_VERBS and any(p.lower_ == "to" for p in preps):
        candidates = [c for c in candidates if c.dep_ != "dobj"]  # "awarded the Order to the leaders": the recipient
    for prep in preps:
        candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for obj in [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]:
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS):
            candidates += [c for c in prep.children if c.dep_ == "pobj"]
    for cand in candidates:
        actor = _actor(doc, cand)
        if actor and actor != source:
            return actor
    subj = subject_of(trigger) if trigger.pos_ != "NOUN" else None
    if subj is not None:  # "The US, Russia and Switzerland met": they meet each other
        for other in (c for c in subj.children if c.dep_ in {"conj", "appos"}):
            if (actor := _actor(doc, other)) and actor != source:
                return actor
    return None


def _location(doc: Doc, trigger: Token) -> str | None:
    ext: Extraction = doc._.khabar
    for tok in [trigger, *[c for c in trigger.children if c.dep_ in {"dobj", "prep"}]]:
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"in", "at"}):
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


def _mode(doc: Doc, trigger: Token, row: Row) -> str:
    ext: Extraction = doc._.khabar
    found: set[str] = set()
    if is_negated(trigger) and row.neg is not True:
        found.add("negated")
    for child in trigger.children:
        if child.dep_ == "relcl" and is_negated(child):  # "negotiations that never took place"
            found.add("negated")
        if child.dep_ in {"advmod", "aux"}:
            found |= {m for m, cues in MODE_CUES.items() if child.lemma_.lower() in cues or child.lower_ in cues}
    for anc in _governors(trigger):
        lemma = anc.lemma_.lower()
        found |= {m for m, cues in MODE_CUES.items() if lemma in cues and m != "hypothetical"}
        if lemma == "able" or any(c.lower_ in {"if", "unless"} for c in anc.children if c.dep_ == "mark"):
            found.add("hypothetical")
        if anc.pos_ in {"VERB", "AUX"} and is_negated(anc) and row.neg is not True and anc.dep_ != "ROOT" or \
                (anc in _verb_chain(trigger) and is_negated(anc)):
            found.add("negated")
    for statement, (start, end) in ext.scopes:
        if start <= trigger.idx < end and statement.cue in STATEMENT_MODES:
            found.add(STATEMENT_MODES[statement.cue])
    if row.type == "THREATEN":
        found.add("threatened")  # a threat is presented as one ("will not tolerate", "threatened to deploy troops")
    return next((m for m in MODE_ORDER if m in found), "asserted")


def _intent_type(trigger: Token, event_type: str) -> str:
    """"wants to help Israel" is an intent (AGREE); "wants to attack Switzerland" a threat."""
    if trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in INTENT_VERBS:
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


def _accuser(ext: Extraction, trigger: Token, source: str | None, event_type: str) -> str | None:
    """A named speaker telling of someone else's hostile act accuses them ("The US said Iraq attacked...")."""
    if event_type not in HOSTILE - {"MOBILIZE"}:
        return None
    statement = _statement_over(ext, trigger, ACCUSING_CUES)
    return statement.speaker if statement and statement.speaker and statement.speaker != source else None


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
    if sent_start != previous.start or "\n" in doc.text[previous.end_char : sent.start_char]:
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


# Words in one sentence beyond which it is not prose (a list, a table, a hostile input): the dependency matcher's
# descendant operators grow with the depth of the tree, so such a sentence is not searched for events.
MAX_SENTENCE_TOKENS = 250


def _matches(matcher: DependencyMatcher, doc: Doc) -> list[tuple[int, list[int]]]:
    """The matcher's matches, with token ids in ``doc``; sentences over MAX_SENTENCE_TOKENS are left out."""
    if all(len(sent) <= MAX_SENTENCE_TOKENS for sent in doc.sents):
        return matcher(doc)
    out = []
    for sent in (s for s in doc.sents if len(s) <= MAX_SENTENCE_TOKENS):
        out += [(key, [sent.start + i for i in ids]) for key, ids in matcher(sent)]
    return out


@Language.component("khabar_events")
def events_component(doc: Doc) -> Doc:
    from khabar.records import Event

    ext: Extraction = doc._.khabar
    _fix_lemmas(doc)
    matcher, rows = _matcher(doc)
    best: dict[int, tuple[Row, list[int]]] = {}
    for match_id, token_ids in _matches(matcher, doc):
        row = rows[doc.vocab.strings[match_id]]
        trigger = doc[token_ids[0]]
        if trigger.i in best and best[trigger.i][0].index <= row.index:
            continue
        if _fits(row, trigger):
            best[trigger.i] = (row, token_ids)
    dated: list[tuple[int, object]] = []  # (sentence start, date) of the events coded so far
    for i, (row, token_ids) in sorted(best.items()):
        trigger = doc[i]
        if trigger.dep_ in {"xcomp", "acl", "dobj", "ccomp"} and trigger.head.i in best and trigger.head.i != i:
            continue  # "pressured to help Iran", "conducting military exercises": the governing event codes it
        obj = doc[token_ids[1]] if len(token_ids) > 1 else None
        source = _source(doc, trigger, obj, row)
        target = _target(doc, trigger, source, row)
        event_type = _announced_intent(ext, trigger, _intent_type(trigger, row.type))
        if accuser := _accuser(ext, trigger, source, event_type):
            source, target, event_type = accuser, source or _prep_actor(doc, trigger, "from") or target, "ACCUSE"
        if source is None and target is None:
            continue  # "infrastructure for taking in refugees": nobody does anything to anybody
        if row.type == "CONSULT" and target is None and not _several(trigger):
            continue  # "visited the border regions": a visit needs someone visited
        start, end = _span(doc, token_ids)
        date = date_of(doc, trigger) or _date_carried(doc, trigger, dated)
        if date is not None:
            dated.append((trigger.sent.start, date))
        ext.events.append(Event(
            id=f"{ext.doc}:E{trigger.idx}", doc=ext.doc, start=start, end=end, type=event_type, mode=_mode(doc, trigger, row),
            source=source, target=target, date=date, location=_location(doc, trigger),
            trigger=doc[min(token_ids) : max(token_ids) + 1].text if max(token_ids) - min(token_ids) < 8 else trigger.text,
            cameo=row.cameo if event_type == row.type else None))
    return doc
