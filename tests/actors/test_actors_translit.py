"""Latin names for entities not in the base."""

from __future__ import annotations

import pytest

from marsad.actors.translit import naive, transliterate


@pytest.mark.parametrize("arabic,latin", [("جلالي", "Jalali"), ("كاظم جلالي", "Kazem Jalali")])
def test_actors_translit_readable(arabic, latin):
    assert transliterate(arabic) == latin


def test_actors_translit_article_and_capitals():
    out = transliterate("حيدر الموسوي")
    assert out.split()[1].startswith("al-") and out[0].isupper()


def test_actors_translit_baseline_is_letter_map():
    assert naive("جلالي") == "jlaly"
