"""Actor linking speed and quality: Marsad's resolver beside a plain exact-alias dictionary lookup.

    taskset -c 0 .venv/bin/python bench/link_bench.py [--articles 400]

Speed: mentions per second of CPU time (median of ``--repeat`` runs) over SaudiNewsNet article bodies, one
core, base loaded and per-word caches warmed beforehand (load time printed apart); tokenisation included. Passes: (1) base aliases only (no tagger spans), (2) the mentions of pass 1 given back as
tagger spans, which exercises span linking (titles, exact/normalised/fuzzy tiers, roles, coreference);
(3) and (4) the same with the body's tokens given, as in the pipeline, where the text layer tokenises each body
once for the tagger, the rules, the linker and the event coder.
Quality: accuracy on the UniversalPetrarch Arabic gold actor strings (see ``marsad.actors.evaluate``, all
272 items; generic actors such as «الشرطة العراقية» count for Marsad) for both systems. The peer maps each whitespace word n-gram (n ≤ 4), normalised, to the same alias table with
no clitic, inflection, metonymy or fuzzy handling.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _data import saudinewsnet, shared_data  # noqa: E402

from marsad.actors import load_base, resolve  # noqa: E402
from marsad.actors.evaluate import NON_STATE, _window, gold_items  # noqa: E402
from marsad.actors.match import choose  # noqa: E402
from marsad.text import normalize_for_match, tokenize  # noqa: E402


class ExactPeer:
    """Whole-word exact alias lookup over the same actor table."""

    def __init__(self, base):
        self.table = {}
        for lst in base.by_first.values():
            for a in lst:
                if a.auto:
                    self.table.setdefault(" ".join(a.exact), []).append(a)

    def __call__(self, body: str):
        words = [(m.start(), m.end(), normalize_for_match(m.group())) for m in _WORD.finditer(body)]
        out, i = [], 0
        while i < len(words):
            for n in (4, 3, 2, 1):
                if i + n > len(words):
                    continue
                key = " ".join(w[2] for w in words[i:i + n])
                key = " ".join(k[2:] if k.startswith("ال") and len(k) >= 4 else k for k in key.split())
                hit = self.table.get(key)
                if hit:
                    actor = choose(hit)
                    if actor is not None:
                        out.append((words[i][0], words[i + n - 1][1], actor.country, actor.code))
                    i += n
                    break
            else:
                i += 1
        return out


import re  # noqa: E402

_WORD = re.compile(r"\w+")


def best_of(repeat: int, fn):
    """Median CPU time (process_time: the machine may be shared) of ``repeat`` runs, and the result."""
    times, out = [], None
    for _ in range(repeat):
        t0 = time.process_time()
        out = fn()
        times.append(time.process_time() - t0)
    return statistics.median(times), out


def gold_accuracy(system) -> float:
    items = gold_items(shared_data())
    ok = 0
    for it in items:
        pos = _window(it.text, it.actor_text)
        if not pos:
            continue
        ok += any((c == it.country or (it.country in NON_STATE and (code or "").startswith(it.country)))
                  and pos.intersection(range(s, e)) for s, e, c, code in system(it.text))
    return ok / len(items)


def marsad_mentions(body: str):
    return [(m.start, m.end, e.country, e.code) for e in resolve(body, []) for m in e.mentions]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3, help="runs per system; the median CPU time counts")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    base = load_base()
    print(f"actor base: {len(base.actors)} actors, loaded in {time.perf_counter() - t0:.2f}s (once per process)")
    bodies = [a.get("content") or "" for a in saudinewsnet(args.articles)]
    chars = sum(map(len, bodies))
    peer = ExactPeer(base)

    results = [resolve(b, []) for b in bodies]  # warm the per-word caches, as a long run would
    spans = [[(m.start, m.end, e.type if e.type in ("PER", "ORG", "GPE", "LOC", "MISC") else "MISC")
              for e in r for m in e.mentions] for r in results]
    t_scan, results = best_of(args.repeat, lambda: [resolve(b, []) for b in bodies])
    n_scan = sum(len(e.mentions) for r in results for e in r)
    t_span, results2 = best_of(args.repeat, lambda: [resolve(b, s) for b, s in zip(bodies, spans)])
    n_span = sum(len(e.mentions) for r in results2 for e in r)
    toks = [tokenize(b) for b in bodies]
    t_tok, results3 = best_of(args.repeat, lambda: [resolve(b, [], tokens=t) for b, t in zip(bodies, toks)])
    n_tok = sum(len(e.mentions) for r in results3 for e in r)
    # the pipeline's case: the tagger has tokenised the body (the text layer shares it) and gives its spans
    t_both, results4 = best_of(args.repeat, lambda: [resolve(b, s, tokens=t) for b, s, t in zip(bodies, spans, toks)])
    n_both = sum(len(e.mentions) for r in results4 for e in r)
    t_peer, peer_out = best_of(args.repeat, lambda: [peer(b) for b in bodies])
    n_peer = sum(map(len, peer_out))

    print(f"{len(bodies)} SaudiNewsNet bodies, {chars:,} characters")
    print(f"{'system':<34} {'mentions':>9} {'mentions/s':>11} {'gold acc':>9}   (CPU time, one core)")
    acc_m = gold_accuracy(marsad_mentions)
    acc_p = gold_accuracy(peer)
    print(f"{'marsad resolve, base aliases':<34} {n_scan:>9} {n_scan / t_scan:>11,.0f} {acc_m:>9.3f}")
    print(f"{'marsad resolve, given spans':<34} {n_span:>9} {n_span / t_span:>11,.0f} {'':>9}")
    print(f"{'marsad resolve, tokens given':<34} {n_tok:>9} {n_tok / t_tok:>11,.0f} {'':>9}")
    print(f"{'marsad resolve, spans+tokens given':<34} {n_both:>9} {n_both / t_both:>11,.0f} {'':>9}")
    print(f"{'peer: exact alias lookup':<34} {n_peer:>9} {n_peer / t_peer:>11,.0f} {acc_p:>9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
