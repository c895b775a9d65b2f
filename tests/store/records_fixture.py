"""Pages built by hand from ``marsad.records`` objects, with entities, quotes and events filled in, so the
store, the API and the web pages have data for every kind of record. Offsets are computed from the text,
so ``body[start:end] == text`` holds by construction."""

from __future__ import annotations

import hashlib

from marsad.records import (Article, Entity, Event, Page, Quote, Section, Source, Span, TimeExpr,
                            article_id)


def span(body: str, text: str, nth: int = 0) -> Span:
    i = -1
    for _ in range(nth + 1):
        i = body.index(text, i + 1)
    return Span(text=text, start=i, end=i + len(text))


def sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def moscow_page(variant: int = 0) -> Page:
    title = "إيران وروسيا توقعان الاتفاقية الاستراتيجية في موسكو"
    body = ("أعلن سفير إيران لدى موسكو كاظم جلالي اليوم الثلاثاء أن طهران وموسكو ستوقعان الاتفاقية الشاملة قريبا.\n"
            "وقال جلالي: «إن الاتفاقية تعزز التعاون بين البلدين في مجالات الطاقة والنقل».\n"
            "واتهمت واشنطن طهران بدعم روسيا، فيما زار وزير الخارجية الروسي سيرغي لافروف طهران الأسبوع الماضي.\n"
            "وأكد لافروف أن بلاده ترفض العقوبات الأمريكية.")
    if variant:
        body += f"\nتحديث رقم {variant}."
    h = sha(title + body)
    aid = article_id(h, 0)
    jal = Entity(id="e1", type="PER", name="كاظم جلالي", name_latin="Kazem Jalali",
                 actor="marsad:per/kazem-jalali", country="IRN", code="IRNGOV",
                 roles=("سفير إيران لدى موسكو",),
                 mentions=(span(body, "كاظم جلالي"), span(body, "جلالي", 1)))
    irn = Entity(id="e2", type="GPE", name="إيران", name_latin="Iran", actor="marsad:gpe/iran", country="IRN",
                 code="IRN", mentions=(span(body, "طهران"), span(body, "طهران", 2)))
    rus = Entity(id="e3", type="GPE", name="روسيا", name_latin="Russia", actor="marsad:gpe/russia",
                 country="RUS", code="RUS", mentions=(span(body, "روسيا"),))
    mos = Entity(id="e4", type="GPE", name="موسكو", name_latin="Moscow", actor="marsad:gpe/moscow",
                 country="RUS", mentions=(span(body, "موسكو"), span(body, "موسكو", 1)))
    usa = Entity(id="e5", type="GPE", name="الولايات المتحدة", name_latin="United States",
                 actor="marsad:gpe/usa", country="USA", code="USA", mentions=(span(body, "واشنطن"),))
    lav = Entity(id="e6", type="PER", name="سيرغي لافروف", name_latin="Sergey Lavrov",
                 actor="marsad:per/sergey-lavrov", country="RUS", code="RUSGOV",
                 roles=("وزير الخارجية الروسي",),
                 mentions=(span(body, "سيرغي لافروف"), span(body, "لافروف", 1)))
    q1 = Quote(id="q1", text="إن الاتفاقية تعزز التعاون بين البلدين في مجالات الطاقة والنقل",
               start=0, end=0, direct=True, speaker="e1", speaker_text="جلالي", cue="وقال",
               date="2024-11-19")
    s = span(body, q1.text)
    q1 = q1.replace(start=s.start, end=s.end)
    q2t = "بلاده ترفض العقوبات الأمريكية"
    s2 = span(body, q2t)
    q2 = Quote(id="q2", text=q2t, start=s2.start, end=s2.end, direct=False, speaker="e6",
               speaker_text="لافروف", cue="وأكد", date="2024-11-19")
    sent = span(body, "واتهمت واشنطن طهران بدعم روسيا، فيما زار وزير الخارجية الروسي سيرغي لافروف طهران الأسبوع الماضي.")
    v1 = Event(id="v1", type="ACCUSE", trigger=span(body, "واتهمت"), sentence=(sent.start, sent.end),
               source="e5", target="e2", date="2024-11-19")
    v2 = Event(id="v2", type="CONSULT", mode="visit", trigger=span(body, "زار"), sentence=(sent.start, sent.end),
               source="e6", target="e2", location="e2", date="2024-11-12")
    v3 = Event(id="v3", type="AGREE", trigger=span(body, "ستوقعان"), sentence=(0, body.index("\n")),
               source="e2", target="e3", modality="planned", date="2024-11-19")
    v4 = Event(id="v4", type="REJECT", trigger=span(body, "ترفض"), sentence=(body.rindex("\n") + 1, len(body)),
               source="e6", target="e5", quote="q2", date="2024-11-19")
    main = Article(
        id=aid, role="main", title=title, body=body, published="2024-11-19",
        published_text="19th, November 2024 GMT", outlet="aawsat", credit="وكالة تسنيم",
        paragraphs=tuple((p.start, p.end) for p in _paras(body)),
        sections=(Section(heading="خلفية", start=body.index("\n") + 1, end=len(body)),),
        dates=(TimeExpr(text="اليوم الثلاثاء", start=span(body, "اليوم الثلاثاء").start,
                        end=span(body, "اليوم الثلاثاء").end, value="2024-11-19", kind="relative"),),
        entities=(jal, irn, rus, mos, usa, lav), quotes=(q1, q2), events=(v1, v2, v3, v4))
    rbody = "أعلنت وزارة النفط الإيرانية زيادة الصادرات إلى الصين هذا الشهر."
    related = Article(id=article_id(h, 1), role="related", title="طهران تزيد صادرات النفط", body=rbody,
                      paragraphs=((0, len(rbody)),),
                      entities=(Entity(id="e1", type="GPE", name="إيران", name_latin="Iran", actor="marsad:gpe/iran",
                                       country="IRN", mentions=(span(rbody, "الإيرانية"),)),
                                Entity(id="e2", type="GPE", name="الصين", name_latin="China",
                                       actor="marsad:gpe/china", country="CHN", mentions=(span(rbody, "الصين"),))),
                      events=(Event(id="v1", type="COOPERATE", trigger=span(rbody, "زيادة الصادرات"),
                                    sentence=(0, len(rbody)), source="e1", target="e2"),))
    return Page(source=Source(uri=f"pages/moscow-{variant}.txt", kind="text", sha256=h, encoding="utf-8",
                              bytes=len((title + body).encode())),
                articles=(main, related), warnings=("paragraph 2 quoted",))


