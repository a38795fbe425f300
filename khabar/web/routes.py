"""Routes: each page of the workbench next to its JSON twin under ``/api`` (same data, from ``views``)."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import UploadFile

from khabar.web import views
from khabar.web.app import Web
from khabar.web.auth import COOKIE
from khabar.web.ingest import Refused, Submission, from_json
from khabar.web.marks import Span, marked

router = APIRouter()
bearer = HTTPBearer(auto_error=False, description="A token from KHABAR_TOKEN or `khabar token create`; needed for writes, "
                                                   "and for reads when the server runs --private.")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]


def reader(request: Request, _: Credentials) -> Web:
    web: Web = request.app.state.web
    web.gate.check(request, write=False)
    return web


def writer(request: Request, _: Credentials) -> Web:
    web: Web = request.app.state.web
    web.gate.check(request, write=True)
    return web


Reader = Annotated[Web, Depends(reader)]
Writer = Annotated[Web, Depends(writer)]


def render(web: Web, request: Request, template: str, data: dict[str, Any], status: int = 200, **extra: Any) -> Response:
    """A page; an htmx request for a page with a partial (``_name.html``) gets the partial alone."""
    if request.headers.get("hx-request") and "partial" in extra:
        template = extra["partial"]
    return web.templates.TemplateResponse(request, template, {"data": data, "private": web.gate.private, **extra},
                                          status_code=status)


def _json(data: dict[str, Any]) -> Response:
    """The page's data as JSON: it is made of JSON types already, so it is written at once (FastAPI's encoder
    would walk it again, the slowest part of a large answer)."""
    return JSONResponse(data)


def _found(data: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if data is None:
        raise HTTPException(404, f"{what}: not found")
    return data


# --- overview -----------------------------------------------------------------------
@router.get("/api/overview", tags=["read"], summary="Counts, latest documents, main actors, events by month, rhetoric vs reality")
def api_overview(web: Reader) -> Response:
    return _json(views.overview(web.store))


@router.get("/", include_in_schema=False)
def page_overview(request: Request, web: Reader) -> Response:
    return render(web, request, "overview.html", views.overview(web.store), page="overview")


# --- search -------------------------------------------------------------------------
@router.get("/api/search", tags=["read"], summary="Full-text search over documents and actor names, with filters, paginated")
def api_search(web: Reader, query: Annotated[views.SearchQuery, Query()]) -> Response:
    return _json(views.search(web.store, query))


@router.get("/search", include_in_schema=False)
def page_search(request: Request, web: Reader, query: Annotated[views.SearchQuery, Query()]) -> Response:
    return render(web, request, "search.html", views.search(web.store, query), page="search",
                  options=views.options(web.store), partial="_search_results.html")


# --- documents ----------------------------------------------------------------------
@router.get("/api/documents/{doc_id}", tags=["read"], summary="A document, every record extracted from it, its links")
def api_document(doc_id: str, web: Reader) -> Response:
    return _json(_found(views.document(web.store, doc_id), f"document {doc_id}"))


@router.get("/documents/{doc_id}", include_in_schema=False)
def page_document(doc_id: str, request: Request, web: Reader) -> Response:
    data = _found(views.document(web.store, doc_id), f"document {doc_id}")
    spans = [Span(m["start"], m["end"], "entity", m["entity"]) for m in data["mentions"]]
    spans += [Span(i["start"], i["end"], kind, i["id"]) for kind in views.ITEM_KINDS for i in data[kind]]
    records = {e["id"]: {**e, "record": "entity"} for e in data["entities"]}
    records.update({i["id"]: i for kind in views.ITEM_KINDS for i in data[kind]})
    return render(web, request, "document.html", data, page="document", text=marked(data["document"]["text"], spans),
                  records=records)


ARTICLE = {"type": "object", "title": "Article", "description": "An article and its text (fields kept as given, as in JSON Lines "
           "input); or only a `url`, fetched and read like `khabar ingest URL`.", "properties": {
    "text": {"type": "string"}, "url": {"type": "string"}, "title": {"type": "string"},
    "published": {"type": "string", "description": "ISO date; relative dates in the text resolve against it"},
    "authors": {"type": "array", "items": {"type": "string"}}, "publisher": {"type": "string"}, "language": {"type": "string"},
    "id": {"type": "string"}}}
SUBMIT_BODY = {"requestBody": {"required": True, "content": {
    "application/json": {"schema": {"oneOf": [ARTICLE, {"type": "array", "items": ARTICLE}]}},
    "multipart/form-data": {"schema": {"type": "object", "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}, "description": "Articles: .txt, .md, .html, .jsonl, feeds, WARC"},
        "urls": {"type": "string", "description": "http(s) URLs of articles or feeds, one per line"},
        "text": {"type": "string"}, "title": {"type": "string"}, "url": {"type": "string"}, "published": {"type": "string"}}}}}}}


@router.post("/api/documents", tags=["write"], status_code=201, openapi_extra=SUBMIT_BODY,
             summary="Ingest articles (JSON, uploaded files or URLs) through the khabar ingest pipeline",
             responses={200: {"description": "Everything was already stored"}, 401: {"description": "No token"},
                        403: {"description": "Wrong token, or writes disabled"}, 413: {"description": "Over KHABAR_MAX_BYTES"},
                        422: {"description": "No input could be ingested; `error` says why"}})
async def api_submit(request: Request, web: Writer) -> Response:
    sub = await _submission(request)
    try:
        outcome = await run_in_threadpool(web.ingestor.run, sub)
    except Refused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    docs = [{**d, "records": views.document_records(web.store, d["id"])} for d in outcome.documents]
    if not docs:
        return JSONResponse({"error": outcome.errors[0] if outcome.errors else "khabar: request: nothing stored",
                             "errors": outcome.errors}, status_code=422)
    status = 201 if any(d["status"] in ("added", "revised") for d in docs) else 200
    return JSONResponse({"id": docs[0]["id"], "documents": docs, "errors": outcome.errors}, status_code=status)


async def _submission(request: Request) -> Submission:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json":
        try:
            return from_json(json.loads(await request.body()))
        except ValueError as exc:
            raise HTTPException(422, f"request: not JSON ({exc})") from None
    if ctype in ("multipart/form-data", "application/x-www-form-urlencoded"):
        form = await request.form(max_files=200, max_fields=50, max_part_size=request.app.state.web.settings.max_bytes)
        files = [(f.filename or "upload", await f.read()) for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename]
        urls = [u for value in form.getlist("urls") if isinstance(value, str) for u in value.split()]
        text = form.get("text")
        records = []
        if isinstance(text, str) and text.strip():
            fields = {k: v.strip() for k in ("title", "url", "published", "publisher") if isinstance(v := form.get(k), str) and v.strip()}
            records.append({"text": text, **fields})
        return Submission(files=files, records=records, urls=urls)
    raise HTTPException(415, f"request: send application/json or multipart/form-data, not {ctype or 'no content type'}")


# --- actors ---------------------------------------------------------------------------
@router.get("/api/actors/{entity_id}", tags=["read"], summary="An actor's dossier: events over time, statements, figures, relations")
def api_actor(entity_id: str, web: Reader) -> Response:
    return _json(_found(views.actor(web.store, entity_id), f"actor {entity_id}"))


@router.get("/actors/{entity_id}", include_in_schema=False)
def page_actor(entity_id: str, request: Request, web: Reader) -> Response:
    data = _found(views.actor(web.store, entity_id), f"actor {entity_id}")
    return render(web, request, "actor.html", data, page="actor", graph=_layout(data["graph"]))


def _layout(graph: dict[str, Any], size: int = 440) -> dict[str, Any]:
    """Places the actor in the middle and its counterparts on a circle (SVG coordinates)."""
    import math

    others = [n for n in graph["nodes"] if not n["center"]]
    mid, radius = size / 2, size / 2 - 70
    at = {n["id"]: (mid, mid) for n in graph["nodes"] if n["center"]}
    for k, n in enumerate(others):
        angle = 2 * math.pi * k / max(1, len(others)) - math.pi / 2
        at[n["id"]] = (round(mid + radius * math.cos(angle), 1), round(mid + radius * math.sin(angle), 1))
    nodes = [{**n, "x": at[n["id"]][0], "y": at[n["id"]][1]} for n in graph["nodes"]]
    edges = []
    for e in graph["edges"]:
        (x1, y1), (x2, y2) = at[e["source"]], at[e["target"]]
        back = any(o["source"] == e["target"] and o["target"] == e["source"] for o in graph["edges"])
        bend = 18 if back else 0  # both directions: two arcs instead of one line drawn twice
        mx, my = (x1 + x2) / 2 - (y2 - y1) * bend / 200, (y1 + y2) / 2 + (x2 - x1) * bend / 200
        edges.append({**e, "path": f"M{x1},{y1} Q{mx:.1f},{my:.1f} {x2},{y2}", "width": min(6, 1 + e["count"])})
    return {"size": size, "nodes": nodes, "edges": edges}


# --- events ---------------------------------------------------------------------------
@router.get("/api/events", tags=["read"], summary="Events, filtered and paginated (json), or all of the filter as csv or jsonl")
def api_events(web: Reader, query: Annotated[views.EventQuery, Query()],
               format: Annotated[Literal["json", "csv", "jsonl"], Query(description="json: one page; csv, jsonl: every match")] = "json"
               ) -> Any:
    if format == "json":
        return _json(views.events(web.store, query))
    chunks = views.all_events(web.store, query)  # a thousand rows a chunk: each chunk is one hop to a worker thread
    body = _csv(chunks) if format == "csv" else ("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows) for rows in chunks)
    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    return StreamingResponse(body, media_type=media, headers={"content-disposition": f'attachment; filename="khabar-events.{format}"'})


CSV_COLUMNS = ["id", "doc", "date_label", "type", "quad", "mode", "source_name", "target_name", "trigger", "publisher",
               "published", "title", "source", "target", "cameo", "start", "end"]


def _csv(chunks: Iterator[list[dict[str, Any]]]) -> Iterator[str]:
    buf = io.StringIO()
    out = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore")
    out.writeheader()
    for rows in chunks:
        out.writerows(rows)
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()
    yield buf.getvalue()


@router.get("/events", include_in_schema=False)
def page_events(request: Request, web: Reader, query: Annotated[views.EventQuery, Query()]) -> Response:
    return render(web, request, "events.html", views.events(web.store, query), page="events",
                  options=views.options(web.store), partial="_events_table.html")


# --- figures --------------------------------------------------------------------------
@router.get("/api/figures", tags=["read"], summary="Figure series (each point with source and sentence) and contradictions")
def api_figures(web: Reader, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    return _json(views.figures(web.store, page))


@router.get("/figures", include_in_schema=False)
def page_figures(request: Request, web: Reader, page: Annotated[int, Query(ge=1, le=100_000)] = 1) -> Response:
    return render(web, request, "figures.html", views.figures(web.store, page), page="figures")


# --- ingest form and jobs -------------------------------------------------------------------
@router.get("/ingest", include_in_schema=False)
def page_ingest(request: Request, web: Reader) -> Response:
    return render(web, request, "ingest.html", {"max_bytes": web.settings.max_bytes}, page="ingest")


@router.post("/api/jobs", tags=["write"], status_code=202, openapi_extra=SUBMIT_BODY,
             summary="Ingest in the background (as the ingest form does); poll /api/jobs/{id} for progress")
async def api_start_job(request: Request, web: Writer) -> dict[str, Any]:
    return _job(web, web.ingestor.start(await _checked(request, web)))


@router.get("/api/jobs/{job_id}", tags=["write"], summary="Progress of a background ingestion: documents stored, errors")
def api_job(job_id: str, web: Writer) -> dict[str, Any]:
    return _job(web, job_id)


@router.post("/ingest/jobs", include_in_schema=False)
async def form_start_job(request: Request, web: Writer) -> Response:
    job_id = web.ingestor.start(await _checked(request, web))
    return render(web, request, "_job.html", _job(web, job_id))


@router.get("/ingest/jobs/{job_id}", include_in_schema=False)
def form_job(job_id: str, request: Request, web: Writer) -> Response:
    return render(web, request, "_job.html", _job(web, job_id))


async def _checked(request: Request, web: Web) -> Submission:
    sub = await _submission(request)
    try:
        sub.check(web.settings)
    except Refused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return sub


def _job(web: Web, job_id: str) -> dict[str, Any]:
    return _found(web.ingestor.job(job_id), f"job {job_id}")


# --- login (for --private servers) and the API's own page --------------------------------
@router.get("/login", include_in_schema=False)
def page_login(request: Request, next: str = "/") -> Response:
    web: Web = request.app.state.web
    return render(web, request, "login.html", {}, next=next)


@router.post("/login", include_in_schema=False)
def do_login(request: Request, token: Annotated[str, Form()], next: Annotated[str, Form()] = "/") -> Response:
    web: Web = request.app.state.web
    if not web.gate.valid(token.strip()):
        return render(web, request, "login.html", {}, status=403, next=next, error="khabar: login: the token is not valid")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


@router.post("/logout", include_in_schema=False)
def do_logout() -> Response:
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(COOKIE)
    return response


@router.get("/api", include_in_schema=False)
def page_api(request: Request) -> Response:
    web: Web = request.app.state.web
    spec = request.app.openapi()
    endpoints = [{"method": method.upper(), "path": path, **op} for path, ops in spec["paths"].items() for method, op in ops.items()]
    return render(web, request, "api.html", {"endpoints": endpoints, "schemas": spec.get("components", {}).get("schemas", {})},
                  page="api")
