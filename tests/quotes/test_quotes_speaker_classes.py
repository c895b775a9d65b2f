"""Speaker error classes found on the dev half (issue #5), each on pages written for these tests.

Coordinated cues share the sentence's subject; complements of a relational noun or preposition are not the
speaker; the name a phrase opens with wins over names in its apposition; first-person words after a cue are
the quote, not its subject; «تابع» as "followed"; a writer's own «أعتقد» in a column; role-only phrases
linked to the person holding the role.
"""

from __future__ import annotations

from marsad.quotes import find_quotes
from marsad.quotes.evaluate import GoldArticle, score
from marsad.records import Entity, Span
from tests.quotes.conftest import entity, make_article


# ---------------------------------------------------------------- a cue with no subject: the sentence's subject
def test_quotes_class_coordinated_cue_takes_the_sentence_subject():
    body = ("قال الوزير كاظم جلالي إن الاجتماع سيعقد في موعده.\n"
            "والتقى رئيس الوفد سامر الخطيب بالصحفيين في القاعة وقال إن المفاوضات ستستأنف غدا.")
    e1 = entity(body, "e1", "PER", "كاظم جلالي")
    e2 = entity(body, "e2", "PER", "سامر الخطيب")
    found = find_quotes(make_article(body, [e1, e2]))
    assert [q.speaker for q in found] == ["e1", "e2"]
    # without entities the phrase after the first verb names the speaker
    found = find_quotes(make_article(body))
    assert found[1].speaker_text.startswith("رئيس الوفد سامر الخطيب")


def test_quotes_class_answer_after_a_non_reporting_verb():
    body = ("وأوضح كاظم جلالي أن الفريق يستعد للمباراة.\n"
            "ولم يتردد المدرب الإسباني عند سؤاله عن مستقبل الحارس وأجاب: «سيبقى معنا حتى نهاية الموسم».\n"
            "وأضاف: «هو أفضل حارس في الدوري».")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["كاظم جلالي", "المدرب الإسباني", "المدرب الإسباني"]


def test_quotes_class_newspaper_named_in_marks_then_haythu_qalat():
    body = "نشرت صحيفة “الأفق” الإيطالية تقريرا مطولا عن الأسواق، حيث قالت إن الطلب سيرتفع هذا العام بقوة."
    e1 = entity(body, "e1", "ORG", "الأفق")
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.text) == ("e1", "الطلب سيرتفع هذا العام بقوة")


def test_quotes_class_participle_after_a_non_reporting_verb():
    body = "وعقد منظمو المعرض ندوة صحفية مساء أمس، مبينين أن الدورة الجديدة ستشهد مشاركة واسعة."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text.startswith("منظمو المعرض")  # the object may follow: no part-of-speech tags


def test_quotes_class_participle_after_an_attribution():
    body = ("قال الوزير كاظم جلالي إن الموسم كان جيدا.\n"
            "وسيرتفع الإنتاج هذا العام، حسب كاتب الدولة، مشيرا إلى أن الدولة ستدعم الفلاحين بكل الوسائل.")
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text == "كاتب الدولة"


def test_quotes_class_auxiliary_closes_the_subject():
    body = ("قال مسؤول كبير إن الزيارة ستتم الأسبوع المقبل.\n"
            "وكان سامر الخطيب رئيس الوفد قد التقى مع كاظم جلالي الشهر الماضي وقال إنه حصل على وعود بالدعم.")
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "كاظم جلالي")
    found = find_quotes(make_article(body, [e1, e2]))
    assert found[-1].speaker == "e1"


# ---------------------------------------------------------------- which mention of the phrase names the speaker
def test_quotes_class_complement_of_a_relational_noun_is_not_the_speaker():
    body = "وقال محامي سامر الخطيب إن موكله لم يغادر البلاد منذ سنوات."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.speaker_text) == (None, "محامي سامر الخطيب")


def test_quotes_class_relative_phrase_is_not_the_person_it_names():
    body = "وقال والد الضحية سامر الخطيب إن ابنه كان في طريقه إلى المدرسة."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker is None and q.speaker_text.startswith("والد الضحية")


