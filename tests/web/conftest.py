"""A live eventwire server on a free loopback port, its store loaded with the test articles, and a
headless Debian chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventwire import web
from eventwire.records import Article, Result

from .fixtures import hostile_report, ministry_report, second_report, seed_result

UNTITLED_TEXT = "Talks on a ceasefire in Idlib resumed in Ankara on Monday. Both sides sent delegations."

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
CHROMIUM = os.environ.get("EVENTWIRE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    # In CI a missing browser or bundle is a broken install, not a reason to skip the UI tests.
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _create_app(url: str):  # type: ignore[no-untyped-def]
    try:
        from eventwire.api import create_app
    except ImportError:
        from .api_stub import create_app
    app = create_app(url)
    if not any(getattr(r, "path", None) == "/" for r in app.routes):
        web.mount(app, None)
    return app


@dataclass(frozen=True)
class LiveServer:
    base: str
    seed_article_id: str
    seed_from_pipeline: bool
    second_article_id: str
    hostile_article_id: str
    incident_id: str


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    if not web.assets_built():
        _unavailable(f"dashboard bundle not built in {web.STATIC_DIR}: run `{web.BUILD_COMMAND}`")
    import uvicorn

    from eventwire.store import Store

    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'events.db'}"
    seed, from_pipeline = seed_result()
    second, hostile = second_report(), hostile_report()
    store = Store.open(url)
    for result in (seed, second, ministry_report(), hostile):
        store.add_result(result)
    # An article stored without a headline (no events): lists must still name it readably.
    store.add_result(Result(article=Article.from_text(UNTITLED_TEXT, source="Wire"), events=()), version="test")
    store.close()

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(_create_app(url), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the eventwire server did not start")
        time.sleep(0.05)
    # As stored: the store links the second report to the seed's incident (across articles).
    with Store.open(url) as linked:
        incident = next(e["incident_id"] for e in linked.get_article(second.article.article_id)["events"]
                        if e["incident_id"])
    yield LiveServer(
        f"http://127.0.0.1:{port}",
        seed.article.article_id,
        from_pipeline,
        second.article.article_id,
        hostile.article.article_id,
        incident,
    )
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (pip install playwright; never `playwright install`)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1440, "height": 1000})  # type: ignore[attr-defined]
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.page_errors = errors  # the tests assert the page threw nothing
    yield pg
    context.close()


def shot(page: object, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    # A full-page capture taken while scrolled paints the sticky header mid-page.
    page.evaluate("window.scrollTo(0, 0)")  # type: ignore[attr-defined]
    page.screenshot(path=str(path), full_page=True)  # type: ignore[attr-defined]
    return path
