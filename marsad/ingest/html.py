"""Main text and metadata from an HTML page, with "read also" blocks kept out of the main text.

Scraped Arabic news pages carry related-article blocks («اقرأ أيضاً», «أخبار ذات صلة», ``class="related"``)
inside the article container, where trafilatura would take them for article text. They are found and cut
out with lxml first; those that hold a real paragraph (not only links) come back as ``RelatedBlock``s.
Hostile HTML (deep nesting, huge pages, garbage) falls back to plain lxml text or a regex tag-strip.
"""

from __future__ import annotations

import copy
import html as html_lib
import re
from dataclasses import dataclass

from marsad.errors import EmptyInputError

# Past these, trafilatura is slow or recursive; the plain lxml walk below still gives the text.
MAX_TREE_DEPTH = 200
MAX_TRAFILATURA_CHARS = 1_500_000

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_INLINE = frozenset({"strong", "b", "span", "em", "i", "u", "a", "font", "small", "label", "mark"})
_BLOCKS = frozenset({
    "p", "div", "li", "ul", "ol", "section", "article", "aside", "blockquote", "header", "footer", "main",
    "table", "tr", "td", "th", "dd", "dt", "dl", "figure", "figcaption", "pre", "br", "nav", "form", *_HEADINGS,
})
_PARAGRAPHS = frozenset({"p", "li", "blockquote", "dd", "td", "figcaption", "pre"})
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "svg", "iframe", "object"})
_NEVER_RELATED = frozenset({"html", "body", "head", "main"})

_RELATED_ATTR = re.compile(
    r"related|read[-_]?also|read[-_]?more|readmore|recommend|(?:^|[\s_\-])more(?:$|[\s_\-])", re.I
)
_MARKER = re.compile(
    r"^[\s\W]*(?:"
    r"[اأإ]قر[أاء]\s+(?:[اأ]يض[اى]?|المزيد|كذلك)"
    r"|(?:مواضيع|موضوعات|[أا]خبار|مقالات|تقارير|قصص)\s+(?:ذات|ذا)\s+صل[ةه]"
    r"|ذات\s+صل[ةه]"
    r"|(?:شاهد|طالع)\s+[اأ]يض[اى]?"
    r")"
)
_HARAKAT = re.compile("[\u064b-\u0652\u0640]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_TAGS = re.compile(r"<[^>]*>")
_SCRIPTS = re.compile(r"<(script|style)\b[^>]*>[^<]*(?:<(?!/\1)[^<]*)*</\1\s*>", re.I)
_MIN_RELATED_CHARS = 20
_MAX_TITLE_CHARS = 150


@dataclass(frozen=True)
class RelatedBlock:
    """A related article a page carries after its main text: its title and its own paragraphs."""

    title: str | None
    text: str


@dataclass(frozen=True)
class HtmlExtract:
    """What one HTML page yields: metadata, the main text (paragraphs joined by ``\\n``), related blocks."""

    title: str | None
    published: str | None
    outlet: str | None
    text: str
    related: tuple[RelatedBlock, ...] = ()


def extract_html(html: str, *, uri: str | None = None) -> HtmlExtract:
    """Extract the main text of one page.

    Args:
        html: the decoded page.
        uri: the page's URL, which helps trafilatura's metadata.

    Raises:
        EmptyInputError: the page holds no text (markup that does not parse falls back to a tag-strip).
    """
    if not html or not html.strip():
        raise EmptyInputError("HTML page is empty", source=uri)
    tree = _parse(html, uri)
    if tree is None:
        text = _strip_tags(html)
        if not text:
            raise EmptyInputError("HTML page holds no text", source=uri)
        return HtmlExtract(title=None, published=None, outlet=None, text=text)
    try:
        related = _cut_related(tree)
    except RecursionError:
        related = ()
    result = None
    restore: dict[int, str] = {}
    if len(html) <= MAX_TRAFILATURA_CHARS and _depth(tree) <= MAX_TREE_DEPTH:
        work = copy.deepcopy(tree)  # trafilatura prunes what it is given; the fallback needs the page whole
        protect, restore = _invisible_maps(html)
        if protect:
            _translate_tree(work, protect)
        result = _trafilatura(work, uri)
    title = published = outlet = None
    text = ""
    if result is not None:
        title = _clean_line(_restore(getattr(result, "title", None), restore))
        published = getattr(result, "date", None) or None
        outlet = _clean_line(_restore(getattr(result, "sitename", None), restore))
        text = _clean_paragraphs(_restore(getattr(result, "text", None), restore) or "")
    if not text:
        text = _plain_text(tree)
        title = title or _clean_line(_first_text(tree, "//title")) or None
    if not text:
        text = _strip_tags(html)  # libxml2 stops at 256 levels: text nested deeper is only in the raw page
    if title and text.split("\n", 1)[0] == title:
        text = text.split("\n", 1)[1] if "\n" in text else ""  # the headline is metadata, not body
    if not text:
        raise EmptyInputError("HTML page holds no text", source=uri)
    return HtmlExtract(title=title, published=published, outlet=outlet, text=text, related=related)


# ------------------------------------------------------------------------------------------- parsing

def _parse(html: str, uri: str | None):
    import lxml.etree
    import lxml.html

    cleaned = _NOT_XML.sub("", _XML_DECL.sub("", html, count=1))
    if not cleaned.strip():
        raise EmptyInputError("HTML page holds no text", source=uri)
    try:
        tree = lxml.html.document_fromstring(cleaned)
    except (lxml.etree.ParserError, ValueError, RecursionError, lxml.etree.LxmlError):
        return None
    return tree


def _trafilatura(tree, uri: str | None):
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            url=uri,
            include_comments=False,
            favor_precision=True,  # the article, not the page: menus and teasers are worse than a lost line
            with_metadata=True,
            deduplicate=False,
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except (RecursionError, MemoryError):
        return None
    except Exception:  # trafilatura on hostile markup: fall back to the plain walk
        return None


def _depth(tree) -> int:
    """Deepest nesting, computed without recursion."""
    import lxml.etree

    deepest = 0
    depth = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


# trafilatura drops non-printable characters, among them the bidi marks and zero-width (non-)joiners that
# Arabic text needs: they ride through it as Yijing hexagram symbols (printable, never in news text).
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]")
_PLACEHOLDERS = 0x4DC0


