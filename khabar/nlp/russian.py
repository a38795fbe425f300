"""Stage 2 for Russian: natasha's analysis as a spaCy ``Doc``.

natasha (MIT) ships its models inside its wheel — navec embeddings and the
slovnet morphology, UD syntax and NER models (``natasha/data``) — so nothing
is downloaded at run time. ``load_russian()`` returns a real spaCy
``Language`` (``spacy.blank("ru")``) whose tokenizer is razdel (the tokenizer
natasha's models were trained on) and whose one component,
``khabar_natasha``, fills in lemmas, POS, UD morphology, heads, relations,
sentences and entities. khabar's own components can be added after it with
``add_pipe`` and run on its Docs.

Character offsets are exact: every character of the text is in a token or
its trailing space, so ``doc.text`` is the input, tabs, runs of spaces and
Windows line ends included; whitespace other than one trailing space becomes
a ``SPACE`` token, as in spaCy's English tokenizer.

Relations are UD (Russian SynTagRus), made to look like the English model's
where the same relation has another label or shape, so that khabar's
components read Russian Docs as they read English ones:

- labels renamed (``DEP_LABELS``): ``obj`` → ``dobj``, ``nsubj:pass`` →
  ``nsubjpass``, ``acl:relcl`` → ``relcl``, a negating ``advmod`` → ``neg``...
- a preposition heads its noun, as in English: UD hangs ``в`` (``case``) from
  ``Москве`` (``obl`` of the verb, ``nmod`` of a noun); here ``в`` is a ``prep``
  of the verb or noun and ``Москве`` its ``pobj`` ("переговоры в Москве" reads
  as "talks in Moscow"). A preposition of a subject or object ("около 600
  человек пришли") stays a ``case`` of its noun, which keeps its role.
- the agent of a passive (``obl:agent``, an instrumental with no preposition)
  is ``agent``: the noun itself, where English has ``by`` → ``pobj``.
- each sentence is one tree: natasha picks each word's head on its own, so a
  loop is cut and extra roots become ``parataxis`` of the main one
  ("..., сообщила служба" reads as "..., the agency said").

Relations with no English counterpart keep their UD label: ``obl`` and
``nmod`` with no preposition (an instrumental, a genitive: "визит министра"),
``cop``, ``flat:name`` (``Сергей`` ← ``Лавров``: the first word is the head),
``fixed``, ``orphan``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import numpy
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.symbols import IDS as SYMBOLS
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab
from threadpoolctl import threadpool_limits

from khabar.errors import KhabarError
from khabar.nlp import MAX_LENGTH, names

# UD relation -> the label en_core_web_sm gives the same relation (ClearNLP style). Others keep their UD label.
DEP_LABELS: dict[str, str] = {
    "root": "ROOT", "nsubj:pass": "nsubjpass", "obj": "dobj", "iobj": "dative", "aux:pass": "auxpass",
    "csubj:pass": "csubjpass", "acl:relcl": "relcl", "obl:agent": "agent", "nummod:gov": "nummod",
    "nummod:entity": "nummod",
}
# Negation is an advmod in UD and "neg" in the English model.
NEGATIONS: frozenset[str] = frozenset({"не", "ни", "нет"})
# natasha's entity types -> spaCy's English labels; a LOC that is a country or a city becomes GPE, a people NORP.
ENTITY_LABELS: dict[str, str] = {"PER": "PERSON", "ORG": "ORG", "LOC": "LOC"}
# Where a word stands as a noun: an adjective or participle there is a noun ("Протестующие собрались", "военные").
NOMINAL_SLOTS: frozenset[str] = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative"})
VERB_ENDINGS: tuple[str, ...] = ("ть", "ться", "ти", "чь")  # a noun given a verb's lemma is a participle natasha misread
BATCH = 64  # sentences per natasha batch: slovnet pads a batch to its longest sentence


@dataclass(frozen=True)
class Models:
    """natasha's analysers, loaded once."""

    morph: object
    syntax: object
    ner: object
    vocab: object  # natasha.MorphVocab (pymorphy2 + the OpenCorpora dictionary), for lemmas and normal forms


@lru_cache(maxsize=1)
def models() -> Models:
    """natasha's models from its installed wheel, loaded on the first Russian document."""
    try:
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser
    except ImportError as exc:
        raise KhabarError(f"Russian analysis needs the natasha package, which is not installed ({exc})") from None
    embedding = NewsEmbedding()
    return Models(NewsMorphTagger(embedding), NewsSyntaxParser(embedding), NewsNERTagger(embedding), names.morph_vocab())


