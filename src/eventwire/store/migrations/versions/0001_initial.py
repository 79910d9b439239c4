"""Initial schema: articles, events, actors, claims, failures, full-text search.

Revision ID: 0001
Revises:
Create Date: 2026-11-29
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(128)
TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("article_id", ID, primary_key=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(512)),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("published", sa.Date),
        sa.Column("language", sa.String(16)),
        sa.Column("origin", sa.Text),
        sa.Column("extractor_version", sa.String(256), nullable=False, server_default=""),
        sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
        sa.Column("created", TS, nullable=False),
        sa.Column("updated", TS, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("event_id", ID, primary_key=True),
        sa.Column(
            "article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("extractor_version", sa.String(256), nullable=False),
        sa.Column("plover_type", sa.String(32), nullable=False),
        sa.Column("plover_mode", sa.String(64)),
        sa.Column("acled_event_type", sa.String(64)),
        sa.Column("acled_sub_event_type", sa.String(128)),
        sa.Column("cameo_root", sa.String(4)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("place_name", sa.String(512)),
        sa.Column("geonameid", sa.BigInteger),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("location_precision", sa.String(16)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("dead", sa.Integer),
        sa.Column("injured", sa.Integer),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("incident_id", ID),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "event_actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("name", sa.String(512)),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
    )
    op.create_table(
        "event_claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", ID, sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
        sa.Column("claim_source", sa.String(512), nullable=False),
    )
    op.create_table(
        "failures",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.Text, nullable=False, unique=True),
        sa.Column("code", sa.String(16), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("first_seen", TS, nullable=False),
        sa.Column("last_seen", TS, nullable=False),
        sa.Column("retries", sa.Integer, nullable=False, server_default="0"),
    )
    for name, table, cols in [
        ("ix_events_sort", "events", ["sort_date", "event_id"]),
        ("ix_events_article", "events", ["article_id"]),
        ("ix_events_plover", "events", ["plover_type", "sort_date"]),
        ("ix_events_acled", "events", ["acled_event_type", "sort_date"]),
        ("ix_events_acled_sub", "events", ["acled_sub_event_type", "sort_date"]),
        ("ix_events_country", "events", ["country", "sort_date"]),
        ("ix_events_admin1", "events", ["admin1", "sort_date"]),
        ("ix_events_incident", "events", ["incident_id"]),
        ("ix_events_lonlat", "events", ["lon", "lat"]),
        ("ix_events_dates", "events", ["date_start", "date_end"]),
        ("ix_actors_event", "event_actors", ["event_id"]),
        ("ix_actors_code", "event_actors", ["country", "sector"]),
        ("ix_actors_name", "event_actors", ["name"]),
        ("ix_claims_event", "event_claims", ["event_id"]),
        ("ix_claims_source", "event_claims", ["claim_source"]),
        ("ix_articles_published", "articles", ["published"]),
    ]:
        op.create_index(name, table, cols)

    # Full-text search over article text: FTS5 on SQLite (a table kept in step by the store),
    # a stored tsvector with a GIN index on PostgreSQL (kept in step by the database).
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(article_id UNINDEXED, title, text)")
    elif dialect == "postgresql":
        op.execute(
            "ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED"
        )
        op.execute("CREATE INDEX ix_articles_tsv ON articles USING gin (tsv)")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("failures", "event_claims", "event_actors", "events", "articles"):
        op.drop_table(table)
