"""`eventwire ingest`: every input read by content (text, HTML, JSONL/Parquet dumps), each item
coded and stored on its own, so a failing item never loses the items before or after it."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from ..engines.base import safe_process
from ..errors import E_STORE_WRITE, EventwireError, StoreError
from ..records import Article, Failure
from ..sources.batch import SourceOptions, open_source
from ..sources.fetch import Fetcher

BATCH = 16  # articles handed to spaCy at once: its batching is where the speed comes from


class Ingest:
    """One ingest job over an open store: add sources, then ``finish``; counters for the summary."""

    def __init__(self, store: Any, pipeline: Any, opts: SourceOptions, console: Console) -> None:
        self.store = store
        self.pipeline = pipeline
        self.opts = opts
        self.console = console
        self.counts = {"new": 0, "unchanged": 0, "replaced": 0}
        self.events = 0
        self.failures: list[Failure] = []
        self._batch: list[Article] = []
        self._fetcher: Fetcher | None = None

    @property
    def stored(self) -> int:
        return sum(self.counts.values())

    def fail(self, origin: str, exc: Exception | Failure) -> None:
        if isinstance(exc, Failure):
            failure = exc
        elif isinstance(exc, EventwireError):
            failure = Failure(origin=exc.origin or origin, code=exc.code, message=exc.message)
        else:
            failure = Failure(origin=origin, code="E500", message=f"{type(exc).__name__}: {exc}")
        self.failures.append(failure)
        self.console.print(f"error: [{failure.code}] {failure.origin}: {failure.message}", markup=False)
        self.store.add_failure(failure)

    def add_source(self, spec: str) -> None:
        try:
            source = open_source(spec, self.opts)
        except EventwireError as exc:
            self.fail(spec, exc)
            return
        if self._fetcher is None:
            self._fetcher = Fetcher(max_bytes=self.opts.max_bytes)
        for item in source.items(self._fetcher, lambda _key: True):
            if item.failure is not None:
                self.fail(item.key, item.failure)
                continue
            assert item.article is not None
            self._batch.append(item.article)
            if len(self._batch) >= BATCH:
                self._flush()

    def finish(self) -> None:
        self._flush()
        if self._fetcher is not None:
            self._fetcher.close()

    def _flush(self) -> None:
        batch, self._batch = self._batch, []
        if not batch:
            return
        # safe_process retries a failing batch one article at a time and names the culprit
        for outcome in safe_process(self.pipeline, batch, BATCH):
            origin = outcome.article.origin or outcome.article.article_id
            if outcome.failure is not None:
                self.fail(origin, outcome.failure)
                continue
            assert outcome.result is not None
            try:
                status = self.store.add_result(outcome.result, version=self.pipeline.version)
            except StoreError as exc:
                if not self.store.ping():
                    raise  # the database went away: stop; what was stored stays, a rerun skips it
                self.fail(origin, StoreError(E_STORE_WRITE, exc.message, origin=origin))
                continue
            self.counts[status] = self.counts.get(status, 0) + 1
            self.events += len(outcome.result.events)
            self.console.print(f"{origin}: {status}, {len(outcome.result.events)} events", markup=False)