class RazdelTokenizer:
    """Text -> spaCy Doc with razdel's words and sentences; the Doc's text is the input, character for character."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        try:
            import razdel
        except ImportError as exc:
            raise KhabarError(f"Russian analysis needs the razdel package, which is not installed ({exc})") from None
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[int] = []
        at = 0
        for sent in razdel.sentenize(text):
            first = True
            for tok in razdel.tokenize(sent.text):
                begin = sent.start + tok.start
                _fill(text, at, begin, words, spaces, starts)
                starts.append(1 if first and at else -1)  # leading whitespace belongs to the first sentence
                words.append(tok.text)
                spaces.append(False)
                at, first = begin + len(tok.text), False
        _fill(text, at, len(text), words, spaces, starts)
        if starts:
            starts[0] = 1
        return Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)


def _fill(text: str, at: int, until: int, words: list[str], spaces: list[bool], starts: list[int]) -> None:
    """Cover text[at:until] (between two razdel words): one space trails the last word, other whitespace is a token.

    razdel drops only whitespace; anything else it skipped becomes a word, so no character is lost.
    """
    gap = text[at:until]
    if gap.startswith(" ") and words and not spaces[-1] and not words[-1].isspace():
        spaces[-1] = True
        gap = gap[1:]
    for piece in re.findall(r"\s+|\S+", gap):
        words.append(piece)
        spaces.append(False)
        starts.append(-1)


@Language.factory("khabar_natasha")
def make_natasha(nlp: Language, name: str) -> NatashaAnnotator:
    return NatashaAnnotator()


class NatashaAnnotator:
    """The spaCy component: natasha's morphology, syntax and entities written onto razdel-tokenized Docs."""

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        for batch in spacy.util.minibatch(docs, size=batch_size):
            yield from self._annotated(batch)

    def _annotated(self, docs: list[Doc]) -> list[Doc]:
        """One batch: natasha's models run over all its sentences at once, then each Doc gets its share."""
        sents = [[t for t in sent if not t.is_space] for doc in docs for sent in doc.sents]
        sents = [s for s in sents if s]
        m = models()
        words = [[t.text for t in s] for s in sents]
        # slovnet's small matrix products run fastest on one BLAS thread: several run ~4x slower on a busy machine.
        with threadpool_limits(limits=1, user_api="blas"):
            morph = _batched(m.morph, words)
            syntax = _batched(m.syntax, words)
            ner = _batched(m.ner, [s[0].doc.text[s[0].idx : s[-1].idx + len(s[-1])] for s in sents])
        by_doc: dict[int, list] = {}
        for sent, tags, tree, found in zip(sents, morph, syntax, ner, strict=True):
            by_doc.setdefault(id(sent[0].doc), []).append((sent, tags, tree, found))
        for doc in docs:
            _annotate(doc, by_doc.get(id(doc), []), m.vocab)
        return docs


def _batched(model, items: list) -> list:
    return [out for i in range(0, len(items), BATCH) for out in model.map(items[i : i + BATCH])]


def _annotate(doc: Doc, sents: list, vocab) -> None:
    """Write one Doc's analysis: token attributes in one array, then the entities."""
    if not len(doc):
        return
    strings, morphology = doc.vocab.strings, doc.vocab.morphology
    rows = [[0] * 6 for _ in doc]  # HEAD (relative), POS, TAG, LEMMA, MORPH, DEP
    heads = list(range(len(doc)))
    labels = [""] * len(doc)
    for sent, _, tree, _ in sents:
        for token, node in zip(sent, tree.tokens, strict=True):
            heads[token.i] = sent[int(node.head_id) - 1].i if node.head_id != "0" else token.i
            labels[token.i] = _label(node.rel, token.lower_)
    for sent, *_ in sents:
        _one_tree(heads, labels, [t.i for t in sent])
    _prepositions_as_heads(heads, labels)
    for sent, tags, _, _ in sents:
        for token, tag in zip(sent, tags.tokens, strict=True):
            feats = "|".join(f"{k}={v}" for k, v in sorted(tag.feats.items()))
            pos, lemma = tag.pos, vocab.lemmatize(token.text, tag.pos, tag.feats) or token.lower_
            if labels[token.i] in NOMINAL_SLOTS and (pos == "ADJ" or tag.feats.get("VerbForm") == "Part" or
                                                     pos == "NOUN" and lemma.endswith(VERB_ENDINGS)):  # "Бастующие" -> "бастовать"
                pos, lemma = "NOUN", _substantive(vocab, token.text, lemma)
            rows[token.i] = [heads[token.i] - token.i, SYMBOLS.get(pos, SYMBOLS["X"]), strings.add(pos), strings.add(lemma),
                             morphology.add(feats), strings.add(labels[token.i])]
    for sent in doc.sents:
        words = [t.i for t in sent if not t.is_space]
        for token in sent:
            if token.is_space:  # hangs from the word before it in its sentence, else the one after
                head = max((w for w in words if w < token.i), default=min(words, default=token.i))
                rows[token.i] = [head - token.i, SYMBOLS["SPACE"], strings.add("_SP"), strings.add(token.text),
                                 morphology.add(""), strings.add("dep" if head != token.i else "ROOT")]
    array = numpy.array([row[1:] for row in rows], dtype="uint64")
    heads = numpy.array([row[0] for row in rows], dtype="int64").view("uint64")  # spaCy reads negative offsets wrapped
    array = numpy.column_stack([heads, array])
    doc.from_array([HEAD, POS, TAG, LEMMA, MORPH, DEP], array)
    doc.ents = _entities(doc, sents, vocab)


