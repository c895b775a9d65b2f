"""Per-word memos read for a whole text at once.

News repeats its words, so the stages keep per-process memos of per-word work. Reading the memo for every
token in one C-level pass and working out only the words it lacks is cheaper than a call per token.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import repeat

_NEW = object()  # marks a key not in the memo yet (the memo may hold None as an answer)


def memo_map(memo: dict, keys: Sequence, make: Callable[[int], object], limit: int = 300_000) -> list:
    """``memo[key]`` for each of ``keys``; a key the memo lacks gets ``make(i)`` (``i``: its position), which
    is stored. The memo is emptied first when it holds more than ``limit`` keys and new ones come."""
    values = list(map(memo.get, keys, repeat(_NEW)))
    if _NEW in values:
        if len(memo) > limit:
            memo.clear()
        for i, value in enumerate(values):
            if value is _NEW:
                values[i] = memo[keys[i]] = make(i)
    return values
