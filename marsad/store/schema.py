"""The SQLite layout of a Marsad store and the two ways of opening it (one writer, many readers).

Every field of ``record-format.md`` is kept: the full page JSON in ``pages.json`` (the record of truth,
returned as is by the API), plus normalised tables that the search, the API and the web pages query.
Annotation tables point at ``articles.n`` (an integer row id) and keep the record's local ids
(``e1``, ``q1``, ``v1``); cross-article identity is the entity's ``actor`` id.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from marsad.errors import UsageError

SCHEMA_VERSION = 1

DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL, finished TEXT,
    args TEXT, stored INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0, failed INTEGER DEFAULT 0
);

CREATE TABLE IF NOT EXISTS pages (
    sha256 TEXT PRIMARY KEY,
    uri TEXT, kind TEXT, encoding TEXT, bytes INTEGER, source_id TEXT,
    schema TEXT NOT NULL, warnings TEXT NOT NULL DEFAULT '[]',
    n_articles INTEGER NOT NULL,
    json TEXT NOT NULL,
    run INTEGER, ingested TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    page TEXT NOT NULL REFERENCES pages(sha256),
    idx INTEGER NOT NULL,
    role TEXT NOT NULL,
    title TEXT, published TEXT, day TEXT, published_text TEXT,
    outlet TEXT, credit TEXT, body TEXT NOT NULL,
    paragraphs TEXT NOT NULL DEFAULT '[]', sections TEXT NOT NULL DEFAULT '[]',
    truncated INTEGER NOT NULL DEFAULT 0,
    n_dates INTEGER NOT NULL DEFAULT 0, n_entities INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0, n_events INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS articles_page ON articles(page, idx);
CREATE INDEX IF NOT EXISTS articles_day ON articles(day);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet, day);

CREATE TABLE IF NOT EXISTS dates (
    article INTEGER NOT NULL REFERENCES articles(n),
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, value TEXT, kind TEXT
);
CREATE INDEX IF NOT EXISTS dates_article ON dates(article);
CREATE INDEX IF NOT EXISTS dates_value ON dates(value);

CREATE TABLE IF NOT EXISTS entities (
    n INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    eid TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL, name_norm TEXT NOT NULL,
    name_latin TEXT, actor TEXT, country TEXT, code TEXT, roles TEXT NOT NULL DEFAULT '[]',
    n_mentions INTEGER NOT NULL DEFAULT 0,
    UNIQUE (article, eid)
);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor, article);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name_norm);
CREATE INDEX IF NOT EXISTS entities_country ON entities(country);

CREATE TABLE IF NOT EXISTS mentions (
    entity INTEGER NOT NULL REFERENCES entities(n),
    article INTEGER NOT NULL REFERENCES articles(n),
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article);

CREATE TABLE IF NOT EXISTS quotes (
    n INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    qid TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    direct INTEGER NOT NULL,
    speaker TEXT, speaker_actor TEXT, speaker_name TEXT, speaker_text TEXT,
    cue TEXT, via TEXT, via_actor TEXT, date TEXT, day TEXT,
    UNIQUE (article, qid)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor, day);
CREATE INDEX IF NOT EXISTS quotes_day ON quotes(day);

CREATE TABLE IF NOT EXISTS events (
    n INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(n),
    vid TEXT NOT NULL, type TEXT NOT NULL, mode TEXT,
    source TEXT, source_actor TEXT, source_name TEXT, source_country TEXT,
    target TEXT, target_actor TEXT, target_name TEXT, target_country TEXT,
    location TEXT, location_actor TEXT, location_name TEXT, location_country TEXT,
    trigger_text TEXT NOT NULL, trigger_start INTEGER NOT NULL, trigger_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    negated INTEGER NOT NULL DEFAULT 0, modality TEXT NOT NULL DEFAULT 'asserted',
    date TEXT, day TEXT, quote TEXT,
    UNIQUE (article, vid)
);
CREATE INDEX IF NOT EXISTS events_type ON events(type, day);
CREATE INDEX IF NOT EXISTS events_day ON events(day);
CREATE INDEX IF NOT EXISTS events_source ON events(source_actor);
CREATE INDEX IF NOT EXISTS events_target ON events(target_actor);

-- One row per linked actor, kept up to date by the writer so listing actors needs no full scan.
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, name_latin TEXT, type TEXT, country TEXT, code TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0, n_mentions INTEGER NOT NULL DEFAULT 0,
    n_quotes INTEGER NOT NULL DEFAULT 0, n_events INTEGER NOT NULL DEFAULT 0,
    first_day TEXT, last_day TEXT
);
CREATE INDEX IF NOT EXISTS actors_articles ON actors(n_articles DESC);

-- Inputs that could not be turned into pages; a failure disappears when a later run over the same
-- input completes without it.
CREATE TABLE IF NOT EXISTS failures (
    source TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    code TEXT NOT NULL, error TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, run INTEGER
);
CREATE INDEX IF NOT EXISTS failures_path ON failures(path);

-- Full text over pre-normalised words: each word's normalised form and, in parallel columns, its
-- proclitic-stripped stem (same positions, so phrase queries work in both). Contentless: the columns are
-- derived from articles.title/body (textindex.index_columns), so only the index is kept; rowid = articles.n.
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    title_form, title_stem, body_form, body_stem,
    content = '', tokenize = 'unicode61 remove_diacritics 0'
);
"""


