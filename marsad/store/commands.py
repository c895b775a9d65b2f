"""The ``ingest``, ``search``, ``status`` and ``serve`` sub-commands; ``marsad.cli`` calls :func:`register`.

Each handler returns an exit code: 0 ok, 1 some inputs failed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from marsad.errors import UsageError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def db_path(args) -> str:
    """``--db``, else ``$MARSAD_DB``, else ``./marsad.db``."""
    return args.db or os.environ.get("MARSAD_DB") or "marsad.db"


def _usage(exc: UsageError) -> int:
    sys.stderr.write(f"marsad: error: {exc}\n")
    return EXIT_USAGE


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="FILE", help="SQLite store (default: $MARSAD_DB or ./marsad.db)")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="date_from", metavar="DATE", help="published on or after (YYYY[-MM[-DD]])")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="published on or before (YYYY[-MM[-DD]])")
    p.add_argument("--outlet", metavar="X", help="only articles from this outlet")
    p.add_argument("--actor", metavar="ID", help="only articles naming this actor (e.g. marsad:per/…)")
    p.add_argument("--event-type", metavar="T", help="only articles with an event of this PLOVER type")
    p.add_argument("--speaker", metavar="ID", help="only articles quoting this actor")


def register(subparsers) -> None:
    """Add ``ingest``, ``search``, ``status`` and ``serve`` to the ``marsad`` command."""
    p = subparsers.add_parser("ingest", help="analyse inputs and store them in the database")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, archives, JSONL")
    _add_db(p)
    p.add_argument("--retry-failed", action="store_true", help="re-run the inputs that failed before")
    p.add_argument("--published", metavar="DATE", help="publication date to assume when a page gives none")
    p.add_argument("--plain", action="store_true", help="input has no page structure: the text is one body")
    p.add_argument("--text-field", metavar="F", help="JSONL/CSV column with the text")
    p.add_argument("--html-field", metavar="F", help="JSONL/CSV column with HTML")
    p.add_argument("--lang-any", action="store_true", help="process pages that are not Arabic")
    p.add_argument("--max-bytes", type=int, metavar="N", help="largest file to read")
    p.add_argument("--batch-size", type=int, default=64, metavar="N", help="pages per transaction")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar, no summary")
    p.set_defaults(handler=cmd_ingest)

    p = subparsers.add_parser("search", help="full-text search of stored articles")
    p.add_argument("query", nargs="+", metavar="QUERY", help='words (ANDed), "a phrase", -excluded')
    _add_db(p)
    p.add_argument("--format", choices=["table", "json"], default="table")
    _add_filters(p)
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser("status", help="what the database holds, recent runs and failed inputs")
    _add_db(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(handler=cmd_status)

    p = subparsers.add_parser("serve", help="serve the web UI and the JSON API")
    _add_db(p)
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000)
    p.set_defaults(handler=cmd_serve)


def cmd_ingest(args) -> int:
    from marsad.store.ingest import ingest

    opts = {k: getattr(args, k) for k in ("published", "text_field", "html_field", "max_bytes")
            if getattr(args, k, None) is not None}
    for flag in ("plain", "lang_any"):
        if getattr(args, flag, False):
            opts[flag] = True
    try:
        report = ingest(args.paths, db_path(args), retry_failed=args.retry_failed, analyzer_opts=opts,
                        batch_size=max(1, args.batch_size), progress=False if args.quiet else None,
                        analyzer=getattr(args, "analyzer", None))
    except UsageError as exc:
        return _usage(exc)
    for err in report.errors:
        sys.stderr.write(json.dumps(err.to_dict(), ensure_ascii=False) + "\n")
    if not args.quiet:
        sys.stderr.write(f"marsad: {report.summary()}\n")
    return EXIT_SOME_FAILED if report.failed else EXIT_OK


def cmd_search(args) -> int:
    from marsad.store.filters import Filters
    from marsad.store.schema import connect_reader
    from marsad.store.search import search

    try:
        if args.limit < 1:
            raise UsageError("--limit must be at least 1")
        f = Filters.make(date_from=args.date_from, date_to=args.date_to, outlet=args.outlet, actor=args.actor,
                         event_type=args.event_type, speaker=args.speaker)
        con = connect_reader(db_path(args))
        try:
            result = search(con, " ".join(args.query), filters=f, limit=args.limit)
        finally:
            con.close()
    except UsageError as exc:
        return _usage(exc)
    hits = [{k: h[k] for k in ("article_id", "title", "published", "outlet", "snippet", "score")}
            for h in result["hits"]]
    out = sys.stdout
    if args.format == "json":
        out.write(json.dumps(hits, ensure_ascii=False, indent=2) + "\n")
    else:
        if not hits:
            out.write("no matches\n")
        for i, h in enumerate(hits, 1):
            out.write(f"{i:>3}. {h['article_id']}  {h['published'] or '—'}  {h['outlet'] or '—'}  "
                      f"{h['title'] or '(untitled)'}\n     {h['snippet']}\n")
    out.flush()
    return EXIT_OK


def cmd_status(args) -> int:
    from marsad.store import queries
    from marsad.store.schema import connect_reader

    try:
        con = connect_reader(db_path(args))
    except UsageError as exc:
        return _usage(exc)
    try:
        st = queries.stats(con)
        runs = queries.last_runs(con)
        fails = queries.list_failures(con)
    finally:
        con.close()
    if args.format == "json":
        print(json.dumps({"db": db_path(args), "stats": st, "runs": runs, "failures": fails},
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"database  {db_path(args)}")
    for k in ("pages", "articles", "entities", "actors", "quotes", "events", "time_expressions"):
        print(f"{k:<17} {st[k]}")
    print(f"{'dates':<17} {st['first_day'] or '—'} … {st['last_day'] or '—'}")
    if runs:
        print("recent runs:")
        for r in runs:
            print(f"  #{r['id']} {r['started']} stored {r['stored']} skipped {r['skipped']} failed {r['failed']}"
                  f"{'' if r['finished'] else ' (interrupted)'}  {r['args'] or ''}")
    print(f"failures          {len(fails)}" + ("  (retry with: marsad ingest --retry-failed)" if fails else ""))
    for f in fails:
        print(f"  [{f['code']}] {f['source']}: {f['error']} (attempts: {f['attempts']})")
    return EXIT_OK


def cmd_serve(args) -> int:
    import uvicorn

    from marsad.web import create_app

    try:
        app = create_app(db_path(args), token=os.environ.get("MARSAD_TOKEN") or None)
    except UsageError as exc:
        return _usage(exc)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.stderr.write(f"marsad: warning: serving on {args.host}, reachable from other machines\n")
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return EXIT_OK
