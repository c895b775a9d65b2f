"""Marsad's own 14-type event gold set: ``eval/events/gold.tsv`` holds ids, offsets, split and labels only;
the sentence text is read back from the shared corpora (SaudiNewsNet, ANT) at evaluation time.

Annotation rule (one annotator, reading each sentence): a sentence is labelled with every PLOVER type of
which it reports an event — asserted, planned or announced, also inside a quote — by identifiable
participants; a topic word alone (a past attack cited in passing, protests discussed in general), a
question, a conditional or a negated event does not count.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

from marsad.events.evaluate import prf, sentence_article, shared_data
from marsad.events.lexicon import TYPES

GOLD = Path(__file__).resolve().parents[2] / "eval" / "events" / "gold.tsv"


def _rows(path: Path = GOLD) -> list[list[str]]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def _texts() -> dict[tuple[str, str], str]:
    rows = _rows()
    d = shared_data()
    out: dict[tuple[str, str], str] = {}
    need_ant = {r[1] for r in rows if r[0] == "ant"}
    with (d / "ANT-Corpus" / "antcorpus_v1.1.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["file"] in need_ant:
                out[("ant", r["file"])] = r["text"]
    cache: dict[tuple[str, str], list] = {}
    for r in rows:
        if r[0] != "saudinewsnet":
            continue
        zname, rest = r[1].split("/", 1)
        name, k = rest.rsplit("#", 1)
        if (zname, name) not in cache:
            with zipfile.ZipFile(d / "SaudiNewsNet" / "dataset" / zname) as z:
                cache[(zname, name)] = json.loads(z.read(name))
        out[("saudinewsnet", r[1])] = cache[(zname, name)][int(k)]["content"]
    return out


def gold_sentences(split: str) -> list[tuple[str, frozenset[str]]]:
    """``(sentence text, gold types)`` of one split."""
    if not GOLD.exists():
        raise FileNotFoundError(GOLD)
    texts = _texts()
    out = []
    for corpus, key, s0, s1, sp, _pool, labels in _rows():
        if sp != split:
            continue
        types = frozenset() if labels in ("-", "?") else frozenset(labels.split(","))
        out.append((texts[(corpus, key)][int(s0):int(s1)], types))
    return out


def gold14(split: str = "test", flt=None, entity_provider=None) -> dict:
    """Per-type precision/recall/F1 of sentence-level detection (an event of the type, not negated)."""
    from marsad.events.actors import entities_for
    from marsad.events.coder import candidates
    from marsad.events.filter import load_filter

    flt = flt if flt is not None else load_filter()
    provider = entity_provider or entities_for
    c = Counter()
    for text, gold in gold_sentences(split):
        pred = {x.entry.type for x in candidates(sentence_article(text, entities=provider(text)))
                if not x.negated and flt.keep(x)}
        for t in TYPES:
            if t in pred and t in gold:
                c[(t, "tp")] += 1
            elif t in pred:
                c[(t, "fp")] += 1
            elif t in gold:
                c[(t, "fn")] += 1
    res = {t: prf(c[(t, "tp")], c[(t, "fp")], c[(t, "fn")]) for t in TYPES}
    tot = [sum(c[(t, k)] for t in TYPES) for k in ("tp", "fp", "fn")]
    res["micro"] = prf(*tot)
    return res
