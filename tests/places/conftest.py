"""One gazetteer per test session: built once into the user cache (about 30 s the first time)."""

from __future__ import annotations

import pytest

from eventwire.places import PlaceResolver


@pytest.fixture(scope="session")
def resolver() -> PlaceResolver:
    return PlaceResolver.load()
