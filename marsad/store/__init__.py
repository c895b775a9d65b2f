"""Marsad's store: pages in SQLite (full JSON plus normalised tables), Arabic-aware full-text search.

- :class:`Store` writes (one writer, WAL); :func:`connect_reader` opens read-only for queries.
- :func:`ingest` analyses inputs and stores them resumably; :func:`search` ranks articles with bm25.
"""

from marsad.store.filters import Filters
from marsad.store.ingest import IngestReport, ingest
from marsad.store.schema import SCHEMA_VERSION, connect_reader, connect_writer
from marsad.store.search import search
from marsad.store.writer import RejectedPageError, Store

__all__ = ["Filters", "IngestReport", "RejectedPageError", "SCHEMA_VERSION", "Store", "connect_reader",
           "connect_writer", "ingest", "search"]
