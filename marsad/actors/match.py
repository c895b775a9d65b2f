"""Alias matching over tokens: exact and normalised (clitics, article, inflection), then fuzzy.

``scan`` finds base aliases in running text (longest match first, whole word before stripped forms);
``link_name`` links one name the tagger found, falling back to a consonant-skeleton and edit-ratio tier.
Confidence: 1.0 exact alias, 0.9 inflected/stemmed match, 0.8 skeleton match, ≤0.75 fuzzy.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, islice

from marsad.actors.base import (
    Actor,
    ActorBase,
    Alias,
    light_stem,
    skeleton,
    strip_article,
)
from marsad.text import Token
from marsad.text.tokens import token_norm

FUZZY_MIN = 88.0  # rapidfuzz ratio on skeletons
WORD_MIN = 70.0  # rapidfuzz ratio of each word's skeleton in a fuzzy match of several words
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


def token_keys(tok: Token) -> tuple[tuple[str, str, int], ...]:
    """(stem key, exact key, proclitic chars trimmed) for each candidate form, whole word first."""
    keys = _KEYS.get(tok.norm)
    if keys is None:
        if len(_KEYS) > 400_000:
            _KEYS.clear()
        keys = _KEYS[tok.norm] = _norm_keys(tok.norm, tok.forms)
    return keys


_KEYS: dict[str, tuple] = {}


@lru_cache(maxsize=200_000)
def _norm_keys(norm: str, forms: tuple[str, ...]) -> tuple[tuple[str, str, int], ...]:
    out = []
    if norm.startswith("لل") and len(norm) >= 5:
        forms = forms + (norm[1:],)  # «للبنان» = «ل» + «لبنان»
    for form in forms:
        exact = strip_article(form)
        out.append((light_stem(exact), exact, len(norm) - len(form)))
    return tuple(out)


def _orig_offset(tok: Token, trimmed: int) -> int:
    """Original start after removing ``trimmed`` normalised characters of proclitics."""
    if trimmed == 0:
        return tok.start
    return tok.start + _trimmed_chars(tok.text, trimmed)


@lru_cache(maxsize=50_000)
def _trimmed_chars(text: str, trimmed: int) -> int:
    """Original characters of ``text`` that its first ``trimmed`` normalised characters come from."""
    from marsad.text import normalize

    return normalize(text).to_original(trimmed)


def scan(tokens: list[Token], base: ActorBase, lo: int = 0, hi: int | None = None,
         auto_only: bool = True, skip: bytearray | None = None, norms: list[str] | None = None) -> list[Match]:
    """Non-overlapping alias matches in ``tokens[lo:hi]``, left to right, longest first.

    A walk over the alias prefix set: each token contributes its candidate forms (whole word first),
    quotes inside a name are skipped («تنظيم «القاعدة»»). ``norms`` may pass every token's ``norm`` when the
    caller has them.
    """
    hi = len(tokens) if hi is None else hi
    # the entity rules and the resolver both scan each article whole: the second scan reuses the first
    whole = auto_only and lo == 0 and hi == len(tokens) and skip is None
    last = base.last_scan  # read once: another thread may replace it meanwhile
    if whole and last is not None and last[0] == tokens:
        return list(last[1])
    # an alias that may stand alone extends only prefixes of such aliases: walking those alone gives the same
    # matches, and far fewer words begin one (most places and surnames are linked only when tagged)
    if auto_only:
        prefixes, complete, memo = base.auto_prefixes, base.auto_keys, base.auto_start_keys
    else:
        prefixes, complete, memo = base.prefixes, base.by_keys, base.start_keys
    out: list[Match] = []
    # the forms of each word that begin an alias (empty for most words), found with C-level loops: the memo
    # answers almost every word
    words = norms if norms is not None and lo == 0 and hi == len(norms) else map(token_norm, islice(tokens, lo, hi))
    flags = list(map(memo.get, words))
    if None in flags:  # new words: one pass (searching the list again per word cost more than the rest)
        for k, flag in enumerate(flags):
            if flag is None:
                tok = tokens[lo + k]
                flags[k] = memo[tok.norm] = tuple(f for f in token_keys(tok) if (f[0],) in prefixes)
    i = lo  # first token not yet taken by a match
    for pos in compress(range(lo, hi), flags):
        if pos < i or (skip is not None and skip[pos]):
            continue
        best = None
        for stem, exact, trimmed in flags[pos - lo]:
            found = _walk(tokens, pos, hi, (stem,), (exact,), prefixes, complete, base)
            if found is not None:
                best = (found[0], found[1], trimmed, found[2])
                break  # whole word before stripped forms
        if best is None:
            continue
        end, keys, trimmed, text_exact = best
        choice = base.choice_memo.get((keys, text_exact, auto_only))
        if choice is None:
            same = [a for a in base.by_keys[keys] if a.auto or not auto_only]
            exact_same = [a for a in same if a.exact == text_exact]
            chosen = exact_same or same
            chosen.sort(key=lambda a: KIND_ORDER[a.kind])
            choice = base.choice_memo[(keys, text_exact, auto_only)] = (tuple(chosen), 1.0 if exact_same else 0.9)
        start = _orig_offset(tokens[pos], trimmed)
        out.append(Match(pos, end, start, tokens[end - 1].end, choice[0], choice[1]))
        i = end
    if whole:
        base.last_scan = (list(tokens), tuple(out))
    return out


def _continues(base: ActorBase, tok: Token) -> bool:
    """Whether any form of the token is a word some alias has after its first (memoised per word)."""
    hit = base.inner_memo.get(tok.norm)
    if hit is None:
        hit = base.inner_memo[tok.norm] = any(k[0] in base.inner_keys for k in token_keys(tok))
    return hit


def _walk(tokens, pos, hi, keys, exacts, prefixes, complete, base):
    """Longest complete alias extending ``keys`` from token ``pos``: (end, keys, exact keys) or None."""
    best = (pos + 1, keys, exacts) if keys in complete else None
    nxt = pos + 1
    while nxt < hi - 1 and tokens[nxt].norm in QUOTES:
        nxt += 1
    if nxt >= hi or not _continues(base, tokens[nxt]):
        return best
    for stem, exact, _ in token_keys(tokens[nxt]):
        k2 = keys + (stem,)
        if k2 in prefixes:
            found = _walk(tokens, nxt, hi, k2, exacts + (exact,), prefixes, complete, base)
            if found is not None and (best is None or found[0] > best[0]):
                best = found
    return best


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
    """Fuzzy tier for a name the exact tiers missed: skeleton equality, then edit ratio within a block.
    Remembered per name and types on the base: names recur across articles, and the edit-ratio search is
    the costly part of linking."""
    key = (text, frozenset(types) if types is not None else None)
    hit = base.link_memo.get(key)
    if hit is None:
        if len(base.link_memo) > 100_000:
            base.link_memo.clear()
        hit = base.link_memo[key] = _link_name(text, base, types)
    return hit


def _link_name(text: str, base: ActorBase, types: set[str] | None) -> tuple[Actor | None, float]:
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
    choices = base.block_choices.get(skel[:2])
    if choices is None:  # listed once per block: common blocks hold hundreds of skeletons
        choices = base.block_choices[skel[:2]] = [s for s, _ in block]
    found = process.extract(skel, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN, limit=5)
    if not found:
        return None, 0.0
    best_score = found[0][1]
    words = [skeleton(w) for w in text.split()]
    aliases = [block[idx][1] for _, score, idx in found
               if score >= best_score - 1e-9 and _word_by_word(words, block[idx][1].exact)]
    actor = choose(aliases, types)
    if actor is None:
        return None, 0.0
    return actor, round(0.75 * best_score / 100, 3)


def _word_by_word(words: list[str], alias_words: tuple[str, ...]) -> bool:
    """A fuzzy match is a spelling variant word for word, not another name sharing most letters: as many
    words, each close («غريب آبادي» ~ «غريب ابادي»), so «عبد الله اوجلان» is not «عبد الله غول»."""
    from rapidfuzz import fuzz

    others = [w for w in (skeleton(w) for w in alias_words) if w]
    words = [w for w in words if w]
    if len(words) <= 1 or len(others) <= 1:
        return True  # one word: the whole ratio decides
    if len(others) != len(words):  # spacing variants («غريب آبادي» / «غريبابادي»): the last words must agree
        a, b = "".join(words), "".join(others)
        last = min(words[-1], others[-1], key=len)
        return fuzz.ratio(a[-len(last):], b[-len(last):]) >= WORD_MIN
    return all(a == b or _close(a, b) for a, b in zip(words, others))


def _close(a: str, b: str) -> bool:
    """Two word skeletons close enough to be one name; short ones may differ by a letter, not in length
    («جلن» Ocalan is not «جل» Gül)."""
    from rapidfuzz import fuzz

    if min(len(a), len(b)) <= 3:
        return len(a) == len(b) and fuzz.ratio(a, b) >= 66.0
    return fuzz.ratio(a, b) >= WORD_MIN
