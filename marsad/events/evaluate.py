"""Scores of the event coder on the shared gold sets.

* ``gsr_detection(split)``: sentence-level PROTEST / ASSAULT detection on ``arabic-event-gsr`` (positives
  ``yes``, negatives ``easy no``; even data rows are DEV, odd rows TEST).
* ``gsr_actor_countries(split)``: on the span files, how often the coded source / target actor's country is the
  gold country, using :mod:`marsad.events.actors` as the entity provider.
* ``gold14(split)``: per-type precision and recall on Marsad's own annotated sentences (``eval/events``).

    python -m marsad.events.evaluate [--split test] [--what all]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from marsad.events.coder import candidates
from marsad.events.filter import Filter, load_filter
from marsad.records import Article
from marsad.shared_data import shared_data_dir

GSR_TYPES = ("PROTEST", "ASSAULT")


def shared_data() -> Path:
    return shared_data_dir()


def gsr_rows(event_type: str, split: str) -> list[tuple[str, bool]]:
    """``(text, is_positive)`` of one GSR file's split; ``difficult no`` and ``ambiguous`` are left out."""
    path = shared_data() / "arabic-event-gsr" / f"{event_type.lower()}_gsr.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    parity = 0 if split == "dev" else 1
    out = []
    for n, r in enumerate(rows):
        if n % 2 != parity or r["label"] not in ("yes", "easy no"):
            continue
        out.append((r["text"], r["label"] == "yes"))
    return out


def sentence_article(text: str, ident: str = "gold", entities=()) -> Article:
    return Article(id=ident, role="main", title=None, body=text, entities=tuple(entities))


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


def detects(text: str, event_type: str, flt: Filter | None, entity_provider=None) -> bool:
    ents = entity_provider(text) if entity_provider else ()
    for c in candidates(sentence_article(text, entities=ents)):
        if c.entry.type == event_type and (flt is None or flt.keep(c)):
            return True
    return False


def gsr_detection(split: str = "test", flt: Filter | None = None, entity_provider=None) -> dict:
    flt = flt if flt is not None else load_filter()
    if entity_provider is None:
        from marsad.events.actors import entities_for
        entity_provider = entities_for
    out = {}
    for typ in GSR_TYPES:
        c = Counter()
        for text, gold in gsr_rows(typ, split):
            pred = detects(text, typ, flt, entity_provider)
            c["tp" if pred and gold else "fp" if pred else "fn" if gold else "tn"] += 1
        out[typ] = prf(c["tp"], c["fp"], c["fn"])
    return out


def _span_records(event_type: str) -> list[dict]:
    path = shared_data() / "arabic-event-gsr" / f"{event_type.lower()}_spans.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _role_country(role) -> str | None:
    return role.get("main") if isinstance(role, dict) else None


def gsr_actor_countries(flt: Filter | None = None) -> dict:
    """Source/target country accuracy over span records whose gold role names a country.

    A record counts for the source (target) when its first span's ``source_role.main`` (``target_role.main``)
    is a country code; the coder scores when an event of the record's type has a source (target) whose
    entity country equals it. ``coded`` is how many of those got any country at all.
    """
    from marsad.events.actors import entities_for

    flt = flt if flt is not None else load_filter()
    out = {}
    for typ in GSR_TYPES:
        c = Counter()
        for rec in _span_records(typ):
            spans = rec.get("spans") or []
            if not spans:
                continue
            gold_src, gold_tgt = (_role_country(spans[0].get(k)) for k in ("source_role", "target_role"))
            ents = entities_for(rec["text"])
            by_id = {e.id: e for e in ents}
            cands = [x for x in candidates(sentence_article(rec["text"], entities=ents))
                     if x.entry.type == typ and flt.keep(x)]
            for role, gold in (("source", gold_src), ("target", gold_tgt)):
                if not gold or gold == "None" or len(gold) != 3:
                    continue
                c[f"{role}_n"] += 1
                got = [by_id[getattr(x, role)].country for x in cands if getattr(x, role)]
                got = [g for g in got if g]
                if got:
                    c[f"{role}_coded"] += 1
                if gold in got[:1]:
                    c[f"{role}_right"] += 1
        out[typ] = {role: {"n": c[f"{role}_n"], "coded": c[f"{role}_coded"], "right": c[f"{role}_right"],
                           "accuracy": round(c[f"{role}_right"] / c[f"{role}_n"], 4) if c[f"{role}_n"] else None,
                           "accuracy_when_coded": round(c[f"{role}_right"] / c[f"{role}_coded"], 4)
                           if c[f"{role}_coded"] else None}
                    for role in ("source", "target")}
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(prog="python -m marsad.events.evaluate")
    ap.add_argument("--split", default="test", choices=["dev", "test"])
    ap.add_argument("--what", default="all", choices=["all", "gsr", "actors", "gold14"])
    args = ap.parse_args(argv)
    res = {}
    if args.what in ("all", "gsr"):
        res["gsr_detection"] = gsr_detection(args.split)
    if args.what in ("all", "actors"):
        res["gsr_actor_countries"] = gsr_actor_countries()
    if args.what in ("all", "gold14"):
        from marsad.events.gold import gold14
        res["gold14"] = gold14(args.split)
    print(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
