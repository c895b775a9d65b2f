"""gzip helpers that never inflate more than asked and report truncation instead of raising."""

from __future__ import annotations

import zlib

from marsad.errors import FormatError, InputTooLargeError, MarsadError

_GZIP = zlib.MAX_WBITS | 16


def gunzip_head(data: bytes, size: int = 512) -> bytes:
    """The first ``size`` inflated bytes (enough to sniff what is inside), or ``b''``."""
    try:
        return zlib.decompressobj(_GZIP).decompress(data[:65536], size)
    except zlib.error:
        return b""


def gunzip(data: bytes, max_bytes: int) -> tuple[bytes, MarsadError | None]:
    """Inflate all gzip members, never past ``max_bytes``; return what came out and the problem, if any."""
    out = bytearray()
    rest = data
    while rest:
        inflater = zlib.decompressobj(_GZIP)
        try:
            out += inflater.decompress(rest, max_bytes + 1 - len(out))
        except zlib.error as exc:
            return bytes(out), FormatError(f"gzip stream corrupt: {exc}")
        if len(out) > max_bytes:
            return bytes(out[:max_bytes]), InputTooLargeError(f"gzip inflates past {max_bytes} bytes")
        if not inflater.eof:
            return bytes(out), FormatError("gzip stream is truncated")
        rest = inflater.unused_data.lstrip(b"\x00")  # concatenated members, trailing padding
    return bytes(out), None


def gzip_problem(data: bytes) -> str | None:
    """Walk every gzip member without keeping the output; say what is wrong, if anything."""
    rest = data
    while rest:
        inflater = zlib.decompressobj(_GZIP)
        try:
            inflater.decompress(rest, 1 << 16)
            while inflater.unconsumed_tail:
                inflater.decompress(inflater.unconsumed_tail, 1 << 16)
        except zlib.error as exc:
            return f"has a corrupt gzip member ({exc})"
        if not inflater.eof:
            return "is truncated"
        rest = inflater.unused_data.lstrip(b"\x00")
    return None
