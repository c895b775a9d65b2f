"""Post-tagger rules for news the tagger's training corpus (ANERcorp, 2007) never saw.

``apply(text, spans)`` takes the CRF's ``(start, end, type)`` spans over ``text`` and returns corrected ones:

1. **Known actors.** Aliases of the actor base (``marsad/resources/actors``, loaded by
   :func:`marsad.actors.base.load_base`) that may stand alone — organisations, people, countries, capitals —
   are added where the tagger missed them, replace shorter overlapping spans, and fix the type of a span
   that is exactly one alias (a country tagged LOC becomes GPE). Nationality adjectives tagged as places are
   dropped (they are not names). Seats of power named for the institution («البيت الأبيض») are ORG.
2. **Multi-word organisations** from the lexicon (``orghead``: «وزارة الدفاع», «مجلس الشيوخ»), with a
   nationality word that follows joined to the name («وزارة الخارجية الإيطالية»).
3. **News outlets** after «وكالة», «صحيفة», «قناة», «موقع» …: the quoted name («وكالة “سبوتنيك”»), an
   unquoted name that is not a common definite word («صحيفة نيويورك تايمز»), or the whole phrase when the
   name is descriptive («وكالة الأنباء اليمنية»).
4. **Persons after a title or role** («الرئيس المصري عبدالفتاح السيسي», «المتحدث باسم الأمم المتحدة أحمد
   فوزي»): the role phrase is skipped, the following name-like words (up to four, with «بن»/«ولد» inside)
   become PER; titles and nationality words at the front of a PER span are cut off.
5. **Names repeated in the article**: a person's full name found once is marked wherever it recurs, over
   shorter partial spans («هيلي» → «نيكي هيلي»).

Organisation descriptors («تنظيم», «حركة», «صحيفة») are dropped from the front of a name when what follows is
the name itself. The word lists are data (``marsad/resources/ner/rules.tsv``); everything loads once per
process on first use.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from marsad.entities.gazetteers import RESOURCES
from marsad.errors import ResourceError
from marsad.text import Token, tokenize, tokenize_body
from marsad.text.tokens import token_end, token_norm, token_start

LEXICON = RESOURCES / "rules.tsv"
QUOTE_OPEN = frozenset("«\"“'(")
QUOTE_CLOSE = frozenset("»\"”')")
MAX_NAME = 4
MAX_ROLE = 8
# rule priorities when spans overlap (higher wins even over longer spans)
P_TAGGER, P_BASE, P_ORG, P_MEDIA, P_TITLE = 0, 1, 2, 3, 2


def _key(form: str) -> str:
    return form[2:] if len(form) >= 4 and form.startswith("ال") else form


def _keys(tok: Token) -> frozenset[str]:
    """The token's forms without the article (memoised per normalised word)."""
    hit = _KEYS.get(tok[3])
    if hit is None:
        if len(_KEYS) > 200_000:
            _KEYS.clear()
        hit = _KEYS[tok[3]] = frozenset(_key(f) for f in tok[4])
    return hit


_KEYS: dict[str, frozenset[str]] = {}


