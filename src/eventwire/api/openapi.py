"""The OpenAPI document, completed from the routes so that it is the truth about every answer.

FastAPI documents the success model and its own 422 shape. The API also answers: 422 whose
``detail`` is one line ("[E402] ...") for eventwire's own errors; 401/404/413/415/400/503; 200
"unchanged" beside 201 from the POST; CSV and GeoJSON bodies. Rules by route (not a list of paths)
so that an endpoint added later is documented the same way; tests/api/test_openapi_contract.py runs
schemathesis over every operation of the document against the live app.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from .models import ErrorOut

ERROR_REF = {"$ref": "#/components/schemas/ErrorOut"}
CSV = {"text/csv": {"schema": {"type": "string", "description": "one row per event, a header row first"}}}
GEOJSON = {
    "application/geo+json": {
        "schema": {
            "type": "object",
            "description": "a FeatureCollection of the located events, the record in `properties`",
            "properties": {"type": {"type": "string", "enum": ["FeatureCollection"]},
                           "features": {"type": "array", "items": {"type": "object"}}},
            "required": ["type", "features"],
        }
    }
}
WHY = {
    400: "the request body cannot be parsed (a broken multipart upload)",
    401: "missing or wrong API token (nothing was read or written)",
    404: "no such item",
    413: "the request body or the article is over the size limit (E105)",
    415: "a content type other than application/json or multipart/form-data",
    422: "an invalid parameter or input: `detail` is '[CODE] message' for eventwire's errors, or "
         "FastAPI's list of invalid fields when a parameter does not match its type",
    500: "an unexpected error coding this article (E500); nothing of it was stored",
    503: "ingest is busy (E220) or the article ran over the time budget (E221); see Retry-After",
}


def _errors(path: str, method: str, write_paths: set[str]) -> list[int]:
    codes = [422]
    if "{" in path:  # a path parameter names an item that may not exist
        codes.append(404)
    # reads answer 401 when the server has a read token; writes whenever the token is wrong
    codes.append(401)
    if method == "post" and path in write_paths:
        codes += [400, 413, 415, 500, 503]
    return codes


def _formats(op: dict[str, Any]) -> set[str]:
    for param in op.get("parameters", []):
        if param.get("name") == "format":
            schema = param.get("schema", {})
            options = schema.get("anyOf", [schema])
            return {v for o in options for v in o.get("enum", [])}
    return set()


def complete(app: FastAPI, schema: dict[str, Any], *, write_paths: set[str]) -> dict[str, Any]:
    """Add the answers FastAPI does not infer (see the module docstring) to a generated document."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["ErrorOut"] = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    # Every operation of the generated document, routers included (FastAPI >= 0.16x keeps included
    # routers as lazy entries of app.routes, so the document, not app.routes, is the list to walk).
    for path, ops in schema.get("paths", {}).items():
        for method, op in ops.items():
            if method not in {"get", "post", "put", "patch", "delete"}:
                continue
            responses = op.setdefault("responses", {})
            for code in _errors(path, method, write_paths):
                responses[str(code)] = {"description": WHY[code], "content": {"application/json": {"schema": ERROR_REF}}}
            ok = responses.get("200", {})
            if path.endswith(".csv"):
                ok["content"] = CSV
            elif path.endswith(".geojson"):
                ok["content"] = GEOJSON
            else:
                formats = _formats(op)
                if "csv" in formats:
                    ok.setdefault("content", {}).update(CSV)
                if "geojson" in formats:
                    ok.setdefault("content", {}).update(GEOJSON)
            if method == "post" and path in write_paths and "201" in responses:
                responses["200"] = {"description": "the same text was stored before: status 'unchanged' (or "
                                    "'replaced' under a new extractor version)",
                                    "content": responses["201"].get("content", {})}
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    return schema


def install(app: FastAPI, *, write_paths: set[str]) -> None:
    """Make ``app.openapi()`` (and /openapi.json) return the completed document."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            generated = get_openapi(title=app.title, version=app.version, summary=app.summary,
                                    description=app.description, routes=app.routes)
            app.openapi_schema = complete(app, generated, write_paths=write_paths)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
