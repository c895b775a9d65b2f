"""A per-user cache of parsed resources, so that a new process starts in a fraction of a second.

Parsing the tagger's tables and the actor base from their text files takes most of a second each; the
objects they become load from a pickle several times faster. Each cache file is named by a hash of
everything that went into it: the bytes of the source files, the code that parses them, the Python and
Marsad versions. A change to any of them gives a new name, so a stale file is never read; the old file is
removed when the new one is written.

Where: ``$MARSAD_CACHE_DIR``, else ``$XDG_CACHE_HOME/marsad``, else ``~/.cache/marsad``. ``MARSAD_CACHE_DIR=off``
turns the cache off. The directory must belong to the user and be writable by nobody else (a pickle is code
to Python); otherwise, or when anything fails, the resource is parsed from its files as before.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import TypeVar

T = TypeVar("T")

#: Bump when the cache's own format changes.
FORMAT = "1"


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is off."""
    env = os.environ.get("MARSAD_CACHE_DIR")
    if env is not None:
        return None if env.strip().lower() in ("", "0", "off", "no", "false") else Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "marsad"


def folder_sources(folder: Path) -> list[Path]:
    """The files of a resource folder that go into its parsed object: all but its notes (``*.md``)."""
    return [p for p in folder.iterdir() if p.is_file() and p.suffix != ".md"]


def cache_key(sources: Iterable[Path], code: Iterable[ModuleType] = ()) -> str:
    """Hash of the sources' names and bytes, the parsing modules' source, and the versions."""
    from marsad import __version__

    h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:3]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for path in sorted(Path(p) for p in sources):
        h.update(b"\0" + path.name.encode())
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing")
    for module in code:
        h.update(b"\0" + module.__name__.encode())
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:24]


def cached(name: str, sources: Iterable[Path], build: Callable[[], T], code: Iterable[ModuleType] = ()) -> T:
    """``build()``, or the object an earlier process built from the same sources and code."""
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{name}-{cache_key(sources, code)}.pickle"
    except (OSError, AttributeError, TypeError):  # an unreadable source or a module without a file
        return build()
    if path.is_file() and _safe(folder):
        obj = _read(path)
        if obj is not None:
            return obj
    obj = build()
    _write(folder, name, path, obj)
    return obj


def _safe(folder: Path) -> bool:
    """The folder belongs to this user and nobody else can write to it."""
    try:
        st = folder.stat()
    except OSError:
        return False
    return not hasattr(os, "getuid") or (st.st_uid == os.getuid() and not st.st_mode & 0o022)


def _read(path: Path):
    was_on = gc.isenabled()
    gc.disable()  # unpickling makes a million small objects: the collector would rescan them for nothing
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except Exception:  # noqa: BLE001 - a truncated or foreign file fails in many ways: parse the sources instead
        return None
    finally:
        if was_on:
            gc.enable()


def _write(folder: Path, name: str, path: Path, obj) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe(folder):
            return
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(obj, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # readers see the whole file or none
        except BaseException:
            os.unlink(tmp)
            raise
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        for tmp_left in folder.glob(f".{name}-*.tmp"):  # left by a process killed while writing
            if time.time() - tmp_left.stat().st_mtime > 3600:
                tmp_left.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass  # a read-only home or an object that cannot be pickled: work without the cache
