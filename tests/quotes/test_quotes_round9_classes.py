"""Error classes found on the ninth dev round and on random corpus pages, each on pages written for these tests
(no corpus sentence): the name «علي» (normalised like the preposition «على»), a person who takes the floor in a
new paragraph, correspondents and institutions as attributed sources, source nouns that are no cues.
"""

from __future__ import annotations

import pytest

from marsad.quotes import find_quotes
from tests.quotes._checks import check_one_quote, check_speakers
from tests.quotes.conftest import entity, make_article


# ------------------------------------------- a person named in a new paragraph takes the floor from the last one
def test_quotes_class_new_paragraph_subject_takes_the_floor():
    body = ("وقال الوزير سامر الخطيب: «لن نتراجع عن خطة الإصلاح مهما كانت الضغوط».\n"
            "بدوره، يسعى رئيس الغرفة التجارية نادر العلي إلى طمأنة التجار. "
            "وقال عقب لقائه ممثلي الأسواق «ما من سبب للقلق على الأسعار هذا العام».")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["الوزير سامر الخطيب", "رئيس الغرفة التجارية نادر العلي"]
    e1 = entity(body, "e1", "PER", "سامر الخطيب")
    e2 = entity(body, "e2", "PER", "نادر العلي")
    found = find_quotes(make_article(body, [e1, e2]))
    assert [q.speaker for q in found] == ["e1", "e2"]


# ---------------------------------------------------------- correspondents and institutions as attributed sources
def test_quotes_class_correspondent_as_a_source():
    body = ("وبحسب مراسلنا في الجهة، فإن الطريق بقيت مغلقة طوال ساعات الصباح. "
            "وتواصلت أعمال الإصلاح إلى المساء، وفق مراسلة الإذاعة بالمدينة.")
    found = find_quotes(make_article(body))
    assert [(q.direct, q.speaker_text) for q in found] == [
        (False, "مراسلنا في الجهة"), (False, "مراسلة الإذاعة بالمدينة")]
    assert found[0].text.startswith("الطريق بقيت مغلقة")
    assert found[1].text.startswith("وتواصلت أعمال الإصلاح")


# ------------------------------------------------------------------- a source noun is no cue for carried speakers
def test_quotes_class_source_noun_before_a_repeated_word_is_no_cue():
    body = ("قال رئيس جمعية حماية المستهلك سامر الخطيب إن الأسعار ارتفعت في كل الأسواق.\n"
            "وأضاف في تصريح للإذاعة أن هيئة المستهلك مطالبة بالتحرك، مشيرا إلى أن الرقابة غائبة.")
    found = find_quotes(make_article(body))
    assert all("سامر الخطيب" in q.speaker_text for q in found)


# ------------------------------------------------------- anonymity phrases are never speakers («عدم الكشف عن اسمه»)
def test_quotes_class_verb_after_duna_is_a_noun():
    body = "وكان مسؤول كبير في الوزارة أعلن في وقت سابق للصحيفة من دون ذكر اسمه، أن الاجتماع تأجل إلى الشهر المقبل."
    (q,) = find_quotes(make_article(body))
    assert q.cue == "أعلن"
    assert q.speaker_text == "مسؤول كبير في الوزارة"


# ------------------------------------------------------ a short name in marks after «لحزب», «جمعية»: not a quote
def test_quotes_class_name_in_marks_after_a_noun_in_construct():
    body = ('قال سامر الخطيب، الأمين العام لحزب "الغد المشرق الجديد" في تصريح للإذاعة إن الحزب سيشارك في '
            'الانتخابات المقبلة.')
    (q,) = find_quotes(make_article(body))
    assert not q.direct and q.text.startswith("الحزب سيشارك")
    body = 'وقال رئيس الحركة "نحن جاهزون للانتخابات المقبلة".'
    (q,) = find_quotes(make_article(body))
    assert q.direct and q.speaker_text == "رئيس الحركة"


