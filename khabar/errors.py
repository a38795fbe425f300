"""One error type for everything a user can get wrong: it prints as one line."""
from __future__ import annotations


class KhabarError(Exception):
    """A failure the user can act on; ``str()`` is the whole message."""


class InputError(KhabarError):
    """One input (file, URL, line, feed item) could not be read; the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
