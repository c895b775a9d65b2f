"""The ingest/search/status commands, through ``marsad.cli`` (exit codes, output formats)."""

from __future__ import annotations

import json
from argparse import Namespace

import fake_analyzer
import pytest
from records_fixture import moscow_page, sample_pages

from marsad.store import commands

MAIN = moscow_page().articles[0].id


def _pipeline_available() -> bool:
    try:
        from marsad import pipeline  # noqa: F401
    except Exception:  # noqa: BLE001
        return False
    return True


def search_args(db, query, **kw):
    base = dict(db=str(db) if db else None, query=query.split(), format="json", date_from=None, date_to=None, outlet=None,
                actor=None, event_type=None, speaker=None, limit=20)
    return Namespace(**{**base, **kw})


def test_commands_search_json(db, capsys):
    assert commands.cmd_search(search_args(db, "بموسكو", outlet="aawsat")) == 0
    hits = json.loads(capsys.readouterr().out)
    assert [h["article_id"] for h in hits] == [MAIN]
    assert set(hits[0]) == {"article_id", "title", "published", "outlet", "snippet", "score"}


def test_commands_search_table_and_usage_errors(db, capsys):
    assert commands.cmd_search(search_args(db, "الاتفاقية", format="table", limit=3)) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 6 and MAIN in out
    assert commands.cmd_search(search_args(db, "x", date_from="2015-99")) == 2
    assert commands.cmd_search(search_args(db, "؟")) == 2
    assert commands.cmd_search(search_args(db.parent / "nope.db", "x")) == 2
    assert "error" in capsys.readouterr().err


def test_commands_db_from_environment(db, monkeypatch, capsys):
    monkeypatch.setenv("MARSAD_DB", str(db))
    assert commands.cmd_search(search_args(None, "لافروف")) == 0
    assert json.loads(capsys.readouterr().out)[0]["article_id"] == MAIN


def test_commands_ingest_and_status(tmp_path, capsys):
    src = tmp_path / "in.jsonl"
    fake_analyzer.write_jsonl(src, [*sample_pages()[:3], {"bad": "no Arabic text"}])
    dbp = tmp_path / "m.db"
    args = Namespace(paths=[str(src)], db=str(dbp), retry_failed=False, published=None, plain=False,
                     text_field=None, html_field=None, lang_any=False, max_bytes=None, batch_size=64, quiet=False,
                     analyzer=fake_analyzer.analyze_path)
    assert commands.cmd_ingest(args) == 1  # one input failed
    err = capsys.readouterr().err
    assert '"code": "M100"' in err and "3 pages stored (4 articles)" in err
    assert commands.cmd_ingest(args) == 1
    assert "0 pages stored" in capsys.readouterr().err
    assert commands.cmd_status(Namespace(db=str(dbp), format="text")) == 0
    out = capsys.readouterr().out
    assert "pages             3" in out and "failures          1" in out and "no Arabic text" in out
    assert commands.cmd_status(Namespace(db=str(dbp), format="json")) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["stats"]["articles"] == 4 and len(st["runs"]) == 2 and st["failures"][0]["attempts"] == 2


def test_commands_registered_in_cli():
    from marsad.cli import build_parser

    parser = build_parser()
    args = parser.parse_args(["search", "موسكو", "--format", "json", "--from", "2015", "--event-type", "AGREE"])
    assert args.handler is commands.cmd_search and args.date_from == "2015"
    args = parser.parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8000)
    args = parser.parse_args(["ingest", "--retry-failed"])
    assert args.retry_failed and args.paths == []


def test_commands_ingest_without_inputs_is_usage(tmp_path, capsys):
    from marsad.cli import main

    assert main(["ingest", "--db", str(tmp_path / "m.db")]) == 2


@pytest.mark.skipif(not _pipeline_available(), reason="marsad.pipeline (analyze_path) not importable yet")
def test_commands_ingest_real_pipeline_files(tmp_path, capsys):
    """The real analyser on files written here: a text page, a non-Arabic page (a failure), then retry."""
    from marsad.cli import main

    d = tmp_path / "pages"
    d.mkdir()
    (d / "a.txt").write_text("الرياض: وقعت المملكة العربية السعودية اتفاقية تعاون مع روسيا في موسكو اليوم.\n"
                             "وقال وزير الخارجية إن الاتفاقية ستعزز العلاقات بين البلدين في مجالات عدة.\n",
                             encoding="utf-8")
    (d / "b.txt").write_text("This page is in English and has no Arabic text at all, so it fails.\n",
                             encoding="utf-8")
    dbp = str(tmp_path / "m.db")
    assert main(["ingest", str(d), "--db", dbp, "--quiet"]) == 1
    assert main(["search", "بموسكو", "--db", dbp, "--format", "json"]) == 0
    out = capsys.readouterr().out
    hits = json.loads(out[out.index("["):])
    assert len(hits) == 1
    assert main(["status", "--db", dbp, "--format", "json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["stats"]["pages"] == 1 and len(st["failures"]) == 1
    (d / "b.txt").write_text("خبر عربي قصير عن الاقتصاد في الرياض وقال المسؤول إن النمو مستمر.\n", encoding="utf-8")
    assert main(["ingest", "--retry-failed", "--db", dbp, "--quiet"]) == 0
    assert main(["status", "--db", dbp, "--format", "json"]) == 0
    st = json.loads(capsys.readouterr().out)
    assert st["stats"]["pages"] == 2 and st["failures"] == []
    assert main(["ingest", str(d), "--db", dbp, "--quiet"]) == 0  # again: nothing new
    assert main(["status", "--db", dbp, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["pages"] == 2
