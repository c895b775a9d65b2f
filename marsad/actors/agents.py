"""Generic actors: common nouns naming an agent of some country («الشرطة», «المتظاهرون», «الحكومة»).

The nouns come from ``resources/actors/agents.tsv``. A noun's country is read, most confident first, from
- a nationality adjective or country after it: «الشرطة العراقية», «جندي أفغاني», «حكومة إيران» (0.9);
- a name in construct after it: «حكومة السنيورة», «قوات مناوي», «شرطة بغداد» (0.85);
- «في» + a place after it, or for groups of people «من» + a place: «متظاهرون في ضواحي نابولي» (0.8);
- the country an earlier mention of the same noun stated: «الشرطة الأردنية» … «الشرطة» (0.7);
- else the sentence's country (the most weighted country mention in it, the nearest on a tie) (0.6), else the
  article's (its dateline place, or a country mentioned at least twice and more than any other) (0.5).
A noun with no country stays unlinked (``actor`` null) but keeps its agent code («COP»).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress

from marsad.actors.base import RANK_PETRARCH, ActorBase, AgentNoun, strip_article
from marsad.actors.match import _orig_offset, choose, scan, token_keys
from marsad.actors.roles import country_of_token, head_of
from marsad.text import Token, normalize_for_match
from marsad.text.tokens import token_norm

CONF_ATTACHED, CONF_CONSTRUCT, CONF_PLACE, CONF_EARLIER, CONF_SENTENCE, CONF_ARTICLE = 0.9, 0.85, 0.8, 0.7, 0.6, 0.5
LOCATIVE_NOUNS = frozenset(strip_article(normalize_for_match(w)) for w in """ضواحي ضاحية شمال جنوب شرق غرب وسط
مدينة العاصمة عاصمة محافظة منطقة إقليم ولاية قرية بلدة مخيم أنحاء شوارع ساحة مدن مناطق قطاع""".split())
QUANTITY = frozenset(normalize_for_match(w) for w in """نحو حوالي قرابة زهاء عشرات مئات آلاف الاف ألوف عدد
بضعة""".split())
_BREAK = re.compile(r"[.!?؟\n]")
# A noun after these is part of a name («حزب العمال», «حركة المتمردين»), not an agent of its own.
NAME_HEADS = frozenset(normalize_for_match(w) for w in """حزب حركة جبهة تنظيم منظمة اتحاد رابطة جمعية تيار كتلة
ائتلاف هيئة لجنة مؤسسة""".split())
OPEN_QUOTES, CLOSE_QUOTES = frozenset("«\"“"), frozenset("»\"”")
# Weight of a country mention when choosing the context country: places and nationalities say where the
# story is; people and organisations only whose they are.
PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})


@dataclass
class AgentHit:
    i: int
    j: int
    start: int
    end: int
    noun: AgentNoun
    country: str | None = None
    conf: float = 0.0
    absorbed: list = field(default_factory=list)  # mentions (nationality words) the agent takes over
    mention: object = None  # an unlinked tagger mention («الشرطة العراقية» tagged ORG) the hit re-links


def _starts_agent(base: ActorBase, tok: Token) -> bool:
    hit = base.agent_memo.get(tok.norm)
    if hit is None:
        hit = base.agent_memo[tok.norm] = any((k[1],) in base.agent_prefixes for k in token_keys(tok))
    return hit


def match_agent(tokens: list[Token], base: ActorBase, k: int, hi: int | None = None):
    """Longest agent noun starting at token ``k``: ``(end, noun, proclitic chars trimmed)`` or ``None``."""
    hi = len(tokens) if hi is None else hi
    prefixes, complete = base.agent_prefixes, base.agent_keys
    for _, exact, trimmed in token_keys(tokens[k]):
        keys = (exact,)
        if keys not in prefixes:
            continue
        best = (k + 1, complete[keys]) if keys in complete else None
        n = k + 1
        while n < hi:
            nxt = next((keys + (e,) for _, e, _ in token_keys(tokens[n]) if keys + (e,) in prefixes), None)
            if nxt is None:
                break
            keys = nxt
            n += 1
            if keys in complete:
                best = (n, complete[keys])
        if best is not None:
            return best[0], best[1], trimmed
    return None


def _definite_word(tok: Token) -> bool:
    return tok.norm[:1].isalpha() and any(f.startswith("ال") and len(f) >= 4 for f in tok.forms)


def _adjective_use(tokens: list[Token], k: int, noun: AgentNoun) -> bool:
    """Singular nouns that are also adjectives («الصراع المسلح», «هجوم مسلح») count only after a number."""
    if not noun.adjective:
        return False
    prev = tokens[k - 1] if k > 0 else None
    return not (prev is not None and (prev.norm.isdigit() or prev.norm in QUANTITY))


def _quoted_name(tokens: list[Token], k: int, end: int) -> bool:
    """«جيش الإسلام»: a noun opening a short quoted name."""
    if k == 0 or tokens[k - 1].norm not in OPEN_QUOTES:
        return False
    return any(t.norm in CLOSE_QUOTES for t in tokens[end:end + 3])


def find_agents(body: str, tokens: list[Token], base: ActorBase, mentions: list, blocked: bytearray,
                norms: list[str] | None = None) -> list[AgentHit]:
    """Agent nouns in tokens not ``blocked`` (mentions, roles), with the country each one is given (``norms``:
    every token's ``norm``, when the caller has them)."""
    hits: list[AgentHit] = []
    for m in mentions:  # organisations the tagger found that the base does not know: «الشرطة العراقية»
        # unlinked, or linked to a Petrarch entry of no country («وزارة داخلية»: some ministry of the interior)
        if (m.actor is None or (m.actor.rank == RANK_PETRARCH and not m.actor.country)) \
                and m.kind == "name" and (m.type in ("ORG", "MISC") or m.agent is not None):
            found = (None, m.agent) if m.agent is not None else next(
                (f for f in (match_agent(tokens, base, x, m.j) for x in range(m.i, min(m.i + 3, m.j))
                             if _starts_agent(base, tokens[x])) if f is not None), None)
            if found is not None:
                h = AgentHit(m.i, m.j, m.start, m.end, found[1], mention=m)
                if m.country:
                    h.country, h.conf = m.country, CONF_ATTACHED
                hits.append(h)
    # candidate tokens found with C-level loops: the memo answers almost every word after the first articles
    flags = list(map(base.agent_memo.get, map(token_norm, tokens) if norms is None else norms))
    if None in flags:  # new words: one pass (searching the list again per word cost more than the rest)
        for k, flag in enumerate(flags):
            if flag is None:
                flags[k] = _starts_agent(base, tokens[k])
    last = 0
    for k in compress(range(len(tokens)), flags):
        if k < last or blocked[k]:
            continue
        found = match_agent(tokens, base, k)
        if found is None or any(blocked[k:found[0]]):
            continue
        end, noun, trimmed = found
        last = end
        if (noun.adjective and _adjective_use(tokens, k, noun)) or (k > 0 and tokens[k - 1].norm in NAME_HEADS) \
                or _quoted_name(tokens, k, end):
            continue
        hits.append(AgentHit(k, end, _orig_offset(tokens[k], trimmed), tokens[end - 1].end, noun))
    if not hits:
        return hits
    at = {m.i: m for m in mentions}
    context = _Context(body, tokens, mentions)
    explicit: dict[str, str] = {}  # slug → country an earlier mention stated («الشرطة الأردنية» … «الشرطة»)
    hits.sort(key=lambda x: x.i)
    for h in hits:
        if h.country is None:
            _place(h, tokens, base, at, blocked)
        # a definite noun right before a person's name is a title («المواطن الأردني سمير …», «الجندي أحمد»)
        if h.mention is None and h.j in at and at[h.j].type == "PER" and _definite_word(tokens[h.i]):
            h.noun = None
        if h.noun is None:
            continue
        if h.country is not None and h.conf >= CONF_PLACE:
            explicit.setdefault(h.noun.slug, h.country)
        elif h.country is None and h.noun.slug in explicit:
            h.country, h.conf = explicit[h.noun.slug], CONF_EARLIER
        if h.country is None and not h.noun.attached_only:
            h.country, h.conf = context.country(h.i)
    # an attached-only noun with nothing attached («أبناء الأمة») is no actor
    return [h for h in hits if h.noun is not None and (h.country or not h.noun.attached_only)]


def _place(h: AgentHit, tokens: list[Token], base: ActorBase, at: dict, blocked: bytearray) -> None:
    """Country attached to the noun by the words after it (sets ``h.country``, may extend ``h.j``)."""
    n = len(tokens)
    j = h.j
    if h.noun.construct and h.mention is None and j < n and _definite_word(tokens[j]) and j not in at and not blocked[j] \
            and not country_of_token(tokens[j], base) and not head_of(tokens[j]):
        j += 1  # «وزارة الداخلية», «قوات الاحتلال»
    h.j, h.end = j, tokens[j - 1].end
    if j >= n:
        return
    c = country_of_token(tokens[j], base)
    m = at.get(j)
    if c:
        if m is not None and m.type == "NORP":
            h.absorbed.append(m)
            h.j, h.end = m.j, tokens[m.j - 1].end
            h.country, h.conf = c, CONF_ATTACHED
        elif m is None or m.country == c:
            h.country, h.conf = c, CONF_ATTACHED
        return
    # a name in construct follows an indefinite noun only: «حكومة السنيورة», not «اعتقلت الشرطة أحمد»
    construct = not _definite_word(tokens[h.i])
    if m is not None and construct:
        if m.country:
            h.country, h.conf = m.country, CONF_CONSTRUCT
        elif m.type == "ORG" and m.actor is not None:
            h.noun = None  # «قوات حلف الأطلسي»: the organisation is the actor
        return
    if construct and m is None and not blocked[j]:
        # a name the base links only when tagged: a person or group («قوات مناوي»), for groups of people a
        # place only («أبناء دارفور»; «مسلح إسلامي» is no person)
        types = ("GPE", "LOC") if h.noun.group else ("PER", "ORG", "GPE", "LOC")
        found = scan(tokens, base, j, min(j + 4, n), auto_only=False)
        if found and found[0].i == j:
            actor = choose([a for a in found[0].aliases if a.kind in ("name", "surname", "place", "seat")
                            and a.actor.type in types])
            if actor is not None and actor.country:
                h.country, h.conf = actor.country, CONF_CONSTRUCT
                return
    # «في بغداد», «من ألمانيا» (groups of people), one adjective and one locative noun allowed before
    p = j
    if _definite_word(tokens[p]) and p not in at and p + 1 < n:
        p += 1
    tok = tokens[p]
    preps = ("في", "من") if h.noun.group else ("في",)
    q = p + 1 if tok.norm in preps else None
    if q is None and tok.norm[:1] == "ب" and p in at:
        q = p  # «ببغداد»
    if q is None or q >= n:
        return
    if q not in at and q + 1 < n and any(strip_article(f) in LOCATIVE_NOUNS for f in tokens[q].forms[:2]):
        q += 1
    m = at.get(q)
    if m is not None and m.type in ("GPE", "LOC") and m.country:
        h.country, h.conf = m.country, CONF_PLACE


class _Context:
    """Sentence and article countries, computed once per article on first need."""

    def __init__(self, body: str, tokens: list[Token], mentions: list):
        self.body, self.tokens, self.mentions = body, tokens, mentions
        self.breaks: list[int] | None = None  # offsets of sentence ends and line breaks
        self.by_sentence: dict[int, list] = {}
        self.doc: tuple[str | None, float] | None = None

    def _article(self) -> tuple[str | None, float]:
        body = self.body
        for m in self.mentions:
            if m.country and m.type in ("GPE", "LOC"):
                line_start = body.rfind("\n", 0, m.start) + 1
                if not body[line_start:m.start].strip() and body[m.end:m.end + 3].strip()[:1] in ("-", "–", "(", "ـ"):
                    return m.country, CONF_SENTENCE  # dateline «بغداد - …»
                break
        weight: dict[str, float] = {}
        for m in self.mentions:
            if m.country:
                weight[m.country] = weight.get(m.country, 0.0) + (1.0 if m.type in PLACE_TYPES else 0.5)
        ranked = sorted(weight.items(), key=lambda x: -x[1])
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            return ranked[0][0], CONF_ARTICLE
        return None, 0.0

    def country(self, k: int) -> tuple[str | None, float]:
        if self.breaks is None:
            self.breaks = [m.start() for m in _BREAK.finditer(self.body)]
            # mentions with a country, by sentence (the index of the first break after their start)
            self.by_sentence = {}
            for m in self.mentions:
                if m.country:
                    self.by_sentence.setdefault(bisect_right(self.breaks, m.start), []).append(m)
        breaks = self.breaks
        s = bisect_right(breaks, self.tokens[k].start)
        lo = breaks[s - 1] if s else -1
        hi = breaks[s] if s < len(breaks) else len(self.body)
        best: dict[str, list[float]] = {}
        for m in self.by_sentence.get(s, ()):
            if not lo < m.start < hi:
                continue
            w = 1.0 if m.type in PLACE_TYPES else 0.5
            d = abs(m.i - k)
            b = best.setdefault(m.country, [0.0, float(len(self.tokens))])
            b[0] += w
            b[1] = min(b[1], d)
        if best:
            c = max(best.items(), key=lambda x: (x[1][0], -x[1][1]))[0]
            return c, CONF_SENTENCE
        if self.doc is None:
            self.doc = self._article()
        return self.doc
