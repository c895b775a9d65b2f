"""Find quotations in an article body: direct quotes, colon quotes, reported speech and attributions.

``candidates(article)`` returns :class:`Found` items carrying the speaker's span (what the evaluation scores);
``find_quotes`` turns them into :class:`marsad.records.Quote` records with ids q1, q2, … in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from marsad.quotes.cues import CueHit, find_cues
from marsad.quotes.lexicon import CueLexicon, load
from marsad.quotes.marks import MarkSpan, mark_spans
from marsad.quotes.speakers import (AUXILIARIES, NP_STOPS, START_STOPS, BARE_COMPLEMENTIZERS, COMPLEMENTIZERS, MAX_NP, RELATIVES,
                                    REPORT_NOUNS, MentionIndex, Speaker, antecedent, governed, honorific_titles,
                                    is_first_person,
                                    noun_phrase,
                                    real_complementizer, subject_before)
from marsad.actors.roles import head_of
from marsad.quotes.tokens import tokens_of
from marsad.records import Article, Quote
from marsad.text import normalize_for_match, sentences

SPEECH = frozenset({"verb", "part", "colon", "noun"})
# A complementizer after these words is not reported speech («بعد أن», «إلا أن», «يجب أن»).
NOT_AFTER = frozenset("بعد قبل منذ حين دون بدون رغم يجب ينبغي يمكن يريد بد لابد الا حتي لو كما مثل بمجرد "
                      "شرط ضروره امكانيه اجل عسي عساني عساه عساها عسانا شانه شانها شانهم".split())  # «من شأنها أن»: likely to
PREPOSITIONS = frozenset("علي في عن من الي مع ل ب عبر حول ضد لدي بين".split())
TRAILING_WORDS = frozenset("لكنه لكنها لكن و كما فيما بينما حيث الذي والذي التي والتي وهو ما وهي".split())
WINDOW = {"verb": 25, "noun": 14, "part": 6, "colon": 8}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_CLOSING = re.compile(r'["”»](?=[.،,؛;!?؟])')  # a closing mark right before a sentence break
_BOILERPLATE = re.compile(r"رابط الخبر|(?:^|\n)\s*اقرأ أيضا")
MIN_MARK_WORDS = 3
TITLE_NOUNS = ("عنوان", "شعار")  # «تحت عنوان "…"», «بشعار: "…"»: what follows in marks is a title or a slogan
# A short marked phrase right after one of these, written without the article, is the name it bears.
NAMED_NOUNS = frozenset("حزب حركه جمعيه منظمه شركه نادي مجموعه تنظيم ائتلاف جبهه تيار مبادره حمله عمليه مشروع "
                        "كتاب فيلم مسلسل روايه مهرجان مسابقه جائزه تظاهره".split())
# Prepositions written apart: a name after one, in the same stretch of a subject phrase, is inside its phrase.
STANDALONE_PREPOSITIONS = frozenset("عن من في مع لدي الي علي باسم حول ضد بين".split())
# A short marked phrase right after one of these is a medium's name, not a quote.
MEDIA_BEFORE_MARKS = frozenset("صحيفه جريده وكاله قناه موقع مجله اذاعه برنامج شبكه مراسل مراسله".split())
# Verbs that report speech only when words follow («وتابع: …», «وتابع أن …»); else «تابع» is "followed".
WORDS_ONLY = frozenset({"تابع"})
# What may stand right before a writer's «أعتقد»: a sentence or clause break, «لكن», «ما زلت», «أنا».
OPINION_OPENERS = frozenset(". ، , ؛ ; ؟ ? ! * : لكن ولكن زلت ازال نزال انا وانا نحن ونحن شخصيا".split())
# First-person words of a writer («نحن», «لدينا», «إنني»); with is_first_person's verbs they mark a column.
FIRST_PERSON_MARKERS = frozenset("انا نحن انني اننا اني لنا علينا عندنا منا بنا الينا لدينا عندي نفسي رايي اعتقادي".split())
MIN_REPORTED_WORDS = 3
# «مما يؤكد أن», «وهذا يعني أن»: a reporting verb after these states an inference, not someone's words.
SCRIPTURE = frozenset("الله النبي الرسول تعالي الذكر جل سبحانه عز".split())  # citations that do not go on speaking
STATEMENT_NOUNS = frozenset("تصريح تصريحات".split())  # «حسب تصريح X لـY»: X spoke, Y was told
ISSUED = ("اصدر", "نشر", "اورد", "بث", "وزع")  # «بلاغ أصدرته», «بيان نشرته»: the issuer comes after
# then a verb form is a noun («طلب عدم كشف هويته», «تم كشف», «من دون ذكر اسمه»)
MASDAR_BEFORE = frozenset("عدم وعدم بعدم لعدم تم يتم وتم ويتم سيتم جري يجري دون بدون ودون وبدون".split())
# «في تصريحات نقلتها صحيفة X»: a statement described by the medium that carried it
STATEMENTS = frozenset("تصريح تصريحات حديث مقابله كلمه تغريده تدوينه مداخله لقاء حوار".split())
INFERENCE_SUBJECTS = frozenset("مما هذا وهذا هذه وهذه ذلك وذلك".split())
# definite sources that may well speak after «هذا/هذه» («هذه الدراسة تؤكد أن», «هذه الوزارة تؤكد»)
SAME = frozenset("نفس ذات".split())  # «حسب نفس المصدر»
SOURCE_NOUNS_DEF = frozenset("الدراسه التقرير البيان الوزاره الهيئه المنظمه الحكومه الصحيفه الوكاله".split())
# Before a participle these make it a predicate («يكون مفيدا», «كان معتبرا»), not an adverbial cue.
COPULAS = frozenset("كان كانت يكون تكون سيكون ستكون ليس ليست اصبح اصبحت يصبح تصبح بات باتت يبدو تبدو".split())
ATTACHED = frozenset("ل ب ك لل بال وب ول فل وبال".split())


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    direct: bool
    kind: str  # mark, colon, reported, attr
    cue: CueHit | None
    speaker_hint: object = None  # ("np", a, b) | ("carry",) | ("svo", a, b) | None
    speaker: Speaker | None = None
    via: Speaker | None = None
    priority: int = 0
    tail: tuple | None = None  # («…، وفق ما صرح به X») the speaker named after the quote


class _Doc:
    """Everything the finder needs about one body, computed once."""

    def __init__(self, body: str, lexicon: CueLexicon):
        self.body = body
        self.tokens = tokens_of(body)
        self.tstarts = self.tokens.starts
        self._sentences: dict[int, tuple[list[int], list[tuple[int, int]]]] = {}
        self.marks = mark_spans(body)
        self.mark_starts = [m.start for m in self.marks]
        cues = find_cues(self.tokens, lexicon)
        self.reach: dict[int, int] = {}
        # a nominal cue after a verb («قال في تصريح …») only modifies it
        kept = []
        for c in cues:
            if c.cue.lemma in WORDS_ONLY and not self._introduces_words(c, lexicon):
                continue  # «تابع الآلاف المباراة»: followed, not went on saying
            if c.kind == "part" and c.first > 0 and self.tokens.norms[c.first - 1] in COPULAS:
                continue  # «أن يكون مفيدا إن …»: a predicate adjective, not «…، مفيدا أن …»
            if c.kind == "verb" and body[c.start:self.tokens.ends[c.last]].endswith("ة"):
                continue  # «ستكون تابعة للقيروان»: a ta marbuta ends nouns and adjectives, never a verb form
            if c.kind == "verb" and c.first > 0 and self.tokens.norms[c.first - 1] in MASDAR_BEFORE:
                continue  # «طلب عدم كشف هويته», «تم كشف …»: a verbal noun, not a reporting verb
            if c.kind == "verb" and c.first > 0 and self.tokens.norms[c.first - 1] in ("من", "ومن") \
                    and self.tokens.norms[c.first] == c.cue.form and len(c.cue.form) == 4 \
                    and c.cue.form[:1] == "ا":
                continue  # «ومن أبرز المحاور:», «من أوضح الأمثلة»: an elative, not «أبرز/أوضح» reporting
            if c.kind == "verb" and c.cue.lemma == "نقل" and c.first > 0 and self.tokens.norms[c.first] != c.cue.form \
                    and any(f in STATEMENTS for f in self.tokens[c.first - 1].forms):
                continue  # «في تصريحات نقلتها صحيفة X»: describes the statement, the speaker's verb came before
            if c.kind == "verb" and c.cue.lemma == "بين" and self.tokens.norms[c.first][:1] == "و" \
                    and any(n.startswith("بين") and not any(p in ".!?؟\n" for p in self.tokens.norms[i:c.first])
                            for i, n in enumerate(self.tokens.norms[:c.first]) if i >= c.first - 6):
                continue  # «بيني وبين الأندية»: between, not «وبيّن»
            if c.kind == "verb" and self._inference(c):
                continue  # «…، مما يؤكد أن …», «وهذا يعني أن …»: the writer's inference, no one speaks
            if c.kind == "noun":
                head = next((v for v in reversed(kept[-4:]) if v.kind in ("verb", "part", "colon")
                             and 0 < c.first - v.last <= 25
                             and not any(n in ".!?؟\n" for n in self.tokens.norms[v.last:c.first])), None)
                if head is not None:
                    self.reach[head.first] = c.last  # the verb's clause reaches past its modifier
                    continue
            kept.append(c)
        self.cues = kept
        self.cue_at = {c.first: c for c in self.cues}
        self.cue_firsts = [c.first for c in self.cues]
        # «بحسب ما نقلته X»: the verb belongs to the attribution, not to a clause of its own
        norms = self.tokens.norms
        self.attr_verbs = frozenset(
            c.first for c in self.cues if c.kind == "verb" and c.first > 0
            and (self.cue_at.get(c.first - 1) is not None and self.cue_at[c.first - 1].kind == "attr"
                 and self.cue_at[c.first - 1].cue.form.endswith("ما")
                 or norms[c.first - 1] == "ما" and c.first > 1 and self.cue_at.get(c.first - 2) is not None
                 and self.cue_at[c.first - 2].kind == "attr"))
        self.lexicon = lexicon
        self.mentions = MentionIndex(())
        self._voice: bool | None = None

    def _inference(self, c: CueHit) -> bool:
        """An imperfect verb whose subject is «this» or «which» («مما يؤكد», «وهذا يشير», «وهو ما يعني»)."""
        norms = self.tokens.norms
        if c.first == 0 or norms[c.first][:1] not in ("ي", "ت"):
            return False
        prev = norms[c.first - 1]
        if prev in INFERENCE_SUBJECTS:
            return True
        before = norms[c.first - 3] if c.first > 2 else ""
        before = before[1:] if before[:1] in ("و", "ف") and before[1:] in PREPOSITIONS else before
        if c.first > 1 and norms[c.first - 2] in INFERENCE_SUBJECTS and prev.startswith("ال") \
                and prev not in SOURCE_NOUNS_DEF and head_of(self.tokens[c.first - 1]) is None \
                and before not in PREPOSITIONS:  # «وفي هذا الصدد يؤكد الوزير»: an adverbial
            return True  # «هذه النتائج تؤكد أن», «هذا الأمر يعني أن»: a thing shows it, no one speaks
        return prev == "ما" and c.first > 1 and norms[c.first - 2] in INFERENCE_SUBJECTS | {"هو", "وهو", "هي", "وهي"}

    def _introduces_words(self, c: CueHit, lexicon: CueLexicon) -> bool:
        """Does the verb lead to words in its sentence: a colon, «قائلا», a complementizer or a quotation mark?"""
        norms, starts = self.tokens.norms, self.tokens.starts
        end = min(len(norms), c.last + 1 + WINDOW["verb"])
        for k in range(c.last + 1, end):
            n = norms[k]
            if n in ".!?؟" or "\n" in self.body[self.tokens.ends[k - 1]:starts[k]]:
                return False
            if n == ":" or n in '«“„"':
                return True
            if n in COMPLEMENTIZERS:
                return norms[k - 1] not in NOT_AFTER
            hit = lexicon.lookup.get(n)
            if hit is not None and hit.kind in ("verb", "part", "colon"):
                return hit.kind == "colon"
        return False

    def first_person_words(self) -> int:
        """How many first-person pronouns and possessives («أنا», «نحن», «إنني», «لدينا») stand outside marks."""
        count = 0
        for k, n in enumerate(self.tokens.norms):
            bare = n[1:] if n[:1] in ("و", "ف") else n
            if (n in FIRST_PERSON_MARKERS or bare in FIRST_PERSON_MARKERS) and not self.in_marks(self.tokens.starts[k]):
                count += 1
        return count

    def first_person_voice(self) -> bool:
        """Does the writer speak in the first person outside quotation marks (three markers or more)?"""
        if self._voice is None:
            count = 0
            for k, n in enumerate(self.tokens.norms):
                bare = n[1:] if n[:1] in ("و", "ف") else n
                if (n in FIRST_PERSON_MARKERS or bare in FIRST_PERSON_MARKERS or is_first_person(n)) \
                        and not self.in_marks(self.tokens.starts[k]):
                    count += 1
            self._voice = count >= 3
        return self._voice

    def tok(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.tstarts, pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``; sentences are split paragraph by paragraph, when first asked for."""
        p_start = self.body.rfind("\n", 0, pos) + 1
        got = self._sentences.get(p_start)
        if got is None:
            p_end = self.paragraph_end(p_start)
            spans = [(s + p_start, e + p_start) for s, e in sentences(self.body[p_start:p_end])]
            spans = spans or [(p_start, p_end)]
            got = self._sentences[p_start] = ([s for s, _ in spans], spans)
        starts, spans = got
        i = bisect_right(starts, pos) - 1
        return spans[max(i, 0)]

    def clause_start(self, pos: int) -> int:
        """Start of the clause holding ``pos``: after the last «،» «؛» «,» «;» of its sentence."""
        s_start, _ = self.sentence(pos)
        j = self.tok(pos) - 1
        while j >= 0 and self.tokens[j].start >= s_start:
            if self.tokens[j].norm in ("،", "؛", ",", ";"):
                return self.tokens[j].end
            j -= 1
        return s_start

    def paragraph_end(self, pos: int) -> int:
        e = self.body.find("\n", pos)
        return len(self.body) if e < 0 else e

    def in_marks(self, pos: int) -> bool:
        """Is ``pos`` inside the words of a quotation-mark span?"""
        i = bisect_right(self.mark_starts, pos) - 1
        return i >= 0 and pos < self.marks[i].end

    def is_colon(self, k: int) -> bool:
        """A colon token, not the one in a clock time («8:58») or a web address («http://…»)."""
        t = self.tokens
        if t.norms[k] != ":":
            return False
        if self.body.startswith("//", t.ends[k]):
            return False
        return not (0 < k < len(t) - 1 and t.ends[k - 1] == t.starts[k] and t.starts[k + 1] == t.ends[k]
                    and t.norms[k - 1].isdigit() and t.norms[k + 1].isdigit())

    def is_speech_cue(self, i: int) -> bool:
        c = self.cue_at.get(i)
        return c is not None and c.kind in SPEECH and i not in self.attr_verbs

    def is_stop(self, i: int) -> bool:
        c = self.cue_at.get(i)
        return c is not None and c.kind == "stop"

    def any_cue(self, i: int) -> bool:
        c = self.cue_at.get(i)
        return c is not None and c.kind != "source"

    def words(self, start: int, end: int) -> int:
        a, b = self.tok(start), self.tok(end)
        return sum(map(str.isalnum, self.tokens.norms[a:b]))

    def mention_start_near(self, t, reach: int) -> int | None:
        """Start of the first entity mention inside token ``t`` and the ``reach`` characters after it."""
        found = self.mentions.within(t.start, t.end + reach) if self.mentions else ()
        return found[0].start if found else None


