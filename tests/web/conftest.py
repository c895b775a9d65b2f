import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))

from records_fixture import sample_pages  # noqa: E402

from marsad.store import Store  # noqa: E402


TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("web") / "marsad.db"
    with Store(path) as s:
        s.add_pages(sample_pages())
    return path


@pytest.fixture(scope="session")
def client(web_db):
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    with TestClient(create_app(web_db)) as c:
        yield c


@pytest.fixture
def writable_client(tmp_path):
    from fastapi.testclient import TestClient

    from marsad.web import create_app

    path = tmp_path / "w.db"
    with Store(path) as s:
        s.add_pages(sample_pages()[:2])
    with TestClient(create_app(path, token=TOKEN, max_body=200_000)) as c:
        yield c


def pytest_configure(config):
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
