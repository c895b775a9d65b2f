"""Gold actor strings Marsad misses, grouped by cause (for tuning on the dev half only).

    .venv/bin/python tools/actors/gold_misses.py [--split dev] [--tagger] [--compare]

For every missed UniversalPetrarch gold actor string (see ``marsad.actors.evaluate``) the cause is one of:
``no-window`` (the gold words are not found in the sentence), ``no-mention`` (no entity mention touches the
string), ``unlinked`` (mentions touch it but none has a country), ``wrong-country`` (mentions touch it with
another country). Each line shows the entities whose mentions touch the string (type, text, country, actor).
``--compare`` scores both paths (base aliases only and with tagger spans) and lists the items only one of
them gets right, with the tagger spans that touch the string.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from marsad.actors.evaluate import SPLITS, _window, correct, gold_items, shared_data
from marsad.actors.resolve import resolve


def touching(ents, pos: set[int]):
    out = []
    for e in ents:
        for m in e.mentions:
            if pos.intersection(range(m.start, m.end)):
                out.append((e, m))
    return out


def cause(ents, pos, country) -> str:
    if pos is None:
        return "no-window"
    hits = touching(ents, pos)
    if not hits:
        return "no-mention"
    if all(e.country is None for e, _ in hits):
        return "unlinked"
    return "wrong-country"


def describe(ents, pos) -> str:
    if pos is None:
        return "-"
    return "; ".join(f"{e.type} «{m.text}» {e.country} {e.actor}" for e, m in touching(ents, pos)) or "-"


def run(split: str, tagger) -> list[tuple]:
    rows, cache = [], {}
    for it in gold_items(shared_data(), split):
        if it.text not in cache:
            spans = tagger(it.text) if tagger else []
            cache[it.text] = (resolve(it.text, spans, date=it.date), spans)
        ents, spans = cache[it.text]
        pos = _window(it.text, it.actor_text)
        ok = pos is not None and correct(ents, pos, it.country)
        rows.append((it, ok, pos, ents, spans))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=SPLITS, default="dev")
    ap.add_argument("--tagger", action="store_true", help="give the NER tagger's spans")
    ap.add_argument("--compare", action="store_true", help="items the base and tagger paths disagree on")
    ap.add_argument("--context", type=int, default=150, help="characters of the sentence to show")
    args = ap.parse_args(argv)
    from marsad.entities import find_entities

    if args.compare:
        a, b = run(args.split, None), run(args.split, find_entities)
        print(f"base {sum(r[1] for r in a)}/{len(a)}, tagger {sum(r[1] for r in b)}/{len(b)}")
        for ra, rb in zip(a, b):
            if ra[1] == rb[1]:
                continue
            it, pos = ra[0], ra[2]
            spans = [f"{t} «{it.text[s:e]}»" for s, e, t in rb[4] if pos and pos.intersection(range(s, e))]
            print(f"{'TAGGER-LOST' if ra[1] else 'TAGGER-GAINED'} {it.sentence_id} {it.country} «{it.actor_text}»")
            print(f"    base:   {describe(ra[3], pos)}")
            print(f"    tagger: {describe(rb[3], pos)}  spans: {', '.join(spans) or '-'}")
            print(f"    :: {it.text[:args.context]}")
        return 0
    rows = run(args.split, find_entities if args.tagger else None)
    groups = defaultdict(list)
    for it, ok, pos, ents, _ in rows:
        if not ok:
            groups[cause(ents, pos, it.country)].append((it, describe(ents, pos)))
    print(f"{sum(r[1] for r in rows)}/{len(rows)} correct [{args.split}{', tagger' if args.tagger else ''}]")
    for name in ("no-window", "no-mention", "unlinked", "wrong-country"):
        print(f"== {name}: {len(groups[name])}")
        for it, desc in groups[name]:
            print(f"  {it.sentence_id} {it.side} {it.country} «{it.actor_text}» -> {desc}")
            print(f"      :: {it.text[:args.context]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
