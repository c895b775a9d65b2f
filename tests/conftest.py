"""Shared fixtures: where the shared data sets live, and a skip when they are absent."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from marsad.shared_data import shared_data_dir

ROOT = Path(__file__).resolve().parents[1]

# Parsed resources are cached per user (marsad/cache.py): the suite, and the CLI processes it starts, share
# one cache of their own, removed at the end, unless the caller chose a cache folder.
_OWN_CACHE = None if "MARSAD_CACHE_DIR" in os.environ else tempfile.mkdtemp(prefix="marsad-test-cache-")
if _OWN_CACHE:
    os.environ["MARSAD_CACHE_DIR"] = _OWN_CACHE


def pytest_sessionfinish(session, exitstatus):
    if _OWN_CACHE:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


def shared_data() -> Path:
    return shared_data_dir()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared data sets not found at {path} (set MARSAD_SHARED_DATA)")
    return path
