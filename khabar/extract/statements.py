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
from khabar.extract.coref import adopt, resolve
from khabar.extract.dates import date_of
from khabar.extract.syntax import SUBJECTS, named, noun_phrase, relative_antecedent, subject_of
from khabar.nlp import phrase_maker
from khabar.records import Statement
from khabar.vocab import tables

QUOTES = set("\"“”«»")
MAX_SPAN = 600


def _cue(verb: Token) -> tuple[str, Span] | None:
    """The cue of a reporting verb and what was said, or None if it is not one here."""
    v = tables(verb.doc.lang_)
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return None  # "too early to say that ...": an infinitive reports nobody's words
    if any(c.dep_ == "prep" and c.lower_ == "by" and any(g.lemma_.lower() in v.CUES for g in c.children) for c in children):
        return None  # "responded by saying ...": the inner verb is the statement
    if not _can_speak(subject_of(verb), lemma):
        return None  # "the economy added 156,000 jobs", "the footage shows": things do not speak
    if "1" in verb.morph.get("Person") and subject_of(verb) is None:
        return None  # "Напомним, ...": the author's aside, no one's statement
    clause = next((c for c in children if c.dep_ in {"ccomp", "parataxis"}), None)
    xcomp = next((c for c in children if c.dep_ == "xcomp"), None)
    dobj = next((c for c in children if c.dep_ == "dobj"), None)
    for prep in (c for c in children if c.dep_ == "prep"):
        if (lemma, prep.lower_) in v.CUES_WITH_PREP:
            pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            return v.CUES_WITH_PREP[(lemma, prep.lower_)], _subtree(pobj) if pobj is not None else _rest(verb)
    if lemma in v.CUES_WITH_XCOMP and xcomp is not None and xcomp.pos_ in {"VERB", "AUX"}:
        return v.CUES_WITH_XCOMP[lemma], _subtree(xcomp)
    if lemma not in v.CUES:
        return None
    cue = v.CUES[lemma]
    said = _said(verb, cue, clause, xcomp, dobj)
    return (cue, said) if said is not None and any(ch.isalnum() for ch in said.text) else None


def _said(verb: Token, cue: str, clause: Token | None, xcomp: Token | None, dobj: Token | None) -> Span | None:
    """What a cue verb reports: its clause, the clause it closes ("..., officials said"), a quote next to it,
    the content noun or the person it is about, or the rest of its clause; None when it reports nothing."""
    lemma, v = verb.lemma_.lower(), tables(verb.doc.lang_)
    if clause is not None:
        return _subtree(clause)
    if _report_tail(verb):  # "X happened, officials said": the clause before the verb
        head = verb.head
        return verb.doc[head.left_edge.i : min(verb.left_edge.i, head.right_edge.i + 1)]
    if dobj is not None and (dobj.lemma_.lower() in v.CONTENT_NOUNS or dobj.lower_ in v.CONTENT_NOUNS or cue in {"discuss", "deny"}):
        return _subtree(dobj)
    if dobj is not None and cue in {"accuse", "criticize", "call", "promise"}:
        return _subtree(dobj)
    if dobj is not None and (lemma in v.OBJECT_NOT_SPEECH or any(c.dep_ == "prt" for c in verb.children)):
        return None  # "added 156,000 jobs", "posted a loss", "found the body": not words said
    if quote := _quote_next_to(verb):
        return quote
    if dobj is not None and (lemma in v.SPEECH_VERBS or cue == "say") and lemma != "tell" and _has_speaker(verb):
        return _subtree(dobj)  # "Clinton cited derogatory comments", "stressed her support", "a statement announcing the pick"
    if xcomp is not None and xcomp.pos_ in {"VERB", "AUX"}:
        return _subtree(xcomp)  # "announced on Monday to offer a reward"
    if verb.dep_ == "conj" and any(c.dep_ == "ccomp" for c in verb.head.children):
        return _subtree(next(c for c in verb.head.children if c.dep_ == "ccomp"))
    if verb.i + 2 < len(verb.doc) and verb.doc[verb.i + 1].text == ":":
        return _line_after(verb.doc[verb.i + 1])  # "Limbaugh added:" and the words on the lines after it
    if _parenthetical(verb):
        return _without(verb.head, verb)  # "Back home, Mr. Clarke said, he decided to ...": the clause around it
    if lemma in v.SPEECH_VERBS and any(c.dep_ in {"nsubj", "agent"} and c.lower_ not in {"it", "there"} for c in verb.children):
        return _rest(verb)
    return None


def _has_speaker(verb: Token) -> bool:
    """A subject of its own, a participle of a statement ("X said ..., citing"), or of a document ("a statement
    announcing"); not "since declaring independence", not "researchers put the share at 27 percent, citing surveys"
    (a figure's source, not a statement)."""
    if any(c.dep_ in {"nsubj", "nsubjpass", "agent"} for c in verb.children):
        return True
    head, v = verb.head, tables(verb.doc.lang_)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":  # "X said ..., citing the release of prisoners"
        return head.lemma_.lower() in v.CUES and any(c.dep_ in SUBJECTS for c in head.children)
    return verb.dep_ == "acl" and head.lemma_.lower() in v.DOCUMENT_NOUNS


