"""How the API bounds the work of one POST: a long article is coded, not a 500; a POST over its
time budget is stopped (503, E221) and the next one gets a fresh worker; past the queue, 503 E220.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from eventwire.api import create_app
from eventwire.api.ingest import IngestWorker
from eventwire.errors import ResourceError
from eventwire.records import Article, Result

TOKEN = "limits-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STORY = "Rebels attacked an army post near Goma on Sunday, killing 4 soldiers, the army said."


def test_a_text_longer_than_spacy_accepts_is_coded_not_a_500(tmp_path: Path, pipeline, seed_text: Path) -> None:
    text = "\n\n".join([seed_text.read_text(encoding="utf-8")] * 3)
    nlp = pipeline.nlp
    saved = nlp.max_length
    nlp.max_length = 4000  # "over spaCy's limit" at a size that parses in seconds
    try:
        app = create_app(f"sqlite:///{tmp_path / 'ew.db'}", token=TOKEN, pipeline_factory=lambda: pipeline)
        with TestClient(app) as client:
            r = client.post("/api/articles", json={"text": text, "published": "2020-02-10"}, headers=AUTH)
            assert r.status_code == 201, r.text  # was 500: spaCy's E088
            events = r.json()["events"]
            assert events and all(text[e["evidence"]["start"]: e["evidence"]["end"]].strip() for e in events)
            assert client.get("/api/health").json()["events"] == len(events)
    finally:
        nlp.max_length = saved


def test_a_post_over_its_time_budget_is_stopped_and_the_next_gets_a_fresh_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the worker process is spawned with this environment: ew_fakes sleeps EW_FAKE_DELAY per article
    monkeypatch.syspath_prepend(str(Path(__file__).parents[1] / "engines"))
    monkeypatch.setenv("EW_FAKE_DELAY", "600")
    app = create_app(f"sqlite:///{tmp_path / 'ew.db'}", token=TOKEN, pipeline_factory="ew_fakes:FakePipeline",
                     ingest_budget_s=3)
    with TestClient(app) as client:
        r = client.post("/api/articles", json={"text": STORY}, headers=AUTH)
        assert r.status_code == 503 and r.json()["code"] == "E221", r.text
        assert "Retry-After" in r.headers
        assert client.get("/api/health").json()["events"] == 0  # nothing of it was stored
        monkeypatch.setenv("EW_FAKE_DELAY", "0")
        # the fresh worker's start-up counts against the budget: a busy test machine needs more than 3 s
        app.state.ingest.budget_s = 300
        r = client.post("/api/articles", json={"text": STORY}, headers=AUTH)
        assert r.status_code == 201, r.text
        assert client.get("/api/health").json()["events"] == len(r.json()["events"]) == 1


def test_past_the_queue_a_post_is_refused_at_once() -> None:
    started, release = threading.Event(), threading.Event()

    class Blocking:
        version = "blocking+1"

        def process(self, articles):
            started.set()
            release.wait(60)
            for a in articles:
                yield Result(article=a)

    worker = IngestWorker(Blocking, queue=1)
    first = threading.Thread(target=worker.extract, args=(Article.from_text(STORY),))
    first.start()
    try:
        assert started.wait(60)
        with pytest.raises(ResourceError) as refused:
            worker.extract(Article.from_text(STORY + " Again."))
        assert refused.value.code == "E220"
    finally:
        release.set()
        first.join(60)
    result, version = worker.extract(Article.from_text(STORY))  # a slot is free again
    assert version == "blocking+1" and result.article.text == STORY
