"""Role and title vocabulary, and the extraction of roles around a person's name.

A role is a head noun («سفير», «وزير», «مدير», «الكاتب») followed by words that belong to it: definite
words, countries and nationalities, organisation nouns in construct («حزب», «وكالة») and linking
prepositions («لدى», «في», «باسم»). ``role_before`` and ``role_after`` read one off the left or right of a
name (``ROLE NAME``, ``ROLE، NAME``, ``NAME، ROLE،``). Honorifics («السيد», «الدكتور», «آية الله») are
stripped from names and are not roles. Pronoun-suffixed nouns («رئيسه», «سفيرنا») are never heads.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.actors.base import ActorBase, light_stem, strip_article
from marsad.text import Token, normalize_for_match


def _norms(words: str) -> frozenset[str]:
    return frozenset(strip_article(normalize_for_match(w)) for w in words.split())


# Head nouns of roles (article removed). Government, military and other kinds decide the CAMEO agent.
GOV_HEADS = _norms("""رئيس رئيسة وزير وزيرة سفير سفيرة نائب نائبة مدير مديرة متحدث متحدثة ناطق ناطقة أمين أمينة
مستشار مستشارة زعيم زعيمة ملك ملكة أمير أميرة ولي مبعوث مبعوثة مندوب مندوبة مساعد مساعدة منسق منسقة مفوض مفوضة
مسؤول مسؤولة حاكم محافظ محافظة عاهل سلطان مرشد قاضي قاضية مدعي المدعية نائب عضو عضوة دبلوماسي رئيسا وزيرا
سكرتير سكرتيرة عمدة""")
MIL_HEADS = _norms("""قائد قائدة جنرال لواء عميد عقيد مشير عماد فريق رائد نقيب أدميرال""")
OTHER_HEADS = _norms("""كاتب كاتبة محلل محللة خبير خبيرة صحفي صحفية صحافي صحافية مراسل مراسلة باحث باحثة أستاذ أستاذة
ناشط ناشطة مؤسس مؤسسة مدرب مدربة""")
# Heads whose next word makes them a government office: «كاتب الدولة» (secretary of state), not a writer.
GOV_COMPOUNDS = {(strip_article(normalize_for_match(a)), strip_article(normalize_for_match(b)))
                 for a, b in (("كاتب", "الدولة"), ("كاتبة", "الدولة"))}
HEADS = GOV_HEADS | MIL_HEADS | OTHER_HEADS
# Honorifics: stripped from the front of a name, not kept as roles.
HONORIFICS = _norms("""السيد السيدة الشيخ الشيخة الدكتور الدكتورة د الأستاذ المهندس المهندسة الحاج الحاجة سماحة فخامة
معالي سعادة آية الله حجة الإسلام والمسلمين الإمام""")
# Words that may sit inside a role without the article.
LINKS = _norms("""لدى في باسم عام العام لشؤون شؤون حزب حركة منظمة وكالة وزارة مجلس هيئة جامعة قوات جيش مكتب مركز
حكومة دولة مفوضية لجنة اتحاد جبهة تيار ائتلاف صندوق برنامج محكمة بنك شركة صحيفة مؤسسة معهد جهاز أركان ديوان
بن بنت آل و""")
STOPS = _norms("""أن إن أنه إنه قال أعلن أكد ذكر أضاف أشار مع عن على إلى الى من بين ضد بعد قبل خلال منذ حيث التي الذي
الذين كما لكن أو هو هي كان كانت قد لقد لم لن لا ما اليوم أمس غدا الثلاثاء الاثنين الأربعاء الخميس الجمعة السبت
الأحد هذا هذه ذلك تلك""")
MAX_ROLE = 10


def head_of(tok: Token) -> str | None:
    """The role head this token is (article and conjunction allowed), else ``None``."""
    hit = _HEAD_MEMO.get(tok.norm, _MISSING)
    if hit is _MISSING:
        hit = _HEAD_MEMO[tok.norm] = _head(tok.forms)
    return hit


_MISSING = object()


_HEAD_MEMO: dict[str, str | None] = {}


@lru_cache(maxsize=100_000)
def _head(forms: tuple[str, ...]) -> str | None:
    for form in forms[:3]:
        k = strip_article(form)
        if k in HEADS:
            return k
    return None


def _is_word(tok: Token) -> bool:
    return tok.norm[:1].isalpha()


def _compliant(tok: Token, base: ActorBase) -> bool:
    if not _is_word(tok):
        return False
    if tok.norm in STOPS or any(f in STOPS for f in tok.forms[:2]):
        return False
    if head_of(tok) or tok.norm in LINKS:
        return True
    if any(f.startswith("ال") for f in tok.forms):
        return True
    if country_of_token(tok, base):
        return True
    for form in tok.forms:
        stem = light_stem(strip_article(form))
        if any(a.kind in ("place", "seat") for a in base.by_first.get(stem, ()) if len(a.keys) == 1):
            return True
    return False


def country_of_token(tok: Token, base: ActorBase) -> str | None:
    """ISO3 when the token is a country name or a nationality adjective («الإيرانية», «لإيران»)."""
    hit = base.country_memo.get(tok.norm)
    if hit is None:
        hit = ""
        for form in tok.forms:
            k = light_stem(strip_article(form))
            iso = base.nisba_country.get(k) or base.country_key.get((k,))
            if iso:
                hit = iso
                break
        base.country_memo[tok.norm] = hit
    return hit or None


def role_before(tokens: list[Token], i: int, base: ActorBase, floor: int = 0) -> tuple[int, int] | None:
    """Token range [a, b) of a role ending just before token ``i`` (allowing one comma), else ``None``."""
    k = i - 1
    if k >= floor and tokens[k].norm == "،":
        k -= 1
    elif k >= floor and head_of(tokens[k]) and not any(f.startswith("ال") for f in tokens[k].forms):
        return None  # an indefinite head governs the name: «سفير خادم الحرمين الشريفين» is not the king
    end = k + 1
    chain = []
    while k >= floor and len(chain) < MAX_ROLE and _compliant(tokens[k], base):
        chain.append(k)
        k -= 1
    heads = [c for c in chain if head_of(tokens[c])]
    if not heads:
        return None
    return heads[-1], end


def role_after(tokens: list[Token], j: int, base: ActorBase, ceil: int | None = None) -> tuple[int, int] | None:
    """Role in apposition after a name: ``NAME، ROLE`` up to the next punctuation."""
    ceil = len(tokens) if ceil is None else ceil
    if j < ceil and tokens[j].norm != "،" and head_of(tokens[j]) and not tokens[j].norm.startswith("ال"):
        # no comma: an indefinite head whose role names a country («… عمدة العاصمة الصومالية»)
        k = j
        while k < ceil and k - j <= MAX_ROLE and _compliant(tokens[k], base):
            k += 1
        if any(country_of_token(tokens[x], base) for x in range(j + 1, k)):
            return j, k
        return None
    if j + 1 >= ceil or tokens[j].norm != "،" or not head_of(tokens[j + 1]):
        return None
    k = j + 1
    while k < ceil and k - j <= MAX_ROLE and _compliant(tokens[k], base):
        k += 1
    return j + 1, k


def strip_titles(tokens: list[Token], i: int, j: int, base: ActorBase) -> tuple[int, int]:
    """Split span tokens [i, j) into a leading title/role part [i, n) and the name [n, j)."""
    n = i
    while n < j and strip_article(tokens[n].forms[0]) in HONORIFICS | {"اية", "حجه", "الله"} and n < j - 1:
        n += 1
    if n < j and head_of(tokens[n]):
        n += 1
        while n < j - 1 and (head_of(tokens[n]) or country_of_token(tokens[n], base)
                             or tokens[n].norm in LINKS
                             or (tokens[n].forms[-1] != tokens[n].norm and tokens[n].norm.startswith(("ال", "لل", "بال", "وال")))):
            n += 1
        while n < j - 1 and strip_article(tokens[n].forms[0]) in HONORIFICS:
            n += 1
    return i, n


def agent_of(head: str | None) -> str | None:
    """CAMEO agent of a role head; the head may come light-stemmed («عمده» → «عمد»)."""
    if head is None:
        return None
    if head in MIL_HEADS or head + "ه" in MIL_HEADS:
        return "MIL"
    if head in GOV_HEADS or head + "ه" in GOV_HEADS:
        return "GOV"
    return None
