"""Who said it: the subject next to a reporting cue, resolved to an entity when the article has one.

Without entities the speaker is the noun phrase itself (its span gives ``speaker_text``). The phrase after a
verb (VSO) runs to the first stop: a complementizer, a colon or quotation mark, a time word, a preposition
that opens an adverbial («في تصريح», «خلال»), the addressee («لوكالة …»). It may go on past a comma into an
apposition («النائب عن الاتحاد، توفيق الجمني»). Before the verb (SVO) it is the short stretch between the
clause start and the verb.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from marsad.actors.base import strip_article
from marsad.actors.roles import HEADS
from marsad.quotes.lexicon import institutions, load, relations
from marsad.records import Entity
from marsad.text import Token, normalize_for_match

COMPLEMENTIZERS = frozenset(
    "ان انه انها انهم انهما انهن اننا انني بان بانه بانها بانهم بانهما باننا فان فانه فانها فانهم".split())
BARE_COMPLEMENTIZERS = frozenset({"ان", "بان", "فان"})
# Words that end the subject phrase after a verb.
NP_STOPS = frozenset(
    """في خلال اليوم امس غدا الليله صباح مساء عصر ظهر يوم عقب بعد قبل اثناء لدي امام عبر حيث اثر الي
    علي مساء صباحا مساءا اول الاسبوع الشهر امس اليوم عند منذ وذلك ضمن كما فيما بينما لكن وقال ما قد وقد لقد
    بما لما مما عما ايضا كذلك لاحقا سابقا مجددا مرارا موخرا بدوره بدورها حول بشان بعدها قبلها حينها وقتها يومها
    الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد""".split())
# Addressees after «ل»: «لوكالة …», «لمراسل …», «للجوهرة …».
ADDRESSEES = frozenset(
    "وكاله صحيفه جريده مراسل مراسله قناه اذاعه موقع الجوهره جوهره التلفزيون تلفزيون راديو برنامج مجله الصحفيين "
    "الصحافه وسائل".split())
# A medium whose name in marks may close the phrase («وكالة "رويترز"»); not «مراسل» (the correspondent speaks).
MEDIA_NAMED_IN_MARKS = frozenset("وكاله صحيفه جريده قناه اذاعه موقع مجله تلفزيون التلفزيون افتتاحيه".split())
REPORT_NOUNS = frozenset("تقرير تقارير بيان بيانات بلاغ دراسه احصائيات ارقام معطيات وثيقه".split())
START_STOPS = frozenset("من عن الي علي مع ب ل بين".split())  # a phrase after a verb that starts so is not its subject
SVO_PARTICLES = frozenset("الا ان لكن لكنه لكنها ولكنه ولكنها الا انه كما فيما و ثم قد وقد بينما حيث من جهته جهتها جانبه جانبها بدوره بدورها".split())
NAME_TITLES = frozenset("الملك الامير الاميره الشيخ الشيخه السلطان الامام".split())  # «جامعة الملك سعود»
ABBREVIATIONS = frozenset("د م ا".split())  # «د.» doctor, «م.» engineer, «أ.» professor
SIDE_WORDS_AFTER = frozenset("جهته جهتها جانبه جانبها جهتهم جانبهم".split())
SIDE_NOUNS = frozenset("جانب جهه ناحيه صعيد سياق طرف".split())  # «من جانب آخر», «من جهة أخرى»: adverbials
# «طالبا عدم الكشف عن اسمه», «من دون ذكر اسمه»: a negated verbal noun or one's own name is never the subject
NOT_SUBJECTS = frozenset("عدم اسمه اسمها اسمهم هويته هويتها هويتهم هناك هنالك ثمه".split())
WRITTEN_OBJECTS = frozenset("منشورا تغريده تدوينه مقالا".split())  # «وكتب X منشورا»
OBJECT_WORDS = frozenset("حديثه حديثها كلامه كلامها قوله قولها الانتباه انتباه النظر الانظار".split())  # «وتابع حديثه»: an object, not a subject
LINKING = frozenset("لكن ولكن بينما فيما اذ ثم".split())  # a subject may follow these within a sentence
SOURCE_HEADS = frozenset("مصدر مصادر مسوول مسوولون مسوولين".split())
ATTRIBUTION_WORDS = frozenset("بحسب وبحسب حسب وحسب وفق ووفق وفقا ووفقا طبقا نقلا".split())
LEAD_AUXILIARIES = frozenset("كان وكان كانت وكانت فكان فكانت".split())
AUXILIARIES = frozenset("قد كان كانت كانوا وقد لقد".split())
RELATIVES = frozenset("الذي التي الذين والذي والتي والذين".split())
# Before a name, these make it a complement of the phrase («المتحدث باسم الرئيس», «نقلا عن مصدر»).
COMPLEMENT_PREPOSITIONS = frozenset("باسم عن من الي علي مع لدي ل ب".split())
FIRST_PERSON = frozenset("انا نحن اني انني اننا".split())
# Honorific pronouns («وأكد سموه», «وقال معاليه»): the subject is the person named earlier, not the word itself.
HONORIFIC_PRONOUNS = frozenset(
    "سموه سموها معاليه معاليها فخامته فخامتها سيادته سيادتها سعادته سعادتها جلالته جلالتها سماحته دولته "
    "نيافته غبطته قداسته".split())
# The words that open the mention an honorific pronoun points back to («سموه» → «سمو الأمير …», «الأمير …»).
HONORIFIC_TITLES = {
    "سمو": frozenset("سمو الامير الاميره صاحب".split()),
    "معالي": frozenset("معالي الوزير الوزيره وزير وزيره".split()),
    "فخام": frozenset("فخامه الرئيس الرييس".split()),
    "سياد": frozenset("سياده الرئيس السفير".split()),
    "سعاد": frozenset("سعاده السفير المدير".split()),
    "جلال": frozenset("جلاله الملك الملكه العاهل".split()),
    "سماح": frozenset("سماحه الشيخ المفتي الامام".split()),
    "دول": frozenset("دوله".split()),
}


def honorific_titles(norm: str) -> frozenset[str] | None:
    """For an honorific pronoun («سموه», «معاليها»), the words that open the mention it points back to."""
    if norm not in HONORIFIC_PRONOUNS:
        return None
    return next((t for stem, t in HONORIFIC_TITLES.items() if norm.startswith(stem)), None)
PUNCT_STOP = frozenset(':«»“”„"؟?!.؛;()')
MAX_NP = 16


@dataclass(frozen=True, slots=True)
class Speaker:
    start: int  # character span of the phrase that names the speaker
    end: int
    entity: str | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity: str
    type: str


class MentionIndex:
    """PER/ORG/GPE mentions of the article's entities, sorted, for span look-ups."""

    RANK = {"PER": 0, "ORG": 1, "GPE": 2}

    def __init__(self, entities: tuple[Entity, ...] | list[Entity]):
        ms = [Mention(m.start, m.end, e.id, e.type) for e in entities if e.type in self.RANK for m in e.mentions]
        ms.sort(key=lambda m: (m.start, m.end))
        self.mentions = ms
        self.starts = [m.start for m in ms]
        self.by_entity: dict[str, list[Mention]] = {}
        for m in ms:
            self.by_entity.setdefault(m.entity, []).append(m)
        # the head word of each person's roles («كاتب الدولة للانتاج الفلاحي» → «كاتب»)
        self.role_heads: dict[str, frozenset[str]] = {
            e.id: frozenset(strip_article(normalize_for_match(r.split()[0])) for r in e.roles if r.split())
            for e in entities if e.type == "PER" and e.roles}

    def person_with_role(self, head: str, before: int) -> str | None:
        """The person last named before ``before`` who holds a role with this head word («كاتب الدولة» → the
        entity whose roles include «كاتب الدولة للانتاج الفلاحي»), or None."""
        best, best_at = None, -1
        for eid, heads in self.role_heads.items():
            if head in heads:
                at = max((m.start for m in self.by_entity.get(eid, ()) if m.end <= before), default=-1)
                if at > best_at:
                    best, best_at = eid, at
        return best

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def within(self, start: int, end: int) -> list[Mention]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def best(self, start: int, end: int, governed=None, office=None, lead=None) -> Mention | None:
        """The mention naming a phrase: the last-named person, else the last-named organisation or place.

        ``governed(mention)`` tells a person named as a complement («مستشار ترامب», «والد الضحية محمد»): such a
        person is not the speaker, and when every person in the phrase is one, no mention names it (None).
        ``office(mention)`` tells a role-only mention («رئيس الجمهورية اليمنية»): a name is preferred to it.
        ``lead(mention)`` tells a person named outside any prepositional phrase of the subject («النائب عن
        الاتحاد الوطني الحر» is inside one): the first such person is the one named.
        """
        found = self.within(start, end)
        if not found:
            return None
        people = [m for m in found if m.type == "PER"]
        if people:
            free = [m for m in people if governed is None or not governed(m)]
            if not free:
                return None
            if lead is not None:
                clean = [m for m in free if lead(m)]
                if clean:
                    return clean[0]  # «أحمد قطان سفير …», «السفير أحمد قطان …»: the name the phrase opens with
            named = [m for m in free if not (office and office(m))]
            return (named or free)[-1]
        free = [m for m in found if (governed is None or not governed(m))
                and (m.type != "GPE" or m.start - start <= 12)]  # «امرأة أصيلة مدينة غار الدماء»: a place named
        # on the way is not the speaker; a state is when the phrase opens with it («أكدت الكويت»)
        # «امرأة …، بشكاية لفرقة الشرطة»: an organisation inside a complement does not name the speaker
        return min(free, key=lambda m: (self.RANK[m.type], -m.start)) if free else None


