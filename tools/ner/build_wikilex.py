"""Build the WikiFANE lexical-prior tables (``wikilex.tsv``, ``wikiphr.tsv``); see :mod:`marsad.entities.wikilex`.

Usage: python tools/ner/build_wikilex.py DATA OUTDIR [--min-phrase 1]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.wikilex import build


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("data", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--types", type=Path, default=None, help="fine-type map (default: the shipped one)")
    ap.add_argument("--min-phrase", type=int, default=1)
    a = ap.parse_args()
    nw, npr = build(a.data, a.out, a.types, a.min_phrase)
    print(f"words {nw}, phrases {npr}", flush=True)


if __name__ == "__main__":
    main()
