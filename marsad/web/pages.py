"""Server-rendered HTML pages (Jinja2, RTL Arabic). Each has a JSON twin under ``/api/``."""

from __future__ import annotations

from typing import Annotated, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse

from marsad.errors import UsageError
from marsad.store import queries
from marsad.store.filters import EVENT_TYPES, Filters
from marsad.store.search import search as run_search
from marsad.web.deps import DB, FilterParams, PageNo, export
from marsad.web.render import EVENT_COLORS, actor_url, annotate, network_svg, snippet_html, timeline_svg

router = APIRouter(include_in_schema=False)

HtmlFormat = Annotated[Literal["html", "csv", "jsonl"], Query()]
PER_PAGE = 25


def _render(request: Request, name: str, **ctx) -> HTMLResponse:
    templates = request.app.state.templates
    base = {k: v for k, v in request.query_params.items() if k not in ("page", "format")}

    def url_with(**changes) -> str:
        params = {**base, **{k: v for k, v in changes.items()}}
        params = {k: v for k, v in params.items() if v not in (None, "")}
        return request.url.path + ("?" + urlencode(params) if params else "")

    return templates.TemplateResponse(request, name, {
        "url_with": url_with, "query": base, "actor_url": actor_url, "event_colors": EVENT_COLORS,
        "event_types": EVENT_TYPES, "api_url": "/api" + request.url.path.rstrip("/") + (
            "?" + request.url.query if request.url.query else ""), **ctx})


@router.get("/", response_class=HTMLResponse)
def home(request: Request, con: DB):
    st = queries.stats(con)
    recent = queries.list_articles(con, Filters(), per_page=10)["items"]
    actors = queries.list_actors(con, per_page=16)["items"]
    events = queries.list_events(con, Filters(), per_page=8)["items"]
    return _render(request, "home.html", stats=st, recent=recent, actors=actors, events=events,
                   api_url="/api/stats")


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, con: DB, f: FilterParams,
                q: Annotated[str | None, Query(max_length=500)] = None, page: PageNo = 1):
    result, error = None, None
    if q and q.strip():
        try:
            result = run_search(con, q, filters=f, limit=PER_PAGE, offset=(page - 1) * PER_PAGE, facets=True)
        except UsageError as exc:
            error = exc.message
        if result:
            for h in result["hits"]:
                h["snippet_html"] = snippet_html(h["snippet"], h["marks"])
    return _render(request, "search.html", q=q or "", result=result, error=error, page=page,
                   per_page=PER_PAGE, filters=f)


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, con: DB, f: FilterParams, page: PageNo = 1, format: HtmlFormat = "html"):
    if format != "html":
        return export(request.app.state.db_path, lambda c: queries.iter_articles(c, f), format, "articles")
    listing = queries.list_articles(con, f, page=page, per_page=PER_PAGE)
    st = queries.stats(con)
    return _render(request, "articles.html", listing=listing, page=page, filters=f, stats=st)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, con: DB, article_id: str):
    found = queries.get_article(con, article_id)
    if found is None:
        raise HTTPException(404, "لا يوجد مقال بهذا المعرف")
    art = found["article"]
    ents = {e["id"]: e for e in art.get("entities", [])}
    return _render(request, "article.html", a=art, page_info=found["page"], related=found["related"],
                   ents=ents, body_html=annotate(art))


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, con: DB, q: Annotated[str | None, Query(max_length=100)] = None,
                type: Annotated[str | None, Query(max_length=8)] = None,
                country: Annotated[str | None, Query(max_length=8)] = None, page: PageNo = 1,
                format: HtmlFormat = "html"):
    if format != "html":
        return export(request.app.state.db_path,
                      lambda c: queries.iter_actors(c, q=q, type=type, country=country), format, "actors")
    listing = queries.list_actors(con, q=q, type=type, country=country, page=page, per_page=50)
    return _render(request, "actors.html", listing=listing, page=page, q=q or "")


@router.get("/actors/{actor_id:path}", response_class=HTMLResponse)
def actor_page(request: Request, con: DB, actor_id: str):
    actor = queries.get_actor(con, actor_id)
    if actor is None:
        raise HTTPException(404, "لا يوجد فاعل بهذا المعرف")
    return _render(request, "actor.html", actor=actor,
                   timeline=timeline_svg(actor["timeline"], actor["event_timeline"]),
                   network=network_svg(actor, actor["cooccurring"], actor["links"]))


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, con: DB, f: FilterParams, page: PageNo = 1, format: HtmlFormat = "html"):
    if format != "html":
        return export(request.app.state.db_path, lambda c: queries.iter_events(c, f), format, "events")
    listing = queries.list_events(con, f, page=page, per_page=PER_PAGE)
    st = queries.stats(con)
    return _render(request, "events.html", listing=listing, page=page, filters=f, stats=st)


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, con: DB, f: FilterParams, page: PageNo = 1, format: HtmlFormat = "html"):
    if format != "html":
        return export(request.app.state.db_path, lambda c: queries.iter_quotes(c, f), format, "quotes")
    listing = queries.list_quotes(con, f, page=page, per_page=PER_PAGE)
    return _render(request, "quotes.html", listing=listing, page=page, filters=f)
