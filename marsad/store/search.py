"""Ranked full-text search over stored articles (FTS5 + bm25) with filters, snippets and facets."""

from __future__ import annotations

import sqlite3

from marsad.store.filters import Filters, article_conditions
from marsad.store.textindex import Query, parse_query, stem
from marsad.text.normalize import normalize_for_match
from marsad.text.tokens import tokenize

# bm25 column weights: title_form, title_stem, body_form, body_stem (exact forms a little above stems).
BM25 = "bm25(article_fts, 6.0, 5.0, 1.2, 1.0)"
SNIPPET_CHARS = 220
MAX_LIMIT = 200


def _first_match(body: str, query: Query) -> int | None:
    """Offset in ``body`` of the first word matching the query (form or stem), or ``None``.

    Each paragraph is normalised in one call and searched for the query's forms and stems as substrings;
    only a short window of the original text around each candidate is tokenised to confirm a whole-word
    match. Normalisation only drops characters (diacritics, tatweel, invisibles), so the original offset
    lies between the normalised one and that plus the number of characters dropped."""
    needles = [n for n in query.forms | query.stems if n]
    pos = 0
    for para in body.split("\n"):
        norm = normalize_for_match(para)
        cands = sorted({i for i in (norm.find(n) for n in needles) if i >= 0})[:4]
        dropped = max(0, len(para) - len(norm))
        for idx in cands:
            lo = max(0, idx - 12 - max(0, len(norm) - len(para)))
            window = para[lo:idx + dropped + 60]
            for t in tokenize(window):
                if t.norm in query.forms or stem(t.norm) in query.stems:
                    return pos + lo + t.start
        pos += len(para) + 1
    return None


def snippet(body: str, query: Query, width: int = SNIPPET_CHARS) -> tuple[str, list[list[int]]]:
    """A window of the ORIGINAL body around the first matching word, with the spans of matching words
    (relative to the snippet); the start of the body when only the title matches."""
    hit = _first_match(body, query)
    if hit is None:
        start = 0
    else:
        start = max(0, hit - width // 4)
        if start:
            sp = body.rfind(" ", 0, start)
            start = sp + 1 if sp >= 0 and start - sp < 30 else start
    end = min(len(body), start + width)
    if end < len(body):
        sp = body.find(" ", end)
        end = sp if 0 <= sp < end + 30 else end
    text = body[start:end]
    marks = [[t.start, t.end] for t in tokenize(text)
             if t.norm in query.forms or stem(t.norm) in query.stems]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    if prefix:
        marks = [[s + 1, e + 1] for s, e in marks]
    return prefix + text.replace("\n", " ") + suffix, marks


def _where(query: Query, f: Filters) -> tuple[str, list]:
    where, args = article_conditions(f)
    sql = "article_fts MATCH ?" + "".join(f" AND {w}" for w in where)
    return sql, [query.match, *args]


def search(con: sqlite3.Connection, q: str, *, filters: Filters | None = None, limit: int = 20,
           offset: int = 0, total: bool = False, facets: bool = False) -> dict:
    """Search ``q`` (see :func:`parse_query`); returns ``{"query", "hits", ["total"], ["facets"]}``.

    Each hit: ``article_id, title, published, outlet, role, snippet, marks, score``."""
    f = filters or Filters()
    query = parse_query(q)
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    where, args = _where(query, f)
    if where == "article_fts MATCH ?":  # no filters: rank inside the FTS table, join only the top hits
        inner = f"SELECT rowid AS n, {BM25} AS score FROM article_fts WHERE {where} ORDER BY score LIMIT ? OFFSET ?"
    else:
        inner = (f"SELECT article_fts.rowid AS n, {BM25} AS score FROM article_fts JOIN articles a"
                 f" ON a.n = article_fts.rowid WHERE {where} ORDER BY score LIMIT ? OFFSET ?")
    rows = con.execute(
        f"SELECT a.n, a.id, a.title, a.published, a.outlet, a.role, a.body, r.score FROM ({inner}) r"
        f" JOIN articles a ON a.n = r.n ORDER BY r.score", [*args, limit, offset]).fetchall()
    hits = []
    for r in rows:
        text, marks = snippet(r[6], query)
        hits.append({"article_id": r[1], "title": r[2], "published": r[3], "outlet": r[4], "role": r[5],
                     "snippet": text, "marks": marks, "score": round(-r[7], 4)})
    out: dict = {"query": q, "match": query.match, "hits": hits}
    if total or facets:
        out["total"] = con.execute(
            f"SELECT count(*) FROM article_fts JOIN articles a ON a.n = article_fts.rowid WHERE {where}",
            args).fetchone()[0]
    if facets:
        out["facets"] = search_facets(con, query, f)
    return out


def search_facets(con: sqlite3.Connection, query: Query, f: Filters, top: int = 15) -> dict:
    """Counts of matching articles by outlet, by month and by event type."""
    where, args = _where(query, f)
    base = f"SELECT a.n, a.outlet, a.day FROM article_fts JOIN articles a ON a.n = article_fts.rowid WHERE {where}"
    outlets = con.execute(f"SELECT outlet, count(*) c FROM ({base}) WHERE outlet IS NOT NULL"
                          f" GROUP BY outlet ORDER BY c DESC LIMIT ?", [*args, top]).fetchall()
    months = con.execute(f"SELECT substr(day, 1, 7) m, count(*) c FROM ({base}) WHERE day IS NOT NULL"
                         f" GROUP BY m ORDER BY m DESC LIMIT 36", args).fetchall()
    types = con.execute(f"SELECT e.type, count(DISTINCT e.article) c FROM ({base}) h JOIN events e"
                        f" ON e.article = h.n GROUP BY e.type ORDER BY c DESC", args).fetchall()
    return {"outlet": [{"value": r[0], "count": r[1]} for r in outlets],
            "month": [{"value": r[0], "count": r[1]} for r in months],
            "event_type": [{"value": r[0], "count": r[1]} for r in types]}


def like_search(con: sqlite3.Connection, q: str, *, limit: int = 20) -> list[str]:
    """The naive peer used by the benchmark: every query word as a raw substring of title or body
    (no normalisation, no clitics, no ranking), newest first."""
    ws = [w.strip('"«»“”') for w in q.split() if w.strip('"«»“”')]
    cond = " AND ".join(["(a.title LIKE ? OR a.body LIKE ?)"] * len(ws)) or "1"
    args = [x for w in ws for x in (f"%{w}%", f"%{w}%")]
    return [r[0] for r in con.execute(
        f"SELECT a.id FROM articles a WHERE {cond} ORDER BY a.day DESC LIMIT ?", [*args, limit])]
