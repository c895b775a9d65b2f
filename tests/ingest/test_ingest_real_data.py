"""Real corpora in ../shared/data: every row becomes a Document or an EmptyInputError, none lost."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from marsad.errors import EmptyInputError
from marsad.ingest import Document, read_path, sniff_kind
from marsad.shared_data import shared_data_dir


def _shared() -> Path:
    path = shared_data_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set MARSAD_SHARED_DATA)")
    return path


def test_ingest_real_ant_corpus_jsonl():
    path = _shared() / "ANT-Corpus" / "antcorpus_v1.1.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with open(path, "rb") as handle:
        expected_rows = sum(1 for line in handle if line.strip())
    out = list(read_path(str(path)))
    kinds = Counter(type(x) for x in out)
    assert len(out) == expected_rows == 10161
    assert kinds[EmptyInputError] == 23
    assert kinds[Document] == expected_rows - 23
    docs = [d for d in out if isinstance(d, Document)]
    assert all(d.kind == "jsonl" and d.text.strip() and d.encoding == "utf-8" for d in docs)
    assert [getattr(d, "uri", None) or d.source for d in out] == [f"{path}#{n}" for n in range(1, expected_rows + 1)]
    assert all(d.id and d.published for d in docs)
    assert sum(1 for d in docs if d.outlet) >= len(docs) - 5  # a row or so has no "src"
    assert len({d.sha256 for d in docs}) > 0.99 * len(docs)


def test_ingest_real_saudinewsnet_zip():
    folder = _shared() / "SaudiNewsNet" / "dataset"
    zips = sorted(folder.glob("*.zip")) if folder.is_dir() else []
    if not zips:
        pytest.skip(f"no SaudiNewsNet zips in {folder}")
    path = zips[0]
    with zipfile.ZipFile(path) as archive:
        (member,) = archive.namelist()
        rows = json.loads(archive.read(member))
    empty = sum(1 for r in rows if not (r.get("content") or "").strip())
    assert sniff_kind(path.read_bytes(), str(path)) == "zip"
    out = list(read_path(str(path)))
    assert len(out) == len(rows)
    assert sum(isinstance(x, EmptyInputError) for x in out) == empty
    docs = [d for d in out if isinstance(d, Document)]
    assert len(docs) == len(rows) - empty
    assert all(d.text.strip() and d.kind == "jsonl" for d in docs)
    assert docs[0].uri.startswith(f"{path}!{member}#")
    assert all(d.outlet and d.published for d in docs)
