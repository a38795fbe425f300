"""Writes over HTTP: what a request submits goes through ``khabar.api.ingest``, the pipeline of ``khabar ingest``.

Uploaded files and JSON records are written to a private temporary folder and ingested from there;
URLs are fetched by the ingest reader, with its limits and its refusal of private addresses. One
ingestion runs at a time (the spaCy model is shared); the form's submissions run as background jobs
whose progress the page polls.
"""
from __future__ import annotations

import json
import re
import shutil
import tempfile
import threading
import uuid
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.api import ingest
from khabar.config import Settings
from khabar.errors import InputError, KhabarError
from khabar.records import Document
from khabar.store import Status, Store


class Refused(KhabarError):
    """A submission refused before ingestion; ``status`` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Submission:
    """What one request asks to ingest: uploaded files (name, bytes), JSON records and URLs."""

    files: list[tuple[str, bytes]] = field(default_factory=list)
    records: list[dict[str, Any]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)

    def check(self, settings: Settings) -> None:
        if not (self.files or self.records or self.urls):
            raise Refused("request: nothing to ingest (send text, files or URLs)")
        for name, data in self.files:
            if len(data) > settings.max_bytes:
                raise Refused(f"{name}: file is {len(data)} bytes, over the limit of {settings.max_bytes} (KHABAR_MAX_BYTES)", 413)
        for url in self.urls:  # anything else would be read as a path on the server
            if not re.match(r"^https?://[^\s/]+", url):
                raise Refused(f"{url}: only http(s) URLs can be submitted")
        for n, rec in enumerate(self.records, 1):
            if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
                raise Refused(f"record {n}: needs a non-empty string field 'text' (or only a 'url' to fetch)")

    def describe(self) -> list[str]:
        return [name for name, _ in self.files] + [f"text {n}" for n in range(1, len(self.records) + 1)] + self.urls


def from_json(body: Any) -> Submission:
    """``{"text": ..., "url": ..., "title": ..., "published": ...}``, a list of them, or ``{"url": ...}`` alone to fetch."""
    objects = body if isinstance(body, list) else [body]
    sub = Submission()
    for obj in objects:
        if isinstance(obj, dict) and "text" not in obj and isinstance(obj.get("url"), str):
            sub.urls.append(obj["url"].strip())
        else:
            sub.records.append(obj)
    return sub


def safe_name(name: str) -> str:
    """An uploaded file's name, reduced to a plain file name (its suffix tells the reader the format)."""
    base = re.sub(r"[^\w.-]+", "_", Path(name or "upload").name).strip("._") or "upload"
    return base[-120:]


@dataclass
class Outcome:
    documents: list[dict[str, Any]] = field(default_factory=list)  # {id, status, title, source}
    errors: list[str] = field(default_factory=list)  # one line each, "khabar: <input>: <reason>"
    done: int = 0
    finished: bool = False


class Ingestor:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.lock = threading.Lock()
        self.jobs: OrderedDict[str, tuple[list[str], Outcome]] = OrderedDict()
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="khabar-ingest")

    def run(self, sub: Submission, outcome: Outcome | None = None) -> Outcome:
        """Ingest a submission now and say what happened to each input."""
        sub.check(self.settings)
        outcome = outcome or Outcome()
        folder = Path(tempfile.mkdtemp(prefix="khabar-web-"))
        try:
            inputs, names = self._write(sub, folder)

            def on_item(item: Document | InputError, status: Status | None) -> None:
                outcome.done += 1
                if isinstance(item, Document) and status is not None:
                    outcome.documents.append({"id": status.doc_id, "status": status.action, "title": item.title,
                                              "source": _shown(item.source or "", names), "skipped": item.skipped})

            with self.lock:
                summary = ingest(inputs, db=self.store, settings=self.settings, on_item=on_item)
            outcome.errors = [f"khabar: {_shown(str(e), names)}" for e in summary.errors]
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            outcome.finished = True
        return outcome

    @staticmethod
    def _write(sub: Submission, folder: Path) -> tuple[list[str], dict[str, str]]:
        inputs: list[str] = []
        names: dict[str, str] = {}  # temporary path -> what the user called it
        for n, (name, data) in enumerate(sub.files):
            path = folder / str(n) / safe_name(name)
            path.parent.mkdir()
            path.write_bytes(data)
            inputs.append(str(path))
            names[str(path)] = name
        if sub.records:
            path = folder / "request.jsonl"
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sub.records), encoding="utf-8")
            inputs.append(str(path))
            names[str(path)] = "request"
        return inputs + sub.urls, names

    def start(self, sub: Submission) -> str:
        """Queue a submission as a background job; its id (see ``job``)."""
        sub.check(self.settings)
        job_id = uuid.uuid4().hex
        outcome = Outcome()
        self.jobs[job_id] = (sub.describe(), outcome)
        while len(self.jobs) > 100:  # keep the last hundred jobs' outcomes
            self.jobs.popitem(last=False)
        self.pool.submit(self._background, sub, outcome)
        return job_id

    def _background(self, sub: Submission, outcome: Outcome) -> None:
        try:
            self.run(sub, outcome)
        except Exception as exc:  # a job's failure is shown on its page, not lost in a thread
            outcome.errors.append(f"khabar: job: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}")
            outcome.finished = True

    def job(self, job_id: str) -> dict[str, Any] | None:
        found = self.jobs.get(job_id)
        if found is None:
            return None
        inputs, outcome = found
        return {"id": job_id, "inputs": inputs, "finished": outcome.finished, "done": outcome.done,
                "documents": list(outcome.documents), "errors": list(outcome.errors)}

    def close(self) -> None:
        self.pool.shutdown(wait=True)


def _shown(text: str, names: dict[str, str]) -> str:
    for path, name in names.items():
        text = text.replace(path, name)
    return text
