"""The FastAPI application: JSON API under ``/api/``, HTML pages at ``/``, OpenAPI docs at ``/docs``.

The app reads through read-only connections (``mode=ro``); only ``POST /api/pages``, enabled by a token,
opens a separate writer connection.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad import __version__
from marsad.errors import MarsadError, UsageError
from marsad.store.schema import connect_reader, connect_writer

HERE = Path(__file__).parent
MAX_BODY = 2_000_000


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/openapi.json",)


def _error(request: Request, status: int, detail) -> HTMLResponse | JSONResponse:
    if _wants_json(request):
        return JSONResponse({"detail": detail}, status_code=status)
    msg = detail if isinstance(detail, str) else "; ".join(
        f"{'.'.join(str(x) for x in d.get('loc', ())[1:])}: {d.get('msg')}" for d in detail)
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": msg, "query": {}, "api_url": None},
        status_code=status)


def create_app(db_path: str | Path, *, token: str | None = None, max_body: int = MAX_BODY) -> FastAPI:
    """Build the app over the store at ``db_path``. With ``token``, ``POST /api/pages`` accepts pages
    from clients that send it as a bearer token; without, submissions are refused (403)."""
    db_path = str(db_path)
    if not Path(db_path).is_file():
        if not token:
            raise UsageError("no Marsad database here; run `marsad ingest` first", source=db_path)
        connect_writer(db_path).close()  # an empty store that submissions will fill
    connect_reader(db_path).close()  # fail now, not on the first request, if it is not a store

    app = FastAPI(title="Marsad", version=__version__,
                  description="Arabic news observatory: articles, entities, quotes and PLOVER events.")
    app.state.db_path = db_path
    app.state.token = token
    app.state.max_body = max_body
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True  # every template, whatever its extension
    app.state.templates = templates

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        resp = _error(request, exc.status_code, exc.detail)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        return _error(request, 422, [{k: v for k, v in e.items() if k in ("loc", "msg", "type")}
                                     for e in exc.errors()])

    @app.exception_handler(UsageError)
    async def usage_error(request: Request, exc: UsageError):
        return _error(request, 400, exc.message)

    @app.exception_handler(MarsadError)
    async def marsad_error(request: Request, exc: MarsadError):
        return _error(request, 400, str(exc))

    @app.exception_handler(UnicodeError)
    async def unicode_error(request: Request, exc: UnicodeError):
        return _error(request, 400, "parameters must be valid UTF-8 text")

    @app.exception_handler(sqlite3.OperationalError)
    async def db_busy(request: Request, exc: sqlite3.OperationalError):
        if "locked" in str(exc) or "busy" in str(exc):
            return _error(request, 503, "the database is busy, try again")
        raise exc

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        resp = await call_next(request)
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "same-origin")
        if resp.headers.get("content-type", "").startswith("text/html") and not request.url.path.startswith(
                ("/docs", "/redoc")):
            resp.headers.setdefault("Content-Security-Policy",
                                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline';"
                                    " script-src 'self'; frame-ancestors 'none'")
        return resp

    from marsad.web import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    return app
