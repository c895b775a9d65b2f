"""Error classes found on the tenth dev round (dev4) and on random corpus pages, each on pages written for these
tests (no corpus sentence): «كتب» as a reporting verb, a title after «بعنوان:», a colon quote that a participle
with its own clause ends, «حريص على أن» (no speech), «حسب نفس المصدر», a masculine verb that does not carry a
speaker named by a feminine one, «اشتكى … من أنه».
"""

from __future__ import annotations

import pytest

from marsad.quotes import find_quotes
from marsad.quotes.finder import candidates
from tests.quotes._checks import check_no_quote, check_one_quote, check_speakers
from tests.quotes.conftest import make_article


# ------------------------------------------------------------------ «كتب» reports written words in marks
def test_quotes_class_wrote_with_a_colon():
    body = "وكتبت الصحيفة في ذيل الخبر: الصور من أرشيف المؤسسة ولا يجوز نشرها."
    (q,) = find_quotes(make_article(body))
    assert q.direct and q.speaker_text.startswith("الصحيفة")


# ------------------------------------------------------- a colon quote ends at «، مبينا أن …» (its own quote)
def test_quotes_class_participle_with_a_clause_ends_a_colon_quote():
    body = ("وأضاف المدير قائلا: إن المركز سيفتح أبوابه للزوار في الأسبوع المقبل بعد انتهاء الصيانة، "
            "مبينا أنه سيتم تدريب الموظفين على استقبال الوفود.")
    found = find_quotes(make_article(body))
    assert [(q.direct, q.speaker_text) for q in found] == [(True, "المدير"), (False, "المدير")]
    assert found[0].text.endswith("انتهاء الصيانة")
    assert found[1].text.startswith("أنه سيتم تدريب")


def test_quotes_class_participle_without_a_clause_stays_in_the_colon_quote():
    body = "وقال المدير: سنفتح المركز للزوار قريبا، مضيفا بعض القاعات الجديدة إلى الجناح الشرقي."
    (q,) = find_quotes(make_article(body))
    assert q.text.rstrip(".").endswith("الجناح الشرقي")


# ------------------------------------------------------ «وكتبت بين قوسين:», «وقال بين الحين والآخر»: no subject
def test_quotes_class_between_opens_no_subject():
    body = "وأشادت الصحيفة بالبرنامج، وكتبت بين قوسين: (الصور من أرشيف الموقع الرسمي)."
    (q,) = find_quotes(make_article(body))
    assert q.direct and q.speaker_text.startswith("الصحيفة")


# ------------------------------------------- a new sentence «وقال X: …» inside a colon quote's paragraph ends it
def test_quotes_class_new_sentence_with_its_own_speaker_ends_a_colon_quote():
    body = ("وكتبت الصحيفة في ذيل الخبر: الصور من أرشيف المؤسسة. وقال \"سامر الخطيب\" لـ\"الوطن\": إن الفريق "
            "سيعود إلى التدريبات بعد العيد، مضيفا أنه تلقى عروضا من أندية كثيرة.")
    found = find_quotes(make_article(body))
    assert [(q.direct, q.speaker_text) for q in found] == [
        (True, "الصحيفة"), (True, "سامر الخطيب"), (False, "سامر الخطيب")]
    assert found[0].text.rstrip(".") == "الصور من أرشيف المؤسسة"


def test_quotes_class_new_sentence_without_a_subject_stays_in_the_colon_quote():
    body = "وقال المدرب: سنلعب للفوز في كل مباراة. وقال لي أحد اللاعبين ذلك أيضا قبل المباراة الماضية."
    (q,) = find_quotes(make_article(body))
    assert q.text.rstrip(".").endswith("المباراة الماضية")


# ------------------------------------------- «بحسب ما نقلت X عن Y فإن …»: Y speaks, X carried the words
def test_quotes_class_attribution_carried_from_someone():
    body = "وبحسب ما نقلت مواقع محلية عن شهود عيان فإن العريس غادر القاعة قبل بدء الحفل."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == "شهود عيان"
    assert [f.via.text for f in candidates(make_article(body))] == ["مواقع محلية"]


# ------------------- a complementizer inside marked words opened after the cue is the mark's, not a clause
def test_quotes_class_complementizer_inside_marks_is_no_reported_clause():
    body = ("وقالت الوزيرة في بداية الاجتماع، \"على الأوروبيين أن يفهموا أننا بحاجة إلى المهاجرين\"، نظرا إلى "
            "الشيخوخة التي تواجه سكان القارة.")
    (q,) = find_quotes(make_article(body))
    assert q.direct and q.text == "على الأوروبيين أن يفهموا أننا بحاجة إلى المهاجرين"


def test_quotes_class_letters_of_a_marked_name_are_skipped():
    body = "وذكرت شبكة «سي.إن.إن» أن المفاوضات ستستأنف الأسبوع المقبل في جنيف."
    (q,) = find_quotes(make_article(body))
    assert q.text.startswith("المفاوضات ستستأنف")


