"""What every engine shares: the pipeline factory, per-article outcomes and the stage code.

The stage code (``process_articles``) is the one function every engine runs: in-process, in a
process-pool worker, or inside a Ray Data actor. An engine only decides where it runs.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from ..errors import EventwireError
from ..records import Article, Failure, Result

DEFAULT_FACTORY = "eventwire.pipeline:Pipeline"


class PipelineLike(Protocol):
    version: str

    def process(self, articles: Any, batch_size: int | None = None) -> Iterator[Result]: ...


@dataclass(frozen=True)
class Outcome:
    """One article through the pipeline: its Result, or the Failure that stopped it."""

    article: Article
    result: Result | None = None
    failure: Failure | None = None
    count: int | None = None  # event count when the events themselves stayed elsewhere (Ray writes them)

    @property
    def n_events(self) -> int:
        if self.count is not None:
            return self.count
        return len(self.result.events) if self.result is not None else 0


def load_factory(spec: str) -> Any:
    """``module:attr`` -> callable; a string travels to worker processes and Ray actors unpickled."""
    module, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in (attr or "Pipeline").split("."):
        obj = getattr(obj, part)
    return obj


@lru_cache(maxsize=2)
def pipeline_for(factory: str) -> PipelineLike:
    """One pipeline per process and factory: loading spaCy and gazetteers is the slow part."""
    return load_factory(factory)()


def process_articles(pipeline: PipelineLike, articles: Sequence[Article], batch_size: int | None = None) -> list[Outcome]:
    """Run the pipeline over a batch; if the batch raises, isolate the article that did."""
    try:
        return [Outcome(r.article, result=r) for r in pipeline.process(list(articles), batch_size=batch_size)]
    except Exception:  # noqa: BLE001 - retried one by one below to name the culprit
        if len(articles) == 1:
            raise
    outcomes: list[Outcome] = []
    for article in articles:
        try:
            outcomes.extend(Outcome(r.article, result=r) for r in pipeline.process([article], batch_size=1))
        except Exception as exc:  # noqa: BLE001 - one article must not stop the batch
            code = exc.code if isinstance(exc, EventwireError) else "E500"
            outcomes.append(Outcome(article, failure=Failure(
                origin=article.origin or article.article_id, code=code,
                message=f"pipeline failed: {type(exc).__name__}: {exc}")))
    return outcomes


def safe_process(pipeline: PipelineLike, articles: Sequence[Article], batch_size: int | None = None) -> list[Outcome]:
    try:
        return process_articles(pipeline, articles, batch_size)
    except Exception as exc:  # noqa: BLE001 - a single-article batch that raised
        code = exc.code if isinstance(exc, EventwireError) else "E500"
        article = articles[0]
        return [Outcome(article, failure=Failure(origin=article.origin or article.article_id, code=code,
                                                 message=f"pipeline failed: {type(exc).__name__}: {exc}"))]


class Engine(Protocol):
    """Where the pipeline runs. ``results`` streams outcomes (any order) for the store path;
    ``write_part`` writes one Parquet part (events/ + articles/ under ``staging``) and returns
    each article's outcome, its event count, for the journal."""

    name: str

    @property
    def version(self) -> str: ...

    def results(self, articles: Sequence[Article]) -> Iterator[Outcome]: ...

    def write_part(self, articles: Sequence[Article], staging: Path) -> list[Outcome]: ...

    def close(self) -> None: ...
