"""Supervised lexical priors from WikiFANE Gold (Wikipedia, gold fine-grained entity tags; CC BY-SA 3.0).

Maps the 51 fine types to the ANERcorp types with ``marsad/resources/ner/wikifane_types.tsv`` (O for types
ANERcorp does not tag), drops leading person titles (``gazetteers.PERSON_TITLES`` less name particles such as
أبو / ابن) and stray conjunctions from the gold spans (ANERcorp leaves them outside the name), then writes two
tables in the formats of ``build_selflex.py`` (bucket ids and name strings only, no sentences):

  wikilex.tsv   word TAB n-bucket TAB PERS TAB LOC TAB ORG TAB MISC TAB B-share
                per normalised word (``norm``, digits as 0; the featurizer looks words up with their proclitics
                stripped as well): per type, the bucket of the share of its occurrences inside a gold name of
                that type (0: < 2%, 1: < 10%, 2: < 30%, 3: < 60%, 4: < 90%, 5: >= 90%) and the bucket of the
                B- share among its name occurrences ("-" when never in a name). Words seen once are kept only
                when they were inside a name.
  wikiphr.tsv   TYPE TAB phrase   gold names of 2-5 tokens (standalone proclitic tokens joined to the next
                token, as in news text) tagged as a whole name of TYPE in at least half of the occurrences of the
                token string and with that type in at least two thirds of their tagged occurrences.

Built by ``marsad.entities.train.train`` for feature sets >= 5 (about 5 s) and by
``tools/ner/build_wikilex.py DATA OUTDIR``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from marsad.entities.analysis import norm, word_form
from marsad.entities.gazetteers import PERSON_TITLES, RESOURCES, _bare
from marsad.errors import MissingInputError, ResourceError

SOURCE = "WikiFANEGold/WikiFANE_Gold_2014_500K.txt"
TYPES = ("PERS", "LOC", "ORG", "MISC")
#: Title-list words that are part of Arabic names (kept inside person names, as ANERcorp does).
NAME_PARTICLES = {"ابو", "ابي", "ابا", "ابن", "بن", "بنت", "ام"}
#: Proclitics WikiFANE sometimes writes as tokens of their own.
CLITICS = {"و", "ف", "ب", "ل", "ك"}


def bucket(r: float) -> str:
    return "0" if r < 0.02 else "1" if r < 0.1 else "2" if r < 0.3 else "3" if r < 0.6 else "4" if r < 0.9 else "5"


def read_types(path: Path) -> dict[str, str]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fine, coarse = line.rstrip("\n").split("\t")
            if coarse not in TYPES + ("O",):
                raise ResourceError(f"unknown type {coarse!r} for {fine}", source=str(path))
            out[fine] = coarse
    return out


def sentences(path: Path):
    """(tokens, fine tags) per sentence; U+200E marks removed."""
    toks: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n").replace("\u200e", "")
            if not line.strip():
                if toks:
                    yield toks, tags
                toks, tags = [], []
                continue
            t, g = line.split("\t")
            if t.strip():
                toks.append(t.strip())
                tags.append(g.strip())
    if toks:
        yield toks, tags


def coarse_labels(toks: list[str], tags: list[str], types: dict[str, str], titles: set[str]) -> list[str]:
    """ANERcorp-style BIO labels for one WikiFANE sentence."""
    n = len(toks)
    out = ["O"] * n
    i = 0
    while i < n:
        g = tags[i]
        if g == "O" or "-" not in g:
            i += 1
            continue
        fine = g[2:]
        j = i + 1
        while j < n and tags[j] == "I-" + fine:
            j += 1
        typ = types.get(fine)
        if typ is None:
            raise ResourceError(f"fine type {fine!r} missing from the type map")
        if typ != "O":
            s = i
            while s < j - 1 and (norm(toks[s]) in CLITICS or (typ == "PERS" and _bare(toks[s]) in titles)):
                s += 1
            if norm(toks[s]) not in CLITICS:
                out[s] = "B-" + typ
                for k in range(s + 1, j):
                    out[k] = "I-" + typ
        i = j
    return out


def join_clitics(words: list[str], labels: list[str]) -> tuple[list[str], list[str]]:
    """Standalone proclitic tokens glued to the next token (its label kept), as news text writes them.

    A clitic before the first token of a name stays apart, so names start with their own first word."""
    w2: list[str] = []
    l2: list[str] = []
    i = 0
    while i < len(words):
        if (words[i] in CLITICS and i + 1 < len(words) and words[i + 1][:1].isalpha()
                and not labels[i + 1].startswith("B-")):
            w2.append(words[i] + words[i + 1])
            l2.append(labels[i + 1])
            i += 2
        else:
            w2.append(words[i])
            l2.append(labels[i])
            i += 1
    return w2, l2


def build(data_dir: str | Path, out_dir: str | Path, types_path: Path | None = None,
          min_phrase: int = 1) -> tuple[int, int]:
    """Write ``wikilex.tsv`` and ``wikiphr.tsv`` into ``out_dir`` from ``DATA/WikiFANEGold``.

    Returns (words, phrases) written. Raises :class:`marsad.errors.MissingInputError` when the corpus is absent.
    """
    if not (Path(data_dir) / SOURCE).exists():
        raise MissingInputError("WikiFANE Gold corpus not found", source=str(Path(data_dir) / SOURCE))
    types = read_types(types_path or RESOURCES / "wikifane_types.tsv")
    out = Path(out_dir)
    titles = {_bare(w) for w in PERSON_TITLES} - NAME_PARTICLES
    words: dict[str, Counter] = defaultdict(Counter)
    names: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    bare_sents = []
    ntok = 0
    for toks, tags in sentences(Path(data_dir) / SOURCE):
        labels = coarse_labels(toks, tags, types, titles)
        ws = [word_form(t) for t in toks]
        ntok += len(ws)
        for w, lab in zip(ws, labels):
            words[w][lab] += 1
        jw, jl = join_clitics(ws, labels)
        bares = tuple(_bare(w) for w in jw)
        bare_sents.append(bares)
        start, typ = None, ""
        for i, lab in enumerate(jl + ["O"]):
            if start is not None and not (lab.startswith("I-") and lab[2:] == typ):
                if 2 <= i - start <= 5 and all(len(w) > 1 for w in jw[start:i]):
                    names[tuple(jw[start:i])][typ] += 1
                start = None
            if lab.startswith("B-"):
                start, typ = i, lab[2:]
    # occurrences of the candidate names' token strings, tagged or not (compared on bare forms)
    by_bare: dict[tuple[str, ...], list[tuple[str, ...]]] = defaultdict(list)
    for p in names:
        by_bare[tuple(_bare(w) for w in p)].append(p)
    firsts = {b[0] for b in by_bare}
    occ: Counter = Counter()
    for bares in bare_sents:
        for i, b in enumerate(bares):
            if b not in firsts:
                continue
            for k in (2, 3, 4, 5):
                key = bares[i:i + k]
                if len(key) == k and key in by_bare:
                    occ[key] += 1
    out.mkdir(parents=True, exist_ok=True)
    nw = 0
    with open(out / "wikilex.tsv", "w", encoding="utf-8") as f:
        for w, c in sorted(words.items()):
            tot = sum(c.values())
            per = [sum(c[f"{b}-{t}"] for b in "BI") for t in TYPES]
            ent = sum(per)
            if not w or (tot < 2 and not ent):
                continue
            bshare = bucket(sum(c[f"B-{t}"] for t in TYPES) / ent) if ent else "-"
            nb = "1" if tot < 3 else "3" if tot < 10 else "10" if tot < 100 else "100"
            f.write("\t".join([w, nb] + [bucket(x / tot) for x in per] + [bshare]) + "\n")
            nw += 1
    npr = 0
    with open(out / "wikiphr.tsv", "w", encoding="utf-8") as f:
        rows = set()
        for key, forms in by_bare.items():
            c: Counter = Counter()
            for p in forms:
                c.update(names[p])
            typ, k = c.most_common(1)[0]
            if k >= min_phrase and k >= 0.5 * max(occ[key], 1) and k >= 2 * sum(c.values()) / 3:
                rows.add((typ, " ".join(max(forms, key=lambda p: sum(names[p].values())))))
        for typ, ph in sorted(rows):
            f.write(f"{typ}\t{ph}\n")
            npr += 1
    return nw, npr
