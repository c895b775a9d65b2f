"""Loads the segmentation lexicons (data files in ``marsad/resources/segment``), once per process."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from marsad.errors import ResourceError


def resource_path(*parts: str):
    """A file under ``marsad/resources`` (a Traversable; works from a wheel or a source tree)."""
    return resources.files("marsad").joinpath("resources", *parts)


def read_lines(*parts: str) -> list[str]:
    """Non-comment, non-empty lines of a bundled text resource."""
    try:
        raw = resource_path(*parts).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as exc:  # an installation problem, not bad input
        raise ResourceError(f"missing resource {'/'.join(parts)}: {exc}") from exc
    return [ln.strip() for ln in raw.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _alternation(name: str) -> str:
    return "|".join(f"(?:{p})" for p in read_lines("segment", name))


@lru_cache(maxsize=1)
def marker_re() -> re.Pattern:
    # A marker is the whole line, or a label followed by «:»/«-» and an inline title.
    return re.compile(rf"^[\W_]*(?:{_alternation('markers.txt')})\s*(?:[:：\-–—»«]+\s*(?P<rest>.*))?$")


@lru_cache(maxsize=1)
def boilerplate_re() -> re.Pattern:
    return re.compile(rf"^[\W_]*(?:{_alternation('boilerplate.txt')})")


@lru_cache(maxsize=1)
def credit_re() -> re.Pattern:
    return re.compile(rf"^[\W_]*(?:{_alternation('credits.txt')})\s*[:：\-–]\s*(?P<value>\S.*)$", re.I)


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    return frozenset(read_lines("segment", "function_words.txt"))
