"""Evaluation gate: linking on the UniversalPetrarch Arabic gold actor strings, and transliteration on
held-out ANETAC pairs. Floors are pinned a little under the measured figures so a regression fails."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(os.environ.get("MARSAD_SHARED_DATA") or Path(__file__).resolve().parents[2].parent / "shared" / "data")
GOLD = DATA / "UniversalPetrarch-Arabic" / "validation" / "arabic_gsr_validation_18-11-14.xml"
ANETAC = DATA / "ANETAC" / "EN-AR Translit" / "test.ar"

# measured 2026-11-29 with generic actors (agents.tsv), base aliases only: end-to-end all 0.853 (dev 0.873,
# test 0.836), gold spans all 0.838 (272 items; was 0.735 / 0.739 before generic actors).
# Re-measured after the tagger-span and dated-office work (test scored once): base aliases end-to-end all 0.853
# (dev 0.873, test 0.836), gold spans all 0.846 (dev 0.865, test 0.829), with NER tagger spans all 0.868
# (dev 0.889, test 0.849; was 0.849 / 0.815 on test).
FLOOR_END_TO_END = 0.845
FLOOR_GOLD_SPANS = 0.84
FLOOR_TAGGER = 0.86
FLOOR_TAGGER_TEST_ISO = 0.85


@pytest.mark.skipif(not GOLD.is_file(), reason=f"UniversalPetrarch gold records not found at {GOLD} "
                                                "(set MARSAD_SHARED_DATA)")
@pytest.mark.parametrize("gold_spans,floor", [(False, FLOOR_END_TO_END), (True, FLOOR_GOLD_SPANS)])
def test_actors_gold_linking_accuracy_floor(gold_spans, floor):
    from marsad.actors.evaluate import evaluate

    r = evaluate(DATA, gold_spans=gold_spans)
    assert r["items"] == 272
    assert r["accuracy"] >= floor, r


@pytest.mark.skipif(not GOLD.is_file(), reason=f"UniversalPetrarch gold records not found at {GOLD} "
                                                "(set MARSAD_SHARED_DATA)")
def test_actors_gold_linking_with_tagger_spans_floor():
    """The tagger path (NER spans given to the resolver) must stay at least as good as the base aliases alone."""
    from marsad.entities import find_entities, load_tagger
    from marsad.errors import MarsadError

    try:
        load_tagger()
    except MarsadError as exc:
        pytest.skip(f"NER model not available: {exc}")
    from marsad.actors.evaluate import evaluate

    tagged, base = evaluate(DATA, tagger=find_entities), evaluate(DATA)
    assert tagged["accuracy"] >= FLOOR_TAGGER, tagged
    assert tagged["accuracy"] >= base["accuracy"], (tagged, base)
    # the population: gold strings with a country code (ISO3; not IGO/IMG/INT/KUR), held-out half,
    # through the pipeline's path (tagger spans); measured 0.856 (132 items) on 2026-11-29
    test = evaluate(DATA, tagger=find_entities, split="test")
    assert test["iso_accuracy"] >= FLOOR_TAGGER_TEST_ISO, test


@pytest.mark.skipif(not GOLD.is_file(), reason=f"UniversalPetrarch gold records not found at {GOLD} "
                                                "(set MARSAD_SHARED_DATA)")
def test_actors_gold_split_is_fixed():
    """Tuning uses the dev half only; the halves come from the sha256 of the record id and never move."""
    from marsad.actors.evaluate import gold_items, split_of

    dev, test = gold_items(DATA, "dev"), gold_items(DATA, "test")
    assert (len(dev), len(test)) == (126, 146)
    assert not {i.sentence_id for i in dev} & {i.sentence_id for i in test}
    assert split_of("5b6757616203c433883a1e0b") in ("dev", "test")


@pytest.mark.skipif(not ANETAC.is_file(), reason=f"ANETAC not found at {ANETAC} (set MARSAD_SHARED_DATA)")
def test_actors_gold_translit_beats_letter_map():
    from marsad.actors.translit import naive, transliterate_word

    ar = ANETAC.read_text(encoding="utf-8").splitlines()
    en = ANETAC.with_suffix(".en").read_text(encoding="utf-8").splitlines()
    pairs = [(a.strip(), e.strip().lower()) for a, e in zip(ar, en) if a.strip() and e.strip()][:1500]
    model = sum(transliterate_word(a).lower() == e for a, e in pairs) / len(pairs)
    base = sum(naive(a) == e for a, e in pairs) / len(pairs)
    assert model >= 0.28 and model > 3 * base, (model, base)
