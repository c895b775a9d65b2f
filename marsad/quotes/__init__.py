"""Quotations: direct quotes, reported speech and attributions, with speaker, cue, intermediary and date.

``find_quotes(article)`` returns the article's quotes as :class:`marsad.records.Quote` records;
``stage(article)`` is the pipeline stage that fills ``article.quotes``. Both read ``article.entities`` and
``article.dates`` when present and work without them (speakers then stay ``null`` with ``speaker_text`` set).
The cue lexicon (``resources/quotes/cues.tsv``) loads on first use; importing does no work.
"""

from marsad.quotes.finder import candidates, find_quotes, stage
from marsad._callable import make_callable

__all__ = ["candidates", "find_quotes", "stage"]

make_callable(__name__, find_quotes)  # marsad.quotes(…) calls find_quotes
