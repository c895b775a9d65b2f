"""List UniversalPetrarch Arabic verb lemmas (MIT) with the PLOVER type of their CAMEO codes, to review
against ``marsad/resources/events/triggers.tsv``. Writes ``tools/events/petrarch_verbs.tsv``:
PLOVER type, CAMEO codes seen, normalised lemma, whether Marsad's lexicon already knows it.

Block lemmas are attached to the CAMEO codes of the block header and of the block's patterns; a lemma is
proposed for the type its codes point to most often. Review by hand before adding anything: the source
dictionary mixes senses (e.g. «عمل» listed for "rush").

    .venv/bin/python tools/events/mine_petrarch.py
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.events.evaluate import shared_data  # noqa: E402
from marsad.events.lexicon import load_lexicon  # noqa: E402
from marsad.text import normalize_for_match, tokenize  # noqa: E402

# CAMEO two-digit root → PLOVER type (after the PLOVER manual's CAMEO crosswalk; 16x/17x split by code below)
ROOT_TYPE = {"02": "REQUEST", "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
             "08": "CONCEDE", "09": "ACCUSE", "10": "REQUEST", "11": "ACCUSE", "12": "REJECT", "13": "THREATEN",
             "14": "PROTEST", "15": "MOBILIZE", "16": "SANCTION", "17": "COERCE", "18": "ASSAULT", "19": "ASSAULT",
             "20": "ASSAULT"}
SPECIAL = {"084": "RETREAT", "085": "RETREAT", "086": "RETREAT", "087": "RETREAT", "163": "COERCE",
           "057": "AGREE", "1712": "ASSAULT", "191": "COERCE", "192": "COERCE"}
_CODE = re.compile(r"\[(\d{2,4})\]")


def plover(code: str) -> str | None:
    for k in sorted(SPECIAL, key=len, reverse=True):
        if code.startswith(k):
            return SPECIAL[k]
    return ROOT_TYPE.get(code[:2])


def main() -> None:
    path = shared_data() / "UniversalPetrarch-Arabic" / "dictionaries" / "CAMEO.ar.0.5.txt"
    lemmas: dict[str, Counter] = defaultdict(Counter)
    block: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        s = line.strip()
        if s.startswith("---"):
            block = []
            m = _CODE.search(s)
            head = s.strip("- ").split("[")[0].strip()
            if head:
                block.append(head)
            if m and plover(m.group(1)):
                for lem in block:
                    lemmas[lem][plover(m.group(1))] += 1
        elif s.startswith("-"):
            m = _CODE.search(s)
            if m and plover(m.group(1)):
                for lem in block:
                    lemmas[lem][plover(m.group(1))] += 1
        elif s and not s.startswith(("#", "&", "+")):
            lem = s.split("#")[0].strip()
            if lem and re.match(r"^[\u0600-\u06ff+ ]+$", lem):
                block.append(lem)
    lex = load_lexicon()
    out = ROOT / "tools" / "events" / "petrarch_verbs.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# plover_type\tvotes\tlemma (normalised)\tin_marsad_lexicon\n")
        for lem, votes in sorted(lemmas.items(), key=lambda kv: (kv[1].most_common(1)[0][0], kv[0])):
            norm = normalize_for_match(lem.replace("+", " ")).split()[0]
            toks = tokenize(norm)
            known = bool(toks) and lex.lookup(toks[0].forms) is not None
            typ = votes.most_common(1)[0][0]
            f.write(f"{typ}\t{dict(votes)}\t{norm}\t{'yes' if known else 'no'}\n")
    print(f"{len(lemmas)} lemmas → {out}")


if __name__ == "__main__":
    main()
