"""Actors: entities with names, Latin forms, actor-base links, countries, CAMEO codes, roles and mentions.

``resolve(body, spans)`` turns tagger spans ``(start, end, type)`` into ``Entity`` records (``e1``, ``e2``, …
in order of first mention); ``stage(article, spans)`` fills ``article.entities``. Common nouns naming an
agent of a country («الشرطة العراقية», «المتظاهرون») link to generic actors ``marsad:agent/<ISO3>/<slug>``.
The actor base loads on first use (``load_base``), never at import time.
"""

from marsad.actors.base import Actor, ActorBase, load_base
from marsad.actors.resolve import SpanError, resolve
from marsad.actors.stage import stage
from marsad.actors.translit import transliterate

__all__ = ["Actor", "ActorBase", "SpanError", "load_base", "resolve", "stage", "transliterate"]
