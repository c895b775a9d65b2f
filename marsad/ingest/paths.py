"""``read_path``: files, directories and stdin, with every problem yielded as a typed error."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from typing import BinaryIO

from marsad.errors import EmptyInputError, InputError, InputTooLargeError, MarsadError, MissingInputError
from marsad.ingest.containers import DEFAULT_MAX_BYTES, read_bytes
from marsad.ingest.document import Document


def read_path(
    path: str,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    text_field: str = "text",
    html_field: str | None = None,
    stdin: BinaryIO | bytes | None = None,
) -> Iterator[Document | MarsadError]:
    """Read a file, a directory (recursively, sorted, hidden entries skipped) or ``-`` for stdin.

    Nothing is raised for bad input: a missing path, a permission problem or an over-size file is
    yielded as its ``MarsadError`` with ``source`` set, so a batch goes on with the next input.
    """
    options = {"text_field": text_field, "html_field": html_field, "max_bytes": max_bytes}
    path = os.fspath(path)
    if path == "-":
        yield from _read_stdin(stdin, options)
        return
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield MissingInputError("no such file or directory", source=path)
        return
    except PermissionError:
        yield InputError("permission denied", source=path)
        return
    except OSError as exc:
        yield InputError(f"cannot stat: {exc.strerror or exc}", source=path)
        return
    if stat.S_ISDIR(info.st_mode):
        yield from _read_directory(path, options)
    else:
        yield from _read_file(path, info, options)


def _read_directory(path: str, options: dict) -> Iterator[Document | MarsadError]:
    def on_error(exc: OSError) -> None:
        errors.append(InputError(f"cannot list directory: {exc.strerror or exc}", source=exc.filename or path))

    errors: list[MarsadError] = []
    found = False
    for root, dirs, files in os.walk(path, onerror=on_error):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # sorted in place: a stable walk order
        yield from errors
        errors.clear()
        for name in sorted(f for f in files if not f.startswith(".")):
            found = True
            full = os.path.join(root, name)
            try:
                info = os.stat(full)
            except FileNotFoundError:
                yield MissingInputError("file vanished while reading the directory", source=full)
                continue
            except OSError as exc:
                yield InputError(f"cannot stat: {exc.strerror or exc}", source=full)
                continue
            yield from _read_file(full, info, options)
    yield from errors
    if not found:
        yield EmptyInputError("directory holds no input files", source=path)


def _read_file(path: str, info: os.stat_result, options: dict) -> Iterator[Document | MarsadError]:
    max_bytes = options["max_bytes"]
    if not stat.S_ISREG(info.st_mode):
        yield InputError("not a regular file", source=path)
        return
    if info.st_size > max_bytes:
        yield InputTooLargeError(f"file is {info.st_size} bytes, over the {max_bytes}-byte limit", source=path)
        return
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded: the file may have grown since stat
    except FileNotFoundError:
        yield MissingInputError("no such file", source=path)
        return
    except PermissionError:
        yield InputError("permission denied", source=path)
        return
    except OSError as exc:
        yield InputError(f"cannot read: {exc.strerror or exc}", source=path)
        return
    if len(data) > max_bytes:
        yield InputTooLargeError(f"file is over the {max_bytes}-byte limit", source=path)
        return
    yield from read_bytes(data, uri=path, **options)


def _read_stdin(stdin: BinaryIO | bytes | None, options: dict) -> Iterator[Document | MarsadError]:
    max_bytes = options["max_bytes"]
    if isinstance(stdin, (bytes, bytearray)):
        data = bytes(stdin)
    else:
        stream = stdin if stdin is not None else sys.stdin.buffer
        stream = getattr(stream, "buffer", stream)  # a text stream: read its bytes underneath
        try:
            data = stream.read(max_bytes + 1)
        except OSError as exc:
            yield InputError(f"cannot read stdin: {exc}", source="-")
            return
        if isinstance(data, str):
            data = data.encode("utf-8")
    if len(data) > max_bytes:
        yield InputTooLargeError(f"stdin is over the {max_bytes}-byte limit", source="-")
        return
    yield from read_bytes(data, uri="-", **options)
