"""Error classes found on the eighth dev round and the known speaker classes of issue #5, each on pages written
for these tests (no corpus sentence): honorific pronouns, «من جانب آخر», a name inside an institution's name,
«على لسان», parenthetical attributions, «مفيدا», unbalanced straight quotation marks, «رغم» clauses.
"""

from __future__ import annotations

import pytest

from marsad.quotes import find_quotes
from marsad.quotes.marks import mark_spans
from tests.quotes._checks import check_one_quote, check_speakers
from tests.quotes.conftest import entity, make_article


# ------------------------------------------------------------------- honorific pronouns: the person named before
def test_quotes_class_honorific_pronoun_is_not_the_speaker():
    body = ("دشن الأمير سالم بن فهد أمير المنطقة مشروع الحديقة الكبرى مساء أمس. "
            "وأكد سموه أن الحديقة ستفتح أبوابها للأسر طوال أيام الأسبوع.")
    e1 = entity(body, "e1", "PER", "سالم بن فهد")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"
    (q,) = find_quotes(make_article(body))
    assert "سالم بن فهد" in q.speaker_text and "سموه" not in q.speaker_text


# -------------------------------------------------------- a name in an institution's name is not the speaker
def test_quotes_class_name_inside_an_institution_name():
    body = "قال مدير مستشفى الملك فالح التخصصي الدكتور رامي العتيبي إن القسم الجديد سيستقبل المرضى قريبا."
    e1 = entity(body, "e1", "PER", "فالح التخصصي")  # a tagger's slip: the hospital's name read as a person
    e2 = entity(body, "e2", "PER", "رامي العتيبي")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e2"