# ------------------------------------------------------------ relative clauses set off by a comma, «أما X، فقال»
def test_quotes_class_relative_after_a_comma_names_its_antecedent():
    body = ("ويتوقع أن يتم توزيع مليوني وجبة خلال الموسم وفقا للمدير التنفيذي سامر الخطيب، الذي أوضح أن التسجيل "
            "بالموقع سينتهي ليلة الثلاثاء.")
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text.endswith("سامر الخطيب")
    body = "ويأتي ذلك في ظل تحالف وثيق مع الجارة، التي تعتقد أنها قادرة على فرض هيمنتها في المنطقة."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == "الجارة"


# ------------------------------------------------- «وأضاف "الخطيب" أنه»: the marked name is the subject, no quote
def test_quotes_class_marked_name_before_a_complementizer():
    body = 'قال سامر الخطيب إن التسجيل مفتوح حتى نهاية الشهر.\nوأضاف "الخطيب" أنه يشترط على المتقدم استخراج شهادة صحية.'
    found = find_quotes(make_article(body))
    assert [(q.direct, q.speaker_text) for q in found] == [(False, "سامر الخطيب"), (False, "الخطيب")]


# --------------------------------------------------------------- elatives after «من» are not reporting verbs
def test_quotes_class_elative_after_min_is_no_cue():
    body = ("ومن أبرز المحاور التي تناولها البرنامج التدريبي: القدرة على إدارة الحوار، وتمكين المتدرب من الإنصات.\n"
            "وقال المدير سامر الخطيب إن المتحف يعد من أبرز المواقع التراثية في المدينة.")
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == ["المدير سامر الخطيب"]
    assert found[0].text.endswith("في المدينة")


# ------------------------------------------- «وأيضا أكد X … قائلا»: the participle's own clause names the speaker
def test_quotes_class_aydan_before_the_verb():
    body = ('وقال الأمير سامي بن فهد على حسابه "رحم الله الفقيد وأسكنه فسيح جناته"، وأيضا أكد الشاعر نادر العلي '
            'الخبر قائلا في تغريدته "لله ما أخذ وله ما أعطى رحم الله الأخ رحمة واسعة".')
    found = find_quotes(make_article(body))
    assert found[1].speaker_text.startswith("الشاعر نادر العلي")


# ------------------------------------------- a short marked name inside a going-on sentence is not a quote
def test_quotes_class_short_marked_name_in_a_going_on_sentence():
    body = ('أعلنت «شركة النور» عن عرضها الجديد للمشتركين خلال الصيف.\n'
            'وذكرت "وكالة التصنيف"، من جهة أخرى، بكلفة الأزمة الأخيرة على الاقتصاد.\n'
            '"لن نستسلم أبدا"، قال الوزير سامر الخطيب أمام الصحفيين.\n'
            'وأضاف الوزير: "شكرا لكم" ثم غادر القاعة.')
    found = find_quotes(make_article(body))
    assert [q.text for q in found] == ["لن نستسلم أبدا", "شكرا لكم"]


# ------------------------------------------------------ «…، مضيفا: …» ends a colon quote and opens the next one
def test_quotes_class_participle_with_colon_splits_a_colon_quote():
    body = ("وقال المواطن سامر الخطيب للصحيفة: استأجرت الوزارة مني مبنى قبل تسع سنوات، وأنا ملتزم بكل ما يطلب "
            "مني، مضيفا: بعد مرور ثماني سنوات تقدمت بطلب رفع الإيجار.")
    found = find_quotes(make_article(body))
    assert len(found) == 2 and found[0].text.endswith("ملتزم بكل ما يطلب مني")
    assert found[1].text.startswith("بعد مرور") and found[1].speaker_text == "المواطن سامر الخطيب"


# ------------------------------------------------ «فيما / بينما / حيث / في حين» + verb: its subject follows
def test_quotes_class_verb_after_fima_opens_its_clause():
    body = ("وقال الوزير الأول سامر الخطيب إنه بحث مع نظيره ملف المياه، فيما شدد الوزير الضيف نادر العلي على "
            "ضرورة التعاون، موضحا أن بلاده لعبت دورا مهما في المنطقة.")
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text == "الوزير الضيف نادر العلي"


