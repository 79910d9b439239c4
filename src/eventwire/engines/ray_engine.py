"""The Ray engine: the same stage code as the local engine, as Ray Data ``map_batches`` over an
actor pool (each actor builds the Pipeline once), reading and writing Parquet.

Ray is optional (``pip install 'eventwire[ray]'``); importing this module does not import it.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..errors import E_MODEL_MISSING, ConfigError
from ..records import Article, Failure
from .base import DEFAULT_FACTORY, Outcome, load_factory, pipeline_for, safe_process
from .parquet import ARTICLE_SCHEMA, EVENT_SCHEMA, PARTITION, article_row, event_rows

INPUT_SCHEMA = pa.schema([
    ("article_id", pa.string()), ("text", pa.string()), ("published", pa.string()), ("source", pa.string()),
    ("url", pa.string()), ("title", pa.string()), ("language", pa.string()), ("origin", pa.string()),
])
_OUT_SCHEMA = pa.schema([*ARTICLE_SCHEMA, ("events_json", pa.list_(pa.string())),
                         ("failure_code", pa.string()), ("failure_message", pa.string())])


def _input_row(article: Article) -> dict[str, Any]:
    return {
        "article_id": article.article_id, "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "source": article.source, "url": article.url, "title": article.title,
        "language": article.language, "origin": article.origin,
    }


def _article(row: dict[str, Any]) -> Article:
    import datetime as dt

    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    return Article(**{**row, "published": published})


class ExtractUDF:
    """Ray Data callable class: constructed once per actor, so the Pipeline loads once per worker."""

    def __init__(self, factory: str, batch_size: int, version: str, mode: str) -> None:
        self.pipeline = load_factory(factory)()
        self.batch_size = batch_size
        self.version = version
        self.mode = mode

    def __call__(self, batch: pa.Table) -> pa.Table:
        articles = [_article(r) for r in batch.to_pylist()]
        outcomes = safe_process(self.pipeline, articles, self.batch_size)
        if self.mode == "results":
            return pa.table({
                "article_id": [o.article.article_id for o in outcomes],
                "outcome": [pickle.dumps(o) for o in outcomes],
            })
        rows = []
        for o in outcomes:
            row = article_row(o.article, o.n_events, self.version)
            row["events_json"] = [json.dumps(r) for r in event_rows(o.result)] if o.result else []
            row["failure_code"] = o.failure.code if o.failure else None
            row["failure_message"] = o.failure.message if o.failure else None
            rows.append(row)
        return pa.Table.from_pylist(rows, schema=_OUT_SCHEMA)


def _explode_events(batch: pa.Table) -> pa.Table:
    rows = [json.loads(s) for cell in batch.column("events_json").to_pylist() for s in cell or ()]
    return pa.Table.from_pylist(rows, schema=EVENT_SCHEMA)


def _only_articles(batch: pa.Table) -> pa.Table:
    ok = batch.filter(pc.is_null(batch.column("failure_code")))
    return ok.select(ARTICLE_SCHEMA.names)


class RayEngine:
    name = "ray"

    def __init__(self, workers: int = 2, *, address: str | None = None, factory: str = DEFAULT_FACTORY,
                 batch_size: int = 16) -> None:
        try:
            import ray
        except ImportError as exc:
            raise ConfigError(
                "E405", "the Ray engine needs Ray: pip install 'eventwire[ray]' (or 'ray[data]')"
            ) from exc
        self.workers = max(1, workers)
        self.factory = factory
        self.batch_size = batch_size
        self._started = False
        if not ray.is_initialized():
            if address:
                ray.init(address=address, log_to_driver=False)
            else:
                # workers must import what the driver imports (an editable checkout, a test factory)
                path = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
                # one CPU per actor plus headroom for the read and write tasks, which would otherwise
                # wait forever behind actors holding every CPU
                ray.init(num_cpus=self.workers + 2, include_dashboard=False, log_to_driver=False,
                         runtime_env={"env_vars": {"PYTHONPATH": path}})
            self._started = True
        ctx = ray.data.DataContext.get_current()
        ctx.enable_progress_bars = False  # eventwire draws its own progress bar
        ctx.print_on_execution_start = False

    @property
    def version(self) -> str:
        try:
            return pipeline_for(self.factory).version
        except Exception as exc:  # the driver may lack the model a cluster has; say so plainly
            raise ConfigError(E_MODEL_MISSING, f"cannot load the pipeline on the driver ({exc})") from exc

    def _dataset(self, articles: Sequence[Article], staging: Path, mode: str) -> Any:
        import ray

        staging.mkdir(parents=True, exist_ok=True)
        src = staging / "input"
        src.mkdir(exist_ok=True)
        table = pa.Table.from_pylist([_input_row(a) for a in articles], schema=INPUT_SCHEMA)
        # several files, so the read yields several blocks and every actor gets work
        n_files = max(1, min(len(articles), self.workers * 4))
        step = -(-len(articles) // n_files)
        for i in range(0, len(articles), step):
            pq.write_table(table.slice(i, step), src / f"in-{i:08d}.parquet")
        return ray.data.read_parquet(str(src), override_num_blocks=n_files).map_batches(
            ExtractUDF,
            fn_constructor_args=(self.factory, self.batch_size, self.version, mode),
            batch_size=self.batch_size,
            batch_format="pyarrow",
            concurrency=self.workers,
            num_cpus=1,
        )

    def results(self, articles: Sequence[Article]) -> Iterator[Outcome]:
        import tempfile

        if not articles:
            return
        with tempfile.TemporaryDirectory(prefix="eventwire-ray-") as tmp:
            ds = self._dataset(articles, Path(tmp), "results")
            for batch in ds.iter_batches(batch_format="pyarrow", batch_size=self.batch_size):
                for blob in batch.column("outcome").to_pylist():
                    yield pickle.loads(blob)

    def write_part(self, articles: Sequence[Article], staging: Path) -> list[Outcome]:
        if not articles:
            return []
        ds = self._dataset(articles, staging / "_in", "tables").materialize()
        ds.map_batches(_only_articles, batch_format="pyarrow").write_parquet(
            str(staging / "articles"), partition_cols=[PARTITION])
        ds.map_batches(_explode_events, batch_format="pyarrow").write_parquet(
            str(staging / "events"), partition_cols=[PARTITION])
        by_id = {a.article_id: a for a in articles}
        outcomes = []
        for row in ds.select_columns(["article_id", "n_events", "failure_code", "failure_message"]).take_all():
            article = by_id[row["article_id"]]
            if row["failure_code"]:
                failure = Failure(origin=article.origin or article.article_id, code=row["failure_code"],
                                  message=row["failure_message"] or "")
                outcomes.append(Outcome(article, failure=failure))
            else:
                outcomes.append(Outcome(article, count=int(row["n_events"])))
        import shutil

        shutil.rmtree(staging / "_in", ignore_errors=True)
        return outcomes

    def close(self) -> None:
        if self._started:
            import ray

            ray.shutdown()
            self._started = False
