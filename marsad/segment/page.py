"""Scraped page text → article drafts: headline, dateline, outlet, credit, sections, related articles.

The page family: a headline line, a dateline, an outlet line, paragraphs (some headed by sub-headings), a
credit line, boilerplate, then a marker («إقرأ أيضاً:») followed by one or more related articles, the last
sometimes cut off. Each article keeps only what it says itself: a related article never inherits the main
article's date, outlet or credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.segment.lines import Line, classify, ends_mid_sentence, is_heading_like, outlet_prefix
from marsad.text.normalize import normalize_for_match

# A line's content without surrounding space; bidi marks at a line's edges count as space.
_EDGE = "\\s\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff"
_CONTENT = re.compile(f"[^{_EDGE}](?:[^\\n]*[^{_EDGE}])?")
_TERMINAL = ".!?؟…"


@dataclass
class Draft:
    """An article before it becomes a record: its blocks are ('p' | 'h', text) in reading order."""

    role: str
    title: str | None = None
    published: str | None = None
    published_text: str | None = None
    outlet: str | None = None
    credit: str | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)
    truncated: bool = False


def page_lines(text: str) -> list[Line]:
    """Every non-blank line of ``text``, stripped and classified."""
    return [classify(m.group(), m.start()) for m in _CONTENT.finditer(text)]


def segment_text(text: str, *, title: str | None = None) -> tuple[list[Draft], list[str]]:
    """Split a scraped page into the main article and its related articles.

    ``title``: a headline known from metadata (HTML, feed, JSONL column); the page's first line is then
    taken as the title only when it says the same.
    """
    lines = page_lines(text)
    warnings: list[str] = []
    groups: list[list[Line]] = [[]]
    for line in lines:
        if line.kind == "marker":
            groups.append([])
            if line.value:  # «اقرأ أيضاً: عنوان» — the inline rest is the related article's title
                groups[-1].append(Line(line.start, line.value, "text"))
        else:
            groups[-1].append(line)
    drafts = [_build(groups[0], "main", title)]
    for group in groups[1:]:
        for part in _split_related(group):
            draft = _build(part, "related", None)
            if any(kind == "p" for kind, _ in draft.blocks):
                drafts.append(draft)
            elif draft.title:
                warnings.append(f"related link without text skipped: {draft.title[:80]}")
    if not drafts[0].blocks and len(drafts) > 1 and drafts[0].title is None:
        drafts.pop(0)
    _mark_truncation(drafts, warnings)
    return drafts, warnings


def _split_related(lines: list[Line]) -> list[list[Line]]:
    """Related articles after one marker: a new one starts at a headline-like line once the current one
    has text, when the line is followed by a dateline or outlet line, or follows a cut-off paragraph, or
    reads like a headline rather than a sub-heading (five words or more, not a question)."""
    parts: list[list[Line]] = [[]]
    has_text = False
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if has_text and is_heading_like(line) and nxt is not None and nxt.kind in ("text", "dateline", "outlet"):
            prev = parts[-1][-1]
            starts_article = (
                (nxt is not None and nxt.kind in ("dateline", "outlet"))
                or (prev.kind == "text" and not is_heading_like(prev) and _unfinished(prev.text))
                or (line.words >= 5 and not line.text.rstrip().endswith(("؟", "?")))
            )
            if starts_article:
                parts.append([])
                has_text = False
        parts[-1].append(line)
        if line.kind == "text" and not is_heading_like(line):
            has_text = True
    return [p for p in parts if p]


def _unfinished(text: str) -> bool:
    return text.rstrip("»”\"') ")[-1:] not in _TERMINAL


def _same(a: str, b: str) -> bool:
    return normalize_for_match(a).strip(" .") == normalize_for_match(b).strip(" .")


def _build(lines: list[Line], role: str, title_hint: str | None) -> Draft:
    draft = Draft(role=role, title=title_hint)
    content = [ln for ln in lines if ln.kind != "boilerplate"]
    # The headline: the first text line, when it reads like one (a metadata title wins when they differ).
    first_text = next((i for i, ln in enumerate(content) if ln.kind == "text"), None)
    if first_text is not None:
        head = content[first_text]
        header_zone = all(ln.kind in ("dateline", "outlet") for ln in content[:first_text])
        if title_hint and _same(head.text, title_hint):
            draft.title = head.text
            content.pop(first_text)
        elif title_hint is None and header_zone and _looks_like_headline(head, content[first_text + 1:]):
            draft.title = head.text
            content.pop(first_text)
    body_started = False
    tail_dateline = len(content) - 3
    for i, line in enumerate(content):
        if line.kind == "dateline":
            if draft.published_text is None and (not body_started or i >= tail_dateline):
                draft.published, draft.published_text = line.value, line.extra
            continue
        if line.kind == "credit":
            draft.credit = draft.credit or line.value
            continue
        if line.kind == "outlet" and not body_started:
            draft.outlet = draft.outlet or line.value
            continue
        text = line.text
        if not body_started and draft.outlet is None:
            found = outlet_prefix(text)
            if found:
                draft.outlet, cut = found
                text = text[cut:].lstrip()
        body_started = True
        nxt = content[i + 1] if i + 1 < len(content) else None
        heading = (is_heading_like(line) and nxt is not None and nxt.kind == "text"
                   and not is_heading_like(nxt))
        draft.blocks.append(("h" if heading else "p", text))
    return draft


def _looks_like_headline(line: Line, rest: list[Line]) -> bool:
    if line.words > 30 or not rest:
        return False
    stripped = line.text.rstrip("»”\"') ")
    if stripped.endswith(".") and line.words > 12:
        return False
    return not stripped.endswith(("،", ":", "؛"))


def _mark_truncation(drafts: list[Draft], warnings: list[str]) -> None:
    """A paragraph that stops mid-sentence marks its article truncated; so does the page's very last
    paragraph when it lacks final punctuation (the page was cut there)."""
    for a, draft in enumerate(drafts):
        paras = [i for i, (kind, _) in enumerate(draft.blocks) if kind == "p"]
        for n, i in enumerate(paras):
            text = draft.blocks[i][1]
            last_of_page = a == len(drafts) - 1 and n == len(paras) - 1
            cut = ends_mid_sentence(text) or (last_of_page and _unfinished(text) and len(text.split()) > 8)
            if cut:
                draft.truncated = True
                warnings.append(f"article {a} paragraph {n + 1} ends mid-sentence")
