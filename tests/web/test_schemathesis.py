"""Property-based API tests from the OpenAPI spec, in-process over ASGI: whatever the parameters, no 5xx."""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis not installed (pip install schemathesis)")
from hypothesis import HealthCheck, settings  # noqa: E402

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from records_fixture import sample_pages  # noqa: E402

from marsad.store import Store  # noqa: E402
from marsad.web import create_app  # noqa: E402


def _app():
    # Built at import: schemathesis parametrizes at collection time, before fixtures exist.
    tmp = tempfile.mkdtemp(prefix="marsad-schemathesis-")
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)
    path = Path(tmp) / "marsad.db"
    with Store(path) as s:
        s.add_pages(sample_pages())
    return create_app(path, token="schemathesis-token", max_body=100_000)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_web_api_never_answers_5xx(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query} -> " \
                                       f"{response.status_code}: {response.text[:300]}"
    if case.path.startswith("/api/") and response.status_code >= 400:
        assert "detail" in response.json()  # a JSON reason, not an HTML error page
