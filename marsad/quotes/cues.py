"""Reporting cues found in a token list, matched on normalised tokens (the text layer's ``Token.norm``).

A verb or participle cue matches the whole word or the word without its conjunction (و/ف); the other
proclitics are not stripped, so that «التابع» never reads as «تابع». A form of several words matches a run of
tokens; a trailing «ل» in a form («وفقا ل») matches the preposition written apart («لـ») or attached to the
next word («لمصادر»).
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.quotes.lexicon import Cue, CueLexicon
from marsad.text.tokens import Token


@dataclass(frozen=True, slots=True)
class CueHit:
    first: int  # index of the first token of the cue
    last: int  # index of the last token of the cue (inclusive)
    start: int  # character span of the cue as written
    end: int
    cue: Cue

    @property
    def kind(self) -> str:
        return self.cue.kind


def _candidates(norm: str) -> tuple[str, ...]:
    if len(norm) > 3 and norm[0] in "وف":
        return (norm, norm[1:])
    return (norm,)


def find_cues(tokens, lexicon: CueLexicon) -> list[CueHit]:
    """Every cue in ``tokens``, left to right; where forms overlap, the longest wins."""
    out: list[CueHit] = []
    n = len(tokens)
    lookup = lexicon.lookup
    multi = lexicon.multi
    norms = tokens.norms if hasattr(tokens, "norms") else [t.norm for t in tokens]
    keys = lexicon.keys
    last = -1
    for i in [k for k, nm in enumerate(norms) if nm in keys]:
        if i <= last:
            continue
        tok = tokens[i]
        norm = tok.norm
        hit = None
        nxt = norms[i + 1] if i + 1 < n else ""
        if (norm in multi or (len(norm) > 3 and norm[0] in "وف" and norm[1:] in multi)) \
                and (nxt in lexicon.seconds or nxt[:1] == "ل"):
            for form in _candidates(norm):
                for rest, cue in multi.get(form, ()):
                    j = _match_rest(tokens, i + 1, rest)
                    if j is not None:
                        hit = CueHit(i, j, tok.start, tokens[j].end if j > i else tok.end, cue)
                        break
                if hit:
                    break
        if hit is None:
            cue = lookup.get(norm)
            if cue is not None:
                hit = CueHit(i, i, tok.start, tok.end, cue)
        if hit is not None:
            out.append(hit)
            last = hit.last
    return out


def _match_rest(tokens: list[Token], j: int, rest: tuple[str, ...]) -> int | None:
    """Index of the last token matched by ``rest`` starting at ``j``, or None."""
    last = j - 1
    for k, word in enumerate(rest):
        if j >= len(tokens):
            return None
        norm = tokens[j].norm
        if word == "ل" and k == len(rest) - 1:
            if norm == "ل":
                return j
            if norm.startswith("ل") and len(norm) > 2:
                return last  # attached to the next word, which stays outside the cue
            return None
        if norm != word:
            return None
        last = j
        j += 1
    return last