def governed(tokens, a: int, i: int, j: int, text: str) -> bool:
    """Is the name at tokens ``[i, j)`` of a subject phrase starting at token ``a`` a complement, not the speaker?

    It is after a relational noun written without the article («مستشار ترامب», «سفير خادم الحرمين»), after a
    preposition («باسم», «عن»), in a phrase opened by a relational noun and not set off by a comma («والد
    الضحية محمد»), or itself opens with such a noun («ضيف بولتيكا») or an attached preposition («للملا عمر»).
    """
    rel = relations()
    norms = tokens.norms
    if i > a:
        prev = norms[i - 1]
        if prev in rel.all or prev in COMPLEMENT_PREPOSITIONS:
            return True
        if prev in NAME_TITLES and i - 2 >= a and norms[i - 2] in institutions():
            return True  # «رئيس مدينة الملك عبدالعزيز للعلوم …»: the name is the institution's
        if norms[a] in rel.kin and "،" not in norms[a:i] and "," not in norms[a:i]:
            return True
        if prev.startswith(("لل", "بال")) and len(prev) > 4 or prev[:1] == "ل" and len(prev) >= 5 and prev[-1] == "ه":
            # «وقدم التهنئة للفارس الشربتلي», «لنقابة موظفي»: a name after a «لـ» phrase is its complement
            return True
    first = norms[i]
    if j - i > 1 and first in rel.all and first not in rel.name_starts:
        return True
    return first.startswith(("لل", "بال")) or (first[:1] == "ل" and first[1:] in rel.all)


