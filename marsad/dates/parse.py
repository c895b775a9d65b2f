"""Absolute dates: find them in text, read datelines, normalise metadata date strings.

All matching runs over ``marsad.text.normalize`` output (hamza/ya/ta marbuta folded, Arabic-Indic digits to
ASCII, diacritics and tatweel dropped); every offset returned is into the *original* string.

Values are ISO 8601: ``YYYY-MM-DD`` for a day, ``YYYY-MM`` for a month, ``YYYY`` for a year (kind ``other``,
only after «عام/سنة/العام»), and ``YYYY-MM-DDTHH:MM:SS+HH:MM`` only when both a time and an explicit offset
(«GMT», «+03:00», «Z», or a named zone with a fixed offset such as «بتوقيت مكة») are written.
Numeric dates are day-first unless year-first (``19/11/2024``, ``2024/11/19``); a month above 12 in a
day-first date flips it to month-first (``11/19/2024``). Numeric years 1300–1500, or any year marked «هـ»,
are Hijri (Umm al-Qura, via ``hijridate``) and converted to Gregorian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from hijridate import Hijri

from marsad.dates import grammar, lexicon
from marsad.dates.words import PAST, PUBLISHED_LABELS, UPDATED_LABELS, WEAK_LABELS
from marsad.text.normalize import DIACRITICS, TATWEEL, Normalized, normalize
from marsad.text.normalize import normalize_for_match as N

__all__ = ["DateMatch", "Dateline", "find_dates", "parse_dateline", "parse_date_value"]

_MARKS = frozenset(DIACRITICS + TATWEEL)
_PAST_WORDS = frozenset(N(w) for w in PAST)


@dataclass(frozen=True)
class DateMatch:
    """An absolute date found in a string; ``text == string[start:end]``."""

    start: int
    end: int
    text: str
    value: str
    kind: str  # absolute (a day or a month) or other (a year alone)


@dataclass(frozen=True)
class Dateline:
    """The date of a dateline: ``value`` as ISO, ``text == line[start:end]`` the date part as written."""

    value: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Parsed:
    """What a date-form match means before it is placed in a text. ``value`` is None for «19 نوفمبر»
    (no year), which ``time_expressions`` resolves against the publication date from ``month``/``day``."""

    value: str | None
    kind: str
    month: int | None = None
    day: int | None = None
    direction: int = 0  # -1 «19 مايو الماضي», +1 «19 مايو المقبل», 0 nearest


# --- spans --------------------------------------------------------------------------------------------

def original_span(norm: Normalized, m: re.Match) -> tuple[int, int]:
    """Original span of a grammar match over ``PAD + norm.text``, with trailing diacritics kept."""
    start, end = norm.to_original_span(*grammar.span(m))
    original = norm.original
    if end > start and not original[end - 1].isdigit():
        while end < len(original) and original[end] in _MARKS:
            end += 1
    return start, end


# --- decoding -----------------------------------------------------------------------------------------

def _month_number(text: str, hijri: bool = False) -> int | None:
    """Number of the first month name in ``text`` (normalised; «شباط/فبراير» → 2)."""
    m = grammar.month_name_regex(hijri).match(text.strip())
    if m is None:
        return None
    key = " ".join(m.group().split())
    if hijri:
        return lexicon.hijri_months().get(key)
    return lexicon.gregorian_months().get(key) or lexicon.english_months().get(key)


_PM = {N(w) for w in ("pm", "p.m.", "p.m", "pm.", "م", "مساء", "مساءا", "عصرا")}
_AM = {N(w) for w in ("am", "a.m.", "a.m", "am.", "ص", "صباحا", "صباح", "فجرا")}


def _clock(h: str | None, mi: str | None, s: str | None, ap: str | None) -> str | None:
    if h is None or mi is None:
        return None
    hour, minute, second = int(h), int(mi), int(s or 0)
    if ap:
        ap = ap.replace(" ", "")
        if ap in _PM or ap == N("ظهرا") and 1 <= hour <= 6:
            hour = hour + 12 if hour < 12 else hour
        elif ap == N("ليلا"):
            hour = hour + 12 if 6 <= hour < 12 else (0 if hour == 12 else hour)
        elif ap in _AM and hour == 12:
            hour = 0
    if hour > 23:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def _offset(tz: str | None) -> str | None:
    """UTC offset ``+HH:MM`` of a zone as matched (normalised), or None when it has none fixed."""
    if not tz:
        return None
    tz = tz.strip()
    if tz in ("z", N("ت.غ"), N("ت غ"), N("تغ")):
        return "+00:00"
    m = re.fullmatch(r"(?:gmt|utc)?\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?", tz)
    if m and (m.group(1) or tz[:3] in ("gmt", "utc")):
        if not m.group(1):
            return "+00:00"
        hours, minutes = int(m.group(2)), int(m.group(3) or 0)
        if hours > 14 or minutes > 59:
            return None
        return f"{m.group(1)}{hours:02d}:{minutes:02d}"
    named = re.sub(r"^ب?توقيت\s+", "", tz)
    return grammar.zone_offsets().get(" ".join(named.split()))


def _gregorian(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _hijri(year: int, month: int, day: int) -> date | None:
    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return date(g.year, g.month, g.day)


def _with_time(day: date, m: re.Match, tag: str, iso_time: str | None = None) -> str:
    clock = iso_time or _clock(m.group(f"h_{tag}"), m.group(f"mi_{tag}"), m.group(f"s_{tag}"),
                               m.group(f"ap_{tag}"))
    offset = _offset(m.group(f"tz_{tag}"))
    if clock and offset:
        return f"{day.isoformat()}T{clock}{offset}"
    return day.isoformat()


def decode_date(m: re.Match, form: str) -> Parsed | None:
    """Meaning of a date-form match of ``grammar.date_regex``/``expression_regex``; None when impossible."""
    g = m.group
    if form == "dmy":
        month, day = _month_number(g("m_dmy")), int(g("d_dmy"))
        if month is None:
            return None
        if g("y_dmy") is None:
            if _gregorian(2024, month, day) is None:  # 2024 is a leap year: only truly impossible days fail
                return None
            mod = g("mod_dmy")
            direction = 0 if not mod else -1 if mod in _PAST_WORDS else 1
            return Parsed(None, "relative", month, day, direction)
        d = _gregorian(int(g("y_dmy")), month, day)
        return Parsed(_with_time(d, m, "dmy"), "absolute") if d else None
    if form == "hdmy":
        month = _month_number(g("m_hdmy"), hijri=True)
        d = _hijri(int(g("y_hdmy")), month, int(g("d_hdmy"))) if month else None
        return Parsed(_with_time(d, m, "hdmy"), "absolute") if d else None
    if form == "mdy":
        month = lexicon.english_months().get(g("m_mdy").rstrip("."))
        d = _gregorian(int(g("y_mdy")), month, int(g("d_mdy"))) if month else None
        return Parsed(_with_time(d, m, "mdy"), "absolute") if d else None
    if form in ("ymd", "dmyn"):
        year, month, day = int(g(f"y_{form}")), int(g(f"m_{form}")), int(g(f"d_{form}"))
        if form == "dmyn" and month > 12 >= day:
            month, day = day, month
        if g(f"hm_{form}") or 1300 <= year <= 1500:
            d = _hijri(year, month, day)
        else:
            d = _gregorian(year, month, day) if 1000 <= year <= 2999 else None
        if d is None:
            return None
        iso_time = None
        if form == "ymd" and g("ih_ymd"):
            iso_time = f"{g('ih_ymd')}:{g('imi_ymd')}:{g('is_ymd') or '00'}"
        return Parsed(_with_time(d, m, form, iso_time), "absolute")
    if form == "my":
        month, year = _month_number(g("m_my")), int(g("y_my"))
        if month is None or not 1000 <= year <= 2999:
            return None
        return Parsed(f"{year:04d}-{month:02d}", "absolute")
    if form == "yk":
        year = int(g("y_yk"))
        if g("hm_yk") or not 1000 <= year <= 2999:
            return None  # a Hijri year («سنة 1438 هـ») has no single Gregorian year
        return Parsed(f"{year:04d}", "other")
    return None


# --- find_dates ---------------------------------------------------------------------------------------

def _date_matches(norm: Normalized):
    """(match, form, parsed, start, end) for every decodable absolute-date form in ``norm``."""
    for m in grammar.date_regex().finditer(grammar.PAD + norm.text):
        form = grammar.which_form(m)
        parsed = decode_date(m, form)
        if parsed is None:
            continue
        start, end = original_span(norm, m)
        yield m, form, parsed, start, end


def find_dates(text: str) -> list[DateMatch]:
    """Absolute dates anywhere in ``text``, sorted and non-overlapping.

    Finds «19 نوفمبر 2024», «الثلاثاء 19 تشرين الثاني/نوفمبر 2024 - 10:30 م», «19 جانفي 2017»,
    «2024/11/19», «19-11-2024», ISO date-times, «Nov 19, 2024 10:32 AM», «19th, November 2024 GMT»,
    «١٩ نوفمبر ٢٠٢٤», Hijri «17 جمادى الأولى 1446هـ» (converted), month-years «نوفمبر 2024» and years
    after «عام/سنة/العام» (kind ``other``). A day and month without a year is not returned here (it needs a
    publication date; see ``time_expressions``).
    """
    norm = normalize(text)
    return [DateMatch(start, end, text[start:end], parsed.value, parsed.kind)
            for _, _, parsed, start, end in _date_matches(norm) if parsed.value is not None]


# --- datelines ----------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _line_regexes() -> dict[str, re.Pattern]:
    label = lambda words: grammar.compile_normalized(rf"(?<!\w){grammar.alt(words)}(?!\w)")  # noqa: E731
    return {
        "pub": label(PUBLISHED_LABELS),
        "upd": label(UPDATED_LABELS),
        "weak": label(WEAK_LABELS),
        "filler": grammar.compile_normalized(
            r"(?<!\w)(?:" + grammar.alt(list(lexicon.weekdays()) + list(lexicon.english_weekdays())
                                        + ["يوم", "الساعة", "الموافق", "at", "on", "في", "gmt", "utc",
                                           "بتوقيت", "مكة", "المكرمة", "غرينتش", "ت.غ"]) + r")(?!\w)"
            r"|(?<!\d)(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:\s*(?:am|pm|ص|م)(?!\w))?"
            r"|[+-](?:[01]\d|2[0-3]):?[0-5]\d|[|•·\-–—:،,()\[\]/\\*▪►»«.]"),
    }


def _covered(n: int, spans) -> list[bool]:
    mask = [False] * n
    for s, e in spans:
        for i in range(s, min(e, n)):
            mask[i] = True
    return mask


def parse_dateline(line: str) -> Dateline | None:
    """Read ``line`` as a dateline and return its date, or None when it is not one.

    A dateline starts with a label («تاريخ النشر:», «نشر في», «آخر تحديث:», «Published:» …, optionally after
    bullets or pipes) or consists mostly (≥ 60 % of its non-space characters) of a date, time, zone and
    weekday. A sentence that merely contains a date is not a dateline. With two dates («نشر في … | آخر
    تحديث …») the published one wins.
    """
    if not line or not line.strip() or len(line) > 300:
        return None
    norm = normalize(line)
    text = norm.text
    found = [(*grammar.span(m), parsed, start, end)
             for m, _, parsed, start, end in _date_matches(norm) if parsed.kind == "absolute"]
    if not found:
        return None
    rx = _line_regexes()
    labels = [(m.start(), m.end(), kind) for kind in ("pub", "upd", "weak") for m in rx[kind].finditer(text)]
    spans = [(s, e) for s, e, *_ in found] + [(s, e) for s, e, _ in labels]
    spans += [m.span() for m in rx["filler"].finditer(text)]
    mask = _covered(len(text), spans)
    solid = [i for i, ch in enumerate(text) if not ch.isspace()]
    ratio = sum(mask[i] for i in solid) / len(solid)
    lead = re.match(r"[\s|•·\-–—*▪►»«:]*", text).end()
    strong = [lab for lab in labels if lab[2] != "weak"]
    labelled = any(s == lead for s, _, kind in strong)
    if labelled:
        leftover = re.sub(r"\s+", " ", "".join(" " if mask[i] else ch for i, ch in enumerate(text))).split()
        if ratio < 0.5 and len(leftover) > 3:
            return None
    elif ratio < 0.6:
        return None
    chosen = None
    pub_labels = sorted(s for s, _, kind in labels if kind == "pub")
    if pub_labels:
        chosen = next((f for f in found if f[0] >= pub_labels[0]), None)
    if chosen is None:
        with_day = [f for f in found if len(f[2].value) >= 10]
        chosen = (with_day or found)[0]
    _, _, parsed, start, end = chosen
    return Dateline(parsed.value, line[start:end], start, end)


# --- metadata values ----------------------------------------------------------------------------------

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[t\s_]+(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,]\d+)?\s*"
                  r"(z|[+-]\d{2}(?::?\d{2})?|gmt|utc)?)?")


def parse_date_value(s: str | None) -> str | None:
    """Normalise a metadata date string to ISO (a date, or a date-time when it carries an offset).

    Handles ``DD/MM/YYYY``, ``2017-01-20T21:43:00+01:00``, ``2017-01-22T185600``, ``YYYY-MM-DD hh:mm:ss``,
    RSS/RFC 2822 dates («Tue, 19 Nov 2024 10:32:00 +0300»), and anything ``find_dates`` reads.
    """
    if not s or not s.strip():
        return None
    text = N(s.strip())
    m = _ISO.fullmatch(text)
    if m:
        d = _gregorian(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d is None:
            return None
        tz = m.group(7)
        if m.group(4) and tz:
            offset = _offset(tz)
            clock = _clock(m.group(4), m.group(5), m.group(6), None)
            if offset and clock:
                return f"{d.isoformat()}T{clock}{offset}"
        return d.isoformat()
    found = find_dates(s)
    full = [f for f in found if f.kind == "absolute"]
    return (full or found)[0].value if found else None
