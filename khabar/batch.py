"""A corpus on a Ray cluster: ``khabar batch`` analyses on Ray Data and writes JSON Lines shards; ``khabar load`` stores them.

``batch``: read and clean (one Ray task per input) → analyse (a pool of Ray actors, each loading the model once) →
link (in a driver actor inside the cluster, in input order, as ``khabar extract`` does) → shards under the output folder:
``00000.jsonl``, ``00001.jsonl``, ... (each document and its items, ``DOCS_PER_SHARD`` documents a shard), then
``entities.jsonl`` and ``links.jsonl``, so that ``cat DIR/*.jsonl`` prints what ``khabar extract`` prints for the
same inputs. ``DIR/stored/`` holds, shard by shard, what a store keeps and the export leaves out: where each entity
is named, the source of each document and whether it is a feed summary.

``load``: the shards into a store, document by document (people resolved against the store, as ``ingest`` does),
then connected. Ray is optional (``pip install 'khabar[ray]'``); only ``batch`` needs it.
"""
from __future__ import annotations

import json
import logging
import pickle
import shutil
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import IO, Any

from khabar.api import Analysed, Summary, linked_records, store_all
from khabar.config import Settings
from khabar.errors import InputError, KhabarError
from khabar.extract import Extraction
from khabar.extract.parallel import analyse_chunk
from khabar.ingest import content_hash, expand
from khabar.records import RECORD_TYPES, Document, Entity, Mention
from khabar.store import Status, Store

DOCS_PER_SHARD = 1000
# Each analysing actor reserves half a CPU: actors asking a whole one each would take every CPU of a small cluster
# and leave none to the read tasks that feed them (a deadlock). Actors still use a whole core when it is free.
ACTOR_CPUS = 0.5
ITEMS = ("event", "statement", "figure", "date")
SIDECAR = ("stored", "mention")  # records for the store, not the export
# Documents read from one input travel in blocks of this size: one JSON Lines file of thousands of articles becomes
# many blocks, which the actors analyse side by side (Ray Data's default, 128 MB, would give them one).
BLOCK_BYTES = 256 * 1024


def _ray():
    try:
        import ray
    except ImportError:
        raise KhabarError("khabar batch runs on Ray, which is not installed: pip install 'khabar[ray]'") from None
    return ray


@contextmanager
def ray_runtime(address: str | None, cpus: int | None = None) -> Iterator[Any]:
    """Ray, joined at ``address`` (``auto``, ``ray://host:port``) or started here for this run."""
    ray = _ray()
    try:
        if address:
            ray.init(address=address, logging_level=logging.ERROR, log_to_driver=False)
        else:
            ray.init(num_cpus=cpus, include_dashboard=False, logging_level=logging.ERROR, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise KhabarError(f"--address {address}: cannot reach a Ray cluster ({str(exc).splitlines()[0]})") from None
    try:
        yield ray
    finally:
        ray.shutdown()


def _read(row: dict[str, Any], settings: Settings) -> list[dict[str, bytes]]:
    """In a Ray task: the documents and errors of one input, pickled."""
    from khabar.ingest import read_one

    return [{"item": pickle.dumps(item)} for item in read_one(row["input"], settings)]


class Analyser:
    """A Ray actor: loads the model once, then analyses batches of documents as the worker processes of ``extract`` do."""

    def __init__(self, settings: Settings) -> None:
        from khabar.extract.pipeline import build

        self.settings = settings
        build(settings.model)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[bytes]]:
        items = [pickle.loads(b) for b in batch["item"]]
        docs = [i for i in items if isinstance(i, Document)]
        results = iter(analyse_chunk(docs, self.settings.model, self.settings.batch_size, self.settings.max_chars))
        return {"item": [pickle.dumps((i, next(results) if isinstance(i, Document) else None)) for i in items]}


def _not_restarted() -> dict[str, int]:
    """Analysing actors are not restarted: a document's failure is caught inside the actor, so an actor dies only when
    its process does (out of memory, killed), and Ray could not restart it anyway (its arguments are in the object
    store, Ray issue 53727, which Ray warns about on every run otherwise): the run stops with that error, and the
    shards of an earlier run stay as they were."""
    return {"max_restarts": 0}


