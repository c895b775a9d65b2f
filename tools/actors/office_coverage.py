"""Office holders of the UniversalPetrarch gold period in the actor dictionary: does Marsad link their names?

    .venv/bin/python tools/actors/office_coverage.py [--from 2005-01-01] [--to 2010-12-31]

For every person entry of ``actor_dict_ar_v4.txt`` with an office (a dated code) overlapping the period, its
name is put in a sentence of our own («وقال NAME إن …») and resolved twice: as a tagger PER span and from
base aliases alone. Lists the names that do not come out with the office's country, grouped by the reason
(no entity, unlinked, other country), so gaps in ``people.tsv`` / ``petrarch.tsv`` are found as a set.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from build_base import GEO_WORDS, ORG_WORDS, ROLE_WORDS, shared_dir

from marsad.actors import load_base, resolve
from marsad.actors.evaluate import NON_STATE
from marsad.text import normalize_for_match

ISO3: set[str] = set()


def entries(path: Path) -> list[tuple[str, list[str]]]:
    out, cur = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.strip().startswith("#"):
            continue
        if line[:1] == "\t" or line.startswith("  ["):
            if cur is not None:
                cur[1].extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        m = re.match(r"\s*([^\[#]+?)\s*((?:\[[^\]]*\]\s*)*)(#.*)?$", line)
        if m:
            cur = (m.group(1).strip(), re.findall(r"\[([^\]]*)\]", m.group(2) or ""))
            out.append(cur)
    return out


def offices(codes: list[str], lo: str, hi: str):
    for c in codes:
        parts = c.split()
        if len(parts) < 2 or "-" not in parts[1]:
            continue
        a, _, b = parts[1].partition("-")
        if a[:8] <= hi and (not b or b == "18000101" or b[:8] >= lo):  # 18000101: still in office
            yield parts[0], a, b


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--from", dest="lo", default="2005-01-01")
    ap.add_argument("--to", dest="hi", default="2010-12-31")
    args = ap.parse_args(argv)
    lo, hi = args.lo.replace("-", ""), args.hi.replace("-", "")
    path = shared_dir(args.shared) / "UniversalPetrarch-Arabic" / "dictionaries" / "actor_dict_ar_v4.txt"
    seen, groups, total = set(), defaultdict(list), 0
    global ISO3
    ISO3 = set(load_base().country_actor)
    for raw, codes in entries(path):
        words = [w for w in raw.replace("_", " ").split() if w and w != "ال"]
        norm = [normalize_for_match(w) for w in words]
        if len(words) < 2 or any(w in ORG_WORDS or w in GEO_WORDS or w in ROLE_WORDS for w in norm):
            continue
        held = list(offices(codes, lo, hi))
        if not held:
            continue
        name = " ".join(words)
        if name in seen:
            continue
        seen.add(name)
        total += 1
        country = held[0][0][:3]
        if not (country in ISO3 or country in NON_STATE):
            continue  # an agent alone («JUD», «MED»): no actor to link
        start = max(held[0][1][:8], lo)  # a day of the period in the office
        day = f"{start[:4]}-{start[4:6]}-{start[6:8]}"
        body = f"وقال {name} إن الاجتماع كان مثمرا."
        s = body.index(name)
        for mode, spans in (("tagged", [(s, s + len(name), "PER")]), ("base", [])):
            ents = [e for e in resolve(body, spans, date=day) if any(m.start < s + len(name) and m.end > s for m in e.mentions)]
            if any(e.country == country or (country in NON_STATE and (e.code or "").startswith(country))
                   for e in ents):
                continue
            why = "no entity" if not ents else "unlinked" if all(e.country is None for e in ents) else "other country"
            groups[(mode, why)].append(f"{name} {country} {held[0][0]} -> "
                                       + "; ".join(f"{e.name} {e.country} {e.actor}" for e in ents))
    print(f"{total} office holders of {args.lo}..{args.hi}")
    for key in sorted(groups):
        print(f"== {key[0]}, {key[1]}: {len(groups[key])}")
        for line in groups[key]:
            print("   ", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
