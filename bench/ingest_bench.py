"""Pages/s of ``marsad ingest`` end to end (read → segment → dates → entities → quotes → events → SQLite +
FTS5) on a fixed sample of real ANT and SaudiNewsNet rows, beside a bare store of the same rows (each row's
text and its JSON inserted into an SQLite FTS5 table, one transaction per 64 rows) measured in the same run.

The sample rows are written unchanged as JSONL files into a temporary directory (never into the project);
each run ingests them into a fresh database with the whole pipeline as it stands. CPU time of this process
(``MARSAD_BENCH_WALL=1`` for wall time), median of ``--runs``.

    taskset -c 0 .venv/bin/python bench/ingest_bench.py [--ant 500] [--snn 200] [--runs 3] [--profile FILE]

``--profile FILE`` also runs each corpus once under cProfile and writes the stats to ``FILE.<corpus>``.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sqlite3
import tempfile
import time
import zipfile
from pathlib import Path

from _data import shared_data, timed

from marsad.store import ingest


def ant_rows(n: int) -> list[dict]:
    """``n`` ANT rows spread evenly over the file (it is sorted by category), empty texts left out."""
    lines = (shared_data() / "ANT-Corpus" / "antcorpus_v1.1.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(x) for x in lines if x.strip()]
    rows = [r for r in rows if (r.get("text") or "").strip()]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


def snn_rows(n: int) -> list[dict]:
    """``n`` SaudiNewsNet articles spread evenly over the first day file (it is grouped by outlet)."""
    zpath = sorted((shared_data() / "SaudiNewsNet" / "dataset").glob("*.zip"))[0]
    with zipfile.ZipFile(zpath) as z:
        rows = json.loads(z.read(sorted(z.namelist())[0]))
    rows = [r for r in rows if (r.get("content") or "").strip()]
    step = max(1, len(rows) // n)
    return rows[::step][:n]


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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ant", type=int, default=500, help="ANT rows (0: skip)")
    ap.add_argument("--snn", type=int, default=200, help="SaudiNewsNet rows (0: skip)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--profile", help="also profile one run per corpus; stats written to PROFILE.<corpus>")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="marsad-ingest-bench-") as tmp:
        tmpdir = Path(tmp)
        corpora = []
        if args.ant:
            corpora.append(("ant", ant_rows(args.ant), "text"))
        if args.snn:
            corpora.append(("snn", snn_rows(args.snn), "content"))
        # Load every resource outside the timing (some, like the dateline grammar, load only when a page
        # needs them): a few pages of each corpus through the real path first.
        warm = tmpdir / "warm.jsonl"
        write_jsonl([r for _, rows, _ in corpora for r in rows[:5]], warm)
        ingest([str(warm)], str(tmpdir / "warm.db"), progress=False)
        for name, rows, text_key in corpora:
            src = tmpdir / f"{name}.jsonl"
            write_jsonl(rows, src)
            counter = [0]

            def run_marsad():
                counter[0] += 1
                report = ingest([str(src)], str(tmpdir / f"{name}-{counter[0]}.db"), progress=False)
                if report.failed or report.stored != len(rows):
                    print(f"  note: {report.summary()}")

            def run_bare():
                counter[0] += 1
                bare_store(rows, tmpdir / f"bare-{name}-{counter[0]}.db", text_key)

            m, m_all = timed(run_marsad, args.runs)
            b, b_all = timed(run_bare, args.runs)
            n = len(rows)
            chars = sum(len(r.get(text_key) or "") for r in rows) // n
            print(f"{name}: {n} pages (mean {chars} chars of text), runs: {args.runs} (median, CPU time)")
            print(f"  marsad ingest (whole pipeline): {n / m:8.1f} pages/s   runs: {[round(n / x, 1) for x in m_all]}")
            print(f"  bare SQLite FTS5 store:         {n / b:8.1f} pages/s   runs: {[round(n / x) for x in b_all]}")
            print(f"  ratio marsad / bare store:      {b / m:8.3f}x")
            if args.profile:
                prof = cProfile.Profile(time.process_time)
                prof.enable()
                ingest([str(src)], str(tmpdir / f"{name}-profile.db"), progress=False)
                prof.disable()
                prof.dump_stats(f"{args.profile}.{name}")


if __name__ == "__main__":
    main()
