"""Each incident's report facets: the distinct actor codes and claim sources (migration 0007) and
actor names and mention texts (0008) of its reports, kept beside the incident's row, so that
/api/incidents filtered on one of them counts and pages incidents off an index.

Why a copy: an incident matches ``actor=TUR/MIL`` when one of its reports does. Answered from the
reports, the bounded count reads the incident of each of up to 10,001 matching reports (an event
row per report), 3-4x the time of the events' own page at 560,000 events. Here the count reads
distinct incident ids off ``ix_inc_actors_code`` alone.

Exactness: the rows are ``SELECT DISTINCT`` projections of ``event_actors`` / ``event_claims``
joined to the events' incident, rewritten for every incident whose row the linker rewrites (the
same transaction), and the conditions are those of ``EventFilters`` on the same columns (SQLite:
the claim sources a substring matches, looked up in ``search_terms``; PostgreSQL: ILIKE). Only a
filter set made of one faceted filter takes this path: ``actor=X&claim_source=Y`` asks for one
report with both, which per-incident facets cannot tell, so it is answered from the reports; so is
one actor filter mixing codes and names (``actor=TUR/MIL|Shabaab``).

Actor names (a substring of a name or of a mention's text, case ignored): SQLite keeps each distinct
name and text as a term and the filter is ``term IN`` the stored values ``search_terms`` finds for
the substring, as ``EventFilters`` matches ``name IN`` or ``text IN`` them; PostgreSQL keeps the
reports' ``search`` column ("name | text", lower-cased) and the filter is the same ``LIKE``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..store.filters import ACTOR_ROLES, EventFilters, _is_actor_code, _values  # noqa: PLC2701
from ..store.incident_tables import incident_actor_terms, incident_actors, incident_claims, incidents
from ..store.schema import event_actors, event_claims, events

FACETED = (*ACTOR_ROLES, "claim_source")


def _fill_actors(ids: list[str] | None, *, country: bool = True) -> sa.Insert:
    """``country``: the store keeps the incident's country beside each row (migration 0009)."""
    a, e, i = event_actors.c, events.c, incidents.c
    cols = [e.incident_id, i.sort_date, a.role, a.country, a.sector, *([i.country] if country else [])]
    sel = (
        sa.select(*cols).distinct()
        .select_from(event_actors.join(events, e.event_id == a.event_id).join(incidents, i.incident_id == e.incident_id))
        .where(sa.or_(a.country.is_not(None), a.sector.is_not(None)))
    )
    if ids is not None:
        sel = sel.where(e.incident_id.in_(ids))
    names = ["incident_id", "sort_date", "role", "country", "sector", *(["incident_country"] if country else [])]
    return incident_actors.insert().from_select(names, sel)


def _fill_claims(ids: list[str] | None) -> sa.Insert:
    c, e, i = event_claims.c, events.c, incidents.c
    sel = (
        sa.select(e.incident_id, i.sort_date, c.claim_source).distinct()
        .select_from(event_claims.join(events, e.event_id == c.event_id).join(incidents, i.incident_id == e.incident_id))
    )
    if ids is not None:
        sel = sel.where(e.incident_id.in_(ids))
    return incident_claims.insert().from_select(["incident_id", "sort_date", "claim_source"], sel)


def _fill_terms(ids: list[str] | None, dialect: str) -> sa.Insert:
    a, e, i = event_actors.c, events.c, incidents.c
    joined = event_actors.join(events, e.event_id == a.event_id).join(incidents, i.incident_id == e.incident_id)

    def part(term: Any) -> sa.Select[Any]:
        sel = sa.select(e.incident_id, i.sort_date, a.role, term).select_from(joined).where(term.is_not(None))
        return sel.where(e.incident_id.in_(ids)) if ids is not None else sel

    if dialect == "postgresql":
        sel: Any = part(sa.literal_column("event_actors.search", sa.Text)).distinct()
    else:  # UNION: distinct over both parts
        sel = sa.union(part(a.name), part(a.text))
    return incident_actor_terms.insert().from_select(["incident_id", "sort_date", "role", "term"], sel)


def refresh(conn: Connection, incident_ids: Iterable[str], *, terms: bool = True, country: bool = True) -> None:
    """Rewrite the facets of these incidents from their events (after their rows were rewritten;
    an incident left without a row loses its facets). ``terms``: the store has the actor terms
    (migration 0008); ``country``: the incident's country beside its actor codes (0009)."""
    ids = sorted(set(incident_ids))
    if not ids:
        return
    tables = (incident_actors, incident_claims, *((incident_actor_terms,) if terms else ()))
    for table in tables:
        conn.execute(table.delete().where(table.c.incident_id.in_(ids)))
    conn.execute(_fill_actors(ids, country=country))
    conn.execute(_fill_claims(ids))
    if terms:
        conn.execute(_fill_terms(ids, conn.dialect.name))


def rebuild(conn: Connection) -> None:
    """Every incident's facets, from the stored events (after ``linker.rebuild_all``)."""
    terms = has_terms(conn)
    for table in (incident_actors, incident_claims, *((incident_actor_terms,) if terms else ())):
        conn.execute(table.delete())
    conn.execute(_fill_actors(None, country=has_country(conn)))
    conn.execute(_fill_claims(None))
    if terms:
        conn.execute(_fill_terms(None, conn.dialect.name))


def present(conn: Connection) -> bool:
    return sa.inspect(conn).has_table("incident_actors")


def has_terms(conn: Connection) -> bool:
    """The store has the actor terms (migration 0008)."""
    return sa.inspect(conn).has_table("incident_actor_terms")


def has_country(conn: Connection) -> bool:
    """The store keeps each actor-code row's incident country (migration 0009)."""
    return present(conn) and any(c["name"] == "incident_country" for c in sa.inspect(conn).get_columns("incident_actors"))


def faceted(rep: EventFilters | None, *, names: bool = True) -> str | None:
    """The one faceted filter that makes up the report-level filters (``actor``, ``actor1``,
    ``actor2`` with codes only or, where ``names`` (the store has migration 0008), names only; or
    ``claim_source``), else None (answered from the reports)."""
    if rep is None:
        return None
    blank = EventFilters()
    changed = [n for n in EventFilters.names() if getattr(rep, n) != getattr(blank, n)]
    if len(changed) != 1 or changed[0] not in FACETED:
        return None
    name = changed[0]
    if name == "claim_source":
        return name
    codes = [_is_actor_code(v) for v in getattr(rep, name)]
    if all(codes) or (names and not any(codes)):
        return name
    return None


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
    role = ACTOR_ROLES[name]
    if not all(_is_actor_code(v) for v in getattr(rep, name)):  # names (``faceted`` admits no mix)
        t = incident_actor_terms.c
        if d == "sqlite":  # as EventFilters' actor filter: the stored names and texts each value matches
            terms = store._terms(rep, conn)  # noqa: SLF001
            cond = sa.or_(*(col(t.term).in_(_values(terms, "actor", v)) for v in getattr(rep, name)))
        else:  # the reports' "name | text", lower-cased (event_actors.search)
            cond = sa.or_(*(col(t.term).contains(v.lower(), autoescape=True) for v in getattr(rep, name)))
        return incident_actor_terms, [cond, *([col(t.role) == role] if role else [])]
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
    return incident_actors, [sa.or_(*parts), *([col(a.role) == role] if role else [])]


__all__ = ["FACETED", "faceted", "has_country", "has_terms", "match", "present", "rebuild", "refresh"]
