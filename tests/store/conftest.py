import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from records_fixture import sample_pages  # noqa: E402

from marsad.store import Store  # noqa: E402


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "marsad.db"
    with Store(path) as s:
        s.add_pages(sample_pages())
    return path