def _invisible_maps(html: str) -> tuple[dict[int, str], dict[int, str]]:
    found = sorted(set(_INVISIBLE.findall(html)))
    if not found or any(_PLACEHOLDERS <= ord(ch) < _PLACEHOLDERS + 64 for ch in html):
        return {}, {}
    protect = {ord(ch): chr(_PLACEHOLDERS + i) for i, ch in enumerate(found)}
    restore = {ord(v): chr(k) for k, v in protect.items()}
    return protect, restore


def _translate_tree(tree, table: dict[int, str]) -> None:
    for el in tree.iter():
        if el.text:
            el.text = el.text.translate(table)
        if el.tail:
            el.tail = el.tail.translate(table)
        for name, value in el.attrib.items() if isinstance(el.tag, str) else ():
            if name == "content" and value:
                el.set(name, value.translate(table))


def _restore(text: str | None, table: dict[int, str]) -> str | None:
    return text.translate(table) if text and table else text


# ----------------------------------------------------------------------------------- related blocks

def _cut_related(tree) -> tuple[RelatedBlock, ...]:
    """Find related/read-also blocks, remove them from ``tree`` and return those with real text."""
    body_len = len(_text_of(tree))
    regions: list[list] = []
    taken: set = set()

    def free(el) -> bool:
        return el not in taken and not any(a in taken for a in el.iterancestors())

    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in _NEVER_RELATED:
            continue
        if el.tag not in _BLOCKS and el.tag != "a":
            continue  # a <span class="more"> inside a paragraph is often the article's own folded text
        marks = " ".join(filter(None, (el.get("class"), el.get("id"))))
        if marks and _RELATED_ATTR.search(marks) and free(el):
            if body_len > 200 and len(_text_of(el)) > 0.6 * body_len:
                continue  # a wrapper around the whole article is not a related block
            regions.append([el])
            taken.add(el)
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.tag in _SKIP or not free(el):
            continue
        own = _norm(el.text or "")
        if not own.strip() or not _MARKER.match(own):
            continue
        region = _marker_region(el)
        if region and all(free(r) for r in region):
            regions.append(region)
            taken.update(region)
    blocks: list[RelatedBlock] = []
    for region in regions:
        blocks.extend(_related_items(region))
        for el in region:
            if el.getparent() is not None:
                el.drop_tree()  # keeps the tail text, which belongs to the surrounding article
    return tuple(blocks)


