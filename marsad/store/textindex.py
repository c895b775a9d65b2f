"""Arabic-aware full-text terms: what goes into the FTS5 index and how a query is turned into a MATCH.

Text is normalised with :func:`marsad.text.normalize.normalize_for_match` before SQLite sees it, so the
FTS5 tokenizer only splits words. Each word is indexed twice at the same position: its normalised form
(``*_form`` columns) and its proclitic-stripped stem (``*_stem`` columns). A query word matches either its
form or its stem, so «بموسكو» finds «موسكو» and «الاتفاقية» finds «اتفاقية»; a phrase matches as a phrase
in either layer. Queries go through exactly the same functions as documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import UsageError
from marsad.text.memo import memo_map
from marsad.text.normalize import normalize_for_match
from marsad.text.tokens import proclitic_forms

# Split on what the FTS5 unicode61 tokenizer treats as a separator (anything not a letter or digit).
_WORD = re.compile(r"[^\W_]+")
# Texts the one-pass split (see words) cannot take: characters past the table, and the capital sigma, whose
# lower case depends on its neighbours.
_OFF_TABLE = re.compile("[\U00010000-\U0010ffff\u03a3]")
_STEMS: dict[str, str] = {}  # word → stem, read for a whole text at once (see index_columns)
# Phrases: "..." plus the Arabic/typographic quote pairs people paste from articles.
_PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»|“([^”]*)”')
MAX_QUERY_CHARS = 500
MAX_TERMS = 16


@lru_cache(maxsize=500_000)
def stem(norm: str) -> str:
    """The proclitic-stripped stem of a normalised word (itself for numbers and Latin words)."""
    return proclitic_forms(norm)[-1] if norm[:1].isalpha() else norm


@lru_cache(maxsize=1)
def _word_table() -> list[str]:
    """Per code point below 0x10000: its ``normalize_for_match`` form with every character that is not a
    letter or a digit made a space."""
    return ["".join(c if c.isalnum() else " " for c in normalize_for_match(chr(cp))) for cp in range(0x10000)]


def words(text: str) -> list[str]:
    """The normalised words of ``text`` in order."""
    text = text or ""
    # short texts (queries, titles) take the regex: building the table costs ~0.25 s, once per process,
    # which only bodies pay back (a one-shot `marsad search` would pay it for a few words)
    if len(text) <= MAX_QUERY_CHARS or _OFF_TABLE.search(text):
        return _WORD.findall(normalize_for_match(text))
    # The same words in one translate and a split, several times faster than folding and then matching.
    return text.translate(_word_table()).split()


def index_columns(text: str) -> tuple[str, str]:
    """``(forms, stems)``: space-joined normalised words and their stems, position for position."""
    ws = words(text)
    return " ".join(ws), " ".join(memo_map(_STEMS, ws, lambda i: stem(ws[i])))


@dataclass(frozen=True)
class Query:
    """A parsed search query: the FTS5 MATCH expression and the words used for snippets."""

    match: str
    forms: frozenset[str]
    stems: frozenset[str]
    text: str


def _lit(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def _clause(ws: list[str]) -> str:
    forms = " ".join(ws)
    stems = " ".join(stem(w) for w in ws)
    if forms == stems:
        return _lit(forms)
    return f"({{title_form body_form}} : {_lit(forms)} OR {{title_stem body_stem}} : {_lit(stems)})"


def parse_query(q: str) -> Query:
    """Turn a user query into an FTS5 expression: words are ANDed, ``"..."`` is a phrase,
    a leading ``-`` excludes a word. Raises :class:`UsageError` when nothing searchable is left."""
    if q is None or not q.strip():
        raise UsageError("empty query")
    if len(q) > MAX_QUERY_CHARS:
        raise UsageError(f"query longer than {MAX_QUERY_CHARS} characters")
    positive: list[str] = []
    negative: list[str] = []
    forms: set[str] = set()
    for m in _PHRASE.finditer(q):
        ws = words(next(g for g in m.groups() if g is not None))
        if ws:
            positive.append(_clause(ws))
            forms.update(ws)
    rest = _PHRASE.sub(" ", q)
    for raw in rest.split():
        neg = raw.startswith("-") and len(raw) > 1
        ws = words(raw[1:] if neg else raw)
        if neg:
            negative.extend(_clause([w]) for w in ws)
        else:
            positive.extend(_clause([w]) for w in ws)
            forms.update(ws)
    if not positive:
        raise UsageError("the query has no searchable words")
    if len(positive) + len(negative) > MAX_TERMS:
        raise UsageError(f"too many query terms (at most {MAX_TERMS})")
    match = " AND ".join(positive)
    for n in negative:
        match = f"({match}) NOT {n}"
    return Query(match=match, forms=frozenset(forms), stems=frozenset(stem(w) for w in forms), text=q)
