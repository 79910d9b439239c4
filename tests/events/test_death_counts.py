"""Deaths as the text states them: a single named or indefinite victim is one death, "two dozen" is 24,
a fatal wounding verb ("fatally shot", "shot dead") counts, a non-fatal one does not."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.numbers import parse_number


def _dead(text: str) -> list[int | None]:
    return [(r.get("size") or {}).get("dead") for r in eventwire.extract(text, published="2021-03-04")
            if r["plover_type"] == "ASSAULT"]


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Police officers fatally shot a man carrying a metal pipe in Dallas on Wednesday.", 1),
        ("A man was shot dead in Belfast on Friday when he answered a knock at his door.", 1),
        ("Tamerlan Tsarnaev was killed in a gun battle with police in Boston.", 1),
        ("In April, more than two dozen pro-government fighters were killed in attacks near Homs.", 24),
    ],
)
def test_stated_deaths(text: str, dead: int) -> None:
    assert dead in _dead(text)


def test_a_shooting_without_death_has_no_death_count() -> None:
    found = _dead("Police shot a man in the leg in Dallas on Monday.")
    assert found and all(d is None for d in found)


def test_dozen_multiplies() -> None:
    assert parse_number("two dozen") == 24
    assert parse_number("a dozen") == 12