def _parenthetical(verb: Token) -> bool:
    """"Back home, Mr. Clarke said, he decided", "as police have said", "как сообщает РБК": a reporting clause set
    inside the clause it reports."""
    head, v = verb.head, tables(verb.doc.lang_)
    if verb.dep_ not in {"advcl", "parataxis", "ccomp"} or head.pos_ not in {"VERB", "AUX"} or head.i == verb.i:
        return False
    as_said = any(c.dep_ == "mark" and c.lower_ in v.AS_MARKS for c in verb.children)
    return any(c.dep_ in SUBJECTS for c in verb.children) and (as_said or head.lemma_.lower() not in v.CUES)


def _line_after(colon: Token) -> Span:
    """The words after a colon up to the end of the paragraph that follows it."""
    doc = colon.doc
    start = next((t.i for t in doc[colon.i + 1 :] if not t.is_space), len(doc))
    end = next((t.i for t in doc[start:] if "\n" in t.text or "\n" in t.whitespace_), len(doc) - 1)
    return doc[start : end + 1]


def _subtree(token: Token) -> Span:
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _rest(verb: Token) -> Span:
    """The verb's words after it ("Lawmakers have not said when they would vote"), up to the end of its clause."""
    after = [c for c in verb.rights if c.dep_ not in {"punct", "cc", "conj", "prt"}]
    if not after:
        return verb.doc[verb.i + 1 : verb.i + 1]
    return verb.doc[after[0].left_edge.i : after[-1].right_edge.i + 1]


def _without(head: Token, inner: Token) -> Span:
    """The clause of ``head`` without the part ``inner`` heads (a parenthetical "X said")."""
    doc = head.doc
    left, right = inner.left_edge.i, inner.right_edge.i
    if right < head.i:
        return doc[right + 1 : head.right_edge.i + 1]
    return doc[head.left_edge.i : left]


def _report_tail(verb: Token) -> bool:
    """"..., officials said" / "..., he added": the verb and its subject close the clause they report, after a
    comma or a quote; a clause governed by another reporting verb ("X said he cannot comment") is not one."""
    head = verb.head
    if verb.dep_ not in {"ccomp", "parataxis"} or verb.i < head.i or head.lemma_.lower() in tables(verb.doc.lang_).CUES:
        return False
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    return any(c.dep_ in SUBJECTS for c in verb.children) and before is not None and (before.is_punct or before.text in QUOTES)


def _quote_next_to(verb: Token) -> Span | None:
    """The quotation a verb introduces or closes: '"...," he said', '"...," said Obama', 'Trump said: "..."'."""
    doc = verb.doc
    subject = next((c for c in verb.lefts if c.dep_ in SUBJECTS), None)
    start = subject.left_edge.i if subject is not None else verb.i  # the verb and its subject
    i = start - 1
    while i >= 0 and doc[i].is_punct and not _is_quote(doc[i]) and start - i <= 2:
        i -= 1
    if i >= 0 and _is_quote(doc[i]):
        opening = next((q.i for q in reversed(doc[max(0, i - 200) : i]) if _is_quote(q)), None)
        if opening is not None:
            return doc[opening + 1 : i]
    j = verb.right_edge.i + 1 if verb.right_edge.i > verb.i and all(c.is_punct for c in doc[verb.i + 1 : verb.right_edge.i + 1]) \
        else verb.i + 1
    while j < len(doc) and doc[j].is_punct and not _is_quote(doc[j]) and j - verb.i <= 2:
        j += 1
    if j < len(doc) and _is_quote(doc[j]):
        closing = next((q.i for q in doc[j + 1 : j + 200] if _is_quote(q)), None)
        if closing is not None:
            return doc[j + 1 : closing]
    return None


def _is_quote(token: Token) -> bool:
    return token.text in QUOTES or token.text in {"``", "''"}


def _can_speak(subject: Token | None, lemma: str) -> bool:
    """Whether a subject can be the speaker of a cue: anyone but a thing ("the economy added jobs"); for verbs
    of showing, a document or a speaker ("a new survey shows", not "the video shows")."""
    v = tables(subject.doc.lang_) if subject is not None else None
    if subject is None or subject.pos_ in {"PRON", "PROPN"} or subject.ent_type_ or subject.lower_ in {"who", "that", "which"}:
        return subject is None or lemma not in v.SHOWING_VERBS or subject.lower_ not in {"it", "this", "that"}
    noun = subject.lemma_.lower()
    return noun in v.SPEAKER_NOUNS or noun in v.DOCUMENT_NOUNS or subject.lower_ in v.SPEAKER_NOUNS or \
        (lemma not in v.SHOWING_VERBS and lemma not in v.OBJECT_NOT_SPEECH)