def test_quotes_class_name_then_apposition_role():
    body = "قال السفير كاظم جلالي سفير الملك سلمان لدى موسكو إن العلاقات تمر بأفضل مراحلها."
    e1 = entity(body, "e1", "PER", "كاظم جلالي")
    e2 = entity(body, "e2", "PER", "الملك سلمان")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e1"


def test_quotes_class_opening_name_before_a_spokesman_role():
    body = "وقال سامر الخطيب المتحدث باسم شرطة مطار القاهرة إن الحقيبة سلمت لأصحابها."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "مطار القاهرة")  # a tagger's wrong type must not win
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e1"


def test_quotes_class_name_after_a_party_preposition_phrase():
    body = "وأكد النائب عن الاتحاد الوطني الحر، سامر الخطيب أن الكتلة ستقدم استقالتها."
    e1 = entity(body, "e1", "PER", "الوطني الحر")  # a tagger's wrong type
    e2 = entity(body, "e2", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e2"


def test_quotes_class_person_then_ba_phrase_ends_the_subject():
    body = "وأشاد سامر الخطيب بقرارات الأمير كاظم جلالي، مؤكدا أن الإدارة ستلتزم بها كاملة."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "كاظم جلالي")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e1"


def test_quotes_class_name_preferred_to_an_office_mention():
    body = "أكد الرئيس ، سامر الخطيب رئيس الجمهورية أن الجيش سيواصل عملياته حتى النهاية."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "رئيس الجمهورية")
    (q,) = find_quotes(make_article(body, [e1, e2]))
    assert q.speaker == "e1"


def test_quotes_class_role_only_phrase_links_to_the_role_holder():
    body = ("التقى سامر الخطيب، كاتب الدولة للفلاحة، بالمنتجين صباح اليوم.\n"
            "وقال كاتب الدولة إن الأسعار ستستقر قبل نهاية الشهر.")
    i = body.index("سامر الخطيب")
    e1 = Entity(id="e1", type="PER", name="سامر الخطيب", mentions=(Span("سامر الخطيب", i, i + 11),),
                roles=("كاتب الدولة للفلاحة",))
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.speaker_text) == ("e1", "كاتب الدولة")


