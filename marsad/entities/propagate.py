"""Document-level label consistency: names the tagger found once are found again elsewhere in the document.

News articles repeat names, often in shortened form («فلاديمير بوتين» … «بوتين»). After tagging every sentence
of a document, each predicted entity (as its sequence of bare token keys) is looked for in the untagged parts
of the document; an exact re-occurrence gets the same type. A person's last token alone also counts as that
person when it is at least four letters long and never tagged otherwise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import compress, count
from operator import itemgetter

from marsad.entities.conll import chunk_list
from marsad.entities.gazetteers import _bare
from marsad.text.memo import memo_map

#: Per-process memos: token -> bare key; token -> bare key without a one-letter proclitic.
_BARE: dict[str, str] = {}
_STRIP: dict[str, str] = {}


def _strip1(tok: str) -> str:
    b = _bare(tok)
    if b[:1] in ("و", "ف", "ب", "ل", "ك") and len(b) >= 4:
        return _bare(b[1:])
    return b


def _bares(toks: list[str]) -> list[str]:
    return memo_map(_BARE, toks, lambda i: _bare(toks[i]))


def _strips(toks: list[str]) -> list[str]:
    return memo_map(_STRIP, toks, lambda i: _strip1(toks[i]))


def propagate(doc: list[list[str]], labels: list[list[str]], surname: bool = True) -> list[list[str]]:
    """Return new labels for ``doc`` (sentences of tokens) with document-consistent entity mentions."""
    votes: dict[tuple[str, ...], Counter] = defaultdict(Counter)
    found = [chunk_list(labs) for labs in labels]
    if not any(found):
        return labels
    bares = [_bares(toks) for toks in doc]
    for keys, chunks in zip(bares, found):
        for a, b, typ in chunks:  # text order: a tie between types goes to the first vote
            key = tuple(keys[a:b])
            votes[key][typ] += 1
            if surname and typ == "PERS" and b - a >= 2 and len(key[-1]) >= 4:
                votes[(key[-1],)]["PERS"] += 0.5
    # the most-voted type; on a tie the first counted, as Counter.most_common(1) gives
    best = {k: max(c.items(), key=itemgetter(1))[0] for k, c in votes.items() if len(k[0]) >= 3}
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for k in best:
        by_first[k[0]].append(k)
    for v in by_first.values():
        v.sort(key=len, reverse=True)
    out = []
    starts = by_first.__contains__
    for toks, labs, keys in zip(doc, labels, bares):
        labs = list(labs)
        strips = _strips(toks)
        # the tokens whose key (or key without a one-letter proclitic) starts a found name: few, so the
        # per-token work is a few C-level passes
        opens = sorted(set(compress(count(), map(starts, keys))).union(compress(count(), map(starts, strips))))
        free = 0  # first token not taken by a name propagated in this sentence
        for i in opens:
            if i < free or labs[i] != "O":
                continue
            k1, k2 = keys[i], strips[i]
            done = False
            for first in (k1,) if k1 == k2 else (k1, k2):  # whole word first (a set's order would vary by run)
                for k in by_first.get(first, ()):
                    n = len(k)
                    if i + n <= len(toks) and all(labs[i + j] == "O" for j in range(n)) and \
                            all(keys[i + j] == k[j] for j in range(1, n)):
                        typ = best[k]
                        labs[i] = "B-" + typ
                        for j in range(1, n):
                            labs[i + j] = "I-" + typ
                        free = i + n
                        done = True
                        break
                if done:
                    break
        # a propagated B right after an entity of the same type would merge wrongly; keep B
        out.append(labs)
    return out