def _trim_end(doc: _Doc, start: int, end: int) -> int:
    """Pull ``end`` back over spaces, punctuation and dangling function words."""
    body = doc.body
    while True:
        while end > start and (body[end - 1].isspace() or body[end - 1] in "،,.؛;:-–"):
            end -= 1
        j = doc.tok(end) - 1
        if j >= 0 and doc.tokens[j].end == end and doc.tokens[j].start > start \
                and doc.tokens[j].norm in TRAILING_WORDS:
            end = doc.tokens[j].start
            continue
        return end


# ---------------------------------------------------------------------------------------------- direct quotes
def _mark_quotes(doc: _Doc) -> list[Found]:
    out = []
    for ms in doc.marks:
        f = _classify_mark(doc, ms)
        if f is not None:
            out.append(f)
    return out


def _classify_mark(doc: _Doc, ms: MarkSpan) -> Found | None:
    body = doc.body
    if ms.close is not None:
        after = body[ms.close + 1: ms.close + 3].lstrip()
        if after.startswith(":"):
            return None  # «وأضاف "الجهني": …» names the speaker
        if doc.words(ms.start, ms.end) <= 2:
            j = doc.tok(ms.close + 1)
            if j < len(doc.tokens) and doc.tokens.norms[j] in COMPLEMENTIZERS:
                return None  # «وأضاف "الأحمدي" أنه …»: the marked name is the subject of the reported clause
    o = doc.tok(ms.open)
    if o >= 2 and doc.tokens.norms[o - 1] == ":" and any(f in TITLE_NOUNS for f in doc.tokens[o - 2].forms):
        return None  # «… بعنوان: "…"»: a title or a slogan, with a colon before it
    p_start = body.rfind("\n", 0, ms.open) + 1
    first = max(doc.tok(p_start), o - 27)
    ci = bisect_left(doc.cue_firsts, o) - 1
    if ci >= 0 and doc.cues[ci].first >= first:
        # a cue close before the mark: only then is the sentence needed
        s_start, _ = doc.sentence(ms.open)
        first = max(first, doc.tok(s_start))
    words = doc.words(ms.start, ms.end)
    k = ms.open - 1
    while k >= p_start and body[k].isspace():
        k -= 1
    prev = body[k] if k >= p_start else ""
    if ms.close is not None and words <= 3 and prev != ":" and _sentence_goes_on(doc, ms.close + 1):
        return None  # «أعلنت «زين السعودية» عن …», «وذكرت "فيتش"، من جهة أخرى، …»: a short name, not a quote
    # the last speech cue before the mark in its sentence
    cue = None
    while ci >= 0 and doc.cues[ci].first >= first:
        if doc.cues[ci].kind in SPEECH:
            cue = doc.cues[ci]
            break
        ci -= 1
    if cue is not None and o - cue.last > 26:
        cue = None
    if cue is not None:
        gap = doc.tokens[cue.last + 1: o]
        if any(t.norm in COMPLEMENTIZERS and real_complementizer(body, t.start, t.end, t.norm) for t in gap):
            return None  # inside reported speech: the clause carries it
        before = doc.tokens[o - 1] if o > 0 else None
        if before is not None and words <= 4 and any(f in MEDIA_BEFORE_MARKS for f in before.forms):
            return None  # «كشفت صحيفة "وول ستريت جورنال"»: the name of the medium
        if before is not None and any(f in TITLE_NOUNS for f in before.forms):
            return None  # «تحت عنوان "…"», «بشعار "…"»: a title or a slogan
        if before is not None and words <= 4 and any(f in NAMED_NOUNS for f in before.forms) \
                and not any(f.startswith("ال") for f in before.forms):
            return None  # «الأمين العام لحزب "حراك تونس"»: a noun in construct with the name it bears
        # «ل"الجوهرة"»: the mark sits on a preposition written against it
        attached = before is not None and before.end == ms.open and before.norm in ATTACHED
        immediate = (not gap) or prev == ":" or cue.kind == "colon" and len(gap) <= 1
        # far from its cue, a short marked phrase is a name or a scare quote («… لفئة “ذوي الاحتياجات”»)
        enough = words >= (MIN_MARK_WORDS if len(gap) <= 6 else 6)
        if immediate or (enough and not attached
                         and not (before is not None and before.norm in PREPOSITIONS)):
            hint = ("np", cue.last + 1, o) if cue.kind in ("verb", "noun") else ("cue",)
            return Found(ms.start, ms.end, True, "mark", cue, hint, priority=3)
        return None
    if prev == ":" and words >= MIN_MARK_WORDS:
        return Found(ms.start, ms.end, True, "mark", None, ("carry",), priority=3)
    # a cue right after the closing mark: «"…"، قال فلان», «"…" بحسب …»
    if ms.close is not None:
        j = doc.tok(ms.close + 1)
        while j < len(doc.tokens) and doc.tokens[j].norm in ("،", ",", ".", "-"):
            j += 1
        c = doc.cue_at.get(j)
        if c is not None and "\n" in body[ms.close:c.start]:
            c = None  # «… تحت عنوان «…».\nأوضح ذلك …»: the next paragraph's cue is not this mark's
        if c is not None and c.kind in ("verb", "attr") and words >= 2:
            _, s_end = doc.sentence(doc.tokens[j].start)
            return Found(ms.start, ms.end, True, "mark", c, ("np", c.last + 1, doc.tok(s_end)), priority=3)
    # a paragraph that opens with a long quotation carries on the last speaker
    if ms.open == p_start and words >= 8:
        return Found(ms.start, ms.end, True, "mark", None, ("carry",), priority=3)
    return None