def _span(cue: Span, speaker: Span | None) -> tuple[int, int]:
    start, end = cue.start_char, cue.end_char
    if speaker is not None and abs(speaker.start - cue.start) <= 8:
        start, end = min(start, speaker.start_char), max(end, speaker.end_char)
    return start, min(end, start + MAX_SPAN)


def _cue_words(verb: Token) -> Span:
    """The verb with its auxiliaries, negation and particles ("has repeatedly said", "called on")."""
    doc = verb.doc
    left = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in {"aux", "neg", "advmod", "auxpass"} and verb.i - c.i <= 3
                           and not any(t.is_punct for t in doc[c.i : verb.i])])
    cues_with_prep = tables(doc.lang_).CUES_WITH_PREP
    right = max([verb.i] + [c.i for c in verb.rights if c.dep_ in {"prt"} or (c.dep_ == "prep" and (verb.lemma_, c.lower_) in cues_with_prep)])
    return doc[left : right + 1]


Said = tuple[Statement, Token | None]  # a statement and the word naming its speaker, resolved once all are found


def _statement(doc: Doc, ext: Extraction, cue: str, cue_span: Span, speaker: Token | None, content: Span, anchor: Token) -> Said:
    speaker = named(relative_antecedent(speaker)) if speaker is not None else None
    speaker_span = noun_phrase(speaker) if speaker is not None else None
    start, end = _span(cue_span, speaker_span)
    statement = Statement(id=f"{ext.doc}:S{cue_span.start_char}", doc=ext.doc, start=start, end=end, cue=cue,
                          speaker_text=speaker_span.text.strip() if speaker_span is not None else None,
                          content=content.text.strip(" ,.:;\"“”"), date=date_of(doc, anchor), verb=cue_span.text)
    scope_end = content.end_char
    rest = content.sent[content.end - content.sent.start :] if content.end < content.sent.end else []
    if content.start > cue_span.start and any(
            t.dep_ == "conj" and (content.start <= t.head.i < content.end or t.head.i == anchor.i and t.lemma_.lower() not in tables(doc.lang_).CUES)
            for t in rest):
        scope_end = content.sent.end_char  # "X reported that A, and B": B is reported too
    ext.scopes.append((statement, (content.start_char, scope_end)))
    return statement, speaker


_PHRASES: dict[int, PhraseMatcher] = {}


def _phrase_matcher(doc: Doc) -> PhraseMatcher:
    if id(doc.vocab) not in _PHRASES:
        matcher = PhraseMatcher(doc.vocab, attr="LOWER")
        make = phrase_maker(doc.vocab)
        for phrase, cue in tables(doc.lang_).PHRASE_CUES.items():
            matcher.add(cue, [make(phrase)])
        _PHRASES[id(doc.vocab)] = matcher
    return _PHRASES[id(doc.vocab)]


def _phrase_statements(doc: Doc, ext: Extraction) -> list[Said]:
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
        out[-1][0].start, out[-1][0].end = doc[s].idx, doc[phrase_end - 1].idx + len(doc[phrase_end - 1])
    return out


def _quote_mark_statements(doc: Doc, ext: Extraction) -> list[Said]:
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
    found: dict[int, Said] = {}  # by the index of the cue word
    for token in doc:
        if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBG", "VBN", "VBD", "VBZ", "VBP", "VB"}:
            continue
        got = _cue(token)
        if got is None:
            continue
        cue, content = got
        found[token.i] = _statement(doc, ext, cue, _cue_words(token), subject_of(token), content, token)
    said = list(found.values())
    taken = {(st.start, st.end) for st, _ in said}
    said += [(st, who) for st, who in _phrase_statements(doc, ext) + _quote_mark_statements(doc, ext) if (st.start, st.end) not in taken]
    _resolve_speakers(doc, ext, said)
    ext.statements.extend(sorted((st for st, _ in said), key=lambda s: s.start))
    return doc


def _resolve_speakers(doc: Doc, ext: Extraction, said: list[Said]) -> None:
    """Speakers through the shared resolver, outer statements first: a pronoun inside quoted words
    ("'We will not sign,' the minister said") stands for the speaker of the words around it."""
    def depth(statement: Statement) -> int:
        return sum(1 for other, (start, end) in ext.scopes if other is not statement and start <= statement.start < end)

    for statement, who in sorted(said, key=lambda pair: (depth(pair[0]), pair[0].start)):
        if who is not None:
            statement.speaker = resolve(doc, who) or _issuer(doc, who)
            adopt(doc, statement.speaker)  # a group named by a common noun ("Clinton campaign allies") becomes an entity


def _issuer(doc: Doc, token: Token) -> str | None:
    """"A report released in the Rwandan capital alleged ...": a document speaks for the actor its phrase names."""
    if token.lemma_.lower() not in tables(doc.lang_).DOCUMENT_NOUNS:
        return None
    index = doc._.khabar.actors.token_actor
    return next((index[t.i] for t in token.subtree if t.i in index), None)
