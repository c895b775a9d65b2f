"""The evaluation's body rule and scoring, on hand-made articles (no shared data needed)."""

from __future__ import annotations

from marsad.quotes.evaluate import GoldArticle, build_body, score


def test_quotes_evaluate_body_rule():
    assert build_body("  أول فقرة \n\n ثانية\t\n\n\nثالثة  ") == "أول فقرة\nثانية\nثالثة"
    assert build_body(None) == ""


def test_quotes_evaluate_scores_overlap_and_speakers():
    body = "وقال الوزير إن المشروع سيكتمل قبل نهاية العام.\nوحذر الكاتب من «ثورة ملونة» في البلاد."
    q = body.index("المشروع")
    e = body.index(" قبل")  # the gold span is shorter than the system's, but covered by it
    sp = body.index("الوزير")
    gold = GoldArticle("a", body, [{"start": q, "end": e, "direct": False, "speaker": [sp, sp + 6]}])
    res = score([gold], use_ner=False)
    assert (res["precision"], res["recall"], res["speaker_accuracy"]) == (1.0, 1.0, 1.0)
    wrong = GoldArticle("b", body, [{"start": q, "end": e, "direct": False, "speaker": None}])
    assert score([wrong], use_ner=False)["speaker_accuracy"] == 0.0
