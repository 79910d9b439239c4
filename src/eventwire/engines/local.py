"""The local engine: in-process, or a process pool whose workers each load the Pipeline once."""

from __future__ import annotations

import concurrent.futures as cf
from collections.abc import Iterator, Sequence
from pathlib import Path

from ..records import Article
from .base import DEFAULT_FACTORY, Outcome, pipeline_for, safe_process
from .parquet import tables_for, write_partitioned


def _worker_init(factory: str) -> None:
    pipeline_for(factory)  # load once, before the first batch arrives


def _worker_batch(factory: str, articles: list[Article], batch_size: int) -> list[Outcome]:
    return safe_process(pipeline_for(factory), articles, batch_size)


class LocalEngine:
    name = "local"

    def __init__(self, workers: int = 1, *, factory: str = DEFAULT_FACTORY, batch_size: int = 16) -> None:
        self.workers = max(1, workers)
        self.factory = factory
        self.batch_size = batch_size
        self._pool: cf.ProcessPoolExecutor | None = None

    @property
    def version(self) -> str:
        return pipeline_for(self.factory).version

    def _executor(self) -> cf.ProcessPoolExecutor:
        if self._pool is None:
            self._pool = cf.ProcessPoolExecutor(
                max_workers=self.workers, initializer=_worker_init, initargs=(self.factory,)
            )
        return self._pool

    def results(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        if self.workers == 1:
            pipeline = pipeline_for(self.factory)
            for start in range(0, len(articles), self.batch_size):
                yield from safe_process(pipeline, articles[start:start + self.batch_size], self.batch_size)
            return
        pool = self._executor()
        # small batches so both workers stay busy and results stream back while others still run
        size = max(1, min(self.batch_size, -(-len(articles) // (self.workers * 2))))
        futures = [
            pool.submit(_worker_batch, self.factory, list(articles[i:i + size]), size)
            for i in range(0, len(articles), size)
        ]
        for future in cf.as_completed(futures):
            yield from future.result()

    def write_part(self, articles: Sequence[Article], staging: Path) -> list[Outcome]:
        outcomes = list(self.results(articles))
        events, arts = tables_for((o.result for o in outcomes if o.result is not None), self.version)
        write_partitioned(events, staging / "events", "part")
        write_partitioned(arts, staging / "articles", "part")
        return outcomes

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
