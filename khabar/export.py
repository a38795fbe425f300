"""Exports: JSON Lines exactly per SPEC.md, and CSV or Parquet tables (one file per record kind)."""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from khabar.errors import KhabarError
from khabar.extract import Extraction
from khabar.records import DateMention, Document, Event, Figure, Statement

FORMATS = ("jsonl", "csv", "parquet")
# Fields kept inside khabar; SPEC.md's fields are all exported, these are not.
INTERNAL = {"document": {"content_hash", "source", "partial"}}


def clean(record: dict[str, Any]) -> dict[str, Any]:
    for key in INTERNAL.get(record["record"], ()):
        record.pop(key, None)
    return record


def records_of(doc: Document, ext: Extraction, with_entities: bool = True) -> Iterator[dict[str, Any]]:
    """Export records of one extracted document."""
    yield clean(doc.as_dict())
    if with_entities:
        yield from (e.as_dict() for e in ext.entities.values())
    for item in sorted(ext.items(), key=lambda i: (i.start, i.record)):
        yield clean(item.as_dict())


def store_records(store: Any, link_threshold: float | None = None) -> Iterator[dict[str, Any]]:
    """Every record of a store: documents, entities, items, and the links scoring at least ``link_threshold`` (None: all)."""
    from khabar.connect import shown

    yield from (clean(d.as_dict()) for d in store.documents())
    yield from (e.as_dict() for e in store.entities())
    for kind in (Event, Statement, Figure, DateMention):
        yield from (clean(i.as_dict()) for i in store.items(kind))
    yield from (link.as_dict() for link in shown(store.links(), link_threshold))


def write_jsonl(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _flat(value: Any) -> Any:
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value


def write_tables(records: Iterable[dict[str, Any]], out_dir: str, fmt: str) -> dict[str, int]:
    """One ``KIND.csv`` or ``KIND.parquet`` per record kind; nested fields as JSON text."""
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_kind.setdefault(rec["record"], []).append({k: _flat(v) for k, v in rec.items() if k != "record"})
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for kind, rows in by_kind.items():
        columns = list(dict.fromkeys(k for row in rows for k in row))
        target = folder / f"{kind}.{fmt}"
        tmp = target.with_suffix(target.suffix + ".tmp")  # never leave half a file behind
        if fmt == "csv":
            with open(tmp, "w", newline="", encoding="utf-8") as fh:
                writer = csv.DictWriter(fh, fieldnames=columns)
                writer.writeheader()
                writer.writerows(rows)
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.table({c: _column([row.get(c) for row in rows]) for c in columns})
            pq.write_table(table, tmp)
        else:
            raise KhabarError(f"unknown table format {fmt!r} (use one of {', '.join(FORMATS)})")
        tmp.replace(target)
    return {kind: len(rows) for kind, rows in by_kind.items()}


def _column(values: list[Any]) -> list[Any]:
    """Parquet columns need one type: a column of numbers (or of booleans) stays so, others become text."""
    present = [v for v in values if v is not None]
    if all(isinstance(v, bool) for v in present) or all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return values
    return [None if v is None else str(v) for v in values]