def _substantive(vocab, word: str, lemma: str) -> str:
    """The dictionary form of an adjective or participle used as a noun: "протестующие" -> "протестующий" (natasha
    gives a participle its verb's lemma), "рабочие" -> "рабочий"."""
    for parse in vocab.parse(word):
        if parse.pos == "ADJ" or parse.feats.get("VerbForm") == "Part":
            form = parse.inflect({"Masc", "Sing", "Nom"})
            return form.word if form else lemma
    return lemma


def _one_tree(heads: list[int], labels: list[str], sent: list[int]) -> None:
    """natasha's parser picks each word's head on its own, which can close a loop ("a" under "b" under "a") or leave
    several roots in one sentence ("X находились, сообщила служба"). A word of each loop hangs from the root (``dep``);
    the root with the most words under it is the sentence's, the others its ``parataxis``, as English parses
    "..., the agency said"."""
    roots = [i for i in sent if heads[i] == i] or [sent[0]]
    heads[roots[0]] = roots[0]  # a sentence with no root at all gets its first word as one
    top: dict[int, int] = {r: r for r in roots}  # word -> the root it hangs from, once known
    for start in sent:
        path, seen, i = [], set(), start
        while i not in top and i not in seen:
            path.append(i)
            seen.add(i)
            i = heads[i]
        if i not in top:  # the walk came back to a word it had passed: a loop, cut at that word
            heads[i], labels[i] = roots[0], "dep"
            top[i] = roots[0]
        for j in path:
            top[j] = top[i]
    under = {r: sum(1 for i in sent if top[i] == r) for r in roots}
    root = max(roots, key=lambda r: under[r])
    for other in roots:
        heads[other], labels[other] = root, "parataxis"
    heads[root], labels[root] = root, "ROOT"


# Relations of a noun that a preposition introduces as an English "prep" → "pobj" does.
OBLIQUE: frozenset[str] = frozenset({"obl", "nmod"})


def _prepositions_as_heads(heads: list[int], labels: list[str]) -> None:
    """"в Москве": UD's ``case`` preposition under its ``obl``/``nmod`` noun becomes the noun's head, as in English."""
    for i, label in enumerate(labels):
        noun = heads[i]
        if label != "case" or noun == i or labels[noun] not in OBLIQUE or heads[noun] == noun:
            continue
        heads[i], labels[i] = heads[noun], "prep"
        heads[noun], labels[noun] = i, "pobj"


def _label(rel: str, word: str) -> str:
    if rel == "advmod" and word in NEGATIONS:
        return "neg"
    return DEP_LABELS.get(rel, rel)


def _entities(doc: Doc, sents: list, vocab) -> list[Span]:
    spans = []
    for sent, _, _, found in sents:
        offset = sent[0].idx
        for hit in found.spans:
            span = doc.char_span(offset + hit.start, offset + hit.stop, alignment_mode="expand")
            if span is not None:
                spans += [_labelled(part, ENTITY_LABELS.get(hit.type, hit.type), vocab) for part in _outside_brackets(span)]
    return spacy.util.filter_spans(_with_genitive_places(spans))


def _outside_brackets(span: Span) -> list[Span]:
    """"Союз советов (СКС)" is two names: the one before the brackets and the one inside."""
    parts, start = [], span.start
    for token in span:
        if token.text in "()[]":
            parts.append(span.doc[start : token.i])
            start = token.i + 1
    parts.append(span.doc[start : span.end])
    return [p for p in parts if p.text.strip(" ,.;:-—«»\"")]


def _labelled(span: Span, label: str, vocab) -> Span:
    """natasha's LOC is GPE for a country or a city, NORP for a people ("американцы"), else LOC."""
    if label == "LOC":
        normal = names.normal_form(Span(span.doc, span.start, span.end, label=label), vocab)
        label = "NORP" if names.demonym_code(normal) else "GPE" if names.place_code(normal) else "LOC"
    return Span(span.doc, span.start, span.end, label=label)


def _with_genitive_places(spans: list[Span]) -> list[Span]:
    """An organisation followed by the place it belongs to, in the genitive, is one name: "МИД Грузии", "Совет муфтиев России"."""
    out: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        prev = out[-1] if out else None
        if (prev is not None and prev.label_ == "ORG" and span.label_ in {"GPE", "LOC"} and span.start == prev.end
                and "Gen" in span.root.morph.get("Case") and prev.start <= span.root.head.i < prev.end):
            out[-1] = Span(span.doc, prev.start, span.end, label="ORG")
            continue
        out.append(span)
    return out


def new_russian() -> Language:
    """A new Russian analyser: ``spacy.blank("ru")`` with razdel's tokenizer and natasha's component (the models are shared)."""
    models()  # fail now, with a clear message, when natasha is missing
    nlp = spacy.blank("ru")
    nlp.tokenizer = RazdelTokenizer(nlp.vocab)
    nlp.add_pipe("khabar_natasha")
    nlp.max_length = MAX_LENGTH
    return nlp


@lru_cache(maxsize=1)
def load_russian() -> Language:
    """The Russian analyser alone (no khabar component), built once."""
    return new_russian()
