"""A fast scan of the raw body for the stretches worth tokenising.

Tokenising a whole body costs more than everything else in the quote stage, and most of a news article holds
no quote. One regular expression, built as a trie from the lexicon, finds in the raw text every word that may
be a reporting cue (hamza, alef and ya variants, diacritics and tatweel allowed, و/ف before and a pronoun
after); each hit opens a window from the start of its sentence to the end of its paragraph, and so does a
quotation mark after a colon or at the start of a paragraph. Only the windows go on to the token-level finder.
The scan is generous: it must not miss what the finder would find; the finder decides.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.quotes.lexicon import CueLexicon, load
from marsad.text import normalize_for_match

_INWORD = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f"
_SKIP = f"[{_INWORD}]*"
_KINDS = frozenset({"verb", "part", "colon", "attr", "tag", "noun"})
PAD = " "


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """For each normalised letter, a character class of the raw letters that fold to it."""
    rev: dict[str, set[str]] = {}
    for cp in list(range(0x0621, 0x064B)) + list(range(0x0671, 0x06D4)):
        ch = chr(cp)
        f = normalize_for_match(ch)
        if len(f) == 1:
            rev.setdefault(f, set()).add(ch)
    return {k: "[" + "".join(sorted(v)) + "]" if len(v) > 1 else re.escape(k) for k, v in rev.items()}


def _trie_regex(words) -> str:
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    var = _variants()

    def emit(node: dict) -> str:
        alts = [var.get(ch, re.escape(ch)) + _SKIP + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=4)
def cue_regex(lexicon: CueLexicon | None = None) -> re.Pattern:
    """Matches, over ``PAD + body``, the character before a possible cue word and the word."""
    lex = lexicon or load()
    words = {f for f, c in lex.single.items() if c.kind in _KINDS}
    words |= {first for first, rest in lex.multi.items()
              if first != "في" and any(c.kind in _KINDS for _, c in rest)}
    words |= {r[0] for first, rest in lex.multi.items() if first == "في" for r, _ in rest}  # «تصريح», not every «في»
    # conjunction-prefixed listed forms are covered by the optional prefix
    words = {w[1:] if len(w) > 3 and w[0] in "وف" and w[1:] in words else w for w in words}
    return re.compile(rf"[^\w{_INWORD}](?:[وف]{_SKIP})?{_trie_regex(sorted(words))}"
                      rf"{_SKIP}(?:ه{_SKIP}(?:[ام]{_SKIP})?)?(?![\w{_INWORD}])")


_MARK_ALONE = re.compile(r'(?:^|\n)[ \t]*[«“„"‘]|:[ \t]*[«“„"‘]')
_SENT_END = re.compile(r"[.!?؟…]+[\s»”\"']*(?=\s)|\n")
# What a quote needs in the cue's sentence: a complementizer, a colon or mark, or an attribution word.
_TRIGGER = re.compile(
    rf"(?<![\w{_INWORD}])[وفب]?{_SKIP}[اأإ]{_SKIP}ن{_SKIP}(?:ه{_SKIP}(?:[ام]{_SKIP})?|ن{_SKIP}[اي]{_SKIP})?"
    rf"(?![\w{_INWORD}])|[:«»“”„\"‘’]|حسب|وفق|نقلا|لسان|قوله|تعبيره|بيان|تصريح")


def windows(body: str, lexicon: CueLexicon | None = None) -> list[tuple[int, int]]:
    """Sorted, disjoint spans of ``body`` that may hold a quote, each from a sentence start.

    A hit's window is its sentence; it runs on to the end of the paragraph when a colon or quotation mark
    follows the hit in that sentence (colon quotes and marked quotes end with the paragraph at the latest).
    """
    hits = [m.start() for m in cue_regex(lexicon).finditer(PAD + body)]  # PAD shifts by one: start = word - 1
    marks = [m.end() - 1 for m in _MARK_ALONE.finditer(body)]
    if not hits and not marks:
        return []
    n = len(body)
    spans: list[tuple[int, int]] = []
    for h, is_mark in sorted([(h, False) for h in hits] + [(h, True) for h in marks]):
        if spans and h < spans[-1][1] and not is_mark:
            # inside a window already; it may still need to reach the paragraph end
            pass
        p_start = body.rfind("\n", 0, h) + 1
        p_end = body.find("\n", h)
        p_end = n if p_end < 0 else p_end
        s = p_start
        for m in _SENT_END.finditer(body, p_start, h):
            s = m.end()
        if is_mark:
            e = p_end
        else:
            m = _SENT_END.search(body, h, p_end)
            e = m.start() + len(m.group().rstrip()) if m else p_end
            if not _TRIGGER.search(body, s, e):
                continue
            if any(c in body[h:e] for c in ':«“„"‘'):
                e = p_end
        if spans and s <= spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], max(spans[-1][1], e))
        else:
            spans.append((s, e))
    return spans
