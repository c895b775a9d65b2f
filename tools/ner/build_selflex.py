"""Self-trained lexicon: label statistics of words and phrases in unlabeled news, as tagged by a CRF.

Tags a sample of the normalised news corpus (``corpus.txt`` of ``build_embeddings.py``; SaudiNewsNet + ANT
lines only, the ANERcorp lines at its end are skipped) with an existing CRF, then writes two tables of bucket
ids (statistics only, no text passages):

  selflex.tsv   word TAB n-bucket TAB PERS TAB LOC TAB ORG TAB MISC TAB B-share
                for every normalised word tagged at least ``--min`` times: per type, the bucket of the share of
                its occurrences tagged B-/I- of that type (0: < 2%, 1: < 10%, 2: < 30%, 3: < 60%, 4: < 90%,
                5: >= 90%), and the bucket of the B- share among its entity occurrences ("-" when never tagged).
  selfphr.tsv   TYPE TAB phrase   multi-word names (2-4 tokens) tagged as one whole entity of TYPE in at least
                half of their >= ``--min`` occurrences; read as a gazetteer (longest match).

Usage: python tools/ner/build_selflex.py MODEL RESOURCES CORPUS OUTDIR [--every 3] [--tokens 4000000]
       [--tagger crfsuite|fast] [--clean-phrases]
Run with the CRF of the model being trained (for dev experiments: the one trained on the first 90% of train).
``--tagger fast`` decodes with :class:`marsad.entities.fastcrf.FastCrf` (the labels of pycrfsuite's Tagger, several
times faster); ``--clean-phrases`` leaves out phrases holding Latin letters or digits (scraped navigation such as
"Next Previous"). Without the two flags the tables are the ones the earlier runs produced.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.analysis import word_form  # noqa: E402
from marsad.entities.features import Featurizer  # noqa: E402

TYPES = ("PERS", "LOC", "ORG", "MISC")
_ENDS = {".", "!", "?", "؟", "؛"}
_JUNK = re.compile(r"[A-Za-z0-9\u0660-\u0669\u06F0-\u06F9]")


def junk_phrase(words: tuple[str, ...]) -> bool:
    """True for a phrase with a Latin letter or a digit in any word (navigation text, codes, dates)."""
    return any(_JUNK.search(w) for w in words)


def bucket(r: float) -> str:
    return "0" if r < 0.02 else "1" if r < 0.1 else "2" if r < 0.3 else "3" if r < 0.6 else "4" if r < 0.9 else "5"


def sentences(corpus: Path, every: int, max_tokens: int, skip_tail: int):
    with open(corpus, encoding="utf-8") as f:
        lines = f.readlines()
    lines = lines[: max(0, len(lines) - skip_tail)]
    n = 0
    for i in range(0, len(lines), every):
        toks = lines[i].replace("،", " ، ").replace("؛", " ؛ ").replace("؟", " ؟ ").split()
        cur: list[str] = []
        for t in toks:
            cur.append(t)
            if t in _ENDS and len(cur) >= 3:
                yield cur
                n += len(cur)
                cur = []
        if cur:
            yield cur
            n += len(cur)
        if n >= max_tokens:
            return


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("model", type=Path)
    ap.add_argument("resources", type=Path)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--features", type=int, default=2)
    ap.add_argument("--every", type=int, default=3)
    ap.add_argument("--tokens", type=int, default=4_000_000)
    ap.add_argument("--skip-tail", type=int, default=6000, help="corpus lines at the end to leave out (ANERcorp)")
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--tagger", choices=("crfsuite", "fast"), default="crfsuite")
    ap.add_argument("--batch", type=int, default=64, help="sentences decoded together (fast tagger)")
    ap.add_argument("--clean-phrases", action="store_true", help="drop phrases with Latin letters or digits")
    ap.add_argument("--counts", type=Path, help="pickle of the tagging counts: written after tagging, and read "
                    "instead of tagging when it exists (to rewrite the tables with a higher --min)")
    a = ap.parse_args()
    if a.counts and a.counts.exists():
        with open(a.counts, "rb") as f:
            c = pickle.load(f)
        if a.min < c["min"]:
            sys.exit(f"{a.counts} holds phrase occurrences for --min >= {c['min']} only")
        write(a, c["words"], c["ents"], c["occ"])
        return
    fz = Featurizer.load(a.resources, version=a.features)
    if a.tagger == "fast":
        from marsad.entities.fastcrf import FastCrf
        crf = FastCrf(a.model, fz)
        tag_many = crf.viterbi_many
    else:
        import pycrfsuite
        tagger = pycrfsuite.Tagger()
        tagger.open(str(a.model))

        def tag_many(batch: list[list[str]]) -> list[list[str]]:
            return [tagger.tag(fz.sentence(toks)) for toks in batch]

    words: dict[str, Counter] = defaultdict(Counter)
    ents: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    t0 = time.process_time()
    ntok = 0
    # the normalised words of every tagged sentence, interned so repeated words share one string
    sents: list[tuple[str, ...]] = []
    intern: dict[str, str] = {}
    batch: list[list[str]] = []

    def flush() -> None:
        nonlocal ntok
        for toks, labels in zip(batch, tag_many(batch)):
            ws = tuple(intern.setdefault(w, w) for w in map(word_form, toks))
            ntok += len(toks)
            sents.append(ws)
            for w, lab in zip(ws, labels):
                words[w][lab] += 1
            start, typ = None, ""
            for i, lab in enumerate(labels + ["O"]):
                if start is not None and not (lab.startswith("I-") and lab[2:] == typ):
                    if 2 <= i - start <= 4:
                        ents[ws[start:i]][typ] += 1
                    start = None
                if lab.startswith("B-") or (lab.startswith("I-") and start is None):
                    start, typ = i, lab[2:]
            if len(sents) % 20000 == 0:
                print(ntok, "tokens", round(ntok / (time.process_time() - t0)), "tok/s", flush=True)
        batch.clear()

    for toks in sentences(a.corpus, a.every, a.tokens, a.skip_tail):
        batch.append(toks)
        if len(batch) >= a.batch:
            flush()
    flush()
    print("tagged", ntok, "tokens in", round(time.process_time() - t0), "s cpu", flush=True)
    # occurrences of candidate phrases (whether tagged or not)
    cand = {p for p, c in ents.items() if sum(c.values()) >= a.min}
    occ: Counter = Counter()
    for ws in sents:
        for i in range(len(ws)):
            for k in (2, 3, 4):
                p = tuple(ws[i:i + k])
                if len(p) == k and p in cand:
                    occ[p] += 1
    if a.counts:
        with open(a.counts, "wb") as f:
            pickle.dump({"min": a.min, "words": dict(words), "ents": dict(ents), "occ": occ}, f)
    write(a, words, ents, occ)


def write(a: argparse.Namespace, words: dict, ents: dict, occ: Counter) -> None:
    """Write selflex.tsv and selfphr.tsv into ``a.out`` from the word and phrase counts."""
    cand = {p for p, c in ents.items() if sum(c.values()) >= a.min and not (a.clean_phrases and junk_phrase(p))}
    a.out.mkdir(parents=True, exist_ok=True)
    nw = 0
    with open(a.out / "selflex.tsv", "w", encoding="utf-8") as f:
        for w, c in sorted(words.items()):
            tot = sum(c.values())
            if tot < a.min or not w:
                continue
            per = [sum(c[f"{b}-{t}"] for b in "BI") for t in TYPES]
            ent = sum(per)
            bshare = bucket(sum(c[f"B-{t}"] for t in TYPES) / ent) if ent else "-"
            nb = "3" if tot < 10 else "10" if tot < 100 else "100"
            f.write("\t".join([w, nb] + [bucket(x / tot) for x in per] + [bshare]) + "\n")
            nw += 1
    npr = 0
    with open(a.out / "selfphr.tsv", "w", encoding="utf-8") as f:
        for p in sorted(cand):
            typ, k = ents[p].most_common(1)[0]
            if k >= a.min and k >= 0.5 * max(occ[p], 1):
                f.write(f"{typ}\t{' '.join(p)}\n")
                npr += 1
    print("words", nw, "phrases", npr, flush=True)


if __name__ == "__main__":
    main()
