"""Build the runtime gazetteer shipped in marsad/resources/ner/gazetteer.tsv.

Only redistributable sources are used (see marsad/resources/ner/PROVENANCE.md):
  GeoNames cities15000 Arabic names (CC BY 4.0)      -> GPE
  CLDR 48.2 Arabic territory names (Unicode v3)       -> GPE (countries, with short/variant forms)
  UniversalPetrarch Arabic actor dictionary (MIT)     -> PER (dated person entries), ORG, GPE
ANERgazet and ANETAC are research-only and are NOT used here.

Output rows: normalised phrase (tokens joined by one space) TAB class TAB source.
Usage: python tools/ner/build_gazetteers.py /work/shared/data marsad/resources/ner/gazetteer.tsv [FREQ.tsv]
(FREQ.tsv: word counts of the normalised unlabeled corpus, written by build_embeddings.py)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from marsad.entities.analysis import norm  # noqa: E402
from marsad.entities.gazetteers import _bare  # noqa: E402

TOKEN = re.compile(r"[\w\u0600-\u06ff]+|[^\w\s]", re.UNICODE)
ORG_HEADS = {norm(w) for w in (
    "حركة منظمة وزارة اتحاد حزب جيش مجلس شرطة قوة قوات جبهة جماعة هيئة لجنة جامعة شركة بنك مصرف وكالة "
    "محكمة برلمان حكومة صندوق مؤسسة جمعية رابطة تنظيم كتائب كتيبة ائتلاف تحالف اتحاد نقابة مكتب مركز "
    "معهد مجموعة الحرس البنك المنظمة الامم جامعه الجيش الحزب المجلس").split()}


def phrase(text: str) -> str:
    return " ".join(norm(t) for t in TOKEN.findall(text))


def geonames(data: Path, common: set[str]):
    p = data / "GeoNames-cities15000" / "cities15000_arabic_names.tsv"
    with open(p, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                continue
            pop = int(cols[3] or 0)
            for name in cols[6].split("|"):
                ph = phrase(name)
                # tiny towns with one-word names collide with common words; keep those for large cities only
                if not ph or (" " not in ph and pop < 1000000 and (ph in common or _bare(ph) in common
                                                                  or len(_bare(ph)) < 3)):
                    continue
                if pop >= 100000 or " " in ph or len(ph) >= 5:
                    yield ph, "GPE", "geonames"


def cldr(data: Path):
    d = json.loads((data / "CLDR-Arabic" / "ar" / "territories.json").read_text(encoding="utf-8"))
    terr = d["main"]["ar"]["localeDisplayNames"]["territories"]
    for code, name in terr.items():
        if code.isdigit() or code in ("EU", "EZ", "UN", "QO", "ZZ"):
            cls = "LOC"
        else:
            cls = "GPE"
        ph = phrase(name)
        if ph:
            yield ph, cls, "cldr"


def petrarch(data: Path):
    p = data / "UniversalPetrarch-Arabic" / "dictionaries" / "actor_dict_ar_v4.txt"
    entries: list[tuple[str, list[str], bool]] = []
    for raw in p.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if raw.startswith("\t") or raw.startswith("    ") and raw.strip().startswith("["):
            if entries:
                entries[-1][1].append(raw.strip())
                entries[-1] = (entries[-1][0], entries[-1][1], True)
            continue
        m = re.match(r"\s*([^\s\[]+)\s*(\[[^\]]*\])?", raw)
        if not m:
            continue
        codes = [m.group(2)] if m.group(2) else []
        entries.append((m.group(1), codes, False))
    for name, codes, dated in entries:
        toks = [t for t in name.strip("_").split("_") if t]
        if not toks or any(not re.fullmatch(r"[\u0621-\u064a]+", t) for t in toks):
            continue
        ph = " ".join(norm(t) for t in toks)
        if norm(toks[0]) in ORG_HEADS or norm(toks[0]).removeprefix("ال") in ORG_HEADS:
            yield ph, "ORG", "petrarch"
        elif dated and len(toks) >= 2:
            yield ph, "PER", "petrarch"


def main() -> None:
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    # optional word-frequency list (word TAB count, most frequent first) from the unlabeled news corpus:
    # one-word city names among the 3,000 most frequent words are dropped unless the city is large
    common: set[str] = set()
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            for k, line in enumerate(f):
                if k >= 3000:
                    break
                common.add(line.split("\t")[0])
                common.add(_bare(line.split("\t")[0]))
    rows: dict[tuple[str, str], str] = {}
    for gen in (cldr(data), geonames(data, common), petrarch(data)):
        for ph, cls, src in gen:
            rows.setdefault((ph, cls), src)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as w:
        w.write("# phrase\tclass\tsource  (normalised; see PROVENANCE.md)\n")
        for (ph, cls), src in sorted(rows.items()):
            w.write(f"{ph}\t{cls}\t{src}\n")
    from collections import Counter
    print(len(rows), Counter(c for _, c in rows), Counter(rows.values()))


if __name__ == "__main__":
    main()