# ------------------------------------------ «هذه النتائج تؤكد أن»: a thing shows it; «من شأنها أن»; «(إن.تي.في)»
def test_quotes_class_likely_to_and_letters_of_a_name_are_no_complementizers():
    body = "كما دعت اللجنة إلى اتخاذ الإجراءات التي من شأنها أن تضع حدا لجميع أشكال العنف في الملاعب."
    assert find_quotes(make_article(body)) == ()
    body = "قالت محطة (إن.تي.في) المحلية اليوم إن الأصوات المؤيدة للتعديلات بلغت نسبتها 63 بالمائة."
    (q,) = find_quotes(make_article(body))
    assert q.text.startswith("الأصوات المؤيدة")


# ------------------------------------------------------------------- a pronoun opening a clause is not a verb
def test_quotes_class_pronoun_clause_is_not_a_subject_clause():
    body = ("وشرحت الصحيفة أن الفنانين استخدما موادا من أجساد البشر في نحتهم، وهي جيل السيليكا والألياف الزجاجية، "
            "لافتة إلى أنهما غالبا ما يستخدمان الأنسجة الدهنية في أعمالهما.")
    found = find_quotes(make_article(body))
    assert found[-1].speaker_text == "الصحيفة"


# ------------------------------------------- «في تصريحات نقلتها صحيفة X»: the medium carried it, «بيني وبين»
def test_quotes_class_wa_bayna_after_bayna_is_between():
    body = "وقال المدرب إن العلاقة بيني وبين أن أبقى في النادي واضحة للجميع منذ البداية."
    found = find_quotes(make_article(body))
    assert [q.cue for q in found] == ["وقال"]
    body = "وأوضح المدير أن المنافسة قوية بينهم هذا العام. وبين أن المعرض سيضم عشرين حرفيا من دول الخليج."
    found = find_quotes(make_article(body))
    assert [q.cue for q in found] == ["وأوضح", "وبين"]


# --------------------------------------------- «…، وذلك وفق ما أقرته اللجنة»: part of the words, not their source
def test_quotes_class_wa_dhalika_wafq_is_in_the_clause():
    body = ("وأوضح المدير سامر الخطيب، مشيرا إلى أن الصرف بدأ اعتبارا من شهر رمضان، وذلك وفق ما أقرته لجنة "
            "البدلات بالوزارة المشكلة من مندوبين عن عدة جهات.")
    found = find_quotes(make_article(body))
    assert any(q.text.startswith("الصرف بدأ") and q.text.endswith("عن عدة جهات") for q in found)


# ------------------------------------------------------- «وجاء في تقرير X أن»: a report is a nominal cue; «من أن»
def test_quotes_class_in_a_report_is_a_nominal_cue():
    body = ("وجاء في تقرير صدر عن الهيئة، أن قيمة الاستثمارات العقارية بلغت 53 مليار درهم في النصف الأول.\n"
            "وحذرت الدراسة من أن أدمغة البشر تتقلص بشكل طبيعي مع التقدم في السن.")
    found = find_quotes(make_article(body))
    assert found[0].text.startswith("قيمة الاستثمارات")
    assert found[1].speaker_text == "الدراسة"


# ---------------------------------------------------- «إمام» (with hamza below) is a noun, «أمام» a preposition
def test_quotes_class_imam_is_not_the_preposition():
    body = "قال إمام وخطيب المسجد الكبير الشيخ سامر الخطيب، إن الأخلاق أساس المجتمع المسلم."
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text.endswith("الشيخ سامر الخطيب")


# ------------------------------------------- «نوّه/وجّه» are verbs; a title after «تحت عنوان» is not a quote
def test_quotes_class_verbs_ending_in_ha_and_titles():
    body = ("نوه رئيس هيئة الأركان اللواء سامر الخطيب بالدور المحوري لدول التحالف، مؤكدا أن العملية قلبت "
            "الموازين في المعركة.\nولفت المسؤول العسكري، الانتباه إلى أن تحرير العاصمة يعد من أولويات القوات.\n"
            'ويعقد الأمين العام للحركة اجتماعا كبيرا تحت عنوان "المرأة حصن منيع ضد الإرهاب والتطرف".')
    found = find_quotes(make_article(body))
    assert len(found) == 2
    assert found[0].speaker_text.startswith("رئيس هيئة الأركان اللواء سامر الخطيب")
    assert found[1].speaker_text == "المسؤول العسكري"


