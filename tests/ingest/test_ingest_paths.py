"""read_path: files, directories, stdin; missing, unreadable and over-size inputs are yielded errors."""

from __future__ import annotations

import io
import os

import pytest

from marsad.errors import EmptyInputError, InputError, InputTooLargeError, MissingInputError
from marsad.ingest import Document, read_path


def test_ingest_path_file(tmp_path, article):
    path = tmp_path / "x.txt"
    path.write_bytes(article.encode("cp1256"))
    (doc,) = read_path(str(path))
    assert doc.uri == str(path) and doc.text == article and doc.encoding == "cp1256"


def test_ingest_path_directory_sorted_recursive_skips_hidden(tmp_path, article):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text("نص ثان", encoding="utf-8")
    (tmp_path / "a.txt").write_text("نص أول", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"text": "سطر"}\n{"text": ""}\n', encoding="utf-8")
    out = list(read_path(str(tmp_path)))
    assert [getattr(d, "uri", None) or d.source for d in out] == [
        str(tmp_path / "a.txt"), str(tmp_path / "c.jsonl") + "#1", str(tmp_path / "c.jsonl") + "#2",
        str(tmp_path / "b" / "2.txt")]
    assert isinstance(out[2], EmptyInputError)


def test_ingest_path_missing(tmp_path):
    (err,) = read_path(str(tmp_path / "nope.txt"))
    assert isinstance(err, MissingInputError) and err.source == str(tmp_path / "nope.txt")


def test_ingest_path_empty_file_and_whitespace(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\t\r\n ")
    for name in ("empty.txt", "blank.txt"):
        (err,) = read_path(str(tmp_path / name))
        assert isinstance(err, EmptyInputError) and err.source == str(tmp_path / name)


def test_ingest_path_empty_directory(tmp_path):
    (err,) = read_path(str(tmp_path))
    assert isinstance(err, EmptyInputError)


def test_ingest_path_binary_file(tmp_path):
    path = tmp_path / "img.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (err,) = read_path(str(path))
    assert isinstance(err, InputError) and err.code == "M103" and err.source == str(path)


def test_ingest_path_over_size_not_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes("ا".encode() * 600)
    opened = []
    real_open = open
    monkeypatch.setattr("builtins.open", lambda *a, **k: opened.append(a) or real_open(*a, **k))
    (err,) = read_path(str(path), max_bytes=1000)
    assert isinstance(err, InputTooLargeError) and err.source == str(path)
    assert not opened


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_ingest_path_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")
    path.chmod(0)
    (err,) = read_path(str(path))
    assert type(err) is InputError and err.source == str(path)


def test_ingest_path_unreadable_directory_entry(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    (err,) = read_path(str(fifo))
    assert type(err) is InputError and err.source == str(fifo)


def test_ingest_path_stdin(article):
    (doc,) = read_path("-", stdin=io.BytesIO(article.encode("utf-16")))
    assert doc.uri == "-" and doc.text == article
    (doc,) = read_path("-", stdin=article.encode())
    assert doc.text == article
    (err,) = read_path("-", stdin=io.BytesIO(b"x" * 50), max_bytes=10)
    assert isinstance(err, InputTooLargeError) and err.source == "-"


def test_ingest_path_batch_goes_on(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_text("نص سليم", encoding="utf-8")
    out = list(read_path(str(tmp_path)))
    assert isinstance(out[0], EmptyInputError) and isinstance(out[1], Document)


def test_ingest_path_permission_error_is_input_error(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text("نص", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", denied)
    (err,) = read_path(str(path))
    assert type(err) is InputError and err.source == str(path)
