"""Shared fixtures: the ../shared folder (read, never copied) and one pipeline per test process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from eventwire.evaluate.gold import shared_dir

pytest_plugins = ["pg_fixture"]

SHARED = shared_dir()
SEED_TEXT = SHARED / "corpus" / "seed" / "zerohedge-idlib-2020-02-10.txt" if SHARED else None
SEED_GOLD = SHARED / "gold" / "seed" / "zerohedge-idlib-2020-02-10.gold.json" if SHARED else None


def _require_shared() -> Path:
    if SHARED is None:
        if os.environ.get("CI"):
            pytest.fail("../shared is missing: CI must have it beside the checkout")
        pytest.skip("../shared not found (set EVENTWIRE_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def shared() -> Path:
    return _require_shared()


@pytest.fixture(scope="session")
def seed_text(shared: Path) -> Path:
    assert SEED_TEXT is not None
    return SEED_TEXT


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> Path:
    assert SEED_GOLD is not None
    return SEED_GOLD


@pytest.fixture(scope="session")
def pipeline():
    from eventwire import Pipeline

    return Pipeline()