class Lexicon:
    """The rule word lists, normalised like token forms (article optional)."""

    def __init__(self, path: Path = LEXICON):
        if not path.exists():
            raise ResourceError(f"NER rule lexicon missing: {path}")
        words: dict[str, set[str]] = {}
        phrases: dict[str, list[tuple[tuple[str, ...], bool]]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            kind, text, *flags = line.split("\t")
            if kind in ("orgseat", "orghead", "locphrase"):
                toks = tuple(_key(t[3]) for t in tokenize(text))
                phrases.setdefault(kind, []).append((toks, "nisba" in flags))
            else:
                for w in text.split():
                    for t in tokenize(w.replace("_", " "))[:1]:
                        words.setdefault(kind, set()).add(_key(t[3]))
        self.words = {k: frozenset(v) for k, v in words.items()}
        kinds_of: dict[str, set[str]] = {}
        for kind, ws in words.items():
            for w in ws:
                kinds_of.setdefault(w, set()).add(kind)
        self._kinds_of = {w: frozenset(k) for w, k in kinds_of.items()}  # word -> the lists holding it
        # longest phrase first so «مجلس الأمن القومي» wins over «مجلس الأمن»
        self.phrases = {k: sorted(v, key=lambda p: -len(p[0])) for k, v in phrases.items()}
        self._starting: dict[str, dict[str, list]] = {}  # kind -> normalised word -> phrases it starts
        self._in_lists: dict[str, tuple[frozenset[str], frozenset[str]]] = {}  # normalised word -> _lists
        self.by_first: dict[str, dict[str, list]] = {}
        for kind, items in self.phrases.items():
            for item in items:
                self.by_first.setdefault(kind, {}).setdefault(item[0][0], []).append(item)
        self._first_words = frozenset(w for idx in self.by_first.values() for w in idx)  # start some phrase

    def starting(self, kind: str, tok: Token) -> list:
        """Phrases of ``kind`` whose first word is one of the token's forms, longest first."""
        memo = self._starting.get(kind)
        if memo is None:
            memo = self._starting[kind] = {}
        hit = memo.get(tok[3])
        if hit is None:
            if len(memo) > 100_000:
                memo.clear()
            idx = self.by_first.get(kind, {})
            hit = memo[tok[3]] = sorted((p for k in _keys(tok) for p in idx.get(k, ())), key=lambda p: -len(p[0]))
        return hit

    def has(self, kind: str, tok: Token) -> bool:
        """One of the token's forms (article optional) is in the list."""
        return kind in self._lists(tok)[0]

    def whole(self, kind: str, tok: Token) -> bool:
        """The token itself (a leading conjunction allowed, no preposition) is in the list."""
        return kind in self._lists(tok)[1]

    def lists_of(self, toks: list[Token]) -> list[tuple[frozenset[str], frozenset[str], bool]]:
        """``_lists`` of every token, one memo lookup each (C-level for the words already seen)."""
        out = list(map(self._in_lists.get, map(token_norm, toks)))
        for k, hit in enumerate(out):
            if hit is None:
                out[k] = self._lists(toks[k])
        return out

    def _lists(self, tok: Token) -> tuple[frozenset[str], frozenset[str], bool]:
        """The word lists holding one of the token's forms, those holding the token itself, and whether a
        form starts a phrase; all depend on the normalised word alone, so they are found once per word (the
        rules ask per token, many times)."""
        hit = self._in_lists.get(tok[3])
        if hit is None:
            kinds = self._kinds_of
            keys = _keys(tok)
            if keys.isdisjoint(kinds) and keys.isdisjoint(self._first_words):
                hit = _NO_LISTS  # most words are in no list: one shared answer, no sets built
            else:
                own = _key(tok[3])  # both are among the keys
                bare = _key(tok[4][1]) if tok[3][:1] == "و" and len(tok[4]) > 1 else None
                hit = (frozenset().union(*(kinds.get(k, ()) for k in keys)),
                       kinds.get(own, frozenset()) | kinds.get(bare, frozenset()),
                       not keys.isdisjoint(self._first_words))
            if len(self._in_lists) > 200_000:
                self._in_lists.clear()
            self._in_lists[tok[3]] = hit
        return hit


_NO_LISTS: tuple[frozenset[str], frozenset[str], bool] = (frozenset(), frozenset(), False)


class _Words:
    """What the lexicon says of each token of one document, looked up once per token: the rule passes scan
    every token, and asking the lexicon per rule per token cost more than the rules themselves."""

    def __init__(self, toks: list[Token], lex: Lexicon):
        lists = lex.lists_of(toks)
        self.has = [x[0] for x in lists]  # lists holding one of the token's forms
        self.whole = [x[1] for x in lists]  # lists holding the token itself
        self.phrase_starts = [k for k, x in enumerate(lists) if x[2]]  # tokens that may start a lexicon phrase

    def having(self, kind: str) -> list[int]:
        """Tokens one of whose forms is in the list ``kind``."""
        return [k for k, h in enumerate(self.has) if kind in h]

    def wholly(self, kind: str) -> list[int]:
        """Tokens that are themselves in the list ``kind``."""
        return [k for k, w in enumerate(self.whole) if kind in w]


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    return Lexicon(Path(path) if path else LEXICON)


class _Spans:
    """Token-range spans with their rule priority; new spans replace overlapping ones they beat."""

    def __init__(self, n: int):
        self.items: dict[tuple[int, int], tuple[str, int]] = {}
        self.owner = [None] * n  # token → (i, j) of the span covering it

    def overlapping(self, i: int, j: int) -> set[tuple[int, int]]:
        return {o for o in self.owner[i:j] if o is not None}

    def put(self, i: int, j: int, typ: str, prio: int) -> bool:
        over = self.overlapping(i, j)
        for a, b in over:
            t, p = self.items[(a, b)]
            inside = i <= a and b <= j
            if p > prio or (p == prio and not inside) or (not inside and (b - a) > (j - i)):
                return False
        for a, b in over:
            self.remove(a, b)
        self.items[(i, j)] = (typ, prio)
        for k in range(i, j):
            self.owner[k] = (i, j)
        return True

    def remove(self, i: int, j: int) -> None:
        del self.items[(i, j)]
        for k in range(i, j):
            self.owner[k] = None

    def retype(self, i: int, j: int, typ: str) -> None:
        self.items[(i, j)] = (typ, self.items[(i, j)][1])


def apply(text: str, spans: list[tuple[int, int, str]], lexstats: dict | None = None) -> list[tuple[int, int, str]]:
    """Corrected entity spans for ``text`` (see the module docstring). Spans that do not fall on token
    boundaries are passed through unchanged.

    ``lexstats``: the word statistics table (``features.load_lexstats``) when the caller holds it already, as
    the tagger does; by default the shipped one is read."""
    toks = tokenize_body(text)
    if not toks:
        return spans
    from marsad.actors.base import load_base
    from marsad.entities.features import load_lexstats

    stats = lexstats if lexstats is not None else load_lexstats(RESOURCES / "lexstats.tsv")

    base = load_base()
    lex = load_lexicon()
    starts = list(map(token_start, toks))
    ends = list(map(token_end, toks))
    sp = _Spans(len(toks))
    passthrough = []
    for s, e, typ in spans:
        i = bisect_left(starts, s)
        j = bisect_left(ends, e)
        if i < len(toks) and j < len(toks) and starts[i] == s and ends[j] == e and i <= j:
            sp.put(i, j + 1, typ, P_TAGGER)
        else:
            passthrough.append((s, e, typ))
    words = _Words(toks, lex)
    _known_actors(toks, base, lex, sp, stats)
    _fix_orgs(toks, lex, sp)
    _org_phrases(toks, words, base, lex, sp)
    _geo_heads(toks, words, lex, sp)
    _media(toks, words, base, lex, sp)
    _persons(toks, words, base, lex, sp, stats)
    _repeat_names(toks, lex, sp)
    out = [(toks[i][0], toks[j - 1][1], typ) for (i, j), (typ, _) in sp.items.items()]
    return sorted(out + passthrough)


def _nisba(tok: Token, base) -> bool:
    """A nationality adjective («الإيرانية», «والتركي», «الإريتري»), not a country's own name («السعودية»)."""
    hit = _NISBA.get(tok[3])
    if hit is None:
        hit = _NISBA[tok[3]] = _nisba_forms(tok[4], base)
    return hit


_NISBA: dict[str, bool] = {}


def _nisba_forms(forms: tuple[str, ...], base) -> bool:
    """Definite forms with a nationality stem are adjectives («السورية»), unless the country's own name
    carries the article and looks like one (``notnisba`` in the lexicon: «السعودية»); indefinite forms are
    adjectives only when they are not a country's name («سورية» is Syria, «أمريكية» an adjective)."""
    from marsad.actors.base import light_stem, strip_article

    keep = load_lexicon().words.get("notnisba", frozenset())
    for form in forms:
        exact = strip_article(form)
        stem = light_stem(exact)
        if stem not in base.nisba_country or exact in keep:
            continue
        if exact != form:  # with the article: «السورية», «المالي»; not «ألمانيا» (its «ال» is no article)
            return exact.endswith(("يه", "ي", "يون", "يين", "يات"))
        if (stem,) in base.country_key:
            return False
        return exact.endswith(("يه", "ي", "يون", "يين", "يات"))
    return False


def _strip_descr(toks, i: int, j: int, lex: Lexicon) -> int:
    """Index where the name starts after descriptor nouns («تنظيم», «لحزب»; a media head only before an
    indefinite name: «صحيفة وول ستريت جورنال» but «وكالة الأمم المتحدة …») and opening quotes."""
    while i < j - 1 and (_indefinite(toks[i]) and (lex.has("descr", toks[i]) or (
            lex.has("media", toks[i]) and not toks[i + 1][3].startswith("ال"))) or toks[i][2] in QUOTE_OPEN):
        i += 1
    return i


def _indefinite(tok: Token) -> bool:
    return not any(f.startswith("ال") and len(f) >= 4 for f in tok[4])


def _fix_orgs(toks, lex: Lexicon, sp: _Spans) -> None:
    """Descriptors off the front of ORG spans; «للأنباء», «الرسمية» and a nationality word off the end
    («الكونغرس الأميركي» → «الكونغرس», as in ANERcorp), except in news agencies' names («وكالة الأنباء
    اليمنية»)."""
    from marsad.actors.base import load_base

    base = load_base()
    for (i, j), (typ, p) in list(sp.items.items()):
        if typ != "ORG":
            continue
        a, b = _strip_descr(toks, i, j, lex), j
        agency = lex.has("media", toks[i]) and j - i > 1 and lex.has("news", toks[i + 1])
        while b > a + 1 and (_key(toks[b - 1][3]) in ("للانباء", "رسميه", "خاصه", "تابع", "تابعه")
                             or (not agency and _nisba(toks[b - 1], base))):
            b -= 1
        if a == i and i > 0 and toks[i - 1][3] in ("ذا", "ذي") and sp.owner[i - 1] in (None, (i - 1, i)):
            a = i - 1  # «ذا وول ستريت جورنال»
            if sp.owner[a]:
                sp.remove(a, i)
        if (a, b) != (i, j):
            sp.remove(i, j)
            sp.put(a, b, "ORG", p)


def _known_actors(toks, base, lex: Lexicon, sp: _Spans, stats: dict) -> None:
    from marsad.actors.match import scan

    for m in scan(toks, base, auto_only=True):
        a = m.aliases[0]
        if a.kind in ("nisba", "surname") or m.confidence < 1.0:
            continue
        if lex.has("notorg", toks[m.i]):
            continue
        if a.actor.type == "ORG" and (a.exact[-1].endswith(("يين", "يون")) or (
                m.i > 0 and sp.owner[m.i - 1] and sp.items[sp.owner[m.i - 1]][0] == "PER")):
            continue  # «الحوثيين» is a nationality-like word; «عبد الخالق الحوثي» a person's name
        typ = a.actor.type
        if typ not in ("PER", "ORG", "GPE", "LOC"):
            continue
        i, j = m.i, m.j
        cut = next((x for x in range(i + 1, j) if _key(toks[x][3]) in ("تابع", "تابعه")), None)
        if cut is not None:
            j = cut  # «مجلس الأمن التابع للأمم المتحدة»: two names
            tail = [t for t in scan(toks, base, cut + 1, m.j, auto_only=True) if t.aliases[0].kind == "name"]
            for t in tail:
                sp.put(t.i, t.j, t.aliases[0].actor.type, P_BASE)
        if typ == "ORG":
            i = _strip_descr(toks, i, j, lex)
        if a.kind == "seat":
            typ = "GPE"
        if _seat_org(toks, i, j, lex):
            typ = "ORG"
        if typ == "GPE" and j - i == 1 and _nisba(toks[i], base):
            continue  # «المالي» (financial) is not Mali
        if typ == "PER" and a.actor.rank >= 3 and j - i == 1:
            continue  # one-word names from the generated dictionary are too ambiguous
        if all(len(t[3]) == 1 for t in toks[i:j]):
            continue  # «أ ف ب»: letter abbreviations are too ambiguous to add
        cur = sp.items.get((i, j))
        if cur is not None:
            old = cur[0]
            if old == typ or (old in ("LOC", "GPE") and typ in ("LOC", "GPE")) or old == "MISC":
                sp.retype(i, j, typ)  # a country tagged LOC is GPE; never turn the tagger's ORG into a place
            continue
        if typ in ("GPE", "LOC"):
            if sp.overlapping(i, j) or (j - i == 1 and not _unknown_words(toks[i:j], stats)) or (
                    j - i > 1 and _nisba(toks[j - 1], base)):
                continue  # keep the tagger's extent of places («مكة», not «مكة المكرمة»); «بورصة» is a word;
                # «الجنوب اللبناني» is a description
        sp.put(i, j, typ, P_BASE)
    # «منطقة عسير» → «عسير»
    for (i, j), (typ, p) in list(sp.items.items()):
        if typ in ("LOC", "GPE") and j - i >= 2 and lex.has("placedescr", toks[i]):
            sp.remove(i, j)
            sp.put(i + 1, j, typ, p)
    # nationality adjectives the tagger marked as places are not names
    for (i, j), (typ, _) in list(sp.items.items()):
        if typ in ("LOC", "GPE") and j - i == 1 and _nisba(toks[i], base):
            sp.remove(i, j)
        elif typ in ("MISC", "PER", "LOC", "GPE") and _seat_org(toks, i, j, lex):
            sp.retype(i, j, "ORG")


def _phrase_at(toks, k: int, phrase: tuple[str, ...]) -> bool:
    if k + len(phrase) > len(toks):
        return False
    for n, w in enumerate(phrase):
        keys = _keys(toks[k + n]) if n == 0 else {_key(toks[k + n][3])}
        if w not in keys:
            return False
    return True


def _seat_org(toks, i: int, j: int, lex: Lexicon) -> bool:
    return any(len(p) == j - i and _phrase_at(toks, i, p) for p, _ in lex.starting("orgseat", toks[i]))


def _geo_heads(toks, words: _Words, lex: Lexicon, sp: _Spans) -> None:
    """«مضيق هرمز», «باب المندب» after «مضيق»: the head noun belongs to a natural feature's name; fixed place
    phrases («قناة السويس») are LOC whatever the tagger or the actor base said."""
    for k in words.phrase_starts:
        for phrase, _ in lex.starting("locphrase", toks[k]):
            if _phrase_at(toks, k, phrase):
                j = k + len(phrase)
                own = sp.owner[j] if j < len(toks) else None
                if own and own[0] == j and sp.items[own][0] in ("LOC", "GPE"):
                    j = own[1]
                sp.put(k, j, "LOC", P_MEDIA)
    for k in words.having("geohead"):
        if k == len(toks) - 1 or not _indefinite(toks[k]) or sp.owner[k]:
            continue
        own = sp.owner[k + 1]
        if own and own[0] == k + 1 and sp.items[own][0] in ("LOC", "GPE"):
            a, b = own
            sp.remove(a, b)
            sp.put(k, b, "LOC", P_ORG)
        elif own is None and not toks[k + 1][3][:1] in "وف" and toks[k + 1][3][:1].isalpha() and \
                not lex.whole("stop", toks[k + 1]):
            e = k + 2
            if toks[k + 1][3] == "باب" and e < len(toks) and toks[e][3].startswith("ال") and sp.owner[e] is None:
                e += 1  # «مضيق باب المندب»
            sp.put(k, e, "LOC", P_TAGGER)


def _org_phrases(toks, words: _Words, base, lex: Lexicon, sp: _Spans) -> None:
    n = len(toks)
    free = 0  # phrases do not overlap: the next one starts after the last one found
    for k in words.phrase_starts:
        if k < free:
            continue
        hit = None
        for kind in ("orgseat", "orghead"):
            for phrase, need_nisba in lex.starting(kind, toks[k]):
                if _phrase_at(toks, k, phrase):
                    j = k + len(phrase)
                    fem = phrase[0].endswith("ه")
                    nis = j < n and _nisba(toks[j], base) and toks[j][3].startswith("ال") and \
                        toks[j][3].endswith("يه") == fem
                    if need_nisba and not nis:
                        continue
                    hit = j  # the nationality word is not part of the name («وزارة الدفاع» الأمريكية)
                    break
            if hit:
                break
        if hit:
            sp.put(k, hit, "ORG", P_ORG)
            free = hit


def _stop(tok: Token, lex: Lexicon) -> bool:
    """A function word. Two fold into names once normalised («على» → «علي», «بأن» → «بان» as in «بان كي مون»):
    those count only as written."""
    if tok[3] in _FOLDS_TO_NAME:
        return tok[2].lstrip("وف") in _FOLDS_TO_NAME[tok[3]]
    return lex.whole("stop", tok)


_FOLDS_TO_NAME = {"علي": ("على",), "وعلي": ("على",), "بان": ("بأن",), "وبان": ("بأن",)}


def _name_like(tok: Token, lex: Lexicon, base, first: bool) -> bool:
    t = tok[2]
    if not tok[3][:1].isalpha() or _stop(tok, lex) or lex.whole("title", tok):
        return False
    if tok[3].startswith(("وال", "لل", "بال", "كال", "فال")) or (first and tok[3].startswith("ال")):
        return False  # a preposition or conjunction with the article starts a new phrase («للصحفيين»)
    if tok[3][:1] == "و" and len(tok[4]) > 1:
        return False  # «وأبوه»: a conjunction ends the name (and never starts one)
    if _nisba(tok, base) and tok[3].startswith("ال"):
        return False
    return len(t) >= 2


def _media(toks, words: _Words, base, lex: Lexicon, sp: _Spans) -> None:
    n = len(toks)
    for k in words.having("media"):
        if k == n - 1 or not _indefinite(toks[k]):
            continue
        head = _key(toks[k][4][-1])
        j = k + 1
        if lex.whole("news", toks[j]) and j + 1 < n and (toks[j + 1][2] in QUOTE_OPEN
                                                         or not toks[j + 1][3].startswith("ال")):
            j += 1  # «وكالة أنباء “ريا نوفوستي”», «وكالة أنباء رويترز»
        elif lex.whole("news", toks[j]):
            # «وكالة الأنباء اليمنية الرسمية», «وكالة أنباء الجمهورية الإيرانية»: the phrase is the name
            e = j + 1
            while e < n and e - j <= 3 and toks[e][3].startswith("ال") and not lex.whole("stop", toks[e]) \
                    and _key(toks[e][3]) not in ("تابع", "تابعه"):
                e += 1
            while e > j + 1 and _key(toks[e - 1][3]) in ("رسميه", "خاصه"):
                e -= 1
            if e > j + 1:
                sp.put(k, e, "ORG", P_MEDIA)
            continue
        if toks[j][2] in QUOTE_OPEN:
            e = j + 1
            while e < n and e - j <= 5 and toks[e][2] not in QUOTE_CLOSE and toks[e][3][:1].isalnum():
                e += 1
            if e < n and toks[e][2] in QUOTE_CLOSE and e > j + 1:
                sp.put(j + 1, e, "ORG", P_MEDIA)
            continue
        if head == "موقع":
            continue  # «موقع الحادث»: only a quoted name follows this head
        over = sp.overlapping(j, j + 1)
        if over:
            a, b = next(iter(over))
            typ = sp.items[(a, b)][0]
            if a == j and not (head == "قناه" and typ in ("LOC", "GPE")):  # «قناة السويس»
                sp.retype(a, b, "ORG")
            continue
        if toks[j][3].startswith("ال") and head != "قناه" and toks[j][3][2:3].isalpha() and j + 1 < n and (
                _boundary(toks[j + 1], lex) or _nisba(toks[j + 1], base)):
            sp.put(j, j + 1, "ORG", P_MEDIA)  # «بصحيفة الوئام:», «صحيفة الإندبندت البريطانية»
            continue
        if toks[j][3].startswith("ال") or toks[j][3][:1] == "و" or toks[j][3].endswith("يه"):
            continue  # a common word or adjective («قناة تلفزيونية»)
        e = j
        while e < n and e - j < MAX_NAME and _name_like(toks[e], lex, base, e == j) and not sp.overlapping(e, e + 1):
            e += 1
        if e > j:
            sp.put(j, e, "ORG", P_MEDIA)


def _persons(toks, words: _Words, base, lex: Lexicon, sp: _Spans, stats: dict) -> None:
    n = len(toks)
    # titles and nationality words at the front of PER spans
    for (i, j), (typ, p) in list(sp.items.items()):
        if typ != "PER":
            continue
        a = i
        while a < j - 1 and ((lex.whole("title", toks[a]) and toks[a][4][-1] != toks[a][3])
                             or _stop(toks[a], lex)
                             or (_nisba(toks[a], base) and toks[a][3].startswith("ال"))
                             or (a > i and lex.whole("role", toks[a]))):
            a += 1
        if a > i:
            sp.remove(i, j)
            sp.put(a, j, "PER", p)
    # spans that are only a role («السفيرة الأمريكية» tagged ORG) are not names
    for (i, j), (typ, p) in list(sp.items.items()):
        if typ != "PER" and lex.whole("title", toks[i]) and toks[i][4][-1] != toks[i][3] and all(
                lex.whole("role", t) or _nisba(t, base) for t in toks[i + 1:j]):
            sp.remove(i, j)
    free = 0  # a name found after a title ends where the next title may start
    for k in words.wholly("title"):
        if k < free or sp.owner[k]:
            continue
        # skip the rest of the role: role words, nationality words, organisations, other titles
        r = k + 1
        after_comma = False
        while r < n and r - k <= MAX_ROLE:
            tok = toks[r]
            own = sp.owner[r]
            if own and sp.items[own][0] in ("ORG", "GPE", "LOC") and own[0] == r:
                r = own[1]
                continue
            if lex.whole("title", tok) or lex.whole("role", tok) or (_nisba(tok, base) and tok[3][:1] in "اولب"):
                r += 1
                if _key(tok[4][-1]) == "شوون":  # «لشؤون نزع السلاح»: the matter belongs to the role
                    while r < n and r - k <= MAX_ROLE and toks[r][3][:1].isalpha() and not _stop(toks[r], lex):
                        r += 1
                        if toks[r - 1][3].startswith("ال"):
                            break
                continue
            if tok[3].startswith(("ال", "لل")) and not (own and sp.items[own][0] == "PER") and r + 1 < n \
                    and toks[r + 1][3].startswith(("ال", "لل")):
                r += 1  # a definite word inside the role («وزير الدفاع والإنتاج الحربي»)
                continue
            break
        if r < n and toks[r][2] == "،":
            r += 1
            after_comma = True
        e = r
        while e < n and e - r < MAX_NAME + 2:
            tok = toks[e]
            if lex.whole("connector", tok) and e > r:
                e += 1
                continue
            if not _name_like(tok, lex, base, e == r and not after_comma):
                break
            if sp.owner[e]:
                break
            e += 1
        while e > r and lex.whole("connector", toks[e - 1]):
            e -= 1
        own = sp.owner[e] if e < n else None
        if e == r + 1 and own and sp.items[own][0] == "PER" and own == (e, e + 1) and _unknown_words(toks[r:e], stats):
            # the tagger found only the surname: add the given name between the role and it («نيكي» + «هيلي»)
            sp.remove(e, e + 1)
            sp.put(r, e + 1, "PER", P_TITLE)
        elif e - r >= 2 and (e == n or _boundary(toks[e], lex)) and _unknown_words(toks[r:e], stats):
            sp.put(r, e, "PER", P_TITLE)
        free = max(k + 1, e)
    # kunya: «أم سياف», «أبو سياف» when the tagger found only the second word
    for (i, j), (typ, p) in list(sp.items.items()):
        if typ == "PER" and i > 0 and j - i == 1 and toks[i - 1][3] in ("ام", "ابو", "وام", "وابو") \
                and sp.owner[i - 1] is None:
            sp.remove(i, j)
            sp.put(i - 1, j, "PER", p)


def _bucket(b: str) -> int:
    return int(b) if b.isdigit() else 0


def _unknown_words(toks, stats: dict) -> bool:
    """Words that look like a name, not common nouns: rarely seen with the article, and a final surname with
    the article («بشار الأسد») not a frequent word («نزع السلاح»). ``stats``: word → (frequency bucket,
    definiteness bucket 0–5)."""
    for n, tok in enumerate(toks):
        f, d = stats.get(tok[4][-1], stats.get(tok[3], ("0", "0")))
        freq, dfn = _bucket(f), _bucket(d)
        if n == len(toks) - 1 and n > 0 and tok[3].startswith("ال"):
            if freq > 7:
                return False
            continue
        if dfn > 2:
            return False  # names are rarely seen with the article («مجموعة صغيرة» is no name)
    return True


def _boundary(tok: Token, lex: Lexicon) -> bool:
    """A token that may follow a name: punctuation, a function word, a reporting verb or a time word."""
    return not tok[3][:1].isalpha() or _stop(tok, lex) or tok[3].startswith(("وال", "لل", "بال", "كال", "فال"))


def _repeat_names(toks, lex: Lexicon, sp: _Spans) -> None:
    names = set()
    for (i, j), (typ, _) in sp.items.items():
        if typ == "PER" and j - i >= 2:
            full = tuple(toks[x][3] for x in range(i, j))
            # the full name and its tails of two words or more («ولد الشيخ أحمد», «قايد السبسي»)
            names.update(full[a:] for a in range(len(full) - 1)
                         if a == 0 or not (lex.whole("title", toks[i + a]) or toks[i + a][3] in ("بن", "بنت", "ابن")))
    if not names:
        return
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for nm in sorted(names, key=len, reverse=True):
        by_first.setdefault(nm[0], []).append(nm)
    n = len(toks)
    norms = list(map(token_norm, toks))
    for k in [k for k, w in enumerate(norms) if w in by_first]:  # the words that start a name found
        for nm in by_first[norms[k]]:
            j = k + len(nm)
            if j <= n and tuple(norms[k:j]) == nm:
                over = sp.overlapping(k, j)
                if all(sp.items[o][0] == "PER" for o in over):
                    sp.put(k, j, "PER", P_TITLE)
                break
