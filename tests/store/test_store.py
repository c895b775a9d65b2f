"""The store: idempotent writes, full records kept, normalised tables consistent, failures and retries."""

from __future__ import annotations

import json
import sqlite3

import fake_analyzer
import pytest
from records_fixture import evil_page, moscow_page, plain_page, sample_pages

from marsad.errors import UsageError
from marsad.store import Filters, Store, connect_reader, ingest
from marsad.store import queries


def counts(path) -> dict:
    con = sqlite3.connect(path)
    out = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
           for t in ("pages", "articles", "article_fts", "entities", "mentions", "quotes", "events", "dates",
                     "actors", "failures")}
    out["actor_articles"] = con.execute("SELECT sum(n_articles) FROM actors").fetchone()[0]
    con.close()
    return out


def test_store_keeps_the_full_page_json(db):
    con = connect_reader(db)
    page = moscow_page()
    assert json.loads(con.execute("SELECT json FROM pages WHERE sha256=?", (page.source.sha256,)).fetchone()[0]) \
        == page.to_dict()
    got = queries.get_article(con, page.articles[0].id)
    assert got["article"] == page.articles[0].to_dict()
    assert got["related"] == [{"id": page.articles[1].id, "role": "related", "title": page.articles[1].title}]


def test_store_add_pages_twice_changes_nothing(db):
    before = counts(db)
    with Store(db) as s:
        added, rejected = s.add_pages(sample_pages())
    assert added == [] and rejected == []
    assert counts(db) == before


def test_store_duplicates_within_one_batch_are_stored_once(tmp_path):
    with Store(tmp_path / "x.db") as s:
        added, _ = s.add_pages([plain_page(1), plain_page(1), plain_page(2)])
    assert len(added) == 2
    assert counts(tmp_path / "x.db")["articles"] == 2


def test_store_reingest_same_inputs_no_duplicates(tmp_path):
    src = tmp_path / "pages.jsonl"
    fake_analyzer.write_jsonl(src, sample_pages())
    dbp = tmp_path / "m.db"
    r1 = ingest([str(src)], str(dbp), analyzer=fake_analyzer.analyze_path, progress=False)
    first = counts(dbp)
    r2 = ingest([str(src)], str(dbp), analyzer=fake_analyzer.analyze_path, progress=False)
    assert (r1.stored, r1.skipped) == (len(sample_pages()), 0)
    assert (r2.stored, r2.skipped) == (0, len(sample_pages()))
    assert counts(dbp) == first
    assert first["articles"] == first["article_fts"] == sum(len(p.articles) for p in sample_pages())


def test_store_normalised_tables_match_records(db):
    page = moscow_page()
    c = counts(db)
    pages = sample_pages()
    assert c["entities"] == sum(len(a.entities) for p in pages for a in p.articles)
    assert c["mentions"] == sum(len(e.mentions) for p in pages for a in p.articles for e in a.entities)
    assert c["quotes"] == sum(len(a.quotes) for p in pages for a in p.articles)
    assert c["events"] == sum(len(a.events) for p in pages for a in p.articles)
    con = connect_reader(db)
    q = con.execute("SELECT speaker_actor, speaker_name FROM quotes WHERE qid='q1' AND article ="
                    " (SELECT n FROM articles WHERE id=?)", (page.articles[0].id,)).fetchone()
    assert tuple(q) == ("marsad:per/kazem-jalali", "كاظم جلالي")
    iran = con.execute("SELECT n_articles, n_events FROM actors WHERE id='marsad:gpe/iran'").fetchone()
    assert tuple(iran) == (2, 4)  # main: 3 events with Iran as source or target; related: 1


def test_store_failures_are_recorded_listed_and_retried(tmp_path):
    src = tmp_path / "in.jsonl"
    fake_analyzer.write_jsonl(src, [plain_page(1), {"bad": "not Arabic"}, plain_page(2)])
    dbp = str(tmp_path / "m.db")
    r = ingest([str(src)], dbp, analyzer=fake_analyzer.analyze_path, progress=False)
    assert (r.stored, r.failed) == (2, 1)
    con = connect_reader(dbp)
    fails = queries.list_failures(con)
    assert [(f["source"], f["code"], f["error"]) for f in fails] == [(f"{src}:2", "M100", "not Arabic")]
    con.close()
    # Still failing: the failure stays, its attempts go up.
    ingest([], dbp, retry_failed=True, analyzer=fake_analyzer.analyze_path, progress=False)
    con = connect_reader(dbp)
    assert queries.list_failures(con)[0]["attempts"] == 2
    con.close()
    # Fixed input: the retry stores the page and clears the failure.
    fake_analyzer.write_jsonl(src, [plain_page(1), plain_page(3), plain_page(2)])
    r = ingest([], dbp, retry_failed=True, analyzer=fake_analyzer.analyze_path, progress=False)
    assert (r.stored, r.skipped, r.failed) == (1, 2, 0)
    con = connect_reader(dbp)
    assert queries.list_failures(con) == []
    assert queries.stats(con)["articles"] == 3


