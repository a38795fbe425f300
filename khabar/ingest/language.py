"""Language of a document, with a bias toward English for very short texts.

py3langid ships its model inside the package. Single sentences are common
inputs; on a few words the classifier is unsure, so English is kept unless
another language is clearly more likely.
"""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SHORT = 400  # characters under which a text counts as short


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
    english = dict(ranked).get("en", 0.0)
    latin = sum(ch.isascii() for ch in sample if ch.isalpha()) / max(1, sum(ch.isalpha() for ch in sample))
    return "en" if latin > 0.9 and (english > 0.01 or prob < 0.9) else best
