"""How the API bounds the work of `POST /api/articles` (the policy is in docs/api.md).

The NLP of one article is CPU-bound Python: run in a thread of the server it holds the GIL and
every read waits behind it (one 1 MB POST tied the server up for minutes). So by default it runs in
one separate worker process: reads keep the server's interpreter to themselves, and a POST that
exceeds its time budget is stopped by terminating that worker (a fresh one starts for the next).
At most ``queue`` POSTs are running or waiting at once; past that the API answers 503 (E220) at
once instead of queueing without bound. The size of one request is bounded before any of this
(the body limit, and the article limit in characters, E105).

A pipeline given as a callable (tests, embedding) runs in-process, one article at a time, without
a time budget; a pipeline given as ``"module:factory"`` (the default) runs in the worker process.
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from collections.abc import Callable, Iterable
from typing import Any, Protocol

from ..errors import E_BUSY, E_TIME_BUDGET, ResourceError
from ..records import Article, Result

DEFAULT_FACTORY = "eventwire.pipeline:Pipeline"
DEFAULT_BUDGET_S = 300.0  # the 5 M-character limit takes ~2-4 min on one core (docs/api.md)
DEFAULT_QUEUE = 4


class PipelineLike(Protocol):
    version: str

    def process(self, articles: Iterable[Any]) -> Iterable[Result]: ...


WORKER_NICE = 10


def _lower_priority() -> None:
    # Reads are short and a person waits on them; coding an article is long and can wait: on a
    # machine with few cores the kernel then gives the server the CPU first (docs/api.md).
    import contextlib
    import os

    with contextlib.suppress(OSError, AttributeError):
        os.nice(WORKER_NICE)


def _extract_in_worker(factory: str, article: Article | None) -> tuple[Result | None, str]:
    from ..engines.base import pipeline_for

    pipe = pipeline_for(factory)  # loaded once per worker process
    if article is None:  # the warm-up call: load the models before the first POST needs them
        return None, pipe.version
    return next(iter(pipe.process([article]))), pipe.version


class IngestWorker:
    """Runs the pipeline for the API with a bounded queue and (in a worker process) a time budget."""

    def __init__(self, factory: Callable[[], PipelineLike] | str, *, budget_s: float = DEFAULT_BUDGET_S,
                 queue: int = DEFAULT_QUEUE) -> None:
        self.factory = factory
        self.budget_s = budget_s
        self.queue = queue
        self._slots = threading.BoundedSemaphore(queue)
        self._lock = threading.Lock()  # one extraction at a time in-process; guards the pool otherwise
        self._local: PipelineLike | None = None
        self._pool: Any = None

    @property
    def in_process(self) -> bool:
        return not isinstance(self.factory, str)

    def _get_pool(self) -> Any:
        with self._lock:
            if self._pool is None:
                # spawn, not fork: the server has threads, and a forked copy of a lock held by one
                # of them would never be released in the child
                self._pool = mp.get_context("spawn").Pool(1, initializer=_lower_priority)
            return self._pool

    def warm_up(self) -> None:
        """Start the worker and load the models in the background (no-op in-process)."""
        if not self.in_process:
            self._get_pool().apply_async(_extract_in_worker, (self.factory, None))

    def extract(self, article: Article) -> tuple[Result, str]:
        """The article's Result and the pipeline version; ResourceError E220 / E221 when refused."""
        if not self._slots.acquire(blocking=False):
            raise ResourceError(E_BUSY, f"{self.queue} articles are already being coded or waiting; retry later")
        try:
            return self._extract_local(article) if self.in_process else self._extract_remote(article)
        finally:
            self._slots.release()

    def _extract_local(self, article: Article) -> tuple[Result, str]:
        with self._lock:
            if self._local is None:
                assert callable(self.factory)
                self._local = self.factory()
            pipe = self._local
            return next(iter(pipe.process([article]))), pipe.version

    def _extract_remote(self, article: Article) -> tuple[Result, str]:
        pool = self._get_pool()
        pending = pool.apply_async(_extract_in_worker, (self.factory, article))
        try:
            result, version = pending.get(timeout=self.budget_s)
        except mp.TimeoutError:
            self._restart(pool)
            raise ResourceError(
                E_TIME_BUDGET,
                f"coding the article took over the time budget of {self.budget_s:g} s and was stopped; nothing "
                "was stored (split the article, or raise `eventwire serve --ingest-timeout`)",
            ) from None
        assert result is not None
        return result, version

    def _restart(self, pool: Any) -> None:
        # terminate() kills the worker mid-article; articles queued behind it fail with E221 too
        # (their wait counts against their own budget) and the next POST starts a fresh worker
        with self._lock:
            if self._pool is pool:
                self._pool = None
        pool.terminate()

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.terminate()
