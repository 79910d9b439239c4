"""Resumable batch runs: sources -> journal check -> engine -> store or Parquet parts -> journal.

The runner is the only writer (of the store, the Parquet folder and the journal), whichever engine
does the NLP, so SQLite always has a single writer.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, StoreError
from ..records import Article, Failure
from ..sources.batch import Item, Source, SourceOptions, open_source
from ..sources.fetch import Fetcher
from .base import DEFAULT_FACTORY, Engine, Outcome
from .journal import Journal, journal_path_for
from .parquet import ParquetOut


@dataclass(frozen=True)
class RunConfig:
    sources: tuple[str, ...]
    db_url: str | None = None
    out_dir: Path | None = None
    engine: str = "local"
    workers: int = 1
    address: str | None = None
    retry_failed: bool = False
    source_options: SourceOptions = field(default_factory=SourceOptions)
    journal: Path | None = None
    part_size: int | None = None  # articles per Parquet part / per store flush
    factory: str = DEFAULT_FACTORY
    batch_size: int = 16


@dataclass
class RunStats:
    """Counters a run accumulates (the one mutable object, owned by one runner)."""

    seen: int = 0
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0
    stored: dict[str, int] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    @property
    def done(self) -> int:
        return self.processed + self.skipped + self.failed

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started


Progress = Callable[[RunStats], None]


def make_engine(name: str, workers: int, *, address: str | None = None, factory: str = DEFAULT_FACTORY,
                batch_size: int = 16) -> Engine:
    if name == "local":
        from .local import LocalEngine

        return LocalEngine(workers, factory=factory, batch_size=batch_size)
    if name == "ray":
        from .ray_engine import RayEngine

        return RayEngine(max(workers, 1), address=address, factory=factory, batch_size=batch_size)
    raise ConfigError("E403", f"unknown engine {name!r}: use local or ray")


class BatchRunner:
    def __init__(self, config: RunConfig, *, engine: Engine | None = None, store: Any = None,
                 progress: Progress | None = None) -> None:
        if (config.db_url is None) == (config.out_dir is None):
            raise ConfigError("E404", "give exactly one output: --db URL or --out DIR")
        self.config = config
        self.sources: list[Source] = [open_source(s, config.source_options) for s in config.sources]
        self.engine = engine or make_engine(config.engine, config.workers, address=config.address,
                                            factory=config.factory, batch_size=config.batch_size)
        self.out = ParquetOut(config.out_dir) if config.out_dir is not None else None
        self._store = store
        if config.db_url is not None:
            # before the journal, which is created beside the database: a store that cannot be
            # opened (E301) must fail first, and not after its folder was made for the journal
            _ = self.store
        self.journal = Journal(config.journal or journal_path_for(config.db_url, config.out_dir))
        self.progress = progress or (lambda stats: None)
        self.stats = RunStats()
        default_part = 10_000 if config.engine == "ray" else (500 if self.out else 64)
        self.part_size = config.part_size or default_part

    @property
    def store(self) -> Any:
        if self._store is None and self.config.db_url is not None:
            from ..store import Store

            self._store = Store.open(self.config.db_url)
        return self._store

    def total(self) -> int | None:
        counts = []
        for src in self.sources:
            try:
                counts.append(src.count())
            except OSError:
                counts.append(None)
        return None if any(c is None for c in counts) else sum(c for c in counts if c is not None)

    def run(self) -> RunStats:
        version = self.engine.version
        if self.out is not None:
            self.out.recover(self.journal.pending_parts())
            for part in self.journal.pending_parts():
                self.journal.drop_part(part)
        retry = self.config.retry_failed
        chunk: list[Item] = []
        chunk_ids: set[str] = set()
        with Fetcher(max_bytes=self.config.source_options.max_bytes) as fetcher:
            def should_fetch(key: str) -> bool:
                if self.journal.key_settled(key, version, retry_failed=retry):
                    self.stats.seen += 1
                    self.stats.skipped += 1
                    self.progress(self.stats)
                    return False
                return True

            for src in self.sources:
                for item in src.items(fetcher, should_fetch):
                    self.stats.seen += 1
                    if self._settled(item, version, retry):
                        self.stats.skipped += 1
                        self.progress(self.stats)
                        continue
                    if item.failure is not None:
                        self._record_failure(item.key, item.content_hash, item.failure, version)
                        continue
                    assert item.article is not None
                    if item.article.article_id in chunk_ids:
                        chunk.append(item)  # the same text under another name: rides along, no re-run
                        continue
                    chunk.append(item)
                    chunk_ids.add(item.article.article_id)
                    if len(chunk_ids) >= self.part_size:
                        self._flush(chunk, version)
                        chunk, chunk_ids = [], set()
            self._flush(chunk, version)
        return self.stats

    def _settled(self, item: Item, version: str, retry: bool) -> bool:
        if item.article is not None and self.journal.is_done(item.key, item.content_hash, version):
            return True
        if not retry and item.content_hash and self.journal.is_failed(item.key, item.content_hash):
            return True
        if item.article is not None and self._already_have(item.article.article_id, version):
            # same content under another key, done earlier: journal this key too, without the NLP
            self.journal.mark_done([(item.key, item.content_hash, item.article.article_id, 0)], version)
            return True
        return False

    def _already_have(self, article_id: str, version: str) -> bool:
        if self.journal.article_done(article_id, version):
            return True
        store = self.store
        return bool(store is not None and store.has_article(article_id, version=version))

    def _record_failure(self, key: str, content_hash: str, failure: Failure, version: str) -> None:
        self.journal.mark_failed(key, content_hash, version, failure.code, failure.message)
        if self.store is not None:
            self.store.add_failure(Failure(origin=key, code=failure.code, message=failure.message))
        self.stats.failed += 1
        self.stats.failures.append(Failure(origin=key, code=failure.code, message=failure.message))
        self.progress(self.stats)

    def _flush(self, items: Sequence[Item], version: str) -> None:
        if not items:
            return
        keys: dict[str, list[Item]] = {}
        articles: list[Article] = []
        for item in items:
            assert item.article is not None
            if item.article.article_id not in keys:
                articles.append(item.article)
            keys.setdefault(item.article.article_id, []).append(item)
        if self.out is not None:
            self._flush_parquet(articles, keys, version)
        else:
            for outcome in self.engine.results(articles):
                self._store_outcome(outcome, keys[outcome.article.article_id], version)

    def _store_outcome(self, outcome: Outcome, items: list[Item], version: str) -> None:
        if outcome.failure is not None:
            for item in items:
                self._record_failure(item.key, item.content_hash, outcome.failure, version)
            return
        assert outcome.result is not None
        # the pipeline's version, not the events': an article with no events is then still "done"
        try:
            status = self.store.add_result(outcome.result, version=version)
        except StoreError as exc:
            if not self.store.ping():
                # the database went away: stop here, journal nothing for this item, and let the next
                # run (or --retry) pick it up; recording it as failed would skip it on resume
                raise
            for item in items:
                self._record_failure(item.key, item.content_hash,
                                     Failure(origin=item.key, code=exc.code, message=exc.message), version)
            return
        if self.config.retry_failed and hasattr(self.store, "clear_failure"):
            for item in items:
                self.store.clear_failure(item.key)
        self.stats.stored[status] = self.stats.stored.get(status, 0) + 1
        # journal after the store commit: a kill in between re-runs this article, stored "unchanged"
        self.journal.mark_done([(i.key, i.content_hash, outcome.article.article_id, outcome.n_events)
                                for i in items], version)
        self.stats.processed += len(items)
        self.stats.events += outcome.n_events
        self.progress(self.stats)

    def _flush_parquet(self, articles: list[Article], keys: dict[str, list[Item]], version: str) -> None:
        assert self.out is not None
        part = f"{self.journal.max_part_number() + 1:06d}"
        staging = self.out.staging(part)
        outcomes = self.engine.write_part(articles, staging)
        done = [o for o in outcomes if o.failure is None]
        # pending before the files appear: a kill from here on makes the next run delete this part
        self.journal.mark_pending(
            [(i.key, i.content_hash, o.article.article_id, o.n_events) for o in done for i in keys[o.article.article_id]],
            version, part,
        )
        self.out.adopt(staging, part)
        self.journal.commit_part(part)
        for o in outcomes:
            if o.failure is not None:
                for item in keys[o.article.article_id]:
                    self._record_failure(item.key, item.content_hash, o.failure, version)
        self.stats.processed += sum(len(keys[o.article.article_id]) for o in done)
        self.stats.events += sum(o.n_events for o in done)
        self.progress(self.stats)

    def close(self) -> None:
        self.engine.close()
        self.journal.close()
        if self._store is not None and self.config.db_url is not None:
            self._store.close()
