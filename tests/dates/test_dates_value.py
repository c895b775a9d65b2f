"""parse_date_value: metadata date strings (ANT, SaudiNewsNet, RSS) to ISO."""

from __future__ import annotations

import pytest

from marsad.dates import parse_date_value


@pytest.mark.parametrize("raw,value", [
    ("13/07/2016", "2016-07-13"),
    ("2017-01-20T21:43:00+01:00", "2017-01-20T21:43:00+01:00"),
    ("2016-12-15T10:46:00+01:00", "2016-12-15T10:46:00+01:00"),
    ("2017-01-22T185600", "2017-01-22"),
    ("2015-07-21 02:51:32", "2015-07-21"),
    ("2024-11-19", "2024-11-19"),
    ("2024-11-19T10:32:00Z", "2024-11-19T10:32:00+00:00"),
    ("2024-11-19T10:32:00.123+0300", "2024-11-19T10:32:00+03:00"),
    ("Tue, 19 Nov 2024 10:32:00 GMT", "2024-11-19T10:32:00+00:00"),
    ("Tue, 19 Nov 2024 10:32:00 +0300", "2024-11-19T10:32:00+03:00"),
    ("Tue, 19 Nov 2024", "2024-11-19"),
    ("19 نوفمبر 2024", "2024-11-19"),
    ("٢٠٢٤/١١/١٩", "2024-11-19"),
    ("  2024-11-19  ", "2024-11-19"),
])
def test_dates_value_normalises(raw, value):
    assert parse_date_value(raw) == value


@pytest.mark.parametrize("raw", [None, "", "  ", "غير معروف", "2024-13-45", "31/02/2024", "12345"])
def test_dates_value_none_when_unreadable(raw):
    assert parse_date_value(raw) is None
