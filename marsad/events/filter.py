"""The learned candidate filter: a logistic model over trigger candidates of every type.

Features are strings (the trigger's lemma and type, its tense, negation and modality, its neighbouring words,
whether the sentence names participants, casualties or a time); the model is a weight per feature, trained
by ``tools/events/train_filter.py`` and shipped as ``resources/events/filter.json``. Scoring is a sum and a
sigmoid in pure Python; no numpy at run time.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from marsad.events.lexicon import RESOURCES
from marsad.text.memo import memo_map
from marsad.text.tokens import token_forms, token_norm

_CASUALTY = frozenset({"قتلي", "قتيل", "قتيلا", "جرحي", "جريح", "مصرع", "مصرعه", "اصابه", "اصابات", "مصابين",
                       "شهيد", "شهداء", "شهيدا", "ضحايا", "اصيب", "اصيبوا", "لقي", "لقوا", "قتل", "جثث", "جثه"})
_TIME = frozenset({"امس", "اليوم", "الليله", "صباح", "مساء", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء",
                   "الخميس", "الجمعه", "السبت", "فجر", "ظهر", "ليل", "امس", "الماضي", "الماضيه", "اليوم"})
_REPORT = frozenset({"قال", "قالت", "اعلن", "اعلنت", "ذكر", "ذكرت", "افاد", "افادت", "اكد", "اكدت", "اضاف",
                     "اضافت", "اوضح", "اوضحت", "وقع", "وقعت", "شهدت", "شهد", "نظم", "نظمت", "نفذ", "نفذت",
                     "شن", "شنت", "تبنت", "تبنى", "اسفر", "اسفرت", "ادى", "ادت", "خرج", "خرجت", "تجمع"})


def _bucket(n: int, edges=(1, 2, 4, 8, 16, 32)) -> str:
    for e in edges:
        if n <= e:
            return str(e)
    return "more"


# Token fields read in C-level passes over a sentence (the properties cost a call per token).
_LAST = itemgetter(-1)  # of the forms: the stem
_HEAD = itemgetter(slice(0, 1))  # of a norm: its first character

# norm → the stem the filter weighs for it, None for a non-word or a stem under three letters. The stem
# depends on the norm alone, so each word is worked out once per process (see memo_map).
_KEPT: dict[str, str | None] = {}


def _kept_stem(tok) -> str | None:
    stem = tok[4][-1]
    return stem if len(stem) > 2 and tok[3][:1].isalnum() else None


def sentence_stems(toks) -> tuple[str, ...]:
    """The sentence's distinct word stems: the filter weighs them per type as ``s:TYPE=stem`` features."""
    kept = memo_map(_KEPT, list(map(token_norm, toks)), lambda k: _kept_stem(toks[k]))
    return tuple(dict.fromkeys(filter(None, kept)))


def sentence_facts(sent) -> tuple[bool, bool, bool, bool]:
    """Whether the sentence names casualties, a time, a reporting verb, and has a number: the same for every
    candidate of the sentence, so computed once per sentence (see :func:`features`)."""
    norms = list(map(token_norm, sent))
    words = set(map(_LAST, map(token_forms, sent)))
    words.update(norms)
    return (not words.isdisjoint(_CASUALTY), not words.isdisjoint(_TIME), not words.isdisjoint(_REPORT),
            any(map(str.isdigit, map(_HEAD, norms))))


def all_features(c) -> set[str]:
    """Every feature of a candidate, the sentence words included (what the training sees)."""
    T = c.entry.type
    return set(c.features) | {f"s:{T}={x}" for x in c.stems}


