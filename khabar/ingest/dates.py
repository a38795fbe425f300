"""Publication dates of documents, as ISO dates."""
from __future__ import annotations

import re
from functools import lru_cache

import dateparser

_SETTINGS = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}
_DATE_IN_LINE = re.compile(
    r"(?:\w+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?,?\s+\w+\.?,?\s+\d{4}"  # (Tuesday) 2 November 2021
    r"|\w+\.?\s+\d{1,2},?\s+\d{4}"  # November 2, 2021
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}"
)
_LOOKS_DATED = re.compile(r"\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


@lru_cache(maxsize=4096)
def parse_published(text: str | None, strict: bool = False) -> str | None:
    """ISO date of a date line ("October 26, 2021", "26.10.2021", RFC 822), or None.

    ``strict``: the whole text must be the date, as on a date line of its own.
    """
    if not text or not _LOOKS_DATED.search(text) or len(text) > 200:
        return None
    candidate = text.strip().strip("*_ ")
    if not strict:
        m = _DATE_IN_LINE.search(candidate)
        if not m:
            return None
        candidate = m.group(0)
    try:
        parsed = dateparser.parse(candidate, languages=["en"], settings=_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return parsed.date().isoformat() if parsed else None
