"""Score the entity tagger: exact entity-level P/R/F1 (conlleval semantics) on held-out corpora.

- ANERcorp, CAMeL Lab test split (in domain; the model trains on the train split).
- AQMAR, Liu et al. 2019 test split (Arabic Wikipedia, out of domain; MIS scored as MISC; never trained on).

Usage from Python::

    from marsad.entities.evaluate import evaluate, format_table
    print(format_table(evaluate()))
"""

from __future__ import annotations

import time
from pathlib import Path

from marsad.entities.conll import read_conll, score
from marsad.entities.propagate import propagate
from marsad.shared_data import shared_data_dir

#: Sentences per pseudo-document for the document-level (propagated) score.
DOC_WINDOW = 20

TEST_SETS = {
    "anercorp_test": "ANERcorp-CamelLabSplits/ANERCorp_CamelLab_test.txt",
    "aqmar_test": "AQMAR/liu2019_split/test.txt",
}


def default_data_dir() -> Path:
    """``$MARSAD_SHARED_DATA``, else ``shared/data`` beside the repository checkout."""
    return shared_data_dir()


def evaluate(model_dir: str | Path | None = None, data_dir: str | Path | None = None,
             sets: tuple[str, ...] = tuple(TEST_SETS), recent: bool = True, accurate: bool | None = None) -> dict:
    """Score a model directory (default: the shipped model) on the test corpora.

    Args:
        model_dir: a directory written by :func:`marsad.entities.train.train`; ``None`` for the shipped one.
        data_dir: the shared data folder; default :func:`default_data_dir`.
        sets: which of ``TEST_SETS`` to score.
        recent: also score the recent-news dev set (:func:`evaluate_recent_dev`) when its sources are there.
        accurate: score the CRF mixed with the fine-tuned encoder (default: ``$MARSAD_NER_ACCURATE``).

    Returns:
        ``{set_name: {"overall": {precision, recall, f1, gold, predicted, correct}, "per_type": {TYPE: …},
        "tokens": n, "seconds": s, "document": {...same keys, "window": 20}}, "model_dir": str}``.
        ``overall``/``per_type`` score each sentence alone (the standard setting); ``document`` scores the
        same output after document-level propagation over runs of ``DOC_WINDOW`` consecutive sentences (the
        corpora carry no article breaks). Types are the corpus labels PERS, LOC, ORG, MISC.
    """
    from marsad.entities.tagger import NerTagger, load_tagger

    tagger = NerTagger.load(model_dir, accurate=accurate) if model_dir else load_tagger(accurate=accurate)
    data = Path(data_dir) if data_dir else default_data_dir()
    result: dict = {"model_dir": str(tagger.model_dir), "tagger": tagger.kind}
    for name in sets:
        path = data / TEST_SETS[name]
        if not path.exists():
            raise FileNotFoundError(f"test corpus missing: {path}")
        sents = read_conll(path)
        t0 = time.perf_counter()
        toks = [[t for t, _ in s] for s in sents]
        gold = [[g for _, g in s] for s in sents]
        pred = tagger.tag_many(toks)
        secs = time.perf_counter() - t0
        r = score(gold, pred)
        r["tokens"] = sum(len(s) for s in sents)
        r["seconds"] = round(secs, 3)
        # the corpora have no document breaks: runs of DOC_WINDOW consecutive sentences stand in for articles
        doc = [lab for i in range(0, len(toks), DOC_WINDOW)
               for lab in propagate(toks[i:i + DOC_WINDOW], pred[i:i + DOC_WINDOW])]
        d = score(gold, doc)
        r["document"] = {"overall": d["overall"], "per_type": d["per_type"], "window": DOC_WINDOW}
        result[name] = r
    recent_result = evaluate_recent_dev(tagger, data) if recent else None
    if recent_result:
        result["recent_dev"] = recent_result
    return result


def evaluate_recent_dev(tagger=None, data_dir: str | Path | None = None) -> dict | None:
    """Score ``tagger.find`` (raw text → spans, post-tagger rules included) on the recent-news dev set
    (``eval/ner/recent_dev.jsonl``, see :mod:`marsad.entities.recent_dev`); ``None`` when the SaudiNewsNet
    and ANT sources are not under ``data_dir``. Keys: ``articles``, ``entities``, ``gold_types``, ``strict``
    (PER ORG GPE LOC MISC) and ``place`` (GPE and LOC as one class), each ``{overall, per_type}``."""
    from marsad.entities import recent_dev
    from marsad.entities.tagger import load_tagger

    data = Path(data_dir) if data_dir else default_data_dir()
    if not recent_dev.available(data):
        return None
    return recent_dev.evaluate((tagger or load_tagger()).find, data)


def format_table(result: dict) -> str:
    """A plain-text table of :func:`evaluate` output, one block per test set."""
    lines = [f"model: {result.get('model_dir')} ({result.get('tagger', 'crf')})"]
    for name in TEST_SETS:
        if name not in result:
            continue
        r = result[name]
        lines.append(f"\n{name}  ({r['tokens']} tokens, {r['tokens'] / max(r['seconds'], 1e-9):,.0f} tok/s)")
        lines.append(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
        for title, block in (("sentence by sentence", r), (f"document-level (windows of "
                                                            f"{r.get('document', {}).get('window')} sentences)",
                                                            r.get("document"))):
            if not block:
                continue
            lines.append(f"  {title}")
            rows = [*sorted(block["per_type"].items()), ("overall", block["overall"])]
            for typ, m in rows:
                lines.append(f"{typ:<8}{m['precision']:>8.4f}{m['recall']:>8.4f}{m['f1']:>8.4f}{m['gold']:>7}"
                             f"{m['predicted']:>7}")
    if "recent_dev" in result:
        r = result["recent_dev"]
        lines.append(f"\nrecent_dev  ({r['articles']} SaudiNewsNet/ANT articles, {r['entities']} mentions; raw text "
                     f"through find(), post-tagger rules included; exact span)")
        lines.append(f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>7}{'pred':>7}")
        for title, key in (("strict types", "strict"), ("GPE and LOC as one PLACE class", "place")):
            lines.append(f"  {title}")
            block = r[key]
            for typ, m in [*sorted(block["per_type"].items()), ("overall", block["overall"])]:
                lines.append(f"{typ:<8}{m['precision']:>8.4f}{m['recall']:>8.4f}{m['f1']:>8.4f}{m['gold']:>7}"
                             f"{m['predicted']:>7}")
    return "\n".join(lines)
