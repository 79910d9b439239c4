"""Tables of incidents across articles (migration 0004), on the store's metadata.

- ``incidents``: one row per incident (reports of one real incident, across articles and outlets):
  the filterable summary columns plus ``record``, the public incident record as JSON.
- ``article_stories``: each stored article's story, i.e. the cluster of copies and rewrites of one
  text (wire copy in several outlets, updates of one article), so that copies count as one story.
- ``article_bands``: MinHash LSH band keys of each article's text, the candidates for copy detection.
- ``article_link_names`` (migration 0006): each article's distinctive names (``incidents.context.names``),
  joined by newlines, so that linking compares articles without re-reading their texts.
"""

from __future__ import annotations

import sqlalchemy as sa

from .schema import ID, metadata

incidents = sa.Table(
    "incidents",
    metadata,
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
    sa.Column("span_days", sa.Integer),  # date_end - date_start: bounds date filters from both sides
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

article_stories = sa.Table(
    "article_stories",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("story_id", ID, nullable=False),
    sa.Column("similarity", sa.Float),
)

article_bands = sa.Table(
    "article_bands",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("band", sa.String(40), nullable=False),
    sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
)

article_link_names = sa.Table(
    "article_link_names",
    metadata,
    sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), primary_key=True),
    sa.Column("names", sa.Text, nullable=False),
)

INCIDENT_INDEXES = [
    sa.Index("ix_incidents_sort", incidents.c.sort_date, incidents.c.incident_id),
    sa.Index("ix_incidents_country", incidents.c.country, incidents.c.sort_date, incidents.c.incident_id),
    sa.Index("ix_incidents_plover", incidents.c.plover_type, incidents.c.sort_date, incidents.c.incident_id),
    sa.Index("ix_incidents_acled", incidents.c.acled_event_type, incidents.c.sort_date, incidents.c.incident_id),
    sa.Index("ix_incidents_acled_sub", incidents.c.acled_sub_event_type, incidents.c.sort_date,
             incidents.c.incident_id),
    sa.Index("ix_incidents_admin1", incidents.c.admin1, incidents.c.sort_date, incidents.c.incident_id),
    sa.Index("ix_incidents_start", incidents.c.date_start, incidents.c.date_end),
    sa.Index("ix_incidents_span", incidents.c.span_days),
    sa.Index("ix_incidents_country_acled", incidents.c.country, incidents.c.acled_event_type, incidents.c.sort_date,
             incidents.c.incident_id),
    sa.Index("ix_incidents_country_plover", incidents.c.country, incidents.c.plover_type, incidents.c.sort_date,
             incidents.c.incident_id),
    sa.Index("ix_incidents_lonlat", incidents.c.lon, incidents.c.lat),
    sa.Index("ix_stories_story", article_stories.c.story_id),
    sa.Index("ix_bands_band", article_bands.c.band),
    sa.Index("ix_bands_article", article_bands.c.article_id),
]