# ---------------------------------------------------------------- words after a cue that are not its subject
def test_quotes_class_first_person_after_qala_is_the_quote():
    body = ("أكد المتحدث سامر الخطيب أن الانتخابات جرت بشفافية.\n"
            "وحول الاتهامات قال أؤكد بشكل قاطع أن لا علاقة لأي دولة بالنتائج.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["المتحدث سامر الخطيب"] * 2


def test_quotes_class_adverb_after_the_cue_is_not_a_subject():
    body = "قال الوزير كاظم جلالي إن الميزانية جاهزة منذ شهر. وأكد أيضا أن الرواتب ستصرف في موعدها."
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["الوزير كاظم جلالي"] * 2


def test_quotes_class_tabaa_followed_is_not_a_cue():
    body = ("قال المدرب كاظم جلالي إن الفريق جاهز للقاء.\n"
            "وتابع آلاف المشجعين المباراة من المدرجات.\n"
            "وأضاف أن اللاعبين بذلوا جهدا كبيرا طوال الشوط الثاني.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["المدرب كاظم جلالي"] * 2
    assert [q.cue for q in found] == ["قال", "وأضاف"]


def test_quotes_class_tabaa_with_words_is_still_a_cue():
    body = "وقال كاظم جلالي إن الوفد وصل إلى المدينة.\nوتابع حديثه قائلا: «سنعود الأسبوع المقبل»."
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["كاظم جلالي"] * 2


# ---------------------------------------------------------------- the writer's own voice
def test_quotes_class_writers_own_view_in_a_column_is_not_a_quote():
    body = ("أنا من الذين تابعوا هذا الملف منذ سنوات، ونحن نعرف تفاصيله جيدا.\n"
            "أعتقد أن الحل لن يأتي من الخارج، ولدينا ما يكفي من الخبرة لنبدأ.")
    assert find_quotes(make_article(body)) == ()


def test_quotes_class_someone_elses_itaqada_in_a_column_stays():
    body = ("أنا من الذين تابعوا هذا الملف منذ سنوات، ونحن نعرف تفاصيله جيدا ولدينا الوثائق.\n"
            "وقال الوزير كاظم جلالي إن الحل قريب جدا، لكنه أوضح أن التنفيذ يحتاج إلى وقت طويل.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["الوزير كاظم جلالي"] * 2


# ---------------------------------------------------------------- the scorer: one name, one speaker
def test_quotes_class_scorer_counts_the_same_name_at_another_mention():
    body = "وقال سامر الخطيب إن الفريق جاهز.\nوأضاف أن المباراة صعبة.\nوقال سامر الخطيب: «سنفوز غدا بإذن الله»."
    q = body.index("سنفوز")
    sp = body.index("سامر الخطيب")  # the gold names the first mention; the system finds the second
    gold = GoldArticle("a", body, [{"start": q, "end": q + 20, "direct": True, "speaker": [sp, sp + 11]}])
    assert score([gold], use_ner=False)["speaker_accuracy"] == 1.0


# ---------------------------------------------------------------- more subject positions, checked on unseen pages
def test_quotes_class_subject_after_lakin():
    body = "ولم ترد تفاصيل فورية عن هوية من كان يحاول نقل الشحنة لكن البيان قال إن التحقيق مستمر منذ أيام."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == "البيان"


def test_quotes_class_participle_after_ma_qalahu():
    body = ("وبالعودة إلى ما قاله الخبير الأمني سامر الخطيب، فإن آلاف القطع تنتشر في البلاد، "
            "مشيرا إلى أن الحدود الجنوبية هي المعبر الرئيسي للتهريب.")
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text.startswith("الخبير الأمني سامر الخطيب")


def test_quotes_class_participle_after_svo_verb():
    body = ("سامر الخطيب يؤكد أنه اعتاد على الخطر منذ سنوات، وبات التهديد أمرا عاديا في عمله، "
            "قائلا: «على الأرض لا أفكر إلا في الخطوة التالية».")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["سامر الخطيب"] * 2


def test_quotes_class_bihasab_a_thing_is_not_a_source():
    body = ("وقال المحامي سامر الخطيب إن التقاضي حق للجميع، بحسب نوع القضية وجهة اختصاصها، "
            "مبينا أن البعض يسيء استخدام هذا الحق.")
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text == "المحامي سامر الخطيب"


def test_quotes_class_abrazuha_is_a_superlative_not_a_cue():
    body = ("وأكد سامر الخطيب عودة عدد من الأسواق وأبرزها الفرنسية والألمانية.\n"
            "وقال إن الآمال معلقة على الأسواق المغاربية هذا الموسم.")
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"


def test_quotes_class_relative_clause_inside_the_subject():
    body = "أكدت الفحوصات الطبية التي خضع لها اللاعب سامر الخطيب أنه يعاني من قطع في الأربطة."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1]))
    assert (q.speaker, q.speaker_text) == (None, "الفحوصات الطبية")


def test_quotes_class_lafata_al_intibah_is_an_object():
    body = ("وأفاد الرئيس سامر الخطيب بأنه سيجري مباحثات اليوم مع نظرائه.\n"
            "ولفت الانتباه إلى أنه من المرجح عقد مؤتمر عبر الهاتف هذا المساء.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["الرئيس سامر الخطيب"] * 2


def test_quotes_class_medium_name_in_marks_is_not_a_quote():
    body = 'كشفت صحيفة "وول ستريت جورنال" أمس أن الوفد زار المنطقة سرا الأسبوع الماضي.'
    (q,) = find_quotes(make_article(body))
    assert q.text == "الوفد زار المنطقة سرا الأسبوع الماضي"
    assert q.speaker_text.startswith('صحيفة "وول ستريت جورنال"')


def test_quotes_class_earlier_sentence_subject_when_nothing_to_carry():
    body = ("رفع رئيس الاتحاد سامر الخطيب التهنئة للفارس كاظم جلالي بمناسبة فوزه بالبطولة. "
            "وأكد أن هذا الإنجاز غير مستغرب من فرسان المملكة. وقدم التهنئة للفارس كاظم جلالي على مستواه، "
            "مؤكدا أن الاتحاد يعمل على تذليل الصعوبات أمام الفرسان.")
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "كاظم جلالي")
    found = find_quotes(make_article(body, [e1, e2]))
    assert [q.speaker for q in found] == ["e1", "e1"]


