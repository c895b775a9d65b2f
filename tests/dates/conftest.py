"""Shared fixtures for the dates tests: the publication day used throughout and the shared data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest



def shared_data() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path} (set MARSAD_SHARED_DATA to run real-data tests)")
    return path