# ------------------------------------- «ودعا الله أن …»: a prayer addresses God; a tagged name may begin with «ك/ب»
def test_quotes_class_tagged_name_starting_with_kaf():
    body = "حققت كوكانا أرباحا فصلية أفضل من المتوقع هذا العام وقالت إنها قد تقلص الإنفاق على شراء الأسهم."
    e1 = entity(body, "e1", "ORG", "كوكانا")
    (q,) = find_quotes(make_article(body, [e1]))
    assert q.speaker == "e1"


# pages with one quote: its speaker and, where given (not None), how its text opens; a test that held two pages
# is two cases here, its name with «-1» and «-2»
ONE_QUOTE = [
    # --------------------------------------------------------- «علي» the name does not end the subject phrase
    pytest.param("وأوضح المهندس علي بن سالم الدوسري أن أعمال الصيانة ستنتهي قبل بدء العام الدراسي.",
                 "المهندس علي بن سالم الدوسري", None,
                 id="test_quotes_class_the_name_ali_is_not_the_preposition"),
    pytest.param("وقال علي الدوسري إن الفريق سيغادر إلى المعسكر صباح الغد.",
                 "علي الدوسري", None,
                 id="test_quotes_class_the_name_ali_opens_the_subject"),
    pytest.param("وشدد الوزير على أن المشروع سيكتمل في موعده المحدد.",
                 "الوزير", None,
                 id="test_quotes_class_the_preposition_still_ends_the_phrase"),
    # ------------------------------------------------------ correspondents and institutions as attributed sources
    pytest.param("وتهدف الحملة إلى حماية الغابات من الحرائق خلال فصل الصيف، بحسب المؤسسة الوطنية للغابات.",
                 "المؤسسة الوطنية للغابات", "وتهدف الحملة",
                 id="test_quotes_class_institution_as_a_trailing_source"),
    pytest.param("ويعاني نحو ثلث السكان من نقص في الغذاء، وفقا لمنظمة الإغاثة الدولية.",
                 "منظمة الإغاثة الدولية", None,
                 id="test_quotes_class_attached_lam_is_not_part_of_the_source"),
    # ---------------------------------------------------------- «وكان X قد أكد»: the subject follows the auxiliary
    pytest.param("وكان الوزير سامر الخطيب قد أكد في تصريح سابق أن المشروع سيكتمل قبل نهاية العام.",
                 "الوزير سامر الخطيب", None,
                 id="test_quotes_class_subject_after_kana-1"),
    pytest.param("وكان بالحاج قد أكد في تصريح سابق للإذاعة أنه لم يتلق أي قرار رسمي بخصوص إقالته.",
                 "بالحاج", None,
                 id="test_quotes_class_subject_after_kana-2"),
    # ------------------------------------------------------- «بحسب ما أفادنا به مصدر»: the verb with «نا» reports
    pytest.param("وأذنت النيابة بفتح تحقيق في الحادثة بتهمة القتل العمد، بحسب ما أفادنا به مصدر أمني.",
                 "مصدر أمني", None,
                 id="test_quotes_class_verb_with_first_person_object_reports-1"),
    pytest.param("وتواصل الوحدات الأمنية البحث عن المشتبه بهم في المنطقة، بحسب ما أفادتنا به، مراسلة الإذاعة.",
                 "مراسلة الإذاعة", None,
                 id="test_quotes_class_verb_with_first_person_object_reports-2"),
    # --------------------------------------------------------------- «نقل X عن Y قوله»: Y speaks, X carried it
    pytest.param(("نقل التلفزيون الرسمي عن وزير الخارجية سامر الخطيب قوله اليوم الأربعاء إن بلاده تدعم أي جهود "
                  "للتصدي للإرهاب في المنطقة."),
                 "وزير الخارجية سامر الخطيب", None,
                 id="test_quotes_class_qawluhu_after_an_source_an_names_the_speaker"),
    # ---------------------------------------- an attribution inside a reporting clause makes no quote of its own
    pytest.param(('وأوضح سامي العلي رئيس البلدية خلال مؤتمر صحفي بحسب "الوكالة" أن هذا العقاب سيطبق على كل من '
                  'يرتكب ثلاث مخالفات.'),
                 "سامي العلي رئيس البلدية", "هذا العقاب",
                 id="test_quotes_class_attribution_inside_a_reporting_clause"),
    # ------------------------------------------------------------ «هذا الأسبوع» after the subject: a time phrase
    pytest.param("وقالت الحكومة هذا الأسبوع إنها قررت السماح بتصدير القمح من جديد.",
                 "الحكومة", None,
                 id="test_quotes_class_this_week_ends_the_subject"),
    pytest.param("ونقلت الإذاعة الرسمية عن مصدر أمني كبير القول إن الأجهزة المختصة مصممة على كشف مرتكبي الاعتداء.",
                 "مصدر أمني كبير", None,
                 id="test_quotes_class_al_qawl_ends_the_source_phrase"),
    # -------------------------------- a trailing «بحسب ما نقلته الوكالة» is the tail of a reported clause
    pytest.param(("وأضافت الوزيرة، خلال اللقاء، أنه سجل ارتفاع في عدد الحالات منذ سنة 2011، "
                  "بحسب ما نقلته وكالة الأنباء الرسمية."),
                 "الوزيرة", "أنه سجل",
                 id="test_quotes_class_trailing_attribution_of_a_reported_clause"),
    # ------------------------------------------------------- «ما صرح به مؤخرا العقيد …»: the adverb is skipped
    pytest.param("وكانت التقارير الصحفية أفادت مؤخرا بأن النادي يبحث عن تدعيم خط وسطه قبل نهاية الموسم.",
                 "التقارير الصحفية", None,
                 id="test_quotes_class_recently_is_not_the_subject"),
    # -------------------------------------- «هذه النتائج تؤكد أن»: a thing shows it; «من شأنها أن»; «(إن.تي.في)»
    pytest.param("وأشار الباحثون إلى أن هذه النتائج تؤكد أن التدخلات الغذائية يمكن أن تقي من المرض.",
                 "الباحثون", "هذه النتائج",
                 id="test_quotes_class_demonstrative_thing_infers-1"),
    pytest.param("وفي هذا الصدد يؤكد الوزير سامر الخطيب أن الحكومة ماضية في الإصلاحات الكبرى.",
                 "الوزير سامر الخطيب", None,
                 id="test_quotes_class_demonstrative_thing_infers-2"),
    # --------------------------------------- «في تصريحات نقلتها صحيفة X»: the medium carried it, «بيني وبين»
    pytest.param('وقال العداء سامر الخطيب في تصريحات نقلتها صحيفة محلية "أستعد لبدء مرحلة جديدة في حياتي الرياضية".',
                 "العداء سامر الخطيب", None,
                 id="test_quotes_class_statement_carried_by_a_medium-1"),
    pytest.param("وأضاف الوزير، بحسب ما نقلته وكالة الأنباء الرسمية، أن الحكومة ستعرض الخطة قريبا على البرلمان.",
                 "الوزير", None,
                 id="test_quotes_class_statement_carried_by_a_medium-2"),
]


