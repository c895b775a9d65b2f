"""Shared fixtures: where the shared data sets live, and a skip when they are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.shared_data import shared_data_dir

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    return shared_data_dir()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    path = shared_data()
    if not path.is_dir():
        pytest.skip(f"shared data sets not found at {path} (set MARSAD_SHARED_DATA)")
    return path