def _paras(body: str):
    pos = 0
    for p in body.split("\n"):
        yield Span(text=p, start=pos, end=pos + len(p))
        pos += len(p) + 1


def evil_page() -> Page:
    """Article text full of markup that must render inert."""
    title = '<script>alert("t")</script> عنوان خبيث'
    body = ('قال المتحدث <img src=x onerror=alert(1)> إن "الهجوم" <script>alert(2)</script> مرفوض.\n'
            'ونقلت وكالة <b onmouseover=alert(3)>الأنباء</b> عن المسؤول قوله «لن نقبل <svg onload=alert(4)>».')
    h = sha(title + body)
    ent = Entity(id="e1", type="ORG", name='<i onerror=alert(5)>منظمة</i>', name_latin="<b>Org</b>",
                 actor="marsad:org/evil<script>", country="XXX",
                 mentions=(span(body, "<img src=x onerror=alert(1)>"),))
    qt = "لن نقبل <svg onload=alert(4)>"
    qs = span(body, qt)
    q = Quote(id="q1", text=qt, start=qs.start, end=qs.end, direct=True, speaker="e1",
              speaker_text="<img src=y onerror=alert(6)>", cue="قوله")
    v = Event(id="v1", type="REJECT", trigger=span(body, "<script>alert(2)</script>"), sentence=(0, 40),
              source="e1")
    art = Article(id=article_id(h, 0), role="main", title=title, body=body, published="2024-11-20",
                  outlet="<script>x</script>", entities=(ent,), quotes=(q,), events=(v,),
                  paragraphs=tuple((p.start, p.end) for p in _paras(body)))
    return Page(source=Source(uri="pages/evil.html", kind="html", sha256=h, encoding="utf-8", bytes=len(body)),
                articles=(art,))


def plain_page(i: int, *, outlet: str = "alriyadh", day: str = "2015-08-01") -> Page:
    """A small unannotated page; ``i`` makes the content (and hash) unique."""
    title = f"خبر رقم {i} عن الاقتصاد السعودي"
    body = (f"قال وزير المالية إن الميزانية رقم {i} ستدعم المشاريع في الرياض.\n"
            f"وأضاف أن الاتفاقية مع الشركات ستوقع بموسكو العام المقبل.")
    h = sha(title + body)
    art = Article(id=article_id(h, 0), role="main", title=title, body=body, published=day, outlet=outlet,
                  paragraphs=tuple((p.start, p.end) for p in _paras(body)))
    return Page(source=Source(uri=f"pages/plain-{i}.txt", kind="text", sha256=h, encoding="utf-8",
                              bytes=len(body)), articles=(art,))


def sample_pages() -> list[Page]:
    return [moscow_page(), evil_page(), *(plain_page(i, outlet=("alriyadh", "okaz")[i % 2],
                                                     day=f"2015-08-{1 + i % 9:02d}") for i in range(12))]
