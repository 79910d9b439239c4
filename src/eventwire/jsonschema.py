"""The JSON Schema of the public event record, generated from the record dataclasses."""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from . import records

_NULLABLE = {"type": ["string", "null"]}


def _for_type(tp: Any) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        inner = _for_type(non_none[0]) if len(non_none) == 1 else {}
        t = inner.get("type")
        if isinstance(t, str):
            return {**inner, "type": [t, "null"]}
        return {"anyOf": [inner, {"type": "null"}]}
    if tp is str:
        return {"type": "string"}
    if tp is int:
        return {"type": "integer"}
    if tp is float:
        return {"type": "number"}
    if tp is bool:
        return {"type": "boolean"}
    return {}


def _object(cls: type, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props = {f.name: _for_type(hints[f.name]) for f in dataclasses.fields(cls) if f.name not in drop}
    return {"type": "object", "properties": props, "required": list(props)}


def event_schema() -> dict[str, Any]:
    actor = _object(records.ActorRef)
    actor["properties"]["role"] = {"enum": ["actor", "recipient"]}
    place = _object(records.Place)
    place["properties"]["precision"] = {"enum": [*records.PLACE_PRECISIONS, None]}
    when = {
        "type": "object",
        "properties": {
            "start": {"type": ["string", "null"], "format": "date"},
            "end": {"type": ["string", "null"], "format": "date"},
            "precision": {"enum": [*records.DATE_PRECISIONS, None]},
            "text": _NULLABLE,
        },
        "required": ["start", "end", "precision", "text"],
    }
    size = _object(records.Size, drop=("vague", "quantities"))
    size["properties"]["vague"] = {"type": "array", "items": {"type": "string"}}
    size["properties"]["quantities"] = {"type": "object", "additionalProperties": {"type": "integer"}}
    size["required"] = [*size["required"], "vague", "quantities"]
    code2 = {"type": ["string", "null"]}
    props: dict[str, Any] = {
        "schema": {"const": records.SCHEMA_VERSION},
        "event_id": {"type": "string"},
        "article_id": {"type": "string"},
        "plover_type": {"enum": list(_plover_types())},
        "plover_mode": code2,
        "context": {"type": "array", "items": {"type": "string"}},
        "acled_event_type": code2,
        "acled_sub_event_type": code2,
        "cameo_root": {"type": ["string", "null"], "pattern": "^[0-2][0-9]$"},
        "actors": {"type": "array", "items": actor},
        "location": {"anyOf": [place, {"type": "null"}]},
        "date": {"anyOf": [when, {"type": "null"}]},
        "size": size,
        "claim_source": {"type": "array", "items": {"type": "string"}},
        "modality": {"enum": list(records.MODALITIES)},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "evidence": {
            "type": "object",
            "properties": {
                "sentence": {"type": "string"},
                "start": {"type": "integer", "minimum": 0},
                "end": {"type": "integer", "minimum": 0},
                "trigger": _NULLABLE,
            },
            "required": ["sentence", "start", "end"],
        },
        "incident_id": code2,
        "extractor_version": {"type": "string"},
        "source": code2,
        "published": {"type": ["string", "null"], "format": "date"},
        "explain": {"type": "object", "additionalProperties": {"type": "string"}},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://eventwire.dev/schema/event-1.json",
        "title": "eventwire event record",
        "type": "object",
        "properties": props,
        "required": list(props),
    }


def _plover_types() -> tuple[str, ...]:
    return (
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
        "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
    )  # fmt: skip
