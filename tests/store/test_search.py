"""Arabic-aware search: clitics, normalisation, phrases, exclusions, filters, snippets."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from records_fixture import moscow_page

from marsad.errors import UsageError
from marsad.store import Filters, connect_reader, search
from marsad.store.textindex import index_columns, parse_query

MAIN = moscow_page().articles[0].id


def ids(con, q, **kw):
    return [h["article_id"] for h in search(con, q, **kw)["hits"]]


@pytest.mark.parametrize("query", [
    "بموسكو",  # proclitic on the query: finds «موسكو»
    "الاتفاقية",  # article on the query: finds «الاتفاقية» and «اتفاقية»
    "الإتفاقية",  # hamza folded
    "اتفاقيه",  # ta marbuta folded
    "لافروف",
    "وللافروف",  # stacked proclitics
    "\u0644\u0627\u0641\u0631\u0648\u0641\u064e",  # with a diacritic
    '"وزير الخارجية"',  # a phrase
    "«وزير الخارجية»",
])
def test_search_finds_the_moscow_article(db, query):
    con = connect_reader(db)
    assert MAIN in ids(con, query)


def test_search_phrase_needs_adjacent_words(db):
    con = connect_reader(db)
    assert MAIN in ids(con, "الخارجية وزير")
    assert MAIN not in ids(con, '"الخارجية وزير"')


def test_search_exclusion_and_filters(db):
    con = connect_reader(db)
    assert MAIN not in ids(con, "الاتفاقية -لافروف")
    assert MAIN in ids(con, "الاتفاقية", filters=Filters.make(outlet="aawsat"))
    assert MAIN not in ids(con, "الاتفاقية", filters=Filters.make(outlet="okaz"))
    assert MAIN in ids(con, "طهران", filters=Filters.make(date_from="2024-11", date_to="2024-11-30"))
    assert MAIN in ids(con, "طهران", filters=Filters.make(actor="marsad:gpe/iran", event_type="ACCUSE",
                                                         speaker="marsad:per/kazem-jalali"))
    assert ids(con, "طهران", filters=Filters.make(date_to="2020")) == []


def test_search_title_outranks_body(db):
    con = connect_reader(db)
    # «الاتفاقية» is in the Moscow title and body, and only in the body of the plain pages.
    assert ids(con, "الاتفاقية")[0] == MAIN


def test_search_snippet_is_original_text_with_marks(db):
    con = connect_reader(db)
    hit = next(h for h in search(con, "بموسكو")["hits"] if h["article_id"] == MAIN)
    marked = [hit["snippet"][s:e] for s, e in hit["marks"]]
    assert "موسكو" in marked and "وموسكو" in marked


def test_search_facets_and_total(db):
    con = connect_reader(db)
    res = search(con, "الاتفاقية", facets=True)
    assert res["total"] == 13
    assert {f["value"] for f in res["facets"]["outlet"]} == {"aawsat", "alriyadh", "okaz"}
    assert {f["value"] for f in res["facets"]["event_type"]} == {"ACCUSE", "CONSULT", "AGREE", "REJECT"}


@pytest.mark.parametrize("bad", ["", "   ", '""', "؟!", "-موسكو", "x" * 501])
def test_search_rejects_queries_without_words(db, bad):
    con = connect_reader(db)
    with pytest.raises(UsageError):
        search(con, bad)


def test_search_index_columns_align_forms_and_stems():
    forms, stems = index_columns("وقال الرئيس بموسكو إن الاتفاقية للرئيس")
    assert len(forms.split()) == len(stems.split()) == 6
    assert stems.split()[2] == "موسكو" and stems.split()[4] == "اتفاقيه"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_search_any_text_is_a_valid_query_or_a_usage_error(q):
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE article_fts USING fts5(title_form, title_stem, body_form, body_stem,"
                " tokenize='unicode61 remove_diacritics 0')")
    try:
        query = parse_query(q)
    except UsageError:
        return
    con.execute("SELECT count(*) FROM article_fts WHERE article_fts MATCH ?", (query.match,)).fetchone()
