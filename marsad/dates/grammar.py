"""The date grammar: regular expressions over *normalised* text (``normalize_for_match``).

Patterns are written here in plain Arabic and passed through ``normalize_for_match`` as a whole before
compiling, so they fold exactly like the text they run over (hamza, ya, ta marbuta, digits, lower case).
Because of that, every regex escape used here must be lower case (``\\s``, ``\\d``, ``\\w``) and every group name
lower case. Everything is built lazily and cached.

Two compiled patterns come out of this module:

- ``date_regex()``: absolute dates only (used by ``find_dates`` and ``parse_dateline``);
- ``expression_regex()``: dates plus weekdays, relative words, «منذ ثلاثة أيام», durations and month-only
  expressions, as one alternation (used by ``time_expressions``).

Which alternative matched is ``Match.lastgroup`` (``f_dmy``, ``rel``, ``wdx`` …); decoding lives in
``parse.py`` and ``expressions.py``, the word lists in ``words.py``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.dates import lexicon
from marsad.dates.words import (APPROX, CURRENT, DURATION_HEADS, NEXT, NOT_TODAY_AFTER, OTHER_ZONES, PAST,
                                TIME_OF_DAY, ZONE_OFFSETS)
from marsad.text.normalize import normalize_for_match as N


def alt(words) -> str:
    """Regex for any of ``words`` (normalised here), as a character trie; inner spaces match any whitespace."""
    return "(?:" + trie(" ".join(N(w).split()) for w in words) + ")"


# Scans run over ``PAD + normalised text``. Every match starts with the non-word character before the word
# (a charset first lets ``re`` skip the inside of words in C, several times faster than a lookbehind), then
# optional proclitics (و ف ب ل ك; وب، فل …) in group ``c``, tried only after the bare word failed; the
# span reported runs from the end of ``c`` to the end of the match, so it never includes them.
PAD = "\n"
WORD_START = r"[^\w](?P<c>(?:[وفبلك]|[وف][بلك])??)"  # shortest first: «ولمدة» → «لمدة»
END = r"(?!\w)"
# The article, also in its «لل» shape after the preposition ل (للأسبوع).
DEF = r"(?:ال|(?<=ل)ل)"

@lru_cache(maxsize=1)
def zone_offsets() -> dict[str, str]:
    return {" ".join(N(k).split()): v for k, v in ZONE_OFFSETS.items()}


def _year_alt() -> str:
    return r"(?:(?:من\s+)?(?:عام|العام|سنة|السنة)\s+)?"


def time_part(tag: str) -> str:
    """Optional time after a date: «- 14:05», «الساعة 10:30 م», «10:32 AM», «T21:43:00»."""
    return (
        r"(?:\s*(?:[-–—|•·،,@/]|at|في)?\s*(?:(?:في\s+)?(?:تمام\s+)?الساعة\s*)?"
        rf"(?P<h_{tag}>[01]?\d|2[0-3])[:：](?P<mi_{tag}>[0-5]\d)(?::(?P<s_{tag}>[0-5]\d)(?:[.,]\d+)?)?(?!\d)"
        rf"(?:\s*(?P<ap_{tag}>a\.?m\.?|p\.?m\.?|صباحا|صباحًا|مساءً|مساء|ظهرا|عصرا|ليلا|فجرا|ص|م)(?!\w))?)?"
    )


def zone_part(tag: str) -> str:
    """Optional zone after a date or time: «GMT», «UTC+3», «+03:00», «Z», «بتوقيت مكة», «(ت.غ)»."""
    named = alt(list(ZONE_OFFSETS) + OTHER_ZONES)
    return (
        rf"(?:\s*\(?\s*(?P<tz_{tag}>(?:gmt|utc)(?:\s*[+-]\s*\d{{1,2}}(?::?\d{{2}})?)?(?!\w)"
        r"|(?<=\d)z(?!\w)|[+-](?:[01]\d|2[0-3]):?[0-5]\d(?!\d)|ت\.?\s?غ(?!\w)"
        rf"|ب?توقيت\s+{named}(?!\w))(?:\s*\))?)?"
    )


def weekday_prefix() -> str:
    """Optional weekday before a date: «الثلاثاء»، «يوم الثلاثاء،»، «Tuesday,», «Tue.»."""
    ar = alt(lexicon.weekdays())
    en = alt(lexicon.english_weekdays())
    return rf"(?:(?:يوم\s+)?(?P<wd>{ar}|{en}\.?)(?!\w)\s*[،,\-–]?\s*(?:الموافق\s+)?)?"


@lru_cache(maxsize=1)
def _pieces() -> dict[str, str]:
    greg = alt(lexicon.gregorian_months())
    eng = alt(lexicon.english_months())
    hij = alt(lexicon.hijri_months())
    month = rf"(?:{greg}|{eng}\.?)(?!\w)"
    # «شباط/فبراير», «تشرين الأول (أكتوبر)», «مارس آذار»: two names of one month, the first one counts.
    combo = rf"{month}(?:(?:\s*[/\\(\-]\s*|\s+){month}(?:\s*\))?)?"
    return {"greg": greg, "eng": eng, "hij": hij, "month": month, "combo": combo}


def date_forms() -> str:
    """Alternation of the absolute date forms, each in a group ``f_<form>``."""
    p = _pieces()
    day = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
    ordinal = r"(?:st|nd|rd|th)?"
    mid = r"\s*[-/.،,]?\s*(?:of\s+)?(?:من\s+)?(?:شهر\s+)?"
    ysep = r"\s*[-/.،,]?\s*" + _year_alt()
    year = r"\d{4}(?!\d)"
    era = r"(?:\s?(?:م|ميلادي|ميلادية|للميلاد)(?!\w))?"
    hera = r"(?:\s?(?:هـ|ه|هجري|هجرية|للهجرة)(?!\w)\.?)?"
    num_left = r"(?<![.:/+\-\d])"
    sp = r" {0,2}"  # «9 / 11 / 1436», «24-10- 1436»
    num_right = r"(?![/\-.]?\d)"
    forms = {
        # 19 نوفمبر 2024 | الثلاثاء 19 تشرين الثاني/نوفمبر 2024 م - 10:30 | 19th, November 2024 GMT | 19 نوفمبر
        "dmy": (rf"(?P<d_dmy>{day}){ordinal}{mid}(?P<m_dmy>{p['combo']})"
                rf"(?:{ysep}(?P<y_dmy>{year}){era}|\s+(?P<mod_dmy>{alt(PAST + NEXT)})(?!\w))?"
                rf"{time_part('dmy')}{zone_part('dmy')}"),
        # 17 جمادى الأولى 1446هـ
        "hdmy": (rf"(?P<d_hdmy>{day}){mid}(?P<m_hdmy>{p['hij']})(?!\w)"
                 rf"{ysep}(?P<y_hdmy>{year}){hera}{time_part('hdmy')}{zone_part('hdmy')}"),
        # November 19, 2024 10:32 AM
        "mdy": (rf"(?P<m_mdy>{p['eng']})\.?\s+(?P<d_mdy>{day}){ordinal},?\s+"
                rf"(?P<y_mdy>{year}){time_part('mdy')}{zone_part('mdy')}"),
        # 2024/11/19 | 2024-11-19T21:43:00+01:00 | 1446/5/17 هـ
        "ymd": (rf"{num_left}(?P<y_ymd>\d{{4}}){sp}(?P<sep_ymd>[/\-.]){sp}(?P<m_ymd>\d{{1,2}})"
                rf"{sp}(?P=sep_ymd){sp}(?P<d_ymd>\d{{1,2}}){num_right}(?P<hm_ymd>{hera})"
                rf"(?:t(?P<ih_ymd>[01]\d|2[0-3]):?(?P<imi_ymd>[0-5]\d)(?::?(?P<is_ymd>[0-5]\d)(?:[.,]\d+)?)?(?!\d)"
                rf"|{time_part('ymd')}){zone_part('ymd')}"),
        # 19/11/2024 | 19-11-2024 | 17/5/1446هـ
        "dmyn": (rf"{num_left}(?P<d_dmyn>\d{{1,2}}){sp}(?P<sep_dmyn>[/\-.]){sp}"
                 rf"(?P<m_dmyn>\d{{1,2}}){sp}(?P=sep_dmyn){sp}(?P<y_dmyn>\d{{4}}){num_right}(?P<hm_dmyn>{hera})"
                 rf"{time_part('dmyn')}{zone_part('dmyn')}"),
        # نوفمبر 2024 | شهر تشرين الثاني 2024 | November 2024
        "my": rf"(?:شهر\s+)?(?P<m_my>{p['combo']}){ysep}(?P<y_my>{year}){era}",
        # عام 2024 | العام 2024 | سنة 2024
        "yk": rf"(?:عام|العام|سنة|السنة)\s+(?P<y_yk>{year})(?P<hm_yk>{hera}){era}",
    }
    day_forms = "|".join(rf"(?P<f_{name}>{body})" for name, body in forms.items() if name not in ("my", "yk"))
    rest = "|".join(rf"(?P<f_{name}>{body})" for name, body in forms.items() if name in ("my", "yk"))
    # The weekday prefix is tried once for all day forms, not once per form.
    return rf"{weekday_prefix()}(?:{day_forms})|{rest}"


@lru_cache(maxsize=2)
def month_name_regex(hijri: bool) -> re.Pattern:
    """One month name (Hijri, or Gregorian/English), longest spelling first."""
    p = _pieces()
    return compile_normalized(rf"{p['hij']}(?!\w)" if hijri else rf"(?:{p['greg']}|{p['eng']})(?!\w)")


FORMS = ("dmy", "hdmy", "mdy", "ymd", "dmyn", "my", "yk")


def _first_words(words) -> list[str]:
    return [N(w).split()[0] for w in words if w.strip()]


def triggers(relative: bool) -> str:
    """Lookahead that only lets a scan position through when a form can start there.

    Every form starts with a digit or one of a known set of words; checking that set as a trie first
    rejects the ordinary word starts after a character or two, before the big alternation is tried.
    """
    words = (list(lexicon.weekdays()) + list(lexicon.english_weekdays()) + list(lexicon.english_months())
             + _first_words(lexicon.gregorian_months()) + _first_words(lexicon.hijri_months())
             + ["يوم", "شهر", "عام", "العام", "سنة", "السنة"])
    if relative:
        words += (_first_words(TIME_OF_DAY)
                  + ["أول", "أمس", "الأمس", "قبل", "البارحة", "بعد", "غدا", "الغد", "غد", "الليلة", "اليوم",
                     "الأسبوع", "الشهر", "لأسبوع", "لشهر", "لعام", "لسنة", "هذا", "هذه", "منذ"]
                  + DURATION_HEADS)
    return rf"(?=\d|{trie(N(w) for w in words)}(?!\w))"


@lru_cache(maxsize=1)
def date_regex() -> re.Pattern:
    return compile_normalized(rf"{WORD_START}{triggers(False)}(?:{date_forms()})")


def relative_forms() -> str:
    """Alternation of the non-absolute forms (weekdays, relative words, ago, durations, month-only)."""
    p = _pieces()
    lex_units = lexicon.units()
    sing = alt([u for u, (_, n) in lex_units.items() if n == 1])
    dual = alt([u for u, (_, n) in lex_units.items() if n == 2])
    plural = alt([u for u, (_, n) in lex_units.items() if n is None])
    any_unit = alt(lex_units)
    nums = alt(list(lexicon.number_words()) + list(lexicon.vague_quantities()))
    wd = alt(lexicon.weekdays())
    mods = alt(PAST + NEXT + CURRENT)
    tod = alt(TIME_OF_DAY)
    approx = rf"(?:{alt(APPROX)}\s+)?"
    not_today = alt(NOT_TODAY_AFTER)
    named_next = rf"{p['greg']}|{p['eng']}|{p['hij']}|(?:ال)?غد"
    rel_words = (
        r"أول\s+(?:من\s+)?أمس|أمس\s+الأول|قبل\s+أمس|(?<!ل)أمس|الأمس|البارحة|بعد\s+(?:ال)?غد|غدا|غدًا|غداً"
        r"|يوم\s+(?:ال)?غد|الغد|غد"
        rf"|الليلة\s+(?:الماضية|المنصرمة|الفائتة|البارحة)|الليلة(?!\s+{not_today}(?!\w))"
        rf"|اليوم(?!\s+{not_today}(?!\w))"
    )
    forms = {
        # اليوم (الثلاثاء) | مساء أمس الاثنين | غدًا | بعد غد | الليلة
        "rel": (rf"(?:(?P<tod>{tod})\s+)?(?P<relw>{rel_words}){END}"
                rf"(?:\s*[(\-–،,]?\s*(?P<rwd>{wd})(?!\w)(?:\s*\))?)?"),
        # الثلاثاء | يوم الثلاثاء الماضي | مساء الأحد | الخميس المقبل
        "wdx": (rf"(?:(?P<wtod>يوم|{tod})\s+)?(?P<wday>{wd})(?!\w)(?!\s+عشر)"
                rf"(?:\s+(?P<wmod>{mods})(?!\w))?"),
        # الأسبوع الماضي | للعام المقبل | هذا الشهر
        "urel": (rf"{DEF}(?P<uu>أسبوع|شهر|عام|سنة)\s+(?P<umod>{mods})(?!\w)"
                 rf"|(?:هذا|هذه)\s+ال(?P<uu0>أسبوع|شهر|عام|سنة)(?!\w)"),
        # منذ ثلاثة أيام | قبل يومين | بعد 15 يوما | منذ أسبوع
        "ago": (rf"(?P<agow>منذ|قبل|بعد)\s+{approx}(?:(?P<an>\d{{1,3}}|{nums})\s+(?P<au>{any_unit})"
                rf"|(?P<ad>{dual})|(?P<a1>{sing}|{plural})(?:\s+واحدة?)?(?!\s*\d)){END}"),
        # خلال الأيام الماضية | لمدة ثلاثة أسابيع | خلال أسبوع | طوال العام
        # («خلال شهر جانفي 2017», «خلال عام 2014», «خلال يوم الغد» are left to the forms they hold.)
        "dur": (rf"(?:{alt(DURATION_HEADS)})\s+{approx}(?:(?:\d{{1,3}}|{nums})\s+{any_unit}|{dual}"
                rf"|{sing}(?:\s+واحدة?)?(?!\s*\d)(?!\s+(?:{named_next})(?!\w))"
                rf"|ال{plural}(?:\s+(?:القليلة\s+)?(?:الماضية|المقبلة|القادمة|الأخيرة"
                rf"|الأولى|المنصرمة|الفائتة|المنقضية))?|ال{sing}(?!\s+{mods}(?!\w))(?!\s*\d)){END}"),
        # في مارس الماضي | نوفمبر المقبل | شهر آذار
        "mon": (rf"(?:شهر\s+)?(?P<mo>{p['greg']}|{p['eng']})(?!\w)\s+(?P<mmod>{mods})(?!\w)"
                rf"|شهر\s+(?P<mo2>{p['greg']}|{p['eng']})(?!\w)(?!\s*[-/.،,]?\s*\d)"),
    }
    return "|".join(rf"(?P<{name}>{body})" for name, body in forms.items())


@lru_cache(maxsize=1)
def expression_regex() -> re.Pattern:
    return compile_normalized(rf"{WORD_START}{triggers(True)}(?:{date_forms()}|{relative_forms()})")


def compile_normalized(pattern: str) -> re.Pattern:
    """Fold a pattern written in plain Arabic like the text it will run over, then compile it."""
    folded = N(pattern).replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(folded)


def which_form(m: re.Match) -> str:
    """The form a match of ``date_regex``/``expression_regex`` took: ``dmy`` … for dates, ``rel`` … else.

    Every alternative is one named group that closes last, so it is ``lastgroup``.
    """
    name = m.lastgroup
    return name[2:] if name.startswith("f_") else name


def is_date_form(form: str) -> bool:
    return form in FORMS


def span(m: re.Match) -> tuple[int, int]:
    """Span of a match in the normalised text (without ``PAD``), proclitics excluded."""
    return m.end("c") - 1, m.end() - 1


def trie(words) -> str:
    """A regex matching any of ``words`` (already normalised), factored as a character trie.

    ``re`` tries alternatives one by one; a trie lets a failing position be rejected after one or two
    character tests, which is what keeps the combined scan fast. Spaces match any run of whitespace.
    """
    root: dict = {}
    for w in {" ".join(w.split()) for w in words if w.strip()}:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            body = "(?:" + body + ")?"
        return body

    return build(root)