# ------------------------------------------------------------------ «على لسان»: the person speaks for the body
def test_quotes_class_ala_lisan_names_the_person():
    body = "وأكدت الهيئة الوطنية للبيئة على لسان رئيسها سامر الخطيب أن حملة التشجير ستشمل كل المحافظات."
    e1 = entity(body, "e1", "ORG", "الهيئة الوطنية للبيئة")
    e2 = entity(body, "e2", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e2"
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text.endswith("سامر الخطيب")


# ------------------------------------------------- an attribution set off by commas covers its whole sentence
def test_quotes_class_parenthetical_attribution_covers_the_sentence():
    body = ("ورحب الوفد الزائر، وفق بلاغ لوزارة التجارة، بالاتفاق الجديد بين البلدين.\n"
            "واستعرض الوزير نادر الخطيب خلال اللقاء برنامج التعاون. وشدد على أن الشراكة ستتوسع العام المقبل.")
    found = find_quotes(make_article(body))
    assert found[0].text.startswith("ورحب الوفد الزائر") and found[0].text.endswith("بين البلدين")
    assert found[0].speaker_text == "وزارة التجارة"
    # the document cited in passing does not go on speaking: the next subjectless cue is the minister's
    assert found[1].speaker_text.startswith("الوزير نادر الخطيب")


# ------------------------------------------------------------------------------ «مفيدا» reports, «مفيدا» after a copula does not
def test_quotes_class_mufidan_is_a_participle_cue():
    body = "وأوضح المدير سامر الخطيب أن المعرض يفتح يوميا، مفيدا أن الدخول مجاني لطلاب المدارس."
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["المعرض يفتح يوميا", "الدخول مجاني لطلاب المدارس"]
    assert found[1].speaker_text == "المدير سامر الخطيب"


def test_quotes_class_participle_after_a_copula_is_an_adjective():
    body = "ويرى الباحثون أن الجهاز قد يكون مفيدا إن استعمله الطلاب في البيت بانتظام."
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["الجهاز قد يكون مفيدا إن استعمله الطلاب في البيت بانتظام"]


# --------------------------------------------------------- a straight closing mark whose opener was never written
def test_quotes_class_stray_closing_mark_does_not_open_a_quote():
    body = ('وأضاف في تصريح لإذاعة "النور": نحن سعداء بهذه النتيجة ونعد الجماهير بالمزيد". '
            'وأوضح المدرب أنه راض عن أداء اللاعبين، قائلا " لقد قدموا كل ما لديهم في الملعب".')
    spans = [body[m.start:m.end] for m in mark_spans(body)]
    assert spans == ["النور", "لقد قدموا كل ما لديهم في الملعب"]
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["نحن سعداء بهذه النتيجة ونعد الجماهير بالمزيد",
                                       "أنه راض عن أداء اللاعبين",
                                       "لقد قدموا كل ما لديهم في الملعب"]


# ------------------------------------------------------------ «مما يؤكد أن», «وهذا يعني أن»: inference, not speech
def test_quotes_class_inference_after_this_or_which_is_not_a_quote():
    for body in ("ارتفعت أسعار القمح أمس، مما يشير إلى أن المخزون العالمي يتراجع بسرعة.",
                 "تراجعت مبيعات السيارات هذا الشهر، وهذا يؤكد أن السوق يمر بأزمة كبيرة.",
                 "تراجعت مبيعات السيارات هذا الشهر، وهو ما يعني أن الوكلاء سيخفضون الأسعار قريبا."):
        assert find_quotes(make_article(body)) == ()
    # a person's «يؤكد» still reports
    (q,) = find_quotes(make_article("والمدير سامر الخطيب يؤكد أن الفرع الجديد سيفتح في الصيف."))
    assert q.speaker_text.endswith("المدير سامر الخطيب")


# ------------------------------------------- «بحسب تصريحات لوكالة …»: the medium was told, it did not speak
def test_quotes_class_official_cited_in_passing_goes_on_speaking():
    body = ("وتتزايد عمليات التهريب على الحدود، وفقا للمسؤول العسكري سامر الخطيب، الذي يضيف أن الدوريات "
            "ستتضاعف خلال الصيف.")
    found = find_quotes(make_article(body))
    assert found[-1].text.startswith("الدوريات ستتضاعف")
    assert "سامر الخطيب" in found[-1].speaker_text


# ------------------------------------------------ scripture cited in a sermon does not go on speaking
def test_quotes_class_cited_scripture_is_not_carried():
    body = ("وألقى المفتي الشيخ سالم الخطيب خطبة الجمعة في الجامع الكبير. وقال الله تعالى: «وأحسنوا إن الله "
            "يحب المحسنين». وأشار سماحته إلى أن الصدقة تطفئ الغضب وتزيد البركة.")
    found = find_quotes(make_article(body))
    assert found[0].speaker_text == "الله تعالى"
    assert "سالم الخطيب" in found[1].speaker_text


# ------------------------------------------- a column's «وأعترف أن» is the writer's, a report's «وأوضح أن» is not
def test_quotes_class_column_writer_with_conjunction():
    column = ("لا أخفي عليكم أنني كنت متفائلا بهذا الموسم قبل أن يبدأ.\n"
              "وأعترف أن الإدارة لم تقصر في دعم الفريق بالمال واللاعبين.\n"
              "ونحن كجماهير نريد أن نرى فريقا مختلفا في المباريات القادمة.")
    assert find_quotes(make_article(column)) == ()
    report = "افتتح الأمير سالم بن فهد معرض الكتاب أمس. وأوضح أن المعرض يضم ألف دار نشر من أنحاء العالم."
    (q,) = find_quotes(make_article(report))
    assert "سالم بن فهد" in q.speaker_text


def test_quotes_class_honorific_pronoun_skips_a_different_last_speaker():
    body = ("قال مدير الجامعة سامر الخطيب إن الحفل سيقام في القاعة الكبرى.\n"
            "ورعى صاحب السمو الأمير نادر بن فهد أمير المنطقة الحفل مساء أمس. "
            "وأكد سموه أن الجامعة ستبقى منارة للعلم في المنطقة.")
    found = find_quotes(make_article(body))
    assert "نادر بن فهد" in found[1].speaker_text
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "نادر بن فهد")
    assert [q.speaker for q in find_quotes(make_article(body, [e1, e2]))] == ["e1", "e2"]


# ------------------------------------ impersonal forms, verbal nouns, «من جهته» and media names, from ANT pages
def test_quotes_class_impersonal_form_takes_the_complementizer():
    body = "أعلنت مصادر أمنية العثور على مقبرة جماعية يعتقد أن التنظيم أعدم أصحابها في الصيف الماضي."
    assert find_quotes(make_article(body)) == ()


# pages with one quote: its speaker and, where given (not None), how its text opens
ONE_QUOTE = [
    # --------------------------------------------- an attribution set off by commas covers its whole sentence
    pytest.param(("ويطالب العمال، حسب تصريح أحدهم لمراسلنا في المدينة رامي السالم، بزيادة الأجور وتحسين ظروف "
                  "العمل في المصنع."),
                 "أحدهم", "ويطالب العمال",
                 id="test_quotes_class_statement_of_one_of_them_to_a_correspondent"),
    # -------------------------------- impersonal forms, verbal nouns, «من جهته» and media names, from ANT pages
    pytest.param("وقال عقيد في شرطة المدينة طلب عدم كشف هويته إن المقبرة تضم عشرات الجثث المجهولة.",
                 "عقيد", None,
                 id="test_quotes_class_verbal_noun_after_adam_is_not_a_cue"),
    pytest.param("وقال المجلس النرويجي للاجئين من جهته إن آلاف العائلات ما زالت عالقة في المدينة.",
                 "المجلس النرويجي للاجئين", None,
                 id="test_quotes_class_min_jihatihi_ends_the_subject"),
]


