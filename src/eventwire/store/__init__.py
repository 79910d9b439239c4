"""Store: SQLAlchemy Core over SQLite (default, WAL) or PostgreSQL, selected by a database URL.

CONTRACT (used by the CLI, the batch runner and the HTTP API; keep these signatures):

    store = Store.open("sqlite:///./eventwire.db")      # creates/migrates the schema (Alembic)
    status = store.add_result(result)                   # Result(article, events) from the pipeline
        # -> "new" | "unchanged" | "replaced": the same article text with the same extractor
        #    version is stored once; a new extractor version replaces that article's events in
        #    one transaction.
    store.add_failure(failure)                          # records.Failure: origin, code, message
    store.has_article(article_id, version=None) -> bool
    store.iter_events(**filters) -> Iterator[dict]      # public event records (SCHEMA.md dicts)
    store.count_events(**filters) -> int                # bound=N: stops counting at N + 1
    store.count_bounded(filters, bound=10_000) -> (count, exact)
    store.page(filters, limit=100, offset=0, after=None) -> EventPage(events, has_more, next_after)
    store.get_article(article_id) -> dict | None        # article metadata + text + its events
    store.summary() -> dict                              # counts by type, actors, places, dates,
                                                         # deaths, claim sources (see cli summary)
    store.cached(key, compute) -> compute(conn)          # answered again until the next write
    store.close()
"""

from __future__ import annotations

from .core import EventPage, Store, normalise_url
from .filters import EventFilters, FilterError

__all__ = ["EventFilters", "EventPage", "FilterError", "Store", "normalise_url"]
