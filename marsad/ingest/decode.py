"""Bytes to text: encoding detection for Arabic news, and repair of UTF-8 mojibake.

Arabic news arrives as UTF-8 (with or without BOM), UTF-16, Windows-1256 or ISO-8859-6, and scraped text is
often UTF-8 that some tool decoded as Windows-1256 («ط£ط¹ظ„ظ†») or Latin-1/cp1252 («Ø£Ø¹Ù„Ù†»). Every
repair here only re-reads bytes; it never normalises or strips characters (bidi controls and zero-width
joiners stay), apart from turning ``\\r\\n`` and ``\\r`` into ``\\n``.
"""

from __future__ import annotations

import codecs
import math
import re
from collections import Counter

from marsad.errors import BinaryInputError, DecodeError, EmptyInputError

# Share of C0/C1 control characters (other than tab/newline/formfeed) above which text is binary garbage.
_MAX_CONTROL_RATIO = 0.05

# Relative frequency (per mille, rounded) of Arabic letters and marks in news prose. Only used to rank
# candidate single-byte decodings against each other, so rough numbers suffice.
_AR_FREQ = {
    "ا": 120, "ل": 110, "ي": 80, "م": 60, "و": 60, "ن": 56, "ه": 30, "ر": 45, "ت": 45, "ب": 40,
    "ع": 35, "ة": 30, "د": 30, "ف": 28, "ق": 25, "س": 25, "ك": 23, "أ": 22, "ح": 20, "ج": 15,
    "إ": 12, "ى": 12, "ص": 10, "ش": 10, "خ": 10, "ط": 10, "ز": 7, "ض": 7, "ث": 6, "آ": 3,
    "ذ": 6, "غ": 5, "ظ": 2, "ء": 4, "ئ": 5, "ؤ": 2, "،": 8, "؛": 1, "؟": 1, "ـ": 1,
}
_LETTER_FLOOR = 0.3  # any other Arabic-block character: rare but possible
_DIACRITIC = 0.5  # harakat and tanween: rare in news; a wrong decoding turns common letters into them

# Whitespace and invisible format characters: a text made only of these is empty (they stay in real text).
_BLANK_CHARS = r"\s\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_VISIBLE = re.compile(f"[^{_BLANK_CHARS}]")
_C1_OR_C0 = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

