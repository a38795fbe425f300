"""Language of a document, with a bias toward English and Russian for very short texts.

py3langid ships its model inside the package. Single sentences are common
inputs; on a few words the classifier is unsure, so English is kept unless
another language is clearly more likely, and a short Cyrillic text that Russian
is in contention for is Russian (the classifier takes many a Russian sentence for
Bulgarian; a real Bulgarian, Serbian or Ukrainian sentence leaves Russian far behind).
"""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SHORT = 400  # characters under which a text counts as short
RUSSIAN_IN_CONTENTION = 0.1  # Russian's probability from which a short Cyrillic text is Russian
# Cyrillic languages with letters of their own (ә, ғ, қ, ң, ө, ү, ҳ, ҷ, ӯ...): a guess of one of them stands.
OWN_CYRILLIC = frozenset({"kk", "ky", "tg", "uz", "mn", "ba", "tt"})


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (``und`` when it has no letters)."""
    sample = text[:5000]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    ranked = _identifier().rank(sample)
    best, prob = ranked[0]
    if best == "en" or len(sample) >= SHORT:
        return best
    letters = [ch for ch in sample if ch.isalpha()]
    latin = sum(ch.isascii() for ch in letters) / len(letters)
    if latin > 0.9 and (dict(ranked).get("en", 0.0) > 0.01 or prob < 0.9):
        return "en"
    cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in letters) / len(letters)
    if cyrillic > 0.9 and best not in OWN_CYRILLIC and dict(ranked).get("ru", 0.0) >= RUSSIAN_IN_CONTENTION:
        return "ru"
    return best