# pages with one quote: its speaker and, where given (not None), how its text opens and whether it is direct
ONE_QUOTE = [
    # -------------------------------------------------------------- «كتب» reports written words in marks
    pytest.param("وكتب المدرب في حسابه على تويتر “شكرا لكل من ساندنا في هذا الموسم الصعب.”",
                 "المدرب", "شكرا لكل من ساندنا", True,
                 id="test_quotes_class_wrote_introduces_marked_words"),
    # ----------------------------------------------- «كان حريصا على أن …» is no reported clause of the cue
    pytest.param("وشدد المدير على أن النادي سيبقى سباقا في خدمة الأحياء المجاورة.",
                 "المدير", None, None,
                 id="test_quotes_class_stress_on_that_is_still_speech"),
    # ------------------------------------------------------------ «وحسب نفس المصدر فإن …» names the source
    pytest.param("وبحسب ذات المصدر، فإن التحقيق ما زال جاريا لمعرفة أسباب الحريق.",
                 "ذات المصدر", None, None,
                 id="test_quotes_class_same_source_attribution_with_dhat"),
    # -------------------------------------------------------------- «اشتكى … من أنه …» reports a complaint
    pytest.param("واشتكى المزارع من أنه لم يتلق أي تعويض عن خسائر الموسم الماضي.",
                 "المزارع", "أنه لم يتلق", None,
                 id="test_quotes_class_complained_that"),
    # --------------------------------------------------------- «وكتب X منشورا/تغريدة»: the object ends the subject
    pytest.param("وكتب الوزير تغريدة على حسابه في تويتر \"سنواصل الإصلاحات مهما كانت الصعوبات\".",
                 "الوزير", None, None,
                 id="test_quotes_class_written_object_ends_the_subject"),
    # -------------------------------------------- «صرح بذلك X», «وقالت بهذا الخصوص:»: the adverbial is skipped
    pytest.param(("وجه الوزير بتوزيع الكتب على المدارس. صرح بذلك وكيل الوزارة الدكتور سامر الخطيب، الذي بين أنه "
                  "تم توزيع الكتب على كل الفروع."),
                 "وكيل الوزارة الدكتور سامر الخطيب", None, None,
                 id="test_quotes_class_bidhalik_is_no_subject"),
    pytest.param("وتحدثت النائبة منى السالم في جلسة البرلمان. وقالت بهذا الخصوص: «لن نقبل بأي زيادة في الضرائب هذا العام».",
                 "النائبة منى السالم", None, None,
                 id="test_quotes_class_bihadha_alkhusus_is_no_subject"),
    # -------------------------- «واتضح أن …» is impersonal; «أعلن العلماء ذلك»: the demonstrative is the object
    pytest.param("وأكد الوزير ذلك في مؤتمر صحفي، مضيفا أن الحكومة ستعلن التفاصيل الأسبوع المقبل.",
                 "الوزير", None, None,
                 id="test_quotes_class_dhalika_after_the_subject_is_the_object"),
    # -------------- an impersonal form takes a later «أن»: it does not cut the clause at a verb before it
    pytest.param(("وقالت الوزارة إن السفارة تابعت الحادث مع السلطات المختصة، وتبين من التحقيق أنه ناتج عن خطأ "
                  "في التشغيل."),
                 "الوزارة", "السفارة تابعت الحادث", None,
                 id="test_quotes_class_impersonal_after_a_verb_does_not_cut_the_clause"),
]


@pytest.mark.parametrize(("body", "speaker", "text_start", "direct"), ONE_QUOTE)
def test_quotes_class_one_quote(body, speaker, text_start, direct):
    check_one_quote(body, speaker, text_start, direct)


