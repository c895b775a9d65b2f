"""The event coder: trigger candidates per sentence, their arguments, negation, modality and date.

One mechanism codes all sixteen PLOVER types: a trigger from the lexicon opens a candidate; the candidate's
clause gives its negation and modality, the sentence's entity mentions give source, target and location,
the article's time expressions give its date; a learned filter (:mod:`marsad.events.filter`) then keeps the
candidates that report an event rather than mention one.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import compress

from marsad.events import cues
from marsad.events.lexicon import Entry, Lexicon, load_lexicon
from marsad.records import Article, Entity, Event, Span
from marsad.text import sentences, tokenize_body
from marsad.text.tokens import Token, token_start

PLACE_TYPES = frozenset({"GPE", "LOC"})
ACTOR_TYPES = frozenset({"PER", "ORG", "GPE", "NORP", "MISC"})
_RAW_IN = frozenset({"إن", "وإن", "فإن"})  # conditional «إن» is told from «أن»/«إنّ» by its hamza-below + verb


@dataclass(slots=True)
class Mention:
    entity: Entity
    first: int  # token index (sentence-local)
    last: int  # inclusive


@dataclass(slots=True)
class Candidate:
    """A trigger found in a sentence, with everything the filter and the Event need."""

    entry: Entry
    start: int
    end: int
    sentence: tuple[int, int]
    first: int  # token index of the trigger in its sentence
    last: int
    negated: bool = False
    modality: str = "asserted"
    source: str | None = None
    target: str | None = None
    location: str | None = None
    quote: str | None = None
    date: str | None = None
    features: list[str] = field(default_factory=list)
    stems: tuple[str, ...] = ()  # the sentence's word stems (shared by the sentence's candidates)
    score: float = 1.0


def _sentence_tokens(body: str) -> list[tuple[tuple[int, int], list[Token]]]:
    toks = tokenize_body(body)
    starts = list(map(token_start, toks))
    out = []
    for s0, s1 in sentences(body):
        a = bisect_right(starts, s0 - 1)
        b = bisect_right(starts, s1 - 1)
        out.append(((s0, s1), toks[a:b]))
    return out


def _mentions_by_sentence(article: Article, spans: list[tuple[int, int]]) -> list[list[tuple[Entity, Span]]]:
    """The entity mentions inside each sentence span, in entity then mention order. Sentences do not
    overlap, so a mention can only lie in the last sentence starting at or before it."""
    out: list[list[tuple[Entity, Span]]] = [[] for _ in spans]
    if not article.entities or not spans:
        return out
    starts = [s0 for s0, _ in spans]
    for ent in article.entities:
        for m in ent.mentions:
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.end <= spans[k][1]:
                out[k].append((ent, m))
    return out


def _mentions(article: Article, sent: tuple[int, int], toks: list[Token],
              inside: list[tuple[Entity, Span]] | None = None) -> list[Mention]:
    """Token-indexed mentions of the sentence ``sent``; ``inside``: its mentions when already known."""
    if not article.entities or not toks:
        return []
    if inside is None:
        inside = [(ent, m) for ent in article.entities for m in ent.mentions
                  if m.start >= sent[0] and m.end <= sent[1]]
    if not inside:
        return []
    starts = list(map(token_start, toks))
    out = []
    for ent, m in inside:
        a = bisect_right(starts, m.start) - 1
        b = bisect_right(starts, m.end - 1) - 1
        if a >= 0 and b >= a:
            out.append(Mention(ent, a, b))
    out.sort(key=lambda m: (m.first, -m.last))
    return out


def _match(toks: list[Token], i: int, info: tuple) -> tuple[Entry, int] | None:
    """The entry starting at token ``i`` and the index of its last token (longest phrase first); ``info``:
    what the token may open (:meth:`Lexicon.starts`, not None)."""
    phrases, hit = info
    n = len(toks)
    for words, entry in phrases:
        j = i
        for w in words[1:]:
            j += 1
            if j >= n or w not in toks[j][4]:
                break
        else:
            return entry, j
    if hit is None:
        return None
    return hit[0], i


def _clause_bounds(toks: list[Token], i: int) -> tuple[int, int]:
    """Token range [a, b) of the clause around token ``i``: bounded by «،» «؛» «:» and brackets."""
    a = i
    while a > 0 and toks[a - 1].norm not in ("،", "؛", ",", ";", ":", "(", ")", "«", "»", "\"", "-"):
        a -= 1
    b = i + 1
    while b < len(toks) and toks[b].norm not in ("،", "؛", ",", ";", ":", "(", ")", "«", "»", "\""):
        b += 1
    return a, b


def _negated(toks: list[Token], i: int, a: int) -> bool:
    for k in range(max(a, i - 3), i):
        f = toks[k].forms
        if toks[k].norm in cues.NEGATORS or f[-1] in cues.NEGATORS or toks[k].norm in ("ولم", "ولا", "ولن", "فلم", "فلا"):
            return True
        if f[0] in cues.NEGATING_VERBS or f[-1] in cues.NEGATING_VERBS:
            return True
    return False


def _modality(toks: list[Token], i: int, last: int, a: int, b: int, entry: Entry,
              sent_toks: list[Token]) -> str:
    if entry.tense == "future":
        return "planned"
    for k in range(max(a, i - 8), i):
        t = toks[k]
        forms = t.forms
        if not cues.PLANNED.isdisjoint(forms):  # a form is a cue word (set tests in C, per token before)
            return "planned"
        if t.norm == "قد" and k + 1 < len(toks) and toks[k + 1].norm[:1] in ("ي", "ت", "ن"):
            return "possible"
        if not cues.POSSIBLE.isdisjoint(forms) and t.norm != "قد":
            return "possible"
        if not cues.CONDITIONAL.isdisjoint(forms) or t.text in _RAW_IN and _conditional_in(toks, k):
            return "conditional"
    for k in range(last + 1, min(b, last + 3)):
        if not cues.PLANNED.isdisjoint(toks[k].forms):
            return "planned"
    if sent_toks and (sent_toks[-1].norm in ("؟", "?") or sent_toks[0].forms[-1] in cues.QUESTION
                      and sent_toks[0].forms[-1] == "هل"):
        return "question"
    return "asserted"


def _conditional_in(toks: list[Token], k: int) -> bool:
    """«إن» is conditional before a verb, and not after a reporting verb («قال إن …» introduces speech)."""
    if k > 0 and toks[k - 1].forms[-1] in cues.REPORTING:
        return False
    if k + 1 >= len(toks):
        return False
    nxt = toks[k + 1]
    hit = load_lexicon().lookup(nxt.forms) if nxt.is_word else None
    return (hit is not None and hit[0].kind == "verb") or (nxt.norm[:1] in ("ي", "ت", "ن") and len(nxt.norm) > 3)


def _free(toks: list[Token], m: Mention) -> bool:
    """The mention is not governed by a preposition that makes it a circumstance («في», «من», «عن» …)."""
    if m.first > 0 and toks[m.first - 1].norm in cues.BLOCKING_PREPS:
        return False
    first = toks[m.first]
    return not (len(first.forms) > 1 and first.norm[:1] in ("ب", "ل", "ك") and first.forms[-1] != first.norm
                and first.norm[:2] != "ال")


def _arguments(c: Candidate, toks: list[Token], mentions: list[Mention], a: int, b: int) -> None:
    i, last = c.first, c.last
    actors = [m for m in mentions if m.entity.type in ACTOR_TYPES and (m.last < i or m.first > last)]
    used: set[str] = set()

    def take(m: Mention | None) -> str | None:
        if m is None:
            return None
        used.add(m.entity.id)
        return m.entity.id

    # location: «في X» / «بـX» with X a place, anywhere in the clause
    for m in mentions:
        if m.entity.type not in PLACE_TYPES or not (a <= m.first < b) or i <= m.first <= last:
            continue
        prev = toks[m.first - 1].norm if m.first > 0 else ""
        first = toks[m.first]
        if prev in cues.LOCATION_PREPS or (first.norm[:1] == "ب" and first.forms[-1] != first.norm):
            c.location = m.entity.id
            used.add(m.entity.id)
            break

    after = [m for m in actors if m.first > last and m.first < b and m.entity.id not in used]
    before = [m for m in actors if m.last < i and m.first >= a and m.entity.id not in used]

    # «بين X و Y»
    for m in after:
        if m.first > 0 and toks[m.first - 1].norm in cues.BETWEEN:
            rest = [n for n in after if n.first > m.last and n.entity.id != m.entity.id]
            c.source = take(m)
            if rest and toks[rest[0].first].norm.startswith("و"):
                c.target = take(rest[0])
            return
    # «من قبل X»: the doer
    for m in after:
        if m.first >= 2 and toks[m.first - 2].norm == "من" and toks[m.first - 1].norm == "قبل":
            c.source = take(m)
            break
    # passive «تعرض X لـ…»: X is the target
    for k in range(max(a, i - 6), i):
        if toks[k].norm in cues.PASSIVE_EXPOSED or toks[k].forms[-1] in cues.PASSIVE_EXPOSED:
            for m in before:
                if m.first > k:
                    c.target = take(m)
                    break
            break
    # «على X», «ضد X», «مع X», «إلى X»: the target
    if c.target is None:
        for m in after:
            if m.entity.id in used:
                continue
            prev = toks[m.first - 1].norm if m.first > 0 else ""
            if prev in cues.TARGET_PREPS or prev in cues.WITH_PREPS or (
                    toks[m.first].norm[:1] == "ل" and toks[m.first].forms[-1] != toks[m.first].norm):
                c.target = take(m)
                break
    if c.source is None:
        free_before = [m for m in before if m.entity.id not in used and _free(toks, m)]
        free_after = [m for m in after if m.entity.id not in used and _free(toks, m)]
        adjacent = [m for m in free_before if i - m.last <= 2]
        near = [m for m in free_after if m.first - last <= 3]
        if c.entry.kind == "verb" and adjacent:  # SVO «إن الشرطة اعتقلت …»
            c.source = take(adjacent[-1])
        elif near:  # VSO «هاجم مسلحون القرية», genitive «زيارة الرئيس»
            c.source = take(near[0])
        elif free_before:  # the clause's subject, earlier on
            c.source = take(free_before[-1])
    if c.target is None and c.entry.kind != "noun":
        rest = [m for m in after if m.entity.id not in used and _free(toks, m)]
        if rest:  # the direct object after the subject
            c.target = take(rest[0])


def _date(c: Candidate, article: Article, tok: Token) -> str | None:
    s0, s1 = c.sentence
    best = None
    for d in article.dates:
        if d.value and d.start >= s0 and d.end <= s1 and d.kind != "duration":
            dist = abs(d.start - c.start)
            if best is None or dist < best[0]:
                best = (dist, d.value)
    if best:
        return best[1]
    if c.modality == "asserted" and c.entry.tense in ("past", "noun") and c.quote is None:
        return article.published
    return None


def _quote_of(article: Article, start: int, end: int):
    for q in article.quotes:
        if q.start <= start and end <= q.end:
            return q
    return None


def _first_person(tok: Token, entry: Entry) -> bool:
    if entry.kind != "verb":
        return False
    n = tok.forms[-1]
    return n.endswith("نا") or entry.tense in ("present", "future") and n.lstrip("س")[:1] == "ن"


def candidates(article: Article, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Every trigger candidate of an article, with arguments, negation, modality, date and features."""
    from marsad.events.filter import features, sentence_facts, sentence_stems

    lex = lexicon or load_lexicon()
    body = article.body
    out: list[Candidate] = []
    sents = _sentence_tokens(body)
    inside = _mentions_by_sentence(article, [sent for sent, _ in sents])
    for (sent, toks), sent_mentions in zip(sents, inside):
        if not toks:
            continue
        mentions = _mentions(article, sent, toks, sent_mentions)
        stems = None
        facts = None
        covered = set()
        for m in mentions:
            covered.update(range(m.first, m.last + 1))
        opens = lex.starts_of(toks)
        free = 0  # candidates do not overlap: the next one starts after the last one found
        for i in compress(range(len(toks)), opens):  # only the tokens that may open a trigger
            if i < free or i in covered:
                continue
            hit = _match(toks, i, opens[i])
            if hit is None:
                continue
            entry, last = hit
            c = Candidate(entry, toks[i].start, toks[last].end, sent, i, last)
            a, b = _clause_bounds(toks, i)
            c.negated = _negated(toks, i, a)
            c.modality = _modality(toks, i, last, a, b, entry, toks)
            q = _quote_of(article, c.start, c.end) if article.quotes else None
            if q is not None:
                c.quote = q.id
            _arguments(c, toks, mentions, a, b)
            if q is not None and c.source is None and q.speaker and _first_person(toks[i], entry):
                c.source = q.speaker  # «نحن نرفض …»: the text says the speaker's side does it
            c.date = _date(c, article, toks[i])
            if facts is None:
                facts = sentence_facts(toks)
            c.features = features(c, toks, a, b, facts)
            if stems is None:
                stems = sentence_stems(toks)
            c.stems = stems
            out.append(c)
            free = last + 1
    return out


def find_events(article: Article, *, lexicon: Lexicon | None = None, use_filter: bool = True) -> tuple[Event, ...]:
    """The events an article reports, ids ``v1``, ``v2`` … in text order."""
    from marsad.events.filter import load_filter

    cands = candidates(article, lexicon)
    if use_filter:
        flt = load_filter()
        cands = [c for c in cands if flt.keep(c)]
    body = article.body
    events = []
    for c in cands:
        events.append(Event(
            id=f"v{len(events) + 1}", type=c.entry.type, mode=c.entry.mode,
            trigger=Span(body[c.start:c.end], c.start, c.end), sentence=c.sentence,
            source=c.source, target=c.target, location=c.location, negated=c.negated,
            modality=c.modality, date=c.date, quote=c.quote))
    return tuple(events)
