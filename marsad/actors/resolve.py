"""Entities for one article: link tagger spans and base aliases, read roles, resolve coreference.

``resolve(body, spans)`` is the whole stage: tagger spans are split into title/role and name, linked to the
actor base (exact, normalised, fuzzy); base aliases the tagger missed are added when they may stand alone
(countries, nationalities, capitals, seats of power, organisations, known people); capitals are the state
when they act and the city when they are a place; surnames, name variants and role-only phrases
(«السفير الإيراني») join the person they point back to; agent nouns («الشرطة», «المتظاهرون», «الحكومة»)
become generic actors of the country the text gives them (``marsad.actors.agents``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, islice, repeat

from marsad.actors.agents import find_agents, match_agent
from marsad.actors.base import (
    PLACE_STOP,
    RANK_PETRARCH,
    Actor,
    ActorBase,
    AgentNoun,
    light_stem,
    load_base,
    skeleton,
    strip_article,
)
from marsad.actors.match import Match, choose, link_name, scan, token_keys
from marsad.actors.roles import (
    _HEAD_MEMO,
    _MISSING,
    GOV_COMPOUNDS,
    LINKS,
    STOPS,
    _head,
    agent_of,
    country_of_token,
    head_of,
    role_after,
    role_before,
    strip_titles,
)
from marsad.actors.translit import transliterate
from marsad.errors import UsageError
from marsad.records import Entity, Span
from marsad.text import Token, normalize_for_match, tokenize, tokenize_body
from marsad.text.tokens import token_end, token_norm, token_start

TYPES = {"PER", "ORG", "GPE", "LOC", "MISC", "NORP"}
LOCATIVE_BEFORE = frozenset(normalize_for_match(w) for w in """في الى إلى نحو قرب داخل خارج شمال جنوب شرق غرب وسط
عاصمة العاصمة مدينة ضواحي أنحاء حتى عبر مطار شوارع وصل زار زارت يزور تزور سيزور ستزور زيارة زيارته زيارتها بزيارة
توجه يتوجه غادر غادرت يغادر مقر وصل وصلت يصل سيصل
سفارة قنصلية منطقة ريف محافظة أطراف""".split())


# CAMEO agent of an unlinked organisation from its head noun («الشرطة العراقية» → IRQCOP).
ORG_AGENT = {normalize_for_match(k): v for k, v in {
    "حكومة": "GOV", "وزارة": "GOV", "رئاسة": "GOV", "برلمان": "LEG", "مجلس": "GOV", "جيش": "MIL", "قوات": "MIL",
    "شرطة": "COP", "حزب": "PTY", "وكالة": "MED", "صحيفة": "MED", "قناة": "MED", "جامعة": "EDU", "شركة": "BUS",
    "بنك": "BUS", "محكمة": "JUD", "استخبارات": "SPY", "مخابرات": "SPY"}.items()}


class SpanError(UsageError):
    """A span given to ``resolve`` does not fit the body or has an unknown type."""

    code = "M501"


@dataclass
class _Mention:
    start: int
    end: int
    i: int
    j: int
    type: str
    actor: Actor | None = None
    conf: float = 0.0
    kind: str = "name"  # name, nisba, seat, place, role, surname
    roles: list[tuple[int, int]] = field(default_factory=list)  # token ranges
    keys: tuple[str, ...] = ()  # exact token keys of the name
    country: str | None = None
    agent: AgentNoun | None = None  # a generic actor («الشرطة»)


def _tok_range(starts: list[int], ends: list[int], s: int, e: int) -> tuple[int, int]:
    return bisect_right(ends, s), bisect_left(starts, e)


def _keys(tokens: list[Token], i: int, j: int) -> tuple[str, ...]:
    return tuple(strip_article(tokens[k].norm) for k in range(i, j))


def _text(body: str, tokens: list[Token], i: int, j: int) -> str:
    return body[tokens[i].start:tokens[j - 1].end]


def _mention_of(m: Match, typ: str | None, base: ActorBase, tokens: list[Token]) -> _Mention:
    types = {"PER"} if typ == "PER" else None
    actor = choose(m.aliases, types)
    kind = m.aliases[0].kind if m.aliases else "name"
    if actor is None and typ in SPAN_TYPES:
        # a tagged organisation or place: the aliases of that type decide («الحوثي» tagged ORG is the group,
        # not the leader's surname)
        fit = [a for a in m.aliases if a.actor.type in SPAN_TYPES[typ] and a.kind != "surname"]
        actor = choose(fit)
        if actor is not None:
            kind = fit[0].kind
    if actor is None:
        mtype = typ or (m.aliases[0].actor.type if m.aliases else "MISC")
    else:
        mtype = "NORP" if kind == "nisba" else actor.type
    return _Mention(m.start, m.end, m.i, m.j, mtype, actor, m.confidence if actor else 0.0, kind,
                    keys=_keys(tokens, m.i, m.j), country=actor.country if actor else None)


SPAN_TYPES = {"ORG": {"ORG"}, "GPE": {"GPE", "LOC"}, "LOC": {"GPE", "LOC"}}


def _person_alias(m: Match) -> bool:
    """Whether a base alias may stand for a person span it holds: a person's name, not a place or nationality
    that merely surrounds it («الملك سلمان» around «سلمان»)."""
    return any(a.actor.type == "PER" for a in m.aliases)


def _from_span(body: str, tokens: list[Token], i: int, j: int, typ: str,
               base: ActorBase) -> _Mention | list[_Mention] | None:
    agent = _agent_span(tokens, i, j, base)
    if agent is not None:  # «المتظاهرون», «الشرطة الكينية»: a generic actor, no name to link (or fuzzy-match)
        return _Mention(tokens[i].start, tokens[j - 1].end, i, j, "ORG" if typ == "MISC" else typ,
                        keys=_keys(tokens, i, j), country=agent[1], agent=agent[0])
    inner = scan(tokens, base, i, j, auto_only=False)
    if typ == "PER":
        _, n = strip_titles(tokens, i, j, base)
        # a known name that ends the span: a full name anywhere after the titles or holding them («أمير قطر»),
        # a surname only alone; or a full name that a patronymic chain continues («محمد بن سلمان بن عبد العزيز»)
        per = [m for m in inner if choose(m.aliases, {"PER"}) and (
            (m.j == j and (m.i == n or (m.j - m.i >= 2 and m.i != n and m.aliases[0].kind != "surname")))
            or (m.j < j and m.i <= n and m.j - m.i >= 2 and tokens[m.j].norm in PATRONYMIC))]
        if per:
            m = max(per, key=lambda x: (x.j - x.i, -x.i))
            men = _mention_of(m, "PER", base, tokens)
            if m.j < j:
                men.end, men.j = tokens[j - 1].end, j
            if m.i > i and head_of(tokens[i]):
                men.roles.append((i, m.i))
            return men
        if n >= j:
            return None
        if all(country_of_token(tokens[k], base) for k in range(n, j)):
            country = country_of_token(tokens[n], base)
            if any(head_of(tokens[x]) for x in range(i, n)):
                # «الرئيس التشادي» tagged PER: an office named by its role, for coreference to resolve
                return _Mention(_role_start(tokens, i), tokens[j - 1].end, i, j, "PER", kind="role",
                                country=country)
            if j - n == 1:  # «الكوستاريكي» tagged PER: a person named by nationality
                return _Mention(tokens[n].start, tokens[j - 1].end, n, j, "PER", kind="demonym",
                                keys=_keys(tokens, n, j), country=country)
        name = _text(body, tokens, n, j)
        actor, conf = link_name(name, base, {"PER"})
        men = _Mention(tokens[n].start, tokens[j - 1].end, n, j, "PER", actor, conf, keys=_keys(tokens, n, j),
                       country=actor.country if actor else None)
        if n > i and head_of(tokens[i]):
            men.roles.append((i, n))
        return men
    if inner:
        m = max(inner, key=lambda x: (x.j - x.i, -x.i))
        _, n = strip_titles(tokens, i, j, base)
        whole = m.j == j and (m.i == i or m.i == n)
        if whole:
            men = _mention_of(m, typ, base, tokens)
            # «حكومة إيران» tagged ORG ends with a country name: the span is the organisation, not the country
            if not (typ in ("ORG", "MISC") and men.type == "GPE" and men.kind == "name" and m.j - m.i < j - i):
                return men
    if typ == "MISC":
        # a MISC span that is not one known name: the known names inside it are the mentions
        parts = [_mention_of(m, None, base, tokens) for m in inner if any(a.auto for a in m.aliases)]
        parts = [p for p in parts if p.actor is not None]
        if parts:
            return parts
    country = next((c for c in (country_of_token(tokens[k], base) for k in range(i, j)) if c), None)
    if country is None:  # names that stand alone first («جامعة صنعاء»: Sanaa, not the Algerian town Djamaa),
        # then places linked only when named, unless the word is a common noun («لجنة», «مدينة»)
        country = next((a.country for auto in (True, False) for m in inner
                        if auto or not _common_word(tokens[m.i])
                        for a in [choose([x for x in m.aliases if x.kind != "surname"
                                          and (x.auto if auto else x.actor.type in ("GPE", "LOC"))])]
                        if a is not None and a.country), None)
    types = {"ORG"} if typ == "ORG" else {"GPE", "LOC"} if typ in ("GPE", "LOC") else None
    actor, conf = (None, 0.0)
    if typ in ("GPE", "LOC", "ORG"):
        actor, conf = link_name(_text(body, tokens, i, j), base, types)
        if actor is not None and country and actor.country and actor.country != country:
            actor, conf = None, 0.0  # a near name of another country («وكالة الأنباء الإماراتية» ≠ Mauritania's)
    return _Mention(tokens[i].start, tokens[j - 1].end, i, j, typ, actor, conf, keys=_keys(tokens, i, j),
                    country=(actor.country if actor else country))


POSTED_AT = frozenset(normalize_for_match(w) for w in ("لدى", "في"))
MAX_ROLE_ONLY = 6  # words of a role-only mention after its head («كاتب الدولة المكلف بالشؤون الخارجية المغربي»)


def _definite_or_link(tok: Token) -> bool:
    return tok.norm in LINKS or any(f.startswith("ال") and len(f) >= 4 for f in tok.forms[:3])


PATRONYMIC = frozenset(normalize_for_match(w) for w in "بن ابن بنت".split())


def _role_start(tokens: list[Token], k: int) -> int:
    """Start of a role mention at token ``k``, a leading conjunction before the article left out («والرئيس»)."""
    tok = tokens[k]
    if tok.norm[0] in "وف" and tok.forms[0] != tok.forms[-1] and tok.norm[1:3] == "ال":
        return tok.start + len(tok.text) - len(tok.text.lstrip("وف"))
    return tok.start


_SPAN_MEMO: dict[tuple, tuple] = {}


def _span_mentions(body: str, tokens: list[Token], i: int, j: int, typ: str,
                   base: ActorBase) -> _Mention | list[_Mention] | None:
    """``_from_span``, remembered per span text and type: the result depends on the span's words only, and
    names recur across articles. Offsets and token indices are kept relative to the span and fresh
    mentions are made on each use (later steps change them)."""
    s0 = tokens[i].start
    key = (typ, body[s0:tokens[j - 1].end], id(base))
    hit = _SPAN_MEMO.get(key)
    if hit is None:
        men = _from_span(body, tokens, i, j, typ, base)
        many = isinstance(men, list)
        rel = tuple((m.start - s0, m.end - s0, m.i - i, m.j - i, m.type, m.actor, m.conf, m.kind,
                     tuple((a - i, b - i) for a, b in m.roles), m.keys, m.country, m.agent)
                    for m in (men if many else [men] if men is not None else []))
        if len(_SPAN_MEMO) > 50_000:
            _SPAN_MEMO.clear()
        _SPAN_MEMO[key] = (many, rel)
        return men
    many, rel = hit
    out = [_Mention(s0 + a, s0 + b, i + di, i + dj, t, actor, conf, kind, [(i + x, i + y) for x, y in roles],
                    keys, country, agent)
           for a, b, di, dj, t, actor, conf, kind, roles, keys, country, agent in rel]
    if many:
        return out
    return out[0] if out else None


def _agent_span(tokens: list[Token], i: int, j: int, base: ActorBase) -> tuple[AgentNoun, str | None] | None:
    """A span that is an agent noun and nationality words only: the noun and the country, else None."""
    if not base.agent_memo.get(tokens[i].norm, True):
        return None
    found = match_agent(tokens, base, i, j)
    if found is None:
        return None
    country = None
    for k in range(found[0], j):
        c = country_of_token(tokens[k], base)
        if not c:
            return None
        country = country or c
    return found[1], country


PLACE_INTRO = frozenset(strip_article(normalize_for_match(w)) for w in """مدينة بلدة قرية مستوطنة محافظة ولاية
إقليم اقليم منطقة مخيم ضاحية مقاطعة العاصمة""".split())


_INTRO_MEMO: dict[str, bool] = {}


def _common_word(tok: Token) -> bool:
    """A word that names a kind of thing (place nouns, role heads, organisation nouns), not one place, though
    a small town somewhere is spelled the same («مدينة», «لجنة»)."""
    for form in tok.forms[:3]:
        k = strip_article(form)
        if k in PLACE_INTRO or k in LINKS or _head((form,)) or form in PLACE_STOP:
            return True
    return False


def _add_introduced_places(tokens: list[Token], base: ActorBase, mentions: list[_Mention],
                           norms: list[str]) -> None:
    """Small places the base only links when tagged, added after «مدينة», «قرية», «ولاية» … ."""
    taken = bytearray(len(tokens))
    for m in mentions:
        taken[m.i:m.j] = b"\x01" * (m.j - m.i)
    memo = _INTRO_MEMO
    if len(memo) > 200_000:  # a long ingest meets new words without end: keep the memo bounded
        memo.clear()
    flags = list(map(memo.get, islice(norms, max(len(norms) - 1, 0))))  # C-level: the memo knows almost every word
    if None in flags:  # new words: one pass (searching the list again per word cost more than the rest)
        for k, flag in enumerate(flags):
            if flag is None:
                prev = tokens[k]
                flags[k] = memo[prev.norm] = any(strip_article(f) in PLACE_INTRO for f in prev.forms[:2])
    starts = base.start_keys
    for k in compress(range(1, len(tokens)), flags):
        if taken[k] or starts.get(tokens[k].norm) == ():
            continue  # taken, or a word that begins no alias at all
        found = scan(tokens, base, k, min(k + 4, len(tokens)), auto_only=False)
        if not found or found[0].i != k or any(taken[found[0].i:found[0].j]):
            continue
        m = found[0]
        place = choose([a for a in m.aliases if a.kind in ("place", "seat", "name") and a.actor.type == "GPE"])
        if place is None:
            continue
        if place.id.startswith("marsad:gpe/"):
            continue  # a country name after «منطقة» is already found by the main scan
        mentions.append(_Mention(m.start, m.end, m.i, m.j, "GPE", place, m.confidence, "place",
                                 keys=_keys(tokens, m.i, m.j), country=place.country))
        taken[m.i:m.j] = b"\x01" * (m.j - m.i)


def _locative(tokens: list[Token], m: _Mention, body: str) -> bool:
    tok = tokens[m.i]
    if tok.norm != tok.forms[-1] and tok.norm[0] == "ب" and len(tok.forms) > 1:
        return True  # «بموسكو»
    if m.i > 0 and tokens[m.i - 1].norm in LOCATIVE_BEFORE:
        return True
    if m.i > 0 and any(f in LOCATIVE_BEFORE for f in tokens[m.i - 1].forms):
        return True
    # dateline «طهران - إرنا» at a paragraph start
    line_start = body.rfind("\n", 0, m.start) + 1
    if not body[line_start:m.start].strip() and body[m.end:m.end + 3].strip()[:1] in ("-", "–", "(", "ـ"):
        return True
    return False


_FOREIGN_CITY: dict[tuple[str, ...], Actor | None] = {}


def _foreign_city(tokens: list[Token], base: ActorBase, men: _Mention) -> Actor | None:
    """The largest city of another country that the country name of ``men`` also spells, else None."""
    key = men.keys
    if key in _FOREIGN_CITY:
        return _FOREIGN_CITY[key]
    places = [a for m in scan(tokens, base, men.i, men.j, auto_only=False) if m.i == men.i and m.j == men.j
              for a in m.aliases if a.kind == "place" and a.actor.country != men.actor.country]
    place = max((a.actor for a in places), key=lambda a: a.population, default=None)
    if place is not None and place.population < 500_000:
        place = None  # a small namesake town is no reading of a country's name
    if len(_FOREIGN_CITY) > 10_000:
        _FOREIGN_CITY.clear()
    _FOREIGN_CITY[key] = place
    return place


def _role_heads(tokens: list[Token], rng: tuple[int, int]) -> list[str]:
    out = []
    for k in range(*rng):
        h = head_of(tokens[k])
        if h:
            if k + 1 < len(tokens) and (h, strip_article(tokens[k + 1].forms[-1])) in GOV_COMPOUNDS:
                h = "وزير"  # «كاتب الدولة»: a member of government
            out.append(light_stem(h))
    return out


def _role_keys(tokens: list[Token], rng: tuple[int, int]) -> set[str]:
    return {light_stem(strip_article(tokens[k].forms[-1])) for k in range(*rng)}


def _role_country(tokens: list[Token], rng: tuple[int, int], base: ActorBase) -> str | None:
    for k in range(*rng):
        c = country_of_token(tokens[k], base)
        if c:
            return c
    return None


def _role_place_country(tokens: list[Token], rng: tuple[int, int], base: ActorBase) -> str | None:
    """The country of a city named in a role («مدير الشرطة في البصرة» → IRQ), for people not in the base."""
    for m in scan(tokens, base, rng[0], rng[1], auto_only=False):
        place = choose([a for a in m.aliases if a.kind in ("place", "seat") and a.actor.type == "GPE"])
        if place is not None and place.country:
            return place.country
    return None


@dataclass
class _Cluster:
    mentions: list[_Mention]
    actor: Actor | None
    type: str
    roles: list[tuple[int, int]] = field(default_factory=list)
    country: str | None = None
    agent: AgentNoun | None = None

    @property
    def first(self) -> int:
        return self.mentions[0].start


def resolve(body: str, spans: list[tuple[int, int, str]] | tuple = (), *,
            base: ActorBase | None = None, tokens: list[Token] | None = None,
            date: str | None = None) -> tuple[Entity, ...]:
    """Entities of ``body`` from tagger ``spans`` ``(start, end, type)`` plus unambiguous base aliases.

    ``tokens`` may pass ``marsad.text.tokenize(body)`` when an earlier stage already has it. ``date`` (the
    article's ISO date) picks the code of the office a person held then («أولمرت» in 2007: ISRGOV).
    """
    base = load_base() if base is None else base
    if tokens is None:
        tokens = tokenize_body(body)
    starts = list(map(token_start, tokens))
    ends = list(map(token_end, tokens))
    covered = bytearray(len(tokens))
    mentions: list[_Mention] = []
    # base aliases over the whole text: they add what the tagger missed, and one that holds a tagger span
    # and more («جنوب أفريقيا» around «أفريقيا», «قناة «الجزيرة»» around «الجزيرة») replaces the span
    norms = list(map(token_norm, tokens))  # read by several passes below
    full = scan(tokens, base, norms=norms)
    if spans:
        ranges = []
        size = len(body)
        for span in sorted(spans):
            s, e, typ = span
            if not (0 <= s < e <= size) or typ not in TYPES:
                raise SpanError(f"span {span!r} does not fit a body of {len(body)} characters or has an "
                                "unknown type")
            i, j = bisect_right(ends, s), bisect_left(starts, e)
            if i < j:
                ranges.append((i, j, typ))
        tagged = bytearray(len(tokens))
        for i, j, _ in ranges:
            tagged[i:j] = b"\x01" * (j - i)
        first = [m.i for m in full]
        for i, j, typ in ranges:
            if covered.find(1, i, j) >= 0:
                continue
            k = bisect_right(first, i) - 1
            if k >= 0:
                m = full[k]
                if (m.j >= j and m.j - m.i > j - i and covered.find(1, m.i, m.j) < 0
                        and tagged.count(1, m.i, m.j) == j - i and (typ != "PER" or _person_alias(m))):
                    mentions.append(_mention_of(m, None, base, tokens))
                    covered[m.i:m.j] = b"\x01" * (m.j - m.i)
                    continue
            men = _span_mentions(body, tokens, i, j, typ, base)
            covered[i:j] = b"\x01" * (j - i)
            if isinstance(men, list):
                mentions.extend(men)
            elif men is not None:
                mentions.append(men)
        adds = []
        for n, m in enumerate(full):
            if covered.find(1, m.i, m.j) < 0:
                adds.append(m)
                continue
            # a tagger span took the start of this alias: other aliases may begin at the words after it that
            # no span took (scanning over covered words finds nothing new)
            lo = covered.find(0, m.i + 1, m.j) if covered[m.i] else -1
            if lo >= 0:
                hi = full[n + 1].i if n + 1 < len(full) else len(tokens)
                adds.extend(x for x in scan(tokens, base, lo, hi, skip=covered)
                            if covered.find(1, x.i, x.j) < 0)
        full = adds
    for m in full:
        mentions.append(_mention_of(m, None, base, tokens))
    _add_introduced_places(tokens, base, mentions, norms)
    mentions.sort(key=lambda x: x.start)

    # roles around person names; nationality words inside a person's role belong to that person
    in_role = bytearray(len(tokens))
    occupied = bytearray(len(tokens))  # 1: any mention, 2: a person or organisation
    for men in mentions:
        occupied[men.i:men.j] = (b"\x02" if men.type in ("PER", "ORG") else b"\x01") * (men.j - men.i)
    people = [(idx, men) for idx, men in enumerate(mentions) if men.type == "PER"]
    floor = 0  # end of the farthest-reaching person mention before this one
    for n, (idx, men) in enumerate(people):
        if n:
            floor = max(floor, people[n - 1][1].j)
        if men.agent is not None or men.kind in ("role", "demonym"):
            continue
        left = role_before(tokens, men.i if not men.roles else men.roles[0][0], base, floor)
        if left:
            men.roles.insert(0, left)
        nxt = people[n + 1][1].i if n + 1 < len(people) else len(tokens)
        right = role_after(tokens, men.j, base, nxt)
        if right:
            men.roles.append(right)
        for a, b in men.roles:
            in_role[a:b] = b"\x01" * (b - a)
    # inside a person's role, nationality words and inflected (agreeing) organisation names are the role's
    mentions = [m for m in mentions if not (any(in_role[m.i:m.j]) and (
        m.type == "NORP" or (m.type == "ORG" and m.conf < 1.0)))]

    # capitals: the state when they act, the city when they are a place
    for men in mentions:
        if men.kind != "seat" or men.actor is None:
            continue
        key = tuple(light_stem(k) for k in men.keys)
        if key in base.seat_keys or not _locative(tokens, men, body):
            continue
        places = [a for m in scan(tokens, base, men.i, men.j, auto_only=False) for a in m.aliases
                  if a.kind == "place"]
        place = choose(places)
        if place is not None:
            men.actor, men.kind, men.country = place, "place", place.country

    # a country's name that is also a city of another country («عمان»: Oman, or Amman): the city after that
    # country's nationality word («العاصمة الأردنية عمان»), or as a place («في عمان») in a text that names
    # the city's country and not the other one
    named = None
    for men in mentions:
        if men.kind != "name" or men.actor is None or not men.actor.id.startswith("marsad:gpe/"):
            continue
        place = _foreign_city(tokens, base, men)
        if place is None:
            continue
        before = country_of_token(tokens[men.i - 1], base) if men.i > 0 else None
        if before != place.country:
            if not _locative(tokens, men, body):
                continue
            if named is None:  # countries named by other words («الأردنية», «العماني»)
                named = {country_of_token(t, base) for t in tokens
                         if not any(k[1] == men.keys[-1] for k in token_keys(t))}
            if place.country not in named or men.actor.country in named:
                continue
        men.actor, men.kind, men.country, men.type = place, "place", place.country, "GPE"

    # role-only mentions («السفير الإيراني», «الوزير») as candidates
    role_only: list[_Mention] = []
    mention_at = {m.i: m for m in mentions}
    heads = list(map(_HEAD_MEMO.get, norms, repeat(_MISSING)))  # C-level, as above
    if _MISSING in heads:  # new words: one pass
        for x, head in enumerate(heads):
            if head is _MISSING:
                heads[x] = head_of(tokens[x])
    k = 0
    for pos in compress(range(len(tokens)), heads):
        if pos < k:
            continue
        k = pos
        tok = tokens[k]
        if occupied[k] or in_role[k]:
            continue
        definite = any(f.startswith("ال") for f in tok.forms)
        owner = mention_at.get(k + 1) if not definite else None
        if owner is not None and owner.type == "PER" and owner.kind != "role" and (owner.country or (
                owner.actor is not None and owner.actor.country)):
            # an indefinite head in construct with a person: «سفير خادم الحرمين الشريفين (لدى مصر)» is the
            # king's ambassador, of the king's country, and the title of a name that follows
            e = owner.j
            place = mention_at.get(e + 1) if e + 1 < len(tokens) and tokens[e].norm in POSTED_AT else None
            if place is not None and place.type in ("GPE", "LOC"):
                e = place.j
            holder = mention_at.get(e + 1 if e < len(tokens) and tokens[e].norm == "،" else e)
            country = owner.country or owner.actor.country
            if holder is not None and holder.type == "PER" and holder is not owner and holder.kind != "role":
                holder.roles.insert(0, (k, e))
                in_role[k:e] = b"\x01" * (e - k)
                if holder.actor is None and holder.country is None:
                    holder.country = country
            else:
                role_only.append(_Mention(_role_start(tokens, k), tok.end, k, k + 1, "PER", kind="role",
                                          country=country, roles=[(k, e)]))
            k = e
            continue
        n = k + 1
        while n < len(tokens) and n - k <= MAX_ROLE_ONLY and occupied[n] < 2 and not head_of(tokens[n]) and (
                country_of_token(tokens[n], base) or (n == k + 1 and tokens[n].norm.startswith("ال"))
                or (n > k + 1 and _definite_or_link(tokens[n]))):
            n += 1
        while n > k + 1 and not country_of_token(tokens[n - 1], base) and n - 1 > k + 1:
            n -= 1
        if not definite and not any(country_of_token(tokens[x], base) for x in range(k + 1, n)):
            k += 1
            continue
        nxt = mention_at.get(n)
        if nxt is not None and nxt.type == "PER":
            k = n
            continue
        start = _role_start(tokens, k)
        role_only.append(_Mention(start, tokens[n - 1].end, k, n, "PER", kind="role",
                                  country=_role_country(tokens, (k + 1, n), base)))
        k = n

    # generic actors: agent nouns («الشرطة», «المتظاهرون») with the country the text gives them
    blocked = bytearray(in_role)
    for m in mentions + role_only:
        blocked[m.i:m.j] = b"\x01" * (m.j - m.i)
    hits = find_agents(body, tokens, base, mentions, blocked, norms)
    if hits:
        absorbed = {id(m) for h in hits for m in h.absorbed}
        for h in hits:
            actor = base.agent_actor(h.noun, h.country) if h.country else None
            m = h.mention
            if m is not None:
                m.actor, m.kind, m.conf, m.agent, m.country = actor, "agent", h.conf, h.noun, h.country
                m.j, m.end = h.j, h.end  # the nationality word after it, when it took one
            else:
                mentions.append(_Mention(h.start, h.end, h.i, h.j, h.noun.type, actor, h.conf, "agent",
                                         keys=("agent:" + h.noun.slug,), country=h.country, agent=h.noun))
        if absorbed:
            mentions = [m for m in mentions if id(m) not in absorbed]

    # coreference, in reading order
    clusters: list[_Cluster] = []
    by_actor: dict[tuple[str, str], _Cluster] = {}
    events = sorted(mentions + role_only, key=lambda m: m.start)
    for men in events:
        if men.kind == "role":
            target = _antecedent(clusters, tokens, men, base)
            if target is not None:
                target.mentions.append(men)
                if target.country is None and target.actor is None and men.country:
                    target.country = men.country  # «إدريس ديبي» … «الرئيس التشادي»
            elif men.country:  # an unnamed office holder of a known country («رئيس الوزراء البريطاني»)
                men.kind = "office"
                cl = _Cluster([men], None, "PER", roles=men.roles or [(men.i, men.j)], country=men.country)
                clusters.append(cl)
            continue
        if men.actor is not None:
            akey = (men.actor.id, "NORP" if men.type == "NORP" else "X")
            cl = by_actor.get(akey)
            if cl is None and men.type == "PER":
                cl = _unlinked_match(clusters, men, tokens)
                if cl is not None and cl.actor is None:
                    cl.actor = men.actor
            if cl is None:
                cl = _Cluster([], men.actor, men.type, country=men.actor.country, agent=men.agent)
                clusters.append(cl)
            by_actor[akey] = cl
            cl.mentions.append(men)
            cl.roles.extend(men.roles)
            continue
        if men.agent is not None:
            cl = next((c for c in clusters if c.actor is None and c.agent is men.agent), None)
        elif men.type == "PER":
            cl = _unlinked_match(clusters, men, tokens)
        else:
            cl = next((c for c in clusters if c.actor is None and c.agent is None and c.type == men.type
                       and c.mentions[0].keys == men.keys), None)
        if cl is None:
            cl = _Cluster([], None, men.type, country=men.country, agent=men.agent)
            clusters.append(cl)
        joined = bool(cl.mentions)
        cl.mentions.append(men)
        cl.roles.extend(men.roles)
        if cl.country is None and men.country and not (joined and men.kind == "demonym"):
            cl.country = men.country  # «منصور التركي» … «التركي»: a surname, not a nationality

    # surnames the tagger missed: the last word of a full name seen earlier
    _add_surnames(clusters, tokens, starts, body, occupied, in_role)
    # honorific pronouns («سموه», «فخامته»): the person named last before them
    _add_title_pronouns(clusters, tokens, starts, body, occupied)
    # role-only mentions took their nationality word: drop NORP mentions inside them
    taken = set()
    for cl in clusters:
        for m in cl.mentions:
            if m.kind in ("role", "office"):
                taken.update(range(m.i, m.j))
    for cl in clusters:
        if cl.type == "NORP":
            cl.mentions = [m for m in cl.mentions if not taken.intersection(range(m.i, m.j))]
    clusters = [c for c in clusters if c.mentions]
    return _entities(body, tokens, clusters, base, date)


def _unlinked_match(clusters: list[_Cluster], men: _Mention, tokens: list[Token]) -> _Cluster | None:
    keys = men.keys
    if not keys:
        return None
    if len(keys) == 1 and men.j - men.i == 1 and len(tokens[men.i].forms) > 1:
        # a surname with a clitic («لفيلدرز», «والعطية»): its bare forms too, whole word first
        for form in tokens[men.i].forms:
            found = _same_name(clusters, (strip_article(form),))
            if found is not None:
                return found
        return None
    return _same_name(clusters, keys)


def _same_name(clusters: list[_Cluster], keys: tuple[str, ...]) -> _Cluster | None:
    skel = _keys_skeleton(keys)
    for cl in reversed(clusters):
        if cl.type != "PER":
            continue
        for m in cl.mentions:
            if m.kind == "role" or not m.keys:
                continue
            mk = m.keys
            if mk == keys or (len(keys) < len(mk) and mk[-len(keys):] == keys):
                return cl
            if len(keys) == len(mk) and _keys_skeleton(mk) == skel and len(skel) >= 4:
                return cl
            if len(keys) < len(mk) and _keys_skeleton(mk[-len(keys):]) == skel and len(skel) >= 4:
                return cl
    return None


@lru_cache(maxsize=50_000)
def _keys_skeleton(keys: tuple[str, ...]) -> str:
    """The skeleton of a name given as token keys: every person mention is compared with every earlier one,
    so each name's skeleton is made once."""
    return skeleton(" ".join(keys))


def _antecedent(clusters: list[_Cluster], tokens: list[Token], men: _Mention, base: ActorBase) -> _Cluster | None:
    head = light_stem(head_of(tokens[men.i]) or "")
    extra = _role_keys(tokens, (men.i + 1, men.j)) if men.country is None else set()
    for cl in reversed(clusters):
        if cl.type != "PER":
            continue
        heads, keys = [], set()
        for rng in cl.roles:
            hs = _role_heads(tokens, rng)
            if hs:
                heads.append(hs[0])
            keys |= _role_keys(tokens, rng)
        if cl.actor is not None and cl.actor.role:
            r = _role_tokens(cl.actor.role)
            if r and head_of(r[0]):
                heads.append(light_stem(head_of(r[0])))
            keys |= {light_stem(strip_article(t.forms[-1])) for t in r}
        if head not in heads:
            continue
        country = cl.country or (cl.actor.country if cl.actor else None)
        if men.country and country and men.country != country:
            continue
        if extra and not extra <= keys:
            continue
        return cl
    return None


@lru_cache(maxsize=4096)
def _role_tokens(role: str) -> tuple[Token, ...]:
    return tuple(tokenize(role))


# Honorifics with a pronoun suffix stand for a person named before them: «وأكد سموه», «لفخامته»; the titles
# and roles each one goes with pick that person among several.
TITLE_PRONOUNS = {
    "سموه": "سمو أمير الأمير ولي العهد شيخ الشيخ", "سموها": "سمو أميرة الأميرة شيخة الشيخة",
    "جلالته": "جلالة ملك الملك عاهل العاهل سلطان السلطان", "جلالتها": "جلالة ملكة الملكة",
    "فخامته": "فخامة رئيس الرئيس", "فخامتها": "فخامة رئيسة الرئيسة",
    "معاليه": "معالي وزير الوزير أمين الأمين", "معاليها": "معالي وزيرة الوزيرة",
    "سماحته": "سماحة شيخ الشيخ مرشد المرشد آية الله السيد مفتي المفتي إمام الإمام",
}
_TITLE_CUES = {normalize_for_match(k): frozenset(normalize_for_match(w) for w in v.split())
               for k, v in TITLE_PRONOUNS.items()}


def _title_words(cl: _Cluster, tokens: list[Token]) -> set[str]:
    """Normalised words of a person's mentions, the word before each, roles and base role."""
    words = set()
    for m in cl.mentions:
        words.update(t.norm for t in tokens[max(m.i - 1, 0):m.j])
    for a, b in cl.roles:
        words.update(t.norm for t in tokens[a:b])
    if cl.actor is not None and cl.actor.role:
        words.update(t.norm for t in _role_tokens(cl.actor.role))
    return words


def _add_title_pronouns(clusters, tokens, starts, body, occupied) -> None:
    people = [c for c in clusters if c.type == "PER"]
    if not people:
        return
    for word in TITLE_PRONOUNS:
        pos = body.find(word)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            pos = body.find(word, pos + len(word))
            if k < 0 or occupied[k]:
                continue
            tok = tokens[k]
            form = next((f for f in tok.forms if f in _TITLE_CUES), None)
            if form is None:
                continue
            before = sorted(((max(m.start for m in c.mentions if m.start < tok.start), n)
                             for n, c in enumerate(people) if any(m.start < tok.start for m in c.mentions)),
                            reverse=True)
            cues = _TITLE_CUES[form]
            fit = [n for _, n in before if cues & _title_words(people[n], tokens)]
            if fit:
                cl = people[fit[0]]
            elif len(before) == 1:
                cl = people[before[0][1]]
            else:
                continue
            trimmed = len(tok.norm) - len(form)
            start = tok.start + trimmed if tok.text[:trimmed] == tok.norm[:trimmed] else tok.start
            cl.mentions.append(_Mention(start, tok.end, k, k + 1, "PER", cl.actor, 0.8, "pronoun"))
            occupied[k] = 1


def _add_surnames(clusters, tokens, starts, body, occupied, in_role) -> None:
    """Later bare surnames of people first named in full: «كاظم جلالي» … «وقال جلالي». ``starts``: the
    tokens' start offsets."""
    for cl in clusters:
        if cl.type != "PER":
            continue
        full = next((m for m in cl.mentions if len(m.keys) >= 2 and m.kind != "role"), None)
        if full is None:
            continue
        last = full.keys[-1]
        if len(last) < 4 or last in STOPS:
            continue
        written = tokens[full.j - 1].text
        pos = body.find(written, tokens[full.j - 1].end)
        while pos >= 0:
            k = bisect_right(starts, pos) - 1
            pos = body.find(written, pos + len(written))
            if k < 0 or occupied[k] or in_role[k]:
                continue
            tok = tokens[k]
            form = next((f for f in tok.forms if (f[2:] if len(f) >= 4 and f.startswith("ال") else f) == last), None)
            if form is None or head_of(tok):
                continue
            trimmed = len(tok.norm) - len(form)
            start = tok.start + trimmed if tok.text[:trimmed] == tok.norm[:trimmed] else tok.start
            cl.mentions.append(_Mention(start, tok.end, k, k + 1, "PER", cl.actor, 0.9, "surname", keys=(last,)))
            occupied[k] = 1


def _name_of(cl: _Cluster, body: str) -> str:
    if (cl.actor is not None and cl.type != "NORP" and not cl.actor.id.startswith("marsad:place/")
            and cl.actor.rank < RANK_PETRARCH):  # Petrarch names are lemmatised: show the text instead
        return cl.actor.name
    named = [m for m in cl.mentions if m.kind != "role"] or cl.mentions
    best = max(named, key=lambda m: (m.j - m.i, -m.start))
    return body[best.start:best.end]


def _entities(body: str, tokens: list[Token], clusters: list[_Cluster], base: ActorBase,
              date: str | None = None) -> tuple[Entity, ...]:
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    out = []
    for n, cl in enumerate(clusters, 1):
        ms = sorted({(m.start, m.end) for m in cl.mentions})
        mentions = tuple(Span(body[s:e], s, e) for s, e in ms)
        roles = []
        for a, b in cl.roles:
            text = _text(body, tokens, a, b).strip(" ،,")
            first = tokens[a]
            if first.norm[0] in "وف" and len(first.forms) > 1 and head_of(first) and not _head((first.norm,)):
                text = text[1:]  # «ووزير الدفاع» → «وزير الدفاع»
            if text and text not in roles:
                roles.append(text)
        actor = cl.actor
        name = _name_of(cl, body)
        country = actor.country if actor and actor.country else cl.country
        if country is None and cl.type == "PER":
            country = next((c for c in (_role_country(tokens, r, base) for r in cl.roles) if c), None) \
                or next((c for c in (_role_place_country(tokens, r, base) for r in cl.roles) if c), None)
        code = (actor.code_on(date) if actor.offices else actor.code) if actor else None
        if actor is not None and actor.offices and date and code and code[:3] in base.country_actor:
            country = code[:3]  # the office held that day: «سلفا كير» in 2007 is Sudan's vice-president
        if code is None and cl.agent is not None:
            code = cl.agent.code  # a generic actor of no known country: «COP»
        if code is None and country and cl.type in ("PER", "ORG"):
            heads = [h for r in cl.roles for h in _role_heads(tokens, r)]
            agent = next((a for a in map(agent_of, heads) if a), None)
            if cl.type == "ORG" and agent is None:
                first = cl.mentions[0]
                agent = next((ORG_AGENT[k] for k in (strip_article(f) for f in tokens[first.i].forms)
                              if k in ORG_AGENT), None)
            code = country + (agent or "")
        if code is None and country and cl.type in ("GPE", "NORP"):
            code = country
        latin = actor.latin if actor and actor.latin else None
        if latin is None and cl.agent is not None:
            latin = cl.agent.latin
        if latin is None:
            latin = transliterate(name) or None
        out.append(Entity(id=f"e{n}", type=cl.type, name=name, mentions=mentions, name_latin=latin,
                          actor=actor.id if actor else None, country=country, code=code, roles=tuple(roles)))
    return tuple(out)
