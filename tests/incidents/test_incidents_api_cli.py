"""/api/incidents, the incident exports and migration 0004 (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from eventwire.store import Store
from incident_samples import two_reports


@pytest.fixture
def url(store_url: str) -> str:
    with Store.open(store_url) as s:
        for r in two_reports(dead=(5, 7)):
            s.add_result(r)
    return store_url


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    from eventwire.api import create_app

    with TestClient(create_app(url)) as c:
        yield c


def test_migration_0004_creates_the_incident_tables(store_url: str) -> None:
    with Store.open(store_url) as s, s.engine.connect() as conn:
        insp = sa.inspect(conn)
        for table in ("incidents", "article_stories", "article_bands"):
            assert insp.has_table(table), table
        assert {ix["name"] for ix in insp.get_indexes("incidents")} >= {"ix_incidents_sort", "ix_incidents_country"}
        # 0004 or a later revision (0005: the read cache's write generation)
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() >= "0004"


def test_incident_list_and_detail(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["count"] == 1 and body["count_exact"] and body["next"] is None
    inc = body["incidents"][0]
    assert inc["incident_id"] == "i_zh" and inc["n_outlets"] == 2 and "reports" not in inc
    assert inc["conflicts"] == ["dead: 5 vs 7"] and inc["location"]["name"] == "Saraqib"
    assert client.get("/api/incidents", params={"country": "UA"}).json()["count"] == 0
    assert client.get("/api/incidents", params={"conflict": "true", "claim_source": "manar"}).json()["count"] == 1
    assert client.get("/api/incidents", params={"event_date": "bad"}).status_code == 422
    one = client.get("/api/incidents/i_zh").json()
    assert one["incident"]["n_reports"] == 2 and len(one["events"]) == 2 and len(one["articles"]) == 2
    assert {r["outlet"] for r in one["incident"]["reports"]} == {"Zero Hedge", "Al-Manar"}
    assert client.get("/api/incidents/none").status_code == 404


def test_incident_csv_geojson_and_openapi(client: TestClient) -> None:
    r = client.get("/api/incidents", params={"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert r.headers["x-total-count"] == "1" and rows[0]["dead_low"] == "5" and rows[0]["dead_high"] == "7"
    gj = client.get("/api/incidents", params={"format": "geojson"}).json()
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 1
    spec = client.get("/openapi.json").json()
    assert "/api/incidents" in spec["paths"] and "/api/incidents/{incident_id}" in spec["paths"]
    ok = spec["paths"]["/api/incidents"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/IncidentsPage")
    assert "IncidentRecord" in spec["components"]["schemas"] and "Figures" in spec["components"]["schemas"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "geojson"])
def test_cli_exports_incidents(url: str, fmt: str) -> None:
    from eventwire.cli import app

    res = CliRunner().invoke(app, ["incidents", "--db", url, "--format", fmt])
    assert res.exit_code == 0, res.output
    out = res.stdout
    if fmt == "jsonl":
        rec = json.loads(out.splitlines()[0])
        assert rec["schema"] == "eventwire.incident/1" and len(rec["reports"]) == 2
    elif fmt == "csv":
        row = next(csv.DictReader(io.StringIO(out)))
        assert row["n_outlets"] == "2" and "Turkish Defense Ministry" in row["dead_by_claimant"]
    else:
        assert json.loads(out)["features"][0]["id"] == "i_zh"
    bad = CliRunner().invoke(app, ["incidents", "--db", url, "--format", "xml"])
    assert bad.exit_code == 2


def test_cli_rebuild_recomputes_incident_rows(url: str) -> None:
    from eventwire.cli import app
    from eventwire.store.incident_tables import incidents

    with Store.open(url) as s, s.writer.begin() as conn:
        conn.execute(incidents.delete())
    res = CliRunner().invoke(app, ["incidents", "--db", url, "--rebuild", "--format", "csv"])
    assert res.exit_code == 0, res.output
    assert "rebuilt 1 incident rows" in res.stderr
    assert next(csv.DictReader(io.StringIO(res.stdout)))["incident_id"] == "i_zh"


def test_incident_pages_are_served_again_until_the_next_write(url: str, client: TestClient) -> None:
    from store_samples import make_article, make_event, make_result

    first = client.get("/api/incidents", params={"modality": "asserted"}).json()
    assert client.get("/api/incidents", params={"modality": "asserted"}).json() == first
    art = make_article("A drone struck a convoy near Homs, the army said.", published="2020-03-01", source="Reuters")
    with Store.open(url) as other:  # another writer: the API's cache must not hide its write
        other.add_result(make_result(art, make_event(art, incident_id="i_homs", date=("2020-03-01", "2020-03-01"),
                                                     place=("Homs", "SY", "Homs", 34.73, 36.72))))
    again = client.get("/api/incidents", params={"modality": "asserted"}).json()
    assert again["count"] == first["count"] + 1
    assert again["incidents"][0]["incident_id"] == "i_homs"
