"""Round 17 (issue 11): a state body named after another country's possessive or demonym is that country's,
and its sector comes from the head noun, not from the other country's body of the same words."""

from __future__ import annotations

import datetime as dt

import pytest

from eventwire.actors import ActorResolver

DAY = dt.date(2022, 6, 1)


@pytest.mark.parametrize(
    ("text", "country", "sector", "sector_2"),
    [
        ("Peru's Department of Defense", "PER", "GOV", "MIL"),  # not the Pentagon's MIL alone
        ("the Bolivian Department of Defense", "BOL", "GOV", "MIL"),
        ("Ecuador's State Department", "ECU", "GOV", None),
        ("the Department of Defense", "USA", "MIL", None),  # no other country named: the Pentagon
    ],
)
def test_another_countrys_body_is_read_by_its_head_noun(r: ActorResolver, text: str, country: str,
                                                        sector: str, sector_2: str | None) -> None:
    m = r.resolve(text, date=DAY)
    assert m is not None
    assert (m.country, m.sector, m.sector_2) == (country, sector, sector_2)
