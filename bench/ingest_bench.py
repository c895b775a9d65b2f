"""Pages/s of ``marsad ingest`` end to end (read → segment → dates → entities → quotes → events → SQLite +
FTS5) on a fixed sample of real ANT and SaudiNewsNet rows, beside a bare store of the same rows (each row's
text and its JSON inserted into an SQLite FTS5 table, one transaction per 64 rows) measured in the same run.

The sample rows are written unchanged as JSONL files into a temporary directory (never into the project);
each run ingests them into a fresh database with the whole pipeline as it stands. CPU time of this process
(``MARSAD_BENCH_WALL=1`` for wall time), median of ``--runs``. Two settings per corpus:

- unseen pages (the quick figure for comparing changes): every run takes pages this process has not
  analysed yet, after one untimed run of other pages, with the taggers' per-word caches filling as new
  words come;
- the same pages again: every run re-ingests one sample, so every per-word cache is already full (an
  upper bound, kept to show what the caches save).

    taskset -c 0 .venv/bin/python bench/ingest_bench.py [--ant 500] [--snn 200] [--runs 3] [--profile FILE]

``--profile FILE`` also runs each corpus once under cProfile and writes the stats to ``FILE.<corpus>``.
``--corpus`` instead measures the end-to-end figure of the ingest goal (50 pages/s on one core): one ingest
of the whole SaudiNewsNet + ANT corpus (41,191 rows, the corpus of the search goal; ``--corpus-limit N`` for
its first N rows) in one process and one store, as a user building the analysed store would run it: files
of 2,000 rows, each file's rate and the cumulative rate printed as it goes (about 14 CPU minutes here),
then the bare store of the same rows.
``--long N`` adds one more figure, measured first: a single ingest of N distinct SaudiNewsNet articles (none
of them in the samples) after only the warm-up pages, as ``marsad ingest`` over a corpus sees it: the
per-word caches fill as it goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sqlite3
import tempfile
import time
from pathlib import Path

from _data import saudinewsnet, shared_data, timed

from marsad.store import ingest


def ant_rows(n: int, k: int = 1) -> list[list[dict]]:
    """``k`` disjoint samples of ``n`` ANT rows, each spread evenly over the file (it is sorted by category),
    empty texts left out."""
    lines = (shared_data() / "ANT-Corpus" / "antcorpus_v1.1.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines if x.strip()]
    return spread([r for r in rows if (r.get("text") or "").strip()], n, k)


def snn_rows(n: int, k: int = 1) -> list[list[dict]]:
    """``k`` disjoint samples of ``n`` SaudiNewsNet articles spread over the first day files (each file is
    grouped by outlet)."""
    rows = [r for r in saudinewsnet(max(2000, 2 * n * k)) if (r.get("content") or "").strip()]
    return spread(rows, n, k)


def spread(rows: list[dict], n: int, k: int) -> list[list[dict]]:
    step = max(1, len(rows) // (n * k))
    sample = rows[::step][:n * k]
    return [sample[i::k] for i in range(k)]


def write_jsonl(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def bare_store(rows: list[dict], db: Path, text_key: str) -> None:
    con = sqlite3.connect(str(db), isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=NORMAL")
    con.execute("CREATE TABLE pages (n INTEGER PRIMARY KEY, json TEXT)")
    con.execute("CREATE VIRTUAL TABLE fts USING fts5(title, body)")
    for i in range(0, len(rows), 64):
        con.execute("BEGIN IMMEDIATE")
        for r in rows[i:i + 64]:
            cur = con.execute("INSERT INTO pages (json) VALUES (?)", (json.dumps(r, ensure_ascii=False),))
            con.execute("INSERT INTO fts (rowid, title, body) VALUES (?,?,?)",
                        (cur.lastrowid, r.get("title") or "", r.get(text_key) or ""))
        con.execute("COMMIT")
    con.close()


def corpus_rows(limit: int) -> list[tuple[dict, str]]:
    """Every SaudiNewsNet row (day files in date order) then every ANT row, with the key of its text."""
    out = [(r, "content") for r in saudinewsnet(10 ** 9)]
    lines = (shared_data() / "ANT-Corpus" / "antcorpus_v1.1.jsonl").read_text(encoding="utf-8").splitlines()
    out += [(json.loads(x), "text") for x in lines if x.strip()]
    return out[:limit]


def corpus_run(limit: int, chunk: int = 2000) -> None:
    """One ingest of the corpus rows, file by file, into one store; then the bare store of the same rows."""
    rows = corpus_rows(limit)
    with tempfile.TemporaryDirectory(prefix="marsad-corpus-bench-") as tmp:
        tmpdir = Path(tmp)
        files = []
        for k in range(0, len(rows), chunk):
            files.append(tmpdir / f"part{k // chunk:03d}.jsonl")
            write_jsonl([r for r, _ in rows[k:k + chunk]], files[-1])
        warm = tmpdir / "warm.jsonl"  # load every resource outside the timing, on rows of neither corpus part
        write_jsonl([{"title": "تجربة", "content": "قال الرئيس في القاهرة اليوم إن الحكومة ستجتمع."}], warm)
        ingest([str(warm)], str(tmpdir / "warm.db"), progress=False)
        db = tmpdir / "corpus.db"
        total = stored = failed = 0
        for path in files:
            reports = []
            secs, _ = timed(lambda p=path, out=reports: out.append(ingest([str(p)], str(db), progress=False)), 1)
            rep = reports[0]
            total += secs
            stored += rep.stored
            failed += rep.failed
            print(f"  {path.name}: {rep.stored} stored, {rep.failed} failed: {rep.stored / secs:.1f} pages/s; "
                  f"so far {stored / total:.1f} pages/s", flush=True)
        print(f"corpus: {stored} pages stored in one ingest ({failed} rows failed: no text), "
              f"{total:.0f} CPU s: {stored / total:.1f} pages/s (CPU time)")
        bare, _ = timed(lambda: [bare_store([r for r, key in rows if r.get(key)], tmpdir / f"bare-{key}.db", key)
                                 for key in ("content", "text")], 1)
        print(f"  bare SQLite FTS5 store of the same rows: {stored / bare:.1f} pages/s; "
              f"ratio marsad / bare: {bare / total:.3f}x")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", type=int, default=500, help="ANT rows (0: skip)")
    ap.add_argument("--snn", type=int, default=200, help="SaudiNewsNet rows (0: skip)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", help="also profile one run per corpus; stats written to PROFILE.<corpus>")
    ap.add_argument("--long", type=int, default=0, help="also one ingest of this many distinct SaudiNewsNet pages")
    ap.add_argument("--corpus", action="store_true", help="one ingest of the whole SaudiNewsNet + ANT corpus instead")
    ap.add_argument("--corpus-limit", type=int, default=10 ** 9, help="with --corpus: its first N rows only")
    args = ap.parse_args()
    if args.corpus:
        corpus_run(args.corpus_limit)
        return
    with tempfile.TemporaryDirectory(prefix="marsad-ingest-bench-") as tmp:
        tmpdir = Path(tmp)
        corpora = []
        # samples: [0] warms up, [1:] one per unseen-pages run; the same-pages runs reuse [1]
        if args.ant:
            corpora.append(("ant", ant_rows(args.ant, args.runs + 1), "text"))
        if args.snn:
            corpora.append(("snn", snn_rows(args.snn, args.runs + 1), "content"))
        if args.long:
            # rows after every sample's: the long run sees pages no other run analysed
            used = max(2000, 2 * args.snn * (args.runs + 1))
            long_rows = [r for r in saudinewsnet(used + args.long)[used:] if (r.get("content") or "").strip()]
        # Load every resource outside the timing (some, like the dateline grammar, load only when a page
        # needs them): a few pages of each corpus through the real path first.
        warm = tmpdir / "warm.jsonl"
        write_jsonl([r for _, samples, _ in corpora for r in samples[0][:5]], warm)
        ingest([str(warm)], str(tmpdir / "warm.db"), progress=False)
        counter = [0]

        def run(src: Path, n: int):
            counter[0] += 1
            report = ingest([str(src)], str(tmpdir / f"run-{counter[0]}.db"), progress=False)
            if report.failed or report.stored != n:
                print(f"  note: {report.summary()}")

        if args.long:  # first, while the caches hold only the warm-up pages
            src = tmpdir / "long.jsonl"
            write_jsonl(long_rows, src)
            n = len(long_rows)
            secs, _ = timed(lambda: run(src, n), 1)
            chars = sum(len(r["content"]) for r in long_rows) // n
            print(f"snn long run: {n} distinct pages in one ingest (mean {chars} chars of text): "
                  f"{n / secs:.1f} pages/s (CPU time)")
        for name, samples, text_key in corpora:
            srcs = []
            for i, rows in enumerate(samples):
                srcs.append(tmpdir / f"{name}-{i}.jsonl")
                write_jsonl(rows, srcs[-1])
            n = len(samples[1])
            run(srcs[0], len(samples[0]))  # untimed: the caches hold one sample's words, as in a long run
            left = iter(srcs[1:])
            fresh, fresh_all = timed(lambda: run(next(left), n), args.runs)
            same, same_all = timed(lambda: run(srcs[1], n), args.runs)
            rows = samples[1]

            def run_bare():
                counter[0] += 1
                bare_store(rows, tmpdir / f"bare-{counter[0]}.db", text_key)

            b, b_all = timed(run_bare, args.runs)
            chars = sum(len(r.get(text_key) or "") for r in rows) // n
            print(f"{name}: {n} pages a run (mean {chars} chars of text), runs: {args.runs} (median, CPU time)")
            print(f"  marsad ingest, unseen pages:    {n / fresh:8.1f} pages/s   runs: {[round(n / x, 1) for x in fresh_all]}")
            print(f"  marsad ingest, same pages again:{n / same:8.1f} pages/s   runs: {[round(n / x, 1) for x in same_all]}")
            print(f"  bare SQLite FTS5 store:         {n / b:8.1f} pages/s   runs: {[round(n / x) for x in b_all]}")
            print(f"  ratio marsad (unseen) / bare:   {b / fresh:8.3f}x")
            if args.profile:
                prof = cProfile.Profile(time.process_time)
                prof.enable()
                ingest([str(srcs[1])], str(tmpdir / f"{name}-profile.db"), progress=False)
                prof.disable()
                prof.dump_stats(f"{args.profile}.{name}")



if __name__ == "__main__":
    main()
