"""Each incident's report facets (migration 0007): the distinct actor codes and claim sources of its
reports, kept beside the incident's row, so that /api/incidents filtered on one of them counts and
pages incidents off an index.

Why a copy: an incident matches ``actor=TUR/MIL`` when one of its reports does. Answered from the
reports, the bounded count reads the incident of each of up to 10,001 matching reports (an event
row per report), 3-4x the time of the events' own page at 560,000 events. Here the count reads
distinct incident ids off ``ix_inc_actors_code`` alone.

Exactness: the rows are ``SELECT DISTINCT`` projections of ``event_actors`` / ``event_claims``
joined to the events' incident, rewritten for every incident whose row the linker rewrites (the
same transaction), and the conditions are those of ``EventFilters`` on the same columns (SQLite:
the claim sources a substring matches, looked up in ``search_terms``; PostgreSQL: ILIKE). Only a
filter set made of one faceted filter takes this path: ``actor=X&claim_source=Y`` asks for one
report with both, which per-incident facets cannot tell, so it is answered from the reports.
Actor names (substrings of a name or a mention) are answered from the reports too.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..store.filters import ACTOR_ROLES, EventFilters, _is_actor_code, _values  # noqa: PLC2701
from ..store.incident_tables import incident_actors, incident_claims, incidents
from ..store.schema import event_actors, event_claims, events

FACETED = (*ACTOR_ROLES, "claim_source")


def _fill_actors(ids: list[str] | None) -> sa.Insert:
    a, e, i = event_actors.c, events.c, incidents.c
    sel = (
        sa.select(e.incident_id, i.sort_date, a.role, a.country, a.sector).distinct()
        .select_from(event_actors.join(events, e.event_id == a.event_id).join(incidents, i.incident_id == e.incident_id))
        .where(sa.or_(a.country.is_not(None), a.sector.is_not(None)))
    )
    if ids is not None:
        sel = sel.where(e.incident_id.in_(ids))
    return incident_actors.insert().from_select(["incident_id", "sort_date", "role", "country", "sector"], sel)


def _fill_claims(ids: list[str] | None) -> sa.Insert:
    c, e, i = event_claims.c, events.c, incidents.c
    sel = (
        sa.select(e.incident_id, i.sort_date, c.claim_source).distinct()
        .select_from(event_claims.join(events, e.event_id == c.event_id).join(incidents, i.incident_id == e.incident_id))
    )
    if ids is not None:
        sel = sel.where(e.incident_id.in_(ids))
    return incident_claims.insert().from_select(["incident_id", "sort_date", "claim_source"], sel)


def refresh(conn: Connection, incident_ids: Iterable[str]) -> None:
    """Rewrite the facets of these incidents from their events (after their rows were rewritten;
    an incident left without a row loses its facets)."""
    ids = sorted(set(incident_ids))
    if not ids:
        return
    conn.execute(incident_actors.delete().where(incident_actors.c.incident_id.in_(ids)))
    conn.execute(incident_claims.delete().where(incident_claims.c.incident_id.in_(ids)))
    conn.execute(_fill_actors(ids))
    conn.execute(_fill_claims(ids))


def rebuild(conn: Connection) -> None:
    """Every incident's facets, from the stored events (after ``linker.rebuild_all``)."""
    conn.execute(incident_actors.delete())
    conn.execute(incident_claims.delete())
    conn.execute(_fill_actors(None))
    conn.execute(_fill_claims(None))


def present(conn: Connection) -> bool:
    return sa.inspect(conn).has_table("incident_actors")


def faceted(rep: EventFilters | None) -> str | None:
    """The one faceted filter that makes up the report-level filters (``actor``, ``actor1``,
    ``actor2`` with codes only, or ``claim_source``), else None (answered from the reports)."""
    if rep is None:
        return None
    blank = EventFilters()
    changed = [n for n in EventFilters.names() if getattr(rep, n) != getattr(blank, n)]
    if len(changed) != 1 or changed[0] not in FACETED:
        return None
    name = changed[0]
    if name != "claim_source" and not all(_is_actor_code(v) for v in getattr(rep, name)):
        return None
    return name


def _unindexed(column: Any, dialect: str) -> Any:
    """SQLite: ``+column``, which the planner cannot match to an index. A probe (one incident's
    facets) must seek ``ix_..._incident`` by incident id; offered the value index as well, SQLite
    without statistics for these tables took it and read every row of the value for each incident
    probed (seconds per page at 100,000 events). PostgreSQL plans on its statistics."""
    if dialect != "sqlite":
        return column
    return sa.literal_column(f"+{column.table.name}.{column.name}", column.type)


def match(
    store: Any, conn: Connection, rep: EventFilters, name: str, *, probe: bool = False,
) -> tuple[sa.Table, list[sa.ColumnElement[bool]]]:
    """The facet table and the conditions on it equal to the reports' filter ``name``. ``probe``:
    the conditions of an EXISTS correlated on the incident id (no index on the values)."""
    d = store.dialect

    def col(column: Any) -> Any:
        return _unindexed(column, d) if probe else column

    if name == "claim_source":
        c = incident_claims.c
        if d == "sqlite":  # as EventFilters.semi_joins: the stored sources each value matches
            terms = store._terms(rep, conn)  # noqa: SLF001
            cond = sa.or_(*(col(c.claim_source).in_(_values(terms, "claim", v)) for v in rep.claim_source))
        else:
            cond = sa.or_(*(c.claim_source.icontains(v, autoescape=True) for v in rep.claim_source))
        return incident_claims, [cond]
    a = incident_actors.c
    parts = []
    for value in getattr(rep, name):
        country, _, sector = value.partition("/")
        part = []
        if country:
            part.append(col(a.country) == country)
        if sector:
            part.append(col(a.sector) == sector)
        parts.append(sa.and_(*part))
    role = ACTOR_ROLES[name]
    return incident_actors, [sa.or_(*parts), *([col(a.role) == role] if role else [])]


__all__ = ["FACETED", "faceted", "match", "present", "rebuild", "refresh"]
