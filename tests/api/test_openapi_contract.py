"""The OpenAPI document is the truth: schemathesis drives every operation in it against the live
ASGI app and checks each answer's status, content type, headers and body against the document.

The operations come from the document itself (``schema.parametrize()``), so an endpoint added later
is covered without touching this file. Examples per operation are bounded (``max_examples``) and
derandomised so the run costs the same every time and a failure reproduces.
"""

from __future__ import annotations

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from eventwire.api import create_app  # noqa: E402
from eventwire.records import Result  # noqa: E402
from eventwire.store import Store  # noqa: E402
from store_samples import V1, make_event, sample_results  # noqa: E402

TOKEN = "contract-token"
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


class FakePipeline:
    """Codes one event per article: the contract is about the HTTP edge, not the NLP."""

    version = V1

    def process(self, articles):
        for a in articles:
            yield Result(article=a, events=(make_event(a, 0),))


def _app():
    # built at import: schemathesis collects one test per operation from the document, before any
    # fixture exists (its fixture-based loader does not work with this pytest)
    import tempfile
    from pathlib import Path

    url = f"sqlite:///{Path(tempfile.mkdtemp(prefix='ew-contract-')) / 'contract.db'}"
    with Store.open(url) as store:
        for r in sample_results():
            store.add_result(r)
    return create_app(url, token=TOKEN, pipeline_factory=FakePipeline)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_every_operation_answers_as_documented(case):
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, checks=CHECKS)


def test_the_document_covers_the_answers_that_used_to_be_missing():
    """The probe's 16 mismatches, by kind: 422 detail a string, 404/400 and the 200 'unchanged'
    undocumented, CSV and GeoJSON content types missing."""
    doc = schema.raw_schema
    events = doc["paths"]["/api/events"]["get"]["responses"]
    assert {"text/csv", "application/geo+json", "application/json"} <= set(events["200"]["content"])
    assert "text/csv" in doc["paths"]["/api/events.csv"]["get"]["responses"]["200"]["content"]
    assert "application/geo+json" in doc["paths"]["/api/events.geojson"]["get"]["responses"]["200"]["content"]
    error = doc["components"]["schemas"]["ErrorOut"]["properties"]["detail"]
    assert {"type": "string"} in error["anyOf"]
    assert "404" in doc["paths"]["/api/articles/{article_id}"]["get"]["responses"]
    post = doc["paths"]["/api/articles"]["post"]["responses"]
    assert {"200", "201", "400", "413", "415", "422", "503"} <= set(post)


def test_filter_errors_of_every_operation_are_documented_error_bodies():
    """Issue 13's endpoints (exports, ACLED read API, lists, count) answer a filter error as 422
    {"detail": "[E402] ...", "code": "E402"}: the document says so for each, and the body fits it."""
    import jsonschema
    from fastapi.testclient import TestClient

    doc = schema.raw_schema
    error = doc["components"]["schemas"]["ErrorOut"]
    gets = [p for p, ops in doc["paths"].items() if "get" in ops and "{" not in p]
    assert {"/api/export.parquet", "/api/acled/read", "/api/articles", "/api/outlets", "/api/events/count"} <= set(gets)
    with TestClient(_app()) as client:
        for path in gets:
            documented = doc["paths"][path]["get"]["responses"]["422"]["content"]["application/json"]["schema"]
            assert documented == {"$ref": "#/components/schemas/ErrorOut"}, path
            if path == "/api/health":
                continue
            r = client.get(path, params={"no_such_filter": "1"})
            assert r.status_code == 422 and r.json()["code"] == "E402", (path, r.text)
            jsonschema.validate(r.json(), error)
