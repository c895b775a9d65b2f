"""CoNLL-style corpora (``TOKEN TAG`` lines, blank line between sentences) and entity-level scoring.

Scoring follows conlleval: a chunk starts at ``B-X``, or at ``I-X`` after anything that is not ``X``; it is
correct only when both boundaries and the type match exactly. Micro P/R/F1 over all types.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import compress
from pathlib import Path

Sentence = list[tuple[str, str]]

#: Dataset tag spellings mapped to the tagger's label set (PERS, LOC, ORG, MISC).
TAG_ALIASES = {"PER": "PERS", "MIS": "MISC", "MISC": "MISC", "PERS": "PERS", "LOC": "LOC", "ORG": "ORG"}


def read_conll(path: str | Path, aliases: dict[str, str] | None = None) -> list[Sentence]:
    """Read a two-column CoNLL file; tag types are mapped through ``aliases`` (unknown types become O)."""
    aliases = aliases or TAG_ALIASES
    sents: list[Sentence] = []
    cur: Sentence = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if not parts:
                if cur:
                    sents.append(cur)
                cur = []
                continue
            tok, tag = parts[0], parts[-1] if len(parts) > 1 else "O"
            if tag != "O":
                bio, _, typ = tag.partition("-")
                typ = aliases.get(typ.strip("`").upper())
                tag = f"{bio}-{typ}" if typ and bio in ("B", "I") else "O"
            cur.append((tok, tag))
    if cur:
        sents.append(cur)
    return sents


def chunk_list(tags: list[str]) -> list[tuple[int, int, str]]:
    """Entity chunks ``(start, end_exclusive, type)`` under conlleval rules, in text order.

    Only the tagged tokens are visited: a chunk ends at an untagged token (a gap), at a ``B-`` or at a change
    of type. Callers that let the order decide anything (a vote, a tie) take this, not :func:`chunks`.
    """
    out = []
    start = typ = None
    last = -2  # the previous tagged token
    for i in compress(range(len(tags)), map("O".__ne__, tags)):
        bio, _, ty = tags[i].partition("-")
        if start is not None and (i != last + 1 or bio == "B" or ty != typ):
            out.append((start, last + 1, typ))
            start = None
        if bio == "B" or (bio == "I" and start is None):
            start, typ = i, ty
        last = i
    if start is not None:
        out.append((start, last + 1, typ))
    return out


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """The chunks of :func:`chunk_list` as a set, for scoring."""
    return set(chunk_list(tags))


def prf(t: int, p: int, g: int) -> dict:
    """Precision, recall, F1 and the counts behind them (``t`` correct of ``p`` predicted, ``g`` gold)."""
    pr = t / p if p else 0.0
    rc = t / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f, 4), "gold": g, "predicted": p,
            "correct": t}


def score_sets(pairs: Iterable[tuple[set, set]]) -> dict:
    """Micro and per-type precision, recall, F1 (and counts) over ``(gold, predicted)`` sets of
    ``(start, end, type)`` entities, one pair per sentence or document."""
    tp, ng, np_ = Counter(), Counter(), Counter()
    for gc, pc in pairs:
        for c in gc:
            ng[c[2]] += 1
        for c in pc:
            np_[c[2]] += 1
        for c in gc & pc:
            tp[c[2]] += 1
    types = sorted(set(ng) | set(np_))
    return {"overall": prf(sum(tp.values()), sum(np_.values()), sum(ng.values())),
            "per_type": {t: prf(tp[t], np_[t], ng[t]) for t in types}}


def score(gold: list[list[str]], pred: list[list[str]]) -> dict:
    """Entity-level micro and per-type precision, recall, F1 (and counts) of BIO label sequences."""
    return score_sets((chunks(g), chunks(p)) for g, p in zip(gold, pred))
