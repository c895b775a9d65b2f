"""Articles/s of the event stage alone (``marsad.events.find_events``, trigger lexicon + arguments + learned
filter) over SaudiNewsNet articles, beside a naive keyword matcher (the same trigger words as one regular
expression over the normalised body) measured in the same run; and the quality of both on the
arabic-event-gsr TEST half (sentence-level PROTEST / ASSAULT F1).

Entities come from the events package's gazetteer (``marsad.events.actors``), computed before the timing,
so that argument finding has work to do; the timing covers the events stage only.

    taskset -c 0 .venv/bin/python bench/event_bench.py [--n 2000] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import time

from _data import saudinewsnet, timed

from marsad.events import find_events
from marsad.events.actors import entities_for
from marsad.events.evaluate import GSR_TYPES, gsr_detection, gsr_rows, prf
from marsad.events.lexicon import load_lexicon
from marsad.records import Article
from marsad.text import normalize_for_match


def keyword_matcher():
    """One regex per type of the lexicon's listed forms, with optional proclitics, over normalised text."""
    lex = load_lexicon()
    by_type: dict[str, set[str]] = {}
    for key, e in lex.words.items():
        by_type.setdefault(e.type, set()).add(key)
    for bucket in lex.phrases.values():
        for words, e in bucket:
            by_type.setdefault(e.type, set()).add(" ".join(words))
    return {t: re.compile(r"(?<!\w)(?:[وف]?(?:[بلك]|ال|بال|لل)?)(?:" + "|".join(sorted(map(re.escape, ws),
                          key=len, reverse=True)) + r")\w{0,4}(?!\w)") for t, ws in by_type.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    raw = saudinewsnet(args.n)
    arts = []
    for k, a in enumerate(raw):
        body = a.get("content") or ""
        arts.append(Article(id=f"snn-{k}", role="main", title=a.get("title"), body=body,
                            published=(a.get("date_extracted") or "")[:10] or None, entities=entities_for(body)))
    kw = keyword_matcher()
    find_events(arts[0])  # load resources outside the timing

    n_events = [0]

    def run_events():
        n_events[0] = sum(len(find_events(a)) for a in arts)

    def run_keywords():
        for a in arts:
            norm = normalize_for_match(a.body)
            for rx in kw.values():
                rx.findall(norm)

    def cpu(fn):
        t0 = time.process_time()
        fn()
        return time.process_time() - t0

    m, m_all = timed(run_events, args.runs)
    k, k_all = timed(run_keywords, args.runs)
    m_cpu, k_cpu = cpu(run_events), cpu(run_keywords)
    n = len(arts)
    chars = sum(len(a.body) for a in arts) / n
    print(f"articles: {n} (SaudiNewsNet, mean {chars:.0f} characters), runs: {args.runs} (median); "
          f"events coded: {n_events[0]}")
    print(f"marsad.events.find_events:   {n / m:8.1f} articles/s wall   {n / m_cpu:8.1f} articles/s CPU time"
          f"   runs: {[round(n / x) for x in m_all]}")
    print(f"naive keyword matcher:       {n / k:8.1f} articles/s wall   {n / k_cpu:8.1f} articles/s CPU time"
          f"   runs: {[round(n / x) for x in k_all]}")
    ours = gsr_detection("test")
    for t in GSR_TYPES:
        c = {"tp": 0, "fp": 0, "fn": 0}
        for text, gold in gsr_rows(t, "test"):
            pred = bool(kw[t].search(normalize_for_match(text)))
            if pred and gold:
                c["tp"] += 1
            elif pred:
                c["fp"] += 1
            elif gold:
                c["fn"] += 1
        base = prf(**c)
        print(f"GSR TEST {t:8s} F1  marsad {ours[t]['f1']:.3f} (P {ours[t]['precision']:.3f} R {ours[t]['recall']:.3f})"
              f"   keywords {base['f1']:.3f} (P {base['precision']:.3f} R {base['recall']:.3f})")


if __name__ == "__main__":
    main()
