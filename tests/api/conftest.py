"""Fixtures the API tests share."""

from __future__ import annotations

import pytest

from eventwire.store import Store
from store_samples import sample_results


@pytest.fixture
def filled_url(store_url: str) -> str:
    """A store (SQLite, and PostgreSQL where the test is parametrised so) holding the sample results."""
    with Store.open(store_url) as s:
        for r in sample_results():
            s.add_result(r)
    return store_url