# ---------------------------------------------------------------------------------------------- colon quotes
def _sentence_goes_on(doc: _Doc, pos: int) -> bool:
    """Does the sentence go on after ``pos`` (a word or a comma next, not a cue like «"…"، قال فلان»)?"""
    j = doc.tok(pos)
    if j >= len(doc.tokens) or "\n" in doc.body[pos:doc.tokens.starts[j]]:
        return False
    if doc.tokens.norms[j] in ("،", ","):
        j += 1
        if j >= len(doc.tokens) or "\n" in doc.body[pos:doc.tokens.starts[j]]:
            return False
    return doc.tokens[j].is_word and not doc.any_cue(j)


def _colon_quotes(doc: _Doc) -> list[Found]:
    out = []
    toks = doc.tokens
    norms = toks.norms
    for c in doc.cues:
        if c.kind not in SPEECH:
            continue
        limit = min(len(toks), c.last + 1 + 16)
        if ":" not in norms[c.last + 1: limit]:
            continue
        _, s_end = doc.sentence(c.start)
        for k in range(c.last + 1, limit):
            t = toks[k]
            if t.start >= s_end and t.norm != ":":
                break
            if t.norm in COMPLEMENTIZERS or t.norm in '«“„' or (k > c.last + 1 and doc.is_speech_cue(k)):
                break
            if t.norm == '"' and not _short_marked_name(doc, k):
                break
            if doc.is_colon(k):
                a = t.end
                pe = doc.paragraph_end(a)
                while a < pe and doc.body[a].isspace():
                    a += 1
                if a >= pe or doc.body[a] in '«“„"‘':
                    break  # nothing after it, or a quotation mark the mark pass handles
                pe = _next_speaker_clause(doc, k, pe)
                pe = _stray_close(doc, a, pe)
                e = _trim_end(doc, a, pe) if doc.body[pe - 1] not in ".!?؟»”\"" else pe
                while e > a and doc.body[e - 1].isspace():
                    e -= 1
                if doc.words(a, e) >= 2:
                    hint = ("np", c.last + 1, k) if c.kind in ("verb", "noun") else ("cue",)
                    out.append(Found(a, e, True, "colon", c, hint, priority=2))
                break
    return out


def _next_speaker_clause(doc: _Doc, colon: int, pe: int) -> int:
    """Where a colon quote ends inside its paragraph: before a later clause that gives the floor to someone
    («…، وعن X قال المدرب: …», «…، وبدوره أكد اللاعب أن …»); else at the paragraph end ``pe``."""
    ci = bisect_right(doc.cue_firsts, colon)
    while ci < len(doc.cues):
        c = doc.cues[ci]
        ci += 1
        if c.start >= pe:
            break
        if c.kind == "part" and c.first > 0 and doc.tokens.norms[c.first - 1] in ("،", ",") and (
                any(doc.is_colon(x) for x in range(c.last + 1, min(len(doc.tokens), c.last + 3)))
                or _has_complement(doc, c)):
            # «…، مضيفا: …» gives the floor again; «…، مبينا أنه …»: the participle's clause is a quote of its own
            return doc.tokens.starts[c.first - 1]
        if c.kind not in ("verb", "colon"):
            continue
        clause = doc.clause_start(c.start)
        if clause <= doc.tokens.starts[colon]:
            continue
        k = c.last + 1
        if clause == doc.sentence(c.start)[0] and clause == c.start:
            # a new sentence «وقال X: …» / «وقال X إن …» with its own subject gives the floor to X
            if c.kind == "verb" and (any(doc.is_colon(x) for x in range(k, min(len(doc.tokens), k + 16)))
                                     or _has_complement(doc, c)):
                limit = min(len(doc.tokens), k + MAX_NP)
                if noun_phrase(doc.tokens, k, limit, doc.body, doc.any_cue) is not None:
                    return c.start
            continue
        end = min(len(doc.tokens), k + 16)
        if any(doc.is_colon(x) for x in range(k, end)) or _has_complement(doc, c):
            # the words before the clause's comma are the quote's
            j = doc.tok(clause) - 1
            return doc.tokens.starts[j] if j >= 0 and doc.tokens.norms[j] in ("،", ",") else clause
    return pe


def _stray_close(doc: _Doc, a: int, pe: int) -> int:
    """A colon quote whose opening mark was never written ends at its closing mark («وأضاف: أهنئ …". وأوضح
    …»): a closing mark in ``[a, pe)`` that closes no mark span, written against a word and followed by a
    sentence break."""
    body = doc.body
    for m in _CLOSING.finditer(body, a + 1, pe):
        i = m.start()
        if body[i - 1].isalpha() and not doc.in_marks(i) \
                and not any(ms.close == i or ms.open == i for ms in doc.marks):
            return i
    return pe


def _short_marked_name(doc: _Doc, k: int) -> bool:
    """A straight quotation mark opening or closing a name of one to three words («وأضاف "الجهني":»)."""
    for ms in doc.marks:
        if ms.open == doc.tokens.starts[k] or ms.close == doc.tokens.starts[k]:
            return doc.words(ms.start, ms.end) <= 3
    return False


# ------------------------------------------------------------------------------------------- reported speech
def _clause_end(doc: _Doc, k: int, s_end: int) -> tuple[int, CueHit | None]:
    """Where a reported clause starting at token ``k`` ends: its sentence end or the next cue."""
    norms, starts = doc.tokens.norms, doc.tokens.starts
    ci = bisect_right(doc.cue_firsts, k)
    while ci < len(doc.cues):
        c = doc.cues[ci]
        ci += 1
        j = c.first
        if starts[j] >= s_end:
            break
        prev = norms[j - 1]
        if c.kind == "attr" and prev in ("وذلك", "ذلك"):
            continue  # «…، وذلك وفق ما أقرته اللجنة»: in accordance with, part of the speaker's words
        if c.kind == "tag" or c.kind == "attr" and _attribution_follows(doc, c):
            return starts[j], c
        if c.kind in ("part", "colon") and (prev in ("،", ",") or _has_complement(doc, c)):
            if c.kind == "colon" and prev not in ("،", ","):
                # «…، واختتم اللاعب حديثه بقوله:»: the clause that gives the floor is not the quote's
                clause = doc.clause_start(c.start)
                if clause > starts[k]:
                    return clause, c
            return starts[j], c
        if c.kind == "verb" and (prev in ("،", ",") or _has_complement(doc, c)):
            # «… الذين أكدوا أنه» ends before the relative too
            cut = j - 1 if prev in RELATIVES or prev == "ما" else j
            return starts[cut], c
    return s_end, None


