"""Real pages from ../shared/data: every article analyses without error, as text and as simple HTML, and
every annotation's offsets hold. Skipped with a reason where the data is absent."""

from __future__ import annotations

import itertools
import json
import zipfile
from html import escape

import pytest

import marsad
from marsad.errors import MarsadError

DAYS = ("2015-08-01", "2015-08-02", "2015-08-09")  # three SaudiNewsNet days (the three smallest)
ANT_SAMPLE = 2000


def _saudi(data_dir, day):
    with zipfile.ZipFile(data_dir / "SaudiNewsNet" / "dataset" / f"{day}.zip") as z:
        return json.loads(z.read(f"{day}.json"))


def _ant(data_dir, n):
    with open(data_dir / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in itertools.islice(f, n)]


def _html(title, text):
    paras = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (f"<html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body><article>"
            f"<h1>{escape(title)}</h1>{paras}</article></body></html>")


def check_offsets(page):
    for art in page.articles:
        body = art.body
        for d in art.dates:
            assert body[d.start:d.end] == d.text
        for e in art.entities:
            for m in e.mentions:
                assert body[m.start:m.end] == m.text
        for q in art.quotes:
            assert body[q.start:q.end] == q.text
        for v in art.events:
            assert body[v.trigger.start:v.trigger.end] == v.trigger.text
        for s, e in art.paragraphs:
            assert 0 <= s <= e <= len(body)


def _run(items):
    failures = []
    n = 0
    for uri, text, as_html, meta_title, published in items:
        try:
            data = (_html(meta_title, text) if as_html else f"{meta_title}\n\n{text}").encode("utf-8")
            page = marsad.analyze(data, uri=uri, published=published)
            check_offsets(page)
            n += 1
        except MarsadError as exc:
            failures.append((uri, str(exc), not text.strip()))
    return n, failures


@pytest.mark.slow
@pytest.mark.parametrize("as_html", [False, True], ids=["text", "html"])
def test_pipeline_saudinewsnet_three_days(data_dir, as_html):
    items = []
    for day in DAYS:
        for i, a in enumerate(_saudi(data_dir, day)):
            items.append((f"{day}#{i}", a["content"], as_html, a["title"] or "", a["date_extracted"][:10]))
    n, failures = _run(items)
    # The only acceptable failure is an article with no text at all.
    assert all(blank for _, _, blank in failures), [f for f in failures if not f[2]][:5]
    assert n + len(failures) == len(items) and n >= sum(1 for it in items if it[1].strip())


@pytest.mark.slow
@pytest.mark.parametrize("as_html", [False, True], ids=["text", "html"])
def test_pipeline_ant_2000(data_dir, as_html):
    items = [(r["docno"], r["text"] or "", as_html, r["title"] or "", None) for r in _ant(data_dir, ANT_SAMPLE)]
    n, failures = _run(items)
    assert all(blank for _, _, blank in failures), [f for f in failures if not f[2]][:5]
    assert n + len(failures) == len(items) and n >= sum(1 for it in items if it[1].strip())
