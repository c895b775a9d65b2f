"""extract_html: main text without «read also» blocks; related blocks with real text come back separately."""

from __future__ import annotations

import pytest

from marsad.errors import EmptyInputError, InputError
from marsad.ingest import HtmlExtract, RelatedBlock, extract_html

MAIN = [
    "أعلن وزير الخارجية، اليوم الثلاثاء، عن زيارة مرتقبة إلى موسكو الأسبوع المقبل لبحث العلاقات الثنائية بين البلدين.",
    "وقال الوزير في مؤتمر صحفي إن المحادثات ستتناول ملفات الطاقة والتجارة والأمن الإقليمي، مؤكدا أهمية التعاون.",
    "وأضاف أن بلاده تسعى إلى حلول سلمية للأزمات في المنطقة عبر الحوار والتفاوض المباشر بين الأطراف المعنية.",
]
RELATED_TITLE = "ارتفاع أسعار النفط في الأسواق العالمية"
RELATED_PARA = "ارتفعت أسعار النفط الخام في تعاملات اليوم بنسبة اثنين في المئة بعد قرار خفض الإنتاج الذي أعلنته الدول المنتجة."
LINK_TITLE = "الرئيس يستقبل وفدا اقتصاديا رفيع المستوى"


def _page(middle: str, tail: str = "") -> str:
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>وزير الخارجية يزور موسكو - صحيفة الخبر</title>
<meta property="og:site_name" content="صحيفة الخبر">
<meta property="article:published_time" content="2024-11-19T10:00:00+03:00"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/s">سياسة</a></li></ul></nav>
<article><h1>وزير الخارجية يزور موسكو الأسبوع المقبل</h1>
<p>{MAIN[0]}</p><p>{MAIN[1]}</p>{middle}<p>{MAIN[2]}</p>{tail}</article>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"""


def test_ingest_html_main_text_and_metadata():
    result = extract_html(_page(""), uri="https://www.alkhabar.example/news/1")
    assert isinstance(result, HtmlExtract)
    assert result.text.split("\n") == MAIN
    assert result.title == "وزير الخارجية يزور موسكو الأسبوع المقبل"
    assert result.published == "2024-11-19"
    assert result.outlet == "صحيفة الخبر"
    assert result.related == ()


@pytest.mark.parametrize(
    "marker", ["اقرأ أيضاً:", "إقرأ أيضاً:", "اقرأ أيضا", "اقرأ المزيد:", "إقرأ ايضا :"]
)
def test_ingest_html_inline_read_also_link_removed(marker):
    middle = f'<p><strong>{marker}</strong> <a href="/x">{LINK_TITLE}</a></p>'
    result = extract_html(_page(middle))
    assert result.text.split("\n") == MAIN
    assert LINK_TITLE not in result.text and result.related == ()


@pytest.mark.parametrize("heading", ["أخبار ذات صلة", "مواضيع ذات صلة", "إقرأ أيضاً"])
def test_ingest_html_related_heading_block_becomes_related(heading):
    tail = f"<h3>{heading}</h3><h4>{RELATED_TITLE}</h4><p>{RELATED_PARA}</p>"
    result = extract_html(_page("", tail))
    assert result.text.split("\n") == MAIN
    assert result.related == (RelatedBlock(title=RELATED_TITLE, text=RELATED_PARA),)


def test_ingest_html_related_by_class_with_links_only_dropped():
    tail = f'<div class="related-posts"><h3>مواضيع مشابهة</h3><ul><li><a href="/y">{LINK_TITLE}</a></li></ul></div>'
    result = extract_html(_page("", tail))
    assert LINK_TITLE not in result.text and "مواضيع مشابهة" not in result.text
    assert result.related == ()


@pytest.mark.parametrize("attr", ['class="read-also"', 'id="relatedNews"', 'class="box more-news"',
                                  'class="recommended-stories"'])
def test_ingest_html_related_by_class_with_text_kept_apart(attr):
    middle = f'<div {attr}><h4>{RELATED_TITLE}</h4><p>{RELATED_PARA}</p></div>'
    result = extract_html(_page(middle))
    assert result.text.split("\n") == MAIN
    assert result.related == (RelatedBlock(title=RELATED_TITLE, text=RELATED_PARA),)


def test_ingest_html_marker_followed_by_link_list_then_article_continues():
    middle = (f'<p>إقرأ أيضاً:</p><ul><li><a href="/a">{LINK_TITLE}</a></li>'
              f'<li><a href="/b">{RELATED_TITLE}</a></li></ul>')
    result = extract_html(_page(middle))
    assert result.text.split("\n") == MAIN


def test_ingest_html_keeps_bidi_and_zero_width_in_text():
    para = "قال المتحدث\u200f: «نحن مستعدون\u200c للحوار» مع جميع الأطراف المعنية في المنطقة وخارجها من أجل السلام."
    result = extract_html(_page(f"<p>{para}</p>"))
    assert para in result.text.split("\n")


def test_ingest_html_without_markup_structure_falls_back():
    result = extract_html("<p>" + MAIN[0] + "</p>")
    assert result.text == MAIN[0]


@pytest.mark.parametrize("html", ["", "   \n", "<html><body></body></html>", "<script>var x = 1;</script>"])
def test_ingest_html_empty_is_empty_input_error(html):
    with pytest.raises(EmptyInputError):
        extract_html(html)


def test_ingest_html_garbage_is_clean(article):
    for html in ["<<<>>>" * 1000, "<div" * 5000, "\x00\x01<p>نص</p>", '<?xml version="1.0" encoding="utf-8"?><p>نص</p>',
                 "</p></div></body>" * 100 + "نص الخبر"]:
        try:
            result = extract_html(html)
        except InputError:
            continue
        assert isinstance(result.text, str) and result.text


def test_ingest_html_paragraph_starting_with_marker_words_is_kept():
    para = ("ذات صلة وثيقة بالملف الاقتصادي، قال الوزير إن الحكومة ستعلن خلال أيام عن حزمة إجراءات جديدة "
            "لدعم الصادرات الوطنية وتخفيف الأعباء عن المستثمرين في القطاعات الإنتاجية المختلفة.")
    result = extract_html(_page(f"<p>{para}</p>"))
    assert para in result.text.split("\n")


def test_ingest_html_fallback_walk_keeps_text_after_comments():
    from marsad.ingest.html import _plain_text
    import lxml.html

    tree = lxml.html.document_fromstring(
        "<html><body><p>أول<!-- تعليق -->ثان</p><script>var x;</script>ذيل<p>ثالث</p></body></html>")
    assert _plain_text(tree) == "أولثان\nذيل\nثالث"
