"""Alias matching over tokens: exact and normalised (clitics, article, inflection), then fuzzy.

``scan`` finds base aliases in running text (longest match first, whole word before stripped forms);
``link_name`` links one name the tagger found, falling back to a consonant-skeleton and edit-ratio tier.
Confidence: 1.0 exact alias, 0.9 inflected/stemmed match, 0.8 skeleton match, ≤0.75 fuzzy.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.actors.base import Actor, ActorBase, Alias, light_stem, skeleton, strip_article
from marsad.text import Token

FUZZY_MIN = 88.0  # rapidfuzz ratio on skeletons
PLACE_DOMINANCE = 3.0
QUOTES = frozenset("«»\"'“”")
KIND_ORDER = {"name": 0, "seat": 1, "nisba": 2, "place": 3, "surname": 4}  # a place wins an ambiguous name when this many times more populous


@dataclass(frozen=True, slots=True)
class Match:
    i: int  # first token index
    j: int  # one past the last token
    start: int  # character offsets of the mention (proclitics trimmed)
    end: int
    aliases: tuple[Alias, ...]  # every alias with this key, best first
    confidence: float


def token_keys(tok: Token) -> list[tuple[str, str, int]]:
    """(stem key, exact key, proclitic chars trimmed) for each candidate form, whole word first."""
    out = []
    forms = tok.forms
    if tok.norm.startswith("لل") and len(tok.norm) >= 5:
        forms = forms + (tok.norm[1:],)  # «للبنان» = «ل» + «لبنان»
    for form in forms:
        exact = strip_article(form)
        out.append((light_stem(exact), exact, len(tok.norm) - len(form)))
    return out


def _orig_offset(tok: Token, trimmed: int) -> int:
    """Original start after removing ``trimmed`` normalised characters of proclitics."""
    if trimmed == 0:
        return tok.start
    from marsad.text import normalize

    n = normalize(tok.text)
    return tok.start + n.to_original(trimmed)


def _keysets(tokens: list[Token], cache: dict[int, list[tuple[str, str, int]]], k: int):
    ks = cache.get(k)
    if ks is None:
        ks = cache[k] = token_keys(tokens[k])
    return ks


def scan(tokens: list[Token], base: ActorBase, lo: int = 0, hi: int | None = None,
         auto_only: bool = True) -> list[Match]:
    """Non-overlapping alias matches in ``tokens[lo:hi]``, left to right, longest first."""
    hi = len(tokens) if hi is None else hi
    cache: dict[int, list[tuple[str, str, int]]] = {}
    out: list[Match] = []
    i = lo
    by_first = base.by_first
    while i < hi:
        best = None
        for stem, exact, trimmed in _keysets(tokens, cache, i):
            cands = by_first.get(stem)
            if not cands:
                continue
            for alias in cands:  # longest first
                n = len(alias.keys)
                if i + n > hi or (auto_only and not alias.auto):
                    continue
                if best is not None and n <= len(best[1].keys):
                    break
                ok, text_exact, pos = True, [exact], i
                for m in range(1, n):
                    pos += 1
                    while pos < hi - 1 and tokens[pos].norm in QUOTES and alias.keys[m] not in QUOTES:
                        pos += 1  # «حزب الله» inside quotes: تنظيم «القاعدة»
                    if pos >= hi:
                        ok = False
                        break
                    ks = _keysets(tokens, cache, pos)
                    hit = next((x for x in ks if x[0] == alias.keys[m]), None)
                    if hit is None:
                        ok = False
                        break
                    text_exact.append(hit[1])
                if ok:
                    best = (pos + 1 - i, alias, trimmed, tuple(text_exact))
                    break
            if best is not None:
                break
        if best is None:
            i += 1
            continue
        n, alias, trimmed, text_exact = best  # n counts tokens spanned, quotes included
        same = [a for a in by_first[alias.keys[0]] if a.keys == alias.keys and (a.auto or not auto_only)]
        exact_same = [a for a in same if a.exact == text_exact]
        (exact_same or same).sort(key=lambda a: KIND_ORDER[a.kind])
        start = _orig_offset(tokens[i], trimmed)
        out.append(Match(i, i + n, start, tokens[i + n - 1].end, tuple(exact_same or same),
                         1.0 if exact_same else 0.9))
        i += n
    return out


def choose(aliases: tuple[Alias, ...] | list[Alias], types: set[str] | None = None) -> Actor | None:
    """The actor an alias stands for, or ``None`` when it is ambiguous between actors of equal standing."""
    cands = [a for a in aliases if types is None or a.actor.type in types]
    if not cands:
        return None
    cands.sort(key=lambda a: (a.actor.rank, -a.actor.population))
    top = cands[0].actor
    for other in cands[1:]:
        o = other.actor
        if o.id == top.id:
            continue
        if o.rank > top.rank:
            break
        if top.rank == o.rank and top.population and top.population >= PLACE_DOMINANCE * max(o.population, 1):
            break
        if o.country == top.country and o.type == top.type and top.rank >= 2:
            break  # two spellings of places in one country: take the larger
        return None
    return top


def link_name(text: str, base: ActorBase, types: set[str] | None) -> tuple[Actor | None, float]:
    """Fuzzy tier for a name the exact tiers missed: skeleton equality, then edit ratio within a block."""
    skel = skeleton(text)
    if len(skel) < 4:
        return None, 0.0
    hits = base.by_skeleton.get(skel)
    if hits:
        actor = choose(hits, types)
        if actor is not None:
            return actor, 0.8
        return None, 0.0
    try:
        from rapidfuzz import fuzz, process
    except ImportError:  # pragma: no cover - optional accelerator
        return None, 0.0
    block = base.by_block.get(skel[:2], ())
    if not block:
        return None, 0.0
    choices = [s for s, _ in block]
    found = process.extract(skel, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
    if not found:
        return None, 0.0
    best_score = found[0][1]
    aliases = [block[idx][1] for _, score, idx in found if score >= best_score - 1e-9]
    actor = choose(aliases, types)
    if actor is None:
        return None, 0.0
    return actor, round(0.75 * best_score / 100, 3)
