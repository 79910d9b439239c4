"""Answers of reads (counts, stats, rendered pages), kept until the store's data changes.

An entry is keyed by the store's *write generation*, read in the same connection as the answer
(``get_or_compute``) or before the answer is computed (``get_or_call``):

* SQLite: ``store_generation.gen``, one row that triggers (migration 0005) bump on every insert,
  update and delete of events, actors, claims and articles, whichever process or code path writes.
  It is read in the reader's transaction, so the key and the answer come from one snapshot.
* PostgreSQL (13 or later): the transaction snapshot (``pg_current_snapshot()``): two statements
  with the same snapshot see the same committed data, and any commit changes it. A counter row
  there would make every writer wait for the one before it to commit (it holds the row's lock).
  Under READ COMMITTED the answer's snapshot may be newer than the key's, never older: an entry
  can hold data newer than its key says, which is not stale, only early.

So a committed write is never followed by an answer computed before it: the next read sees a new
generation and misses. A store below revision 0005 has no generation, and nothing is cached.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

T = TypeVar("T")

CACHE_MB_ENV = "EVENTWIRE_READ_CACHE_MB"
DEFAULT_CACHE_MB = 64
# What a non-bytes value (a count, a dict of a few rankings) is charged against the budget.
SMALL_VALUE_BYTES = 1024


def cache_budget() -> int:
    """Bytes the cache may hold: ``EVENTWIRE_READ_CACHE_MB`` (0 turns caching off), default 64."""
    raw = os.environ.get(CACHE_MB_ENV, "").strip()
    try:
        mb = float(raw) if raw else DEFAULT_CACHE_MB
    except ValueError:
        mb = DEFAULT_CACHE_MB
    return max(0, int(mb * 1024 * 1024))


def write_generation(conn: Connection) -> Hashable | None:
    """The store's write generation as seen by this connection's snapshot; None where the store
    has none (an older revision, or another database)."""
    dialect = conn.dialect.name
    if dialect == "sqlite":
        try:
            return conn.exec_driver_sql("SELECT gen FROM store_generation").scalar()
        except sa.exc.OperationalError:  # no such table: a store below revision 0005
            return None
    if dialect == "postgresql":
        return conn.exec_driver_sql("SELECT pg_current_snapshot()::text").scalar()
    return None


class ReadCache:
    """A bounded LRU of answers for one generation; a new generation drops the old answers."""

    def __init__(self, budget_bytes: int | None = None) -> None:
        self.budget = cache_budget() if budget_bytes is None else budget_bytes
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._generation: Hashable | None = None
        self._size = 0
        self.hits = 0
        self.misses = 0

    def get_or_compute(self, conn: Connection, key: Hashable, compute: Callable[[Connection], T]) -> T:
        """``compute(conn)``, or its answer from an earlier call in the same write generation."""
        if self.budget <= 0:
            return compute(conn)
        return self._through(write_generation(conn), key, lambda: compute(conn))

    def get_or_call(self, generation: Hashable | None, key: Hashable, compute: Callable[[], T]) -> T:
        """``compute()``, which reads the store on connections of its own, or its earlier answer.
        ``generation`` must be read *before* compute runs: the answer then reflects that
        generation or a later one, and is never older than its key."""
        if self.budget <= 0:
            return compute()
        return self._through(generation, key, compute)

    def _through(self, gen: Hashable | None, key: Hashable, compute: Callable[[], T]) -> T:
        if gen is None:
            return compute()
        with self._lock:
            if gen == self._generation and key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key][0]
            self.misses += 1
        value = compute()  # outside the lock: readers of other keys do not wait for it
        size = _size(value)
        with self._lock:
            if gen != self._generation:
                # Everything cached belongs to an older snapshot. (A slow reader still on an older
                # generation clears newer answers here: a lost hit, never a stale one.)
                self._entries.clear()
                self._size = 0
                self._generation = gen
            if size <= self.budget and key not in self._entries:
                self._entries[key] = (value, size)
                self._size += size
                while self._size > self.budget:
                    _k, (_v, dropped) = self._entries.popitem(last=False)
                    self._size -= dropped
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._size = 0
            self._generation = None


def _size(value: Any) -> int:
    """What an answer is charged against the budget: its bytes, roughly."""
    if isinstance(value, (bytes, str)):
        return len(value)
    if isinstance(value, tuple):
        return sum(_size(v) for v in value)
    return SMALL_VALUE_BYTES
