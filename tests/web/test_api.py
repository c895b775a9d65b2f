"""The JSON API and the HTML pages on a fixture store with entities, quotes and events."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
TOKEN = "s3cret-token"  # the token the writable_client fixture starts the app with
from records_fixture import evil_page, moscow_page, plain_page

MAIN = moscow_page().articles[0].id
RELATED = moscow_page().articles[1].id
EVIL = evil_page().articles[0].id


def test_web_stats(client):
    st = client.get("/api/stats").json()
    assert st["pages"] == 14 and st["articles"] == 15 and st["events"] == 6 and st["quotes"] == 3


def test_web_search_json(client):
    r = client.get("/api/search", params={"q": "بموسكو", "facets": "true"})
    assert r.status_code == 200
    body = r.json()
    hit = next(h for h in body["hits"] if h["article_id"] == MAIN)
    assert {"article_id", "title", "published", "outlet", "snippet"} <= set(hit)
    assert hit["outlet"] == "aawsat" and body["total"] >= 1 and "facets" in body


@pytest.mark.parametrize("params", [{"q": ""}, {"q": '""'}, {"q": "x", "from": "2015-13-01"},
                                    {"q": "x", "event_type": "PARTY"}, {"q": "x", "limit": 0},
                                    {"q": "x", "limit": "many"}, {"q": "x" * 600}, {}])
def test_web_search_bad_parameters_are_4xx_json(client, params):
    r = client.get("/api/search", params=params)
    assert 400 <= r.status_code < 500
    assert "detail" in r.json()


def test_web_articles_listing_and_pagination(client):
    r = client.get("/api/articles", params={"outlet": "okaz", "per_page": 4, "page": 2}).json()
    assert r["total"] == 6 and len(r["items"]) == 2 and r["page"] == 2
    r = client.get("/api/articles", params={"actor": "marsad:gpe/iran"}).json()
    assert {a["id"] for a in r["items"]} == {MAIN, RELATED}
    r = client.get("/api/articles", params={"from": "2024-11-20"}).json()
    assert [a["id"] for a in r["items"]] == [EVIL]


def test_web_article_json_twin(client):
    r = client.get(f"/api/articles/{MAIN}").json()
    assert r["article"] == moscow_page().articles[0].to_dict()
    assert r["related"][0]["id"] == RELATED
    assert client.get("/api/articles/nope-0").status_code == 404


def test_web_page_json_is_the_stored_record(client):
    page = moscow_page()
    assert client.get(f"/api/pages/{page.source.sha256}").json() == page.to_dict()
    assert client.get("/api/pages/" + "0" * 64).status_code == 404
    assert client.get("/api/pages/xyz").status_code == 422


def test_web_actor_json(client):
    a = client.get("/api/actors/marsad:per/kazem-jalali").json()
    assert a["name_latin"] == "Kazem Jalali"
    assert a["quotes"][0]["text"].startswith("إن الاتفاقية")
    assert {c["id"] for c in a["cooccurring"]} >= {"marsad:gpe/iran", "marsad:per/sergey-lavrov"}
    assert a["timeline"] and "links" in a
    assert client.get("/api/actors/marsad:nobody").status_code == 404
    lst = client.get("/api/actors", params={"q": "لافروف"}).json()
    assert [x["id"] for x in lst["items"]] == ["marsad:per/sergey-lavrov"]
    lst = client.get("/api/actors", params={"q": "lavrov"}).json()
    assert [x["id"] for x in lst["items"]] == ["marsad:per/sergey-lavrov"]


def test_web_events_and_quotes(client):
    ev = client.get("/api/events", params={"event_type": "consult"}).json()
    assert ev["total"] == 1 and ev["items"][0]["source_name"] == "سيرغي لافروف"
    assert client.get("/api/events", params={"country": "USA"}).json()["total"] == 2
    assert client.get("/api/events", params={"from": "2024-11-13"}).json()["total"] == 4
    qs = client.get("/api/quotes", params={"speaker": "marsad:per/sergey-lavrov"}).json()
    assert qs["total"] == 1 and qs["items"][0]["direct"] is False


@pytest.mark.parametrize("path", ["/api/articles", "/api/events", "/api/quotes", "/api/actors",
                                  "/articles", "/events", "/quotes", "/actors"])
def test_web_exports(client, path):
    r = client.get(path, params={"format": "jsonl"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(x) for x in r.text.splitlines()]
    assert rows
    r = client.get(path, params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    table = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(table) == len(rows)


def test_web_csv_neutralises_formulas(client):
    r = client.get("/api/articles", params={"format": "csv", "outlet": "<script>x</script>"})
    assert "<script>x</script>" in r.text  # CSV is data, not HTML: kept verbatim
    assert client.get("/api/articles", params={"format": "xml"}).status_code == 422


@pytest.mark.parametrize("path", ["/", "/search?q=الاتفاقية", f"/articles/{MAIN}", "/actors",
                                  "/actors/marsad:gpe/iran", "/events?event_type=ACCUSE", "/quotes", "/articles",
                                  "/events?country=RUS&from=2024-11-01"])
def test_web_html_pages_are_rtl_arabic(client, path):
    r = client.get(path)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert '<html dir="rtl" lang="ar">' in r.text
    assert 'href="/api' in r.text  # the JSON twin is linked


def test_web_article_page_highlights_spans(client):
    html = client.get(f"/articles/{MAIN}").text
    assert '<span class="ent ent-PER" title="PER: كاظم جلالي · Kazem Jalali">كاظم جلالي</span>' in html
    assert 'class="trigger"' in html and 'class="quote' in html and 'class="time"' in html
    assert "Sergey Lavrov" in html and f'href="/articles/{RELATED}"' in html
    assert 'href="/actors/marsad:per/kazem-jalali"' in html


def test_web_actor_page_has_charts(client):
    html = client.get("/actors/marsad:gpe/iran").text
    assert html.count("<svg") == 2 and 'aria-label="timeline"' in html and 'aria-label="network"' in html


def test_web_search_page_has_facets_and_links(client):
    html = client.get("/search", params={"q": "الاتفاقية"}).text
    assert f'href="/articles/{MAIN}"' in html and "<mark>" in html
    assert "outlet=aawsat" in html and "event_type=ACCUSE" in html


@pytest.mark.parametrize("path", [f"/articles/{EVIL}", "/search?q=script", "/search?q=<script>alert(1)</script>",
                                  "/articles?outlet=%3Cscript%3Ex%3C%2Fscript%3E", "/events?event_type=REJECT",
                                  "/quotes", "/actors", "/actors/marsad:org/evil<script>", "/"])
def test_web_markup_in_articles_renders_inert(client, path):
    r = client.get(path)
    assert r.status_code in (200, 404)
    html = r.text
    assert "<script>" not in html and "<img" not in html and "<svg onload" not in html and "<b onmouseover" not in html
    assert "<i onerror" not in html
    assert "onerror=alert" not in html or "&lt;" in html  # only ever as escaped text


def test_web_evil_article_keeps_text_escaped(client):
    html = client.get(f"/articles/{EVIL}").text
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_web_errors_are_json_or_html_never_500(client):
    assert client.get("/api/articles", params={"page": 0}).status_code == 422
    assert client.get("/api/articles", params={"per_page": 10_000}).status_code == 422
    assert client.get("/api/articles", params={"from": "yesterday"}).status_code in (400, 422)
    assert client.get("/api/events", params={"to": "2015-02-31"}).status_code == 400
    r = client.get("/articles", params={"from": "2015-99"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/html")
    assert client.get("/api/search?q=%ED%A0%80%FF").status_code < 500  # invalid UTF-8 in the URL


def test_web_app_connection_is_read_only(client):
    from marsad.web.deps import get_db

    class Req:
        class app:
            class state:
                db_path = client.app.state.db_path

    gen = get_db(Req)
    con = next(gen)
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM pages")
    gen.close()


def test_web_create_app_refuses_missing_db(tmp_path):
    from marsad.errors import UsageError
    from marsad.web import create_app

    with pytest.raises(UsageError):
        create_app(tmp_path / "nope.db")


# -- submissions -------------------------------------------------------------------------------------------
def test_web_submit_disabled_without_token(client):
    r = client.post("/api/pages", json=plain_page(99).to_dict())
    assert r.status_code == 403 and "detail" in r.json()


def test_web_submit_requires_the_token(writable_client):
    page = plain_page(100).to_dict()
    assert writable_client.post("/api/pages", json=page).status_code == 401
    assert writable_client.post("/api/pages", json=page, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert writable_client.post("/api/pages", json=page, headers={"Authorization": TOKEN}).status_code == 401


def test_web_submit_stores_pages_once(writable_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    pages = [plain_page(101).to_dict(), plain_page(102).to_dict()]
    r = writable_client.post("/api/pages", json=pages, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["stored"] == 2
    r = writable_client.post("/api/pages", json=pages, headers=auth)
    assert r.json()["stored"] == 0 and r.json()["skipped"] == 2
    aid = pages[0]["articles"][0]["id"]
    assert writable_client.get(f"/api/articles/{aid}").status_code == 200
    assert writable_client.get("/api/search", params={"q": "بموسكو"}).json()["hits"]


@pytest.mark.parametrize("body, status", [
    (b"not json", 400),
    (b"[]", 400),
    (b"[1, 2]", 400),
    (json.dumps({"source": {"sha256": "x"}}).encode(), 400),
    (json.dumps({"schema": "marsad.page/1", "source": {"uri": None, "kind": "text", "sha256": "a" * 64,
                                                        "encoding": "utf-8", "bytes": 3},
                 "articles": [{"id": "aaaaaaaaaaaa-0", "role": "main", "title": "t", "body": "abc",
                               "entities": [{"id": "e1", "type": "PER", "name": "x",
                                             "mentions": [{"text": "zz", "start": 0, "end": 2}]}]}]}).encode(), 400),
])
def test_web_submit_rejects_bad_pages(writable_client, body, status):
    r = writable_client.post("/api/pages", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                                  "Content-Type": "application/json"})
    assert r.status_code == status and "detail" in r.json()


def test_web_submit_size_limit(writable_client):
    big = json.dumps([plain_page(i).to_dict() for i in range(400)]).encode()
    assert len(big) > 200_000
    r = writable_client.post("/api/pages", content=big, headers={"Authorization": f"Bearer {TOKEN}",
                                                                 "Content-Type": "application/json"})
    assert r.status_code == 413


def test_web_openapi_lists_the_api(client):
    spec = client.get("/openapi.json").json()
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/search", "/api/actors",
              "/api/actors/{actor_id}", "/api/events", "/api/quotes", "/api/stats", "/api/pages"):
        assert p in spec["paths"], p
    assert client.get("/docs").status_code == 200
