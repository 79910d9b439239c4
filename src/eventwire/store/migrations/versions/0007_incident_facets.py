"""Incident pages filtered on an actor code or a claim source, without reading every matching report.

``incident_actors`` (incident_id, sort_date, role, country, sector) and ``incident_claims``
(incident_id, sort_date, claim_source): the distinct actor codes and claim sources of each
incident's reports, with the incident's sort_date. The linker rewrites an incident's rows here in
the transaction that rewrites its ``incidents`` row (incidents/facets.py). /api/incidents with
``actor=TUR/MIL`` or ``claim_source=...`` then counts the incidents off one index (distinct
incident ids, up to the count bound) and pages them in incident order, where it used to read the
incident of each of up to 10,001 matching reports (3-4x the p95 of /api/events at 560,000 events).
Actor rows with neither a country nor a sector are left out: no code filter can match them.

Filled here from the stored events (one INSERT ... SELECT DISTINCT per table).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.String(128)
INDEXES = [
    ("ix_inc_actors_code", "incident_actors", ["country", "sector", "sort_date", "incident_id", "role"]),
    ("ix_inc_actors_sector", "incident_actors", ["sector", "sort_date", "incident_id", "role"]),
    ("ix_inc_actors_incident", "incident_actors", ["incident_id", "country", "sector", "role"]),
    ("ix_inc_claims_source", "incident_claims", ["claim_source", "sort_date", "incident_id"]),
    ("ix_inc_claims_incident", "incident_claims", ["incident_id", "claim_source"]),
]

# The same statements as incidents.facets.fill (kept literal here: a migration must not change
# when the code does).
FILL_ACTORS = (
    "INSERT INTO incident_actors (incident_id, sort_date, role, country, sector) "
    "SELECT DISTINCT e.incident_id, i.sort_date, a.role, a.country, a.sector "
    "FROM event_actors a JOIN events e ON e.event_id = a.event_id "
    "JOIN incidents i ON i.incident_id = e.incident_id "
    "WHERE a.country IS NOT NULL OR a.sector IS NOT NULL"
)
FILL_CLAIMS = (
    "INSERT INTO incident_claims (incident_id, sort_date, claim_source) "
    "SELECT DISTINCT e.incident_id, i.sort_date, c.claim_source "
    "FROM event_claims c JOIN events e ON e.event_id = c.event_id "
    "JOIN incidents i ON i.incident_id = e.incident_id"
)


def upgrade() -> None:
    op.create_table(
        "incident_actors",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("country", sa.String(8)),
        sa.Column("sector", sa.String(8)),
    )
    op.create_table(
        "incident_claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("claim_source", sa.String(512), nullable=False),
    )
    # filled before the indexes exist: one sort per index instead of row-by-row index upkeep
    op.execute(FILL_ACTORS)
    op.execute(FILL_CLAIMS)
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite" and bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"
    ).first():
        # An analysed store: figures for the new tables' indexes too (as in 0003, 0005, 0006).
        op.execute("ANALYZE incident_actors")
        op.execute("ANALYZE incident_claims")


def downgrade() -> None:
    for name, table, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("incident_claims")
    op.drop_table("incident_actors")
