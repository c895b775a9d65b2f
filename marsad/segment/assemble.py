"""Article drafts → Article records: the body is the blocks joined by newlines, with paragraph and
section spans into it."""

from __future__ import annotations

from marsad.records import Article, Section, article_id
from marsad.segment.page import Draft


def assemble(draft: Draft, *, sha256: str, index: int) -> Article:
    paragraphs: list[tuple[int, int]] = []
    headings: list[tuple[str, int]] = []  # (heading, index of the first block it heads)
    starts: list[int] = []  # each block's offset in the body
    pos = 0
    for i, (kind, text) in enumerate(draft.blocks):
        starts.append(pos)
        if kind == "p":
            paragraphs.append((pos, pos + len(text)))
        else:
            headings.append((text, i + 1))
        pos += len(text) + 1
    body = "\n".join(text for _, text in draft.blocks)
    sections = []
    for n, (heading, first) in enumerate(headings):
        last = (headings[n + 1][1] - 1) if n + 1 < len(headings) else len(draft.blocks)
        if first >= last:
            continue
        end = starts[last - 1] + len(draft.blocks[last - 1][1])
        sections.append(Section(heading=heading, start=starts[first], end=end))
    return Article(
        id=article_id(sha256, index), role=draft.role, title=draft.title, body=body,
        published=draft.published, published_text=draft.published_text, outlet=draft.outlet,
        credit=draft.credit, paragraphs=tuple(paragraphs), sections=tuple(sections),
        truncated=draft.truncated,
    )
