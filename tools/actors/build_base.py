"""Build the shipped actor base (``marsad/resources/actors/``) from shared data and hand lists.

Run from the repo root: ``.venv/bin/python tools/actors/build_base.py [--shared ../shared/data]``.
Writes ``countries.json``, ``places.tsv`` and ``petrarch.tsv`` and refreshes ``CATALOGUE.json`` (sha256 of
every data file). ``people.tsv`` and ``orgs.tsv`` are hand-written and only checksummed here.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.text import normalize_for_match  # noqa: E402

OUT = ROOT / "marsad" / "resources" / "actors"
HAND = Path(__file__).resolve().parent / "hand"

ARABIC_ONLY = re.compile(r"^[\u0621-\u064a\u0671\u064b-\u0652 \-]+$")


def shared_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    if os.environ.get("MARSAD_SHARED_DATA"):
        return Path(os.environ["MARSAD_SHARED_DATA"])
    return ROOT.parent / "shared" / "data"


def nisba_forms(stem: str) -> list[str]:
    """All inflected forms of a masculine nisba («إيراني»): fem, plurals, accusative; multiword inflects each."""
    words = stem.split()
    suffixes = ["", "ة", "ون", "ين", "ات", "ا", "ان", "تان", "تين"]
    out = []
    for suf in suffixes:
        if len(words) == 1:
            out.append(stem + suf)
        else:
            out.append(" ".join(w + suf for w in words))
    return out


NO_NISBA = {"MLI", "MCO"}  # «مالي» is also «financial»


def derived_nisba(names: list[str]) -> list[str]:
    """Nisba of a one-word country name the hand list does not cover: «نيبال» → «نيبالي», «كينيا» → «كيني»."""
    out = []
    for n in names:
        if " " in n:
            continue
        stem = n[2:] if n.startswith("ال") else n
        if len(stem) < 3 or stem[-1] in "ةىيوه":
            continue
        if stem[-1] == "ا":
            stem = stem[:-1]
            if stem[-1] == "ي" and len(stem) > 3:
                stem = stem[:-1]
        out.append(stem + "ي")
    return list(dict.fromkeys(out))[:2]


def build_countries(shared: Path) -> list[dict]:
    geo = json.loads((shared / "GeoNames-cities15000" / "countries.json").read_text(encoding="utf-8"))
    cldr = json.loads((shared / "CLDR-Arabic" / "ar" / "territories.json").read_text(encoding="utf-8"))
    terr = cldr["main"]["ar"]["localeDisplayNames"]["territories"]
    try:
        from babel import Locale
        babel_terr = Locale("ar").territories
    except Exception:  # babel is optional at build time
        babel_terr = {}
    hand = {}
    for line in (HAND / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        f += [""] * (6 - len(f))
        hand[f[0]] = {"names": [x for x in f[1].split("|") if x], "nisba": [x for x in f[2].split("|") if x],
                      "plural": [x for x in f[3].split("|") if x], "seats": [x for x in f[4].split("|") if x],
                      "latin": f[5]}
    # capitals from GeoNames for the countries the hand list does not cover
    cities = {}
    for line in (shared / "GeoNames-cities15000" / "cities15000_arabic_names.tsv").read_text(
            encoding="utf-8").splitlines()[1:]:
        gid, name, cc, pop, _lat, _lon, ar = line.split("\t")
        cities.setdefault((name, cc), ar.split("|"))
    out = []
    for iso2, c in sorted(geo.items()):
        iso3 = c["iso3"]
        names = []
        for key in (iso2, f"{iso2}-alt-short", f"{iso2}-alt-variant"):
            if key in terr:
                names.append(terr[key])
            if key in babel_terr:
                names.append(babel_terr[key])
        h = hand.get(iso3, {})
        names += h.get("names", [])
        names = [n for n in dict.fromkeys(names) if ARABIC_ONLY.match(n)]
        if not names:
            continue
        nisba = []
        for stem in h.get("nisba", []):
            nisba += nisba_forms(stem)
        if not h.get("nisba") and iso3 not in NO_NISBA:
            nisba += [f for stem in derived_nisba(names) for f in nisba_forms(stem)]
        nisba += h.get("plural", [])
        seats = list(h.get("seats", []))
        if not seats and c.get("capital"):
            seats = [n for n in cities.get((c["capital"], iso2), [])[:2] if ARABIC_ONLY.match(n)]
        out.append({"iso3": iso3, "iso2": iso2, "latin": h.get("latin") or c["name"], "names": names,
                    "nisba": list(dict.fromkeys(nisba)), "seats": list(dict.fromkeys(seats)),
                    "population": c.get("population", 0)})
    return out


def build_places(shared: Path, iso3_of: dict[str, str]) -> list[str]:
    rows = ["# geonameid\tname\tcountry\tpopulation\tarabic names (|)"]
    for line in (shared / "GeoNames-cities15000" / "cities15000_arabic_names.tsv").read_text(
            encoding="utf-8").splitlines()[1:]:
        gid, name, cc, pop, _lat, _lon, ar = line.split("\t")
        names = [n.strip() for n in ar.split("|") if len(normalize_for_match(n).replace(" ", "")) >= 3]
        if not names or cc not in iso3_of:
            continue
        rows.append("\t".join([gid, name, iso3_of[cc], pop, "|".join(dict.fromkeys(names))]))
    return rows


ORG_WORDS = set(normalize_for_match(w) for w in """ديوان حزب حركة منظمة جبهة كتائب كتيبة جماعة تنظيم شركة بنك مصرف
جامعة وكالة صحيفة جريدة مجلس هيئة اتحاد جمعية لجنة مؤسسة ائتلاف تيار قوات جيش شرطة وزارة برلمان محكمة
لواء فيلق مجموعة منتدى مركز معهد رابطة نقابة قناة إذاعة""".split())
GEO_WORDS = set(normalize_for_match(w) for w in """قطاع ضفة الضفة منطقة مدينة محافظة ولاية جزيرة مخيم جبل نهر بحر
خليج مضيق حي شارع ميدان ساحة مطار ميناء معبر سجن مستشفى مسجد كنيسة قرية بلدة إقليم اقليم وادي سهل هضبة مرتفعات
حدود شمال جنوب شرق غرب وسط""".split())
ROLE_WORDS = set(normalize_for_match(w) for w in """رئيس وزير نائب سفير أمين مدير قائد زعيم ملك أمير شيخ
متحدث ناطق مسؤول مبعوث عضو رئيسة وزيرة مندوب محافظ حاكم عاصمة سلطان عاهل ولي جنرال عقيد لواء ضابط جندي
مسلح متظاهر معارض دولة حكومة قوة قوة شعب مواطن""".split())


def _key(word: str) -> str:
    w = normalize_for_match(word)
    w = w[2:] if w.startswith("ال") and len(w) >= 4 else w
    for suf in ("يون", "يين", "يه", "ه"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + ("ي" if suf.startswith("ي") else "")
    return w


FORMAT_CHARS = re.compile("[\u200c-\u200f\u0640\u0670\u064b-\u0652]")  # marks, tatweel, superscript alef


def _iso_day(d: str) -> str:
    return f"{d[:4]}-{d[4:6]}-{d[6:8]}" if len(d) == 8 and d.isdigit() and d != "18000101" else ""


def _dated(codes: list[str]) -> list[tuple[str, str, str]]:
    """The dictionary's dated codes as (code, from, to) ISO days in time order: ``IRQGOV 20060520-20150811``,
    ``IGO >20080219`` (from), ``DZAPTYELI <20150610`` (until); ``18000101`` is an open end."""
    out = []
    for c in codes:
        parts = c.split(None, 1)
        if len(parts) < 2 or len(parts[0]) < 3:
            continue
        rng = parts[1].replace(" ", "")
        if rng.startswith(">"):
            start, end = _iso_day(rng[1:]), ""
        elif rng.startswith("<"):
            start, end = "", _iso_day(rng[1:])
        elif "-" in rng:
            a, _, b = rng.partition("-")
            start, end = _iso_day(a), _iso_day(b)
        else:
            continue
        if start or end:
            out.append((parts[0], start, end))
    return sorted(out, key=lambda x: (x[1] or "0000", x[2] or "9999"))


def _latest_code(codes: list[str]) -> str | None:
    best, best_end = None, -1
    for c in codes:
        parts = c.split()
        if not parts:
            continue
        end = 99999999
        if len(parts) > 1:
            rng = "".join(parts[1:])
            if "-" in rng:
                e = rng.split("-")[1]
                end = int(e) if e.isdigit() and e != "18000101" else 99999999
        if end >= best_end:
            best, best_end = parts[0], end
    return best


def _skipped() -> set[str]:
    """Normalised single words of the dictionary left out (``hand/petrarch_skip.tsv``: junk or wrong country)."""
    out = set()
    for line in (HAND / "petrarch_skip.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(normalize_for_match(line.split("\t")[0].strip()))
    return out


def build_petrarch(shared: Path, iso3s: set[str], country_words: set[str] = frozenset()) -> list[str]:
    path = shared / "UniversalPetrarch-Arabic" / "dictionaries" / "actor_dict_ar_v4.txt"
    entries, cur = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.strip().startswith("#"):
            continue
        if line[:1] in "\t" or line.startswith("  ["):
            if cur is not None:
                cur[1].extend(re.findall(r"\[([^\]]*)\]", line))
            continue
        m = re.match(r"\s*([^\[#]+?)\s*((?:\[[^\]]*\]\s*)*)(#.*)?$", line)
        if not m:
            continue
        cur = (m.group(1).strip(), re.findall(r"\[([^\]]*)\]", m.group(2) or ""))
        entries.append(cur)
    rows = ["# arabic (lemmatised, as in the dictionary)\ttype\tcountry\tCAMEO code (latest)\toffices (code "
            "from..to;…, ISO dates, empty end = open; the dictionary's dated codes)"]
    seen = set(_skipped())
    for raw, codes in entries:
        code = _latest_code(codes)
        if not code:
            continue
        raw = FORMAT_CHARS.sub("", raw)
        words = [w for w in raw.replace("_", " ").split() if w and w != "ال"]
        if not words:
            continue
        name = " ".join(words)
        if not ARABIC_ONLY.match(name):
            continue
        country = code[:3] if code[:3] in iso3s else ""
        if not country and not code.startswith(("IGO", "IMG", "NGO")):
            continue
        norm = [normalize_for_match(w) for w in words]
        if len(words) == 1:
            if code != country:  # single words with agent codes are roles, not actors
                continue
            typ = "NORP" if norm[0].endswith("ي") else "GPE"
        elif any(w in ORG_WORDS for w in norm):
            typ = "ORG"
        elif any(w in GEO_WORDS for w in norm):
            typ = "LOC"
        elif any(w in ROLE_WORDS for w in norm) or any(_key(w) in country_words for w in norm):
            continue  # an agent phrase («وزير خارجية روسي»), not a person
        else:
            typ = "PER"
        key = " ".join(norm)
        if key in seen:
            continue
        seen.add(key)
        offices = _dated(codes)
        if typ == "PER" and not country:  # «جي فيرهوفستاد», IGO now: the country of his last national office
            country = next((c[:3] for c, _, _ in reversed(offices) if c[:3] in iso3s), "")
        rows.append("\t".join([name, typ, country, code, ";".join(f"{c} {a}..{b}" for c, a, b in offices)]))
    return rows


def write_catalogue() -> None:
    files = {}
    for p in sorted(OUT.iterdir()):
        if p.suffix in (".json", ".tsv") and p.name != "CATALOGUE.json":
            files[p.name] = {"sha256": hashlib.sha256(p.read_bytes()).hexdigest(), "bytes": p.stat().st_size}
    (OUT / "CATALOGUE.json").write_text(json.dumps(files, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", help="shared data directory (default ../shared/data or $MARSAD_SHARED_DATA)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    countries = build_countries(shared)
    (OUT / "countries.json").write_text(json.dumps(countries, ensure_ascii=False, indent=0) + "\n",
                                        encoding="utf-8")
    iso3_of = {c["iso2"]: c["iso3"] for c in countries}
    places = build_places(shared, iso3_of)
    (OUT / "places.tsv").write_text("\n".join(places) + "\n", encoding="utf-8")
    # nationality words and one-word country names mark agent phrases («جندي أمريكي»); words of longer
    # country names are also given names («جزر سليمان», «جبل طارق»), and «هاشمي» a family name
    words = {_key(w) for c in countries for n in c["nisba"] + [n for n in c["names"] if " " not in n]
             for w in n.split()} - {_key("هاشمي")}
    pet = build_petrarch(shared, set(iso3_of.values()), words)
    (OUT / "petrarch.tsv").write_text("\n".join(pet) + "\n", encoding="utf-8")
    write_catalogue()
    print(f"countries {len(countries)}, places {len(places) - 1}, petrarch {len(pet) - 1}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
