"""Engines: where the pipeline runs (in-process, a process pool, or Ray Data), behind one interface.

``BatchRunner`` reads sources, skips what the run journal has done, sends the rest through an
engine and writes the store or Parquet parts. See docs/scale.md.
"""

from .base import DEFAULT_FACTORY, Engine, Outcome, load_factory, pipeline_for, process_articles
from .journal import Journal, journal_path_for
from .local import LocalEngine
from .parquet import ARTICLE_SCHEMA, EVENT_SCHEMA, ParquetOut, tables_for
from .runner import BatchRunner, RunConfig, RunStats, make_engine

__all__ = [
    "ARTICLE_SCHEMA",
    "DEFAULT_FACTORY",
    "EVENT_SCHEMA",
    "BatchRunner",
    "Engine",
    "Journal",
    "LocalEngine",
    "Outcome",
    "ParquetOut",
    "RunConfig",
    "RunStats",
    "journal_path_for",
    "load_factory",
    "make_engine",
    "pipeline_for",
    "process_articles",
    "tables_for",
]


def __getattr__(name: str) -> object:
    if name == "RayEngine":  # Ray is optional and heavy: import it only when asked for
        from .ray_engine import RayEngine

        return RayEngine
    raise AttributeError(name)