def _attr_verb(doc: _Doc, c: CueHit) -> CueHit | None:
    """The reporting verb of «بحسب ما أكده», «على ما أفاد», «حسبما صرح»; None for «بحسب + noun»."""
    j = c.last + 1
    if not c.cue.form.endswith("ما"):
        if j >= len(doc.tokens) or doc.tokens.norms[j] != "ما":
            return None
        j += 1
    v = doc.cue_at.get(j)
    return v if v is not None and v.kind == "verb" else None


def _attribution_follows(doc: _Doc, c: CueHit) -> bool:
    """«بحسب ما …», «وفق مصادر …», «حسب «رويترز»»: an attribution, not «وفق نظام» (according to a rule)."""
    j = c.last + 1
    if j >= len(doc.tokens):
        return False
    if _attr_verb(doc, c) is not None:
        return True
    return _names_source(doc, j, doc.lexicon)


def _has_complement(doc: _Doc, c: CueHit) -> bool:
    _, s_end = doc.sentence(c.start)
    norms, starts = doc.tokens.norms, doc.tokens.starts
    for k in range(c.last + 1, min(len(norms), c.last + 1 + WINDOW.get(c.kind, 8))):
        n = norms[k]
        if starts[k] >= s_end or doc.is_colon(k):
            return n == ":"
        if n in COMPLEMENTIZERS and norms[k - 1] not in NOT_AFTER:
            return True
        if doc.is_speech_cue(k) or doc.is_stop(k):
            return False  # «… تابعت الحادث، وتبين من التحقيق أنه …»: the impersonal form takes the «أن»
    return False


def _reported(doc: _Doc) -> list[Found]:
    out = []
    toks = doc.tokens
    for c in doc.cues:
        if c.kind not in SPEECH or c.first in doc.attr_verbs:
            continue
        norms, starts = toks.norms, toks.starts
        limit = min(len(norms), max(c.last, doc.reach.get(c.first, 0)) + 1 + WINDOW[c.kind])
        if COMPLEMENTIZERS.isdisjoint(norms[c.last + 1: limit]):
            continue
        _, s_end = doc.sentence(c.start)
        cue_outside = None
        for k in range(c.last + 1, limit):
            n = norms[k]
            if starts[k] >= s_end or doc.is_colon(k) or doc.is_speech_cue(k) or doc.is_stop(k):
                break  # «أعلنت مصادر العثور على مقبرة … يعتقد أن»: the impersonal form takes the «أن»
            if n not in COMPLEMENTIZERS or not real_complementizer(doc.body, starts[k], toks.ends[k], n):
                continue
            if cue_outside is None:
                cue_outside = not doc.in_marks(c.start)
            if cue_outside and doc.in_marks(starts[k]):
                ms = doc.marks[bisect_right(doc.mark_starts, starts[k]) - 1]
                if doc.words(ms.start, ms.end) <= 4:
                    continue  # «وذكرت شبكة «إي.إس.بي.إن» أن …»: letters of a marked name
                break  # «وقالت X "على الأوروبيين أن يفهموا …"»: the marked words are the quote, not a clause
            if doc.body[toks.ends[k]:toks.ends[k] + 1] in (".", ")"):
                continue  # «محطة (إن.تي.في)»: letters of a name, not «إن»
            if norms[k - 1] in NOT_AFTER:
                break
            if norms[k - 1] == "علي" and norms[k - 2] in KEEN:
                break  # «الذي كان حريصا على أن يكون …», «عملت على أن»: a purpose, not the cue's reported words
            if n in BARE_COMPLEMENTIZERS:
                if k + 1 >= len(norms) or norms[k + 1] == "كي":  # «بان كي مون»
                    break
                a = starts[k + 1]
            else:
                a = starts[k]
            e, _ = _clause_end(doc, k + 1, s_end)
            e = _trim_end(doc, a, e)
            if doc.words(a, e) >= MIN_REPORTED_WORDS:
                hint = ("np", c.last + 1, k) if c.kind in ("verb", "noun") else ("cue",)
                out.append(Found(a, e, False, "reported", c, hint, priority=1, tail=_tail(doc, e)))
            break
    return out


def _tail(doc: _Doc, end: int) -> tuple | None:
    """An attribution right after a quote that names its speaker: «، وفق ما صرح به وزير المالية»."""
    j = doc.tok(end)
    while j < len(doc.tokens) and doc.tokens[j].norm in ("،", ","):
        j += 1
    c = doc.cue_at.get(j)
    if c is None or c.kind != "attr":
        return None
    _, s_end = doc.sentence(doc.tokens[j].start)
    k = c.last + 1
    v = _attr_verb(doc, c)
    if v is not None:
        k = v.last + 1
        if v.cue.lemma == "نقل":
            return ("via", k, doc.tok(s_end))  # «بحسب ما نقلته وكالة …»: the agency carried the words
        return ("vso", k, doc.tok(s_end))
    elif c.cue.lemma == "نقل":
        return ("via", k, doc.tok(s_end))
    elif not _names_source(doc, k, doc.lexicon):
        return None
    return ("src", k, doc.tok(s_end))


# ------------------------------------------------------------------------------------------------ attribution
def _attributions(doc: _Doc, lexicon: CueLexicon) -> list[Found]:
    out = []
    toks = doc.tokens
    for c in doc.cues:
        if c.kind != "attr":
            continue
        s_start, s_end = doc.sentence(c.start)
        j = c.last + 1
        if j >= len(toks) or toks[j].start >= s_end:
            continue
        cue = c
        np_from = j
        src = "src"
        if c.cue.form.startswith("علي ") and (c.first == 0 or toks.norms[c.first - 1] not in ("،", ",")):
            continue  # «على ما قاله» is an object («استند على ما قاله»); «، على ما أفاد» attributes
        v = _attr_verb(doc, c)
        if v is not None:
            cue = CueHit(c.first, v.last, c.start, v.end, v.cue)
            np_from = v.last + 1
            src = "vso"
        elif not _names_source(doc, j, lexicon):
            continue
        np_to = doc.tok(s_end)
        # the source phrase ends at a comma or «فإن»
        k = np_from
        while k < np_to and toks[k].norm not in ("،", ",") and toks[k].norm not in COMPLEMENTIZERS:
            k += 1
        pre_first = doc.tok(s_start)
        lead = [t for t in toks[pre_first:c.first] if t.is_word and t.norm not in ("و", "ف")]
        if src == "src" and len(lead) >= 2 and toks.norms[c.first - 1] in ("،", ",") and k + 1 < np_to \
                and toks.norms[k] in ("،", ",") and toks[k + 1].is_word and not doc.any_cue(k + 1) \
                and toks.norms[k + 1] not in COMPLEMENTIZERS:
            # «ونوه المسؤول، وفق بلاغ للوزارة، بالدور …»: set off by commas inside its sentence, the
            # attribution covers the whole sentence, the words before it and after it
            a = s_start
            e, _ = _clause_end(doc, k + 1, s_end)
            e = _trim_end(doc, a, e)
            hint = ("aside", np_from, k)
        elif len(lead) >= 4:
            if k < np_to and toks[k].norm in COMPLEMENTIZERS \
                    and any(doc.is_speech_cue(i) for i in range(pre_first, c.first)):
                continue  # «وأوضح X خلال مؤتمر بحسب "الفرنسية" أن …»: the medium carried the clause after it
            if any(doc.is_speech_cue(i) and _has_complement(doc, doc.cue_at[i]) for i in range(pre_first, c.first)):
                continue  # «وأضافت … أنه …، بحسب ما نقلته الوكالة»: the reported clause is the quote, this its tail
            a, e = s_start, _trim_end(doc, s_start, c.start)
            hint = (src, np_from, np_to)
        else:
            if k >= np_to:
                continue
            body_from = k + 1
            if body_from < len(toks) and toks[body_from].norm in BARE_COMPLEMENTIZERS:
                body_from += 1
            if body_from >= len(toks):
                continue
            a = toks[body_from].start
            if toks[k].norm in COMPLEMENTIZERS and toks[k].norm not in BARE_COMPLEMENTIZERS:
                a = toks[k].start
            e, _ = _clause_end(doc, body_from, s_end)
            e = _trim_end(doc, a, e)
            hint = (src, np_from, k)
        if doc.words(a, e) >= 3:
            out.append(Found(a, e, False, "attr", cue, hint, priority=0))
    return out


def _names_someone(doc: _Doc, j: int) -> bool:
    """Does the phrase at token ``j`` name a source («كاتب الدولة», «المصادر», a person or organisation), not a
    thing («بحسب نوع القضية»)?"""
    return head_of(doc.tokens[j]) is not None or _names_source(doc, j, doc.lexicon)


def _names_source(doc: _Doc, j: int, lexicon: CueLexicon) -> bool:
    toks = doc.tokens
    for k in (j, j + 1):
        if k >= len(toks):
            return False
        t = toks[k]
        if k == j and t.norm in SAME:
            continue  # «وحسب نفس المصدر», «وبحسب ذات المصدر»: the same source again
        if t.norm in '«"“':
            ms = next((m for m in doc.marks if m.open == t.start), None)
            if ms is not None and ms.close is not None and doc.words(ms.start, ms.end) <= 4:
                return True  # «وبحسب "السياسية"، فإن …»: a name in marks
            continue
        return any(lexicon.single.get(f) is not None and lexicon.single[f].kind == "source" for f in t.forms) \
            or doc.mention_start_near(t, 40) == t.start
    return False


