"""The tables, as SQLAlchemy Core metadata (the queries are built against these objects).

The migrations in ``migrations/versions`` create the same tables; a change here needs a new
revision there (``alembic revision`` with ``script_location`` set to the migrations folder).
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

ID = sa.String(128)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("article_id", ID, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False),
    sa.Column("source", sa.String(512)),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.String(16)),
    sa.Column("origin", sa.Text),
    # The extractor version whose events are stored now: re-extraction with another one replaces them.
    sa.Column("extractor_version", sa.String(256), nullable=False, server_default=""),
    sa.Column("n_events", sa.Integer, nullable=False, server_default="0"),
    sa.Column("created", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated", sa.DateTime(timezone=True), nullable=False),
    # SQLite: this article's rowid in articles_fts (migration 0002), for one-document MATCH checks.
    sa.Column("fts_id", sa.Integer),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
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
    # Never null, so that one index serves "newest first" on both databases (NULL order differs).
    sa.Column("sort_date", sa.Date, nullable=False),
    # date_end - date_start in days: bounds date filters from both sides (migration 0002).
    sa.Column("span_days", sa.Integer),
    sa.Column("dead", sa.Integer),
    sa.Column("injured", sa.Integer),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("incident_id", ID),
    sa.Column("record", sa.Text, nullable=False),  # the public record (SCHEMA.md) as JSON
    # The sort_date of the event's incident (incidents.sort_date; migration 0006), kept by the linker:
    # /api/incidents filtered on reports reads matching reports in incident order off one index.
    sa.Column("incident_sort_date", sa.Date),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", ID, sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("name", sa.String(512)),
    sa.Column("country", sa.String(8)),
    sa.Column("sector", sa.String(8)),
)

event_claims = sa.Table(
    "event_claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", ID, sa.ForeignKey("events.event_id", ondelete="CASCADE"), nullable=False),
    sa.Column("claim_source", sa.String(512), nullable=False),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("origin", sa.Text, nullable=False, unique=True),
    sa.Column("code", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
    sa.Column("retries", sa.Integer, nullable=False, server_default="0"),
)

# Indexes for the API filters; most lead with the filter column and end with sort_date so that a
# filtered "newest first" page is read straight off the index.
INDEXES = [
    sa.Index("ix_events_sort", events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_article", events.c.article_id),
    sa.Index("ix_events_plover", events.c.plover_type, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_acled", events.c.acled_event_type, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_acled_sub", events.c.acled_sub_event_type, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_country", events.c.country, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_admin1", events.c.admin1, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_incident", events.c.incident_id, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_lonlat", events.c.lon, events.c.lat),
    sa.Index("ix_events_start", events.c.date_start, events.c.date_end, events.c.sort_date, events.c.event_id),
    sa.Index("ix_events_span", events.c.span_days),
    sa.Index("ix_events_confidence", events.c.confidence),
    sa.Index("ix_events_country_acled", events.c.country, events.c.acled_event_type, events.c.sort_date,
             events.c.event_id),
    sa.Index("ix_events_country_plover", events.c.country, events.c.plover_type, events.c.sort_date,
             events.c.event_id),
    sa.Index("ix_actors_event", event_actors.c.event_id),
    sa.Index("ix_actors_code", event_actors.c.country, event_actors.c.sector, event_actors.c.event_id),
    sa.Index("ix_actors_name", event_actors.c.name),
    sa.Index("ix_claims_event", event_claims.c.event_id),
    sa.Index("ix_claims_source", event_claims.c.claim_source, event_claims.c.event_id),
    sa.Index("ix_articles_published", articles.c.published),
    # Covers the stats query (migration 0005): no filter or a country filter reads only the index.
    sa.Index("ix_events_stats", events.c.country, events.c.date_start, events.c.plover_type,
             events.c.acled_event_type, events.c.dead),
    # migration 0006: incident pages filtered on reports, in incident order (incidents/queries.py)
    sa.Index("ix_events_incident_order", events.c.incident_sort_date, events.c.incident_id, events.c.event_id),
    # migration 0006: covers the incident linker's candidate read (incidents/linker.py)
    sa.Index("ix_events_link", events.c.country, events.c.plover_type, events.c.sort_date, events.c.event_id,
             events.c.article_id, events.c.incident_id, events.c.plover_mode, events.c.date_start, events.c.date_end,
             events.c.date_precision, events.c.admin1, events.c.geonameid, events.c.lat, events.c.lon,
             events.c.location_precision),
]
