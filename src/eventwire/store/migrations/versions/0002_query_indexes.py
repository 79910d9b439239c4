"""Query speed at scale: indexes matching the page order, event spans, actor-name substring search.

- The filter indexes end with (sort_date, event_id), the full order of a page, so a filtered page
  "newest first" is read off the index with no sort step.
- ``events.span_days`` (date_end - date_start) lets a date filter bound date_start from both
  sides (an interval overlapping [A, B] starts after A minus the longest span), so it reads a
  range of the date index instead of everything before B.
- ``articles.fts_id`` (SQLite): the article's rowid in articles_fts, so that a full-text filter
  can check one article (MATCH with rowid =) while a page is read in date order.
- Actor name/text substring search: a trigram GIN index on a generated lowercase column on
  PostgreSQL (pg_trgm), an FTS5 trigram table kept in step by triggers on SQLite.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# (name, table, columns): replaced by versions ending with the page order.
REPLACED = [
    ("ix_events_plover", "events", ["plover_type", "sort_date", "event_id"]),
    ("ix_events_acled", "events", ["acled_event_type", "sort_date", "event_id"]),
    ("ix_events_acled_sub", "events", ["acled_sub_event_type", "sort_date", "event_id"]),
    ("ix_events_country", "events", ["country", "sort_date", "event_id"]),
    ("ix_events_admin1", "events", ["admin1", "sort_date", "event_id"]),
    ("ix_events_incident", "events", ["incident_id", "sort_date", "event_id"]),
    ("ix_actors_code", "event_actors", ["country", "sector", "event_id"]),
    ("ix_claims_source", "event_claims", ["claim_source", "event_id"]),
]
ORIGINAL = {"ix_events_incident": ["incident_id"], "ix_claims_source": ["claim_source"]}
ADDED = [
    ("ix_events_start", "events", ["date_start", "date_end", "sort_date", "event_id"]),
    ("ix_events_span", "events", ["span_days"]),
    ("ix_events_confidence", "events", ["confidence"]),
    # The most common ACLED-style query: a country and an event type.
    ("ix_events_country_acled", "events", ["country", "acled_event_type", "sort_date", "event_id"]),
    ("ix_events_country_plover", "events", ["country", "plover_type", "sort_date", "event_id"]),
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.add_column("events", sa.Column("span_days", sa.Integer))
    if dialect == "sqlite":
        op.execute(
            "UPDATE events SET span_days = CAST(julianday(date_end) - julianday(date_start) AS INTEGER) "
            "WHERE date_start IS NOT NULL AND date_end IS NOT NULL"
        )
    else:
        op.execute(
            "UPDATE events SET span_days = date_end - date_start "
            "WHERE date_start IS NOT NULL AND date_end IS NOT NULL"
        )
    for name, table, cols in REPLACED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, cols)
    for name, table, cols in ADDED:
        op.create_index(name, table, cols)
    op.drop_index("ix_events_dates", table_name="events")

    op.add_column("articles", sa.Column("fts_id", sa.Integer))
    if dialect == "sqlite":
        # Through an indexed copy: article_id is not indexed inside the FTS table.
        op.execute("CREATE TEMP TABLE fts_map AS SELECT rowid AS r, article_id AS a FROM articles_fts")
        op.execute("CREATE INDEX temp.ix_fts_map ON fts_map(a)")
        op.execute("UPDATE articles SET fts_id = (SELECT r FROM fts_map WHERE a = articles.article_id)")
        op.execute("DROP TABLE temp.fts_map")
        # A separate FTS5 table (rowid = event_actors.id): its trigram tokenizer answers substring
        # MATCH queries from the index, case-insensitively.
        op.execute("CREATE VIRTUAL TABLE actors_fts USING fts5(search, tokenize='trigram')")
        op.execute(
            "INSERT INTO actors_fts(rowid, search) "
            "SELECT id, coalesce(name, '') || ' | ' || text FROM event_actors"
        )
        op.execute(
            "CREATE TRIGGER actors_fts_ins AFTER INSERT ON event_actors BEGIN "
            "INSERT INTO actors_fts(rowid, search) VALUES (new.id, coalesce(new.name, '') || ' | ' || new.text); "
            "END"
        )
        op.execute(
            "CREATE TRIGGER actors_fts_del AFTER DELETE ON event_actors BEGIN "
            "DELETE FROM actors_fts WHERE rowid = old.id; END"
        )
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE event_actors ADD COLUMN search text GENERATED ALWAYS AS "
            "(lower(coalesce(name, '') || ' | ' || text)) STORED"
        )
        # pg_trgm ships with PostgreSQL's contrib; where it cannot be created (no contrib, no
        # privilege) the substring search still works, through a sequential scan.
        op.execute(
            "DO $$ BEGIN "
            "CREATE EXTENSION IF NOT EXISTS pg_trgm; "
            "EXECUTE 'CREATE INDEX ix_actors_search ON event_actors USING gin (search gin_trgm_ops)'; "
            "EXCEPTION WHEN others THEN RAISE NOTICE 'pg_trgm unavailable: %', SQLERRM; "
            "END $$"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS actors_fts_ins")
        op.execute("DROP TRIGGER IF EXISTS actors_fts_del")
        op.execute("DROP TABLE IF EXISTS actors_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_actors_search")
        op.execute("ALTER TABLE event_actors DROP COLUMN search")
    for name, table, _ in ADDED:
        op.drop_index(name, table_name=table)
    op.drop_column("articles", "fts_id")
    op.create_index("ix_events_dates", "events", ["date_start", "date_end"])
    for name, table, cols in REPLACED:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, ORIGINAL.get(name, cols[:2]))
    op.drop_column("events", "span_days")