# ------------------------------------------------------------------------------------------------ resolution
def _overlap(a: Found, b: Found) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _resolve(doc: _Doc, found: list[Found]) -> list[Found]:
    marks = [f for f in found if f.kind == "mark"]
    others = [f for f in found if f.kind != "mark"]
    keep_marks = []
    for m in marks:
        host = next((o for o in others
                     if o.kind in ("reported", "attr") and o.start <= m.start and m.end <= o.end + 1), None)
        if host is None:
            keep_marks.append(m)
            continue
        if (m.end - m.start) >= 0.7 * (host.end - host.start):
            others.remove(host)
            keep_marks.append(replace(m, cue=host.cue, speaker_hint=host.speaker_hint))
        # else: a phrase quoted inside reported speech stays part of it
    # reported clauses whose complementizer is followed by a quotation mark: the mark is the quote
    accepted: list[Found] = []
    for f in sorted(keep_marks + others, key=lambda f: (-f.priority, f.start)):
        clash = [a for a in accepted if _overlap(a, f)]
        if not clash:
            accepted.append(f)
            continue
        s, e = f.start, f.end
        for a in clash:
            if a.start <= s and a.end >= e:
                s = e
                break
            if a.start > s:
                e = min(e, a.start)
            else:
                s = max(s, a.end)
        if e > s:
            while s < e and (doc.body[s].isspace() or doc.body[s] in "،,.»”\""):
                s += 1
            e = _trim_end(doc, s, e)
            last_tok = doc.tok(e) - 1
            dangling = last_tok >= 0 and doc.tokens.norms[last_tok] in COMPLEMENTIZERS  # «اعتبرت تركيا أن»
            if doc.words(s, e) >= 3 and not dangling \
                    and not any(_overlap(a, replace(f, start=s, end=e)) for a in accepted):
                accepted.append(replace(f, start=s, end=e))
    accepted.sort(key=lambda f: f.start)
    return accepted


def _clause_initial(doc: _Doc, v: CueHit) -> bool:
    """A verb that opens its clause: first in the sentence, after a comma, or with a conjunction (وقال)."""
    t = doc.tokens[v.first]
    if t.norm != v.cue.form and t.norm[:1] in ("و", "ف"):
        return True
    if v.first == 0:
        return True
    if "\n" in doc.body[doc.tokens.ends[v.first - 1]:v.start]:
        return True  # first in its paragraph
    prev = doc.tokens.norms[v.first - 1]
    return prev in ("،", ",", "و", "ف", "ثم", "ايضا", "وايضا", "فيما", "بينما", "حيث", "حين", ".", "!", "?", "؟", "…", ":", "»", "”", '"') \
        or prev in ("جهته", "جهتها", "جانبه", "جانبها", "بدوره", "بدورها")


def _gender(c: CueHit | None) -> str | None:
    """"m" or "f" as a reporting verb or participle is written («قال/يقول/مؤكدا», «قالت/تقول/مؤكدة»); None for
    plurals, forms with a pronoun, nominal cues and attributions."""
    if c is None or c.kind not in ("verb", "part", "colon"):
        return None
    f, lem = c.cue.form, normalize_for_match(c.cue.lemma)
    if f[:1] in ("و", "ف") and f[:1] != lem[:1]:
        f = f[1:]
    if c.kind != "verb":
        return "m" if f.endswith("ا") else "f" if f.endswith("ه") else None
    if f == lem:
        return "m"
    if f == lem + "ت":
        return "f"
    if f.endswith(("وا", "ون", "ه", "ها", "هم")):
        return None
    return "m" if f[:1] == "ي" else "f" if f[:1] == "ت" else None


def _subjects(doc: _Doc) -> list[tuple[int, Speaker, str | None]]:
    """(position, subject, verb gender) of every clause-initial reporting verb with a subject after it (VSO)."""
    out = []
    for v in doc.cues:
        if v.kind != "verb" or not _clause_initial(doc, v):
            continue
        limit = min(len(doc.tokens), v.last + 2 + MAX_NP, doc.tok(doc.paragraph_end(v.end)))
        rng = noun_phrase(doc.tokens, v.last + 1, limit, doc.body, doc.any_cue)
        if rng is not None and v.cue.lemma != "نقل":
            out.append((v.start, _speaker_from(doc, *rng), _gender(v)))
    return out


def _refresh(doc: _Doc, sp: Speaker | None, before: int) -> Speaker | None:
    """A speaker carried on from earlier, pointed at its latest mention before ``before``."""
    if sp is None:
        return None
    if sp.entity and doc.mentions:
        ms = [m for m in doc.mentions.by_entity.get(sp.entity, ()) if m.end <= before]
        if ms and ms[-1].start > sp.start:  # a later mention than the one that named the speaker
            m = ms[-1]
            return Speaker(m.start, m.end, sp.entity, doc.body[m.start:m.end])
        return sp
    # without entities: the latest repetition of the phrase's last word («… محمد القاسم» → «القاسم»)
    last_tok = doc.tok(sp.end) - 1
    if last_tok < 0 or not doc.tokens[last_tok].is_word:
        return sp
    word = doc.tokens[last_tok].norm
    if len(word) < 4:
        return sp
    j = doc.tok(before) - 1
    norms = doc.tokens.norms
    while j > last_tok:
        if not norms[j].endswith(word):
            j -= 1
            continue
        t = doc.tokens[j]
        if word in t.forms and doc.any_cue(j - 1):  # «وقالت وزارة النفط»: a source noun is no cue
            return Speaker(t.start + (len(t.norm) - len(word) if t.norm != word else 0), t.end, None,
                           doc.body[t.start:t.end])
        j -= 1
    return sp


class _Carried:
    """The speaker carried on to a quote, pointed at its latest mention only when asked for."""

    __slots__ = ("doc", "last", "pos", "value", "done")

    def __init__(self, doc: _Doc, last: Speaker | None, pos: int):
        self.doc, self.last, self.pos, self.value, self.done = doc, last, pos, None, False

    def get(self) -> Speaker | None:
        if not self.done:
            self.value = _refresh(self.doc, self.last, self.pos)
            self.done = True
        return self.value


def _speakers(doc: _Doc, found: list[Found]) -> list[Found]:
    out: list[Found] = []
    subjects = _subjects(doc)
    si = 0
    last: Speaker | None = None
    last_g: str | None = None
    history: list[tuple[Speaker, str | None]] = []  # earlier speakers and the gender of the verb that named them
    last_sentence = None
    for f in found:
        pos = min(f.start, f.cue.start) if f.cue else f.start
        while si < len(subjects) and subjects[si][0] < pos:
            if not _scripture(doc, subjects[si][1]):
                last, last_g = subjects[si][1], subjects[si][2]
            si += 1
        via = None
        hint = f.speaker_hint or ("carry",)
        sent = doc.sentence(f.cue.start if f.cue else f.start)
        carried = _Carried(doc, last, pos)
        if hint[0] == "np":
            sp, via = _np_speaker(doc, f.cue, hint[1], hint[2])
            if sp is None and _authors_own(doc, f.cue, last):
                continue  # «أعتقد أن …» in a column: the writer's view, not a quote
            if sp is None:
                sp = _no_subject(doc, f.cue, carried.get(), last_sentence == sent)
                sp = _honorific_antecedent(doc, hint[1], sp)
        elif hint[0] in ("src", "aside"):
            sp = _source_speaker(doc, hint[1], hint[2])
        elif hint[0] == "vso":
            sp, via = _np_speaker(doc, f.cue, hint[1], hint[2])  # «بحسب ما نقلت مواقع عن شهود»: via
        elif hint[0] == "cue":
            sp, via = _participle_speaker(doc, f.cue, carried.get())
            if sp is not None and via is None and f.cue is not None and f.cue.cue.form in QAWL:
                sp, via = _quoted_from(doc, sp)
        else:
            sp = carried.get()
        g = _gender(f.cue) if hint[0] in ("np", "cue") else None
        if sp is not None and carried.done and sp is carried.value and g and last_g and g != last_g:
            # «وأعلنت المملكة أنها … . وقال إن …»: a masculine verb does not go on with a speaker a feminine
            # verb named (nor the reverse); the latest quote speaker of this paragraph named with the verb's own
            # gender speaks
            p_start = doc.body.rfind("\n", 0, pos) + 1
            other = next((h for h, hg in reversed(history) if hg == g and h.start >= p_start), None)
            if other is not None:
                sp = _refresh(doc, other, pos)
        if f.tail is not None and f.tail[0] == "via":
            via = via or _source_speaker(doc, f.tail[1], f.tail[2])
        elif f.tail is not None and (sp is None or sp is carried.value):
            if f.tail[0] == "vso":
                sp = _np_speaker(doc, None, f.tail[1], f.tail[2])[0] or sp
            else:
                sp = _source_speaker(doc, f.tail[1], f.tail[2]) or sp
        out.append(replace(f, speaker=sp, via=via))
        if sp is not None and not (hint[0] == "aside" and _document(doc, hint[1])) and not _scripture(doc, sp):
            # a document cited in passing («، وفق بلاغ للوزارة،») does not go on speaking
            last = sp
            last_g = g
            history.append((sp, g))
            last_sentence = sent
    return out


