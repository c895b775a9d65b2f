"""Shared pieces of the web app: the read-only connection per request, filter parameters, exports."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable, Iterator
from typing import Annotated, Literal

from fastapi import Depends, Query, Request
from fastapi.responses import StreamingResponse

from marsad.store.filters import Filters
from marsad.store.schema import connect_reader


def get_db(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection (``mode=ro``) for the duration of one request."""
    con = connect_reader(request.app.state.db_path)
    try:
        yield con
    finally:
        con.close()


DB = Annotated[sqlite3.Connection, Depends(get_db)]

Text = Annotated[str | None, Query(max_length=200)]


def filter_params(
    date_from: Annotated[str | None, Query(alias="from", max_length=10, description="YYYY[-MM[-DD]]")] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=10, description="YYYY[-MM[-DD]]")] = None,
    outlet: Text = None,
    actor: Text = None,
    event_type: Annotated[str | None, Query(max_length=20, description="PLOVER type, e.g. ACCUSE")] = None,
    speaker: Text = None,
    country: Annotated[str | None, Query(max_length=8, description="ISO 3166-1 alpha-3")] = None,
    role: Annotated[Literal["main", "related"] | None, Query()] = None,
) -> Filters:
    return Filters.make(date_from=date_from, date_to=date_to, outlet=outlet, actor=actor, event_type=event_type,
                        speaker=speaker, country=country, role=role)


FilterParams = Annotated[Filters, Depends(filter_params)]
PageNo = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=200)]

CSV_SAFE = ("=", "+", "-", "@", "\t", "\r")


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        v = json.dumps(v, ensure_ascii=False)
    s = str(v)
    # Spreadsheet formula injection: a cell starting with = + - @ is prefixed with a quote.
    return "'" + s if s.startswith(CSV_SAFE) else s


def export(db_path: str, rows: Callable[[sqlite3.Connection], Iterator[dict]], fmt: str, name: str):
    """Stream every row of a listing as CSV or JSONL, on a connection of its own."""

    def gen() -> Iterator[str]:
        con = connect_reader(db_path)
        try:
            it = rows(con)
            if fmt == "jsonl":
                for r in it:
                    yield json.dumps(r, ensure_ascii=False) + "\n"
                return
            buf = io.StringIO()
            w = None
            for r in it:
                if w is None:
                    w = csv.DictWriter(buf, fieldnames=list(r), extrasaction="ignore")
                    buf.write("\ufeff")  # so spreadsheet programs read the Arabic as UTF-8
                    w.writeheader()
                w.writerow({k: _cell(v) for k, v in r.items()})
                if buf.tell() > 65536:
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()
        finally:
            con.close()

    media = "text/csv; charset=utf-8" if fmt == "csv" else "application/x-ndjson; charset=utf-8"
    return StreamingResponse(gen(), media_type=media,
                             headers={"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
