"""The actor base: countries, nationalities, capitals, organisations, people and places, loaded once.

Data files live in ``marsad/resources/actors`` (see its ``PROVENANCE.md``); ``load_base()`` reads them on
first use and caches the result for the process (nothing happens at import time). Every alias is indexed
by its token keys (normalised, article «ال» removed, light suffix stem) so that the matcher can look up
clitic-attached and inflected forms; a consonant skeleton index serves the fuzzy tier.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from marsad.errors import ResourceError
from marsad.text import normalize_for_match

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "actors"

# Source ranks: lower wins when two actors share an alias.
RANK_HAND, RANK_SEAT, RANK_PLACE, RANK_PETRARCH, RANK_AGENT = 0, 1, 2, 3, 4
AUTO_PLACE_POPULATION = 1_000_000
# Place names that are also everyday words: linked when a tagger marks them, never added on their own.
PLACE_STOP = frozenset(normalize_for_match(w) for w in """مدينة المدينة عاصمة العاصمة جزيرة الجزيرة ميناء السلام
النصر الحرية الوحدة الأمل الخليج الشرق الغرب الجنوب الشمال الوسط النور البلد الريف الساحل الدولة المركز القرية
الرياض الزهراء الصحة العين الفيصلية الشروق العبور المستقبل الثورة التحرير السادس الميدان ميدان أمان امان
مدان بحري انفا خفي""".split()) - {"الرياض"}
SEAT_WORDS = {"قصر", "بيت", "كرملين", "اليزيه", "داونينغ", "داوننغ", "كي", "سراي", "بعبدا", "قرطاج"}  # smaller places are linked when tagged, never added on their own


def _rebuilt(obj) -> tuple:
    """Pickle a slotted dataclass as a constructor call over its fields: the start-up cache unpickles tens of
    thousands of actors and aliases, and this is faster than the generic state restore."""
    return type(obj), tuple(map(obj.__getattribute__, obj.__slots__))


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    type: str  # PER ORG GPE LOC NORP
    name: str  # preferred Arabic name
    latin: str | None
    country: str | None
    code: str | None
    role: str | None = None
    members: tuple[str, ...] = ()
    population: int = 0
    rank: int = RANK_HAND
    offices: tuple[tuple[str, str, str], ...] = ()  # (code, from, to) ISO dates, "" when open

    def __reduce__(self):
        return _rebuilt(self)

    def code_on(self, date: str | None) -> str | None:
        """The CAMEO code the actor held on ``date`` (ISO, ``YYYY-MM-DD``): the office whose dates hold it,
        else the current ``code``."""
        if date:
            day = date[:10]
            for code, start, end in self.offices:
                if (not start or start <= day) and (not end or day < end):
                    return code
        return self.code


@dataclass(frozen=True, slots=True)
class Alias:
    keys: tuple[str, ...]  # stemmed token keys
    exact: tuple[str, ...]  # unstemmed token keys («ال» removed)
    actor: Actor
    kind: str  # name, nisba, seat, place
    auto: bool  # may be added as a mention without a tagger span

    def __reduce__(self):
        return _rebuilt(self)


def strip_article(norm: str) -> str:
    """Token key: a normalised word without its article (same rule as ``proclitic_forms``)."""
    if len(norm) >= 4 and norm.startswith("ال"):
        return norm[2:]
    return norm


def light_stem(key: str) -> str:
    """Fold nisba inflection and ta marbuta: «ايرانيون», «ايرانيه» → «ايراني»; «شرطه» → «شرط»."""
    n = len(key)
    if n < 4:
        return key
    if n >= 5 and key.endswith(("يون", "يين", "يات")):
        return key[:-2]
    if key.endswith("ه") or (key.endswith("يا") and not key.endswith("ييا")):  # «يه» ends with «ه» too
        return key[:-1]
    return key


_SKELETON_DROP = str.maketrans({"ا": None, "و": None, "ي": None, "ء": None, " ": None, "-": None, "ـ": None,
                                "ڤ": "ف", "پ": "ب", "چ": "ج", "گ": "ك", "ژ": "ز"})


def skeleton(text: str) -> str:
    """Consonant skeleton for the fuzzy tier: no spaces, long vowels, hamza or article («غريب آبادي» → «غرببد»)."""
    words = [strip_article(w) for w in normalize_for_match(text).split()]
    return "".join(words).translate(_SKELETON_DROP)


_PIECES = re.compile(r"\w+|[^\s\w]")


def alias_keys(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Stemmed and unstemmed token keys of an alias (tokens split as ``marsad.text.tokenize`` does)."""
    exact = tuple(strip_article(p) for p in _PIECES.findall(normalize_for_match(text)))
    return tuple(light_stem(k) for k in exact), exact


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """A common noun naming an agent of some country («الشرطة» → police, COP); see ``agents.tsv``."""

    slug: str
    code: str  # CAMEO agent code: COP, MIL, GOV, CVL …
    type: str  # ORG or PER (a group of people)
    latin: str
    construct: bool = False  # takes a definite complement («وزارة الداخلية»)
    group: bool = False  # «… من ألمانيا» gives its country
    attached_only: bool = False  # never takes the context's country
    adjective: bool = False  # also an adjective («هجوم مسلح»): a noun only after a number or quantity word


