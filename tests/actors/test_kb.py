"""The curated knowledge base: every row of every data file validates against the documented schema."""

from __future__ import annotations

import datetime as dt

import jsonschema
import pytest

from eventwire.actors import kb

SECTORS = set(kb.schema()["$defs"]["sector"]["enum"])


@pytest.mark.parametrize("name", sorted(kb.FILES))
def test_every_row_validates(name: str) -> None:
    validator = jsonschema.Draft202012Validator(
        {"$ref": f"#/$defs/{name}", "$defs": kb.schema()["$defs"]}
    )
    rows = list(kb.parsed_rows(name))
    assert rows, f"{name} is empty"
    problems = [f"{name}:{lineno}: {err.message}" for lineno, row in rows for err in validator.iter_errors(row)]
    assert not problems, "\n".join(problems[:20])


def test_offices_are_ordered_periods() -> None:
    for lineno, row in kb.parsed_rows("people.tsv"):
        for office in row["offices"]:
            start = kb.parse_date(office["start"])
            if office.get("end"):
                assert kb.parse_date(office["end"], end=True) >= start, f"people.tsv:{lineno}"
            assert start <= dt.date.today(), f"people.tsv:{lineno} starts in the future"


def test_country_codes_exist() -> None:
    import pycountry

    valid = {c.alpha_3 for c in pycountry.countries} | {"XKX", "IGO", "UNO", "EUR"}
    for name in ("countries.tsv", "capitals.tsv", "regions.tsv", "people.tsv", "organisations.tsv",
                 "news_sources.tsv"):
        for lineno, row in kb.parsed_rows(name):
            codes = [row.get("code"), row.get("country")]
            codes += [o.get("country") for o in row.get("offices", [])]
            for code in codes:
                assert code is None or code in valid, f"{name}:{lineno}: unknown country code {code}"


def test_no_role_alias_is_listed_twice_with_different_sectors() -> None:
    seen: dict[str, tuple[str | None, str | None]] = {}
    for lineno, row in kb.parsed_rows("roles.tsv"):
        for alias in row["aliases"]:
            k = kb.key(alias) if hasattr(kb, "key") else alias.lower()
            value = (row.get("sector"), row.get("sector_2"))
            assert seen.get(k, value) == value, f"roles.tsv:{lineno}: {alias!r} already has {seen[k]}"
            seen[k] = value


def test_every_country_is_known_with_its_names() -> None:
    base = kb.load()
    for name, code in (("Turkey", "TUR"), ("Türkiye", "TUR"), ("Syria", "SYR"), ("Burkina Faso", "BFA"),
                       ("Mongolia", "MNG"), ("Kosovo", "XKX")):
        codes = {e.country for e in base.lookup(kb.key(name))}
        assert code in codes, name


def test_wrong_header_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.errors import ResourceError

    monkeypatch.setattr(kb, "_open_text", lambda name: "bad\theader\nTUR\tx\n")
    with pytest.raises(ResourceError):
        list(kb.read_rows("capitals.tsv"))
