"""The ``marsad`` command: output shapes, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PAGES = Path(__file__).resolve().parents[1] / "pages"
PAGE = "قمة عربية في الرياض\nالرياض - واس\nعقد القادة العرب اليوم الثلاثاء قمة طارئة في الرياض لبحث الأوضاع في المنطقة.\n"


def run(*args, stdin: bytes | None = None, timeout=120):
    return subprocess.run([sys.executable, "-m", "marsad.cli", *args], input=stdin, capture_output=True,
                          timeout=timeout)


def test_cli_one_input_prints_one_pretty_page(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(PAGE, encoding="utf-8")
    r = run("analyze", str(f))
    assert r.returncode == 0, r.stderr
    page = json.loads(r.stdout)
    assert page["schema"] == "marsad.page/1"
    assert page["articles"][0]["title"] == "قمة عربية في الرياض"
    assert page["articles"][0]["outlet"] == "واس"
    assert "\n  " in r.stdout.decode()  # pretty


def test_cli_several_inputs_stream_jsonl_in_order(tmp_path):
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(PAGE.replace("الرياض", f"الرياض {i}", 1), encoding="utf-8")
    r = run("analyze", *(str(tmp_path / f"{i}.txt") for i in range(3)))
    assert r.returncode == 0
    lines = r.stdout.decode().splitlines()
    assert len(lines) == 3
    assert [json.loads(ln)["source"]["uri"].endswith(f"{i}.txt") for i, ln in enumerate(lines)] == [True] * 3


def test_cli_jsonl_rows_keep_row_uri_and_id(tmp_path):
    f = tmp_path / "rows.jsonl"
    f.write_text("\n".join(json.dumps({"id": f"r{i}", "text": PAGE}, ensure_ascii=False) for i in range(2)),
                 encoding="utf-8")
    r = run("analyze", str(f))
    pages = [json.loads(ln) for ln in r.stdout.decode().splitlines()]
    assert [p["source"]["uri"] for p in pages] == [f"{f}#1", f"{f}#2"]
    assert [p["source"].get("id") for p in pages] == ["r0", "r1"]


def test_cli_failures_are_json_lines_and_exit_1(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    english = tmp_path / "en.txt"
    english.write_text("The summit opened today in Riyadh with leaders from the region. " * 5)
    r = run("analyze", str(tmp_path / "missing.txt"), str(empty), str(english), str(good))
    assert r.returncode == 1
    errors = [json.loads(ln) for ln in r.stderr.decode().splitlines()]
    assert len(errors) == 3 and all(e["input"] and e["error"] for e in errors)
    assert "not Arabic" in errors[2]["error"]
    assert "Traceback" not in r.stderr.decode()
    assert len(r.stdout.decode().splitlines()) == 1


def test_cli_lang_any_processes_non_arabic(tmp_path):
    f = tmp_path / "en.txt"
    f.write_text("A title\nSome body text that is in English only, for a test.\n")
    assert run("analyze", "--lang-any", str(f)).returncode == 0


def test_cli_plain_keeps_text_unchanged(tmp_path):
    f = tmp_path / "plain.txt"
    f.write_bytes("سطر أول\r\nتاريخ النشر: 19 نوفمبر 2024\r\nنص".encode())
    page = json.loads(run("analyze", "--plain", str(f)).stdout)
    art = page["articles"][0]
    assert art["body"] == "سطر أول\nتاريخ النشر: 19 نوفمبر 2024\nنص"
    assert art["title"] is None and art["published"] is None


def test_cli_stdin_and_published(tmp_path):
    r = run("analyze", "-", "--published", "2024-11-19", stdin=PAGE.encode())
    art = json.loads(r.stdout)["articles"][0]
    assert art["published"] == "2024-11-19"
    assert any(d["value"] == "2024-11-19" for d in art["dates"])


@pytest.mark.parametrize("args", [["analyze"], ["analyze", "x", "--format", "xml"], ["nope"],
                                  ["analyze", "-", "--published", "yesterday-ish"]])
def test_cli_usage_errors_exit_2(args):
    r = run(*args, stdin=PAGE.encode())
    assert r.returncode == 2
    assert len(r.stderr.decode().strip().splitlines()) == 1
    assert "Traceback" not in r.stderr.decode()


def test_cli_eval_accurate_without_its_model_is_one_line(tmp_path):
    from marsad.entities.gazetteers import RESOURCES

    if not (RESOURCES / "ner.crfsuite").exists():
        pytest.skip("no shipped CRF model")
    import shutil

    model = tmp_path / "crf-only"
    shutil.copytree(RESOURCES, model, ignore=shutil.ignore_patterns("e5ner.npz", "accurate.json"))
    r = run("eval", "ner", "--accurate", "--model", str(model), "--data", str(tmp_path))
    err = r.stderr.decode().strip()
    assert r.returncode != 0 and "Traceback" not in err
    assert len(err.splitlines()) == 1 and "M404" in err and "accurate.json" in err


def test_cli_too_large_file(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(PAGE * 50, encoding="utf-8")
    r = run("analyze", "--max-bytes", "100", str(f))
    assert r.returncode == 1 and "Traceback" not in r.stderr.decode()


def test_api_stage_packages_are_callable():
    import marsad

    spans = marsad.entities("قال الرئيس الروسي فلاديمير بوتين في موسكو")
    assert all(isinstance(s, tuple) and len(s) == 3 for s in spans)
    page = marsad.analyze("قمة\nقال وزير الخارجية عباس عراقجي إن بلاده مستعدة للحوار. وأضاف: «نحن جاهزون».")
    art = page.articles[0]
    assert marsad.quotes(art) == art.quotes
    assert marsad.events(art) == art.events
    import marsad.entities.evaluate  # submodules stay importable

    assert callable(marsad.entities)


def test_cli_train_ner_resources_reach_train(tmp_path, monkeypatch):
    import marsad.entities.train as train_mod
    from marsad.cli import main

    seen = {}
    monkeypatch.setattr(train_mod, "train", lambda out, **kw: seen.update(kw, out=out) or Path(out))
    tables, data = tmp_path / "tables", tmp_path / "data"
    tables.mkdir()
    data.mkdir()
    assert main(["train", "ner", "--out", str(tmp_path / "m"), "--data", str(data), "--resources", str(tables)]) == 0
    assert seen["resources"] == str(tables) and seen["data_dir"] == data
    seen.clear()
    assert main(["train", "ner", "--out", str(tmp_path / "m"), "--data", str(data)]) == 0
    assert "resources" not in seen  # the shipped tables
    assert main(["train", "ner", "--out", str(tmp_path / "m"), "--data", str(data),
                 "--resources", str(tmp_path / "missing")]) == 2


def test_python_dash_m_marsad_is_the_command_line():
    r = subprocess.run([sys.executable, "-m", "marsad", "--help"], capture_output=True, timeout=120)
    assert r.returncode == 0 and b"ingest" in r.stdout
