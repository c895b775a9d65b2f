"""The single writer of a Marsad store: pages in, normalised rows out, one transaction per batch.

A batch either lands completely or not at all, so a ``kill -9`` at any moment leaves no partial page or
article; a page whose content hash is already stored is skipped, so re-ingesting changes nothing.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from marsad.errors import MarsadError
from marsad.records import Article, Page, page_from_dict
from marsad.store.schema import connect_writer
from marsad.store.textindex import index_columns
from marsad.text.normalize import normalize_for_match


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` (or shorter partial) prefix of an ISO date, used for date filters."""
    if not value:
        return None
    return value[:10]


# One encoder for every row: ``json.dumps`` with options builds a new encoder per call.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class RejectedPageError(MarsadError, ValueError):
    """A well-formed page the store cannot take (its article ids clash with stored ones)."""

    code = "M410"


class Store:
    """Write access to a store file. Use as a context manager; not shared between threads."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.con: sqlite3.Connection = connect_writer(path)
        self._known: set[str] | None = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- reading what the writer needs --------------------------------------------------------------
    def known_hashes(self) -> set[str]:
        """Content hashes already stored (loaded once, then kept current by :meth:`add_pages`)."""
        if self._known is None:
            self._known = {r[0] for r in self.con.execute("SELECT sha256 FROM pages")}
        return self._known

    def has_page(self, sha256: str) -> bool:
        return sha256 in self.known_hashes()

    # -- runs -----------------------------------------------------------------------------------------
    def start_run(self, args: str) -> int:
        cur = self.con.execute("INSERT INTO runs (started, args) VALUES (?, ?)", (_now(), args))
        return int(cur.lastrowid)

    def finish_run(self, run: int, *, stored: int, skipped: int, failed: int) -> None:
        self.con.execute("UPDATE runs SET finished=?, stored=?, skipped=?, failed=? WHERE id=?",
                         (_now(), stored, skipped, failed, run))

    # -- writing --------------------------------------------------------------------------------------
    def add_pages(self, pages: Iterable[Page | dict], *, run: int | None = None,
                  failures: Iterable[tuple[MarsadError, str]] = ()) -> tuple[list[str], list[RejectedPageError]]:
        """Store new pages (and record failures) in one transaction.

        Pages whose ``source.sha256`` is already stored are skipped, also within the same call. A page the
        store cannot take (e.g. an article id already used by another page) is rolled back alone and
        returned as a :class:`RejectedPageError`, also recorded as a failure. Returns
        ``(hashes of the pages added, rejections)``."""
        known = self.known_hashes()
        added: list[str] = []
        rejected: list[RejectedPageError] = []
        text_rows: list[tuple] = []  # full-text rows of the pages kept, written once at the end of the batch
        now = _now()
        cur = self.con.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for page in pages:
                if isinstance(page, dict):
                    page = page_from_dict(page)
                sha = page.source.sha256
                if not sha or sha in known or sha in added:
                    continue
                # Re-check inside the transaction: another writer may have stored it meanwhile.
                if cur.execute("SELECT 1 FROM pages WHERE sha256=?", (sha,)).fetchone():
                    known.add(sha)
                    continue
                cur.execute("SAVEPOINT page")
                try:
                    page_text_rows = self._insert_page(cur, page, run, now)
                except (RejectedPageError, sqlite3.IntegrityError) as exc:
                    cur.execute("ROLLBACK TO page")
                    cur.execute("RELEASE page")
                    err = exc if isinstance(exc, RejectedPageError) else RejectedPageError(
                        f"page cannot be stored: {exc}", source=page.source.uri or sha)
                    rejected.append(err)
                    self._insert_failure(cur, err, page.source.uri or sha, run, now)
                    continue
                cur.execute("RELEASE page")
                added.append(sha)
                text_rows += page_text_rows
            # FTS5 turns what it holds in memory into a new index segment at every savepoint release: rows
            # added page by page made a segment per page, and merging them cost more than the inserts.
            cur.executemany("INSERT INTO article_fts (rowid, title_form, title_stem, body_form, body_stem)"
                            " VALUES (?,?,?,?,?)", text_rows)
            for err, path in failures:
                self._insert_failure(cur, err, path, run, now)
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        known.update(added)
        return added, rejected

    def _insert_page(self, cur: sqlite3.Cursor, page: Page, run: int | None, now: str) -> list[tuple]:
        """Insert the page and its articles; returns their full-text rows (see add_pages)."""
        src = page.source
        d = page.to_dict()
        cur.execute(
            "INSERT INTO pages (sha256, uri, kind, encoding, bytes, source_id, schema, warnings, n_articles,"
            " json, run, ingested) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (src.sha256, src.uri, src.kind, src.encoding, src.bytes, src.id, page.schema,
             _dumps(list(page.warnings)), len(page.articles), _dumps(d), run, now))
        return [self._insert_article(cur, src.sha256, idx, art) for idx, art in enumerate(page.articles)]

    def _insert_article(self, cur: sqlite3.Cursor, sha: str, idx: int, a: Article) -> tuple:
        """Insert the article and its annotations; returns its row for ``article_fts``."""
        if cur.execute("SELECT 1 FROM articles WHERE id=?", (a.id,)).fetchone():
            raise RejectedPageError(f"article id {a.id!r} is already stored under another page", source=a.id)
        day = _day(a.published)
        cur.execute(
            "INSERT INTO articles (id, page, idx, role, title, published, day, published_text, outlet, credit,"
            " body, paragraphs, sections, truncated, n_dates, n_entities, n_quotes, n_events)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (a.id, sha, idx, a.role, a.title, a.published, day, a.published_text, a.outlet, a.credit,
             a.body, _dumps([list(p) for p in a.paragraphs]), _dumps([s.to_dict() for s in a.sections]),
             int(a.truncated), len(a.dates), len(a.entities), len(a.quotes), len(a.events)))
        n = cur.lastrowid
        if a.dates:
            cur.executemany('INSERT INTO dates (article, text, start, "end", value, kind) VALUES (?,?,?,?,?,?)',
                            [(n, t.text, t.start, t.end, t.value, t.kind) for t in a.dates])
        ents = {e.id: e for e in a.entities}
        actor_stats: dict[str, list] = {}
        if a.entities:
            # One statement per table, not one per row: the entity row ids the mentions point at are read
            # back in one query (the article's entities are the only rows of it).
            cur.executemany(
                "INSERT INTO entities (article, eid, type, name, name_norm, name_latin, actor, country, code,"
                " roles, n_mentions) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [(n, e.id, e.type, e.name, normalize_for_match(e.name), e.name_latin, e.actor, e.country,
                  e.code, _dumps(list(e.roles)) if e.roles else "[]", len(e.mentions)) for e in a.entities])
            rowid = dict(cur.execute("SELECT eid, n FROM entities WHERE article=?", (n,)).fetchall())
            cur.executemany('INSERT INTO mentions (entity, article, text, start, "end") VALUES (?,?,?,?,?)',
                            [(rowid[e.id], n, m.text, m.start, m.end) for e in a.entities for m in e.mentions])
            for e in a.entities:
                if e.actor:
                    st = actor_stats.setdefault(e.actor, [e, 0, 0, 0])
                    st[1] += len(e.mentions)

        def ent(eid):
            return ents.get(eid) if eid else None

        rows = []
        for q in a.quotes:
            sp, via = ent(q.speaker), ent(q.via)
            rows.append((n, q.id, q.text, q.start, q.end, int(q.direct), q.speaker, sp.actor if sp else None,
                         sp.name if sp else None, q.speaker_text, q.cue, q.via, via.actor if via else None,
                         q.date, _day(q.date or a.published)))
            if sp is not None and sp.actor:
                actor_stats[sp.actor][2] += 1
        if rows:
            cur.executemany(
                'INSERT INTO quotes (article, qid, text, start, "end", direct, speaker, speaker_actor, speaker_name,'
                " speaker_text, cue, via, via_actor, date, day) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        rows = []
        for v in a.events:
            s, t, loc = ent(v.source), ent(v.target), ent(v.location)
            rows.append(
                (n, v.id, v.type, v.mode,
                 v.source, s.actor if s else None, s.name if s else None, s.country if s else None,
                 v.target, t.actor if t else None, t.name if t else None, t.country if t else None,
                 v.location, loc.actor if loc else None, loc.name if loc else None, loc.country if loc else None,
                 v.trigger.text, v.trigger.start, v.trigger.end, v.sentence[0], v.sentence[1],
                 int(v.negated), v.modality, v.date, _day(v.date or a.published), v.quote))
            for x in {e.actor for e in (s, t) if e is not None and e.actor}:
                actor_stats[x][3] += 1
        if rows:
            cur.executemany(
                "INSERT INTO events (article, vid, type, mode, source, source_actor, source_name, source_country,"
                " target, target_actor, target_name, target_country, location, location_actor, location_name,"
                " location_country, trigger_text, trigger_start, trigger_end, sentence_start, sentence_end,"
                " negated, modality, date, day, quote)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        if actor_stats:
            cur.executemany(
                "INSERT INTO actors (id, name, name_latin, type, country, code, n_articles, n_mentions, n_quotes,"
                " n_events, first_day, last_day) VALUES (?,?,?,?,?,?,1,?,?,?,?,?)"
                " ON CONFLICT(id) DO UPDATE SET n_articles = n_articles + 1,"
                " n_mentions = n_mentions + excluded.n_mentions, n_quotes = n_quotes + excluded.n_quotes,"
                " n_events = n_events + excluded.n_events,"
                " name_latin = coalesce(name_latin, excluded.name_latin),"
                " country = coalesce(country, excluded.country), code = coalesce(code, excluded.code),"
                " first_day = CASE WHEN first_day IS NULL OR excluded.first_day < first_day"
                "   THEN coalesce(excluded.first_day, first_day) ELSE first_day END,"
                " last_day = CASE WHEN last_day IS NULL OR excluded.last_day > last_day"
                "   THEN coalesce(excluded.last_day, last_day) ELSE last_day END",
                [(actor, e.name, e.name_latin, e.type, e.country, e.code, n_mentions, n_quotes, n_events, day, day)
                 for actor, (e, n_mentions, n_quotes, n_events) in actor_stats.items()])
        return (n, *index_columns(a.title or ""), *index_columns(a.body))

    @staticmethod
    def _insert_failure(cur: sqlite3.Cursor, err: MarsadError, path: str, run: int | None, now: str) -> None:
        source = err.source or path
        cur.execute(
            "INSERT INTO failures (source, path, code, error, attempts, first_seen, last_seen, run)"
            " VALUES (?,?,?,?,1,?,?,?) ON CONFLICT(source) DO UPDATE SET path=excluded.path,"
            " code=excluded.code, error=excluded.error, attempts=attempts+1, last_seen=excluded.last_seen,"
            " run=excluded.run",
            (source, path, err.code, err.message, now, now, run))

    def clear_failures(self, *, path: str | None = None, source: str | None = None,
                       before_run: int) -> int:
        """Forget failures of ``path`` (or of one ``source``) not seen again since ``before_run`` began."""
        col, val = ("path", path) if path is not None else ("source", source)
        cur = self.con.execute(f"DELETE FROM failures WHERE {col} = ? AND (run IS NULL OR run < ?)",
                               (val, before_run))
        return cur.rowcount

    def failures(self) -> list[dict]:
        cur = self.con.execute("SELECT source, path, code, error, attempts, first_seen, last_seen FROM failures"
                               " ORDER BY last_seen, source")
        cols = [c[0] for c in cur.description]
        return [dict(zip(cols, r)) for r in cur]
