"""Incident pages filtered on an actor code and a country, off one index.

``incident_actors.incident_country``: the country of the incident each actor-code facet row belongs
to (``incidents.country``, kept beside the row as its ``sort_date`` is, and rewritten with it by the
linker, incidents/facets.py), with an index (code, incident country, page key). /api/incidents with
``actor=TUR/MIL&country=SY`` then counts and pages the matching incidents off that index, where it
read every incident of the country in page order and probed each one's facets (one index seek per
incident, up to the count bound of matches: at 1M events on PostgreSQL 1.14x the p95 of
/api/events, docs/incidents.md).

Filled here from the incident rows (one UPDATE), before the index exists.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

INDEX = ("ix_inc_actors_code_country", "incident_actors",
         ["country", "sector", "incident_country", "sort_date", "incident_id", "role"])
# The same value as incidents.facets._fill_actors writes (kept literal: a migration must not change
# when the code does).
FILL = ("UPDATE incident_actors SET incident_country = "
        "(SELECT i.country FROM incidents i WHERE i.incident_id = incident_actors.incident_id)")


def upgrade() -> None:
    op.add_column("incident_actors", sa.Column("incident_country", sa.String(2)))
    op.execute(FILL)
    name, table, cols = INDEX
    op.create_index(name, table, cols)
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        # The planner's figures for the new column: without them it took the new value for rare and
        # collected and sorted every match (0.67 s at 1M events) until autovacuum analysed the table.
        op.execute("ANALYZE incident_actors")
    elif bind.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first():
        op.execute("ANALYZE incident_actors")  # an analysed store: figures for the new index too


def downgrade() -> None:
    name, table, _cols = INDEX
    op.drop_index(name, table_name=table)
    with op.batch_alter_table("incident_actors") as batch:
        batch.drop_column("incident_country")
