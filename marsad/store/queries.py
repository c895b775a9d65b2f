"""Read-side queries behind the API and the web pages: listings, one article, actors, events, quotes, stats.

Every function takes a read-only connection (``connect_reader``) and returns plain JSON-ready values.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator

from marsad.store.filters import Filters, article_conditions, day_bounds

MAX_PER_PAGE = 200
EXPORT_CAP = 100_000

ARTICLE_COLS = ("id", "role", "title", "published", "outlet", "credit", "page", "n_entities", "n_quotes",
                "n_events", "truncated")


def _page_args(page: int, per_page: int) -> tuple[int, int]:
    per_page = max(1, min(int(per_page), MAX_PER_PAGE))
    page = max(1, int(page))
    return per_page, (page - 1) * per_page


def _rows(cur: sqlite3.Cursor) -> list[dict]:
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, r)) for r in cur]


# -- articles -------------------------------------------------------------------------------------------
def _article_sql(f: Filters) -> tuple[str, list]:
    where, args = article_conditions(f)
    sql = ("SELECT a.id, a.role, a.title, a.published, a.outlet, a.credit, a.page, a.n_entities, a.n_quotes,"
           " a.n_events, a.truncated FROM articles a")
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, args


def list_articles(con: sqlite3.Connection, f: Filters, *, page: int = 1, per_page: int = 20) -> dict:
    """Articles matching ``f``, newest first, one page of them plus the total."""
    limit, offset = _page_args(page, per_page)
    sql, args = _article_sql(f)
    total = con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    items = _rows(con.execute(sql + " ORDER BY a.day IS NULL, a.day DESC, a.n DESC LIMIT ? OFFSET ?",
                              [*args, limit, offset]))
    for it in items:
        it["truncated"] = bool(it["truncated"])
    return {"total": total, "page": page, "per_page": limit, "items": items}


def iter_articles(con: sqlite3.Connection, f: Filters, *, limit: int = EXPORT_CAP) -> Iterator[dict]:
    sql, args = _article_sql(f)
    cur = con.execute(sql + " ORDER BY a.day IS NULL, a.day DESC, a.n DESC LIMIT ?", [*args, limit])
    cols = [c[0] for c in cur.description]
    for r in cur:
        d = dict(zip(cols, r))
        d["truncated"] = bool(d["truncated"])
        yield d


def get_article(con: sqlite3.Connection, article_id: str) -> dict | None:
    """The stored article record (exactly as in the page JSON) plus where it came from and its siblings."""
    row = con.execute("SELECT a.page, a.idx, p.json, p.uri, p.kind FROM articles a JOIN pages p"
                      " ON p.sha256 = a.page WHERE a.id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    page = json.loads(row[2])
    article = page["articles"][row[1]]
    siblings = [{"id": a["id"], "role": a["role"], "title": a["title"]}
                for i, a in enumerate(page["articles"]) if i != row[1]]
    return {"article": article, "page": {"sha256": row[0], "uri": row[3], "kind": row[4],
                                         "warnings": page.get("warnings", [])},
            "related": siblings}


def get_page(con: sqlite3.Connection, sha256: str) -> dict | None:
    row = con.execute("SELECT json FROM pages WHERE sha256 = ?", (sha256,)).fetchone()
    return json.loads(row[0]) if row else None


# -- actors -----------------------------------------------------------------------------------------------
def list_actors(con: sqlite3.Connection, *, q: str | None = None, type: str | None = None,
                country: str | None = None, page: int = 1, per_page: int = 50) -> dict:
    from marsad.text.normalize import normalize_for_match

    limit, offset = _page_args(page, per_page)
    where, args = [], []
    if q:
        where.append("(id IN (SELECT actor FROM entities WHERE name_norm LIKE ? ESCAPE '\\')"
                     " OR lower(name_latin) LIKE ? ESCAPE '\\' OR id = ?)")
        esc = normalize_for_match(q).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        args += [f"%{esc}%", f"%{esc.lower()}%", q]
    if type:
        where.append("type = ?")
        args.append(type.upper())
    if country:
        where.append("country = ?")
        args.append(country.upper())
    w = (" WHERE " + " AND ".join(where)) if where else ""
    total = con.execute(f"SELECT count(*) FROM actors{w}", args).fetchone()[0]
    items = _rows(con.execute(f"SELECT * FROM actors{w} ORDER BY n_articles DESC, id LIMIT ? OFFSET ?",
                              [*args, limit, offset]))
    return {"total": total, "page": page, "per_page": limit, "items": items}


def iter_actors(con: sqlite3.Connection, *, q: str | None = None, type: str | None = None,
                country: str | None = None, limit: int = EXPORT_CAP) -> Iterator[dict]:
    """Every actor matching, for exports (page by page, up to ``limit``)."""
    page, n = 1, 0
    while n < limit:
        items = list_actors(con, q=q, type=type, country=country, page=page, per_page=MAX_PER_PAGE)["items"]
        if not items:
            return
        for it in items[:limit - n]:
            yield it
        n += len(items)
        page += 1


def get_actor(con: sqlite3.Connection, actor_id: str, *, limit: int = 100) -> dict | None:
    """An actor with their names, quotes, events, co-occurring actors and a day-by-day timeline."""
    actor = con.execute("SELECT * FROM actors WHERE id = ?", (actor_id,)).fetchone()
    if actor is None:
        return None
    out = dict(actor)
    out["names"] = _rows(con.execute(
        "SELECT name, name_latin, type, count(*) AS n FROM entities WHERE actor = ? GROUP BY name, name_latin, type"
        " ORDER BY n DESC LIMIT 20", (actor_id,)))
    roles: dict[str, int] = {}
    for (r,) in con.execute("SELECT roles FROM entities WHERE actor = ? AND roles != '[]' LIMIT 500", (actor_id,)):
        for role in json.loads(r):
            roles[role] = roles.get(role, 0) + 1
    out["roles"] = [k for k, _ in sorted(roles.items(), key=lambda kv: -kv[1])][:10]
    out["quotes"] = list_quotes(con, Filters(speaker=actor_id), per_page=limit)["items"]
    out["events"] = list_events(con, Filters(actor=actor_id), per_page=limit)["items"]
    out["cooccurring"] = _rows(con.execute(
        "SELECT o.actor AS id, max(x.name) AS name, max(x.name_latin) AS name_latin, max(x.type) AS type,"
        " count(DISTINCT o.article) AS n FROM entities s JOIN entities o ON o.article = s.article"
        " JOIN actors x ON x.id = o.actor"
        " WHERE s.actor = ? AND o.actor IS NOT NULL AND o.actor != ? GROUP BY o.actor ORDER BY n DESC, o.actor"
        " LIMIT 30", (actor_id, actor_id)))
    ids = [c["id"] for c in out["cooccurring"][:12]]
    out["links"] = []
    if ids:
        marks = ",".join("?" * len(ids))
        out["links"] = _rows(con.execute(
            f"SELECT a.actor AS a, b.actor AS b, count(DISTINCT a.article) AS n FROM entities a JOIN entities b"
            f" ON a.article = b.article AND a.actor < b.actor WHERE a.actor IN ({marks}) AND b.actor IN ({marks})"
            f" AND a.article IN (SELECT article FROM entities WHERE actor = ?) GROUP BY a.actor, b.actor",
            [*ids, *ids, actor_id]))
    out["timeline"] = _rows(con.execute(
        "SELECT ar.day AS day, count(DISTINCT ar.n) AS articles, sum(e.n_mentions) AS mentions FROM entities e"
        " JOIN articles ar ON ar.n = e.article WHERE e.actor = ? AND ar.day IS NOT NULL"
        " GROUP BY ar.day ORDER BY ar.day", (actor_id,)))
    out["event_timeline"] = _rows(con.execute(
        "SELECT day, type, count(*) AS n FROM events WHERE (source_actor = ? OR target_actor = ?)"
        " AND day IS NOT NULL GROUP BY day, type ORDER BY day", (actor_id, actor_id)))
    out["articles"] = list_articles(con, Filters(actor=actor_id), per_page=20)["items"]
    return out


# -- events and quotes -----------------------------------------------------------------------------------
EVENT_COLS = ("e.vid AS id, a.id AS article_id, a.title AS article_title, e.type, e.mode, e.day, e.date,"
              " e.source, e.source_actor, e.source_name, e.source_country,"
              " e.target, e.target_actor, e.target_name, e.target_country,"
              " e.location, e.location_actor, e.location_name, e.location_country,"
              " e.trigger_text, e.trigger_start, e.trigger_end, e.negated, e.modality, e.quote,"
              " substr(a.body, e.sentence_start + 1, min(e.sentence_end - e.sentence_start, 400)) AS sentence,"
              " a.outlet")


def _event_sql(f: Filters) -> tuple[str, list]:
    where, args = day_bounds("e.day", f)
    if f.event_type:
        where.append("e.type = ?")
        args.append(f.event_type)
    if f.country:
        where.append("(e.source_country = ? OR e.target_country = ? OR e.location_country = ?)")
        args += [f.country] * 3
    if f.actor:
        where.append("(e.source_actor = ? OR e.target_actor = ?)")
        args += [f.actor] * 2
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    return f"SELECT {EVENT_COLS} FROM events e JOIN articles a ON a.n = e.article{w}", args


def _fix_events(items: list[dict]) -> list[dict]:
    for it in items:
        it["negated"] = bool(it["negated"])
    return items


def list_events(con: sqlite3.Connection, f: Filters, *, page: int = 1, per_page: int = 50) -> dict:
    limit, offset = _page_args(page, per_page)
    sql, args = _event_sql(f)
    total = con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    items = _rows(con.execute(sql + " ORDER BY e.day IS NULL, e.day DESC, e.n DESC LIMIT ? OFFSET ?",
                              [*args, limit, offset]))
    return {"total": total, "page": page, "per_page": limit, "items": _fix_events(items)}


def iter_events(con: sqlite3.Connection, f: Filters, *, limit: int = EXPORT_CAP) -> Iterator[dict]:
    sql, args = _event_sql(f)
    cur = con.execute(sql + " ORDER BY e.day IS NULL, e.day DESC, e.n DESC LIMIT ?", [*args, limit])
    cols = [c[0] for c in cur.description]
    for r in cur:
        yield _fix_events([dict(zip(cols, r))])[0]


QUOTE_COLS = ("q.qid AS id, a.id AS article_id, a.title AS article_title, q.text, q.start, q.\"end\", q.direct,"
              " q.speaker, q.speaker_actor, q.speaker_name, q.speaker_text, q.cue, q.via, q.via_actor, q.date,"
              " q.day, a.outlet")


def _quote_sql(f: Filters) -> tuple[str, list]:
    where, args = day_bounds("q.day", f)
    if f.speaker:
        where.append("q.speaker_actor = ?")
        args.append(f.speaker)
    if f.actor:
        where.append("(q.speaker_actor = ? OR q.via_actor = ?)")
        args += [f.actor] * 2
    if f.outlet:
        where.append("a.outlet = ?")
        args.append(f.outlet)
    w = (" WHERE " + " AND ".join(where)) if where else ""
    return f"SELECT {QUOTE_COLS} FROM quotes q JOIN articles a ON a.n = q.article{w}", args


def list_quotes(con: sqlite3.Connection, f: Filters, *, page: int = 1, per_page: int = 50) -> dict:
    limit, offset = _page_args(page, per_page)
    sql, args = _quote_sql(f)
    total = con.execute(f"SELECT count(*) FROM ({sql})", args).fetchone()[0]
    items = _rows(con.execute(sql + " ORDER BY q.day IS NULL, q.day DESC, q.n DESC LIMIT ? OFFSET ?",
                              [*args, limit, offset]))
    for it in items:
        it["direct"] = bool(it["direct"])
    return {"total": total, "page": page, "per_page": limit, "items": items}


def iter_quotes(con: sqlite3.Connection, f: Filters, *, limit: int = EXPORT_CAP) -> Iterator[dict]:
    sql, args = _quote_sql(f)
    cur = con.execute(sql + " ORDER BY q.day IS NULL, q.day DESC, q.n DESC LIMIT ?", [*args, limit])
    cols = [c[0] for c in cur.description]
    for r in cur:
        d = dict(zip(cols, r))
        d["direct"] = bool(d["direct"])
        yield d


# -- overview ---------------------------------------------------------------------------------------------
def stats(con: sqlite3.Connection) -> dict:
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "pages": one("SELECT count(*) FROM pages"),
        "articles": one("SELECT count(*) FROM articles"),
        "entities": one("SELECT count(*) FROM entities"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "actors": one("SELECT count(*) FROM actors"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "events": one("SELECT count(*) FROM events"),
        "time_expressions": one("SELECT count(*) FROM dates"),
        "failures": one("SELECT count(*) FROM failures"),
        "first_day": one("SELECT min(day) FROM articles"),
        "last_day": one("SELECT max(day) FROM articles"),
        "outlets": _rows(con.execute("SELECT outlet AS value, count(*) AS count FROM articles"
                                     " WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count DESC LIMIT 30")),
        "event_types": _rows(con.execute("SELECT type AS value, count(*) AS count FROM events GROUP BY type"
                                         " ORDER BY count DESC")),
        "countries": _rows(con.execute(
            "SELECT c AS value, count(*) AS count FROM (SELECT source_country c FROM events UNION ALL"
            " SELECT target_country FROM events UNION ALL SELECT location_country FROM events)"
            " WHERE c IS NOT NULL GROUP BY c ORDER BY count DESC LIMIT 50")),
    }


def list_failures(con: sqlite3.Connection, *, limit: int = 1000) -> list[dict]:
    return _rows(con.execute("SELECT source, path, code, error, attempts, first_seen, last_seen FROM failures"
                             " ORDER BY last_seen DESC, source LIMIT ?", (limit,)))


def last_runs(con: sqlite3.Connection, n: int = 5) -> list[dict]:
    return _rows(con.execute("SELECT * FROM runs ORDER BY id DESC LIMIT ?", (n,)))
