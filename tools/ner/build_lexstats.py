"""Unsupervised lexical statistics from the unlabeled news corpus: frequency bucket and "definiteness" bucket.

For a bare word s (no article), the definiteness ratio is count(ال+s) / (count(s) + count(ال+s)) over the
normalised corpus: common nouns and adjectives take the article often, names of people almost never.
Output rows: word TAB freq-bucket TAB def-bucket, for words seen at least 3 times (top 200k of freq.tsv).
Usage: python tools/ner/build_lexstats.py FREQ.tsv OUT.tsv
"""

from __future__ import annotations

import math
import sys


def main() -> None:
    freq: dict[str, int] = {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            w, c = line.rstrip("\n").split("\t")
            freq[w] = int(c)
    with open(sys.argv[2], "w", encoding="utf-8") as w:
        for word, c in freq.items():
            if c < 3:
                continue
            fb = min(int(math.log2(c)), 16)
            s = word[2:] if word.startswith("ال") and len(word) > 4 else word
            a, b = freq.get(s, 0), freq.get("ال" + s, 0)
            tot = a + b
            if tot < 5:
                db = "n"
            else:
                r = b / tot
                db = "0" if r == 0 else "1" if r < 0.02 else "2" if r < 0.1 else "3" if r < 0.3 else "4" if r < 0.6 else "5"
            w.write(f"{word}\t{fb}\t{db}\n")


if __name__ == "__main__":
    main()