def _agent_forms(form: str) -> list[str]:
    """A lexicon form and the variants the loader adds: the other sound-plural ending, accusative «ـا»."""
    out = [form]
    if " " in form:
        return out
    if form.endswith("ون"):
        out.append(form[:-2] + "ين")
    elif form.endswith("ين") and len(form) > 4:
        out.append(form[:-2] + "ون")
    elif not form.endswith(("ة", "ه", "ا", "ى", "ن", "ء")):
        out.append(form + "ا")
    return out


@dataclass
class ActorBase:
    actors: dict[str, Actor] = field(default_factory=dict)
    by_first: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    by_keys: dict[tuple[str, ...], list[Alias]] = field(default_factory=lambda: defaultdict(list))
    by_skeleton: dict[str, list[Alias]] = field(default_factory=lambda: defaultdict(list))
    by_block: dict[str, list[tuple[str, Alias]]] = field(default_factory=lambda: defaultdict(list))
    country_actor: dict[str, Actor] = field(default_factory=dict)
    nisba_country: dict[str, str] = field(default_factory=dict)  # stem key → ISO3
    country_key: dict[str, str] = field(default_factory=dict)  # country-name stem key → ISO3
    seat_keys: set[tuple[str, ...]] = field(default_factory=set)  # seats of power: always metonymic
    prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every prefix of every alias key
    auto_keys: set[tuple[str, ...]] = field(default_factory=set)  # keys with an alias that may stand alone
    auto_prefixes: set[tuple[str, ...]] = field(default_factory=set)  # every prefix of those keys
    start_keys: dict = field(default_factory=dict)  # word → its forms that begin an alias
    auto_start_keys: dict = field(default_factory=dict)  # word → its forms that begin an alias standing alone
    inner_keys: set[str] = field(default_factory=set)  # keys found after the first word of some alias
    inner_memo: dict = field(default_factory=dict)  # word → whether a form may continue an alias
    choice_memo: dict = field(default_factory=dict)  # (keys, exact keys, auto only) → (aliases, confidence)
    link_memo: dict = field(default_factory=dict)  # (name, types) → match.link_name's answer
    block_choices: dict = field(default_factory=dict)  # by_block key → its skeletons (match.link_name's choices)
    last_scan: tuple | None = None  # (tokens, matches) of the last whole-text scan (match.scan), replaced whole
    country_memo: dict = field(default_factory=dict)  # word → ISO3 or ""
    agent_keys: dict[tuple[str, ...], AgentNoun] = field(default_factory=dict)  # exact keys → agent noun
    agent_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    agent_memo: dict = field(default_factory=dict)  # word → whether a form begins an agent noun
    agent_actors: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (slug, ISO3) → Actor, on demand

    def add_agent(self, noun: AgentNoun, text: str) -> None:
        _, keys = alias_keys(text)  # exact keys: the stem of «شرطة» is «شرط», a condition
        if keys and keys[0]:
            self.agent_keys.setdefault(keys, noun)
            for n in range(1, len(keys) + 1):
                self.agent_prefixes.add(keys[:n])

    def agent_actor(self, noun: AgentNoun, iso3: str) -> Actor:
        """The generic actor «police of Iraq»: ``marsad:agent/IRQ/police``, code ``IRQCOP``."""
        key = (noun.slug, iso3)
        actor = self.agent_actors.get(key)
        if actor is None:
            country = self.country_actor.get(iso3)
            where = country.latin if country is not None and country.latin else iso3
            actor = self.agent_actors[key] = Actor(
                f"marsad:agent/{iso3}/{noun.slug}", noun.type, noun.latin, f"{noun.latin} ({where})", iso3,
                iso3 + noun.code, rank=RANK_AGENT)
        return actor

    def add(self, actor: Actor, text: str, kind: str = "name", auto: bool = True) -> None:
        text = text.strip()
        if not text:
            return
        self.actors.setdefault(actor.id, actor)
        keys, exact = alias_keys(text)
        if not keys or not keys[0]:
            return
        alias = Alias(keys, exact, actor, kind, auto)
        self.by_first[keys[0]].append(alias)
        self.by_keys[keys].append(alias)
        for n in range(1, len(keys) + 1):
            self.prefixes.add(keys[:n])
        self.inner_keys.update(keys[1:])
        if auto:
            self.auto_keys.add(keys)
            for n in range(1, len(keys) + 1):
                self.auto_prefixes.add(keys[:n])
        skel = skeleton(text)
        if len(skel) >= 3:
            self.by_skeleton[skel].append(alias)
            self.by_block[skel[:2]].append((skel, alias))

    def finish(self) -> None:
        for lst in self.by_first.values():
            lst.sort(key=lambda a: (-len(a.keys), a.actor.rank, -a.actor.population))
        for lst in self.by_keys.values():
            lst.sort(key=lambda a: (a.actor.rank, -a.actor.population))
        self.by_first = dict(self.by_first)
        self.by_keys = dict(self.by_keys)

    def country(self, iso3: str | None) -> Actor | None:
        return self.country_actor.get(iso3) if iso3 else None


