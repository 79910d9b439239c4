"""A stand-in pipeline for runner tests: deterministic, fast, no spaCy, with real Event records.

It codes one event per sentence that contains a number (so the tests can predict the event count
from the input), which exercises every output path without depending on the real coder.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator

from eventwire.records import ActorRef, Article, Event, Evidence, Place, Result, Size, When

_SENT = re.compile(r"[^.!?]+[.!?]")
_NUM = re.compile(r"\b(\d+)\b")


def sentences_with_numbers(text: str) -> list[re.Match[str]]:
    return [m for m in _SENT.finditer(text) if _NUM.search(m.group())]


class FakePipeline:
    version = "fake-1"

    def __init__(self) -> None:
        # EW_FAKE_DELAY slows each article down so a test can kill a run midway
        self.delay = float(os.environ.get("EW_FAKE_DELAY", "0"))
        if os.environ.get("EW_FAKE_PIDS"):
            with open(os.environ["EW_FAKE_PIDS"], "a") as fh:
                fh.write(f"{os.getpid()}\n")

    def process(self, articles: Iterable[Article], batch_size: int | None = None) -> Iterator[Result]:
        for article in articles:
            if "RAISE-IN-PIPELINE" in article.text:
                raise RuntimeError("synthetic pipeline crash")
            if self.delay:
                time.sleep(self.delay)
            events = []
            for m in sentences_with_numbers(article.text):
                n = int(_NUM.search(m.group()).group(1))
                eid = "ev_" + hashlib.sha256(f"{article.article_id}:{m.start()}:{self.version}".encode()).hexdigest()[:16]
                events.append(Event(
                    event_id=eid, article_id=article.article_id, plover_type="ASSAULT", plover_mode="aerial",
                    context=("military",), acled_event_type="Explosions/Remote violence",
                    acled_sub_event_type="Air/drone strike", cameo_root="19",
                    actors=(ActorRef(role="actor", text="forces", country="SYR", sector="MIL"),),
                    location=Place(text="Idlib", name="Idlib", country="SY", lat=35.93, lon=36.63, precision="town"),
                    date=When(start=article.published, end=article.published, precision="day" if article.published else None),
                    size=Size(dead=n), claim_source=("officials",), modality="asserted", confidence=0.8,
                    evidence=Evidence(sentence=m.group().strip(), start=m.start(), end=m.end()),
                    extractor_version=self.version, source=article.source, published=article.published,
                ))
            yield Result(article=article, events=tuple(events))
