"""Entity-level scoring follows conlleval; corpus reading maps tag spellings."""

from __future__ import annotations

from marsad.entities.conll import chunk_list, chunks, read_conll, score


def test_entities_chunks_conlleval_rules():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-ORG", "B-ORG", "I-MISC"]
    assert chunks(tags) == {(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG"), (7, 8, "MISC")}
    assert chunk_list(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "ORG"), (6, 7, "ORG"), (7, 8, "MISC")]
    assert chunk_list(["O", "I-LOC", "O"]) == [(1, 2, "LOC")] and chunk_list([]) == []


def test_entities_score_exact_match_only():
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"]]
    pred = [["B-PERS", "O", "O", "B-LOC"]]
    r = score(gold, pred)
    assert r["overall"]["correct"] == 1
    assert r["overall"]["precision"] == 0.5 and r["overall"]["recall"] == 0.5
    assert r["per_type"]["LOC"]["f1"] == 1.0 and r["per_type"]["PERS"]["f1"] == 0.0


def test_entities_read_conll_maps_aqmar_tags(tmp_path):
    p = tmp_path / "x.txt"
    p.write_text("أ B-PER\nب I-PER\nج B-MIS\n\nد O\nه B-XYZ\n", encoding="utf-8")
    sents = read_conll(p)
    assert [t for _, t in sents[0]] == ["B-PERS", "I-PERS", "B-MISC"]
    assert [t for _, t in sents[1]] == ["O", "O"]
