"""The reporting-cue lexicon: ``resources/quotes/cues.tsv`` loaded once, on first use.

Each row is ``form<TAB>kind<TAB>lemma``. Forms are written in plain Arabic and folded with
``normalize_for_match`` when loaded, so they match the normalised tokens of the text layer. A form of several
words («في تصريح», «نقلا عن») matches a run of tokens; a trailing «ل» («وفقا ل») matches that preposition
written apart or attached to the next word.

Kinds:
    verb   reporting verb, perfect or imperfect, with or without و/ف («قال», «ويضيف»)
    part   active participle used as an adverb («مضيفا», «لافتا»)
    colon  introduces the words themselves («قائلا», «بالقول», «قوله»)
    noun   nominal cue («في تصريح», «في بيان»)
    attr   attribution («بحسب», «وفق», «نقلا عن»)
    tag    closing tag that ends a quote («على حد قوله»)
    stop   impersonal forms that look like cues («يذكر», «يشار») and report no speaker
    source nouns that name a source after an attribution («بحسب تقرير», «وفق مصادر»)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import MarsadError
from marsad.segment.lexicon import resource_path
from marsad.text import normalize_for_match

# Verbs whose form with a pronoun reads as a common noun once folded: «رأيه» his opinion, «أبرزها» the foremost
# of them, «إضافة» addition, «إشارة» sign, «إفادة» statement, «إجابة» answer, «إبانة», «إدانة», «إشادة».
NO_PRONOUN_SUFFIX = frozenset({"رأى", "أبرز", "أضاف", "أشار", "أفاد", "أجاب", "أبان", "أدان", "أشاد", "كتب"})
KINDS = frozenset({"verb", "part", "colon", "noun", "attr", "tag", "stop", "source"})


class LexiconError(MarsadError):
    """The cue lexicon file is missing or malformed."""

    code = "M501"


@dataclass(frozen=True)
class Cue:
    kind: str
    lemma: str
    form: str  # the normalised form as listed


@dataclass(frozen=True)
class CueLexicon:
    single: dict[str, Cue]
    multi: dict[str, tuple[tuple[tuple[str, ...], Cue], ...]]  # first word → (rest words, cue), longest first
    lookup: dict[str, Cue] = None  # every single form also with و/ف before it and, for verbs, a pronoun after
    keys: frozenset = frozenset()  # every token form that may start a cue
    seconds: frozenset = frozenset()  # every second word of a multi-word form

    def __len__(self) -> int:
        return len(self.single) + sum(len(v) for v in self.multi.values())


def _expand(single: dict[str, Cue]) -> dict[str, Cue]:
    """One dictionary lookup per token: the listed forms, then «و/ف + form», then «verb + ه/ها/هم»."""
    out = dict(single)
    for f, cue in single.items():
        for conj in ("و", "ف"):
            if len(f) >= 3:
                out.setdefault(conj + f, cue)
    for f, cue in single.items():
        # «رأيه» is «his opinion», not «he saw it»
        if cue.kind == "verb" and len(f) >= 3 and cue.lemma not in NO_PRONOUN_SUFFIX:
            for suffix in ("ه", "ها", "هم"):
                out.setdefault(f + suffix, cue)
                out.setdefault("و" + f + suffix, cue)
                out.setdefault("ف" + f + suffix, cue)
    return out


def parse(lines) -> CueLexicon:
    single: dict[str, Cue] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Cue]]] = {}
    for n, line in enumerate(lines, 1):
        line = line.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3 or parts[1] not in KINDS:
            raise LexiconError(f"cues.tsv line {n}: expected form<TAB>kind<TAB>lemma, got {line!r}")
        words = normalize_for_match(parts[0]).split()
        cue = Cue(parts[1], parts[2], " ".join(words))
        if len(words) == 1:
            single[words[0]] = cue
        else:
            multi.setdefault(words[0], []).append((tuple(words[1:]), cue))
    frozen = {k: tuple(sorted(v, key=lambda x: -len(x[0]))) for k, v in multi.items()}
    lookup = _expand(single)
    keys = set(lookup) | set(frozen) | {c + k for k in frozen for c in "وف" if len(k) >= 3}
    seconds = frozenset(rest[0] for v in frozen.values() for rest, _ in v)
    return CueLexicon(single, frozen, lookup, frozenset(keys), seconds)


def _packaged_lines(name: str) -> list[str]:
    """Every line of ``marsad/resources/quotes/<name>`` (line numbers kept for error messages)."""
    try:
        return resource_path("quotes", name).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:  # pragma: no cover - broken install
        raise LexiconError(f"marsad/resources/quotes/{name} is missing") from exc


@lru_cache(maxsize=1)
def load() -> CueLexicon:
    """The packaged cue lexicon (read on first call, then cached)."""
    return parse(_packaged_lines("cues.tsv"))


@dataclass(frozen=True)
class Relations:
    """Relational nouns (``resources/quotes/relations.txt``): a name right after one is its complement."""

    all: frozenset[str]  # every form, normalised
    name_starts: frozenset[str]  # forms that also begin names («أبو», «ابن»)
    kin: frozenset[str] = frozenset()  # relatives: a phrase opened by one is about the relative


def parse_relations(lines) -> Relations:
    forms: set[str] = set()
    flagged: dict[str, set[str]] = {"name": set(), "kin": set()}
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        flags = parts[1].split(",") if len(parts) == 2 else []
        if len(parts) > 2 or " " in parts[0] or any(f not in flagged for f in flags):
            raise LexiconError(f"relations.txt line {n}: expected one word and optional flags name,kin, got {line!r}")
        form = normalize_for_match(parts[0])
        forms.add(form)
        for f in flags:
            flagged[f].add(form)
    return Relations(frozenset(forms), frozenset(flagged["name"]), frozenset(flagged["kin"]))


@lru_cache(maxsize=1)
def relations() -> Relations:
    """The packaged relational nouns (read on first call, then cached)."""
    return parse_relations(_packaged_lines("relations.txt"))


@lru_cache(maxsize=1)
def institutions() -> frozenset[str]:
    """Institution nouns (``resources/quotes/institutions.txt``): «مدينة الملك عبدالعزيز» names a place."""
    return frozenset(normalize_for_match(line.strip()) for line in _packaged_lines("institutions.txt")
                     if line.strip() and not line.startswith("#"))
