"""Ingest: raw bytes (files, WARC, feeds, JSONL/JSON/CSV, zip, gzip) in, ``Document``s out.

Nothing is imported eagerly beyond the small modules below; trafilatura, warcio and feedparser load on
first use.
"""

from marsad.ingest.containers import read_bytes
from marsad.ingest.decode import decode_bytes
from marsad.ingest.document import Document
from marsad.ingest.html import HtmlExtract, RelatedBlock, extract_html
from marsad.ingest.paths import read_path
from marsad.ingest.sniff import sniff_kind

__all__ = [
    "Document",
    "HtmlExtract",
    "RelatedBlock",
    "decode_bytes",
    "extract_html",
    "read_bytes",
    "read_path",
    "sniff_kind",
]
