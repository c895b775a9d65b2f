"""Pages/s of ``marsad.analyze`` (foundation level) over SaudiNewsNet articles as text, beside trafilatura's
extraction of the same articles rendered as HTML, in one run.

    .venv/bin/python bench/page_bench.py [--n 2000] [--runs 5]
"""

from __future__ import annotations

import argparse

import trafilatura

import marsad
from _data import as_html_page, as_text_page, saudinewsnet, timed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--stages", default="dates",
                    help="comma-separated stages to run (default: the foundation level, dates); 'all' for all")
    args = ap.parse_args()
    stages = None if args.stages == "all" else tuple(x for x in args.stages.split(",") if x)
    articles = saudinewsnet(args.n)
    # Pages with no text at all are left out: they measure error handling, not analysis.
    articles = [a for a in articles if (a.get("content") or "").strip()]
    texts = [as_text_page(a).encode("utf-8") for a in articles]
    htmls = [as_html_page(a) for a in articles]
    marsad.analyze(texts[0], stages=stages)  # load resources once, outside the timing

    def run_marsad():
        for t in texts:
            marsad.analyze(t, lang_any=True, stages=stages)

    def run_trafilatura():
        for h in htmls:
            trafilatura.extract(h)

    m, m_all = timed(run_marsad, args.runs)
    t, t_all = timed(run_trafilatura, args.runs)
    n = len(texts)
    print(f"pages: {n}, runs: {args.runs} (median), stages: {args.stages}")
    print(f"marsad.analyze (text pages):   {n / m:8.1f} pages/s   runs: {[round(n / x) for x in m_all]}")
    print(f"trafilatura.extract (HTML):    {n / t:8.1f} pages/s   runs: {[round(n / x) for x in t_all]}")
    print(f"ratio marsad / trafilatura:    {t / m:8.2f}x")


if __name__ == "__main__":
    main()
