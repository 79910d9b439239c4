"""The JSON Schema generated from the code holds for real output and covers SCHEMA.md."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest

import eventwire
from eventwire.jsonschema import event_schema


@pytest.fixture(scope="module")
def seed_records(seed_text: Path) -> list[dict]:
    return eventwire.extract(seed_text.read_text(encoding="utf-8"), published="2020-02-10", source="Zero Hedge")


def test_real_output_validates(seed_records):
    schema = event_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert seed_records
    for rec in seed_records:
        jsonschema.validate(rec, schema)


def test_schema_covers_every_field_of_the_public_contract(shared: Path, seed_records):
    text = (shared / "SCHEMA.md").read_text(encoding="utf-8")
    block = text.split("```json", 1)[1].split("```", 1)[0]
    top = set(re.findall(r'^\s{2}"(\w+)":', block, re.M))
    assert {"schema", "event_id", "plover_type", "evidence", "incident_id"} <= top
    props = event_schema()["properties"]
    assert top <= set(props), top - set(props)
    for rec in seed_records:
        assert top <= set(rec)
    nested = {
        "actors": {"role", "text", "name", "country", "sector", "wikidata"},
        "location": {"text", "name", "country", "admin1", "geonameid", "lat", "lon", "precision"},
        "date": {"start", "end", "precision", "text"},
        "size": {"dead", "injured", "arrested"},
        "evidence": {"sentence", "start", "end"},
    }
    for rec in seed_records:
        for key, fields in nested.items():
            value = rec[key]
            for item in value if isinstance(value, list) else [value] if value else []:
                assert fields <= set(item), (key, fields - set(item))


def test_ids_are_stable_and_change_with_the_text(seed_text: Path, seed_records):
    text = seed_text.read_text(encoding="utf-8")
    again = eventwire.extract(text, published="2020-02-10", source="Zero Hedge")
    assert [r["event_id"] for r in again] == [r["event_id"] for r in seed_records]
    other = eventwire.extract(text + "\nSyrian troops killed two Turkish soldiers in Idlib on Monday.",
                              published="2020-02-10")
    assert other[0]["article_id"] != seed_records[0]["article_id"]


def test_evidence_offsets_point_into_the_text(seed_text: Path, seed_records):
    text = seed_text.read_text(encoding="utf-8")
    for rec in seed_records:
        ev = rec["evidence"]
        assert 0 <= ev["start"] < ev["end"] <= len(text)
        assert text[ev["start"]: ev["end"]] in ev["sentence"]