def _possessed_object(norm: str) -> bool:
    """«وأكد استعدادهم لتقديم الدعم»: a verbal noun with a possessor after a verb is its object (the subject
    is dropped); «وقال رئيسها», «وقال قادتها» are subjects."""
    for suffix in ("هما", "هم", "هن", "ها"):
        if norm.endswith(suffix) and len(norm) - len(suffix) >= 3 and not norm.startswith("ال"):
            stem = norm[: -len(suffix)]
            # only verbal nouns (استعداد، تقدير، ترحيب): a possessed plural («قادتها») may well be the subject
            return len(stem) >= 5 and stem.startswith(("است", "ت")) and stem not in HEADS
    return False


def is_first_person(norm: str) -> bool:
    """«أؤكد», «أعتقد», «نحن»: the speaker's own words after a cue with no quotation mark, not a subject."""
    if norm in FIRST_PERSON:
        return True
    if len(norm) > 3 and norm[0] == "ا" and not norm.startswith("ال"):
        cue = load().lookup.get("ي" + norm[1:])
        return cue is not None and cue.kind in ("verb", "stop")
    return False


def is_addressee(tok: Token) -> bool:
    if tok.norm == "ل":
        return True
    return tok.norm.startswith("ل") and any(f in ADDRESSEES for f in tok.forms[1:])


