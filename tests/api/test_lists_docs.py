"""Issue 13: lists of articles and outlets; /docs and /redoc served from the package (offline)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventwire.store import Store
from store_samples import sample_results


@pytest.fixture
def client(store_url: str) -> Iterator[TestClient]:
    from eventwire.api import create_app

    with Store.open(store_url) as s:
        for r in sample_results():
            s.add_result(r)
    with TestClient(create_app(store_url)) as c:
        yield c


def test_articles_list_and_outlets(client: TestClient) -> None:
    body = client.get("/api/articles").json()  # was 405: only POST answered here
    assert body["count"] == 3 and body["next"] is None
    assert [a["published"] for a in body["articles"]] == ["2022-03-02", "2020-02-28", "2020-02-11"]
    assert all("text" not in a for a in body["articles"])
    assert {a["title"] for a in body["articles"]} >= {"Idlib shelling"}
    first = client.get("/api/articles", params={"limit": 2}).json()
    second = client.get(first["next"]).json()
    assert len(first["articles"]) == 2 and len(second["articles"]) == 1 and second["next"] is None
    assert [a["source"] for a in client.get("/api/articles", params={"outlet": "reu"}).json()["articles"]] == ["Reuters"]
    assert client.get("/api/articles", params={"sort": "x"}).status_code == 422
    outlets = client.get("/api/outlets").json()
    assert {o["outlet"]: (o["articles"], o["events"]) for o in outlets} == {
        "Reuters": (1, 1), "AP": (1, 2), "Anadolu": (1, 2)}


def test_docs_pages_load_their_scripts_from_the_package(client: TestClient) -> None:
    from eventwire.api.docs import STATIC_DOCS

    if not (STATIC_DOCS / "swagger-ui-bundle.js").is_file():
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail("the dashboard bundle (with the docs assets) is not built")
        pytest.skip("dashboard bundle not built (scripts/build-web.sh)")
    for path, assets in (("/docs", ["/static/docs/swagger-ui-bundle.js", "/static/docs/swagger-ui.css"]),
                         ("/redoc", ["/static/docs/redoc.standalone.js"])):
        page = client.get(path)
        assert page.status_code == 200
        assert "cdn.jsdelivr.net" not in page.text and "fonts.googleapis" not in page.text, path
        for asset in assets:
            assert asset in page.text
            r = client.get(asset)
            assert r.status_code == 200 and len(r.content) > 10_000, asset
