"""Closed-class words that govern an event: negation, modality, argument prepositions (normalised forms).

Kept as data beside the code that reads them, in the style of spaCy's language data modules.
"""

NEGATORS = frozenset({"لا", "لم", "لن", "ليس", "ليست", "ليسوا", "عدم", "دون", "بدون", "بلا", "غير", "لما"})
# Verbs that negate or cancel what follows: «نفى وقوع …», «ألغى الزيارة»
NEGATING_VERBS = frozenset({"نفى", "نفت", "ينفي", "تنفي", "نفوا", "الغى", "الغت", "الغيت", "الغي", "اجل", "اجلت",
                            "ارجا", "ارجات", "نفي", "الغاء", "تاجيل"})

PLANNED = frozenset({
    "سوف", "المقرر", "مقرر", "المزمع", "مزمع", "يعتزم", "تعتزم", "نعتزم", "يعتزمون", "اعتزام", "ينوي", "تنوي",
    "ننوي", "ينوون", "نرتب", "يرتب", "ترتب", "المرتقب", "المرتقبه", "مرتقب", "مرتقبه", "المرتقبين", "يرتقب",
    "سيقوم", "ستقوم", "سنقوم", "سيتم", "ستتم", "سيعقد", "ستعقد", "سيجري", "ستجري", "سيشهد", "ستشهد",
    "ستبدا", "سيبدا", "المقبل", "المقبله", "القادم", "القادمه", "المنتظر", "المنتظره", "يستعد", "تستعد",
    "نستعد", "يعتزمان", "تعتزمان", "مزمعه", "المزمعه", "تخطط", "يخطط", "نخطط", "خطه",
})
POSSIBLE = frozenset({"ربما", "يحتمل", "المحتمل", "محتمل", "محتمله", "احتمال", "يمكن", "يمكنه", "ممكن",
                      "المرجح", "يرجح", "لعل", "قد"})
CONDITIONAL = frozenset({"اذا", "لو", "لولا", "حال", "حاله", "طالما", "متى", "كلما"})
QUESTION = frozenset({"هل", "ماذا", "لماذا", "كيف", "متى", "اين", "ايه", "اي"})
# Reporting-clause particles that end the scope of a modal cue on its left
SCOPE_BREAKS = frozenset({"و", "ثم", "بينما", "حيث", "فيما", "لكن", "لكنه", "بعد", "عندما", "حين"})

# Argument cues
TARGET_PREPS = frozenset({"على", "ضد", "الى", "علي"})
WITH_PREPS = frozenset({"مع"})
BETWEEN = frozenset({"بين"})
AGENT_CUE = ("من", "قبل")  # «من قبل X»: the doer of a passive or nominal event
LOCATION_PREPS = frozenset({"في", "داخل", "قرب", "بالقرب", "شمال", "جنوب", "شرق", "غرب", "وسط", "امام"})
BLOCKING_PREPS = frozenset({"في", "من", "عن", "منذ", "حول", "بعد", "قبل", "خلال", "عبر"})
PASSIVE_EXPOSED = frozenset({"تعرض", "تعرضت", "يتعرض", "تتعرض", "تعرضوا", "يتعرضون", "تعرضا"})

# Reporting verbs: «إن» after them opens reported speech, not a condition
REPORTING = frozenset({"قال", "قالت", "قالوا", "يقول", "تقول", "اضاف", "اضافت", "اكد", "اكدت", "اوضح", "اوضحت",
                       "ذكر", "ذكرت", "اعلن", "اعلنت", "صرح", "صرحت", "افاد", "افادت", "تابع", "تابعت", "اعتبر"})