def noun_phrase(tokens: list[Token], i: int, limit: int, text: str, is_cue) -> tuple[int, int] | None:
    """Token range ``[a, b)`` of the subject phrase starting at token ``i`` (before ``limit``), or None.

    Leading adverbials and addressees are skipped when a comma closes them («في تصريح لـ…، الوزير …»).
    """
    i = _skip_leading(tokens, i, limit, text)
    if i < limit and tokens[i].norm in '"«“':
        # «وأضاف "الجهني":» — a name in quotation marks
        for k in range(i + 1, min(limit, i + 6)):
            if tokens[k].norm in '"»”':
                return (i + 1, k) if k > i + 1 else None
        return None
    a = i
    b = i
    while b < limit and b - a < MAX_NP:
        tok = tokens[b]
        n = tok.norm
        if n in '"«“' and b > a:
            # «صحيفة “ilsole24ore” الإيطالية»: a short name in marks inside the phrase, followed by more of it
            k = next((k for k in range(b + 1, min(limit, b + 5)) if tokens[k].norm in '"»”'), None)
            if k is not None and k > b + 1 and k + 1 < limit and tokens[k + 1].is_word \
                    and tokens[k + 1].norm not in COMPLEMENTIZERS and not is_cue(k + 1):
                b = k + 1
                continue
            if k is not None and k > b + 1 and tokens[b - 1].norm in MEDIA_NAMED_IN_MARKS:
                return b + 1, k  # «وفق ما أوردته وكالة "رويترز".»: the medium's name
            break
        if n == "(" and b > a:
            # «صحيفة (توتو سبورت) الإيطالية», «وكالة الأنباء (واس)»: a name in brackets belongs to the phrase
            k = next((k for k in range(b + 1, min(limit, b + 7)) if tokens[k].norm == ")"), None)
            if k is not None and k > b + 1 and all(t.is_word for t in tokens[b + 1:k]):
                b = k + 1
                continue
            break
        if n == "." and b > a and tokens[b - 1].norm in ABBREVIATIONS and b + 1 < limit and tokens[b + 1].is_word:
            b += 1  # «د. سالم الخطيب», «م. يوسف …»: the title's period does not end the phrase
            continue
        if n in PUNCT_STOP or is_cue(b) or (n in COMPLEMENTIZERS and real_complementizer(text, tok.start, tok.end, n)
                                            and not (n == "بان" and b + 1 < limit and tokens[b + 1].norm == "كي")):
            break
        if n in ("،", ","):
            # go on past the comma only into an apposition that does not itself stop at once
            nxt = b + 1
            if nxt < limit and _np_word(tokens[nxt], text) and tokens[nxt].norm not in NP_STOPS \
                    and tokens[nxt].norm not in OBJECT_WORDS and not is_cue(nxt) and b > a:
                b += 1
                continue
            break
        if b > a and n == "من" and b + 1 < len(tokens) and tokens[b + 1].norm in COMPLEMENTIZERS:
            break  # «وحذرت الدراسة من أن …»
        if b > a and n in ("القول", "قوله", "قولها"):
            break  # «نقلت الإذاعة عن مصدر أمني كبير القول إن …»: the saying, not the source
        if b > a and n in ("هذا", "هذه") and b + 1 < limit and tokens[b + 1].norm in TIME_NOUNS:
            break  # «وقالت الحكومة هذا الأسبوع إنها …»: a time phrase
        if b > a and n in TIME_NOUNS and b + 1 < limit and tokens[b + 1].norm in TIME_ADJECTIVES:
            break  # «وأعلنت الوزارة العام الماضي أنها …» (not «المدير العام»)
        if b > a and n == "ذلك":
            break  # «وقد أعلن العلماء ذلك بعد …»: the object, not part of the subject
        if b > a and n in WRITTEN_OBJECTS:
            break  # «وكتب زوكربيرغ منشورا على …», «وكتب الرئيس تغريدة …»: the object, not the subject
        if b > a and n in OBJECT_WORDS and tokens[b - 1].norm.startswith("ال"):
            break  # «واختتم اللاعب الدولي حديثه»: the object («دراسة حديثة» is a recent study)
        if b > a and n in ("من", "ومن") and b + 1 < limit and tokens[b + 1].norm in SIDE_WORDS_AFTER:
            break  # «المجلس النرويجي من جهته»: the phrase ends before «من جهته»
        # the name «علي» and the noun «إمام», not «على» and «أمام» (normalised alike)
        ali = n == "علي" and text[tok.start:tok.end] == "علي" or n == "امام" and text[tok.start:tok.end][:1] == "إ"
        if b > a and (n in NP_STOPS and not ali or n in RELATIVES or is_addressee(tok)):
            # a relative clause («الفحوصات التي خضع لها اللاعب …») names someone else
            if n in RELATIVES and b - a == 1 and tokens[a].norm in SOURCE_HEADS | {"المسوول", "المصدر"}:
                b += 1  # «المسؤول الذي طلب عدم نشر اسمه»: the description is the only name
                continue
            if n == "في" and b - a == 1 and tokens[a].norm in SOURCE_HEADS:
                b += 1  # «مصدر في الشرطة»
                continue
            break
        if b == a and ((n in NP_STOPS or n in START_STOPS) and not ali or n in OBJECT_WORDS or n in NOT_SUBJECTS
                       or is_addressee(tok)
                       or is_first_person(n) or _possessed_object(n) or n in HONORIFIC_PRONOUNS):
            return None
        if not tok.is_word and n not in "-–()":
            break
        b += 1
    while b > a and tokens[b - 1].norm in ("،", ",", "-", "–", "(", ")"):
        if tokens[b - 1].norm == ")" and any(t.norm == "(" for t in tokens[a:b - 1]):
            break  # «مدير الشركة (سامر الخطيب)»: the bracket closes a name
        b -= 1
    return (a, b) if b > a else None


