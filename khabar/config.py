"""Settings, read once from the environment; every one has a sensible default."""
from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "sqlite:///khabar.db"
DEFAULT_MODEL = "en_core_web_sm"


def _int_env(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw and raw.isdigit() else default


def cores() -> int:
    """The cores this process may run on (its CPU affinity where the system has one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def _float_env(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    """Limits and choices for one run. ``KHABAR_*`` environment variables override defaults."""

    db_url: str = field(default_factory=lambda: os.environ.get("KHABAR_DB", DEFAULT_DB))
    model: str = field(default_factory=lambda: os.environ.get("KHABAR_MODEL", DEFAULT_MODEL))
    max_bytes: int = field(default_factory=lambda: _int_env("KHABAR_MAX_BYTES", 20 * 1024 * 1024))
    timeout: float = 20.0  # seconds for one HTTP request, connect and read alike
    max_redirects: int = 5
    allow_private: bool = field(default_factory=lambda: os.environ.get("KHABAR_ALLOW_PRIVATE") == "1")
    batch_size: int = 16  # documents per spaCy batch and per progress step
    workers: int = field(default_factory=lambda: _int_env("KHABAR_WORKERS", 0) or cores())  # processes that analyse
    max_chars: int = field(default_factory=lambda: _int_env("KHABAR_MAX_CHARS", 300_000))  # analysed per document
    # Links scoring below this are kept in the store but not reported or exported (``--all-links`` shows them).
    link_threshold: float = field(default_factory=lambda: _float_env("KHABAR_LINK_THRESHOLD", 0.5))


def db_url_for(value: str | None) -> str:
    """Accept a SQLAlchemy URL or a plain file path for SQLite."""
    url = value or os.environ.get("KHABAR_DB") or DEFAULT_DB
    return url if "://" in url else f"sqlite:///{url}"
