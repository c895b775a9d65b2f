"""Search latency and quality over SaudiNewsNet + ANT (~41,000 articles) against a naive LIKE scan.

    .venv/bin/python bench/search_bench.py [--db PATH] [--rebuild] [--queries 200] [--peer-queries 200]

The index is built once (straight from the corpus rows into the store, without the analysis pipeline) and
cached in the temp directory. 200 queries drawn from the titles with a fixed seed (single words, words
given with a proclitic that the text does not have, two-word AND queries, two-word phrases) are timed
through ``marsad.store.search`` (ranked, 10 hits with snippets). The peer runs the same words as
``title LIKE '%w%' OR body LIKE '%w%'`` over the same table.

Quality is measured against an exact answer on a 3,000-article sample: the articles whose normalised
words (or stems) contain every query word (phrases: consecutively), computed by brute force in Python.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from marsad.records import Article, Page, Source, article_id  # noqa: E402
from marsad.store import Store, connect_reader, search  # noqa: E402
from marsad.store.search import like_search  # noqa: E402
from marsad.store.textindex import index_columns, parse_query, stem, words  # noqa: E402

BUILD_VERSION = "2"
_AR = re.compile(r"^[\u0621-\u064A]{4,}$")


def shared_data() -> Path:
    path = Path(os.environ.get("MARSAD_SHARED_DATA", ROOT.parent / "shared" / "data"))
    if not path.is_dir():
        sys.exit(f"shared data sets not found at {path} (set MARSAD_SHARED_DATA)")
    return path


def corpus_rows():
    """(uri, title, body, published, outlet) for every SaudiNewsNet and ANT article."""
    data = shared_data()
    for zpath in sorted((data / "SaudiNewsNet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(zpath) as z:
            for name in sorted(z.namelist()):
                for r in json.loads(z.read(name)):
                    body = "\n".join(p.strip() for p in (r.get("content") or "").split("\n") if p.strip())
                    yield r.get("url"), r.get("title"), body, (r.get("date_extracted") or "")[:10] or None, \
                        r.get("source")
    with open(data / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            t = r.get("time") or ""
            day = t[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", t) else (
                f"{t[6:10]}-{t[3:5]}-{t[0:2]}" if re.match(r"^\d{2}/\d{2}/\d{4}", t) else None)
            yield r.get("url"), r.get("title"), r.get("text") or "", day, r.get("src") or "Jawhara FM"


def page_of(uri, title, body, published, outlet) -> Page:
    raw = json.dumps([uri, title, body], ensure_ascii=False).encode()
    sha = hashlib.sha256(raw).hexdigest()
    art = Article(id=article_id(sha, 0), role="main", title=title, body=body, published=published, outlet=outlet)
    return Page(source=Source(uri=uri, kind="jsonl", sha256=sha, encoding="utf-8", bytes=len(raw)),
                articles=(art,))


def build(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    n = 0
    batch = []
    with Store(db) as store:
        for row in corpus_rows():
            if not row[2]:
                continue
            batch.append(page_of(*row))
            if len(batch) == 500:
                n += len(store.add_pages(batch)[0])
                batch = []
                print(f"\rbuilding index: {n} articles", end="", file=sys.stderr)
        n += len(store.add_pages(batch)[0])
        store.con.execute("INSERT INTO article_fts(article_fts) VALUES ('optimize')")
        store.con.execute("INSERT OR REPLACE INTO meta VALUES ('bench_build', ?)", (BUILD_VERSION,))
        store.con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    dt = time.perf_counter() - t0
    print(f"\rbuilt {n} articles in {dt:.0f}s ({n / dt:.0f} articles/s, store only)", file=sys.stderr)


def make_queries(con, n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    titles = [r[0] for r in con.execute("SELECT title FROM articles WHERE title IS NOT NULL ORDER BY n")]
    out: list[tuple[str, str]] = []
    kinds = ["word"] * 2 + ["clitic", "and", "phrase"]
    while len(out) < n:
        t = rng.choice(titles)
        ws = [w for w in t.split() if _AR.match(w)]
        if len(ws) < 2:
            continue
        kind = kinds[len(out) % len(kinds)]
        if kind == "word":
            out.append((kind, rng.choice(ws)))
        elif kind == "clitic":
            bare = [w for w in ws if not w.startswith(("ال", "و", "ب", "ل", "ف", "ك"))]
            if bare:
                out.append((kind, rng.choice(["ب", "و", "ال", "لل"]) + rng.choice(bare)))
        elif kind == "and":
            a, b = rng.sample(ws, 2)
            out.append((kind, f"{a} {b}"))
        else:
            i = rng.randrange(len(t.split()) - 1)
            pair = t.split()[i:i + 2]
            if all(_AR.match(w) for w in pair):
                out.append((kind, f'"{pair[0]} {pair[1]}"'))
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def exact_answer(docs: list[tuple[int, list[list[str]], list[list[str]]]], q: str) -> set[int]:
    """Brute force: articles where every query unit occurs (form or stem; a phrase consecutively) in one column."""
    units = []
    for m in re.finditer(r'"([^"]*)"|(\S+)', q):
        ws = words(m.group(1) if m.group(1) is not None else m.group(2))
        if m.group(1) is not None:
            units.append(ws)
        else:
            units.extend([w] for w in ws)

    def has(seq: list[str], unit: list[str]) -> bool:
        k = len(unit)
        return any(seq[i:i + k] == unit for i in range(len(seq) - k + 1))

    out = set()
    for n, forms_cols, stems_cols in docs:
        if all(any(has(f, u) for f in forms_cols) or any(has(s, [stem(w) for w in u]) for s in stems_cols)
               for u in units):
            out.add(n)
    return out


def quality(con, queries: list[tuple[str, str]], sample: int = 3000) -> dict:
    rows = con.execute("SELECT n, title, body FROM articles ORDER BY n LIMIT ?", (sample,)).fetchall()
    docs = []
    for n, title, body in rows:
        tf, ts = index_columns(title or "")
        bf, bs = index_columns(body)
        docs.append((n, [tf.split(), bf.split()], [ts.split(), bs.split()]))
    hi = rows[-1][0]
    scores = {"fts": [0, 0, 0], "like": [0, 0, 0]}  # true positives, returned, relevant
    for _, q in queries:
        gold = exact_answer(docs, q)
        query = parse_query(q)
        fts = {r[0] for r in con.execute("SELECT rowid FROM article_fts WHERE article_fts MATCH ? AND rowid <= ?",
                                         (query.match, hi))}
        ws = [w.strip('"') for w in q.split() if w.strip('"')]
        cond = " AND ".join(["(title LIKE ? OR body LIKE ?)"] * len(ws))
        like = {r[0] for r in con.execute(f"SELECT n FROM articles WHERE n <= ? AND {cond}",
                                          [hi, *[x for w in ws for x in (f"%{w}%", f"%{w}%")]])}
        for name, got in (("fts", fts), ("like", like)):
            scores[name][0] += len(got & gold)
            scores[name][1] += len(got)
            scores[name][2] += len(gold)
    return {k: {"precision": tp / ret if ret else 1.0, "recall": tp / rel if rel else 1.0}
            for k, (tp, ret, rel) in scores.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=str(Path(tempfile.gettempdir()) / "marsad_search_bench.db"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--peer-queries", type=int, default=200, help="how many of the queries the LIKE peer runs")
    ap.add_argument("--limit", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3,
                    help="time each query this many times and keep its fastest run (timeit practice)")
    ap.add_argument("--peer-repeat", type=int, default=1)
    args = ap.parse_args()
    db = Path(args.db)
    fresh = True
    if db.is_file() and not args.rebuild:
        try:
            con = connect_reader(db)
            fresh = (con.execute("SELECT value FROM meta WHERE key='bench_build'").fetchone() or [None])[0] \
                != BUILD_VERSION
            con.close()
        except Exception:  # noqa: BLE001 - anything odd: rebuild
            fresh = True
    if fresh:
        build(db)
    con = connect_reader(db)
    n_articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    queries = make_queries(con, args.queries)
    for _, q in queries[:20]:  # warm the page cache and the stem cache
        search(con, q, limit=args.limit)
    times, hits, by_kind = [], [], {}
    for kind, q in queries:
        dt = float("inf")
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            res = search(con, q, limit=args.limit)
            dt = min(dt, (time.perf_counter() - t) * 1000)
        times.append(dt)
        by_kind.setdefault(kind, []).append(dt)
        hits.append(len(res["hits"]))
    peer = []
    for _, q in queries[:args.peer_queries]:
        dt = float("inf")
        for _ in range(max(1, args.peer_repeat)):
            t = time.perf_counter()
            like_search(con, q, limit=args.limit)
            dt = min(dt, (time.perf_counter() - t) * 1000)
        peer.append(dt)
    qual = quality(con, queries)
    print(f"search over {n_articles} articles, {len(queries)} queries, top {args.limit} with snippets;"
          f" fastest of {args.repeat} runs per query (peer: {args.peer_repeat});"
          f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"{'':<22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    print(f"{'marsad (FTS5, bm25)':<22}{pct(times, 50):>9.1f}{pct(times, 95):>9.1f}{max(times):>9.1f}")
    for kind, ts in by_kind.items():
        print(f"{'  ' + kind:<22}{pct(ts, 50):>9.1f}{pct(ts, 95):>9.1f}{max(ts):>9.1f}")
    print(f"{'LIKE scan (peer)':<22}{pct(peer, 50):>9.1f}{pct(peer, 95):>9.1f}{max(peer):>9.1f}"
          f"   ({len(peer)} queries)")
    print(f"queries with hits: {sum(1 for h in hits if h)}/{len(hits)}")
    print("quality vs exact answer (3,000-article sample, all matches):")
    for k, v in qual.items():
        print(f"  {k:<6} precision {v['precision']:.3f}  recall {v['recall']:.3f}")
    goal = pct(times, 95) <= 50
    print(f"goal p95 <= 50 ms: {'met' if goal else 'NOT met'}")


if __name__ == "__main__":
    main()
