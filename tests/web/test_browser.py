"""The dashboard in a real (headless) chromium: map to article, filters in the URL, incidents, escaping."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import httpx
import pytest

from .conftest import shot
from .fixtures import XSS_PAYLOAD

pytestmark = pytest.mark.browser
READY = "#app[data-ready=true]"


def _open(page, url: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector(READY, timeout=15000)


def _click_a_point(page) -> None:  # type: ignore[no-untyped-def]
    """Click clusters until single event markers are on screen, then click one of them."""
    for _ in range(8):
        dot = page.locator(".leaflet-marker-pane .dot").first
        if dot.count() and dot.is_visible():
            dot.click()
            return
        page.locator(".leaflet-marker-pane .cluster").first.click()
        page.wait_for_timeout(700)
    raise AssertionError("no single event marker became clickable on the map")


def test_map_point_opens_article_with_highlighted_evidence(page, live_server) -> None:  # type: ignore[no-untyped-def]
    _open(page, live_server.base + "/")
    api = httpx.get(live_server.base + "/api/events", params={"limit": 1000}).json()
    placed = [e for e in api["events"] if e["location"] and e["location"]["lat"] is not None]
    assert placed, "the fixture store has events with coordinates"
    # Every placed event is on the map (clustered or not) and in the table.
    assert page.locator("#table tbody tr").count() == min(len(api["events"]), 25)
    shot(page, "dashboard")

    _click_a_point(page)
    popup = page.locator(".leaflet-popup .event-card")
    popup.wait_for(timeout=5000)
    event_id = popup.get_attribute("data-event-id")
    event = next(e for e in api["events"] if e["event_id"] == event_id)
    assert popup.locator(".type-badge").inner_text() == event["plover_type"]
    shot(page, "dashboard-popup")

    popup.locator("a.open-article").click()
    page.wait_for_url(f"**/articles/{event['article_id']}#event-*")
    page.wait_for_selector(READY, timeout=15000)
    article = httpx.get(f"{live_server.base}/api/articles/{event['article_id']}").json()
    text = article["article"]["text"]
    marks = page.locator("mark.ev.selected")
    assert marks.count() >= 1
    highlighted = "".join(marks.all_text_contents())
    assert highlighted == text[event["evidence"]["start"] : event["evidence"]["end"]]
    # Every event of the article has its span in the text, and the whole text is shown unaltered.
    shown_ids = set(
        " ".join(page.locator("mark.ev").evaluate_all("ms => ms.map(m => m.dataset.events)")).split()
    )
    assert shown_ids == {e["event_id"] for e in article["events"]}
    rendered = page.locator("#article-text").evaluate(
        "el => [...el.childNodes].filter(n => !(n.classList && n.classList.contains('ev-tag')))"
        ".map(n => n.textContent).join('')"
    )
    assert rendered == text
    assert page.locator("#twin a").get_attribute("href") == f"/api/articles/{event['article_id']}"
    shot(page, "article")

    # Clicking another highlight selects that event in the side panel.
    other = next((e for e in article["events"] if e["event_id"] != event_id), None)
    if other:
        page.locator(f"mark.ev[data-events~='{other['event_id']}']").first.click()
        assert page.locator("#detail .event-card").get_attribute("data-event-id") == other["event_id"]
    assert page.page_errors == []


def test_filters_live_in_the_url_and_drive_the_exports(page, live_server) -> None:  # type: ignore[no-untyped-def]
    _open(page, live_server.base + "/?plover_type=MOBILIZE")
    types = page.locator("#table tbody tr .type-badge").all_inner_texts()
    assert types and set(types) == {"MOBILIZE"}
    for fmt, path in (
        ("csv", "/api/export.csv"),  # the whole selection, not one page (issue 13)
        ("geojson", "/api/export.geojson"),
        ("json", "/api/events"),
    ):
        href = page.locator(f"a.export[data-format={fmt}]").get_attribute("href")
        assert urlparse(href).path == path
        assert parse_qs(urlparse(href).query)["plover_type"] == ["MOBILIZE"]

    page.select_option("select[name=plover_type]", "ASSAULT")
    page.fill("input[name=from]", "2020-02-10")
    page.fill("input[name=to]", "2020-02-10")
    page.click("#filters button[type=submit]")
    page.wait_for_selector(READY)
    query = parse_qs(urlparse(page.url).query)
    assert query["plover_type"] == ["ASSAULT"] and query["from"] == ["2020-02-10"]
    api = httpx.get(
        live_server.base + "/api/events",
        params={
            "plover_type": "ASSAULT",
            "event_date": "2020-02-10|2020-02-10",
            "event_date_where": "BETWEEN",
            "limit": 1000,
        },
    ).json()
    assert page.locator("#table tbody tr").count() == len(api["events"]) > 0
    assert {d[:10] for d in page.locator("#table tbody tr td:first-child").all_inner_texts()} == {
        "2020-02-10"
    }
    href = page.locator("a.export[data-format=json]").get_attribute("href")
    assert httpx.get(live_server.base + href).json()["count"] == api["count"]
    shot(page, "dashboard-filtered")

    page.go_back()
    page.wait_for_selector(READY)
    assert set(page.locator("#table tbody tr .type-badge").all_inner_texts()) == {"MOBILIZE"}
    assert page.page_errors == []


def test_incident_shows_conflicting_figures_with_their_claimants(page, live_server) -> None:  # type: ignore[no-untyped-def]
    _open(page, f"{live_server.base}/incidents/{live_server.incident_id}")
    body = httpx.get(f"{live_server.base}/api/incidents/{live_server.incident_id}").json()
    dead = {e["size"]["dead"] for e in body["events"] if e["size"]["dead"] is not None}
    assert len(dead) > 1, "the fixture incident has differing death tolls"
    row = page.locator("tr[data-field=dead]")
    assert "conflict" in (row.get_attribute("class") or "")
    cells = row.locator("td").all_inner_texts()
    assert sorted(int(c) for c in cells) == sorted(e["size"]["dead"] for e in body["events"])
    line = page.locator(".conflict-line[data-field=dead]").inner_text()
    for ev in body["events"]:
        assert str(ev["size"]["dead"]) in line
        for claimant in ev["claim_source"]:
            assert claimant in line
    # Nothing averaged: no figure between the reported ones appears as the incident's toll.
    assert f"{sum(dead) / len(dead):g}" not in page.locator("#app").inner_text() or len(dead) == 1
    assert page.locator("#twin a").get_attribute("href") == f"/api/incidents/{live_server.incident_id}"
    # The incident record across articles: its outlets and the figures as low-high (best).
    facts = page.locator("[data-testid=incident-facts]").inner_text()
    assert "Outlets" in facts and f"{min(dead)}–{max(dead)}" in facts
    shot(page, "incident")
    assert page.page_errors == []


def test_markup_in_articles_is_shown_as_text_and_never_runs(page, live_server) -> None:  # type: ignore[no-untyped-def]
    for path in (f"/articles/{live_server.hostile_article_id}", "/"):
        _open(page, live_server.base + path)
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert page.locator("#app script, #app img[src=x]").count() == 0
    _open(page, f"{live_server.base}/articles/{live_server.hostile_article_id}")
    assert XSS_PAYLOAD in page.locator("#article-text").text_content()
    assert page.locator(".article-head h1").text_content().startswith("<img")
    original = page.locator(".article-head a").get_attribute("href")
    assert not original.lower().startswith("javascript:")
    assert "<b onmouseover" in page.locator("#detail").text_content()
    shot(page, "article-hostile")
    assert page.evaluate("window.__pwned") is None
    assert page.page_errors == []


def test_map_toggles_between_reports_and_one_marker_per_incident(page, live_server) -> None:  # type: ignore[no-untyped-def]
    _open(page, live_server.base + "/")
    api = httpx.get(live_server.base + "/api/events", params={"limit": 1000}).json()
    placed = [e for e in api["events"] if e["location"] and e["location"]["lat"] is not None]
    mapel = page.locator("#map")
    assert mapel.get_attribute("data-markers") == str(len(placed))
    page.locator(".map-mode button[data-mode=incidents]").click()
    assert mapel.get_attribute("data-mode") == "incidents"
    incidents = {e["incident_id"] or e["event_id"] for e in placed}
    # The second report and the ministry's were linked to the seed's shelling: fewer markers.
    assert mapel.get_attribute("data-markers") == str(len(incidents)) and len(incidents) < len(placed)
    assert page.locator(".map-mode button[data-mode=incidents]").get_attribute("aria-pressed") == "true"
    page.locator(".map-mode button[data-mode=reports]").click()
    assert mapel.get_attribute("data-markers") == str(len(placed))
    assert page.page_errors == []