def _uri(path: str | Path, mode: str) -> str:
    return Path(path).resolve().as_uri() + f"?mode={mode}"


def connect_writer(path: str | Path) -> sqlite3.Connection:
    """Open (creating if needed) the store for writing: WAL, autocommit, explicit transactions."""
    p = Path(path)
    if p.parent and not p.parent.exists():
        raise UsageError(f"directory {str(p.parent)!r} does not exist", source=str(path))
    con = sqlite3.connect(str(p), isolation_level=None, timeout=30.0, check_same_thread=False)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("PRAGMA busy_timeout=30000")
    con.execute("PRAGMA temp_store=MEMORY")
    con.execute("PRAGMA cache_size=-65536")
    version = _version(con)
    if version is None:
        con.execute("BEGIN IMMEDIATE")
        for stmt in _statements(DDL):
            con.execute(stmt)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        con.execute("INSERT OR REPLACE INTO meta VALUES ('record_schema', 'marsad.page/1')")
        con.execute("COMMIT")
    elif version != SCHEMA_VERSION:
        con.close()
        raise UsageError(f"store schema version {version} is not supported (expected {SCHEMA_VERSION})",
                         source=str(path))
    return con


def connect_reader(path: str | Path) -> sqlite3.Connection:
    """Open an existing store read-only (``mode=ro``): the web app never writes through this."""
    p = Path(path)
    if not p.is_file():
        raise UsageError("no Marsad database here; run `marsad ingest` first", source=str(path))
    con = sqlite3.connect(_uri(p, "ro"), uri=True, check_same_thread=False, timeout=10.0)
    con.execute("PRAGMA query_only=ON")
    con.row_factory = sqlite3.Row
    version = _version(con)
    if version != SCHEMA_VERSION:
        con.close()
        raise UsageError(f"not a Marsad store (schema version {version})", source=str(path))
    return con


def _version(con: sqlite3.Connection) -> int | None:
    try:
        row = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        if "no such table" in str(exc):
            return None
        raise UsageError(f"not a Marsad store: {exc}") from exc
    return int(row[0]) if row else None


def _statements(script: str):
    buf = []
    for line in script.splitlines():
        if line.strip().startswith("--"):
            continue
        buf.append(line)
        joined = "\n".join(buf)
        if line.rstrip().endswith(";") and sqlite3.complete_statement(joined):
            yield joined
            buf = []
