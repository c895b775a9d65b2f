"""When the words were said: a time expression in the cue's clause, else the article's date, else null."""

from __future__ import annotations

from marsad.quotes import find_quotes
from tests.quotes.conftest import make_article, time_expr


def test_quotes_date_from_the_cue_clause():
    body = "وقال الوزير في تصريح اليوم الثلاثاء إن الميزانية ستعرض على البرلمان."
    d = time_expr(body, "اليوم الثلاثاء", "2024-11-19")
    (q,) = find_quotes(make_article(body, dates=[d], published="2024-11-20"))
    assert q.date == "2024-11-19"


def test_quotes_date_falls_back_to_published():
    body = "وقال الوزير إن الميزانية ستعرض على البرلمان."
    (q,) = find_quotes(make_article(body, published="2024-11-20T10:00:00+01:00"))
    assert q.date == "2024-11-20"


def test_quotes_date_null_without_any_date():
    body = "وقال الوزير إن الميزانية ستعرض على البرلمان."
    (q,) = find_quotes(make_article(body, published=None))
    assert q.date is None


def test_quotes_date_ignores_dates_in_other_sentences():
    body = "افتتح المعرض أمس الاثنين. وقال الوزير إن الميزانية ستعرض على البرلمان."
    d = time_expr(body, "أمس الاثنين", "2024-11-18")
    (q,) = find_quotes(make_article(body, dates=[d], published="2024-11-19"))
    assert q.date == "2024-11-19"
