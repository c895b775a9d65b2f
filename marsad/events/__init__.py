"""Event coding: who did what to whom, as PLOVER events with Arabic triggers.

``find_events(article)`` returns the article's events; ``stage(article)`` is the pipeline stage that sets
``article.events``. Resources (the trigger lexicon, the candidate filter) load on first use.
``events_tsv`` (in :mod:`marsad.events.export`) writes events in a GDELT-like table.
"""

from __future__ import annotations

from marsad.events.coder import candidates, find_events
from marsad.records import Article
from marsad._callable import make_callable


def stage(article: Article) -> Article:
    """Pipeline stage: the article with its ``events`` set (entities and quotes are used when present)."""
    return article.replace(events=find_events(article))


__all__ = ["candidates", "find_events", "stage"]

make_callable(__name__, find_events)  # marsad.events(…) calls find_events