def test_store_missing_input_is_a_failure_not_a_crash(tmp_path):
    dbp = str(tmp_path / "m.db")
    r = ingest([str(tmp_path / "nope.jsonl")], dbp, analyzer=fake_analyzer.analyze_path, progress=False)
    assert r.failed == 1 and r.errors[0].code == "M101"


def test_store_analyzer_bug_keeps_earlier_pages(tmp_path):
    def broken(path, **opts):
        yield plain_page(1)
        raise RuntimeError("stage exploded")

    dbp = str(tmp_path / "m.db")
    r = ingest(["x"], dbp, analyzer=broken, progress=False)
    assert (r.stored, r.failed) == (1, 1) and r.errors[0].code == "M900"


def test_store_nothing_to_do_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError):
        ingest([], str(tmp_path / "m.db"), analyzer=fake_analyzer.analyze_path, progress=False)


def test_store_article_id_clash_rejects_only_that_page(tmp_path):
    p = plain_page(1)
    clash = p.replace(source=p.source.replace(sha256=p.source.sha256[:12] + "0" * 52))
    with Store(tmp_path / "m.db") as s:
        added, rejected = s.add_pages([p, clash, plain_page(2)])
        assert len(added) == 2 and len(rejected) == 1 and rejected[0].code == "M410"
        assert len(s.failures()) == 1


def test_store_reader_is_read_only(db):
    con = connect_reader(db)
    with pytest.raises(sqlite3.OperationalError):
        con.execute("DELETE FROM pages")


def test_store_reader_refuses_missing_or_foreign_files(tmp_path):
    with pytest.raises(UsageError):
        connect_reader(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(UsageError):
        connect_reader(other)


def test_store_listing_filters(db):
    con = connect_reader(db)
    assert queries.list_articles(con, Filters.make(outlet="okaz"))["total"] == 6
    assert queries.list_articles(con, Filters.make(date_from="2015-08-02", date_to="2015-08-03"))["total"] == 4
    assert queries.list_articles(con, Filters.make(date_to="2015-08"))["total"] == 12
    assert queries.list_articles(con, Filters.make(actor="marsad:per/sergey-lavrov"))["total"] == 1
    assert queries.list_articles(con, Filters.make(event_type="accuse"))["total"] == 1
    assert queries.list_articles(con, Filters.make(speaker="marsad:per/kazem-jalali"))["total"] == 1
    assert queries.list_events(con, Filters.make(country="RUS"))["total"] == 3
    assert queries.list_quotes(con, Filters.make(speaker="marsad:per/sergey-lavrov"))["items"][0]["cue"] == "وأكد"
    with pytest.raises(UsageError):
        Filters.make(date_from="2015-02-30")
    with pytest.raises(UsageError):
        Filters.make(event_type="PARTY")


def test_store_actor_view(db):
    con = connect_reader(db)
    a = queries.get_actor(con, "marsad:per/sergey-lavrov")
    assert a["name_latin"] == "Sergey Lavrov" and a["roles"] == ["وزير الخارجية الروسي"]
    assert [q["text"] for q in a["quotes"]] == ["بلاده ترفض العقوبات الأمريكية"]
    assert {v["type"] for v in a["events"]} == {"CONSULT", "REJECT"}
    assert {c["id"] for c in a["cooccurring"]} >= {"marsad:gpe/iran", "marsad:per/kazem-jalali"}
    assert a["timeline"] == [{"day": "2024-11-19", "articles": 1, "mentions": 2}]
    assert queries.get_actor(con, "marsad:nobody") is None


def test_store_evil_text_is_stored_verbatim(db):
    con = connect_reader(db)
    got = queries.get_article(con, evil_page().articles[0].id)
    assert "<script>alert(2)</script>" in got["article"]["body"]


def test_store_resume_lets_the_analyser_skip_stored_hashes(tmp_path):
    """An analyser that takes ``skip`` is asked about each content hash before it analyses the unit."""
    pages = [plain_page(i) for i in range(5)]
    asked, analysed = [], []

    def analyze_path(path, *, skip=None):
        for p in pages:
            asked.append(p.source.sha256)
            if skip is not None and skip(p.source.sha256):
                continue
            analysed.append(p.source.sha256)
            yield p

    dbp = str(tmp_path / "m.db")
    with Store(dbp) as s:
        s.add_pages(pages[:3])
    r = ingest(["x"], dbp, analyzer=analyze_path, progress=False)
    assert (r.stored, r.skipped) == (2, 3)
    assert analysed == [p.source.sha256 for p in pages[3:]]


def test_store_a_crashed_run_keeps_older_failures_of_that_input(tmp_path):
    src = tmp_path / "in.jsonl"
    fake_analyzer.write_jsonl(src, [plain_page(1), plain_page(2), {"bad": "late failure"}])
    dbp = str(tmp_path / "m.db")
    ingest([str(src)], dbp, analyzer=fake_analyzer.analyze_path, progress=False)

    def crashes_early(path, **opts):
        yield plain_page(1)
        raise RuntimeError("boom")

    ingest([str(src)], dbp, analyzer=crashes_early, progress=False)
    con = connect_reader(dbp)
    sources = {f["source"] for f in queries.list_failures(con)}
    assert f"{src}:3" in sources and str(src) in sources  # the old failure stays; the crash is recorded
