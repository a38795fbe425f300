"""Attributed statements: who said, claimed, denied, promised or warned what.

A statement is a reporting verb from ``vocab.CUES`` with something said
(a clause, a quote, "the reports"), or a phrase such as "according to X".
The speaker comes from the parse — subject, agent, the subject of a
coordinated or governing verb, through relative pronouns — and is resolved to
an entity when one is named.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from khabar.extract import Extraction
from khabar.extract.actors import actor_of
from khabar.extract.dates import date_of
from khabar.extract.syntax import SUBJECTS, named, noun_phrase, relative_antecedent, subject_of
from khabar.nlp import phrase_maker
from khabar.records import Statement
from khabar.vocab import tables

QUOTES = set("\"“”«»")
MAX_SPAN = 600


def _cue(verb: Token) -> tuple[str, Token | None] | None:
    """The cue of a reporting verb and the head of what was said, or None if it is not one here."""
    v = tables(verb.doc.lang_)
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return None  # "too early to say that ...": an infinitive reports nobody's words
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in v.CUES for g in c.children) for c in children):
        return None  # "responded by saying ...": the inner verb is the statement
    clause = next((c for c in children if c.dep_ in {"ccomp", "parataxis"}), None)
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    for prep in (c for c in children if c.dep_ == "prep"):
        if (lemma, prep.lower_) in v.CUES_WITH_PREP:
            pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            return v.CUES_WITH_PREP[(lemma, prep.lower_)], pobj
    if lemma in v.CUES_WITH_XCOMP and xcomp is not None and xcomp.pos_ in {"VERB", "AUX"}:
        return v.CUES_WITH_XCOMP[lemma], xcomp
    if lemma not in v.CUES:
        return None
    cue = v.CUES[lemma]
    if clause is not None:
        return cue, clause
    if verb.dep_ in {"ccomp", "parataxis"} and verb.i > verb.head.i and _is_report_tail(verb):
        return cue, verb.head  # "..., officials said."
    if verb.dep_ in {"ccomp", "parataxis", "advcl"} and any(c.dep_ == "mark" and c.lower_ in v.AS_MARKS for c in children):
        return cue, verb.head  # "как сообщает РБК, ...": what the sentence says
    if dobj is not None and (dobj.lemma_.lower() in v.CONTENT_NOUNS or dobj.lower_ in v.CONTENT_NOUNS or cue in {"discuss", "deny"}):
        return cue, dobj
    if dobj is not None and cue in {"accuse", "criticize", "call"}:
        return cue, dobj
    if _quoted_near(verb):
        return cue, None
    if verb.dep_ == "conj" and lemma in v.CUES and any(c.dep_ in {"ccomp"} for c in verb.head.children):
        return cue, None
    if lemma in v.SPEECH_VERBS and any(c.dep_ in {"nsubj", "agent"} and c.lower_ not in {"it", "there"} for c in children):
        return cue, dobj
    return None


def _is_report_tail(verb: Token) -> bool:
    """"..., officials said" / "..., he added": the verb comes after what was said."""
    return any(c.dep_ in SUBJECTS for c in verb.children)


def _quoted_near(verb: Token) -> bool:
    sent = verb.sent
    return sum(1 for t in sent if t.text in QUOTES or t.text in {"``", "''"}) >= 2


def _content(head: Token | None, verb: Token) -> Span:
    doc = verb.doc
    if head is None:
        quotes = [t.i for t in verb.sent if t.text in QUOTES or t.text in {"``", "''"}]
        if len(quotes) >= 2:
            return doc[quotes[0] + 1 : quotes[-1]]
        return doc[verb.i : verb.i]
    if head.i < verb.i and head is verb.head:  # "X happened, officials said": the clause before the verb
        return doc[head.left_edge.i : min(verb.i, head.right_edge.i + 1)]
    return doc[head.left_edge.i : head.right_edge.i + 1]


def _span(cue: Span, speaker: Span | None) -> tuple[int, int]:
    start, end = cue.start_char, cue.end_char
    if speaker is not None and abs(speaker.start - cue.start) <= 8:
        start, end = min(start, speaker.start_char), max(end, speaker.end_char)
    return start, min(end, start + MAX_SPAN)


def _cue_words(verb: Token) -> Span:
    """The verb with its auxiliaries, negation and particles ("has repeatedly said", "called on")."""
    doc = verb.doc
    left = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod", "auxpass"} and verb.i - c.i <= 3])
    cues_with_prep = tables(doc.lang_).CUES_WITH_PREP
    right = max([verb.i] + [c.i for c in verb.rights if c.dep_ in {"prt"} or (c.dep_ == "prep" and (verb.lemma_, c.lower_) in cues_with_prep)])
    return doc[left : right + 1]


def _statement(doc: Doc, ext: Extraction, cue: str, cue_span: Span, speaker: Token | None, content: Span, anchor: Token) -> Statement:
    speaker = named(relative_antecedent(speaker)) if speaker is not None else None
    speaker_span = noun_phrase(speaker) if speaker is not None else None
    start, end = _span(cue_span, speaker_span)
    statement = Statement(id=f"{ext.doc}:S{cue_span.start_char}", doc=ext.doc, start=start, end=end, cue=cue,
                          speaker=actor_of(doc, speaker) if speaker is not None else None,
                          speaker_text=speaker_span.text.strip() if speaker_span is not None else None,
                          content=content.text.strip(" ,.:;\"“”"), date=date_of(doc, anchor), verb=cue_span.text)
    scope_end = content.end_char
    rest = content.sent[content.end - content.sent.start :] if content.end < content.sent.end else []
    if content.start > cue_span.start and any(
            t.dep_ == "conj" and (content.start <= t.head.i < content.end or t.head.i == anchor.i and t.lemma_.lower() not in tables(doc.lang_).CUES)
            for t in rest):
        scope_end = content.sent.end_char  # "X reported that A, and B": B is reported too
    ext.scopes.append((statement, (content.start_char, scope_end)))
    return statement


_PHRASES: dict[int, PhraseMatcher] = {}


def _phrase_matcher(doc: Doc) -> PhraseMatcher:
    if id(doc.vocab) not in _PHRASES:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        make = phrase_maker(doc.vocab)
        for phrase, cue in tables(doc.lang_).PHRASE_CUES.items():
            matcher.add(cue, [make(phrase)])
        _PHRASES[id(doc.vocab)] = matcher
    return _PHRASES[id(doc.vocab)]


def _phrase_statements(doc: Doc, ext: Extraction) -> list[Statement]:
    out = []
    for match_id, s, e in _phrase_matcher(doc)(doc):
        last = doc[e - 1]
        # "according to X"; "по словам министра" (a genitive: nmod); "по его словам" (the possessive inside the phrase)
        objs = [c for c in last.children if c.dep_ in {"pobj", "nmod"} or c.dep_ == "det" and s <= c.i < e]
        if not objs:
            continue
        speaker = objs[0]
        sent = last.sent
        phrase_end = max(speaker.right_edge.i + 1, e)
        rest = doc[phrase_end:sent.end] if s <= sent.start + 1 else doc[sent.start:s]
        out.append(_statement(doc, ext, doc.vocab.strings[match_id], doc[s:phrase_end], speaker, rest, sent.root))
        out[-1].start, out[-1].end = doc[s].idx, doc[phrase_end - 1].idx + len(doc[phrase_end - 1])
    return out


def _quote_mark_statements(doc: Doc, ext: Extraction) -> list[Statement]:
    """"“...” ― Jane Doe" and "Jane Doe: “...”": punctuation that attributes a quote to a name."""
    out = []
    for t in doc:
        if t.text not in tables(doc.lang_).QUOTE_MARKS or t.i == 0 or t.i + 1 >= len(doc):
            continue
        before, after = doc[t.i - 1], doc[t.i + 1]
        if t.text != ":" and before.text[-1:] in QUOTES and after.pos_ == "PROPN":
            name = next((e for e in doc.ents if e.start <= after.i < e.end), doc[after.i : after.i + 1])
            content = doc[before.i : before.i]
            opening = [q.i for q in doc[max(0, before.i - 120) : before.i] if q.text in QUOTES]
            if opening:
                content = doc[opening[-1] + 1 : before.i]
            out.append(_statement(doc, ext, "say", doc[t.i : t.i + 1], name.root, content, t))
        elif t.text == ":" and after.text in QUOTES and before.ent_type_ in {"PERSON", "ORG"}:
            close = next((q.i for q in doc[after.i + 1 : after.i + 200] if q.text in QUOTES), after.i)
            out.append(_statement(doc, ext, "say", doc[t.i : t.i + 1], before, doc[after.i + 1 : close], t))
        elif t.text == ":" and _line_start_speaker(doc, t.i):  # "PENCE: Well, look...", "Poll: Voters abandon..."
            line_end = next((q.i for q in doc[t.i + 1 :] if "\n" in q.text or "\n" in q.whitespace_), len(doc) - 1)
            out.append(_statement(doc, ext, "say", doc[t.i : t.i + 1], before, doc[t.i + 1 : line_end + 1], t))
    return out


def _line_start_speaker(doc: Doc, colon: int) -> bool:
    """A colon right after one to three capitalised words that begin a line or a quote: a speaker's label."""
    start = colon
    while start > 0 and colon - start < 3 and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha:
        start -= 1
    if start == colon or colon + 1 >= len(doc):
        return False
    before = doc[start - 1] if start > 0 else None
    return before is None or "\n" in before.text or "\n" in before.whitespace_ or before.text in QUOTES or before.is_space


@Language.component("khabar_statements")
def statements_component(doc: Doc) -> Doc:
    ext: Extraction = doc._.khabar
    found: dict[int, Statement] = {}  # by the index of the cue word
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBG", "VBN", "VBD", "VBZ", "VBP", "VB"}:
            continue
        got = _cue(token)
        if got is None:
            continue
        cue, head = got
        found[token.i] = _statement(doc, ext, cue, _cue_words(token), subject_of(token), _content(head, token), token)
    statements = list(found.values())
    taken = {(st.start, st.end) for st in statements}
    statements += [st for st in _phrase_statements(doc, ext) + _quote_mark_statements(doc, ext) if (st.start, st.end) not in taken]
    ext.statements.extend(sorted(statements, key=lambda s: s.start))
    return doc
