"""The Python side of the dashboard: page routes, static files and the page shown when unbuilt."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from eventwire import web


def _client(static_dir: Path) -> TestClient:
    app = FastAPI()
    web.mount(app, None, static_dir=static_dir)
    return TestClient(app)


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text(
        '<!doctype html><title>t</title><script src="/static/app.js"></script>'
    )
    (tmp_path / "app.js").write_text("document.title = 'built';")
    return tmp_path


@pytest.mark.parametrize("path", ["/", "/articles/a_123", "/incidents/inc_9"])
def test_every_view_is_the_built_page_with_a_strict_policy(built: Path, path: str) -> None:
    res = _client(built).get(path)
    assert res.status_code == 200
    assert res.headers["content-type"].startswith("text/html")
    assert "/static/app.js" in res.text
    policy = res.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    )


def test_static_assets_are_served(built: Path) -> None:
    res = _client(built).get("/static/app.js")
    assert res.status_code == 200 and "built" in res.text
    assert _client(built).get("/static/nope.js").status_code == 404


def test_missing_bundle_says_how_to_build_it(tmp_path: Path) -> None:
    client = _client(tmp_path / "not-built")
    for path in ("/", "/articles/a_1"):
        res = client.get(path)
        assert res.status_code == 503
        assert web.BUILD_COMMAND in html.unescape(res.text) and web.E_WEB_ASSETS in res.text


def test_the_installed_bundle_references_files_that_exist() -> None:
    if not web.assets_built():
        pytest.skip(f"bundle not built: {web.BUILD_COMMAND}")
    index = (web.STATIC_DIR / "index.html").read_text()
    for asset in ("app.js", "app.css", "countries-50m.json"):
        assert (web.STATIC_DIR / asset).is_file()
    assert "/static/app.js" in index and "/static/app.css" in index
