"""Fixtures for the entity tests: the shared data folder (skip without it) and the shipped tagger."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.entities.gazetteers import RESOURCES


def _shared_data() -> Path:
    env = os.environ.get("MARSAD_SHARED_DATA")
    return Path(env) if env else Path(__file__).resolve().parents[2].parent / "shared" / "data"


@pytest.fixture(scope="session")
def ner_data_dir() -> Path:
    path = _shared_data()
    if not (path / "ANERcorp-CamelLabSplits").is_dir():
        pytest.skip(f"ANERcorp not found under {path} (set MARSAD_SHARED_DATA to the shared data folder)")
    return path


@pytest.fixture(scope="session")
def tagger():
    if not (RESOURCES / "ner.crfsuite").exists():
        pytest.skip("no shipped entity model in marsad/resources/ner")
    from marsad.entities.tagger import load_tagger
    return load_tagger()
