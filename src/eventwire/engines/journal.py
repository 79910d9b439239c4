"""The run journal: which source items are done or failed, so a killed run resumes exactly.

A small SQLite file beside the output (``--out DIR`` -> ``DIR/_journal.sqlite``; a SQLite store
``x.db`` -> ``x.db.journal``). Rows are keyed by source item identity + content hash + extractor
version: a changed file or a new extractor counts as new work, an unchanged one is skipped.

Crash safety, with the store: the store is written first and is idempotent on (article, version);
the journal row follows. A kill between the two re-runs that one article, which the store reports
as "unchanged": nothing is lost, nothing is stored twice.
With Parquet parts: the part's items are journalled as *pending* before its files appear; the
files are renamed into place, then the part is committed. On start, a pending part's files are
deleted and its items become work again (see ``ParquetOut.recover``).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

_SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    key TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    version TEXT NOT NULL,
    status TEXT NOT NULL,            -- done | failed | pending
    article_id TEXT,
    n_events INTEGER,
    code TEXT,
    message TEXT,
    part TEXT,
    updated REAL NOT NULL,
    PRIMARY KEY (key, content_hash, version)
);
CREATE INDEX IF NOT EXISTS items_key ON items(key);
CREATE INDEX IF NOT EXISTS items_article ON items(article_id, version);
CREATE INDEX IF NOT EXISTS items_part ON items(part);
"""


@dataclass(frozen=True)
class Entry:
    key: str
    content_hash: str
    status: str
    code: str | None
    message: str | None


class Journal:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: we open explicit transactions where several rows must land together
        self._db = sqlite3.connect(str(self.path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        self._db.close()

    # --- queries ---------------------------------------------------------------------------------

    def is_done(self, key: str, content_hash: str, version: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM items WHERE key=? AND content_hash=? AND version=? AND status='done'",
            (key, content_hash, version),
        ).fetchone()
        return row is not None

    def is_failed(self, key: str, content_hash: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM items WHERE key=? AND content_hash=? AND status='failed'", (key, content_hash)
        ).fetchone()
        return row is not None

    def key_settled(self, key: str, version: str, *, retry_failed: bool) -> bool:
        """For remote items, checked before fetching: done with this version, or failed (unless retried)."""
        statuses = ("done",) if retry_failed else ("done", "failed")
        row = self._db.execute(
            f"SELECT 1 FROM items WHERE key=? AND status IN ({','.join('?' * len(statuses))}) "
            "AND (version=? OR status='failed')",
            (key, *statuses, version),
        ).fetchone()
        return row is not None

    def article_done(self, article_id: str, version: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM items WHERE article_id=? AND version=? AND status='done'", (article_id, version)
        ).fetchone()
        return row is not None

    def failures(self) -> list[Entry]:
        rows = self._db.execute(
            "SELECT key, content_hash, status, code, message FROM items WHERE status='failed' ORDER BY key"
        ).fetchall()
        return [Entry(*r) for r in rows]

    def counts(self) -> dict[str, int]:
        return dict(self._db.execute("SELECT status, COUNT(*) FROM items GROUP BY status").fetchall())

    def pending_parts(self) -> list[str]:
        return [r[0] for r in self._db.execute("SELECT DISTINCT part FROM items WHERE status='pending'")]

    def max_part_number(self) -> int:
        row = self._db.execute("SELECT MAX(CAST(part AS INTEGER)) FROM items WHERE part IS NOT NULL").fetchone()
        return int(row[0]) if row and row[0] is not None else -1

    # --- writes ----------------------------------------------------------------------------------

    def mark_done(
        self, rows: Iterable[tuple[str, str, str | None, int]], version: str, *, part: str | None = None
    ) -> None:
        """rows: (key, content_hash, article_id, n_events); one transaction, and a failure of the
        same item (from an earlier run) is cleared."""
        now = time.time()
        with self._tx():
            for key, content_hash, article_id, n_events in rows:
                self._db.execute("DELETE FROM items WHERE key=? AND status='failed'", (key,))
                self._db.execute(
                    "INSERT OR REPLACE INTO items VALUES (?,?,?,'done',?,?,NULL,NULL,?,?)",
                    (key, content_hash, version, article_id, n_events, part, now),
                )

    def mark_failed(self, key: str, content_hash: str, version: str, code: str, message: str) -> None:
        with self._tx():
            self._db.execute("DELETE FROM items WHERE key=? AND status='failed'", (key,))
            self._db.execute(
                "INSERT OR REPLACE INTO items VALUES (?,?,?,'failed',NULL,NULL,?,?,NULL,?)",
                (key, content_hash, version, code, message, time.time()),
            )

    def mark_pending(self, rows: Iterable[tuple[str, str, str | None, int]], version: str, part: str) -> None:
        now = time.time()
        with self._tx():
            for key, content_hash, article_id, n_events in rows:
                self._db.execute(
                    "INSERT OR REPLACE INTO items VALUES (?,?,?,'pending',?,?,NULL,NULL,?,?)",
                    (key, content_hash, version, article_id, n_events, part, now),
                )

    def commit_part(self, part: str) -> None:
        with self._tx():
            keys = [r[0] for r in self._db.execute("SELECT key FROM items WHERE part=? AND status='pending'", (part,))]
            for key in keys:
                self._db.execute("DELETE FROM items WHERE key=? AND status='failed'", (key,))
            self._db.execute("UPDATE items SET status='done', updated=? WHERE part=? AND status='pending'",
                             (time.time(), part))

    def drop_part(self, part: str) -> None:
        with self._tx():
            self._db.execute("DELETE FROM items WHERE part=? AND status='pending'", (part,))

    def _tx(self) -> _Tx:
        return _Tx(self._db)


class _Tx:
    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type else "COMMIT")


def journal_path_for(db_url: str | None, out_dir: str | Path | None) -> Path:
    """Where the journal lives for an output: next to it, so moving the output moves its journal."""
    if out_dir is not None:
        return Path(out_dir) / "_journal.sqlite"
    if db_url and db_url.startswith("sqlite:///"):
        db_path = db_url[len("sqlite:///"):]
        if db_path and db_path != ":memory:":
            return Path(db_path + ".journal")
    # a server database: keep the journal in the working directory, named after the URL
    import hashlib

    tag = hashlib.sha256((db_url or "").encode()).hexdigest()[:12]
    return Path(f".eventwire-journal-{tag}.sqlite")
