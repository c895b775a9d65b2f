"""Helpers for the actor tests: spans by hand (the NER tagger is another stage) and entity lookups."""

from __future__ import annotations


def span(body: str, text: str, typ: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return start, start + len(text), typ


def by_actor(entities, actor: str):
    found = [e for e in entities if e.actor == actor]
    assert found, f"no entity linked to {actor}: {[(e.name, e.actor) for e in entities]}"
    return found[0]


def by_name(entities, name: str):
    found = [e for e in entities if e.name == name]
    assert found, f"no entity named {name}: {[e.name for e in entities]}"
    return found[0]


def texts(entity) -> list[str]:
    return [m.text for m in entity.mentions]
