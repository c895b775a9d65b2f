"""The pipeline: an input document → a Page of annotated articles.

``analyze`` serves one document; ``analyze_many`` and ``analyze_path`` stream, turning a bad input into its
error (recorded, never dropped) while the rest goes on. The CLI, the store, the API and the Spark job all
call these same functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from marsad.errors import EmptyInputError, InputError, MarsadError, NotArabicError, UsageError
from marsad.ingest import Document, extract_html, read_bytes, read_path
from marsad.records import Article, Page, Source, article_id
from marsad.segment import Draft, assemble, segment_text

# Letters counted by the language check (inclusive code-point ranges).
_ARABIC_RANGES = ((0x621, 0x64A), (0x671, 0x6D3), (0x6FA, 0x6FF))
_LATIN_RANGES = ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F))
MIN_ARABIC_SHARE = 0.3  # of all letters; or
MIN_ARABIC_LETTERS = 150  # enough Arabic to be an Arabic page with much Latin in it (film lists, code)


class InternalError(MarsadError):
    """An unexpected failure on one input, recorded so a batch can go on."""

    code = "M900"


@dataclass(frozen=True)
class Options:
    published: str | None = None  # reference date when the page gives none
    plain: bool = False  # the input has no page structure: the whole text is one body
    lang_any: bool = False  # process pages that are not Arabic
    stages: tuple[str, ...] | None = None  # names of the annotation stages to run (None: all)

    def stage_functions(self) -> list[Callable[[Article], Article]]:
        if self.stages is None:
            return list(STAGES.values())
        unknown = set(self.stages) - set(STAGES)
        if unknown:
            raise UsageError(f"unknown stages {sorted(unknown)}; known: {list(STAGES)}")
        return [fn for name, fn in STAGES.items() if name in self.stages]


def _stage_dates(article: Article) -> Article:
    from marsad.dates import time_expressions

    published = article.published if article.published and len(article.published) >= 10 else None
    return article.replace(dates=tuple(time_expressions(article.body, published)))


def _stage_entities(article: Article) -> Article:
    from marsad.actors import stage  # tags with the NER model, then links mentions to actors

    return stage(article)


def _stage_quotes(article: Article) -> Article:
    from marsad.quotes import stage

    return stage(article)


def _stage_events(article: Article) -> Article:
    from marsad.events import stage

    return stage(article)


# Bodies longer than this get only the light stages (see analyze_document).
MAX_ANNOTATED_CHARS = 200_000

# Each stage takes an Article and returns it annotated, in this order: later stages read earlier ones.
STAGES: dict[str, Callable[[Article], Article]] = {
    "dates": _stage_dates, "entities": _stage_entities, "quotes": _stage_quotes, "events": _stage_events,
}
LIGHT_STAGES = frozenset({_stage_dates})


def analyze(data: str | bytes, *, uri: str | None = None, published: str | None = None,
            plain: bool = False, lang_any: bool = False, stages: tuple[str, ...] | None = None) -> Page:
    """Analyse one document given as text or bytes (any supported format holding one document)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    items = list(read_bytes(data, uri=uri, kind="text" if plain else None))
    if not items:
        raise EmptyInputError("no document found in the input", source=uri)
    if len(items) > 1:
        raise UsageError(f"the input holds {len(items)} documents; use analyze_many or analyze_path",
                         source=uri)
    if isinstance(items[0], MarsadError):
        raise items[0]
    return analyze_document(items[0], Options(_checked_date(published), plain, lang_any, stages))


def analyze_many(items: Iterable[str | bytes | Document], *, published: str | None = None,
                 plain: bool = False, lang_any: bool = False, stages: tuple[str, ...] | None = None,
                 on_error: Callable[[object, MarsadError], None] | None = None) -> Iterator[Page]:
    """Stream Pages for many documents. A failing document goes to ``on_error(item, error)`` and the rest
    goes on; without a handler the error is raised."""
    options = Options(_checked_date(published), plain, lang_any, stages)
    for item in items:
        try:
            if isinstance(item, Document):
                yield analyze_document(item, options)
            else:
                yield analyze(item, published=options.published, plain=plain, lang_any=lang_any, stages=stages)
        except MarsadError as exc:
            if on_error is None:
                raise
            on_error(item, exc)


def analyze_path(path: str, *, published: str | None = None, plain: bool = False, lang_any: bool = False,
                 stages: tuple[str, ...] | None = None,
                 text_field: str = "text", html_field: str | None = None, max_bytes: int = 20_000_000,
                 stdin=None, skip: Callable[[str], bool] | None = None) -> Iterator[Page | MarsadError]:
    """Every document under ``path`` (file, directory, archive, ``-``) as a Page, or its error, in order.

    ``skip(sha256)``: documents it answers True for are read but not analysed nor yielded (a store resuming
    an interrupted run passes the hashes it holds)."""
    options = Options(_checked_date(published), plain, lang_any, stages)
    for item in read_path(path, max_bytes=max_bytes, text_field=text_field, html_field=html_field,
                          stdin=stdin):
        if isinstance(item, MarsadError):
            yield item
        elif skip is None or not skip(item.sha256):
            yield safe_analyze(item, options)