def test_quotes_class_min_janibihi_without_comma():
    body = "قال الوزير كاظم جلالي إن البطولة ناجحة جدا.\nمن جانبه عبر الفارس سامر الخطيب عن سعادته وقال: «الحمد لله على هذا الفوز»."
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text.startswith("الفارس سامر الخطيب")


def test_quotes_class_time_phrase_after_the_verb_is_not_a_subject():
    body = ("وأعيد انتخاب سامر الخطيب رئيسا للاتحاد في مايو الماضي إلا أنه أعلن بعدها بأربعة أيام "
            "أنه سيتخلى عن منصبه في الخريف.")
    (q,) = find_quotes(make_article(body))
    assert "سامر الخطيب" in q.speaker_text


def test_quotes_class_svo_subject_after_an_impersonal_anna():
    body = "يشار أن الاتحاد الدولي قد أكد قبل البطولة أنه سيكون حازما مع كل السلوكيات المشينة."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == "الاتحاد الدولي"


def test_quotes_class_verbal_noun_with_possessor_is_an_object():
    body = ("وقال رئيس البرنامج سامر الخطيب إن الطلاب وصلوا جميعا.\n"
            "وأكد استعدادهم لتقديم الدعم الكامل للمدارس، مشيرا إلى أن البرنامج اختار أمهر المدربين.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["رئيس البرنامج سامر الخطيب"] * 2


def test_quotes_class_idafa_noun_is_not_a_cue():
    body = "وشملت الجولة الأسواق الكبرى، إضافة إلى أن الفرق زارت عشرين مطعما في المدينة."
    assert find_quotes(make_article(body)) == ()


def test_quotes_class_colon_quote_ends_where_another_speaker_takes_the_floor():
    body = ("وقال المدرب كاظم جلالي في المؤتمر: الفوز مهم لنا جدا ونحن جاهزون للقاء، "
            "وبدوره أكد اللاعب سامر الخطيب أن الفريق سيقاتل حتى النهاية، "
            "واختتم اللاعب الدولي حديثه بقوله: أنا رهن إشارة المدرب في كل وقت.")
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["الفوز مهم لنا جدا ونحن جاهزون للقاء",
                                       "الفريق سيقاتل حتى النهاية",
                                       "أنا رهن إشارة المدرب في كل وقت."]
    assert [q.speaker_text for q in found] == ["المدرب كاظم جلالي", "اللاعب سامر الخطيب", "اللاعب الدولي"]


def test_quotes_class_first_words_after_time_phrase_and_comma():
    body = ("تقدمت أمس السبت، امرأة من المدينة بشكاية لفرقة الشرطة أكدت فيها أن زوجها حاول إقناعها بالسفر.")
    e1 = entity(body, "e1", "ORG", "الشرطة")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker_text.startswith("امرأة من المدينة")


def test_quotes_class_demonstrative_object_before_the_subject():
    body = "أوضح ذلك رئيس النادي سامر الخطيب، وقال: «اختيار الكاتب جاء بناء على جهوده الكبيرة»."
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"


def test_quotes_class_medium_names_across_a_paragraph_end():
    body = ("ويعقد الملتقى تحت عنوان «القصة القصيرة في المملكة: مقاربات في المنجز النقدي».\n"
            "أوضح ذلك رئيس النادي سامر الخطيب، وقال: «الملتقى مفتوح لكل الباحثين هذا العام».")
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["الملتقى مفتوح لكل الباحثين هذا العام"]
