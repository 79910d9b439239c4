"""Cached reads over HTTP: pages, CSV and stats answered again until a write, then never an answer
from before it (SQLite and PostgreSQL); JSON pages written from the stored record text."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from eventwire.records import Result
from eventwire.store import Store
from store_samples import V1, make_article, make_event, make_result

TOKEN = "cache-token"
FUTURE = ("2099-01-02", "2099-01-02")  # later than every sample event: first of a page


class OneEventPipeline:
    version = V1

    def process(self, articles):
        for a in articles:
            yield Result(article=a, events=(make_event(a, 0, dead=4, date=FUTURE),))  # Idlib, SY


@pytest.fixture
def client(filled_url: str) -> Iterator[TestClient]:
    from eventwire.api import create_app

    with TestClient(create_app(filled_url, token=TOKEN, pipeline_factory=OneEventPipeline)) as c:
        yield c


def _reads(client: TestClient) -> tuple[int, int, int, str]:
    page = client.get("/api/events", params={"country": "SY"}).json()
    stats = client.get("/api/stats", params={"country": "SY"}).json()
    csv_rows = client.get("/api/events.csv", params={"country": "SY"}).text.strip().count("\n")
    return page["count"], stats["count"], csv_rows, page["events"][0]["event_id"]


def test_post_invalidates_pages_csv_and_stats(client: TestClient) -> None:
    before = _reads(client)
    assert _reads(client) == before  # served again (from the cache)
    store: Store = client.app.state.store  # type: ignore[attr-defined]
    assert store.cache.hits > 0
    r = client.post("/api/articles", json={"text": "Shelling hit Idlib on Tuesday, killing four.",
                                          "published": "2099-01-02"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 201, r.text
    new_id = r.json()["events"][0]["event_id"]
    count, stats_count, csv_rows, newest = _reads(client)
    assert (count, stats_count, csv_rows) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert newest == new_id  # dated 2099: first of the page, newest first
    assert client.get("/api/stats", params={"country": "SY"}).json()["fatalities"] >= 4


def test_write_by_another_process_invalidates(client: TestClient, filled_url: str) -> None:
    before = _reads(client)
    a = make_article("An airstrike hit Idlib on Wednesday.", published="2099-01-03")
    with Store.open(filled_url) as other:  # as `eventwire ingest` would, beside the server
        other.add_result(make_result(a, make_event(a, 0, date=FUTURE)))
    after = _reads(client)
    assert after[:3] == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert after[3] == make_event(a, 0, date=FUTURE).event_id


def test_json_page_is_the_stored_records(client: TestClient, filled_url: str) -> None:
    r = client.get("/api/events", params={"limit": 2})
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    with Store.open(filled_url) as s:
        expected = list(s.iter_events(limit=2))
    assert body["events"] == expected
    assert list(body) == ["count", "count_exact", "page", "limit", "next", "next_after", "events"]
    assert body["count"] == 5 and body["next"] and body["next_after"]
    # compact, as JSONResponse writes it
    assert r.content == json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    assert client.get("/api/events", params={"fields": "event_id"}).json()["events"][0] == {
        "event_id": expected[0]["event_id"]
    }
