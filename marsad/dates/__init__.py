"""Dates: absolute dates, datelines, metadata date strings and time expressions in article bodies.

Vocabulary comes from Unicode CLDR (all 28 Arabic locales) plus hand-added variants in
``marsad/resources/dates``; nothing is read until first use.
"""

from marsad.dates.expressions import time_expressions
from marsad.dates.parse import DateMatch, Dateline, find_dates, parse_date_value, parse_dateline

__all__ = ["DateMatch", "Dateline", "find_dates", "parse_date_value", "parse_dateline", "time_expressions"]
