"""The ``khabar`` command: a thin layer over ``khabar.api``.

Every failure a user can cause prints one line, ``khabar: <input>: <reason>``,
never a traceback; the exit status is 1 when any input failed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy.exc import SQLAlchemyError

from khabar.config import Settings, db_url_for
from khabar.errors import InputError, KhabarError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="khabar: who did what to whom, who said what, and which figures — from news articles.")
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database: SQLite path or URL (default $KHABAR_DB or ./khabar.db).")]
Paths = Annotated[list[str], typer.Argument(help="Files, folders, globs, JSON Lines, feeds, WARC files or http(s) URLs.")]
Workers = Annotated[int | None, typer.Option("--workers", min=1, help="Processes that analyse (default $KHABAR_WORKERS or the cores; 1: this process only).")]
AllLinks = Annotated[bool, typer.Option("--all-links", help="Also show links scoring below the threshold (KHABAR_LINK_THRESHOLD, default 0.5).")]


_debug = os.environ.get("KHABAR_DEBUG") == "1"


@app.callback()
def _options(debug: Annotated[bool, typer.Option("--debug", help="Print the traceback of a failed analysis (or KHABAR_DEBUG=1).")] = False) -> None:
    global _debug
    _debug = debug or os.environ.get("KHABAR_DEBUG") == "1"  # per invocation: an earlier --debug in this process does not stick


def _say_error(error: InputError | KhabarError, console: Console | None = None) -> None:
    """One line per failure; the traceback of a failed analysis only when debugging."""
    console = console or err
    console.print(f"khabar: {error}", markup=False, highlight=False, soft_wrap=True)
    if _debug and (detail := getattr(error, "detail", "")):
        console.print(detail, markup=False, highlight=False, soft_wrap=True)


def _settings(db: str | None = None) -> Settings:
    return Settings(db_url=db_url_for(db))


@app.command()
def ingest(paths: Paths, db: DbOption = None, workers: Workers = None) -> None:
    """Read articles, extract their records and store them.

    Example: khabar ingest articles/ https://example.org/feed.xml --db team.db
    """
    from khabar.api import ingest as run

    settings = _settings(db)
    # Redrawn on each document, not by a thread: worker processes are forked from this one, and a fork with threads running is unsafe.
    with Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal, auto_refresh=False) as progress:
        task = progress.add_task("", total=None)

        def on_item(item, status) -> None:
            if isinstance(item, InputError):
                _say_error(item, progress.console)
            elif item.skipped:
                progress.console.print(f"khabar: {item.source}: stored without extraction: {item.skipped}",
                                       markup=False, highlight=False, soft_wrap=True)
            progress.update(task, advance=1, description=(getattr(item, "title", None) or "")[:50], refresh=True)

        summary = run(paths, settings=settings, on_item=on_item, workers=workers)
    _print_summary("ingested", summary, settings)


def _print_summary(done: str, summary, settings: Settings) -> None:
    from khabar.report import languages_line

    err.print(f"{done} {summary.added} new, {summary.revised} revised, {summary.known} already known, "
              f"{len(summary.errors)} failed, {len(summary.not_extracted)} stored without extraction "
              f"— {settings.db_url}", highlight=False, soft_wrap=True)
    if summary.languages:
        err.print(f"by language: {languages_line(summary.languages)}", highlight=False, soft_wrap=True)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def extract(paths: Paths,
            fmt: Annotated[str, typer.Option("--format", help="Output format: jsonl.")] = "jsonl", workers: Workers = None) -> None:
    """Extract records without a database and print them as JSON Lines.

    Example: khabar extract article.md --format jsonl > article.jsonl
    """
    from khabar.api import extract as run
    from khabar.export import write_jsonl

    if fmt != "jsonl":
        raise KhabarError(f"--format {fmt}: extract prints jsonl only (use 'khabar export' for csv or parquet)")
    failed: list[InputError] = []

    def on_error(error: InputError) -> None:
        failed.append(error)
        _say_error(error)

    write_jsonl(run(paths, on_error=on_error, workers=workers), sys.stdout)
    if failed:
        raise typer.Exit(1)


@app.command()
def batch(paths: Paths,
          out: Annotated[str, typer.Option("--out", help="Folder for the JSON Lines shards.")],
          address: Annotated[str | None, typer.Option("--address", help="Ray cluster to join: auto, or ray://host:port "
                                                      "(default: a Ray runtime started for this run).")] = None,
          actors: Annotated[int | None, typer.Option("--actors", min=1, help="Analysing actors (default: one per CPU of the cluster).")] = None) -> None:
    """Analyse a corpus on Ray and write JSON Lines shards (the records of 'khabar extract').

    Examples: khabar batch archive/ --out shards/; khabar batch archive/ --out shards/ --address auto
    """
    from khabar.batch import batch as run

    failed: list[InputError] = []

    def on_error(error: InputError) -> None:
        failed.append(error)
        _say_error(error)

    n = run(paths, out, settings=_settings(), address=address, on_error=on_error, actors=actors)
    err.print(f"wrote {n} documents to {out} ({len(failed)} failed)", highlight=False, soft_wrap=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def load(folder: Annotated[str, typer.Argument(help="A folder of shards written by 'khabar batch'.")], db: DbOption = None) -> None:
    """Store the shards of 'khabar batch' and connect them.

    Example: khabar load shards/ --db postgresql://team@db/khabar
    """
    from khabar.batch import load as run

    settings = _settings(db)

    def on_item(item, status) -> None:
        if isinstance(item, InputError):
            _say_error(item)

    summary = run(folder, settings=settings, on_item=on_item)
    _print_summary("loaded", summary, settings)


@app.command()
def export(db: DbOption = None,
           fmt: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
           out: Annotated[str | None, typer.Option("--out", help="Folder for the files (jsonl: stdout when absent).")] = None,
           all_links: AllLinks = False) -> None:
    """Export the whole store.

    Examples: khabar export > all.jsonl; khabar export --format parquet --out exports/
    """
    from khabar.export import FORMATS, store_records, write_jsonl, write_tables
    from khabar.store import Store

    if fmt not in FORMATS:
        raise KhabarError(f"--format {fmt}: use one of {', '.join(FORMATS)}")
    threshold = None if all_links else _settings(db).link_threshold
    with Store(_settings(db).db_url) as store:
        if fmt == "jsonl" and out is None:
            write_jsonl(store_records(store, threshold), sys.stdout)
        elif fmt == "jsonl":
            Path(out).mkdir(parents=True, exist_ok=True)
            target = Path(out) / "khabar.jsonl"
            tmp = target.with_suffix(".jsonl.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                n = write_jsonl(store_records(store, threshold), fh)
            tmp.replace(target)
            err.print(f"wrote {n} records to {target}")
        else:
            counts = write_tables(store_records(store, threshold), out or ".", fmt)
            err.print("wrote " + ", ".join(f"{n} {kind}" for kind, n in counts.items()) + f" to {out or '.'}")


@app.command()
def report(db: DbOption = None,
           actor: Annotated[str | None, typer.Option("--actor", help="A dossier of one actor instead (name or alias).")] = None,
           all_links: AllLinks = False) -> None:
    """Print a readable report of the store, or the dossier of one actor.

    Examples: khabar report --db khabar.db; khabar report --actor "Rahmon"
    """
    from khabar.report import dossier, find_actor, print_report
    from khabar.store import Store

    console = Console(width=max(100, Console().width))
    with Store(_settings(db).db_url) as store:
        if actor is None:
            print_report(store, console, None if all_links else _settings(db).link_threshold)
            return
        found = find_actor(store, actor)
        if found is None:
            raise KhabarError(f"--actor {actor!r}: no such actor in {_settings(db).db_url}")
        console.print(dossier(store, found))


@app.command()
def serve(db: DbOption = None,
          host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the server to the network.")] = "127.0.0.1",
          port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
          private: Annotated[bool, typer.Option("--private", help="Reading needs a token too (browsers log in at /login).")] = False) -> None:
    """Serve the web workbench and the HTTP API over a store.

    Writes need a bearer token: KHABAR_TOKEN, or one made with 'khabar token create'.
    Example: KHABAR_TOKEN=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))') khabar serve --db team.db
    """
    import os
    import socket

    import uvicorn

    from khabar.web import create_app

    settings = _settings(db)
    try:  # a port in use is one line, before the server starts
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        raise KhabarError(f"{host}:{port}: cannot listen ({exc.strerror or exc})") from None
    application = create_app(settings.db_url, token=os.environ.get("KHABAR_TOKEN") or None, private=private, settings=settings)
    writes = "writes need a token" if os.environ.get("KHABAR_TOKEN") else "writes need a stored token (khabar token create)"
    err.print(f"khabar: serving {settings.db_url} at http://{host}:{port}/ ({writes}{'; reads too' if private else ''}); Ctrl+C stops",
              highlight=False, markup=False, soft_wrap=True)
    uvicorn.run(application, host=host, port=port, log_level="warning")


token_app = typer.Typer(no_args_is_help=True, help="Bearer tokens for the HTTP API's writes (kept hashed in the store).")
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="Who or what the token is for.")], db: DbOption = None) -> None:
    """Make a token; it is printed once and only its hash is stored.

    Example: khabar token create ingest-bot --db team.db
    """
    from khabar.store import Store
    from khabar.store.tokens import create_token

    with Store(_settings(db).db_url) as store:
        token_id, token = create_token(store, name)
    err.print(f"token {token_id} ({name}) created; it is shown once, keep it now:", highlight=False, markup=False, soft_wrap=True)
    print(token)


@token_app.command("revoke")
def token_revoke(id_or_name: Annotated[str, typer.Argument(help="The token's id or name.")], db: DbOption = None) -> None:
    """Revoke tokens by id or name; they stop working at once.

    Example: khabar token revoke ingest-bot --db team.db
    """
    from khabar.store import Store
    from khabar.store.tokens import revoke_token

    with Store(_settings(db).db_url) as store:
        n = revoke_token(store, id_or_name)
    if not n:
        raise KhabarError(f"{id_or_name}: no live token has this id or name")
    err.print(f"revoked {n} token(s)", highlight=False)


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List tokens: id, name, when made, when revoked (never the tokens themselves).

    Example: khabar token list --db team.db
    """
    from khabar.store import Store
    from khabar.store.tokens import list_tokens

    with Store(_settings(db).db_url) as store:
        for t in list_tokens(store):
            revoked = f"revoked {t.revoked_at:%Y-%m-%d %H:%M}" if t.revoked_at else "live"
            print(f"{t.id}\t{t.name}\t{t.created_at:%Y-%m-%d %H:%M}\t{revoked}")


def main() -> None:
    try:
        app()
    except KhabarError as exc:
        _say_error(exc)
        sys.exit(2)
    except SQLAlchemyError as exc:
        err.print(f"khabar: database error: {str(exc).splitlines()[0]}", markup=False, highlight=False, soft_wrap=True)
        sys.exit(2)
    except KeyboardInterrupt:
        err.print("khabar: interrupted; everything stored so far is kept")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