def _marker_region(el) -> list:
    """The elements a «اقرأ أيضاً»-style marker heads: itself, or itself and what follows it."""
    block = el
    marker_text = _norm(_text_of(el)).strip()
    while block.getparent() is not None and block.getparent().tag not in _NEVER_RELATED:
        parent = block.getparent()
        if block.tag in _INLINE and _norm(_text_of(parent)).strip().startswith(marker_text[:10]):
            block = parent
        elif _norm(_text_of(parent)).strip() == _norm(_text_of(block)).strip():
            block = parent  # a wrapper holding only the marker
        else:
            break
    if block.tag in _NEVER_RELATED:
        return []
    full = _norm(_text_of(block)).strip()
    marker = _MARKER.match(full)
    rest = full[marker.end():].strip(" \t\n:：.-–—") if marker else full
    if rest:
        links = _norm("".join(_text_of(a) for a in block.iter("a"))).strip()
        has_blocks = any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in block.iterdescendants())
        if has_blocks or len(rest) <= _MAX_TITLE_CHARS or len(links) >= 0.5 * len(rest):
            return [block]  # «اقرأ أيضاً: <a>…</a>» inline, or a box that holds its items
        return []  # a real paragraph that merely starts with these words
    level = _HEADINGS.get(block.tag, 7)
    region = [block]
    titled = False
    for sib in block.itersiblings():
        if not isinstance(sib.tag, str):
            continue
        if sib.tag in _HEADINGS:
            if level < 7 and _HEADINGS[sib.tag] <= level:
                break  # the article's next section
            region.append(sib)
            titled = True
            continue
        text = _text_of(sib).strip()
        if not text or _link_only(sib):
            region.append(sib)
            continue
        if titled or level < 7:
            region.append(sib)  # the paragraph of a related item under its title
            continue
        break  # a real paragraph after bare links: the main article goes on
    return region


def _related_items(region: list) -> list[RelatedBlock]:
    items: list[list] = []  # [title, paragraphs]
    handled: set = set()
    for root in region:
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in _SKIP or any(a in handled for a in el.iterancestors()):
                continue
            is_heading = el.tag in _HEADINGS
            is_para = el.tag in _PARAGRAPHS or (
                el.tag in _BLOCKS and not any(isinstance(c.tag, str) and c.tag in _BLOCKS for c in el)
            )
            if not (is_heading or is_para):
                continue
            handled.add(el)
            text = _clean_line(_text_of(el))
            marker = _MARKER.match(_norm(text)) if text else None
            if marker:
                text = text[_marker_end(text):].strip(" \t:：.-–—") or None
                if not text:
                    continue
            if not text:
                continue
            links = _clean_line("".join(_text_of(a) for a in el.iter("a"))) or ""
            if is_heading or len(links) >= 0.8 * len(text):
                items.append([text, []])
            elif items:
                items[-1][1].append(text)
            else:
                items.append([None, [text]])
    blocks = []
    for title, paragraphs in items:
        body = "\n".join(paragraphs)
        if len(body) >= _MIN_RELATED_CHARS:
            blocks.append(RelatedBlock(title=title, text=body))
    return blocks


def _marker_end(text: str) -> int:
    """Index in the raw ``text`` where the marker ends (the marker was matched on normalised text)."""
    normal = 0
    target = _MARKER.match(_norm(text)).end()
    for i, ch in enumerate(text):
        if _HARAKAT.match(ch):
            continue  # marks after the marker's last letter belong to it
        if normal >= target:
            return i
        normal += 1
    return len(text)


def _link_only(el) -> bool:
    text = _text_of(el).strip()
    if not text:
        return False
    links = "".join(_text_of(a) for a in el.iter("a")).strip()
    return len(links) >= 0.8 * len(text)


# ------------------------------------------------------------------------------------ plain text

def _plain_text(tree) -> str:
    """Paragraph text of a tree by an iterative walk (no recursion: safe on 10,000 nested divs)."""
    import lxml.etree

    parts: list[str] = []
    skipping = 0
    for event, el in lxml.etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
        if not isinstance(el.tag, str):  # comment or processing instruction: only its tail is text
            if el.tail and not skipping:
                parts.append(el.tail)
            continue
        if event == "start":
            if el.tag in _SKIP:
                skipping += 1
                continue
            if skipping:
                continue
            if el.tag in _BLOCKS:
                parts.append("\n")
            if el.text:
                parts.append(el.text)
        else:
            if el.tag in _SKIP:
                skipping -= 1
            elif el.tag in _BLOCKS and not skipping:
                parts.append("\n")
            if el.tail and not skipping:
                parts.append(el.tail)
    return _clean_paragraphs("".join(parts))


def _strip_tags(html: str) -> str:
    text = _TAGS.sub("\n", _SCRIPTS.sub(" ", html))
    return _clean_paragraphs(html_lib.unescape(text))


def _first_text(tree, xpath: str) -> str | None:
    try:
        found = tree.xpath(xpath)
    except Exception:
        return None
    return _text_of(found[0]) if found else None


def _text_of(el) -> str:
    try:
        return el.text_content()
    except (AttributeError, ValueError):
        return "".join(el.itertext())


def _norm(text: str) -> str:
    return _HARAKAT.sub("", text)


def _clean_line(text: str | None) -> str | None:
    if not text:
        return None
    text = " ".join(text.split())
    return text or None


def _clean_paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
    return "\n".join(line for line in lines if line)

