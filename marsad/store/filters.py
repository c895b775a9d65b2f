"""Listing filters shared by the CLI, the API and the web pages, validated once and turned into SQL."""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from marsad.errors import UsageError

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
EVENT_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_TEXT = 200


def check_date(value: str | None, name: str) -> str | None:
    """Accept ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real date); ``None``/empty means no bound."""
    if value is None or value == "":
        return None
    value = value.strip()
    if not _DATE.match(value):
        raise UsageError(f"{name}: expected YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise UsageError(f"{name}: {value!r} is not a date ({exc})") from exc
    return value


def _text(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if len(value) > MAX_TEXT or "\x00" in value:
        raise UsageError(f"{name}: value too long or not text")
    return value


@dataclass(frozen=True)
class Filters:
    date_from: str | None = None
    date_to: str | None = None
    outlet: str | None = None
    actor: str | None = None
    event_type: str | None = None
    speaker: str | None = None
    country: str | None = None
    role: str | None = None

    @classmethod
    def make(cls, **kw) -> Filters:
        """Validated filters; raises :class:`UsageError` for a bad date, event type or role."""
        unknown = set(kw) - {f.name for f in fields(cls)}
        if unknown:
            raise UsageError(f"unknown filter(s): {', '.join(sorted(unknown))}")
        kw = {k: v for k, v in kw.items() if v not in (None, "")}
        f = cls(
            date_from=check_date(kw.get("date_from"), "from"),
            date_to=check_date(kw.get("date_to"), "to"),
            outlet=_text(kw.get("outlet"), "outlet"),
            actor=_text(kw.get("actor"), "actor"),
            event_type=_text(kw.get("event_type"), "event_type"),
            speaker=_text(kw.get("speaker"), "speaker"),
            country=_text(kw.get("country"), "country"),
            role=_text(kw.get("role"), "role"),
        )
        if f.event_type is not None:
            et = f.event_type.upper()
            if et not in EVENT_TYPES:
                raise UsageError(f"event_type: {f.event_type!r} is not a PLOVER type ({', '.join(EVENT_TYPES)})")
            f = Filters(**{**f.__dict__, "event_type": et})
        if f.role is not None and f.role not in ("main", "related"):
            raise UsageError("role: expected 'main' or 'related'")
        if f.date_from and f.date_to and f.date_from > f.date_to + "~":
            raise UsageError("from is after to")
        return f

    def as_params(self) -> dict[str, str]:
        """The filters as URL query parameters (the names the API uses)."""
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(k, k): v for k, v in self.__dict__.items() if v is not None}


def day_bounds(col: str, f: Filters) -> tuple[list[str], list]:
    """SQL conditions bounding a ``day`` column; ``to`` is inclusive of partial dates (``2015-08``)."""
    where, args = [], []
    if f.date_from:
        where.append(f"{col} >= ?")
        args.append(f.date_from)
    if f.date_to:
        where.append(f"{col} <= ?")
        args.append(f.date_to + "~")  # '~' sorts after digits and '-': 2015-08 covers 2015-08-31
    return where, args


def article_conditions(f: Filters, a: str = "a") -> tuple[list[str], list]:
    """SQL conditions on the ``articles`` alias ``a`` for every filter that concerns articles."""
    where, args = day_bounds(f"{a}.day", f)
    if f.outlet:
        where.append(f"{a}.outlet = ?")
        args.append(f.outlet)
    if f.role:
        where.append(f"{a}.role = ?")
        args.append(f.role)
    if f.actor:
        where.append(f"{a}.n IN (SELECT article FROM entities WHERE actor = ?)")
        args.append(f.actor)
    if f.event_type:
        where.append(f"{a}.n IN (SELECT article FROM events WHERE type = ?)")
        args.append(f.event_type)
    if f.speaker:
        where.append(f"{a}.n IN (SELECT article FROM quotes WHERE speaker_actor = ?)")
        args.append(f.speaker)
    if f.country:
        where.append(f"{a}.n IN (SELECT article FROM entities WHERE country = ?)")
        args.append(f.country)
    return where, args
