import io

from marsad.events import find_events
from marsad.events.export import COLUMNS, events_tsv
from marsad.records import Page, Source, page_from_dict

from tests.events.helpers import article


def test_events_export_tsv_rows_and_header():
    body = "هاجمت القوات الروسية مدينة خاركيف صباح اليوم."
    art = article(body, [("e1", "ORG", "القوات الروسية", "RUS"), ("e2", "GPE", "خاركيف", "UKR")])
    art = art.replace(events=find_events(art, use_filter=False))
    page = Page(source=Source(uri="pages/x.txt", kind="text", sha256="0" * 64, encoding="utf-8", bytes=10),
                articles=(art.replace(outlet="وكالة"),))
    page = page_from_dict(page.to_dict())  # the export reads pages as stored
    out = io.StringIO()
    n = events_tsv([page], out)
    lines = out.getvalue().splitlines()
    assert lines[0].split("\t") == list(COLUMNS)
    assert n == len(lines) - 1 >= 1
    row = dict(zip(COLUMNS, lines[1].split("\t")))
    assert row["event_type"] == "ASSAULT" and row["cameo_root"] in ("18", "19")
    assert row["source_country"] == "RUS" and row["target_country"] == "UKR"
    assert row["negated"] == "0" and row["modality"] == "asserted"
    assert row["url"] == "pages/x.txt" and row["outlet"] == "وكالة" and row["date"] == "2024-03-10"
