"""decode_bytes: encodings, BOMs, mojibake repair, and typed errors."""

from __future__ import annotations

import pytest

from marsad.errors import BinaryInputError, DecodeError, EmptyInputError, InputError
from marsad.ingest import decode_bytes

BIDI = "قال المتحدث\u200f: «نحن\u200c مستعدون»\u200b للحوار\u202b مع الجميع\u202c."


@pytest.mark.parametrize(
    ("codec", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("cp1256", "cp1256"),
    ],
)
def test_ingest_decode_detects_encoding(codec, expected, article):
    text, encoding = decode_bytes(article.encode(codec))
    assert text == article
    assert encoding == expected


@pytest.mark.parametrize("bom", ["\ufeff"])
@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_ingest_decode_utf16_with_bom(codec, bom, article):
    text, encoding = decode_bytes((bom + article).encode(codec))
    assert text == article
    assert encoding == "utf-16"


def test_ingest_decode_bomless_utf16_pure_arabic():
    # No ASCII at all, so no NUL bytes: the 0x06 high bytes give it away.
    sample = "أعلن الوزير زيارة موسكو"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_bytes(sample.encode(codec)) == (sample, codec)


def test_ingest_decode_iso_8859_6_is_arabic(article):
    # ISO-8859-6 has no guillemets; use ASCII quotes.
    sample = article.replace("«", '"').replace("»", '"')
    text, encoding = decode_bytes(sample.encode("iso-8859-6"))
    assert encoding == "iso-8859-6"
    assert text == sample


def test_ingest_decode_cp1256_not_mistaken_for_iso_8859_6():
    # Short cp1256 text without the bytes ISO-8859-6 lacks: both codecs decode it, only one reads Arabic.
    sample = "أعلن الوزير ان المحادثات مع الجانب الروسي كانت مثمرة"
    text, encoding = decode_bytes(sample.encode("cp1256"))
    assert (text, encoding) == (sample, "cp1256")


def test_ingest_decode_repairs_cp1256_mojibake(article):
    mojibake = article.encode("utf-8").decode("cp1256", errors="replace")
    assert "ط£ط¹ظ„ظ†" in mojibake
    text, encoding = decode_bytes(mojibake.encode("utf-8"))
    assert text == article
    assert encoding == "utf-8 (repaired from cp1256 mojibake)"


def test_ingest_decode_repairs_latin1_mojibake(article):
    mojibake = article.encode("utf-8").decode("latin-1")
    assert mojibake.startswith("Ø£Ø¹Ù")
    text, encoding = decode_bytes(mojibake.encode("utf-8"))
    assert text == article
    assert encoding == "utf-8 (repaired from latin-1 mojibake)"


def test_ingest_decode_repairs_cp1252_mojibake_with_bidi():
    original = BIDI
    mojibake = original.encode("utf-8").decode("cp1252", errors="ignore")
    # cp1252 has holes (0x81, 0x8D, 0x8F, 0x90, 0x9D): a sloppy decoder shows them as C1 controls.
    sloppy = _sloppy_cp1252(original.encode("utf-8"))
    assert mojibake  # the lossy form exists, but only the sloppy one is recoverable
    text, _ = decode_bytes(sloppy.encode("utf-8"))
    assert text == original


def _sloppy_cp1252(data: bytes) -> str:
    out = []
    for b in data:
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))
    return "".join(out)


def test_ingest_decode_repairs_partial_mojibake():
    good = "قال المتحدث باسم الحكومة"
    bad = "أعلن الوزير".encode("utf-8").decode("cp1256")
    text, encoding = decode_bytes(f"{good} {bad} اليوم".encode("utf-8"))
    assert text == f"{good} أعلن الوزير اليوم"
    assert "repaired" in encoding


def test_ingest_decode_repairs_mojibake_glued_to_arabic():
    bad = "أعلن الوزير".encode("utf-8").decode("cp1256")
    text, _ = decode_bytes(("قال" + bad).encode("utf-8"))
    assert text == "قالأعلن الوزير"


@pytest.mark.parametrize(
    "genuine",
    [
        "بين أكثر من 100غ و250غ، فقد اعتمدت تعريفة جديدة",
        "ر ع\u00a0 (صورة أرشيفية)",
        "بلغ حجم التجارة ط، وقال «ربيع» إن",
        "شارع، ساحة؛ سؤال؟",
    ],
)
def test_ingest_decode_leaves_genuine_arabic_alone(genuine):
    text, encoding = decode_bytes(genuine.encode("utf-8"))
    assert text == genuine
    assert encoding == "utf-8"


def test_ingest_decode_keeps_bidi_and_zero_width():
    for codec in ("utf-8", "utf-16"):
        text, _ = decode_bytes(BIDI.encode(codec))
        assert text == BIDI


def test_ingest_decode_normalises_newlines():
    text, _ = decode_bytes("سطر أول\r\nسطر ثان\rسطر ثالث\n".encode("cp1256"))
    assert text == "سطر أول\nسطر ثان\nسطر ثالث\n"


@pytest.mark.parametrize("data", [b"", b"   \n\t \r\n", b"\xef\xbb\xbf", " \n".encode("utf-16"), "\u200f\u200c \n".encode()])
def test_ingest_decode_empty_input(data):
    with pytest.raises(EmptyInputError):
        decode_bytes(data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        bytes(range(0, 32)) * 20,
        b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 40 + b"\x03\x00>\x00",
    ],
)
def test_ingest_decode_binary_input(data):
    with pytest.raises(BinaryInputError):
        decode_bytes(data)


def test_ingest_decode_broken_bom_is_decode_error():
    with pytest.raises(DecodeError):
        decode_bytes(b"\xef\xbb\xbf" + "نص".encode("cp1256") + b"\xff\xfe\xfd")


def test_ingest_decode_errors_are_value_errors():
    with pytest.raises(ValueError):
        decode_bytes(b"")
    assert issubclass(DecodeError, InputError)


def test_ingest_decode_declared_charset_used_when_it_fits(article):
    text, encoding = decode_bytes(article.encode("cp1256"), declared="windows-1256")
    assert (text, encoding) == (article, "cp1256")
    # A lying declaration falls back to detection.
    text, encoding = decode_bytes(article.encode("utf-8"), declared="windows-1256")
    assert (text, encoding) == (article, "utf-8")
