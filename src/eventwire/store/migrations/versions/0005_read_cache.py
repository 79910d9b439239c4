"""Cheap aggregate reads: a write generation for the read cache (SQLite), and an index that
covers the stats query.

- SQLite: ``store_generation``, one row whose ``gen`` triggers bump on every insert, update and
  delete of articles, events, actors and claims, in the writing transaction. The read cache
  (eventwire/store/cache.py) keys counts and stats by it, so an answer cached before a write is
  never served after that write commits, whichever process or code path wrote. SQLite writers
  are serialised anyway, so the extra row update costs no concurrency. PostgreSQL keys the cache
  by the transaction snapshot instead (a counter row would serialise concurrent writers).
- ``ix_events_stats`` (country, date_start, plover_type, acled_event_type, dead): the stats query
  (one grouped count over those columns) then reads the index alone, not every matching row with
  its stored record, for no filter or a country filter, the dashboard's usual views.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# The tables whose rows event filters and stats read (articles: outlet, published, q).
WATCHED = ("articles", "events", "event_actors", "event_claims")
STATS_INDEX = ("ix_events_stats", "events", ["country", "date_start", "plover_type", "acled_event_type", "dead"])


def upgrade() -> None:
    name, table, cols = STATS_INDEX
    op.create_index(name, table, cols)
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    if bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        # An analysed store: without figures for the new index the planner would weigh measured
        # indexes against a guessed one (as in 0003).
        op.execute("ANALYZE events")
    op.execute("CREATE TABLE store_generation (id INTEGER PRIMARY KEY CHECK (id = 1), gen INTEGER NOT NULL)")
    op.execute("INSERT INTO store_generation (id, gen) VALUES (1, 0)")
    for watched in WATCHED:
        for action in ("INSERT", "UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {watched}_gen_{action.lower()} AFTER {action} ON {watched} BEGIN "
                "UPDATE store_generation SET gen = gen + 1 WHERE id = 1; END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for watched in WATCHED:
            for action in ("insert", "update", "delete"):
                op.execute(f"DROP TRIGGER IF EXISTS {watched}_gen_{action}")
        op.execute("DROP TABLE IF EXISTS store_generation")
    name, table, _cols = STATS_INDEX
    op.drop_index(name, table_name=table)
