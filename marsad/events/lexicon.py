"""The trigger lexicon: Arabic verbs, verbal nouns and phrases per PLOVER type and mode.

The data lives in ``marsad/resources/events/triggers.tsv``; :func:`load_lexicon` reads it once, on first use.
Every key is in the normalised form of :func:`marsad.text.normalize_for_match`, so a lookup takes the
candidate forms a :class:`marsad.text.Token` already carries and strips suffixes (pronouns, plural and dual
endings, the feminine ت) before looking up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from pathlib import Path

from marsad.text import normalize_for_match
from marsad.text.tokens import token_forms

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "events"

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")

# Suffixes tried when a whole form is not a key, longest first. A suffix that starts with ت may hide a ta
# marbuta («زيارته» = «زيارة» + «ه»), so the stem is also tried with ه restored.
VERB_SUFFIXES = frozenset({"ت", "وا", "ا", "ن", "تا", "تم", "تما", "ه", "ها", "هم", "هما", "هن", "نا", "كم", "ك",
                           "وه", "وها", "وهم", "ته", "تها", "تهم", "ون", "ان", "ين", "تنا", "ني", "وني"})
NOUN_SUFFIXES = frozenset({"ه", "ها", "هم", "هما", "هن", "كم", "نا", "ي", "ك", "ات", "اتها", "اته", "اتهم", "ين",
                           "ون", "ان", "تان", "تين", "يه", "يات", "يا", "ا", "ته", "تها", "تهم", "يين", "يون",
                           "اتنا", "تنا"})
SUFFIXES = tuple(sorted(VERB_SUFFIXES | NOUN_SUFFIXES, key=len, reverse=True))
_SUFFIX_SET = frozenset(SUFFIXES)
_SUFFIX_LENGTHS = tuple(sorted({len(x) for x in SUFFIXES}, reverse=True))
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")
_UNSEEN = object()  # a word not in the memo yet (None there means: opens nothing)


class LexiconError(ValueError):
    """A line of the trigger file cannot be read."""

    code = "M501"


@dataclass(frozen=True, slots=True)
class Entry:
    type: str
    mode: str | None
    cameo: str
    kind: str  # verb, noun, phrase
    lemma: str  # the normalised form as listed (the first of its line for generated forms)
    tense: str  # past, present, future, noun


@dataclass
class Lexicon:
    words: dict[str, Entry] = field(default_factory=dict)
    phrases: dict[str, list[tuple[tuple[str, ...], Entry]]] = field(default_factory=dict)
    stop: set[str] = field(default_factory=set)  # whole normalised words that never open a trigger
    _memo: dict = field(default_factory=dict, repr=False)  # forms → lookup result (news repeats words)
    _starts: dict = field(default_factory=dict, repr=False)  # forms → what a token with them may open

    def add_word(self, key: str, entry: Entry) -> None:
        self.words.setdefault(key, entry)  # the first listing wins

    def add_phrase(self, words: tuple[str, ...], entry: Entry) -> None:
        bucket = self.phrases.setdefault(words[0], [])
        if all(w != words for w, _ in bucket):
            bucket.append((words, entry))
            bucket.sort(key=lambda p: -len(p[0]))  # longest first

    def lookup(self, forms: tuple[str, ...]) -> tuple[Entry, str] | None:
        """The entry for a token's candidate forms (whole word first), with the key that matched.

        A form left by stripping the article ال can only be a noun; a verb takes only verbal suffixes
        (person, number, object pronouns) and a noun only nominal ones (plural, dual, nisba, pronouns).
        """
        memo = self._memo
        if forms in memo:
            return memo[forms]
        hit = self._lookup(forms)
        if len(memo) < 500_000:
            memo[forms] = hit
        return hit

    def starts(self, forms: tuple[str, ...]) -> tuple[tuple, tuple[Entry, str] | None] | None:
        """What a token with these candidate forms (whole word first) may open, or None when nothing:
        ``(phrases, hit)``, the phrases listed under any of its forms (in form order, longest first within
        a form) and its single-word :meth:`lookup` hit (None for non-words and words under three letters).
        Depends on the forms alone, so it is computed once per distinct word."""
        memo = self._starts
        if forms in memo:
            return memo[forms]
        phrases = tuple(p for form in forms for p in self.phrases.get(form, ()))
        norm = forms[0]
        hit = self.lookup(forms) if norm[:1].isalnum() and len(norm) >= 3 else None
        info = (phrases, hit) if phrases or hit is not None else None
        if len(memo) < 500_000:
            memo[forms] = info
        return info

    def starts_of(self, toks) -> list:
        """:meth:`starts` of every token: most tokens open nothing and were seen before, so the memo is read
        for all of them at once (C-level) and only new words are worked out."""
        out = list(map(self._starts.get, map(token_forms, toks), repeat(_UNSEEN)))
        if _UNSEEN in out:
            for k, info in enumerate(out):
                if info is _UNSEEN:
                    out[k] = self.starts(toks[k][4])
        return out

    def _lookup(self, forms: tuple[str, ...]) -> tuple[Entry, str] | None:
        if forms[0] in self.stop or forms[-1] in self.stop:
            return None
        words = self.words
        for at, form in enumerate(forms):  # whether a form lost an article is asked only of verbs found
            e = words.get(form)
            if e is not None and not (e.kind == "verb" and _after_article(forms, at)):
                return e, form
        for at, form in enumerate(forms):
            n = len(form)
            for k in _SUFFIX_LENGTHS:
                suf = form[n - k:]
                if n - k < 2 or suf not in _SUFFIX_SET:
                    continue
                stem = form[: n - k]
                for key in ((stem, stem + "ه") if suf[0] == "ت" else (stem,)):
                    e = words.get(key)
                    if e is None:
                        continue
                    if e.kind == "verb" and (suf not in VERB_SUFFIXES or key != stem
                                           or _after_article(forms, at)):
                        continue
                    if e.kind != "verb" and suf not in NOUN_SUFFIXES:
                        continue
                    return e, key
        return None


def _after_article(forms: tuple[str, ...], k: int) -> bool:
    """``forms[k]`` was reached by stripping the article (from «ال…» or «لل…»)."""
    f = forms[k]
    return any(p == "ال" + f or (p.startswith("لل") and p[2:] == f) for p in forms[:k])


def _verb_forms(past: str) -> list[tuple[str, str]]:
    out = [(past, "past")]
    stem = past[1:] if past.startswith("ا") and len(past) >= 4 else past
    for p in IMPERFECT_PREFIXES:
        out.append((p + stem, "present"))
        out.append(("س" + p + stem, "future"))
    return out


def parse_lexicon(lines) -> Lexicon:
    lex = Lexicon()
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 5:
            raise LexiconError(f"[M501] triggers line {n}: expected 5 tab-separated columns, got {len(cols)}")
        typ, mode, cameo, kind, forms = cols
        if kind == "stop":
            lex.stop.update(normalize_for_match(w.strip()) for w in forms.split("|") if w.strip())
            continue
        if typ not in TYPES:
            raise LexiconError(f"[M501] triggers line {n}: unknown PLOVER type {typ!r}")
        listed = [normalize_for_match(raw.strip()) for raw in forms.split("|")]
        listed = [f for f in listed if f]
        mode = mode or None
        for form in listed:
            words = tuple(form.split())
            if len(words) > 1 or kind == "phrase":
                lex.add_phrase(words, Entry(typ, mode, cameo, "phrase", form, "noun"))
            elif kind == "verb" and form[0] in "يتن" and len(form) >= 4 and form != listed[0]:
                # an irregular imperfect listed as written («يزور»), and its future «سيزور»
                lex.add_word(form, Entry(typ, mode, cameo, "verb", listed[0], "present"))
                lex.add_word("س" + form, Entry(typ, mode, cameo, "verb", listed[0], "future"))
            elif kind == "verb":
                for key, tense in _verb_forms(form):
                    lex.add_word(key, Entry(typ, mode, cameo, "verb", form, tense))
            else:
                lex.add_word(form, Entry(typ, mode, cameo, "noun", form, "noun"))
    return lex


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """Read the trigger file (the packaged one by default), once per process."""
    p = Path(path) if path else RESOURCES / "triggers.tsv"
    with p.open(encoding="utf-8") as f:
        return parse_lexicon(f)
