"""Named-entity recognition for Arabic news.

``find_entities(text)`` returns ``(start, end, type)`` spans over raw text (types PER, ORG, GPE, LOC, MISC).
The model loads lazily on first call; importing this package does no work.
``marsad.entities.train.train`` rebuilds the model, ``marsad.entities.evaluate.evaluate`` scores it.
"""

from marsad.entities.tagger import NerTagger, find_entities, load_tagger
from marsad._callable import make_callable

__all__ = ["NerTagger", "find_entities", "load_tagger"]

make_callable(__name__, find_entities)  # marsad.entities(…) calls find_entities
