"""One error type for everything a user can get wrong: it prints as one line."""
from __future__ import annotations

import traceback

MAX_REASON = 300  # characters: a reason is one line a person reads


class KhabarError(Exception):
    """A failure the user can act on; ``str()`` is the whole message."""


class InputError(KhabarError):
    """One input (file, URL, line, feed item) could not be read; the batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        reason = reason if len(reason) <= MAX_REASON else reason[: MAX_REASON - 1] + "…"  # a parser may quote a whole input
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # worker processes send errors back pickled: rebuilt from their fields, not __init__'s arguments
        return _restore, (type(self), str(self), self.__dict__)


def _restore(cls: type[InputError], message: str, fields: dict) -> InputError:
    error = cls.__new__(cls)
    Exception.__init__(error, message)
    error.__dict__.update(fields)
    return error


class AnalysisError(InputError):
    """Analysing one document raised: the document is kept without extraction and the batch goes on.

    ``detail`` holds the traceback, printed only with ``--debug`` or ``KHABAR_DEBUG=1``.
    """

    def __init__(self, source: str, exc: BaseException) -> None:
        message = str(exc).splitlines()[0][:200] if str(exc) else ""
        super().__init__(source, f"analysis failed ({type(exc).__name__}{': ' + message if message else ''})")
        self.detail = "".join(traceback.format_exception(exc))