def _rows(name: str):
    path = RESOURCE_DIR / name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(f"actor resource missing: {path}") from exc
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _aliases(field_text: str) -> list[tuple[str, bool]]:
    out = []
    for a in field_text.split("|"):
        a = a.strip()
        if a:
            out.append((a.lstrip("~"), not a.startswith("~")))
    return out


def _offices(text: str) -> tuple[tuple[str, str, str], ...]:
    """``ISRGOV 2006-04-14..2009-03-31;ISRELI 2009-03-31..`` → ((code, from, to), …); a bare code has no dates."""
    out = []
    for part in text.split(";"):
        bits = part.split()
        if not bits:
            continue
        start, _, end = (bits[1] if len(bits) > 1 else "..").partition("..")
        out.append((bits[0], start, end))
    return tuple(out)


def _agent_phrase(base: ActorBase, text: str) -> bool:
    """An agent noun followed only by nationality words or country names («شرطة عراقي»), for a noun in
    construct after one complement («وزارة داخلي», which Petrarch gives to Afghanistan)."""
    _, exact = alias_keys(text)
    for n in range(len(exact) - 1, 0, -1):
        noun = base.agent_keys.get(exact[:n])
        if noun is not None:
            rest = exact[n + 1:] if noun.construct else exact[n:]
            return all(light_stem(k) in base.nisba_country or (light_stem(k),) in base.country_key for k in rest)
    return False


@lru_cache(maxsize=1)
def load_base() -> ActorBase:
    """Load and index every actor file once per process (from the per-user cache when it has the result)."""
    import importlib
    import sys

    from marsad import cache

    code = (sys.modules[__name__], importlib.import_module("marsad.text.normalize"))
    return cache.cached("actors", cache.folder_sources(RESOURCE_DIR), _build_base, code=code)


