"""marsad.entities.wikilex: WikiFANE fine types to ANERcorp labels, and the tables built from the corpus."""

from __future__ import annotations

import pytest

from marsad.entities.features import load_phrases, load_selflex
from marsad.entities.gazetteers import RESOURCES, _bare
from marsad.entities.wikilex import (
    NAME_PARTICLES,
    SOURCE,
    build,
    coarse_labels,
    join_clitics,
    read_types,
)
from marsad.errors import MissingInputError
from marsad.shared_data import shared_data_dir

TITLES = {_bare(w) for w in ("الشيخ", "الرئيس")} - NAME_PARTICLES


def test_type_map_covers_the_51_types_with_anercorp_labels():
    types = read_types(RESOURCES / "wikifane_types.tsv")
    assert len(types) == 51
    assert set(types.values()) == {"PERS", "LOC", "ORG", "MISC", "O"}
    assert types["Politician"] == "PERS" and types["Nation"] == "LOC" and types["Group"] == "O"


def test_titles_and_conjunctions_leave_the_name_and_o_types_vanish():
    types = {"Politician": "PERS", "Group": "O", "Nation": "LOC"}
    toks = ["قال", "الشيخ", "سالم", "الراشد", "و", "العرب", "في", "و", "مصر"]
    tags = ["O", "B-Politician", "I-Politician", "I-Politician", "O", "B-Group", "O", "B-Nation", "I-Nation"]
    assert coarse_labels(toks, tags, types, TITLES) == ["O", "O", "B-PERS", "I-PERS", "O", "O", "O", "O", "B-LOC"]
    # name particles stay in the name
    assert coarse_labels(["ابو", "سالم"], ["B-Politician", "I-Politician"], types, TITLES) == ["B-PERS", "I-PERS"]


def test_clitic_tokens_join_the_next_word_except_before_a_name():
    words, labels = join_clitics(["وزاره", "الصحه", "و", "السكان", "و", "مصر"],
                                 ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-LOC"])
    assert words == ["وزاره", "الصحه", "والسكان", "و", "مصر"]
    assert labels == ["B-ORG", "I-ORG", "I-ORG", "O", "B-LOC"]


def test_build_without_the_corpus_is_a_typed_error(tmp_path):
    with pytest.raises(MissingInputError):
        build(tmp_path, tmp_path / "out")


def test_build_from_the_shared_corpus(tmp_path):
    data = shared_data_dir()
    if not (data / SOURCE).exists():
        pytest.skip(f"WikiFANE Gold not found under {data} (set MARSAD_SHARED_DATA)")
    nw, npr = build(data, tmp_path)
    assert nw > 20_000 and npr > 5_000
    lex = load_selflex(tmp_path / "wikilex.tsv")
    assert lex["دمشق"][0] == "LOC5" and lex["محمد"][0].startswith("PERS")
    phr = load_phrases(tmp_path / "wikiphr.tsv")
    tags = phr.match([[_bare(w)] for w in ("جامعة", "الدول", "العربية")])
    assert tags == [["ORG-B"], ["ORG-I"], ["ORG-I"]]