def analysed_on_ray(ray: Any, inputs: Iterable[str], settings: Settings, report: Callable[[InputError], None],
                    actors: int | None = None) -> Iterator[Analysed]:
    """Each document of ``inputs`` with its extraction, in input order, analysed on the Ray cluster; the same content
    twice is one document, as in ``khabar extract``."""
    import ray.data

    names = []
    for name in expand(inputs):
        if isinstance(name, InputError):
            report(name)
        else:
            names.append(name)
    if not names:
        return
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True  # documents come back in input order
    context.enable_progress_bars = False
    context.target_max_block_size = BLOCK_BYTES
    pool = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
    rows = (ray.data.from_items([{"input": n} for n in names], override_num_blocks=len(names))
            .flat_map(_read, fn_kwargs={"settings": settings})
            .map_batches(Analyser, fn_constructor_kwargs={"settings": settings}, batch_size=settings.batch_size,
                         compute=ray.data.ActorPoolStrategy(size=pool), num_cpus=ACTOR_CPUS,
                         ray_remote_args_fn=_not_restarted)  # Ray 2.60 has no other way to set it (and warns it will)
            .iter_rows())
    seen: set[str] = set()
    for row in rows:
        item, result = pickle.loads(row["item"])
        if isinstance(item, InputError):
            report(item)
        elif item.content_hash not in seen:
            seen.add(item.content_hash)
            item.skipped, ext, error = result
            yield item, ext, error


def batch(inputs: Iterable[str], out: str | Path, settings: Settings | None = None, address: str | None = None,
          on_error: Callable[[InputError], None] | None = None, actors: int | None = None) -> int:
    """Analyse ``inputs`` on Ray and write the shards under ``out``; returns the number of documents written."""
    settings = settings or Settings()
    report = on_error or (lambda _error: None)
    with ray_runtime(address, settings.workers) as ray:
        driver = ray.remote(num_cpus=0)(Driver).remote(list(inputs), settings, actors)
        try:
            return write_shards(_fetched(ray, driver, report), Path(out))
        except ray.exceptions.RayError as exc:  # an actor or a node lost: the run stops, earlier shards stay
            raise KhabarError(f"{out}: batch stopped, nothing written ({type(exc).__name__}: {str(exc).splitlines()[0][:200]})") from None


class Driver:
    """A Ray actor that runs the analysis on Ray Data and links, inside the cluster, and hands out the records in
    chunks: Ray Data needs a process of the cluster to drive it, which a Ray Client connection (``ray://``) is not."""

    def __init__(self, inputs: list[str], settings: Settings, actors: int | None) -> None:
        import ray

        self.errors: list[InputError] = []
        documents = analysed_on_ray(ray, inputs, settings, self.errors.append, actors)
        self.records = linked_records(documents, settings, self.errors.append, stored=True)

    def chunk(self, size: int = 2000) -> tuple[list[dict[str, Any]], list[InputError], bool]:
        """The next records, the errors met meanwhile, and whether that was all."""
        records = list(islice(self.records, size))
        errors, self.errors = self.errors, []
        return records, errors, len(records) < size


def _fetched(ray: Any, driver: Any, report: Callable[[InputError], None]) -> Iterator[dict[str, Any]]:
    done = False
    while not done:
        records, errors, done = ray.get(driver.chunk.remote())
        for error in errors:
            report(error)
        yield from records


def write_shards(records: Iterable[dict[str, Any]], out: Path, per_shard: int = DOCS_PER_SHARD) -> int:
    """Records into shard files under ``out`` (``stored`` and ``mention`` records under ``out/stored``), replacing the
    shards of an earlier run only once all are written."""
    partial = out / ".partial"
    shutil.rmtree(partial, ignore_errors=True)
    (partial / "stored").mkdir(parents=True)
    files: dict[str, IO[str]] = {}
    docs = 0
    try:
        with ExitStack() as opened:
            for record in records:
                kind = record["record"]
                docs += kind == "document"
                shard = f"{(docs - 1) // per_shard:05d}.jsonl"
                name = {"entity": "entities.jsonl", "link": "links.jsonl"}.get(kind, f"stored/{shard}" if kind in SIDECAR else shard)
                if name not in files:
                    files[name] = opened.enter_context(open(partial / name, "w", encoding="utf-8"))
                files[name].write(json.dumps(record, ensure_ascii=False) + "\n")
        for name in ("entities.jsonl", "links.jsonl"):
            (partial / name).touch()
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    for old in [*out.glob("[0-9]*.jsonl"), out / "entities.jsonl", out / "links.jsonl"]:
        old.unlink(missing_ok=True)
    shutil.rmtree(out / "stored", ignore_errors=True)
    for new in partial.iterdir():
        new.replace(out / new.name)
    partial.rmdir()
    return docs


