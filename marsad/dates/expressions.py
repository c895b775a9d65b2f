"""Time expressions in an article body, resolved against its publication date.

One combined regex (``grammar.expression_regex``) runs over the normalised body; offsets are mapped back,
so ``body[start:end] == text`` for every item. Items are sorted and never overlap.

Resolution rules (``published`` = P):

- absolute dates (``find_dates`` forms) keep their own value, kind ``absolute``; «عام 2024» is ``other``;
  a day and month without a year («19 نوفمبر») is ``relative``: the year that puts it nearest to P
  («19 مايو الماضي»: the latest one before P; «10 مارس المقبل»: the first one after P).
- weekdays (kind ``weekday``): bare «الثلاثاء» / «يوم الثلاثاء» / «مساء الثلاثاء» → the latest such day on or
  before P; «الماضي» → strictly before P; «المقبل/القادم» → strictly after P.
- «اليوم الثلاثاء», «اليوم (الاثنين)» → P itself, whatever the weekday says (the writer's «today» is the
  publication day; a mismatching weekday usually means the piece was dated a day late). «أمس الاثنين» → P − 1.
- «اليوم», «الليلة» → P; «أمس», «البارحة», «الليلة الماضية» → P − 1; «أول أمس», «أمس الأول» → P − 2;
  «غدًا», «يوم غد» → P + 1; «بعد غد» → P + 2. Kind ``relative``.
- «الأسبوع الماضي/المقبل/الجاري», «هذا الأسبوع» → the ISO week ``YYYY-Www`` (ISO 8601 week notation: a
  week is not a day, and a Monday date would claim a precision the text does not have).
- «الشهر الماضي/المقبل/الجاري» → ``YYYY-MM``; «العام/السنة الماضي(ة)/المقبل(ة)/الجاري(ة)» → ``YYYY``.
- «منذ/قبل ثلاثة أيام», «قبل يومين», «منذ أسبوع» → P − n (days and weeks give a date, months ``YYYY-MM``,
  years ``YYYY``); «بعد يومين» → P + n. Vague counts («منذ أيام», «منذ عدة أشهر») and counts relative to
  another event («قبل يومين من الانتخابات») keep kind ``relative`` with value null.
- «خلال الأيام الماضية», «لمدة ثلاثة أسابيع», «خلال الأسبوع» → kind ``duration``, value null.
- «في مارس الماضي» → the latest March strictly before P's month; «نوفمبر المقبل» → the next November after
  P's month; «مارس الجاري» → March of P's year; bare «شهر نوفمبر» → the November nearest to P (a tie,
  six months either way, goes to the past). Kind ``relative``, value ``YYYY-MM``.

Without ``published`` every non-absolute value is null.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from marsad.dates import grammar, lexicon
from marsad.dates.parse import decode_date, original_span, parse_date_value
from marsad.dates.words import NEXT, NOT_TODAY_BEFORE, PAST
from marsad.errors import UsageError
from marsad.records import TimeExpr
from marsad.text.normalize import normalize
from marsad.text.normalize import normalize_for_match as N

__all__ = ["time_expressions"]

_ISO_YEAR = re.compile(r"(?!0000)\d{4}(?:-|$)")
_PAST = frozenset(N(w) for w in PAST)
_NEXT = frozenset(N(w) for w in NEXT)

_DAY_OFFSETS = {
    **dict.fromkeys(["اليوم", "الليلة"], 0),
    **dict.fromkeys(["أمس", "الأمس", "البارحة"], -1),
    **dict.fromkeys(["غدا", "يوم غد", "يوم الغد", "الغد", "غد"], 1),
}
_NOT_TODAY_BEFORE = frozenset(N(w) for w in NOT_TODAY_BEFORE)


@lru_cache(maxsize=1)
def _day_offsets() -> dict[str, int]:
    return {N(k): v for k, v in _DAY_OFFSETS.items()}


_BEFORE_YESTERDAY = (N("أول"), N("قبل"))
_FIRST, _AFTER, _TONIGHT = N("الأول"), N("بعد"), N("الليلة")
_TOMORROW_BARE = frozenset({N("الغد"), N("غد")})
_TODAY = N("اليوم")
_UNITS = {N("أسبوع"): "week", N("شهر"): "month"}
_TOGETHER = re.compile(r"\s+" + N("معا") + r"(?!\w)")  # «الاثنين معا»: "the two together"
_OF_EVENT = re.compile(r"\s+(?:" + N("من") + "|" + N("على") + r")(?!\w)")  # «قبل يومين من الانتخابات»


def _day_offset(relw: str) -> int | None:
    key = " ".join(relw.split())
    if key.startswith(_BEFORE_YESTERDAY) or key.endswith(_FIRST):
        return -2
    if key.startswith(_AFTER):
        return 2
    if key.startswith(_TONIGHT) and key != _TONIGHT:
        return -1
    return _day_offsets().get(key)


def _published_day(published: str | None) -> date | None:
    if published is None:
        return None
    try:
        return date.fromisoformat(published[:10])
    except (TypeError, ValueError):
        pass
    value = parse_date_value(published) if isinstance(published, str) else None
    if value is None or len(value) < 10:
        raise UsageError(f"published must be a date (ISO preferred), got {published!r}")
    return date.fromisoformat(value[:10])


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _day_month(pub: date, month: int, day: int, direction: int) -> str | None:
    """«19 نوفمبر» without a year: the nearest such day to ``pub``; with «الماضي» the latest one strictly
    before it, with «المقبل» the first one strictly after it."""
    best = None
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:  # 29 February outside leap years; also years 0 and 10000
            continue
        if direction < 0 and candidate >= pub or direction > 0 and candidate <= pub:
            continue
        if best is None or abs(candidate - pub) < abs(best - pub):
            best = candidate
    return best.isoformat() if best else None


def _weekday(pub: date, iso_weekday: int, mod: str | None) -> str:
    back = (pub.isoweekday() - iso_weekday) % 7
    if mod in _NEXT:
        ahead = (iso_weekday - pub.isoweekday()) % 7 or 7
        return (pub + timedelta(days=ahead)).isoformat()
    if mod in _PAST and back == 0:
        back = 7
    return (pub - timedelta(days=back)).isoformat()


def _unit_value(pub: date, unit: str, delta: int) -> str:
    if unit == "day":
        return (pub + timedelta(days=delta)).isoformat()
    if unit == "week":
        return (pub + timedelta(days=7 * delta)).isoformat()
    if unit == "month":
        y, m = _shift_month(pub.year, pub.month, delta)
        return f"{y:04d}-{m:02d}"
    return f"{pub.year + delta:04d}"


def _period(pub: date, unit: str, mod: str | None) -> str:
    delta = -1 if mod in _PAST else 1 if mod in _NEXT else 0
    if unit == "week":
        y, w, _ = (pub + timedelta(days=7 * delta)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    return _unit_value(pub, "month" if unit == "month" else "year", delta)


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return lexicon.number_words().get(word)


def _resolve(m: re.Match, form: str, pub: date | None, text: str) -> tuple[str, str | None] | None:
    """(kind, value) of a relative-form match; None when the match is not a time expression after all."""
    g = m.group
    if form == "rel":
        relw = " ".join(g("relw").split())
        if relw in _TOMORROW_BARE and not g("tod"):
            return None  # «الغد» alone is "the future" (and a newspaper's name)
        if relw == _TODAY:
            before = text[max(0, m.end("c") - 14):m.end("c")].split()
            if before and before[-1] in _NOT_TODAY_BEFORE:
                return None
        offset = _day_offset(relw)
        if offset is None:
            return None
        return "relative", (pub + timedelta(days=offset)).isoformat() if pub else None
    if form == "wdx":
        iso = lexicon.weekdays()[" ".join(g("wday").split())]
        if iso == 1 and _TOGETHER.match(text, m.end()):
            return None
        return "weekday", _weekday(pub, iso, g("wmod")) if pub else None
    if form == "urel":
        unit = _UNITS.get(g("uu") or g("uu0"), "year")
        return "relative", _period(pub, unit, g("umod")) if pub else None
    if form == "ago":
        sign = 1 if g("agow") == _AFTER else -1
        if g("ad"):
            unit, n = lexicon.units()[g("ad")]
        elif g("a1"):
            unit, n = lexicon.units()[g("a1")]
        else:
            unit, n = lexicon.units()[g("au")][0], _count(g("an"))
        if n is None or _OF_EVENT.match(text, m.end()):
            return "relative", None
        return "relative", _unit_value(pub, unit, sign * n) if pub else None
    if form == "dur":
        return "duration", None
    if form == "mon":
        month = lexicon.gregorian_months().get(" ".join((g("mo") or g("mo2")).split())) \
            or lexicon.english_months().get(g("mo") or g("mo2"))
        if month is None:
            return None
        if pub is None:
            return "relative", None
        mod, year = g("mmod"), pub.year
        if mod in _PAST and month >= pub.month:
            year -= 1
        elif mod in _NEXT and month <= pub.month:
            year += 1
        elif mod is None and abs(month - pub.month) > 6:  # bare «شهر نوفمبر»: the nearest November
            year += -1 if month > pub.month else 1
        elif mod is None and month - pub.month == 6:  # half a year either way: news reports the past
            year -= 1
        return "relative", f"{year:04d}-{month:02d}"
    return None


def time_expressions(body: str, published: str | None = None) -> list[TimeExpr]:
    """Every time expression in ``body``, resolved against ``published`` (ISO date or date-time, or None).

    Returns ``TimeExpr`` items sorted by ``start``, non-overlapping, with ``body[start:end] == text``.
    A non-ISO ``published`` goes through ``parse_date_value`` first; ``UsageError`` when it holds no day.
    """
    pub = _published_day(published)
    if not body:
        return []
    norm = normalize(body)
    text = grammar.PAD + norm.text
    out: list[TimeExpr] = []
    last_end = 0
    for m in grammar.expression_regex().finditer(text):
        form = grammar.which_form(m)
        if grammar.is_date_form(form):
            parsed = decode_date(m, form)
            if parsed is None:
                continue
            if parsed.value is None:  # day and month, no year
                kind = "relative"
                value = _day_month(pub, parsed.month, parsed.day, parsed.direction) if pub else None
            else:
                kind, value = parsed.kind, parsed.value
        else:
            try:
                resolved = _resolve(m, form, pub, text)
            except (OverflowError, ValueError):  # published at the edge of the calendar (year 1 or 9999)
                resolved = _resolve(m, form, None, text)
            if resolved is None:
                continue
            kind, value = resolved
            if value is not None and not _ISO_YEAR.match(value):
                value = None  # resolved outside years 0001-9999
        start, end = original_span(norm, m)
        if start < last_end or end <= start:
            continue
        out.append(TimeExpr(text=body[start:end], start=start, end=end, value=value, kind=kind))
        last_end = end
    return out
