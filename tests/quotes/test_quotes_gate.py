"""Evaluation gate: quote precision, recall and speaker accuracy on the hand-annotated gold set.

The floors are what the finder reached when they were pinned, minus a small margin; a drop below fails.
Skipped, with the reason, when the shared data sets are absent (the gold files hold offsets, not text).
"""

from __future__ import annotations

import pytest

from marsad.quotes.evaluate import load_gold, score, shared_data

# split → (precision, recall, speaker accuracy) floors, without entities (NER not used in the gate)
FLOORS = {
    "dev": (0.99, 0.95, 0.97),    # reached 0.994 / 0.959 / 0.980 (126 articles, 362 quotes; round 10, dev4 in)
    "test": (0.95, 0.99, 0.86),   # reached 0.956 / 1.000 / 0.862 (22 articles, 65 quotes)
    "test2": (0.92, 0.94, 0.88),  # reached 0.946 / 0.946 / 0.886 (12 articles, 37 quotes; blind, round 8);
    #                               0.921 / 0.946 / 0.886 after round 10 (one spurious quote more, not read)
    "test3": (0.99, 0.85, 0.93),  # reached 1.000 / 0.857 / 0.933 (12 articles, 35 quotes; blind, round 9)
    "test4": (0.85, 0.77, 0.99),  # reached 0.857 / 0.774 / 1.000 (12 articles, 31 quotes; blind, round 10)
    # the four test halves pooled (58 articles, 168 quotes): the figure issue #5's goals are read against
    "tests": (0.93, 0.91, 0.90),  # reached 0.939 / 0.917 / 0.903
}


@pytest.fixture(scope="module")
def data_root():
    root = shared_data()
    if not (root / "SaudiNewsNet").is_dir() or not (root / "ANT-Corpus").is_dir():
        pytest.skip(f"shared data sets not found at {root} (set MARSAD_SHARED_DATA); "
                    "the quote gold set stores offsets only and needs them to rebuild its text")
    return root


@pytest.mark.parametrize("split", sorted(FLOORS))
def test_quotes_gate_floors(split, data_root):
    res = score(load_gold(split, data_root), use_ner=False)
    p, r, s = FLOORS[split]
    assert res["precision"] >= p, res
    assert res["recall"] >= r, res
    assert res["speaker_accuracy"] >= s, res


def test_quotes_gate_gold_size(data_root):
    splits = [load_gold(s, data_root) for s in ("dev", "test", "test2", "test3", "test4")]
    assert sum(map(len, splits)) >= 40
    ids = [{a.id for a in split} for split in splits]
    assert all(not ids[i] & ids[j] for i in range(len(ids)) for j in range(i + 1, len(ids)))