QAWL = frozenset("قوله قولها قولهم قولهما".split())


def _quoted_from(doc: _Doc, sp: Speaker) -> tuple[Speaker, Speaker | None]:
    """«نقل التلفزيون الرسمي عن الوزير فلان قوله …»: the one after «عن» speaks, the one before carried it."""
    a, b = doc.tok(sp.start), doc.tok(sp.end)
    k = next((i for i in range(a + 1, b) if doc.tokens.norms[i] == "عن"), None)
    if k is None:
        return sp, None
    rng = noun_phrase(doc.tokens, k + 1, b, doc.body, doc.any_cue)
    if rng is None:
        return sp, None
    return _speaker_from(doc, *rng), _speaker_from(doc, a, k)


def _honorific_antecedent(doc: _Doc, k: int, carried: Speaker | None) -> Speaker | None:
    """«وأكد سموه أن …»: the speaker carried on when it bears the honorific's title («سمو الأمير …»), else the
    nearest earlier phrase opened by that title; ``carried`` when the token at ``k`` is no honorific pronoun."""
    if k >= len(doc.tokens):
        return carried
    titles = honorific_titles(doc.tokens.norms[k])
    if titles is None:
        return carried
    norms = doc.tokens.norms
    if carried is not None:
        a, b = doc.tok(carried.start), doc.tok(carried.end)
        if any(n in titles for n in norms[max(0, a - 2):b]):
            return carried
    for j in range(k - 1, max(-1, k - 400), -1):
        if norms[j] in titles:  # «وسمو ولي العهد» in a formula of thanks is not it
            rng = noun_phrase(doc.tokens, j, min(len(doc.tokens), j + MAX_NP), doc.body, doc.any_cue)
            if rng is not None:
                return _speaker_from(doc, *rng)
    return carried


def _scripture(doc: _Doc, sp: Speaker) -> bool:
    """«قال الله تعالى», «قال صلى الله عليه وسلم»: a cited scripture speaks once; the preacher goes on."""
    k = doc.tok(sp.start)
    norms = doc.tokens.norms
    if k >= len(norms):
        return False
    return norms[k] in SCRIPTURE or norms[k] in ("رسول", "صلي") and "الله" in norms[k + 1:k + 3]


def _document(doc: _Doc, k: int) -> bool:
    """Does the source phrase at token ``k`` open with a document noun («بلاغ», «بيان», «تقرير»)?"""
    return k < len(doc.tokens) and any(f in REPORT_NOUNS for f in doc.tokens[k].forms)


def _authors_own(doc: _Doc, cue: CueHit | None, last: Speaker | None = None) -> bool:
    """A subjectless cue that reads as the first person («أعتقد», «أوضح» = I believe, I make clear) in an
    article written in the first person (an opinion column): the author's own voice. With «و» before it
    («وأعترف», also «and he admitted») only while no one has been named speaking in the article."""
    if cue is None or cue.kind != "verb":
        return False
    n = doc.tokens.norms[cue.first]
    conj = n[:2] in ("وا", "فا") and not n.startswith(("وال", "فال"))
    if conj:
        n = n[1:]
        imperfect = doc.lexicon.lookup.get("ي" + n[1:])
        if last is not None or imperfect is None or imperfect.kind != "verb" or imperfect.lemma != cue.cue.lemma \
                or doc.first_person_words() < 2 or _sentence_subject(doc, cue.first) is not None \
                or _earlier_subject(doc, doc.sentence(cue.start)[0]) is not None:
            return False
    elif n != cue.cue.form:
        return False
    if n[:1] != "ا" or n.startswith("ال") or doc.lexicon.lookup.get("ي" + n[1:]) is None:
        return False
    r = cue.first - 1
    if r >= 0 and doc.tokens.norms[r] not in OPINION_OPENERS \
            and "\n" not in doc.body[doc.tokens.ends[r]:cue.start]:
        return False  # «لكنه أوضح», «كما اعتبر», «قال أعتقد»: someone else's words
    if subject_before(doc.tokens, cue.first, doc.tok(doc.clause_start(cue.start))) is not None:
        return False
    return conj or doc.first_person_voice()


def _speaker_from(doc: _Doc, a: int, b: int) -> Speaker:
    s, e = doc.tokens[a].start, doc.tokens[b - 1].end
    if doc.mentions:
        starts = doc.tokens.starts

        norms = doc.tokens.norms
        cut = e
        for m in doc.mentions.within(s, e):
            # «أشاد القاسم بقرارات الرئيس …»: after a person and a «ب» phrase comes the verb's complement
            j = doc.tok(m.end)
            if m.type == "PER" and j < b and norms[j][:1] == "ب" and len(norms[j]) > 3 and norms[j] != "باسم":
                cut = min(cut, m.end)

        def complement(m) -> bool:
            if m.start >= cut:
                return True
            i = max(a, bisect_right(starts, m.start) - 1)
            return governed(doc.tokens, a, i, max(i + 1, doc.tok(m.end)), doc.body)

        def office(m) -> bool:
            return head_of(doc.tokens[max(a, bisect_right(starts, m.start) - 1)]) is not None

        def lead(m) -> bool:
            i = max(a, bisect_right(starts, m.start) - 1)
            first = norms[i]
            if first[:1] in ("ل", "ب") and len(first) > 3 and first[1:2] in ("ل", "ا") or first == "باسم":
                return False  # «لنقابة موظفي …»: a prepositional phrase tagged as a name
            k = i - 1
            while k >= a and norms[k] not in ("،", ","):
                if norms[k] in STANDALONE_PREPOSITIONS:
                    return False
                k -= 1
            return True

        m = doc.mentions.best(s, e, complement, office, lead)
        if m is not None:
            return Speaker(m.start, m.end, m.entity, doc.body[m.start:m.end])
        if not doc.mentions.within(s, e):
            # a role-only phrase («وقال كاتب الدولة») points back to the person who holds that role
            head = head_of(doc.tokens[a])
            eid = doc.mentions.person_with_role(head, s) if head else None
            if eid is not None:
                return Speaker(s, e, eid, doc.body[s:e])
    return Speaker(s, e, None, doc.body[s:e])


def _np_speaker(doc: _Doc, cue: CueHit, a: int, limit: int) -> tuple[Speaker | None, Speaker | None]:
    rng = noun_phrase(doc.tokens, a, limit, doc.body, doc.any_cue)
    if rng is None:
        return None, None
    a, b = rng
    if cue is not None and cue.cue.lemma == "دعا" and doc.tokens.norms[a] == "الله":
        return None, None  # «ودعا الله عز وجل أن …»: a prayer; God is addressed, the speaker goes on
    if cue is not None and cue.cue.lemma == "لفت" and b - a == 1 and b < len(doc.tokens) \
            and doc.tokens.norms[b] == "الي":
        return None, None  # «ولفت الانتباه إلى أنه»: the object, whatever its spelling
    norms = doc.tokens.norms
    if b + 2 < limit and norms[b] == "علي" and norms[b + 1] == "لسان":
        # «وأكدت الهيئة على لسان رئيسها فلان أن …»: the person speaks for the organisation
        rng2 = noun_phrase(doc.tokens, b + 2, limit, doc.body, doc.any_cue)
        if rng2 is not None:
            return _speaker_from(doc, *rng2), None
    if cue is not None and cue.cue.lemma == "نقل":
        # «نقلت وكالة X عن Y قوله»: X carried the words of Y
        k = next((i for i in range(a, limit) if doc.tokens[i].norm == "عن"), None)
        if k is not None:
            via = _speaker_from(doc, a, k) if k > a else None
            rng2 = noun_phrase(doc.tokens, k + 1, limit, doc.body, doc.any_cue)
            if rng2 is not None:
                return _speaker_from(doc, *rng2), via
    return _speaker_from(doc, a, b), None


# Words that open a clause before its verb («ولم يتردد», «وقد أكد», «حيث قالت»).
LEAD_PARTICLES = frozenset("و ف ثم كما وكما قد وقد لقد لم ولم لن ولن لا ولا حيث بينما ان انه".split())
H_VERBS = frozenset("نوه وجه نبه توجه شبه".split())  # verbs ending in «ه» («نوّه رئيس الأركان بالدور …»)
SIDE_WORDS = frozenset("جهته جهتها جانبه جانبها".split())  # «من جهته، عبر …»: a verb comes next
PASSIVE_AUX = frozenset("تم يتم وتم ويتم جري يجري وجري ويجري".split())  # «وتم الكشف»: no subject follows
# Verbs that begin like the article («والتقى رئيس الوفد …»).
KEEN = frozenset("حريص حريصا حريصه حريصين حريصون حرص وحرص حرصت وحرصت يحرص تحرص عازم عازما عازمه عازمون عازمين "
                 "قادر قادرا قادره قادرين قادرون عمل وعمل عملت وعملت يعمل ويعمل تعمل وتعمل".split())