def safe_analyze(doc: Document, options: Options) -> Page | MarsadError:
    """``analyze_document``, with any failure returned as a MarsadError naming the input."""
    try:
        return analyze_document(doc, options)
    except MarsadError as exc:
        exc.source = exc.source or doc.uri
        return exc
    except (RecursionError, MemoryError, ValueError, TypeError, KeyError, IndexError, AttributeError) as exc:
        return InternalError(f"internal error: {type(exc).__name__}: {exc}", source=doc.uri)


def _checked_date(value: str | None) -> str | None:
    if value is None:
        return None
    from marsad.dates import parse_date_value

    parsed = parse_date_value(value)
    if parsed is None:
        raise UsageError(f"not a date: {value!r} (use YYYY-MM-DD)")
    return parsed


def analyze_document(doc: Document, options: Options = Options()) -> Page:
    """One ingested document → a Page: extract (HTML), segment, then run the annotation stages."""
    from marsad.dates import parse_date_value

    meta_published = (parse_date_value(doc.published) if doc.published else None) or options.published
    warnings: list[str] = []
    if doc.html is not None and not options.plain:
        extract = extract_html(doc.html, uri=doc.uri)
        text = extract.text
        title = doc.title or extract.title
        meta_published = meta_published or extract.published
        outlet = doc.outlet or extract.outlet
        related = extract.related
    else:
        text = doc.text or ""
        title, outlet, related = doc.title, doc.outlet, ()
    if not text.strip():
        raise EmptyInputError("no article text found", source=doc.uri)
    _check_language(text, doc.uri, options)

    if options.plain:
        drafts = [Draft(role="main", title=title, blocks=[("p", text)])]
    else:
        drafts, warnings = segment_text(text, title=title)
        for block in related:
            more, more_warnings = segment_text(block.text, title=block.title)
            for d in more:
                d.role = "related"
            drafts.extend(more)
            warnings.extend(more_warnings)
    main = drafts[0]
    if main.role == "main":
        main.published = main.published or meta_published
        main.outlet = main.outlet or outlet
    articles = []
    stage_fns = options.stage_functions()
    light = [fn for fn in stage_fns if fn in LIGHT_STAGES]
    for i, draft in enumerate(drafts):
        article = assemble(draft, sha256=doc.sha256, index=i) if not options.plain else _plain_article(
            draft, doc.sha256)
        fns = stage_fns
        if len(article.body) > MAX_ANNOTATED_CHARS and len(light) < len(stage_fns):
            # A body this long is not a news article (a dump, a book, a runaway scrape): the sequence
            # models would take minutes on it, so it gets the linear-time stages only, and says so.
            fns = light
            warnings.append(f"article {i} has {len(article.body):,} characters (over {MAX_ANNOTATED_CHARS:,}): "
                            "entities, quotes and events were not annotated")
        for stage in fns:
            article = stage(article)
        articles.append(article)
    source = Source(uri=doc.uri, kind=doc.kind, sha256=doc.sha256, encoding=doc.encoding,
                    bytes=doc.nbytes, id=doc.id)
    return Page(source=source, articles=tuple(articles), warnings=tuple(warnings))


def _plain_article(draft: Draft, sha256: str) -> Article:
    body = draft.blocks[0][1]
    return Article(id=article_id(sha256, 0), role="main", title=draft.title, body=body,
                   published=draft.published, outlet=draft.outlet,
                   paragraphs=((0, len(body)),) if body else ())


@lru_cache(maxsize=1)
def _letter_marks() -> list[str | None]:
    table: list[str | None] = [None] * 0x10000
    for ranges, mark in ((_ARABIC_RANGES, "\x01"), (_LATIN_RANGES, "\x02")):
        for lo, hi in ranges:
            table[lo:hi + 1] = [mark] * (hi - lo + 1)
    return table


def _check_language(text: str, uri: str | None, options: Options) -> None:
    if options.lang_any:
        return
    if text[:1000].translate(_letter_marks()).count("\x01") >= MIN_ARABIC_LETTERS:
        return  # enough Arabic letters near the start: counting further could not fail the check
    # One translate pass marks Arabic letters \x01 and Latin ones \x02 and drops every other character
    # (astral ones stay as they are): counting the marks is several times faster than two findall lists.
    marked = text[:20_000].translate(_letter_marks())
    arabic = marked.count("\x01")
    latin = marked.count("\x02")
    if arabic < MIN_ARABIC_LETTERS and (arabic == 0 or arabic / (arabic + latin) < MIN_ARABIC_SHARE):
        share = 0 if arabic == 0 else round(100 * arabic / (arabic + latin))
        raise NotArabicError(f"page is not Arabic ({share}% Arabic letters); use --lang-any to process it "
                             "anyway", source=uri)


__all__ = ["InputError", "Options", "STAGES", "analyze", "analyze_document", "analyze_many", "analyze_path",
           "safe_analyze"]