def _np_word(tok: Token, text: str) -> bool:
    return tok.is_word


TIME_ADJECTIVES = frozenset("الماضي الماضيه المقبل المقبله القادم القادمه الجاري الحالي المنصرم".split())
TIME_NOUNS = frozenset("الاسبوع الشهر العام الصباح المساء الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد "
                       "الموسم اليوم الاسبوعين".split())
TOPIC_NOUNS = frozenset("الخصوص الصدد الشان الموضوع السياق الاطار".split())
PRONOUN_PPS = frozenset("به بها لها له فيه فيها فيهم عليه عليها منه منها عنه عنها ذلك هذا بذلك بهذا".split())
TIME_UNITS = frozenset("يوم يومين ايام ساعه ساعات اسبوع اسبوعين اسابيع شهر شهرين اشهر سنه سنوات دقائق".split())
TIME_WORDS = frozenset(
    """يوم امس اليوم غدا الليله صباح مساء ظهر عصر عشيه الاول الماضي الجاري الحالي المقبل القادم اول من امس
    الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد ايضا كذلك لاحقا سابقا مجددا مرارا بدوره بدورها
    بعدها قبلها حينها وقتها يومها موخرا حاليا""".split())


def _skip_leading(tokens: list[Token], i: int, limit: int, text: str) -> int:
    """Skip «في تصريح …،», «لـ«عكاظ»», «لمراسل الجوهرة أف أم،», «يوم أمس الأربعاء» before the subject."""
    j = i
    while j < limit and j - i < 6 and (tokens[j].norm in TIME_WORDS or tokens[j].norm.isdigit()):
        j += 1
        if j > i and j + 1 < limit and tokens[j].norm[:1] == "ب" and tokens[j + 1].norm in TIME_UNITS:
            j += 2  # «بعدها بأربعة أيام»
    if j > i and j + 1 < limit and tokens[j].norm in ("،", ",") and tokens[j + 1].is_word:
        j += 1  # «تقدمت أمس الأول السبت، امرأة …»
    if j > i and j < limit and tokens[j].is_word and tokens[j].norm not in COMPLEMENTIZERS:
        i = j
    for _ in range(3):
        if i >= limit:
            return i
        tok = tokens[i]
        if tok.norm in ("في", "خلال") or is_addressee(tok) or tok.norm in PRONOUN_PPS \
                or tok.norm.startswith(("بمناسب", "بحضور", "بمقر")) or tok.norm in ("عقب", "اثر", "اثناء", "لدي"):
            # «وأضافت في تصريح إعلامي، بمناسبة توديع الوفد، أن …»: adverbials set off by commas
            if tok.norm in PRONOUN_PPS:
                i += 1  # «أكدت فيها أن», «أوضح ذلك رئيس المجلس»: not the subject
                if tok.norm in ("بهذا", "هذا", "بذلك") and i < limit and tokens[i].norm in TOPIC_NOUNS:
                    i += 1  # «وقالت بهذا الخصوص:», «صرح بذلك الشأن»
                if tok.norm in ("به", "بها") and i + 1 < limit and tokens[i].norm in ("،", ",") \
                        and tokens[i + 1].is_word:
                    i += 1  # «بحسب ما أفادتنا به، مراسلة …»
                while i + 1 < limit and tokens[i].norm in TIME_WORDS and tokens[i + 1].is_word:
                    i += 1  # «ما صرح به مؤخرا العقيد …»
                continue
            # to the next comma, if one comes soon, else the phrase is not skippable
            j = i + 1
            while j < limit and j - i <= 8 and tokens[j].norm not in ("،", ",") \
                    and tokens[j].norm not in COMPLEMENTIZERS and tokens[j].norm not in (":",):
                j += 1
            if j < limit and tokens[j].norm in ("،", ","):
                i = j + 1
                continue
            if tok.norm == "ل" and i + 1 < limit and tokens[i + 1].norm in '«"“':
                # لـ«عكاظ» الأمير … : skip the quoted name
                k = i + 2
                while k < limit and tokens[k].norm not in '»"”':
                    k += 1
                i = k + 1
                continue
            return i
        break
    return i


