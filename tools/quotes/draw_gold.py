"""Draw a blind round of articles for the quote gold set (``eval/quotes/README.md``, rounds 8 to 10).

    .venv/bin/python tools/quotes/draw_gold.py --seed 20261133 --out /tmp/round8.json
    .venv/bin/python tools/quotes/draw_gold.py --seed 20261134 --test-split test3 --out /tmp/round9.json
    .venv/bin/python tools/quotes/draw_gold.py --seed 20261135 --test-split test4 --out /tmp/round10.json

SaudiNewsNet articles of 500-1,600 body characters, one from each of ``--outlets`` outlets (outlets shuffled by
the seed), and ``--ant`` ANT articles of 400-1,500 characters from the news categories; each has a reporting verb
(«قال أكد أضاف أوضح أشار صرح») or a quotation mark, and none is already in a gold file. The draw is shuffled and
split alternately: even positions to the test half (``--test-split``, test2 in round 8, test3 in round 9), odd
to dev. ``--out`` gets the rows with their bodies (for annotating
by hand, outside the repository); the gold files keep ids and offsets only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.quotes.evaluate import BODY_RULE, GOLD_DIR, build_body, shared_data

CUES = ("قال", "أكد", "أضاف", "أوضح", "أشار", "صرح")
ANT_CATEGORIES = ("politic", "localNews", "internationalNews", "economy", "society", "culture", "sport")


def _quotable(body: str) -> bool:
    return any(c in body for c in CUES) or any(m in body for m in '«"“')


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--outlets", type=int, default=12)
    ap.add_argument("--ant", type=int, default=12)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--test-split", default="test2", help="label of the even positions (the test half)")
    args = ap.parse_args(argv)
    root = shared_data()
    taken = {json.loads(line)["id"] for f in sorted(GOLD_DIR.glob("gold_*.jsonl"))
             for line in f.read_text(encoding="utf-8").splitlines() if line.strip()}
    rng = random.Random(args.seed)
    by_outlet: dict[str, list] = {}
    for z in sorted((root / "SaudiNewsNet" / "dataset").glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            rows = json.loads(zf.read(zf.namelist()[0]))
        for i, a in enumerate(rows):
            body = build_body(a.get("content"))
            if 500 <= len(body) <= 1600 and f"{z.name}#{i}" not in taken and _quotable(body):
                by_outlet.setdefault(a.get("source"), []).append((z.name, i, body))
    outlets = sorted(by_outlet)
    rng.shuffle(outlets)
    out = []
    for o in outlets[:args.outlets]:
        day, i, body = rng.choice(by_outlet[o])
        out.append({"id": f"{day}#{i}", "source": "saudinewsnet", "day": day, "index": i, "_body": body})
    ant = []
    with open(root / "ANT-Corpus" / "antcorpus_v1.1.jsonl", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            body = build_body(r.get("text"))
            if r["docno"] not in taken and 400 <= len(body) <= 1500 and r.get("cat") in ANT_CATEGORIES \
                    and _quotable(body):
                ant.append((r["docno"], body))
    for docno, body in rng.sample(ant, args.ant):
        out.append({"id": docno, "source": "ant", "docno": docno, "_body": body})
    rng.shuffle(out)
    for k, row in enumerate(out):
        row["body_rule"] = BODY_RULE
        row["body_sha256"] = hashlib.sha256(row["_body"].encode("utf-8")).hexdigest()[:16]
        row["_split"] = args.test_split if k % 2 == 0 else "dev"
    args.out.write_text(json.dumps(out, ensure_ascii=False, indent=0), encoding="utf-8")
    for row in out:
        print(row["_split"], row["id"], len(row["_body"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
