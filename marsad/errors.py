"""Marsad's exception tree.

Every error a user can cause is a ``MarsadError`` with a stable code; the CLI turns it into one line on
stderr. Bad-input errors are also ``ValueError`` so callers that only know the standard library can catch them.
"""

from __future__ import annotations


class MarsadError(Exception):
    """Base of every error Marsad raises on purpose."""

    code = "M000"

    def __init__(self, message: str, *, source: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        return f"[{self.code}] {where}{self.message}"

    def to_dict(self) -> dict:
        return {"input": self.source, "code": self.code, "error": self.message}


class InputError(MarsadError, ValueError):
    """The input cannot be turned into a page."""

    code = "M100"


class MissingInputError(InputError):
    code = "M101"


class EmptyInputError(InputError):
    code = "M102"


class BinaryInputError(InputError):
    code = "M103"


class InputTooLargeError(InputError):
    code = "M104"


class DecodeError(InputError):
    code = "M105"


class NotArabicError(InputError):
    code = "M106"


class FormatError(InputError):
    """A container (gzip, WARC, zip, JSONL, CSV, feed) is malformed or truncated."""

    code = "M107"


class UsageError(MarsadError, ValueError):
    """The caller asked for something that makes no sense (bad option, bad date)."""

    code = "M200"


class ResourceError(MarsadError):
    """A bundled resource (lexicon, model) is missing or corrupt: an installation problem."""

    code = "M300"
