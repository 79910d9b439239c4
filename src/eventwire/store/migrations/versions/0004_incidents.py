"""Incidents across articles: ``incidents``, ``article_stories`` (copies of one story) and
``article_bands`` (MinHash LSH keys for finding copies), with their indexes.

Events stored before this revision keep their per-article incident ids and have no incident row;
re-ingesting their articles with another extractor version links them.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

ID = sa.String(128)


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("incident_id", ID, primary_key=True),
        sa.Column("plover_type", sa.String(32), nullable=False),
        sa.Column("acled_event_type", sa.String(64)),
        sa.Column("acled_sub_event_type", sa.String(128)),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.String(256)),
        sa.Column("place_name", sa.String(512)),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("location_precision", sa.String(16)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(16)),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("span_days", sa.Integer),
        sa.Column("first_report", sa.Date),
        sa.Column("last_report", sa.Date),
        sa.Column("n_reports", sa.Integer, nullable=False),
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("n_stories", sa.Integer, nullable=False),
        sa.Column("n_outlets", sa.Integer, nullable=False),
        sa.Column("dead_low", sa.Integer),
        sa.Column("dead_best", sa.Integer),
        sa.Column("dead_high", sa.Integer),
        sa.Column("injured_low", sa.Integer),
        sa.Column("injured_best", sa.Integer),
        sa.Column("injured_high", sa.Integer),
        sa.Column("conflict", sa.Boolean, nullable=False),
        sa.Column("max_confidence", sa.Float, nullable=False),
        sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "article_stories",
        sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", ID, nullable=False),
        sa.Column("similarity", sa.Float),
    )
    op.create_table(
        "article_bands",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("band", sa.String(40), nullable=False),
        sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    )
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)


INDEXES = [
    ("ix_incidents_sort", "incidents", ["sort_date", "incident_id"]),
    ("ix_incidents_country", "incidents", ["country", "sort_date", "incident_id"]),
    ("ix_incidents_plover", "incidents", ["plover_type", "sort_date", "incident_id"]),
    ("ix_incidents_acled", "incidents", ["acled_event_type", "sort_date", "incident_id"]),
    ("ix_incidents_acled_sub", "incidents", ["acled_sub_event_type", "sort_date", "incident_id"]),
    ("ix_incidents_admin1", "incidents", ["admin1", "sort_date", "incident_id"]),
    ("ix_incidents_start", "incidents", ["date_start", "date_end"]),
    ("ix_incidents_span", "incidents", ["span_days"]),
    ("ix_incidents_country_acled", "incidents", ["country", "acled_event_type", "sort_date", "incident_id"]),
    ("ix_incidents_country_plover", "incidents", ["country", "plover_type", "sort_date", "incident_id"]),
    ("ix_incidents_lonlat", "incidents", ["lon", "lat"]),
    ("ix_stories_story", "article_stories", ["story_id"]),
    ("ix_bands_band", "article_bands", ["band"]),
    ("ix_bands_article", "article_bands", ["article_id"]),
]


def downgrade() -> None:
    for name, table, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("article_bands")
    op.drop_table("article_stories")
    op.drop_table("incidents")
