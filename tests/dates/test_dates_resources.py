"""Date resources: present, consistent with their provenance, loaded lazily, never at import time."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys

import pytest

from marsad.dates import lexicon

FILES = ["cldr_months.json", "cldr_weekdays.json", "cldr_hijri_months.json", "cldr_relative.json",
         "variants.json"]


@pytest.mark.parametrize("name", FILES)
def test_dates_resources_files_parse(name):
    data = json.loads((lexicon.RESOURCE_DIR / name).read_text(encoding="utf-8"))
    assert data["_meta"]["license"]


def test_dates_resources_all_28_locales():
    assert len(lexicon.cldr_month_names()) == 28
    assert all(len(names) == 12 for widths in lexicon.cldr_month_names().values() for names in widths.values())


def test_dates_resources_provenance_names_source_license_and_hashes():
    text = (lexicon.RESOURCE_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "Unicode License v3" in text and "CLDR 48.2" in text
    hashes = re.findall(r"\| `([^`]+)` \| `([0-9a-f]{64})` \|", text)
    assert len(hashes) >= 28 * 2 + 5


def test_dates_resources_provenance_hashes_match_inputs(data_dir):
    src = data_dir / "CLDR-Arabic"
    text = (lexicon.RESOURCE_DIR / "PROVENANCE.md").read_text(encoding="utf-8")
    for name, digest in re.findall(r"\| `([^`]+)` \| `([0-9a-f]{64})` \|", text):
        assert hashlib.sha256((src / name).read_bytes()).hexdigest() == digest, name


def test_dates_resources_build_is_reproducible(data_dir):
    from marsad.dates.build_data import build

    built = build(data_dir / "CLDR-Arabic")
    for name, data in built.items():
        if name.endswith(".json"):
            committed = json.loads((lexicon.RESOURCE_DIR / name).read_text(encoding="utf-8"))
            assert committed == json.loads(json.dumps(data, ensure_ascii=False)), name


def test_dates_resources_not_read_at_import():
    code = ("import builtins, marsad.dates\n"
            "from marsad.dates import lexicon, grammar\n"
            "assert lexicon.load.cache_info().currsize == 0\n"
            "assert grammar.expression_regex.cache_info().currsize == 0\n"
            "print('ok')")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize("table", [lexicon.gregorian_months, lexicon.hijri_months, lexicon.weekdays,
                                   lexicon.english_months, lexicon.number_words])
def test_dates_resources_tables_are_normalised_and_unambiguous(table):
    from marsad.text.normalize import normalize_for_match

    entries = table()
    assert entries
    assert all(normalize_for_match(k) == k for k in entries)