def _build_base() -> ActorBase:
    base = ActorBase()
    try:
        countries = json.loads((RESOURCE_DIR / "countries.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ResourceError(f"actor resource missing or corrupt: countries.json ({exc})") from exc
    for c in countries:
        iso3 = c["iso3"]
        actor = Actor(f"marsad:gpe/{iso3}", "GPE", c["names"][0], c["latin"], iso3, iso3,
                      population=c.get("population", 0))
        base.country_actor[iso3] = actor
        for n in c["names"]:
            base.add(actor, n)
            base.country_key[alias_keys(n)[0]] = iso3
        for n in c["nisba"]:
            base.add(actor, n, "nisba")
            k = alias_keys(n)[0]
            if len(k) == 1:
                base.nisba_country[k[0]] = iso3
        for n in c["seats"]:
            base.add(Actor(actor.id, "GPE", actor.name, actor.latin, iso3, iso3, rank=RANK_SEAT,
                           population=actor.population), n, "seat")
    for f in _rows("orgs.tsv"):
        f += [""] * (7 - len(f))
        slug, typ, latin, country, code, names, members = f[:7]
        al = _aliases(names)
        if not al:
            continue
        actor = Actor(f"marsad:org/{slug}", typ or "ORG", al[0][0], latin or None, country.strip() or None,
                      code or None, members=tuple(m for m in members.split("|") if m))
        for text, auto in al:
            base.add(actor, text, "name", auto)
    # office dates of the dictionary's people, for hand-written people of the same name that give none
    dated = {alias_keys(f[0])[1]: f[4] for f in _rows("petrarch.tsv") if len(f) > 4 and f[1] == "PER" and f[4]}
    for f in _rows("people.tsv"):
        f += [""] * (7 - len(f))
        slug, latin, country, code, role, names, offices = f[:7]
        al = _aliases(names)
        if not al:
            continue
        if not offices:
            offices = next((dated[k] for k in (alias_keys(t)[1] for t, auto in al if auto) if k in dated), "")
        actor = Actor(f"marsad:per/{slug}", "PER", al[0][0], latin or None, country or None, code or None,
                      role=role or None, offices=_offices(offices))
        for text, auto in al:
            base.add(actor, text, "name", auto)
    for f in _rows("places.tsv"):
        gid, latin, iso3, pop, names = f[:5]
        population = int(pop or 0)
        al = names.split("|")
        actor = Actor(f"marsad:place/{gid}", "GPE", al[0], latin, iso3, iso3, population=population,
                      rank=RANK_PLACE)
        for text in al:
            folded = normalize_for_match(text)
            auto = (population >= AUTO_PLACE_POPULATION and folded not in PLACE_STOP
                    and len(strip_article(folded).replace(" ", "")) >= 5)
            base.add(actor, text, "place", auto)
    for f in _rows("agents.tsv"):
        f += [""] * (6 - len(f))
        slug, code, typ, latin, flags, forms = f[:6]
        noun = AgentNoun(slug, code, typ, latin, "c" in flags, "g" in flags, "a" in flags, "j" in flags)
        for form in forms.split("|"):
            for variant in _agent_forms(form.strip()):
                base.add_agent(noun, variant)
    for f in _rows("petrarch.tsv"):
        text, typ, country, code, offices = (f + ["", "", "", "", ""])[:5]
        if _agent_phrase(base, text):
            continue  # «الشرطة العراقية»: the generic actor (police, IRQ) stands for it
        slug = "petrarch-" + "-".join(alias_keys(text)[1])
        kind = "nisba" if typ == "NORP" else "name"
        if typ in ("GPE", "NORP") and country and country in base.country_actor:
            actor = base.country_actor[country]
            actor = Actor(actor.id, actor.type, actor.name, actor.latin, country, code or country,
                          rank=RANK_PETRARCH)
        elif typ == "LOC":
            actor = Actor(f"marsad:loc/{slug}", "LOC", text, None, country or None, code or None,
                          rank=RANK_PETRARCH)
        else:
            prefix = "per" if typ == "PER" else "org"
            actor = Actor(f"marsad:{prefix}/{slug}", typ, text, None, country or None, code or None,
                          rank=RANK_PETRARCH, offices=_offices(offices) if typ == "PER" else ())
        base.add(actor, text, kind, auto=len(text.split()) > 1)
    # surnames of people, for names a tagger found: linked only when one person of the base has it
    for actor in [a for a in base.actors.values() if a.type == "PER"]:
        words = actor.name.split()
        if len(words) >= 2 and len(normalize_for_match(words[-1])) >= 4:
            base.add(actor, words[-1], "surname", auto=False)
    # seats of power (palaces, offices) act for the state wherever they occur; capitals only when they act
    for lst in base.by_first.values():
        for a in lst:
            if a.kind == "seat" and set(a.exact) & SEAT_WORDS:
                base.seat_keys.add(a.keys)
    base.finish()
    return base