# pages with several quotes (or one): the speaker of each, in order
SPEAKERS = [
    # ------------------------------------------------------------ «وحسب نفس المصدر فإن …» names the source
    pytest.param(("وأصيب ثلاثة أشخاص في الحادث، وفق ما أفاد به مصدر من الحماية المدنية. "
                  "وحسب نفس المصدر فإن حالة أحد المصابين حرجة، مضيفا أن الطريق أغلقت لساعتين."),
                 ["مصدر من الحماية المدنية", "نفس المصدر", "نفس المصدر"],
                 id="test_quotes_class_same_source_attribution"),
    # --------------------------------- a masculine verb does not carry a speaker a feminine verb introduced
    pytest.param(("وأوضح التقرير أن الطلب على الكهرباء يرتفع كل عام. وأعلنت الوزارة العام الماضي أنها ستبني "
                  "محطات جديدة. وقال إن الشركات الخاصة ستشارك في التمويل."),
                 ["التقرير", "الوزارة", "التقرير"],
                 id="test_quotes_class_masculine_verb_skips_a_feminine_speaker"),
    pytest.param(("وقال المدير إن العمل سيبدأ غدا. وأعلنت الوزارة أنها ستمول المشروع. "
                  "وأضافت أن التمويل يغطي السنة الأولى."),
                 ["المدير", "الوزارة", "الوزارة"],
                 id="test_quotes_class_feminine_verb_still_carries_a_feminine_speaker"),
    # --------------------------------------- «وأضاف يقول: …، موضحا أن»: the second verb is not the subject
    pytest.param(("وقال المحامي سامر الخطيب إن نص اللائحة واضح. واضاف يقول: لذلك فإن القرار لا يمكن تطبيقه على "
                  "المباراة الودية، موضحا أنه لا توجد لائحة لهذه المباراة حتى الآن."),
                 ["المحامي سامر الخطيب"] * 3,
                 id="test_quotes_class_added_saying_is_no_subject_of_the_participle"),
    # -------------------------- «واتضح أن …» is impersonal; «أعلن العلماء ذلك»: the demonstrative is the object
    pytest.param(("وقد أعلن العلماء ذلك بعد سلسلة من التجارب، واتضح أن الدواء يحسن الذاكرة لدى الفئران. "
                  "وقال الباحث سامر الخطيب إن التجارب على البشر ستبدأ العام المقبل."),
                 ["الباحث سامر الخطيب"],
                 id="test_quotes_class_ittadaha_is_impersonal"),
    # -------------------------------------------------- «وقال هناك دراسة …»: «هناك» opens no subject phrase
    pytest.param(("وقال وزير التربية إن الظاهرة موجودة في بعض المدارس. وقال هناك دراسة ستنتهي قريبا وبحسب مؤشرات "
                  "أولية فإن الظاهرة تنتشر في المدن الكبرى."),
                 ["وزير التربية", "وزير التربية"],
                 id="test_quotes_class_hunak_is_no_subject"),
    # ------------------------------------- «من جانبه امتدح X … قائلا «…»»: the participle's clause has a subject
    pytest.param(("من جانبه امتدح لاعب الفريق سامر الخطيب عبر حسابه معسكر الفريق قائلا «العمل في المعسكر جاد "
                  "والتحضير على مستوى عال جدا»، مشيرا إلى أنه أصبح منسجما مع زملائه."),
                 ["لاعب الفريق سامر الخطيب"] * 2,
                 id="test_quotes_class_side_phrase_before_the_participles_verb"),
]


@pytest.mark.parametrize(("body", "speakers"), SPEAKERS)
def test_quotes_class_speakers(body, speakers):
    check_speakers(body, speakers)


# pages with no quote
NO_QUOTE = [
    # -------------------------------------------------------------- «كتب» reports written words in marks
    pytest.param("وتضم المكتبة كتب التاريخ والأدب ومعاجم اللغة. وفي الطابق الثاني كتبه التي أهداها للجامعة.",
                 id="test_quotes_class_books_are_no_cue"),
    # -------------------------------------------------------------- a marked title after «بعنوان:» is no quote
    pytest.param('ونشر الموقع تقريرا مصورا بعنوان: "رحلة الصيادين الأخيرة على شاطئ المدينة القديمة" أمس.',
                 id="test_quotes_class_title_after_a_colon_is_no_quote"),
    pytest.param('أعدت القناة فيلما وثائقيا جديدا بعنوان: "أيام في قرية الجبل البعيدة عن المدن".',
                 id="test_quotes_class_title_after_a_colon_in_its_own_sentence"),
    # ----------------------------------------------- «كان حريصا على أن …» is no reported clause of the cue
    pytest.param(("وعبر المدير عن شكره لإدارة النادي وعلى رأسها الرئيس الذي كان حريصا على أن يكون النادي "
                  "سباقا في هذه الخدمة."),
                 id="test_quotes_class_keen_that_is_no_speech"),
    # -------------------------------------------------------------- «اشتكى … من أنه …» reports a complaint
    pytest.param("واشتكى السكان من انقطاع الماء طوال الأسبوع الماضي.",
                 id="test_quotes_class_complained_of_a_noun_is_no_quote"),
    # -------------------------------------------------------------- «فماذا عساني أن أكتب»: no complementizer
    pytest.param("كتبت عن الراحل مقالات كثيرة، فماذا عساني أن أكتب عنه أكثر من ذلك؟",
                 id="test_quotes_class_asa_before_an_is_no_speech"),
    # -------------- an impersonal form takes a later «أن»: it does not cut the clause at a verb before it
    pytest.param("والجدير ذكره أن الفعاليات تستمر حتى نهاية الأسبوع المقبل. الجدير بالذكر أن الدخول مجاني للجميع.",
                 id="test_quotes_class_worth_mentioning_is_impersonal"),
    # ------------------------------------------------------- the colon of a web address introduces no words
    pytest.param(("ودعا مدير التعليم المتقدمين للدخول على رابط البوابة http://example.org/portal ثم الضغط على "
                  "أيقونة نظام المقابلات لحجز موعد."),
                 id="test_quotes_class_web_address_colon_is_no_cue"),
]


@pytest.mark.parametrize("body", NO_QUOTE)
def test_quotes_class_no_quote(body):
    check_no_quote(body)
