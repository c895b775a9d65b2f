"""Draw the sentences of Marsad's 14-type event gold set (``eval/events/gold.tsv``) — ids and offsets only.

Sentences come from SaudiNewsNet (CC BY-NC-SA 4.0) and ANT (Apache-2.0); the text is never stored, only
``corpus``, the document key, the sentence's character span in the document text, the split (decided here
from a hash of the key, before any system output is seen) and the pool: ``random`` (any sentence of 8–50
words) or ``lexical`` (a sentence holding a word from the trigger lexicon, drawn round-robin over types so
that rare types appear). Labels are added by hand afterwards.

    .venv/bin/python tools/events/sample_gold.py --n 340 --seed 7
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.events.coder import _match  # noqa: E402
from marsad.events.evaluate import shared_data  # noqa: E402
from marsad.events.lexicon import TYPES, load_lexicon  # noqa: E402
from marsad.text import sentences, tokenize  # noqa: E402

OUT = ROOT / "eval" / "events" / "gold.tsv"


def documents():
    """(corpus, key, text) for a fixed slice of both corpora."""
    d = shared_data()
    for zpath in sorted((d / "SaudiNewsNet" / "dataset").glob("*.zip"))[:6]:
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for k, art in enumerate(json.loads(z.read(name))):
                    if art.get("content"):
                        yield "saudinewsnet", f"{zpath.name}/{name}#{k}", art["content"]
    with (d / "ANT-Corpus" / "antcorpus_v1.1.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r.get("text") and r.get("cat") in ("politic", "internationalNews", "localNews", "society"):
                yield "ant", r["file"], r["text"]


def document_text(corpus: str, key: str) -> str:
    d = shared_data()
    if corpus == "saudinewsnet":
        zname, rest = key.split("/", 1)
        name, k = rest.rsplit("#", 1)
        with zipfile.ZipFile(d / "SaudiNewsNet" / "dataset" / zname) as z:
            return json.loads(z.read(name))[int(k)]["content"]
    with (d / "ANT-Corpus" / "antcorpus_v1.1.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["file"] == key:
                return r["text"]
    raise KeyError(key)


def split_of(ident: str) -> str:
    return "dev" if hashlib.sha1(ident.encode()).digest()[0] % 2 == 0 else "test"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=340)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    lex = load_lexicon()
    pool_random, pool_lex = {"saudinewsnet": [], "ant": []}, {t: [] for t in TYPES}
    for corpus, key, text in documents():
        for s0, s1 in sentences(text):
            toks = tokenize(text[s0:s1])
            if not 8 <= sum(t.is_word for t in toks) <= 50:
                continue
            item = (corpus, key, s0, s1)
            pool_random[corpus].append(item)
            types = {h[0].type for i in range(len(toks)) if (h := _match(lex, toks, i))}
            for t in types:
                pool_lex[t].append(item)
    chosen: dict[tuple, str] = {}
    half = args.n // 2
    for corpus in pool_random:
        for item in rng.sample(pool_random[corpus], half // 2):
            chosen.setdefault(item, "random")
    for lst in pool_lex.values():
        rng.shuffle(lst)
    while len(chosen) < args.n:
        for t in TYPES:
            if pool_lex[t] and len(chosen) < args.n:
                chosen.setdefault(pool_lex[t].pop(), "lexical")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8") as f:
        f.write("# corpus\tdoc\tstart\tend\tsplit\tpool\tlabels (PLOVER types the sentence reports, ',' separated;"
                " '-' none)\n")
        for (corpus, key, s0, s1), pool in sorted(chosen.items()):
            ident = f"{corpus}:{key}:{s0}"
            f.write(f"{corpus}\t{key}\t{s0}\t{s1}\t{split_of(ident)}\t{pool}\t?\n")
    print(f"{len(chosen)} sentences → {OUT}")


if __name__ == "__main__":
    main()