@pytest.mark.parametrize(("body", "speaker", "text_start"), ONE_QUOTE)
def test_quotes_class_one_quote(body, speaker, text_start):
    check_one_quote(body, speaker, text_start)


# pages with several quotes (or one): the speaker of each, in order
SPEAKERS = [
    # --------------------------------------- a person named in a new paragraph takes the floor from the last one
    pytest.param(("وقال الوزير سامر الخطيب إن الخطة ستعرض على المجلس الأسبوع المقبل.\n"
                  "وتأتي الخطة بعد أشهر من المشاورات مع النقابات. "
                  "وأضاف أن التمويل سيأتي من صندوق التنمية."),
                 ["الوزير سامر الخطيب", "الوزير سامر الخطيب"],
                 id="test_quotes_class_a_thing_in_a_new_paragraph_does_not_take_the_floor"),
    # ------------------------------------------------------ correspondents and institutions as attributed sources
    pytest.param(("ويواجه الصيادون صعوبات كبيرة في تسويق منتجاتهم، بحسب الجمعية المهنية التي أضافت أن "
                  "الأسعار تراجعت بشكل حاد."),
                 ["الجمعية المهنية"],
                 id="test_quotes_class_source_phrase_ends_at_a_relative-1"),
    pytest.param(("ويواجه الصيادون صعوبات كبيرة في تسويق منتجاتهم، بحسب المنظمة المهنية التي أضافت أن "
                  "الأسعار تراجعت بشكل حاد."),
                 ["المنظمة المهنية", "المنظمة المهنية"],
                 id="test_quotes_class_source_phrase_ends_at_a_relative-2"),
    # --------------------------------------------------- anonymity phrases are never speakers («عدم الكشف عن اسمه»)
    pytest.param(("ثم قال مسؤول في الحزب للصحيفة، طالبا أيضا عدم الكشف عن اسمه، إن القرار نهائي ولن يتغير، "
                  "مضيفا أن لا تراجع عنه بعد اليوم."),
                 ["مسؤول في الحزب", "مسؤول في الحزب"],
                 id="test_quotes_class_anonymity_phrase_is_not_the_speaker"),
    # -------------------------------------------------------- relative clauses set off by a comma, «أما X، فقال»
    pytest.param(("وقدمت الفرقة عرضها الأول مساء أمس بحضور المخرج سامي العلي، الذي أوضح أن المسرحية تتناول مشكلة السكن. "
                  "أما مقرر لجنة الفنون بالجمعية نادر الخطيب، فأوضح أن العمل يتيح الفرصة للشباب للظهور، "
                  "مبينا أن الجمعية تدعم الفرق المسرحية."),
                 ["المخرج سامي العلي"] + ["مقرر لجنة الفنون بالجمعية نادر الخطيب"] * 2,
                 id="test_quotes_class_amma_topic_speaks_with_fa"),
    # ----------------------------------------- «…، وذلك وفق ما أقرته اللجنة»: part of the words, not their source
    pytest.param(("أكدت وزيرة الصحة سميرة الخطيب أن اثنين من الحجيج خضعا لعمليتين جراحيتين في مكة.\n"
                  "وأضافت في تصريح إعلامي، بمناسبة توديع الوفد الرسمي للحجيج، أن البعثة الطبية تتابع الوضع الصحي."),
                 ["وزيرة الصحة سميرة الخطيب"] * 2,
                 id="test_quotes_class_adverbial_on_the_occasion_is_skipped"),
    # ------------------------------------------------ a word ending in ta marbuta is no verb («تابعة», «دعاة»)
    pytest.param(("على مسافة ستين كيلومترا منها خمسة عشر ستكون تابعة للولاية ومن المنتظر أن تتحسن وضعية الطريق "
                  "بعد الأشغال.\nوقالت وسائل إعلام تابعة للحركة إن الانفجار ناجم عن قذيفة قديمة لم تنفجر."),
                 ["وسائل إعلام تابعة للحركة"],
                 id="test_quotes_class_ta_marbuta_is_no_verb"),
    # --------------------------------- «ودعا الله أن …»: a prayer addresses God; a tagged name may begin with «ك/ب»
    pytest.param(("وقال الشيخ سامر الخطيب إن الإرهابيين لم يتوقفوا عن محاولاتهم لزعزعة الأمن.\n"
                  "ودعا الله عز وجل أن يحمي هذا الوطن الغالي وقيادته من شر الأشرار."),
                 ["الشيخ سامر الخطيب"] * 2,
                 id="test_quotes_class_prayer_keeps_the_speaker"),
]


@pytest.mark.parametrize(("body", "speakers"), SPEAKERS)
def test_quotes_class_speakers(body, speakers):
    check_speakers(body, speakers)
