"""HTTP API (FastAPI): ``create_app(store_url, token=None, read_token=None)``; served by ``eventwire serve``."""

from __future__ import annotations

from .app import CSV_COLUMNS, RECORD_FIELDS, create_app

__all__ = ["CSV_COLUMNS", "RECORD_FIELDS", "create_app"]