ARTICLE_LIKE_VERBS = frozenset("التقي التقت التقوا التزم التزمت التزموا التحق التحقت التمس التمست القي القت القوا".split())
NOT_VERBS = PREPOSITIONS | NP_STOPS | START_STOPS | COMPLEMENTIZERS | RELATIVES | PASSIVE_AUX | frozenset(
    "حول لدي بعض كل هذا هذه ذلك تلك هناك هنا هو هي هم هما انا نحن وهو وهي وهم لان لانه لانها لانهم اذ اذا لو لولا عندما حين حينما بعدما "
    "قبلما كي لكي حتي لكن لكنه لكنها ولكن ولكنه ولكنها اما بحسب حسب وفق وفقا طبقا رغم برغم بالرغم".split())


def _verb_like(doc: _Doc, k: int, after_side: bool) -> bool:
    """Could token ``k``, opening a clause, be its verb (so that its subject follows)? Without part-of-speech
    tags: not a function word, not definite, not a name, not a role noun («وزير»), not a noun in م- or -ة."""
    t = doc.tokens[k]
    n = t.norm
    if not t.is_word or n.isdigit():
        return False
    if after_side:
        return True  # «من جهته، عبر الرئيس …»
    bare = n[1:] if n[:1] in ("و", "ف") and len(n) >= 3 else n
    if n in NOT_VERBS or bare in NOT_VERBS:
        return False
    if (bare.startswith("ال") or n.startswith("ال")) and bare not in ARTICLE_LIKE_VERBS:
        return False
    if head_of(t) or (bare[:1] == "م" and len(bare) >= 5) or (bare.endswith("ه") and not bare.endswith("ها")
                                                             and bare not in H_VERBS):
        return False
    found = doc.mention_start_near(t, 60)
    return found is None or found > t.start


def _sentence_subject(doc: _Doc, upto: int, nearest: bool = False, s_start: int | None = None) -> Speaker | None:
    """The subject of the first clause of the sentence, before token ``upto``, that has one: a cue with no
    subject of its own shares the subject of the verb it is coordinated with («ولم يتردد المدرب … وأجاب»,
    «نشرت صحيفة X تقريرا …، حيث قالت إن»). With ``nearest``, the last such clause: an adverbial participle
    belongs to the clause just before it («…، وأرفقت قناة X الفيديو، مشيرة إلى أن»)."""
    toks = doc.tokens
    norms = toks.norms
    if s_start is None:
        s_start, _ = doc.sentence(toks.starts[upto])
    c = doc.tok(s_start)
    after_side = False
    found = None
    while c < upto:
        if doc.in_marks(toks.starts[c]):
            c += 1  # the sentence splitter cut inside quoted words: they are not the reporter's clauses
            continue
        k = c
        while k < upto and norms[k] in LEAD_PARTICLES:
            k += 1
        nxt = k
        while nxt < upto and norms[nxt] not in ("،", ",", "؛", ";"):
            nxt += 1
        if k + 1 < upto and norms[k] in ("من", "ومن") and norms[k + 1] in SIDE_WORDS \
                or norms[k] in ("بدوره", "بدورها"):
            after_side = True
            k += 1 if norms[k] in ("بدوره", "بدورها") else 2
            if k >= nxt:
                c = nxt + 1
                continue  # «من جهته، عبر …»: the verb opens the next clause
        svo = k < nxt and norms[k] in ("فان", "وان", "ان") and real_complementizer(doc.body, toks.starts[k],
                                                                               toks.ends[k], norms[k])
        if svo or k < nxt and _verb_like(doc, k, after_side):
            # «فإن "الأجهزة السيادية" لم تفصح …، لكنها أكدت»: after «فإن» the subject comes first
            rng = noun_phrase(toks, k + 1, upto, doc.body, doc.any_cue)
            if rng is not None:
                first = toks[rng[0]]
                prep = first.norm[:1] in ("ب", "ل", "ك") and len(first.forms) > 1 \
                    and doc.mention_start_near(first, 60) != first.start
                # «كوكاكولا», «بولت»: a name the tagger found, not «ب/ل/ك» + noun
                if not prep and first.norm not in ("ما", "من"):
                    found = rng
                    if not nearest:
                        break
        after_side = False
        c = nxt + 1
    return _speaker_from(doc, *found) if found else None


def _no_subject(doc: _Doc, cue: CueHit, last: Speaker | None, same_sentence: bool) -> Speaker | None:
    """A verb with no subject after it: a subject before it (SVO), the subject of the clause it is coordinated
    with, else the speaker goes on."""
    if cue is None:
        return last
    t = doc.tokens[cue.first]
    conj = t.norm[:1] in ("و", "ف") and t.norm != cue.cue.form
    r = cue.first - 1
    while r > 0 and doc.tokens.norms[r] in AUXILIARIES:
        r -= 1  # «الذي كان قد اتهم»
    prev = doc.tokens.norms[r] if r >= 0 else ""
    if prev in RELATIVES:
        if same_sentence and last is not None:
            return last
        rng = antecedent(doc.tokens, r)
        return _speaker_from(doc, *rng) if rng else last
    if not conj and cue.kind == "verb":
        rng = subject_before(doc.tokens, cue.first, doc.tok(doc.clause_start(cue.start)))
        if rng is not None:
            return _speaker_from(doc, *rng)
    bare = doc.lexicon.lookup.get(t.norm[1:]) if t.norm[:1] == "ف" else None
    if bare is not None and bare.kind == "verb":  # «فأوضح», «فقال»
        topic = _amma_topic(doc, cue.first)
        if topic is not None:
            return topic
    return _carry_or_sentence_subject(doc, cue, last, same_sentence)


def _amma_topic(doc: _Doc, first: int) -> Speaker | None:
    """«أما رئيس اللجنة سامر الخطيب، فأوضح أن …»: the topic after «أما» is the subject of the «فـ» verb."""
    norms = doc.tokens.norms
    s_first = doc.tok(doc.sentence(doc.tokens.starts[first])[0])
    for k in range(first - 1, max(s_first, first - 14) - 1, -1):
        if norms[k] in ("اما", "واما"):
            b = first
            while b > k + 1 and norms[b - 1] in ("،", ","):
                b -= 1
            rng = noun_phrase(doc.tokens, k + 1, b, doc.body, doc.any_cue)
            return _speaker_from(doc, *rng) if rng is not None else None
        if norms[k] in (".", "!", "?", "؟", ":"):
            return None
    return None


def _carry_or_sentence_subject(doc: _Doc, cue: CueHit, last: Speaker | None, same_sentence: bool):
    """The speaker goes on when it was named in this sentence; else the sentence's own subject, if it has one."""
    s_start, _ = doc.sentence(cue.start)
    if same_sentence or (last is not None and last.start >= s_start):
        return last
    own = _sentence_subject(doc, cue.first)
    if own is None:
        if last is None:
            return _earlier_subject(doc, s_start)
        if last.start < doc.body.rfind("\n", 0, s_start) + 1:
            # «P1: قال X: … ¶ بدوره، يسعى الرئيس Y إلى … . وقال …»: a person who is the subject of an earlier
            # sentence of this paragraph takes the floor from one named in an earlier paragraph
            earlier = _earlier_subject(doc, s_start)
            if earlier is not None and _names_person(doc, earlier):
                return earlier
        return last
    return _prefer(doc, own, last, cue.start)


def _names_person(doc: _Doc, sp: Speaker) -> bool:
    """Is the phrase a person's: a person entity, or a phrase opened by a role («الرئيس …», «الوزير …»)?"""
    if sp.entity is not None:
        return any(m.type == "PER" for m in doc.mentions.by_entity.get(sp.entity, ())[:1])
    k = doc.tok(sp.start)
    return k < len(doc.tokens) and head_of(doc.tokens[k]) is not None


def _prefer(doc: _Doc, own: Speaker, last: Speaker | None, at: int) -> Speaker:
    """A clause's own subject, unless it names no one («وقدم التهنئة للفارس …»: a definite common noun, no
    entity, no role) while this paragraph's speaker goes on."""
    p_start = doc.body.rfind("\n", 0, at) + 1
    if last is None or last.start < p_start or own.entity is not None:
        return own
    if own.text.split()[-1:] and own.text.split()[-1] in last.text.split():
        return own  # «الحمد» after «حمد الحمد»: the same person, named where it speaks
    k = doc.tok(own.start)
    t = doc.tokens[k]
    if not t.norm.startswith("ال") or head_of(t) or _names_source(doc, k, doc.lexicon):
        return own
    nxt = doc.tokens.norms[k + 1] if k + 1 < len(doc.tokens) and doc.tokens.starts[k + 1] < own.end else ""
    if nxt and nxt[:1].isalpha() and not nxt.startswith(("ال", "ل", "ب")):
        return own  # «الفارس عبدالله الشربتلي»: a name follows the noun
    if nxt.startswith("ال") and nxt.endswith(("ي", "يه")) and len(nxt) > 4:
        return own  # «المدرب الهلالي»: a role named by its attribute
    return last


def _earlier_subject(doc: _Doc, s_start: int) -> Speaker | None:
    """No one to carry on: the subject of an earlier sentence of the paragraph («رفع الأمير X التهنئة … .
    وأكد أن …»), the nearest first, at most two back."""
    p_start = doc.body.rfind("\n", 0, s_start) + 1
    pos = s_start
    for _ in range(2):
        if pos <= p_start:
            return None
        prev_start, _ = doc.sentence(pos - 1)
        if prev_start < p_start:
            return None
        sp = _sentence_subject(doc, doc.tok(pos), s_start=prev_start)
        if sp is not None and not _scripture(doc, sp):
            return sp
        pos = prev_start
    return None


