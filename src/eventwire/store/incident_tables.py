"""Tables of incidents across articles (migration 0004), on the store's metadata.

- ``incidents``: one row per incident (reports of one real incident, across articles and outlets):
  the filterable summary columns plus ``record``, the public incident record as JSON.
- ``article_stories``: each stored article's story, i.e. the cluster of copies and rewrites of one
  text (wire copy in several outlets, updates of one article), so that copies count as one story.
- ``article_bands``: MinHash LSH band keys of each article's text, the candidates for copy detection.
- ``article_link_names`` (migration 0006): each article's distinctive names (``incidents.context.names``),
  joined by newlines, so that linking compares articles without re-reading their texts.
- ``incident_actors`` / ``incident_claims`` (migration 0007): each incident's distinct actor codes
  (role, country, sector) and claim sources over its reports, for incident pages filtered on them.
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

# Migration 0010: each event's evidence sentence and trigger within it, hashed
# (incidents/passages.py), so that a report copied sentence for sentence into another article is
# found whatever its date, place or the rest of its article say.
evidence_keys = sa.Table(
    "evidence_keys",
    metadata,
    sa.Column("event_id", ID, primary_key=True),
    sa.Column("article_id", ID, sa.ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    sa.Column("key", sa.String(40), nullable=False),
)

# Migration 0007: each incident's distinct report facets, kept by the linker with the incident's row,
# so that /api/incidents filtered on an actor code or a claim source counts and pages incidents off
# these indexes instead of reading every matching report's incident (incidents/facets.py).
incident_actors = sa.Table(
    "incident_actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", ID, nullable=False),
    sa.Column("sort_date", sa.Date, nullable=False),  # the incident's (incidents.sort_date)
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("country", sa.String(8)),
    sa.Column("sector", sa.String(8)),
    # the incident's country (incidents.country, migration 0009): a code and a country off one index
    sa.Column("incident_country", sa.String(2)),
)

incident_claims = sa.Table(
    "incident_claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", ID, nullable=False),
    sa.Column("sort_date", sa.Date, nullable=False),
    sa.Column("claim_source", sa.String(512), nullable=False),
)

# Migration 0008: each incident's distinct actor names and mention texts (SQLite: the values
# ``search_terms`` indexes, one row each; PostgreSQL: ``event_actors.search``, "name | text" lower-cased),
# for incident pages filtered on an actor name.
incident_actor_terms = sa.Table(
    "incident_actor_terms",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("incident_id", ID, nullable=False),
    sa.Column("sort_date", sa.Date, nullable=False),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("term", sa.Text, nullable=False),
)

FACET_INDEXES = [
    # a code's incidents in page order (country and sector given), covering the role
    sa.Index("ix_inc_actors_code", incident_actors.c.country, incident_actors.c.sector, incident_actors.c.sort_date,
             incident_actors.c.incident_id, incident_actors.c.role),
    # the same in incident-id order: a count's distinct ids without a sort (migration 0008)
    sa.Index("ix_inc_actors_code_id", incident_actors.c.country, incident_actors.c.sector, incident_actors.c.incident_id,
             incident_actors.c.sort_date, incident_actors.c.role),
    # a code's incidents of one country in page order (migration 0009)
    sa.Index("ix_inc_actors_code_country", incident_actors.c.country, incident_actors.c.sector,
             incident_actors.c.incident_country, incident_actors.c.sort_date, incident_actors.c.incident_id,
             incident_actors.c.role),
    sa.Index("ix_inc_actors_sector", incident_actors.c.sector, incident_actors.c.sort_date,
             incident_actors.c.incident_id, incident_actors.c.role),
    # one incident's facets: the linker's rewrite and a broad page's probe
    sa.Index("ix_inc_actors_incident", incident_actors.c.incident_id, incident_actors.c.country,
             incident_actors.c.sector, incident_actors.c.role),
    sa.Index("ix_inc_claims_source", incident_claims.c.claim_source, incident_claims.c.sort_date,
             incident_claims.c.incident_id),
    sa.Index("ix_inc_claims_incident", incident_claims.c.incident_id, incident_claims.c.claim_source),
    # a term's incidents in incident-id order (a count's distinct ids need no sort), covering
    sa.Index("ix_inc_terms_term", incident_actor_terms.c.term, incident_actor_terms.c.incident_id,
             incident_actor_terms.c.sort_date, incident_actor_terms.c.role),
    sa.Index("ix_inc_terms_incident", incident_actor_terms.c.incident_id, incident_actor_terms.c.term,
             incident_actor_terms.c.role),
]

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
    sa.Index("ix_evidence_keys_key", evidence_keys.c.key, evidence_keys.c.article_id),
    sa.Index("ix_evidence_keys_article", evidence_keys.c.article_id),
    sa.Index("ix_stories_story", article_stories.c.story_id),
    sa.Index("ix_bands_band", article_bands.c.band),
    sa.Index("ix_bands_article", article_bands.c.article_id),
]
