"""The JSON API under ``/api/``: every HTML page's twin, plus ``POST /api/pages`` for submissions."""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from marsad.errors import MarsadError, UsageError
from marsad.records import page_from_dict
from marsad.store import queries
from marsad.store.search import search as run_search
from marsad.store.validate import validate_page
from marsad.store.writer import Store
from marsad.web.deps import DB, FilterParams, PageNo, PerPage, export

router = APIRouter(prefix="/api", tags=["api"])

ListFormat = Annotated[Literal["json", "csv", "jsonl"], Query(description="json, or csv/jsonl to export all rows")]
Q = Annotated[str, Query(min_length=1, max_length=500, description='words, "a phrase", -excluded')]


@router.get("/stats", summary="What the store holds")
def api_stats(con: DB) -> dict:
    return queries.stats(con)


@router.get("/search", summary="Ranked Arabic-aware full-text search")
def api_search(con: DB, q: Q, f: FilterParams, limit: Annotated[int, Query(ge=1, le=200)] = 20,
               offset: Annotated[int, Query(ge=0, le=10_000)] = 0, facets: bool = False) -> dict:
    return run_search(con, q, filters=f, limit=limit, offset=offset, total=True, facets=facets)


@router.get("/articles", summary="Articles, newest first, with filters and pagination")
def api_articles(request: Request, con: DB, f: FilterParams, page: PageNo = 1, per_page: PerPage = 20,
                 format: ListFormat = "json"):
    if format != "json":
        return export(request.app.state.db_path, lambda c: queries.iter_articles(c, f), format, "articles")
    return queries.list_articles(con, f, page=page, per_page=per_page)


@router.get("/articles/{article_id}", summary="One article as stored, with its page and related articles")
def api_article(con: DB, article_id: str) -> dict:
    found = queries.get_article(con, article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return found


@router.get("/pages/{sha256}", summary="One stored page, exactly as analysed (marsad.page/1)")
def api_page(con: DB, sha256: Annotated[str, Path(pattern="^[0-9a-f]{64}$")]) -> dict:
    found = queries.get_page(con, sha256)
    if found is None:
        raise HTTPException(404, f"no page {sha256!r}")
    return found


@router.get("/actors", summary="Linked actors, most written-about first")
def api_actors(request: Request, con: DB, q: Annotated[str | None, Query(max_length=100)] = None,
               type: Annotated[str | None, Query(max_length=8)] = None,
               country: Annotated[str | None, Query(max_length=8)] = None, page: PageNo = 1,
               per_page: PerPage = 50, format: ListFormat = "json"):
    if format != "json":
        return export(request.app.state.db_path,
                      lambda c: queries.iter_actors(c, q=q, type=type, country=country), format, "actors")
    return queries.list_actors(con, q=q, type=type, country=country, page=page, per_page=per_page)


@router.get("/actors/{actor_id:path}", summary="An actor: quotes, events, co-occurring actors, timeline")
def api_actor(con: DB, actor_id: str) -> dict:
    found = queries.get_actor(con, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor {actor_id!r}")
    return found


@router.get("/events", summary="Events (PLOVER), filterable by type, date, country, actor, outlet")
def api_events(request: Request, con: DB, f: FilterParams, page: PageNo = 1, per_page: PerPage = 50,
               format: ListFormat = "json"):
    if format != "json":
        return export(request.app.state.db_path, lambda c: queries.iter_events(c, f), format, "events")
    return queries.list_events(con, f, page=page, per_page=per_page)


@router.get("/quotes", summary="Quotes, filterable by speaker, actor, date, outlet")
def api_quotes(request: Request, con: DB, f: FilterParams, page: PageNo = 1, per_page: PerPage = 50,
               format: ListFormat = "json"):
    if format != "json":
        return export(request.app.state.db_path, lambda c: queries.iter_quotes(c, f), format, "quotes")
    return queries.list_quotes(con, f, page=page, per_page=per_page)


@router.get("/failures", summary="Inputs that could not be ingested")
def api_failures(con: DB) -> list[dict]:
    return queries.list_failures(con)


_SUBMIT_SCHEMA = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": {
            "description": "A Marsad page (marsad.page/1), a list of pages, or {text, uri?, published?} to analyse.",
            "oneOf": [{"type": "object"}, {"type": "array", "items": {"type": "object"}}]}}},
    },
    "responses": {"201": {"description": "stored"}, "401": {"description": "missing or wrong token"},
                  "403": {"description": "submissions disabled"}, "413": {"description": "too large"},
                  "422": {"description": "not a valid page"}},
}


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise HTTPException(413, f"request body larger than {limit} bytes")
        except ValueError:
            raise HTTPException(400, "bad Content-Length") from None
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _to_pages(data) -> list:
    items = data if isinstance(data, list) else [data]
    if not items or len(items) > 1000:
        raise UsageError("send between 1 and 1000 pages")
    pages = []
    for i, d in enumerate(items):
        if not isinstance(d, dict):
            raise UsageError(f"item {i}: expected a JSON object")
        if "source" not in d and isinstance(d.get("text"), str):
            try:
                from marsad import analyze
            except ImportError as exc:
                raise UsageError(f"item {i}: raw text needs the analysis pipeline ({exc})") from exc
            try:
                pages.append(analyze(d["text"], uri=d.get("uri"), published=d.get("published")))
            except MarsadError as exc:
                raise UsageError(f"item {i}: {exc}") from exc
            continue
        try:
            page = page_from_dict(d)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise UsageError(f"item {i}: not a marsad.page/1 record ({type(exc).__name__}: {exc})") from exc
        validate_page(page, where=f"item {i}")
        pages.append(page)
    return pages


@router.post("/pages", status_code=201, openapi_extra=_SUBMIT_SCHEMA,
             summary="Submit pages (needs MARSAD_TOKEN as a bearer token)")
async def api_submit(request: Request):
    token = request.app.state.token
    if not token:
        raise HTTPException(403, "submissions are disabled (start the server with MARSAD_TOKEN set)")
    auth = request.headers.get("authorization", "")
    scheme, _, given = auth.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
        return JSONResponse({"detail": "a valid bearer token is required"}, status_code=401,
                            headers={"WWW-Authenticate": "Bearer"})
    body = await _read_limited(request, request.app.state.max_body)
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise HTTPException(400, f"body is not JSON: {exc}") from None
    pages = await run_in_threadpool(_to_pages, data)

    def write():
        with Store(request.app.state.db_path) as store:
            return store.add_pages(pages)

    added, rejected = await run_in_threadpool(write)
    if rejected:
        raise HTTPException(409, "; ".join(str(e) for e in rejected))
    added_set = set(added)
    return {"stored": len(added), "skipped": len(pages) - len(added),
            "articles": [a.id for p in pages if p.source.sha256 in added_set for a in p.articles],
            "pages": [p.source.sha256 for p in pages]}