def subject_before(tokens: list[Token], cue_first: int, clause_start_tok: int,
                   inside_clause: bool = True) -> tuple[int, int] | None:
    """The short subject between the clause start and a verb (SVO), or None. In a long clause, the words
    after a linking particle just before the verb («… لكن البيان قال», «بينما الوزير يؤكد»); after «أن», the
    subject of that clause («يشار أن الفيفا قد أكدت»), unless ``inside_clause`` is false."""
    for k in range(cue_first - 1, max(clause_start_tok, cue_first - 5) - 1, -1):
        if tokens[k].norm in LINKING and k > clause_start_tok:
            clause_start_tok = k
            break
    a = clause_start_tok
    after_aux = False
    while a < cue_first and (tokens[a].norm in SVO_PARTICLES or tokens[a].norm in ("،", ",")
                             or tokens[a].norm in LEAD_AUXILIARIES):
        # «وكان مسؤول كبير … أعلن»: the auxiliary opens the clause, the subject follows it
        after_aux = after_aux or tokens[a].norm in LEAD_AUXILIARIES
        a += 1
    b = cue_first
    words = [t for t in tokens[a:b] if t.is_word]
    if not words or len(words) > 6 or b - a > 8:
        return None
    first = tokens[a].norm
    if first in START_STOPS or first in NP_STOPS or (first[:1] == "و" and first[1:] in START_STOPS | NP_STOPS):
        return None  # «ومن اللاعبين الجدد أشاد …»: a fronted phrase, not a subject
    if first in SIDE_NOUNS:
        return None  # «من جانب آخر أكد أن …», «من جهة أخرى قال»: «on the other hand», not a subject
    if first[:1] in ("ب", "ل", "ك") and len(first) > 3 and (first[1:3] == "ال" or first[1] == "ل" or first[-1] == "ه") \
            and not after_aux:  # «وكان بالضياف قد أكد»: right after «كان» comes the subject
        return None  # «بشكاية لفرقة الشرطة … أكدت»: a prepositional phrase, not a subject
    for k in range(b - 1, a - 1, -1):
        if tokens[k].norm in COMPLEMENTIZERS:
            if not inside_clause:
                return None  # the verb is inside someone's reported words
            a = k + 1  # «يشار أن الفيفا قد أكدت»: the subject of the clause after «أن»
            break
    while b > a and tokens[b - 1].norm in AUXILIARIES:
        b -= 1
    if b <= a or any(not t.is_word and t.norm not in "-–" for t in tokens[a:b]):
        return None
    return a, b


def antecedent(tokens: list[Token], rel: int) -> tuple[int, int] | None:
    """The noun phrase just before a relative pronoun («… غازي الشواشي الذي»): up to three words."""
    b = rel
    if b > 1 and tokens[b - 1].norm in ("،", ",") and tokens[b - 2].is_word:
        b -= 1  # «… فايز الأحمدي، الذي أوضح أن»: the relative clause set off by a comma
    a = b
    while a > 0 and b - a < 3:
        t = tokens[a - 1]
        if not t.is_word or t.norm in NP_STOPS or t.norm in COMPLEMENTIZERS or t.norm in ATTRIBUTION_WORDS \
                or t.norm in START_STOPS:  # «تحالف وثيق مع إيران، التي»: the antecedent follows the preposition
            break  # «، بحسب الجمعية التي أضافت»: the attribution word is not part of the antecedent
        a -= 1
    return (a, b) if b > a else None


def real_complementizer(text: str, start: int, end: int, norm: str) -> bool:
    """«فان» written without hamza is mostly a name («فان جال»); «فإن» with it is the complementizer."""
    if norm != "فان":
        return True
    raw = text[start:end]
    return "إ" in raw or "أ" in raw
