"""Cheaper incident linking at ingest: each article's linking names kept, and an index that
covers the linker's candidate read.

- ``article_link_names``: the distinctive names of each article (``incidents.context.names``),
  written when the article is linked. The linker compares them between a new article and the
  articles of its candidates; it used to read and re-scan every candidate article's text for
  them, for each new article. Articles stored before this revision get their row the first
  time a new article's candidate needs it (in that writer's transaction), so nothing is
  recomputed in bulk here.
- ``ix_events_link``: (country, plover_type, sort_date, event_id) like ``ix_events_country_plover``,
  then every other column the candidate read returns, so that the read (one index range per type,
  country and date window) is answered from the index alone instead of one table row per
  candidate. Same leading columns, so the rows come back in the same order (the read has a LIMIT).
- ``events.incident_sort_date``: the sort_date of the event's incident, kept by the linker when it
  rewrites an incident's row, with ``ix_events_incident_order`` (incident_sort_date, incident_id,
  event_id).
  /api/incidents filtered on what only reports have (actor, claim source, outlet, text) reads the
  matching reports in incident order off that index and stops at a page of distinct incidents,
  as /api/events reads events, instead of probing incident after incident through its reports.
  Filled here from the incident rows (one pass over the events; about a minute at 1M events).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.String(128)
LINK_INDEX = (
    "ix_events_link", "events",
    ["country", "plover_type", "sort_date", "event_id", "article_id", "incident_id", "plover_mode", "date_start",
     "date_end", "date_precision", "admin1", "geonameid", "lat", "lon", "location_precision"],
)
# event_id last: a broad page probes each report's actors/claims by event_id straight off the index
ORDER_INDEX = ("ix_events_incident_order", "events", ["incident_sort_date", "incident_id", "event_id"])


def upgrade() -> None:
    op.create_table(
        "article_link_names",
        sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
        sa.Column("names", sa.Text, nullable=False),
    )
    name, table, cols = LINK_INDEX
    op.create_index(name, table, cols)
    op.add_column("events", sa.Column("incident_sort_date", sa.Date))
    op.execute(
        "UPDATE events SET incident_sort_date = (SELECT incidents.sort_date FROM incidents "
        "WHERE incidents.incident_id = events.incident_id) WHERE incident_id IS NOT NULL"
    )
    name, table, cols = ORDER_INDEX
    op.create_index(name, table, cols)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).first():
        # An analysed store: the planner would otherwise weigh measured indexes against a guessed one (0003, 0005).
        op.execute("ANALYZE events")


def downgrade() -> None:
    name, table, _cols = ORDER_INDEX
    op.drop_index(name, table_name=table)
    if op.get_bind().dialect.name == "sqlite":
        # SQLite 3.35+ drops a column in place; a batch copy of the table would lose its triggers (0005).
        op.execute("ALTER TABLE events DROP COLUMN incident_sort_date")
    else:
        op.drop_column("events", "incident_sort_date")
    name, table, _cols = LINK_INDEX
    op.drop_index(name, table_name=table)
    op.drop_table("article_link_names")
