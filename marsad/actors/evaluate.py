"""Linking accuracy on the UniversalPetrarch Arabic gold event records.

For every gold source/target actor string whose code names a country (``sourcecode="IRN GOV"``), the
sentence is resolved and the item counts as correct when some entity with a mention inside that string's
words has that country (for the non-state codes IGO and IMG: an actor whose CAMEO code starts with it).
The gold strings list the actor's words, not always in text order; they are located in the sentence as the
tightest window holding one occurrence of each word.

The gold set has no split of its own. Records are split deterministically into two halves by the sha256 of
their sentence id (``split_of``): tune on ``dev``, report ``test`` (and ``all`` for continuity).

``python -m marsad.actors.evaluate [--data DIR] [--split dev|test|all] [--show N] [--tagger]``
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from marsad.actors.resolve import resolve
from marsad.errors import UsageError
from marsad.shared_data import shared_data_dir
from marsad.text import normalize_for_match, tokenize

GOLD_FILE = Path("UniversalPetrarch-Arabic") / "validation" / "arabic_gsr_validation_18-11-14.xml"
NON_STATE = ("IGO", "IMG")
# Diagnostic only: gold strings built on a common noun («المتظاهرون», «جنود», «سكان») name no actor, so no
# entity can sit inside them; the report gives accuracy without them beside the full figure.
GENERIC = tuple(normalize_for_match(w) for w in """متظاهر جنود جندي شخص سكان مواطن عناصر مسلح طلاب أعضاء اعضاء
ابناء أشخاص اشخاص سياسيين لاجئ سياح قوات السلطات العشائر الاحزاب أحزاب مستوطن حاكم مدرسة مسجد مركز مقر قافلة
دورية انتحاري ناشط قائد رئيس العرب مقاتلي متشدد انصار""".split())


def generic(actor_text: str) -> bool:
    return any(g in normalize_for_match(w) for w in actor_text.split() for g in GENERIC)


@dataclass(frozen=True)
class GoldItem:
    sentence_id: str
    text: str
    actor_text: str
    country: str
    side: str  # source or target
    date: str | None = None  # the record's date (ISO), for the codes of dated offices


def shared_data(default: Path | None = None) -> Path:
    return default or shared_data_dir()


SPLITS = ("dev", "test", "all")


def split_of(sentence_id: str) -> str:
    """``dev`` or ``test``: the half a gold record belongs to, from the sha256 of its id (fixed forever)."""
    return "dev" if hashlib.sha256(sentence_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def gold_items(data: Path, split: str = "all") -> list[GoldItem]:
    raw = (data / GOLD_FILE).read_text(encoding="utf-8")
    items = []
    for block in re.findall(r"<Sentence\b(.*?)</Sentence>", raw, flags=re.S):
        sid = re.search(r'id="([^"]*)"', block).group(1)
        text = html.unescape(re.search(r"<Text>\s*(.*?)\s*</Text>", block, flags=re.S).group(1))
        day = re.search(r'date="(\d{4})(\d{2})(\d{2})"', block)
        date = "-".join(day.groups()) if day else None
        et = re.search(r'<EventText[^>]*sourcetext="([^"]*)" targettext="([^"]*)"', block)
        ec = re.search(r'<EventCoding[^>]*sourcecode="([^"]*)" targetcode="([^"]*)"', block)
        if not et or not ec:
            continue
        for side, actor, code in (("source", et.group(1), ec.group(1)), ("target", et.group(2), ec.group(2))):
            country = (code.split() or ["None"])[0]
            if actor.strip() and country != "None":
                items.append(GoldItem(sid, text, html.unescape(actor), country, side, date))
    if split not in SPLITS:
        raise UsageError(f"split must be one of {SPLITS}, not {split!r}")
    return [it for it in items if split == "all" or split_of(it.sentence_id) == split]


def _window(text: str, actor_text: str) -> set[int] | None:
    """Character positions covered by the tightest window of the gold words in ``text``."""
    toks = tokenize(text)
    words = [re.sub(r"[^\w]", "", normalize_for_match(w)) for w in actor_text.split()]
    words = [w for w in words if w]
    occ: dict[int, list[int]] = {}
    for wi, w in enumerate(words):
        for ti, t in enumerate(toks):
            if w == t.norm or w in t.forms or t.norm in proclitic_variants(w):
                occ.setdefault(wi, []).append(ti)
    if not occ:
        return None
    points = sorted((ti, wi) for wi, lst in occ.items() for ti in lst)
    need, best, have, lo = len(occ), None, {}, 0
    for hi in range(len(points)):
        have[points[hi][1]] = have.get(points[hi][1], 0) + 1
        while len(have) == need:
            span = points[hi][0] - points[lo][0]
            if best is None or span < best[0]:
                best = (span, lo, hi)
            w = points[lo][1]
            have[w] -= 1
            if not have[w]:
                del have[w]
            lo += 1
    _, lo, hi = best
    pos: set[int] = set()
    for ti, _ in points[lo:hi + 1]:
        pos.update(range(toks[ti].start, toks[ti].end))
    return pos


def proclitic_variants(w: str) -> set[str]:
    return {w, "و" + w, "ب" + w, "ل" + w, "ال" + w}


def correct(entities, pos: set[int], country: str) -> bool:
    for e in entities:
        ok = e.country == country or (country in NON_STATE and (e.code or "").startswith(country))
        if ok and any(pos.intersection(range(m.start, m.end)) for m in e.mentions):
            return True
    return False


def evaluate(data: Path | None = None, *, tagger=None, gold_spans: bool = False, show: int = 0,
             split: str = "all") -> dict:
    """Accuracy over all gold items (and over those with an ISO country code).

    ``gold_spans=False``: end to end, mentions come from ``tagger`` (or base aliases only without one).
    ``gold_spans=True``: linking alone, the located gold string is given as the mention span (type MISC),
    as entity-linking benchmarks give gold mentions.
    """
    items = gold_items(shared_data(data), split)
    n_ok = n_iso = n_iso_ok = n_named = n_named_ok = 0
    misses = []
    t0 = time.perf_counter()
    cache: dict[str, tuple] = {}
    for it in items:
        pos = _window(it.text, it.actor_text)
        if gold_spans:
            spans = [(min(pos), max(pos) + 1, "MISC")] if pos else []
            ents = resolve(it.text, spans, date=it.date)
        else:
            if it.text not in cache:
                spans = tagger(it.text) if tagger else []
                cache[it.text] = resolve(it.text, spans, date=it.date)
            ents = cache[it.text]
        ok = pos is not None and correct(ents, pos, it.country)
        n_ok += ok
        if not generic(it.actor_text):
            n_named += 1
            n_named_ok += ok
        iso = it.country not in NON_STATE and it.country not in ("INT", "KUR")
        n_iso += iso
        n_iso_ok += ok and iso
        if not ok:
            misses.append(it)
    for it in misses[:show]:
        print(f"MISS {it.sentence_id} {it.side} {it.country} «{it.actor_text}» :: {it.text[:160]}",
              file=sys.stderr)
    return {"items": len(items), "accuracy": n_ok / len(items), "iso_items": n_iso,
            "iso_accuracy": n_iso_ok / max(n_iso, 1), "named_items": n_named,
            "named_accuracy": n_named_ok / max(n_named, 1), "seconds": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=None)
    ap.add_argument("--show", type=int, default=0, help="print this many misses to stderr")
    ap.add_argument("--tagger", action="store_true", help="give the NER tagger's spans (needs its model)")
    ap.add_argument("--split", choices=SPLITS, action="append",
                    help="gold half to score (repeatable; default: dev, test and all)")
    args = ap.parse_args(argv)
    tagger = None
    if args.tagger:
        from marsad.entities import find_entities
        tagger = find_entities
    for split in args.split or SPLITS:
        for mode, gold in (("end-to-end (base aliases" + (" + tagger)" if tagger else " only)"), False),
                           ("gold mention spans", True)):
            r = evaluate(args.data, tagger=tagger, gold_spans=gold, show=args.show if not gold else 0, split=split)
            print(f"UniversalPetrarch Arabic gold actors [{split}], {mode}: {r['items']} items, "
                  f"accuracy {r['accuracy']:.3f}; "
                  f"ISO-country items {r['iso_items']}, accuracy {r['iso_accuracy']:.3f}; without common-noun "
                  f"strings {r['named_items']}, accuracy {r['named_accuracy']:.3f} ({r['seconds']:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
