"""Build ``marsad/resources/events/actors.tsv``: a small actor gazetteer for the events stage's evaluation.

Sources: CLDR 48.2 Arabic territory names (Unicode License v3), the UniversalPetrarch Arabic actor dictionary
(MIT; CAMEO codes, first three letters = country), and a hand-written list of nationality stems and agents.
Run from the repo root:

    .venv/bin/python tools/events/build_actors.py
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from marsad.events.evaluate import shared_data  # noqa: E402
from marsad.text import normalize_for_match  # noqa: E402

# ISO alpha-2 → alpha-3 for the countries Arabic news names most (hand-written).
A3 = dict(x.split(":") for x in """EG:EGY SA:SAU AE:ARE BH:BHR KW:KWT QA:QAT OM:OMN YE:YEM IQ:IRQ SY:SYR LB:LBN JO:JOR
PS:PSE IL:ISR TR:TUR IR:IRN AF:AFG PK:PAK IN:IND CN:CHN RU:RUS US:USA GB:GBR FR:FRA DE:DEU IT:ITA ES:ESP
TN:TUN DZ:DZA MA:MAR LY:LBY SD:SDN SS:SSD SO:SOM DJ:DJI MR:MRT KM:COM ER:ERI ET:ETH TD:TCD NG:NGA ML:MLI
NE:NER KE:KEN UG:UGA JP:JPN KR:KOR KP:PRK ID:IDN MY:MYS BD:BGD LK:LKA GR:GRC CY:CYP UA:UKR PL:POL NL:NLD
BE:BEL CH:CHE AT:AUT SE:SWE NO:NOR DK:DNK FI:FIN CA:CAN MX:MEX BR:BRA AR:ARG VE:VEN CU:CUB AU:AUS
AZ:AZE AM:ARM GE:GEO KZ:KAZ UZ:UZB TJ:TJK TM:TKM KG:KGZ SN:SEN ZA:ZAF ZW:ZWE RW:RWA CD:COD CM:CMR
PH:PHL TH:THA VN:VNM MM:MMR NP:NPL EH:ESH HU:HUN CZ:CZE RO:ROU BG:BGR RS:SRB BA:BIH AL:ALB XK:XKX
PT:PRT IE:IRL""".split())

# Nationality stems (the adjective without ي): «تونسي», «التونسيون», «تونسية» …
NATIONALITY = dict(x.split(":") for x in """مصر:EGY سعود:SAU امارات:ARE بحرين:BHR كويت:KWT قطر:QAT عمان:OMN
يمن:YEM عراق:IRQ سور:SYR لبنان:LBN اردن:JOR فلسطين:PSE اسراييل:ISR ترك:TUR ايران:IRN افغان:AFG افغانستان:AFG
باكستان:PAK هند:IND صين:CHN روس:RUS امريك:USA اميرك:USA بريطان:GBR فرنس:FRA الман:DEU ايطال:ITA اسبان:ESP
تونس:TUN جزاير:DZA مغرب:MAR ليب:LBY سودان:SDN صومال:SOM موريتان:MRT اثيوب:ETH تشاد:TCD نيجير:NGA
يابان:JPN كور:KOR اندونيس:IDN يونان:GRC قبرص:CYP اوكران:UKR كند:CAN برازيل:BRA كوب:CUB استرال:AUS""".replace("الман", "الماني").split())
NAT_SUFFIXES = ("ي", "يه", "يين", "يون", "يان", "يتين", "ييه")

# Agents without a country (hand-written): type and CAMEO agent code.
AGENTS = """الشرطه:ORG:COP قوات_الامن:ORG:COP الامن:ORG:COP الجيش:ORG:MIL القوات:ORG:MIL جنود:ORG:MIL الجنود:ORG:MIL
مسلحون:ORG:UAF مسلحين:ORG:UAF المسلحون:ORG:UAF المسلحين:ORG:UAF مسلح:ORG:UAF انتحاري:ORG:UAF متمردون:ORG:REB
المتمردين:ORG:REB المتمردون:ORG:REB الحكومه:ORG:GOV المعارضه:ORG:OPP الطلاب:NORP:EDU طلاب:NORP:EDU الطلبه:NORP:EDU
العمال:NORP:LAB عمال:NORP:LAB المواطنين:NORP:CVL المواطنون:NORP:CVL الاهالي:NORP:CVL السكان:NORP:CVL
مدنيين:NORP:CVL المدنيين:NORP:CVL الشرطي:ORG:COP شرطي:ORG:COP المعتقلين:NORP:CVL السجناء:NORP:CVL""".split()

_CODE = re.compile(r"\[([A-Z]{3})([A-Z]*)")


def main() -> None:
    data = shared_data()
    rows: dict[str, tuple[str, str, str]] = {}

    def add(name: str, typ: str, country: str, code: str) -> None:
        n = normalize_for_match(name.replace("_", " ")).strip()
        n = " ".join(n.split())
        if len(n) >= 2 and n not in rows:
            rows[n] = (typ, country, code)

    terr = json.loads((data / "CLDR-Arabic" / "ar" / "territories.json").read_text(encoding="utf-8"))
    terr = terr["main"]["ar"]["localeDisplayNames"]["territories"]
    for key, name in terr.items():
        a3 = A3.get(key.split("-")[0])
        if a3:
            add(name, "GPE", a3, a3)
    for stem, a3 in NATIONALITY.items():
        for suf in NAT_SUFFIXES:
            add(stem + suf, "NORP", a3, a3)
    for item in AGENTS:
        name, typ, code = item.split(":")
        add(name, typ, "", code)
    # UniversalPetrarch actors: take names whose first code is a known country; multi-word → ORG, else PER/GPE
    countries = set(A3.values())
    text = (data / "UniversalPetrarch-Arabic" / "dictionaries" / "actor_dict_ar_v4.txt").read_text(encoding="utf-8")
    name = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace() or line.startswith(" ") and "[" in line and not line.strip().startswith("["):
            head = line.strip().split("[")[0].strip()
            name = head or None
        m = _CODE.search(line)
        if name and m:
            country, agent = m.group(1), m.group(2)
            if country in countries:
                typ = "GPE" if not agent and "_" not in name.strip("_") else "ORG" if agent in ("GOV", "MIL", "COP", "REB", "", "PTY") and len(name.strip("_").split("_")) > 2 else "PER"
                add(name, typ, country, country + agent)
            name = None
    out = ROOT / "marsad" / "resources" / "events" / "actors.tsv"
    with out.open("w", encoding="utf-8") as f:
        f.write("# name\ttype\tcountry\tcode  (normalised; built by tools/events/build_actors.py from CLDR 48.2"
                " territories, UniversalPetrarch actor_dict_ar_v4 (MIT) and hand-written nationality/agent lists)\n")
        for n in sorted(rows):
            f.write(f"{n}\t{rows[n][0]}\t{rows[n][1]}\t{rows[n][2]}\n")
    print(f"{len(rows)} actors → {out}")


if __name__ == "__main__":
    main()
