"""zip and gzip containers, nested reading, truncation and size limits; plain text and HTML units."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile

from marsad.errors import FormatError, InputTooLargeError
from marsad.ingest import Document, read_bytes


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_ingest_text_document(article):
    data = article.encode("cp1256")
    (doc,) = read_bytes(data, uri="pages/x.txt")
    assert doc == Document(uri="pages/x.txt", kind="text", sha256=hashlib.sha256(data).hexdigest(),
                           encoding="cp1256", nbytes=len(data), text=article)


def test_ingest_html_document_uses_meta_charset():
    page = '<html><head><meta charset="windows-1256"><title>خبر</title></head><body><p>نص الخبر</p></body></html>'
    (doc,) = read_bytes(page.encode("cp1256"), uri="p.html")
    assert doc.kind == "html" and doc.encoding == "cp1256" and "نص الخبر" in doc.html and doc.text is None


def test_ingest_zip_members_sorted_and_recursive(article):
    rows = json.dumps([{"content": "نص أول"}, {"content": "نص ثان"}], ensure_ascii=False).encode()
    data = _zip({"b/day.json": rows, "a.txt": article.encode(), "__MACOSX/._a.txt": b"\x00\x05",
                 "c.jsonl": '{"text": "سطر"}\n'.encode()})
    out = list(read_bytes(data, uri="set.zip"))
    assert [d.uri for d in out] == ["set.zip!a.txt", "set.zip!b/day.json#1", "set.zip!b/day.json#2",
                                    "set.zip!c.jsonl#1"]
    assert out[0].text == article and out[1].text == "نص أول"


def test_ingest_zip_broken_is_format_error():
    data = _zip({"a.txt": "نص".encode()})
    out = list(read_bytes(data[:-30], uri="bad.zip"))
    assert len(out) == 1 and isinstance(out[0], FormatError) and out[0].source == "bad.zip"


def test_ingest_zip_member_over_limit():
    data = _zip({"big.txt": "ا".encode() * 5000, "small.txt": "نص".encode()})
    out = list(read_bytes(data, uri="z.zip", max_bytes=1000))
    assert isinstance(out[0], InputTooLargeError) and out[0].source == "z.zip!big.txt"
    assert out[1].text == "نص"


def test_ingest_gzip_jsonl():
    data = gzip.compress(b'{"text": "\xd9\x86\xd8\xb5"}\n{"text": "\xd8\xa8"}\n')
    out = list(read_bytes(data, uri="rows.jsonl.gz"))
    assert [d.uri for d in out] == ["rows.jsonl.gz#1", "rows.jsonl.gz#2"]
    assert out[0].text == "نص"


def test_ingest_gzip_text(article):
    (doc,) = read_bytes(gzip.compress(article.encode("utf-16")), uri="a.txt.gz")
    assert doc.text == article and doc.encoding == "utf-16"


def test_ingest_gzip_truncated_yields_complete_rows_then_format_error():
    rows = b"".join(json.dumps({"id": i, "text": f"خبر رقم {i} " * 20}, ensure_ascii=False).encode() + b"\n"
                    for i in range(200))
    data = gzip.compress(rows)
    out = list(read_bytes(data[: len(data) // 2], uri="t.jsonl.gz"))
    assert isinstance(out[-1], FormatError) and out[-1].source == "t.jsonl.gz"
    docs = out[:-1]
    assert docs and all(isinstance(d, Document) for d in docs)
    assert [d.id for d in docs] == [str(i) for i in range(len(docs))]


def test_ingest_gzip_bomb_refused():
    data = gzip.compress(b" " * 2_000_000)
    out = list(read_bytes(data, uri="bomb.gz", max_bytes=100_000))
    assert len(out) == 1 and isinstance(out[0], InputTooLargeError)


def test_ingest_nested_zip_in_zip():
    inner = _zip({"x.txt": "نص داخلي".encode()})
    (doc,) = read_bytes(_zip({"inner.zip": inner}), uri="outer.zip")
    assert doc.uri == "outer.zip!inner.zip!x.txt" and doc.text == "نص داخلي"


def test_ingest_kind_can_be_forced():
    (doc,) = read_bytes(b'{"text": "x"}', uri="-", kind="text")
    assert doc.kind == "text" and doc.text == '{"text": "x"}'
    (err,) = read_bytes(b"x", uri="-", kind="pdf")
    assert isinstance(err, FormatError)


def _tar(members: dict[str, bytes]) -> bytes:
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as archive:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return out.getvalue()


def test_ingest_tar_gz_streamed_member_by_member(article):
    data = gzip.compress(_tar({"./a/1.txt": article.encode(), "./a/.hidden": b"x",
                               "./b/rows.jsonl": '{"text": "سطر"}\n'.encode()}))
    out = list(read_bytes(data, uri="corpus.tar.gz", max_bytes=10_000))
    assert [d.uri for d in out] == ["corpus.tar.gz!a/1.txt", "corpus.tar.gz!b/rows.jsonl#1"]
    assert out[0].text == article


def test_ingest_tar_truncated_keeps_members_read():
    body = ("أعلن وزير الخارجية " * 30).encode()  # 1,050 bytes: each member takes 512 + 1,536
    data = _tar({f"{i}.txt": body for i in range(5)})
    for cut, whole in ((2048 + 300, 1), (2048 + 512 + 100, 1), (3 * 2048 + 600, 3), (5 * 2048 + 100, 5)):
        out = list(read_bytes(data[:cut], uri="cut.tar"))
        assert isinstance(out[-1], FormatError) and out[-1].source == "cut.tar"
        assert [type(d) for d in out[:-1]] == [Document] * whole


def test_ingest_gzip_truncated_json_array_keeps_whole_elements():
    rows = [{"content": f"خبر رقم {i} " * 30} for i in range(100)]
    data = gzip.compress(json.dumps(rows, ensure_ascii=False).encode())
    out = list(read_bytes(data[: len(data) // 2], uri="day.json.gz"))
    assert isinstance(out[-1], FormatError) and out[-1].source == "day.json.gz"
    assert len(out) > 2 and all(isinstance(d, Document) for d in out[:-1])
    assert out[0].uri == "day.json.gz#1"
