"""Fixtures shared by the actor tests."""

from __future__ import annotations

import pytest

from eventwire.actors import ActorResolver


@pytest.fixture(scope="module")
def r() -> ActorResolver:
    """The shipped resolver, loaded once per test module (as each module used to load its own)."""
    return ActorResolver.load()
