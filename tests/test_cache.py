"""The per-user cache of parsed resources: built once, read back, never stale, never trusted blindly."""

from __future__ import annotations

import os
import sys

import pytest

from marsad import cache


@pytest.fixture
def folder(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("MARSAD_CACHE_DIR", str(d))
    return d


@pytest.fixture
def source(tmp_path):
    p = tmp_path / "table.tsv"
    p.write_text("a\t1\n", encoding="utf-8")
    return p


def _counting(value):
    calls = []

    def build():
        calls.append(1)
        return dict(value)

    return build, calls


def test_second_call_reads_the_cache(folder, source):
    build, calls = _counting({"a": (1, 2)})
    first = cache.cached("t", [source], build)
    second = cache.cached("t", [source], build)
    assert first == second == {"a": (1, 2)}
    assert len(calls) == 1
    assert len(list(folder.glob("t-*.pickle"))) == 1


def test_changed_source_rebuilds_and_drops_the_old_file(folder, source):
    build, calls = _counting({"a": 1})
    cache.cached("t", [source], build)
    old = list(folder.glob("t-*.pickle"))
    source.write_text("a\t2\n", encoding="utf-8")
    cache.cached("t", [source], build)
    assert len(calls) == 2
    new = list(folder.glob("t-*.pickle"))
    assert len(new) == 1 and new != old


def test_changed_code_changes_the_key(source):
    assert cache.cache_key([source]) != cache.cache_key([source], code=[sys.modules[__name__]])


def test_off_builds_every_time_and_writes_nothing(tmp_path, monkeypatch, source):
    monkeypatch.setenv("MARSAD_CACHE_DIR", "off")
    build, calls = _counting({"a": 1})
    cache.cached("t", [source], build)
    cache.cached("t", [source], build)
    assert len(calls) == 2
    assert cache.cache_dir() is None


def test_corrupt_file_is_rebuilt(folder, source):
    build, calls = _counting({"a": 1})
    cache.cached("t", [source], build)
    (path,) = folder.glob("t-*.pickle")
    path.write_bytes(b"\x80\x05not a pickle")
    assert cache.cached("t", [source], build) == {"a": 1}
    assert len(calls) == 2
    assert cache.cached("t", [source], build) == {"a": 1}  # the rewritten file reads back
    assert len(calls) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_folder_others_can_write_is_not_trusted(folder, source):
    build, calls = _counting({"a": 1})
    cache.cached("t", [source], build)
    folder.chmod(0o777)
    try:
        cache.cached("t", [source], build)
        assert len(calls) == 2
    finally:
        folder.chmod(0o700)


def test_unpicklable_result_is_returned_and_leaves_no_file(folder, source):
    def build():
        return {"f": lambda: 1}

    out = cache.cached("t", [source], build)
    assert out["f"]() == 1
    assert not [p for p in folder.iterdir()] if folder.exists() else True


def test_missing_source_is_part_of_the_key(folder, tmp_path):
    missing = tmp_path / "nope.tsv"
    build, calls = _counting({"a": 1})
    cache.cached("t", [missing], build)
    missing.write_text("x", encoding="utf-8")
    cache.cached("t", [missing], build)
    assert len(calls) == 2


def test_tagger_from_the_cache_scores_like_a_fresh_one(folder):
    np = pytest.importorskip("numpy")
    from marsad.entities.tagger import ModelMissingError, NerTagger

    try:
        fresh = NerTagger.load()  # parses the files and writes the cache
    except ModelMissingError:
        pytest.skip("no entity model shipped")
    assert list(folder.glob("ner-*.pickle"))
    again = NerTagger.load()  # reads the cache
    sent = ["قال", "وزير", "الخارجية", "الروسي", "سيرغي", "لافروف", "في", "موسكو"]
    assert np.array_equal(fresh.crf.emissions(sent), again.crf.emissions(sent))
    assert fresh.tag(sent) == again.tag(sent)


def test_actor_base_from_the_cache_resolves_like_a_fresh_one(folder, monkeypatch):
    from marsad.actors import base as actor_base
    from marsad.actors.resolve import resolve

    text = "التقى الرئيس الفرنسي إيمانويل ماكرون في باريس وزير الخارجية الأمريكي وقائد الشرطة العراقية."
    try:
        monkeypatch.setenv("MARSAD_CACHE_DIR", "off")
        actor_base.load_base.cache_clear()
        fresh = actor_base.load_base()
        expected = resolve(text, [])
        monkeypatch.setenv("MARSAD_CACHE_DIR", str(folder))
        actor_base.load_base.cache_clear()
        actor_base.load_base()  # parses the files and writes the cache
        assert list(folder.glob("actors-*.pickle"))
        actor_base.load_base.cache_clear()
        cached = actor_base.load_base()  # reads it
        assert cached is not fresh
        assert list(cached.actors) == list(fresh.actors)
        assert list(cached.by_keys) == list(fresh.by_keys)
        assert expected and resolve(text, []) == expected
    finally:
        actor_base.load_base.cache_clear()


def test_actor_and_alias_pickle_with_every_field():
    import pickle

    from marsad.actors.base import Actor, Alias

    actor = Actor("marsad:per/x", "PER", "س", "S", "IRQ", "IRQGOV", role="وزير", members=("a",), population=5,
                  rank=2, offices=(("IRQGOV", "2006-01-01", ""),))
    alias = Alias(("س",), ("س",), actor, "name", False)
    back = pickle.loads(pickle.dumps(alias))
    assert back == alias and back.actor == actor and back.actor.offices == actor.offices


def test_old_temporary_files_are_cleared(folder, source):
    folder.mkdir(mode=0o700)
    stale = folder / ".t-abc.tmp"
    fresh = folder / ".t-def.tmp"
    stale.write_bytes(b"x")
    fresh.write_bytes(b"x")
    os.utime(stale, (0, 0))
    build, _ = _counting({"a": 1})
    cache.cached("t", [source], build)
    assert not stale.exists() and fresh.exists()  # a fresh one may belong to a process writing right now