def features(c, toks, a: int, b: int, facts: tuple[bool, bool, bool, bool] | None = None) -> list[str]:
    """Feature strings of a candidate (``c`` a :class:`marsad.events.coder.Candidate`); ``facts``:
    :func:`sentence_facts` of ``toks`` when the caller already has them."""
    e = c.entry
    T = e.type
    t = toks[c.first]
    f = [f"T={T}", f"L={T}:{e.lemma}", f"K={T}:{e.kind}", f"tense={e.tense}", f"TT={T}:{e.tense}",
         f"mod={c.modality}", f"TM={T}:{c.modality}"]
    if c.negated:
        f += ["neg", f"neg:{T}"]
    if c.source:
        f += ["src", f"src:{T}"]
    if c.target:
        f += ["tgt", f"tgt:{T}"]
    if c.location:
        f.append("loc")
    if c.quote:
        f.append("quote")
    if t.norm.startswith(("ال", "وال", "بال", "لل", "فال")):
        f.append(f"def:{T}")
    if t.forms[-1] != t.norm and t.norm[:1] in "بلك" or t.norm[:2] in ("وب", "ول", "فب"):
        f.append(f"prep:{T}")
    if t.norm[:1] in "وف" and len(t.forms) > 1:
        f.append(f"conj:{T}")
    for k, name in ((c.first - 1, "p1"), (c.first - 2, "p2"), (c.last + 1, "n1"), (c.last + 2, "n2")):
        if 0 <= k < len(toks):
            f.append(f"{name}={toks[k].forms[-1]}")
            f.append(f"{name}:{T}={toks[k].forms[-1]}")
        else:
            f.append(f"{name}=<edge>")
    for k in range(max(0, c.first - 6), min(len(toks), c.last + 7)):
        if k < c.first or k > c.last:
            f.append(f"w:{T}={toks[k].forms[-1]}")
    cas, when, rep, num = facts if facts is not None else sentence_facts(toks)
    if cas:
        f += ["cas", f"cas:{T}"]
    if when:
        f += ["time", f"time:{T}"]
    if rep:
        f += ["rep", f"rep:{T}"]
    if num:
        f.append(f"num:{T}")
    f.append(f"pos={_bucket(c.first)}")
    f.append(f"len={_bucket(len(toks) // 4)}")
    f.append(f"cl={_bucket(b - a)}")
    return f


@dataclass
class Filter:
    bias: float = 0.0
    weights: dict[str, float] = field(default_factory=dict)
    thresholds: dict[str, float] = field(default_factory=dict)  # per type; "*" for the rest
    trained_types: tuple[str, ...] = ()
    _stem_weights: dict | None = field(default=None, repr=False, compare=False)  # see stem_weights

    def score(self, c) -> float:
        w = self.weights
        # Distinct features in their own order (a set's order changes with the process's hash seed, and so
        # would the float sum's last bits: a candidate at the threshold could flip between runs).
        z = self.bias + sum(map(w.get, dict.fromkeys(c.features), repeat(0.0)))
        # The sentence's stems are looked up by type and stem, not by a feature string built per stem.
        z += sum(map(self.stem_weights(c.entry.type).get, c.stems, repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def stem_weights(self, type_: str) -> dict[str, float]:
        """The weights of the ``s:TYPE=stem`` features of one type, keyed by stem (built on first use)."""
        if self._stem_weights is None:
            self._stem_weights = {}
            for name, weight in self.weights.items():
                if name.startswith("s:"):
                    typ, _, stem = name[2:].partition("=")
                    self._stem_weights.setdefault(typ, {})[stem] = weight
        return self._stem_weights.get(type_, {})

    def keep(self, c) -> bool:
        if not self.weights:
            return True
        c.score = self.score(c)
        return c.score >= self.thresholds.get(c.entry.type, self.thresholds.get("*", 0.5))

    def to_json(self) -> str:
        return json.dumps({"bias": self.bias, "thresholds": self.thresholds, "trained_types":
                           list(self.trained_types), "weights": self.weights}, ensure_ascii=False, indent=0,
                          sort_keys=True)


@lru_cache(maxsize=2)
def load_filter(path: str | None = None) -> Filter:
    """The shipped filter, or a keep-everything filter when no model file exists."""
    p = Path(path) if path else RESOURCES / "filter.json"
    if not p.exists():
        return Filter()
    d = json.loads(p.read_text(encoding="utf-8"))
    return Filter(d["bias"], d["weights"], d.get("thresholds", {}), tuple(d.get("trained_types", ())))
