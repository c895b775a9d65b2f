"""Date words as data: modifiers, time-of-day words, guards, duration heads, zones and dateline labels.

Plain Arabic as written; the grammar folds them with ``normalize_for_match`` before use. Month, weekday and
number names live in ``marsad/resources/dates`` (CLDR and hand variants); these are the short closed lists the
grammar is built from.
"""

PAST = ["الماضي", "الماضية", "المنصرم", "المنصرمة", "الفائت", "الفائتة", "السابق", "السابقة", "المنقضي",
        "المنقضية"]
NEXT = ["المقبل", "المقبلة", "القادم", "القادمة"]
CURRENT = ["الجاري", "الجارية", "الحالي", "الحالية"]
# Time-of-day words that may precede a weekday or a relative day word («مساء الثلاثاء», «صباح اليوم»).
TIME_OF_DAY = ["مساء", "عشية", "صباح", "ظهر", "ظهيرة", "عصر", "فجر", "ليلة", "ليل", "نهار", "صبيحة", "منتصف ليل",
               "منتصف ليلة", "فجر يوم", "صباح يوم", "مساء يوم", "ظهر يوم", "عصر يوم", "ليلة يوم"]
# Words after «اليوم»/«الليلة» that make it "the day …" rather than "today".
NOT_TODAY_AFTER = ["التالي", "الموالي", "السابق", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس",
                   "السابع", "الثامن", "التاسع", "العاشر", "الأخير", "الوطني", "العالمي", "الدولي", "المفتوح",
                   "الدراسي", "الواحد", "الكامل", "الذي", "التي", "نفسه", "ذاته", "نفسها", "ذاتها", "الموعود",
                   "الختامي", "الافتتاحي", "المشهود", "الأولى", "الثانية", "الثالثة", "الأخيرة", "السابقة",
                   "التالية", "الموالية", "الحاسم", "الحاسمة", "الأسود", "الأبيض", "المخصص"]
APPROX = ["نحو", "حوالي", "حوالى", "قرابة", "زهاء", "ما يقرب من", "أكثر من", "أقل من", "ما يزيد عن",
          "ما يزيد على", "ما لا يقل عن"]
DURATION_HEADS = ["خلال", "لمدة", "مدة", "طوال", "طيلة", "على مدى", "على مدار", "على امتداد", "في غضون",
                  "غضون"]
# Named zones Marsad recognises after a time. Only zones with a fixed offset (no daylight saving) yield a
# date-time value; the others are part of the span but leave the value a plain date.
ZONE_OFFSETS = {"مكة": "+03:00", "مكة المكرمة": "+03:00", "السعودية": "+03:00", "الرياض": "+03:00",
                "غرينتش": "+00:00", "جرينتش": "+00:00", "غرينيتش": "+00:00", "جرينيتش": "+00:00",
                "غرنتش": "+00:00", "الإمارات": "+04:00", "أبوظبي": "+04:00", "أبو ظبي": "+04:00",
                "دبي": "+04:00"}
OTHER_ZONES = ["القدس", "بيروت", "دمشق", "القاهرة", "عمان", "بغداد", "الدوحة", "الكويت", "تونس", "الجزائر",
               "المغرب", "الرباط", "الخرطوم", "المنامة", "مسقط", "صنعاء", "طرابلس", "نواكشوط", "فلسطين",
               "الأردن", "مصر", "لبنان", "سوريا", "العراق", "قطر", "البحرين", "عمان", "اليمن", "ليبيا"]

# Words before «اليوم» that make it "the day" or a title («صحيفة اليوم», «عين اليوم») rather than "today".
NOT_TODAY_BEFORE = ["ذلك", "نفس", "ذات", "صحيفة", "جريدة", "لصحيفة", "لجريدة", "بصحيفة", "بجريدة", "وصحيفة",
                    "وجريدة", "مثل", "عين", "لعين", "ساعات", "طيلة"]

# Dateline labels («نشر في: …»); a «published» label decides which of two dates a dateline gives.
PUBLISHED_LABELS = ["تاريخ النشر", "نشر في", "نشر بتاريخ", "تم النشر", "تم نشره", "نشر", "منشور في",
                    "تاريخ الإضافة", "أضيف في", "published on", "published", "posted on", "posted",
                    "date published"]
UPDATED_LABELS = ["آخر تحديث", "اخر تحديث", "تم التحديث", "تم تحديثه", "محدث", "تحديث", "آخر تعديل",
                  "last updated", "updated on", "updated", "modified"]
WEAK_LABELS = ["بتاريخ", "التاريخ", "تاريخ", "date", "في"]
