"""Build ``marsad/resources/dates/*.json`` from Unicode CLDR 48.2 (Arabic locales).

Run once, commit the output::

    .venv/bin/python -m marsad.dates.build_data [/path/to/shared/data/CLDR-Arabic]

Reads ``<locale>/ca-gregorian.json`` and ``<locale>/dateFields.json`` for every Arabic locale and
``ar/ca-islamic*.json``; writes ``cldr_months.json``, ``cldr_weekdays.json``, ``cldr_hijri_months.json``,
``cldr_relative.json`` and rewrites the sha256 table in ``PROVENANCE.md``. Hand-added spelling variants live
apart, in ``variants.json``, which this script never touches. Not imported by the package at runtime.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "dates"
DEFAULT_SRC = Path(__file__).resolve().parents[3] / "shared" / "data" / "CLDR-Arabic"
ISLAMIC = ("islamic", "islamic-civil", "islamic-umalqura", "islamic-tbla", "islamic-rgsa")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # ISO order: Monday = index 0
FIELDS = ("day", "week", "month", "year", *DAYS)


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _twelve(d: dict) -> list[str]:
    return [d[str(i)] for i in range(1, 13)]


def build(src: Path) -> dict[str, dict]:
    locales = sorted(p.name for p in src.iterdir() if p.is_dir() and (p / "ca-gregorian.json").exists())
    if not locales:
        raise SystemExit(f"no CLDR locales under {src}")
    inputs: list[Path] = []
    months: dict[str, dict] = {}
    weekdays: dict[str, dict] = {}
    relative: dict[str, dict] = {}
    for loc in locales:
        path = src / loc / "ca-gregorian.json"
        inputs.append(path)
        cal = _load(path)["main"][loc]["dates"]["calendars"]["gregorian"]
        months[loc] = {f"{ctx}-{width}": _twelve(cal["months"][ctx][width])
                       for ctx in ("format", "stand-alone") for width in ("wide", "abbreviated")}
        weekdays[loc] = {f"{ctx}-{width}": [cal["days"][ctx][width][d] for d in DAYS]
                         for ctx in ("format", "stand-alone") for width in ("wide", "short")}
        path = src / loc / "dateFields.json"
        inputs.append(path)
        fields = _load(path)["main"][loc]["dates"]["fields"]
        relative[loc] = {
            f: {k.removeprefix("relative-type-"): v for k, v in fields[f].items() if k.startswith("relative-type-")}
            for f in FIELDS if f in fields}
    hijri: dict[str, list[str]] = {}
    for cal_name in ISLAMIC:
        path = src / "ar" / f"ca-{cal_name}.json"
        inputs.append(path)
        cal = _load(path)["main"]["ar"]["dates"]["calendars"][cal_name]
        hijri[cal_name] = _twelve(cal["months"]["format"]["wide"])
        for ctx in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                if _twelve(cal["months"][ctx][width]) != hijri[cal_name]:
                    hijri[f"{cal_name}/{ctx}-{width}"] = _twelve(cal["months"][ctx][width])
    meta = {"source": "Unicode CLDR 48.2 (cldr-dates-full, cldr-cal-islamic-full)",
            "license": "Unicode License v3", "built_by": "marsad/dates/build_data.py"}
    return {
        "cldr_months.json": {"_meta": meta, "locales": months},
        "cldr_weekdays.json": {"_meta": meta, "order": list(DAYS), "locales": weekdays},
        "cldr_hijri_months.json": {"_meta": meta, "calendars": hijri},
        "cldr_relative.json": {"_meta": meta, "locales": relative},
        "_inputs": {str(p.relative_to(src)): hashlib.sha256(p.read_bytes()).hexdigest() for p in inputs},
    }


PROVENANCE_HEAD = """# Provenance of `marsad/resources/dates/`

| file | source | license |
|---|---|---|
| `cldr_months.json` | Gregorian month names (wide/abbreviated, format/stand-alone), 28 Arabic locales | Unicode License v3 |
| `cldr_weekdays.json` | weekday names (wide/short, format/stand-alone), ISO order Monday first | Unicode License v3 |
| `cldr_hijri_months.json` | Hijri month names of the 5 islamic calendars of locale `ar` | Unicode License v3 |
| `cldr_relative.json` | `dateFields` relative words (أمس، اليوم، غدًا …) per locale | Unicode License v3 |
| `variants.json` | hand-added spelling variants, English month/weekday names, number words | Apache-2.0 (Marsad) |

- **Source:** Unicode CLDR 48.2, npm packages `cldr-dates-full@48.2.0` and `cldr-cal-islamic-full@48.2.0`
  (github.com/unicode-org/cldr-json), as stored in `shared/data/CLDR-Arabic`.
- **License:** Unicode License v3 — Copyright © 2004-2026 Unicode, Inc. Permission is granted to use, copy,
  modify and distribute the data provided this copyright and permission notice is retained
  (full text: https://www.unicode.org/license.txt and `shared/data/CLDR-Arabic/LICENSE`).
- **Built by:** `.venv/bin/python -m marsad.dates.build_data` (derived files only reshape the CLDR data;
  nothing is added to them). Variants are curated by hand in `variants.json` and never regenerated.

## sha256 of the input files
| file | sha256 |
|---|---|
"""


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    src = Path(argv[0]) if argv else Path(os.environ.get("MARSAD_CLDR", DEFAULT_SRC))
    out = build(src)
    inputs = out.pop("_inputs")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in out.items():
        (OUT / name).write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    lines = [f"| `{name}` | `{digest}` |" for name, digest in sorted(inputs.items())]
    license_path = src / "LICENSE"
    if license_path.exists():
        lines.append(f"| `LICENSE` | `{hashlib.sha256(license_path.read_bytes()).hexdigest()}` |")
    (OUT / "PROVENANCE.md").write_text(PROVENANCE_HEAD + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} files and PROVENANCE.md from {len(inputs)} inputs into {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
