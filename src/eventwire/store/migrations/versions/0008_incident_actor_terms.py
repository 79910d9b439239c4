"""Incident pages filtered on an actor name, without reading every matching report.

``incident_actor_terms`` (incident_id, sort_date, role, term): the distinct actor names and mention
texts of each incident's reports (SQLite: one row per distinct name and per distinct text, the
values ``search_terms`` indexes; PostgreSQL: the reports' ``event_actors.search``, "name | text"
lower-cased, with a trigram index as on ``event_actors``). The linker rewrites an incident's rows
here in the transaction that rewrites its ``incidents`` row (incidents/facets.py), as it does for
the actor codes and claim sources of migration 0007. /api/incidents with ``actor=Shabaab`` then
counts incidents off one index (distinct incident ids of the matching terms) where it read the
incident of each of up to 10,001 matching reports (about 7x the p95 of /api/events at 1M events,
computed). Also an index of the actor codes in incident-id order, for the same kind of count.

Filled here from the stored events (one INSERT ... SELECT DISTINCT), before the indexes exist.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ID = sa.String(128)
INDEXES = [
    # a term's incidents in incident-id order (a count reads distinct ids without sorting them),
    # covering the page key and the role
    ("ix_inc_terms_term", "incident_actor_terms", ["term", "incident_id", "sort_date", "role"]),
    # one incident's terms: the linker's rewrite and a broad page's probe
    ("ix_inc_terms_incident", "incident_actor_terms", ["incident_id", "term", "role"]),
    # the same order for actor codes (0007's code index is in page order: a count's distinct ids
    # went through a temporary b-tree, 2.1x the events' p95 at 1M)
    ("ix_inc_actors_code_id", "incident_actors", ["country", "sector", "incident_id", "sort_date", "role"]),
]

# The same statements as incidents.facets._fill_terms (kept literal here: a migration must not
# change when the code does).
_JOIN = ("FROM event_actors a JOIN events e ON e.event_id = a.event_id "
         "JOIN incidents i ON i.incident_id = e.incident_id")
FILL_SQLITE = (
    "INSERT INTO incident_actor_terms (incident_id, sort_date, role, term) "
    f"SELECT e.incident_id, i.sort_date, a.role, a.name {_JOIN} WHERE a.name IS NOT NULL "
    f"UNION SELECT e.incident_id, i.sort_date, a.role, a.text {_JOIN} WHERE a.text IS NOT NULL"
)
FILL_POSTGRESQL = (
    "INSERT INTO incident_actor_terms (incident_id, sort_date, role, term) "
    f"SELECT DISTINCT e.incident_id, i.sort_date, a.role, a.search {_JOIN} WHERE a.search IS NOT NULL"
)


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    op.create_table(
        "incident_actor_terms",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("incident_id", ID, nullable=False),
        sa.Column("sort_date", sa.Date, nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("term", sa.Text, nullable=False),
    )
    op.execute(FILL_POSTGRESQL if dialect == "postgresql" else FILL_SQLITE)
    for name, table, cols in INDEXES:
        op.create_index(name, table, cols)
    if dialect == "postgresql":
        # As ix_actors_search (0002): where pg_trgm cannot be created, substring filters still work,
        # through a scan.
        op.execute(
            "DO $$ BEGIN "
            "CREATE EXTENSION IF NOT EXISTS pg_trgm; "
            "EXECUTE 'CREATE INDEX ix_inc_terms_search ON incident_actor_terms USING gin (term gin_trgm_ops)'; "
            "EXCEPTION WHEN others THEN RAISE NOTICE 'pg_trgm unavailable: %', SQLERRM; "
            "END $$"
        )
    elif bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute("ANALYZE incident_actor_terms")  # an analysed store: figures for the new indexes too
        op.execute("ANALYZE incident_actors")


def downgrade() -> None:
    op.execute("DROP INDEX IF EXISTS ix_inc_terms_search")
    for name, table, _cols in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    op.drop_table("incident_actor_terms")
