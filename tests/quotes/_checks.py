"""The checks behind the case tables of the round-8, round-9 and round-10 class tests: one written page each,
the quotes ``find_quotes`` finds on it."""

from __future__ import annotations

from marsad.quotes import find_quotes
from tests.quotes.conftest import make_article


def check_one_quote(body: str, speaker: str, text_start: str | None = None, direct: bool | None = None) -> None:
    """The page holds exactly one quote, said by ``speaker``; where given, its text opens with ``text_start``
    and it is direct (or not) as ``direct`` says."""
    (q,) = find_quotes(make_article(body))
    assert q.speaker_text == speaker
    if text_start is not None:
        assert q.text.startswith(text_start)
    if direct is not None:
        assert bool(q.direct) is direct


def check_speakers(body: str, speakers: list[str]) -> None:
    """The page's quotes, in order, are said by ``speakers``."""
    found = find_quotes(make_article(body))
    assert [q.speaker_text for q in found] == speakers


def check_no_quote(body: str) -> None:
    """The page holds no quote."""
    assert find_quotes(make_article(body)) == ()