def _participle_speaker(doc: _Doc, cue: CueHit, last: Speaker | None) -> tuple[Speaker | None, Speaker | None]:
    """«مضيفا», «قائلا»: the subject of the clause-initial verb before it in the sentence, else the last one."""
    if cue is None:
        return last, None
    c = doc.tok(doc.clause_start(cue.start))
    while c < cue.first and doc.tokens.norms[c] in LEAD_PARTICLES:
        c += 1
    side = c + 1 < cue.first and doc.tokens.norms[c] in ("من", "ومن") and doc.tokens.norms[c + 1] in SIDE_WORDS
    if side:
        c += 2  # «من جانبه امتدح اللاعب X … قائلا»: the verb comes after the side phrase
        if c < cue.first and doc.tokens.norms[c] in ("،", ","):
            c += 1
    if c < cue.first and not doc.in_marks(doc.tokens.starts[c]) and doc.cue_at.get(c) is None \
            and _verb_like(doc, c, side):
        # «واختتم المدرب الهلالي حديثه بقوله:»: the subject of the participle's own clause
        rng = noun_phrase(doc.tokens, c + 1, cue.first, doc.body, doc.any_cue)
        if rng is not None:
            return _prefer(doc, _speaker_from(doc, *rng), last, cue.start), None
    first = doc.tok(doc.body.rfind("\n", 0, cue.start) + 1)
    s_first = doc.tok(doc.sentence(cue.start)[0])
    i = bisect_left(doc.cue_firsts, cue.first) - 1
    in_sentence = True
    while i >= 0 and doc.cues[i].first >= first:
        v = doc.cues[i]
        if in_sentence and v.first < s_first:
            in_sentence = False
            # no reporting verb in the participle's own sentence: its main clause's subject, if it has one
            sp = _sentence_subject(doc, cue.first, nearest=True)
            if sp is not None:
                return _prefer(doc, sp, last, cue.start), None
        if v.kind == "verb":
            initial = _clause_initial(doc, v)
            if initial:
                sp, via = _np_speaker(doc, v, v.last + 1, cue.first)
                if sp is not None:
                    return sp, via
                return _no_subject(doc, v, last, True), None
            if in_sentence:
                prev = doc.tokens.norms[v.first - 1] if v.first else ""
                if prev in ("ما", "مما", "بما", "عما", "كما"):
                    # «وبالعودة إلى ما قاله الدكتور ميزاب، …، مشيرا»: the subject follows the verb
                    sp, via = _np_speaker(doc, v, v.last + 1, cue.first)
                    if sp is not None:
                        return sp, via
                elif prev not in RELATIVES and not doc.any_cue(v.first - 1):
                    # «هول يؤكد أنه …، قائلا»: the subject before the sentence's reporting verb (not the verb
                    # of «وأضاف يقول: …، موضحا»: that one's subject or the carried speaker speaks)
                    rng = subject_before(doc.tokens, v.first, doc.tok(doc.clause_start(v.start)), False)
                    if rng is not None:
                        return _speaker_from(doc, *rng), None
        elif v.kind == "attr" and in_sentence and not v.cue.form.endswith("ما") \
                and doc.tokens.norms[v.last + 1] != "ما" \
                and v.first > 0 and doc.tokens.norms[v.first - 1] in ("،", ","):
            # «…، حسب كاتب الدولة …، مشيرا إلى أن»: the one the sentence attributes it to
            rng = noun_phrase(doc.tokens, v.last + 1, cue.first, doc.body, doc.any_cue)
            if rng is not None and _names_someone(doc, rng[0]):
                return _speaker_from(doc, *rng), None
        i -= 1
    if in_sentence:
        sp = _sentence_subject(doc, cue.first, nearest=True)
        if sp is not None:
            return _prefer(doc, sp, last, cue.start), None
    if last is None:
        return _earlier_subject(doc, doc.sentence(cue.start)[0]), None
    return last, None


def _source_speaker(doc: _Doc, a: int, b: int) -> Speaker | None:
    if a < b and doc.tokens[a].norm in '«"“':
        k = a + 1
        while k < b and doc.tokens[k].norm not in '»"”':
            k += 1
        return _speaker_from(doc, a + 1, k) if k > a + 1 else None
    # the source phrase: up to a comma, a complementizer or a mark (addressee-like «لصحيفة» belongs to it)
    k = a
    while k < b and k - a < 12 and doc.tokens[k].is_word and doc.tokens[k].norm not in COMPLEMENTIZERS \
            and not (k > a and doc.tokens[k].norm in RELATIVES):  # «بحسب المنظمة التي أضافت أن»
        k += 1
    if k == a:
        return None
    b = k
    first = doc.tokens[a]
    if any(f in STATEMENT_NOUNS for f in first.forms):
        # «حسب تصريح أحدهم لمراسلنا»: the possessor made the statement; «بحسب تصريحات لوكالة …»: made to a
        # medium by someone the phrase does not name
        k = next((i for i in range(a + 1, b) if doc.tokens.norms[i][:1] == "ل" and len(doc.tokens.norms[i]) > 2
                  or doc.tokens.norms[i] == "ل"), b)
        return _speaker_from(doc, a + 1, k) if k > a + 1 else None
    if any(f in REPORT_NOUNS for f in first.forms) and b - a > 1:
        # «بحسب تقرير لصحيفة X», «بحسب بيانات اتحاد X»: the claim is X's
        nxt = doc.tokens.norms[a + 1]
        if nxt.startswith(ISSUED) or nxt in ("صادر", "الصادر") and a + 2 < b:
            # «بلاغ أصدرته الجمعية …», «بيان صادر عن الرئاسة»: the issuer follows
            k = a + (3 if nxt in ("صادر", "الصادر") and doc.tokens.norms[a + 2] == "عن" else 2)
            return _speaker_from(doc, k, b) if k < b else None
        for i in range(a + 1, min(b, a + 3)):
            t = doc.tokens[i]
            if t.norm.startswith("ل") and len(t.norm) > 3:
                s = t.start + 1
                if doc.mentions:
                    m = doc.mentions.best(s, doc.tokens[b - 1].end)
                    if m is not None:
                        return Speaker(m.start, m.end, m.entity, doc.body[m.start:m.end])
                return Speaker(s, doc.tokens[b - 1].end, None, doc.body[s:doc.tokens[b - 1].end])
        return _speaker_from(doc, a + 1, b)
    sp = _speaker_from(doc, a, b)
    hit = doc.lexicon.single.get(first.norm[1:]) if first.norm[:1] == "ل" and first.norm[1:2] != "ل" else None
    if hit is not None and hit.kind == "source" and sp.start == first.start and sp.entity is None:
        # «وفقا لمنظمة الصحة العالمية»: the «ل» written against the source is not part of its name
        sp = Speaker(sp.start + 1, sp.end, None, doc.body[sp.start + 1:sp.end])
    return sp


# ------------------------------------------------------------------------------------------------ entry points
def candidates(article: Article, lexicon: CueLexicon | None = None) -> list[Found]:
    """The quotes of ``article`` with their speaker spans, in text order (internal; see ``find_quotes``)."""
    body = article.body
    if not body:
        return []
    lex = lexicon or load()
    doc = _Doc(body, lex)
    doc.mentions = MentionIndex(article.entities)
    found = _mark_quotes(doc) + _colon_quotes(doc) + _reported(doc)
    found += _attributions(doc, lex)
    cut = _BOILERPLATE.search(body)
    if cut:  # «رابط الخبر بصحيفة …: headline» closes some scraped pages; a headline is not a quote
        found = [f for f in found if f.start < cut.start()]
    return _speakers(doc, _resolve(doc, found))


def _date(article: Article, doc_sentence_start: int, end: int) -> str | None:
    for d in article.dates:
        if doc_sentence_start <= d.start < end and d.value:
            return d.value
    if article.published:
        m = _ISO_DATE.match(article.published)
        return m.group() if m else article.published
    return None


def find_quotes(article: Article, lexicon: CueLexicon | None = None) -> tuple[Quote, ...]:
    """The quotes of ``article`` as records, ids q1, q2, … in text order; ``body[start:end] == text``."""
    found = candidates(article, lexicon)
    if not found:
        return ()
    sent_spans = sentences(article.body) if article.dates else []
    starts = [s for s, _ in sent_spans]
    out = []
    for n, f in enumerate(found, 1):
        cue_pos = f.cue.start if f.cue else f.start
        if sent_spans:
            i = bisect_right(starts, cue_pos) - 1
            s0 = sent_spans[i][0] if i >= 0 else 0
            date = _date(article, s0, max(f.start, f.cue.end if f.cue else f.start))
        else:
            date = _date(article, 0, 0)
        sp = f.speaker
        out.append(Quote(
            id=f"q{n}", text=article.body[f.start:f.end], start=f.start, end=f.end, direct=f.direct,
            speaker=sp.entity if sp else None, speaker_text=sp.text if sp else None,
            cue=article.body[f.cue.start:f.cue.end] if f.cue else None,
            via=f.via.entity if f.via else None, date=date))
    return tuple(out)


def stage(article: Article) -> Article:
    """Pipeline stage: the article with its ``quotes`` filled."""
    return article.replace(quotes=find_quotes(article))
