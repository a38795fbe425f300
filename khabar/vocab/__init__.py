"""khabar's vocabulary, as data: one module of tables per language, the same names and shapes in each.

    from khabar.vocab import tables
    tables("ru").CUES["заявить"]   # 'say'
    from khabar.vocab import CUES  # the English tables, by their names

``en`` and ``ru`` hold the words (reporting verbs, units, number words, dates,
sectors and titles, the words events are read with); ``neutral`` the codes and
symbols every language shares (PLOVER types, modes, currencies), re-exported by
each. The event lexicons are data files: ``khabar/data/event_lexicon.tsv`` and
``event_lexicon_ru.tsv``. A language is added with a module of the same names
(``tests/nlp/test_vocab_ru.py`` checks the shapes) and an entry in ``LANGUAGES``.
"""
from __future__ import annotations

from types import ModuleType

from khabar.vocab import en, ru
from khabar.vocab.en import *  # noqa: F403  (the English tables by their names, as before the package)

LANGUAGES: dict[str, ModuleType] = {"en": en, "ru": ru}


def tables(language: str | None) -> ModuleType:
    """The vocabulary module of a language (ISO 639-1); English for a document of no known language."""
    return LANGUAGES.get(language or "en", en)
