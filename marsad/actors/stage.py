"""The Article stage: ``stage(article, spans)`` returns the article with ``entities`` filled."""

from __future__ import annotations

from marsad.actors.resolve import resolve
from marsad.errors import MarsadError
from marsad.records import Article


def stage(article: Article, spans: list[tuple[int, int, str]] | None = None) -> Article:
    """Fill ``article.entities``. Without ``spans`` the NER tagger is asked when it is installed; when it is
    not (no model yet), only base aliases are found."""
    if spans is None:
        spans = _tagger_spans(article.body)
    return article.replace(entities=resolve(article.body, spans, date=article.published))


def _tagger_spans(body: str) -> list[tuple[int, int, str]]:
    try:
        from marsad.entities import find_entities
    except ImportError:
        return []
    try:
        return list(find_entities(body))
    except MarsadError:  # no trained model yet (ModelMissingError): base aliases still give entities
        return []
