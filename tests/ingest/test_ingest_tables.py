"""JSONL, JSON array and CSV rows: one Document per row, an error for each bad row, metadata columns."""

from __future__ import annotations

import csv
import hashlib
import io
import json

from marsad.errors import EmptyInputError, FormatError, MarsadError
from marsad.ingest import Document, read_bytes

ROWS = [
    {"id": "a1", "title": "زيارة وزير الخارجية", "date": "2024-11-19", "source": "الخبر",
     "text": "أعلن وزير الخارجية عن زيارة مرتقبة إلى موسكو.\r\nوقال إن المحادثات ستكون مثمرة."},
    {"docno": "a2", "title": "أسعار النفط", "time": "2024-11-20T09:00:00+03:00", "src": "الاقتصادية",
     "text": "ارتفعت أسعار النفط الخام في تعاملات اليوم."},
    {"id": 3, "title": "خبر فارغ", "text": "   "},
]


def _jsonl(rows) -> bytes:
    return b"\n".join(json.dumps(r, ensure_ascii=False).encode("utf-8") for r in rows) + b"\n"


def test_ingest_jsonl_rows_become_documents():
    data = _jsonl(ROWS)
    out = list(read_bytes(data, uri="news.jsonl"))
    assert [type(x) for x in out] == [Document, Document, EmptyInputError]
    first, second, empty = out
    assert first.uri == "news.jsonl#1" and first.kind == "jsonl"
    assert first.text == "أعلن وزير الخارجية عن زيارة مرتقبة إلى موسكو.\nوقال إن المحادثات ستكون مثمرة."
    assert (first.title, first.published, first.outlet, first.id) == (
        "زيارة وزير الخارجية", "2024-11-19", "الخبر", "a1")
    assert (second.published, second.outlet, second.id) == ("2024-11-20T09:00:00+03:00", "الاقتصادية", "a2")
    raw_first = data.split(b"\n")[0]
    assert first.sha256 == hashlib.sha256(raw_first).hexdigest()
    assert first.nbytes == len(raw_first)
    assert first.encoding == "utf-8"
    assert empty.source == "news.jsonl#3"


def test_ingest_jsonl_malformed_row_is_an_error_and_reading_goes_on():
    data = _jsonl(ROWS[:1]) + b'{"text": "broken\n' + b"[1, 2]\n\n" + _jsonl(ROWS[1:2])
    out = list(read_bytes(data, uri="r.jsonl"))
    kinds = [type(x).__name__ for x in out]
    assert kinds == ["Document", "FormatError", "FormatError", "Document"]
    assert out[1].source == "r.jsonl#2" and out[2].source == "r.jsonl#3"
    assert out[3].uri == "r.jsonl#5"  # the blank line keeps its number


def test_ingest_jsonl_text_field_and_fallbacks():
    rows = [{"body": "نص في حقل الجسم"}, {"content": "نص في حقل المحتوى"}, {"abstract": "ملخص"}]
    out = list(read_bytes(_jsonl(rows), uri="f.jsonl"))
    assert out[0].text == "نص في حقل الجسم" and out[1].text == "نص في حقل المحتوى"
    assert isinstance(out[2], EmptyInputError)
    out = list(read_bytes(_jsonl(rows), uri="f.jsonl", text_field="abstract"))
    assert out[2].text == "ملخص"


def test_ingest_jsonl_html_field():
    rows = [{"html": "<html><body><p>خبر من صفحة</p></body></html>", "title": "عنوان"}]
    (doc,) = read_bytes(_jsonl(rows), uri="h.jsonl", html_field="html")
    assert doc.html.startswith("<html>") and doc.text is None and doc.title == "عنوان"


def test_ingest_jsonl_cp1256_row_in_utf8_file():
    bad = json.dumps({"text": "خبر بترميز ويندوز"}, ensure_ascii=False).encode("cp1256")
    data = _jsonl(ROWS[:1]) + bad + b"\n"
    out = list(read_bytes(data, uri="m.jsonl"))
    assert out[1].text == "خبر بترميز ويندوز" and out[1].encoding == "cp1256"


def test_ingest_jsonl_mojibake_in_field_is_repaired():
    moj = "أعلن الوزير".encode("utf-8").decode("cp1256")
    (doc,) = read_bytes(_jsonl([{"text": moj}]), uri="m.jsonl")
    assert doc.text == "أعلن الوزير" and "repaired" in doc.encoding


