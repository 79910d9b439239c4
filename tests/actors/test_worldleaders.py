"""Cabinet members compiled from the CIA's World Leaders directory (scripts/build_worldleaders.py, public
domain): ministers of governments no other source here lists, dated to the day of the one scrape."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from eventwire.actors import ActorResolver, kb

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
import build_worldleaders  # noqa: E402


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Heiko MAAS", ["Heiko Maas"]),
        # words after the capitalised surname (a second family name) may be left out
        ("Jose Luis ABALOS Meco", ["Jose Luis Abalos Meco", "Jose Luis Abalos"]),
        # the Arabic article is often left out in English reports
        ("Ayman al-SAFADI", ["Ayman al-Safadi", "Ayman Safadi"]),
        ('Abas Abdullahi Sheikh "Siraji"', ["Abas Abdullahi Sheikh"]),
        ("Dr. Jane DOE", ["Jane Doe"]),
        ("MAAS", []),
    ],
)
def test_directory_names_are_written_as_reporters_write_them(raw: str, expected: list[str]) -> None:
    assert build_worldleaders.names(raw) == expected


def test_a_minister_only_the_directory_lists_is_found_with_the_post_held_then(r: ActorResolver) -> None:
    # Germany's transport minister in 2019: Wikidata's cabinet repositories hold no German cabinet
    m = r.resolve("Andreas Scheuer", date=dt.date(2019, 6, 10))
    assert m is not None and (m.country, m.sector) == ("DEU", "GOV"), m
    # after the scrape the directory cannot say he still holds it: a known German, a former official
    later = r.resolve("Andreas Scheuer", date=dt.date(2022, 10, 15))
    assert later is not None and (later.country, later.sector) == ("DEU", "ELI"), later


def test_without_the_directory_the_minister_is_unknown() -> None:
    bare = ActorResolver(kb.build(hide=lambda k, e: e.source == kb.WORLDLEADERS))
    assert bare.resolve("Andreas Scheuer", date=dt.date(2019, 6, 10)) is None


def test_the_directory_spelling_finds_a_person_another_source_names_in_full(r: ActorResolver) -> None:
    # Wikidata names him "José Luis Ábalos Meco"; the directory's shorter form finds the same entry
    m = r.resolve("Jose Luis Abalos", date=dt.date(2019, 6, 10))
    assert m is not None and (m.country, m.sector) == ("ESP", "GOV") and m.wikidata, m


def test_every_post_is_dated_to_the_scrape() -> None:
    rows = list(kb.parsed_rows(kb.WORLDLEADERS))
    assert len(rows) > 5000
    assert all(o["start"] == o["end"] == "2019-06" for _, row in rows for o in row["offices"])
