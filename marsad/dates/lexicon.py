"""Date vocabulary: month, weekday and number words, loaded lazily from ``marsad/resources/dates``.

Every table is keyed by the *normalised* form of the word (``normalize_for_match``), so lookups work on the
normalised text the date grammar runs over. Nothing is read at import time.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from marsad.errors import ResourceError
from marsad.text.normalize import normalize_for_match

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "dates"


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """One JSON file of ``marsad/resources/dates``; raises ``ResourceError`` when missing or corrupt."""
    try:
        raw = (RESOURCE_DIR / name).read_text(encoding="utf-8")
        return json.loads(raw)
    except (OSError, ValueError) as exc:  # FileNotFoundError, JSONDecodeError
        raise ResourceError(f"date resource {name!r} is missing or corrupt: {exc}") from exc


def _merge(pairs, what: str) -> dict[str, int]:
    table: dict[str, int] = {}
    for word, number in pairs:
        key = " ".join(normalize_for_match(word).split())
        if not key:
            continue
        if table.setdefault(key, number) != number:
            raise ResourceError(f"{what} {word!r} maps to both {table[key]} and {number}")
    return table


def cldr_month_names() -> dict[str, dict[str, list[str]]]:
    """CLDR Gregorian month names as written, per locale and width (``format-wide`` …)."""
    return load("cldr_months.json")["locales"]


@lru_cache(maxsize=1)
def gregorian_months() -> dict[str, int]:
    """Arabic Gregorian month names (all 28 CLDR locales and hand variants) -> month number."""
    pairs = [(name, i + 1) for widths in cldr_month_names().values()
             for names in widths.values() for i, name in enumerate(names)]
    pairs += list(load("variants.json")["gregorian_months"].items())
    return _merge(pairs, "month name")


@lru_cache(maxsize=1)
def english_months() -> dict[str, int]:
    return _merge(load("variants.json")["english_months"].items(), "English month")


@lru_cache(maxsize=1)
def hijri_months() -> dict[str, int]:
    """Hijri month names (CLDR islamic calendars and hand variants) -> month number."""
    pairs = [(name, i + 1) for names in load("cldr_hijri_months.json")["calendars"].values()
             for i, name in enumerate(names)]
    pairs += list(load("variants.json")["hijri_months"].items())
    return _merge(pairs, "Hijri month")


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    """Arabic weekday names with the article (الثلاثاء) -> ISO weekday (Monday = 1)."""
    data = load("cldr_weekdays.json")
    pairs = [(name, i + 1) for widths in data["locales"].values()
             for width, names in widths.items() if width.endswith("-wide") for i, name in enumerate(names)]
    pairs += list(load("variants.json")["weekdays"].items())
    return _merge(pairs, "weekday")


@lru_cache(maxsize=1)
def english_weekdays() -> dict[str, int]:
    return _merge(load("variants.json")["english_weekdays"].items(), "English weekday")


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return _merge(load("variants.json")["number_words"].items(), "number word")


@lru_cache(maxsize=1)
def vague_quantities() -> frozenset[str]:
    return frozenset(normalize_for_match(w) for w in load("variants.json")["vague_quantities"])


@lru_cache(maxsize=1)
def units() -> dict[str, tuple[str, int | None]]:
    """Normalised unit word -> (unit, count implied by the word: 1 singular, 2 dual, None plural).

    Singular forms also get their accusative spelling (يوما، عاما) used after numbers above ten.
    """
    table: dict[str, tuple[str, int | None]] = {}
    for unit, forms in load("variants.json")["units"].items():
        for form in forms["singular"]:
            w = normalize_for_match(form)
            table[w] = (unit, 1)
            if not w.endswith("ه"):
                table[w + "ا"] = (unit, 1)
        for form in forms["dual"]:
            table[normalize_for_match(form)] = (unit, 2)
        for form in forms["plural"]:
            table[normalize_for_match(form)] = (unit, None)
    return table