def decode_bytes(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode raw input bytes to text.

    Args:
        data: the raw bytes of one input unit.
        declared: an encoding the container declares (HTML meta charset, HTTP header). Valid UTF-8 and
            BOMs win over it; between Windows-1256 and ISO-8859-6 it only breaks near-ties, as pages
            often mislabel one as the other.

    Returns:
        ``(text, encoding)`` where ``encoding`` names what the bytes were decoded as, e.g. ``utf-8``,
        ``utf-8-sig``, ``utf-16``, ``cp1256``, ``iso-8859-6`` or ``utf-8 (repaired from cp1256 mojibake)``.

    Raises:
        EmptyInputError: no bytes, or only whitespace (and invisible marks such as RLM or ZWNJ).
        BinaryInputError: NUL bytes not explained by UTF-16, or too many control characters.
        DecodeError: the bytes declare an encoding (BOM) they do not follow.
    """
    if not data or not data.strip():
        raise EmptyInputError("input is empty or whitespace only")
    text, encoding = _decode(data, declared)
    if encoding.startswith("utf-8") or encoding.startswith("utf-16") or encoding.startswith("utf-32"):
        text, how = repair_mojibake(text)
        if how:
            encoding = f"utf-8 (repaired from {how} mojibake)" if encoding in ("utf-8", "utf-8-sig") else (
                f"{encoding} (repaired from {how} mojibake)"
            )
    _check_not_binary(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if is_blank(text):
        raise EmptyInputError("input is empty or whitespace only")
    return text, encoding


def is_blank(text: str | None) -> bool:
    """True for ``None`` and text of nothing but whitespace and invisible marks."""
    return not text or _VISIBLE.search(text) is None  # stops at the first visible character


def _decode(data: bytes, declared: str | None) -> tuple[str, str]:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"bytes start with a {name} byte-order mark but are not {name}: {exc}") from None
    utf16 = _utf16_without_bom(data)
    if utf16:
        return utf16
    if b"\x00" in data:
        raise BinaryInputError("input holds NUL bytes and is not UTF-16: binary data")
    try:
        return data.decode("utf-8"), "utf-8"  # valid UTF-8 with Arabic is UTF-8, whatever a page declares
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            # Cut off mid-character (a capped read, a truncated download): UTF-8 all the same.
            return data[: exc.start].decode("utf-8"), "utf-8"
    return _best_single_byte(data, codec_name(declared) if declared else None)


def codec_name(label: str) -> str | None:
    """Python's name for an encoding label (``windows-1256`` → ``cp1256``), or ``None`` if unknown."""
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return {"iso8859-6": "iso-8859-6", "windows-1256": "cp1256"}.get(name, name)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """Recognise BOM-less UTF-16 by its high bytes: NUL for ASCII, 0x06 for Arabic, on one parity."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:8192]
    even, odd = sample[0::2], sample[1::2]

    def share(part: bytes) -> float:
        return sum(part.count(b) for b in (0x00, 0x06, 0x20, 0xFE, 0xFB)) / len(part)

    s_even, s_odd = share(even), share(odd)
    if s_odd >= 0.7 and s_even < 0.3 and (b"\x00" in odd or odd.count(6) > len(odd) // 2):
        name = "utf-16-le"
    elif s_even >= 0.7 and s_odd < 0.3 and (b"\x00" in even or even.count(6) > len(even) // 2):
        name = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return None
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        return None
    return text, name


def _best_single_byte(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Pick between Windows-1256 and ISO-8859-6 (and a detector's guess) by Arabic letter statistics.

    Pages mislabel one as the other, so a declared charset only breaks near-ties.
    """
    candidates: dict[str, str] = {}
    for name in ("cp1256", "iso-8859-6"):
        try:
            candidates[name] = data.decode(name)
        except UnicodeDecodeError:
            continue
    scored = {name: _arabic_score(text) + (0.1 if name == declared else 0.0) for name, text in candidates.items()}
    best = max(scored, key=scored.get) if scored else None
    if best is not None and scored[best] > 0:
        return candidates[best], best
    # Not Arabic in either: ask charset-normalizer, keep its answer only if it decodes.
    guess = _detector_guess(data)
    if guess:
        return guess
    if best is not None:
        return candidates[best], best
    raise DecodeError("no encoding decodes these bytes")


def _detector_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # imported here: only needed for non-Arabic oddities

    match = from_bytes(data[:200_000]).best()
    if match is None:
        return None
    name = codec_name(match.encoding) or match.encoding
    try:
        return data.decode(name), name
    except (UnicodeDecodeError, LookupError):
        return None


def _arabic_score(text: str) -> float:
    """Mean log-likelihood bonus of Arabic letters, penalising Latin-1 letters and controls.

    Counted over the first 200,000 characters: enough to tell two codecs apart, and fast on huge input.
    """
    score = 0.0
    n = 0
    for ch, count in Counter(text[:200_000]).items():
        o = ord(ch)
        if ch in _AR_FREQ:
            score += math.log(_AR_FREQ[ch]) * count
        elif 0x064B <= o <= 0x0652:
            score += math.log(_DIACRITIC) * count
        elif 0x0600 <= o <= 0x06FF:
            score += math.log(_LETTER_FLOOR) * count
        elif 0xC0 <= o <= 0xFF or 0x80 <= o <= 0x9F:
            score -= 5.0 * count
        else:
            continue
        n += count
    return score / n if n else 0.0


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    return len(_C1_OR_C0.findall(text)) / len(text)


def _check_not_binary(text: str) -> None:
    if "\x00" in text:
        raise BinaryInputError("input holds NUL characters: binary data")
    if _control_ratio(text) > _MAX_CONTROL_RATIO:
        raise BinaryInputError("input is mostly control characters: binary data")


# ---------------------------------------------------------------------------------------------- mojibake

_ALLOWED_REPAIRED = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff\u00a0-\u00bf\u00d7\u00f7"
    r"\u2000-\u206f\u20ac\u2122]+"
)
_GENUINE_AFTER_LETTER = frozenset("،؛؟«»\u00a0")
_SINGLE_OK = re.compile("[\u0621-\u064a\u00a0-\u00bf\u2000-\u206f\ufeff]")
_UTF8_SEQS = re.compile(
    rb"(?:[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})+"
)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Undo UTF-8 that was decoded as Windows-1256 or Latin-1/cp1252, also when only parts of a text are.

    Returns the repaired text and ``'cp1256'``/``'latin-1'`` naming the repair made (``None`` if none).
    Only runs of non-ASCII characters are touched (UTF-8 multi-byte sequences never contain ASCII
    bytes), and a run is replaced only when its bytes are valid UTF-8 that reads as Arabic or
    punctuation, so genuine Arabic text (never valid UTF-8 when encoded as cp1256) is left alone.
    """
    how = None
    if _CP1256_SIGNATURE.search(text):
        text, n = _repair_runs(text, "cp1256", _CP1256_CHARS, _CP1256_SIGNATURE)
        how = "cp1256" if n else None
    if _LATIN_SIGNATURE.search(text):
        text, n = _repair_runs(text, "latin-1", _LATIN_CHARS, _LATIN_SIGNATURE)
        if n:
            how = "latin-1" if how is None else f"{how}+latin-1"
    return text, how


def _latin_continuations() -> str:
    out = []
    for b in range(0x80, 0xC0):
        try:
            out.append(bytes([b]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(b))  # cp1252 holes were shown as their Latin-1 C1 control
    return "".join(out)


# UTF-8 Arabic read as Windows-1256: lead bytes D8-DB become ط ظ ع غ, continuation bytes 80-BF become the
# punctuation and Persian letters at cp1256 0x80-0xBF. Latin-1/cp1252: lead bytes become Ø Ù Ú Û.
_CP1256_CONT = bytes(range(0x80, 0xC0)).decode("cp1256")
_CP1256_SIGNATURE = re.compile("[طظعغ][" + re.escape(_CP1256_CONT) + "]")
_CP1256_CHARS = frozenset(bytes(range(0x80, 0x100)).decode("cp1256"))
_LATIN_CONT = _latin_continuations()
_LATIN_SIGNATURE = re.compile("[ØÙÚÛ][" + re.escape(_LATIN_CONT) + "]")
_LATIN_CHARS = frozenset(map(chr, range(0x80, 0x100))) | frozenset(_LATIN_CONT)


def _encode_latin(run: str) -> bytes:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1")
    return bytes(out)


def _repair_runs(text: str, how: str, run_chars: frozenset, signature: re.Pattern) -> tuple[str, int]:
    """Re-read each run of non-ASCII characters around a mojibake signature; leave the rest alone."""
    count = 0
    out: list[str] = []
    pos = 0
    for match in signature.finditer(text):
        if match.start() < pos:
            continue  # inside a run already handled
        start, end = match.start(), match.end()
        while start > pos and text[start - 1] in run_chars:
            start -= 1
        while end < len(text) and text[end] in run_chars:
            end += 1
        run = text[start:end]
        fixed = _fix_run(run, how, strict=True)
        count += fixed != run
        out.append(text[pos:start])
        out.append(fixed)
        pos = end
    if not count:
        return text, 0
    out.append(text[pos:])
    # The text does hold mojibake: now re-read every run, also those without a signature letter
    # (a lone «Â«» or an RLM read as «â€» between ASCII characters).
    every_run = re.compile("[" + re.escape("".join(sorted(run_chars))) + "]+")
    return every_run.sub(lambda m: _fix_run(m.group(0), how, strict=False), "".join(out)), count


def _fix_run(run: str, how: str, *, strict: bool) -> str:
    """Re-read one run as UTF-8: wholly when it is all mojibake, else its mojibake stretches only."""
    raw = run.encode("cp1256") if how == "cp1256" else _encode_latin(run)
    try:
        whole = raw.decode("utf-8")
    except UnicodeDecodeError:
        whole = None
    # One character alone must be a plain Arabic letter or punctuation: «غ،» or «ع» + NBSP are
    # genuine text whose bytes happen to form one valid UTF-8 sequence (U+06E1, U+06A0).
    if whole is not None and len(whole) == 1 and not _SINGLE_OK.fullmatch(whole):
        whole = None
    if strict and whole is not None and len(whole) == 1 and run[-1] in _GENUINE_AFTER_LETTER:
        whole = None  # «ط،» reads as «ء» only once the text is known to hold mojibake
    if whole is not None and _ALLOWED_REPAIRED.fullmatch(whole) and whole != run:
        return whole
    # Mixed run (mojibake glued to genuine text): repair only stretches of two or more valid
    # UTF-8 sequences that read as Arabic, so a lone letter+punctuation pair is not mistaken.
    pieces = []
    pos = 0
    changed = False
    for m in _UTF8_SEQS.finditer(raw):
        try:
            decoded = m.group(0).decode("utf-8")
        except UnicodeDecodeError:  # surrogates or overlong forms: not UTF-8 after all
            continue
        if len(decoded) < 2 or not _ALLOWED_REPAIRED.fullmatch(decoded):
            continue
        start, end = m.start(), m.end()  # single-byte codecs: byte offset == character offset
        pieces.append(run[pos:start])
        pieces.append(decoded)
        pos = end
        changed = True
    if not changed:
        return run
    pieces.append(run[pos:])
    return "".join(pieces)


# ------------------------------------------------------------------------------------------------ HTML

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I
)


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KiB (``<meta charset>`` or http-equiv)."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", "ignore") if match else None