def load(folder: str | Path, db: str | Store | None = None, settings: Settings | None = None,
         on_item: Callable[[Document | InputError, Status | None], None] | None = None) -> Summary:
    """Store the documents of the shards under ``folder`` with what was extracted from them, then connect them."""
    folder = Path(folder)
    shards = sorted(folder.glob("[0-9]*.jsonl"))
    if not shards or not (folder / "entities.jsonl").exists():
        raise KhabarError(f"{folder}: no khabar batch shards here (NNNNN.jsonl and entities.jsonl, written by khabar batch)")
    settings = settings or Settings()
    store = db if isinstance(db, Store) else Store(db or settings.db_url)
    summary = Summary()

    def bad(error: InputError) -> None:
        summary.errors.append(error)
        if on_item:
            on_item(error, None)

    entities: dict[str, list[Entity]] = {}
    for ent in _records(folder / "entities.jsonl", bad):
        for doc_id in ent.get("docs", []):
            entities.setdefault(doc_id, []).append(Entity.from_dict({**ent, "docs": [doc_id]}))  # type: ignore[arg-type]
    try:
        for shard in shards:
            stored: dict[str, dict[str, Any]] = {}
            for record in _records(folder / "stored" / shard.name, bad):
                if record["record"] == "mention":
                    stored.setdefault(record["doc"], {}).setdefault("mentions", []).append(Mention.from_dict(record))
                else:
                    stored.setdefault(record["doc"], {}).update(source=record.get("source"), partial=bool(record.get("partial")))
            store_all(store, _revising(store, _documents(shard, entities, stored, bad)), settings, summary, on_item)
    finally:
        if not isinstance(db, Store):
            store.close()
    return summary


def _revising(store: Store, documents: Iterable[Analysed]) -> Iterator[Analysed]:
    """A document that revises a stored one (same URL, new text) takes its id: so do the records extracted from it."""
    for doc, ext, failure in documents:
        old = doc.id
        store.check(doc)
        if doc.id != old and ext is not None:
            ext.doc = doc.id
            for record in [*ext.mentions, *ext.items()]:
                record.doc, record.id = doc.id, doc.id + record.id[len(old):] if record.id.startswith(old) else record.id
            for ent in ext.entities.values():
                ent.docs = [doc.id]
        yield doc, ext, failure


def _records(path: Path, bad: Callable[[InputError], None]) -> Iterator[dict[str, Any]]:
    if not path.exists():
        return
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                bad(InputError(f"{path}:{n}", f"not JSON ({exc.msg})"))
                continue
            yield {**record, "_line": n}


def _documents(shard: Path, entities: dict[str, list[Entity]], stored: dict[str, dict[str, Any]],
               bad: Callable[[InputError], None]) -> Iterator[Analysed]:
    """The documents of one shard with their extractions rebuilt: entities, mentions and items."""
    doc: Document | None = None
    ext = Extraction("")
    for record in _records(shard, bad):
        kind, line = record.pop("record", None), record.pop("_line")
        if kind == "document":
            if doc is not None:
                yield doc, ext, None
            doc = Document.from_dict(record)  # type: ignore[assignment]
            kept = stored.get(doc.id, {})
            doc.content_hash, doc.source, doc.partial = content_hash(doc.text), kept.get("source") or f"{shard}:{line}", kept.get("partial", False)
            ext = Extraction(doc.id, entities={e.id: e for e in entities.get(doc.id, [])}, mentions=kept.get("mentions", []))
        elif kind in ITEMS and doc is not None and record.get("doc") == doc.id:
            getattr(ext, {"date": "dates"}.get(kind, kind + "s")).append(RECORD_TYPES[kind].from_dict(record))
        else:
            bad(InputError(f"{shard}:{line}", f"a {kind} record out of place (each item follows its document)"))
    if doc is not None:
        yield doc, ext, None