def test_ingest_jsonl_utf16():
    text = "\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS[:2])
    out = list(read_bytes(text.encode("utf-16"), uri="u.jsonl"))
    assert [d.id for d in out] == ["a1", "a2"]
    assert out[0].sha256 == hashlib.sha256(text.split("\n")[0].encode("utf-16-le")).hexdigest()


def test_ingest_json_array_rows():
    rows = [{"source": "aawsat", "date_extracted": "2015-07-21 02:51:32", "title": "عنوان",
             "content": "نص الخبر الأول."}, {"content": ""}, {"content": "نص الخبر الثالث."}]
    data = json.dumps(rows, ensure_ascii=False, indent=4).encode("utf-8")
    out = list(read_bytes(data, uri="day.json"))
    assert [type(x).__name__ for x in out] == ["Document", "EmptyInputError", "Document"]
    assert out[0].kind == "jsonl" and out[0].uri == "day.json#1"
    assert (out[0].outlet, out[0].published) == ("aawsat", "2015-07-21 02:51:32")
    element = json.dumps(rows[0], ensure_ascii=False, indent=4).replace("\n", "\n    ")
    assert out[0].sha256 == hashlib.sha256(element.encode()).hexdigest()
    assert out[2].uri == "day.json#3"


def test_ingest_json_array_truncated_yields_rows_then_format_error():
    data = json.dumps([{"content": "أ"}, {"content": "ب"}], ensure_ascii=False).encode()[:-12]
    out = list(read_bytes(data, uri="t.json"))
    assert isinstance(out[0], Document) and isinstance(out[-1], FormatError)
    assert out[-1].source == "t.json#2"


def test_ingest_csv_rows():
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=["id", "title", "published", "outlet", "text"])
    writer.writeheader()
    writer.writerow({"id": "c1", "title": "عنوان", "published": "2024-01-02", "outlet": "الخبر",
                     "text": "سطر أول من الخبر،\nوسطر ثان فيه \"اقتباس\"."})
    writer.writerow({"id": "c2", "title": "فارغ", "text": ""})
    out = list(read_bytes(buf.getvalue().encode("utf-8"), uri="rows.csv"))
    assert isinstance(out[0], Document) and isinstance(out[1], EmptyInputError)
    doc = out[0]
    assert doc.kind == "csv" and doc.uri == "rows.csv#1" and doc.id == "c1"
    assert doc.text == 'سطر أول من الخبر،\nوسطر ثان فيه "اقتباس".'
    assert (doc.published, doc.outlet) == ("2024-01-02", "الخبر")
    assert out[1].source == "rows.csv#2"


def test_ingest_csv_cp1256_and_tsv():
    data = "title\ttext\nعنوان\tنص الخبر بترميز ويندوز\n".encode("cp1256")
    (doc,) = read_bytes(data, uri="rows.tsv")
    assert doc.text == "نص الخبر بترميز ويندوز" and doc.encoding == "cp1256"


def test_ingest_errors_carry_source():
    out = list(read_bytes(b'{"x": 1}\n', uri="s.jsonl"))
    assert all(isinstance(e, MarsadError) and e.source == "s.jsonl#1" for e in out)


def test_ingest_csv_row_hash_is_of_the_row_bytes():
    data = "id,text\n1,نص أول\n2,نص ثان\n".encode("cp1256")
    out = list(read_bytes(data, uri="h.csv"))
    assert out[1].sha256 == hashlib.sha256("2,نص ثان\n".encode("cp1256")).hexdigest()
    assert out[1].nbytes == len("2,نص ثان\n".encode("cp1256"))


def test_ingest_jsonl_long_first_row_without_extension():
    rows = [{"text": "نص طويل جدا " * 10_000}, {"text": "نص قصير"}]
    out = list(read_bytes(_jsonl(rows), uri="rows.dat"))
    assert [d.uri for d in out] == ["rows.dat#1", "rows.dat#2"]


def test_ingest_json_pretty_printed_objects_one_after_another():
    data = "\n".join(json.dumps(r, ensure_ascii=False, indent=2) for r in ROWS[:2]).encode()
    out = list(read_bytes(data, uri="pretty.json"))
    assert [d.id for d in out] == ["a1", "a2"]