@pytest.mark.parametrize(("body", "speaker", "text_start"), ONE_QUOTE)
def test_quotes_class_one_quote(body, speaker, text_start):
    check_one_quote(body, speaker, text_start)


# pages with several quotes (or one): the speaker of each, in order
SPEAKERS = [
    # --------------------------------------------------------------- honorific pronouns: the person named before
    pytest.param(("قال الوزير نادر الخطيب إن الخطة جاهزة للتنفيذ.\n"
                  "وأوضح معاليه أن التمويل مرصود بالكامل في ميزانية هذا العام."),
                 ["الوزير نادر الخطيب", "الوزير نادر الخطيب"],
                 id="test_quotes_class_honorific_pronoun_carries_the_last_speaker"),
    # ------------------------------------------------------------------- «من جانب آخر» opens, it is not a subject
    pytest.param(("قال المدير سامر الخطيب إن المبنى سيكتمل في الربيع. "
                  "من جانب آخر أكد أن الموظفين الجدد سيباشرون عملهم بعد شهرين."),
                 ["المدير سامر الخطيب", "المدير سامر الخطيب"],
                 id="test_quotes_class_side_phrase_is_not_a_subject"),
    # -------------------------------------------------------- «رغم …» does not open a clause with a subject
    pytest.param(("وأكد الوزير نادر الخطيب أن الطرق ستصان قبل الشتاء. كما ثمن الجهود الكبيرة لفرق الصيانة، "
                  "رغم تسجيل بعض التأخير في الجنوب، مؤكدا أنه سيتم تعزيز الفرق في الأشهر المقبلة."),
                 ["الوزير نادر الخطيب", "الوزير نادر الخطيب"],
                 id="test_quotes_class_ragm_phrase_is_not_a_clause_subject"),
    # --------------------------------------- «بحسب تصريحات لوكالة …»: the medium was told, it did not speak
    pytest.param(("قال رئيس الجمعية سامر الخطيب إن القافلة وصلت إلى المدينة. وأوضح أن المساعدات تكفي لشهر كامل، "
                  "بحسب تصريحات لوكالة الأنباء المحلية. وفي سياق متصل، قال إن قافلة ثانية ستنطلق الأسبوع المقبل."),
                 ["رئيس الجمعية سامر الخطيب"] * 3,
                 id="test_quotes_class_statements_to_a_medium_do_not_name_it"),
    # ----------------------------------------------------------- «د.», «م.»: a title's period is not a stop
    pytest.param("وقال د. سالم الخطيب إن العيادات الجديدة ستفتح في الصيف. وأضاف م. نادر العلي أن المبنى جاهز لاستقبال المرضى.",
                 ["د. سالم الخطيب", "م. نادر العلي"],
                 id="test_quotes_class_abbreviated_title_keeps_the_name"),
    # --------------------------------------------- a name in brackets belongs to the subject phrase
    pytest.param(("بات فريق النجوم قريبا من التعاقد مع المهاجم سالم الخطيب، حسبما أفادت صحيفة (الأفق الرياضي) "
                  "الإيطالية.\nوقال الأمين العام لمنظمة المصدرين (أوبك) نادر العلي إن الأسعار ستستقر قريبا."),
                 ["صحيفة (الأفق الرياضي) الإيطالية",
                  "الأمين العام لمنظمة المصدرين (أوبك) نادر العلي"],
                 id="test_quotes_class_bracketed_name_inside_the_subject"),
    # -------------------------------- impersonal forms, verbal nouns, «من جهته» and media names, from ANT pages
    pytest.param(("تعيش البلاد اليوم ظاهرة فلكية نادرة تتمثل في عبور كوكب عطارد، بحسب بلاغ أصدرته الجمعية "
                  "الوطنية لعلوم الفلك.\nويضم المعسكر جنودا من جماعات مسلحة مختلفة، وفق ما أوردته وكالة \"النبأ\".\n"
                  "وأضاف مراسل \"الإذاعة الوطنية\" أن الطريق أغلق لساعات بسبب الحادث."),
                 ["الجمعية الوطنية لعلوم الفلك", "النبأ", "مراسل"],
                 id="test_quotes_class_issuer_of_a_statement_and_medium_in_marks"),
]


@pytest.mark.parametrize(("body", "speakers"), SPEAKERS)
def test_quotes_class_speakers(body, speakers):
    check_speakers(body, speakers)
