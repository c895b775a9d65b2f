"""The Article stage fills entities and keeps every other field."""

from __future__ import annotations

from marsad.actors import stage
from marsad.records import Article
from tests.actors._helpers import span


def test_actors_stage_fills_entities():
    body = "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو ترفض العقوبات."
    art = Article(id="abc-0", role="main", title="t", body=body)
    out = stage(art, [span(body, "سيرغي لافروف", "PER")])
    assert out.body == body and out.id == art.id
    assert [e.actor for e in out.entities][:2] == ["marsad:per/sergey-lavrov", "marsad:gpe/RUS"]
    d = out.to_dict()["entities"][0]
    assert set(d) == {"id", "type", "name", "name_latin", "actor", "country", "code", "roles", "mentions"}
