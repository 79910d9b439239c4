"""Reading incidents: filtered pages, bounded counts, one incident with its reports, exports.

The filters are the events' (``EventFilters``). Those on the incident's own summary columns (type,
ACLED type, country, admin1, date, bbox, incident id, confidence) are read from the ``incidents``
table and its indexes; those only reports have (actor, claim_source, q, article_id, modality)
select the incidents with at least one matching report (one actor filter of codes or of names, or one
claim source filter, alone is read off the incidents' facets, migrations 0007 and 0008). Two filters of incidents only:
``conflict`` (figures disagree) and ``min_outlets``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from ..store.core import Store, decode_cursor, encode_cursor
from ..store.filters import ACTOR_ROLES, EventFilters, FilterError
from ..store.incident_tables import incident_actors, incidents
from ..store.schema import events
from . import facets

# Filters read from the incident's own columns; every other filter selects incidents by their reports.
_OWN = ("country", "admin1", "event_type", "sub_event_type", "plover_type", "incident_id", "bbox", "min_confidence")
_DATE = ("event_date", "event_date_where", "event_date_match")


@dataclass(frozen=True)
class IncidentPage:
    incidents: list[dict[str, Any]]
    has_more: bool
    next_after: str | None


def _own_date(f: EventFilters) -> bool:
    # "within" (the report's dates wholly inside those asked) is a property of each report
    return bool(f.event_date) and getattr(f, "event_date_match", "overlaps") == "overlaps"


def _reports(f: EventFilters) -> EventFilters | None:
    """The filters only reports can answer (None when there are none)."""
    blank = EventFilters()
    reset = {k: getattr(blank, k) for k in _OWN}
    if _own_date(f):
        reset.update({k: getattr(blank, k) for k in _DATE if hasattr(blank, k)})
    reports = replace(f, **reset)
    return None if reports == blank else reports


def _conditions(
    store: Store, conn: sa.Connection, f: EventFilters, conflict: bool | None, min_outlets: int | None,
    *, broad: bool = False,
) -> list[sa.ColumnElement[bool]]:
    """The conditions on the incident's own row (the report-level filters are applied to the
    reports, by ``count`` and ``_page_by_reports``). ``broad``: the page is read in incident order."""
    i = incidents.c
    cond: list[sa.ColumnElement[bool]] = []
    for column, values in (
        (i.country, f.country), (i.admin1, f.admin1), (i.acled_event_type, f.event_type),
        (i.acled_sub_event_type, f.sub_event_type), (i.plover_type, f.plover_type), (i.incident_id, f.incident_id),
    ):
        if values:
            cond.append(column.in_(values))
    if _own_date(f):
        start, end = i.date_start, i.date_end
        where, d = f.event_date_where, f.event_date
        if where == "BETWEEN":
            cond += [start <= max(d), end >= min(d)]
        elif where == "=":
            cond.append(sa.or_(*(sa.and_(start <= x, end >= x) for x in d)))
        elif where in (">", ">="):
            cond.append(end > d[0] if where == ">" else end >= d[0])
        else:
            cond.append(start < d[0] if where == "<" else start <= d[0])
        # Index-friendly bounds (as for events): sort_date is date_start where there is one, and a
        # matching incident starts at most the longest stored span before the earliest date asked.
        if where in ("BETWEEN", "=", "<", "<="):
            cond.append(i.sort_date <= max(d))
        span = conn.execute(sa.select(sa.func.max(i.span_days))).scalar()
        if span is not None:
            lo = min(d) - dt.timedelta(days=max(0, int(span)))
            cond.append(i.sort_date >= lo)
    if f.bbox:
        min_lon, min_lat, max_lon, max_lat = f.bbox
        # Broad: read the page in incident order and check each place (an expression, not the
        # lon/lat index, which would collect and sort every match first).
        lon = i.lon + 0 if broad else i.lon
        cond += [lon.between(min_lon, max_lon), i.lat.between(min_lat, max_lat)]
    if f.min_confidence is not None:
        cond.append(i.max_confidence >= f.min_confidence)
    if conflict is not None:
        cond.append(i.conflict.is_(True) if conflict else i.conflict.is_(False))
    if min_outlets is not None:
        cond.append(i.n_outlets >= min_outlets)
    return cond


def parse(**raw: Any) -> tuple[EventFilters, bool | None, int | None]:
    conflict = raw.pop("conflict", None)
    min_outlets = raw.pop("min_outlets", None)
    if isinstance(conflict, str):
        low = conflict.strip().lower()
        if low not in ("true", "false", "1", "0", "yes", "no"):
            raise FilterError(message="conflict must be true or false")
        conflict = low in ("true", "1", "yes")
    if min_outlets is not None:
        try:
            min_outlets = int(min_outlets)
        except (TypeError, ValueError) as exc:
            raise FilterError(message=f"min_outlets {min_outlets!r} is not a whole number") from exc
    return EventFilters.parse(**raw), conflict, min_outlets


def count(store: Store, f: EventFilters, *, conflict: bool | None = None, min_outlets: int | None = None,
          bound: int = 10_000) -> tuple[int, bool]:
    """(count, exact): exact up to ``bound``; past it a lower bound (``bound + 1``, or with filters on
    reports the distinct incidents of the first ``bound + 1`` matching reports). One actor code or
    claim source filter counts incidents off their facets (``facets``): exact up to ``bound`` incidents."""
    rep = _reports(f)
    with store.engine.connect() as conn:
        facet = _facet(store, conn, rep)
        if facet is not None and rep is not None:
            return _count_by_facet(store, conn, f, conflict, min_outlets, rep, facet, bound)
        if rep is None:
            cond = _conditions(store, conn, f, conflict, min_outlets)
            inner = sa.select(sa.literal(1).label("one")).select_from(incidents).where(*cond).limit(bound + 1)
            n = int(conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one())
            return n, n <= bound
        # Driven by the reports: their matches stream from the events' indexes (as a bounded event
        # count does), each checked against its incident's own filters.
        own = _conditions(store, conn, f, conflict, min_outlets)
        e = events.c
        q = sa.select(e.incident_id.label("iid")).where(*store._filtered(rep, conn), e.incident_id.is_not(None))  # noqa: SLF001
        if own:
            q = q.where(sa.exists().where(incidents.c.incident_id == e.incident_id, *own))
        sub = q.limit(bound + 1).subquery()
        got = conn.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(sub.c.iid)))).one()
        reports_n, n = int(got[0]), int(got[1])
        return n, reports_n <= bound


def page(
    store: Store, f: EventFilters, *, conflict: bool | None = None, min_outlets: int | None = None,
    limit: int = 100, offset: int = 0, after: str | None = None, brief: bool = True, broad: bool = False,
) -> IncidentPage:
    """Incidents newest first; ``brief`` leaves each record's ``reports`` out (see ``get``).
    ``broad``: many reports match the report-level filters (``count`` was not exact): the page
    is read in incident order, each incident probed, instead of collecting every match first."""
    i = incidents.c
    with store.engine.connect() as conn:
        rep = _reports(f)
        facet = _facet(store, conn, rep)
        if facet is not None and rep is not None:
            rows = _page_by_facet(store, conn, f, conflict, min_outlets, rep, facet, limit, offset, after, broad)
        elif rep is not None:
            rows = _page_by_reports(store, conn, f, conflict, min_outlets, limit, offset, after, broad)
        else:
            cond = _conditions(store, conn, f, conflict, min_outlets, broad=broad)
            if after is not None:
                day, iid = decode_cursor(after)
                cond.append(sa.tuple_(i.sort_date, i.incident_id) < sa.tuple_(sa.literal(day, sa.Date), iid))
                offset = 0
            q = (sa.select(i.sort_date, i.incident_id, i.record).where(*cond)
                 .order_by(i.sort_date.desc(), i.incident_id.desc()).offset(offset or None).limit(limit + 1))
            rows = list(conn.execute(q))
    more = len(rows) > limit
    rows = rows[:limit]
    recs = []
    for r in rows:
        rec = json.loads(r.record)
        if brief:
            rec.pop("reports", None)
        recs.append(rec)
    nxt = None
    if more and rows:
        day = rows[-1].sort_date
        nxt = encode_cursor(day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day)), rows[-1].incident_id)
    return IncidentPage(recs, more, nxt)


def _page_by_reports(
    store: Store, conn: sa.Connection, f: EventFilters, conflict: bool | None, min_outlets: int | None,
    limit: int, offset: int, after: str | None, broad: bool,
) -> list[Any]:
    """A page of incidents with a report matching the report-level filters, read from the reports:
    each carries its incident's sort_date (``events.incident_sort_date``), so the distinct incidents
    of the matching reports come in incident order, as /api/events pages events. ``broad``: read
    ``ix_events_incident_order`` in order, checking each report, and stop at a page; otherwise
    collect the (few) matching reports first. The incident's own filters are checked on its row."""
    e, i = events.c, incidents.c
    rep = _reports(f)
    assert rep is not None
    cond = [*store._filtered(rep, conn, probe=broad), e.incident_sort_date.is_not(None)]  # noqa: SLF001
    own = _conditions(store, conn, f, conflict, min_outlets)
    if own:
        cond.append(sa.exists().where(i.incident_id == e.incident_id, *own))
    if after is not None:
        day, iid = decode_cursor(after)
        cond.append(sa.tuple_(e.incident_sort_date, e.incident_id) < sa.tuple_(sa.literal(day, sa.Date), iid))
        offset = 0
    keys = list(conn.execute(
        sa.select(e.incident_sort_date, e.incident_id).where(*cond).distinct()
        .order_by(e.incident_sort_date.desc(), e.incident_id.desc()).offset(offset or None).limit(limit + 1)))
    return _rows_of(conn, i, keys)


def _facet(store: Store, conn: sa.Connection, rep: EventFilters | None) -> str | None:
    """The faceted filter (``facets.faceted``) when the store has the facet tables (migration 0007;
    actor names: 0008)."""
    if rep is None:
        return None
    have = getattr(store, "_incident_facets", None)
    if have is None:
        have = (facets.present(conn), facets.has_terms(conn))
        store._incident_facets = have  # type: ignore[attr-defined]  # noqa: SLF001
    return facets.faceted(rep, names=have[1]) if have[0] else None


def _code_in_country(
    store: Store, conn: sa.Connection, f: EventFilters, conflict: bool | None, min_outlets: int | None,
    rep: EventFilters, facet: str,
) -> list[sa.ColumnElement[bool]] | None:
    """The facet conditions of one full actor code (``TUR/MIL``) in one country and nothing else of
    the incident's own (``actor=TUR/MIL&country=SY``), read off ``ix_inc_actors_code_country``
    (migration 0009: each code row keeps its incident's country) in page order; else None. Any
    other mix of the incident's own filters probes each incident that passes them."""
    if facet not in ACTOR_ROLES or len(f.country) != 1:
        return None
    values = getattr(rep, facet)
    if len(values) != 1 or not all(values[0].partition("/")[::2]):
        return None  # several codes, or a country or sector alone: not one range of the index
    have = getattr(store, "_incident_country", None)
    if have is None:
        have = facets.has_country(conn)
        store._incident_country = have  # type: ignore[attr-defined]  # noqa: SLF001
    if not have or _conditions(store, conn, replace(f, country=EventFilters().country), conflict, min_outlets):
        return None
    _table, cond = facets.match(store, conn, rep, facet)
    return [*cond, incident_actors.c.incident_country == f.country[0]]


def _count_by_facet(
    store: Store, conn: sa.Connection, f: EventFilters, conflict: bool | None, min_outlets: int | None,
    rep: EventFilters, facet: str, bound: int,
) -> tuple[int, bool]:
    """Distinct incidents off the facet's index; with the incident's own filters, the incidents
    that pass them, each probed for the facet (a facet row per incident would be read otherwise,
    most of them failing the incident's filters), but for a code in one country (one index range)."""
    coded = _code_in_country(store, conn, f, conflict, min_outlets, rep, facet)
    if coded is not None:
        t = incident_actors.c
        keys = (sa.select(t.sort_date, t.incident_id).where(*coded).distinct()
                .order_by(t.sort_date.desc(), t.incident_id.desc()).limit(bound + 1))
        got = int(conn.execute(sa.select(sa.func.count()).select_from(keys.subquery())).scalar_one())
        return got, got <= bound
    own = _conditions(store, conn, f, conflict, min_outlets)
    table, cond = facets.match(store, conn, rep, facet, probe=bool(own))
    if own:
        probe = sa.exists().where(table.c.incident_id == incidents.c.incident_id, *cond)
        inner = sa.select(sa.literal(1).label("one")).select_from(incidents).where(*own, probe).limit(bound + 1)
    else:
        inner = sa.select(table.c.incident_id).where(*cond).distinct().limit(bound + 1)
    n = int(conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one())
    return n, n <= bound


def _page_by_facet(
    store: Store, conn: sa.Connection, f: EventFilters, conflict: bool | None, min_outlets: int | None,
    rep: EventFilters, facet: str, limit: int, offset: int, after: str | None, broad: bool,
) -> list[Any]:
    """A page of incidents with a report matching one faceted filter. Few matches and no filter
    of the incident's own: the matching (sort_date, incident) keys are collected off the facet's
    index and sorted. Otherwise incidents are read in page order (or off their own filters'
    indexes) and each is probed for the facet, as a broad /api/events page probes each event."""
    i = incidents.c
    coded = _code_in_country(store, conn, f, conflict, min_outlets, rep, facet)
    if coded is not None:  # one range of ix_inc_actors_code_country, in page order
        table, cond, own, broad = incident_actors, coded, [], False
    else:
        own = _conditions(store, conn, f, conflict, min_outlets, broad=broad)
        table, cond = facets.match(store, conn, rep, facet, probe=broad or bool(own))
    if after is not None:
        day, iid = decode_cursor(after)
        offset = 0
    if broad or own:
        if after is not None:
            own.append(sa.tuple_(i.sort_date, i.incident_id) < sa.tuple_(sa.literal(day, sa.Date), iid))
        probe = sa.exists().where(table.c.incident_id == i.incident_id, *cond)
        q = (sa.select(i.sort_date, i.incident_id, i.record).where(*own, probe)
             .order_by(i.sort_date.desc(), i.incident_id.desc()).offset(offset or None).limit(limit + 1))
        return list(conn.execute(q))
    t = table.c
    if after is not None:
        cond.append(sa.tuple_(t.sort_date, t.incident_id) < sa.tuple_(sa.literal(day, sa.Date), iid))
    keys = list(conn.execute(
        sa.select(t.sort_date, t.incident_id).where(*cond).distinct()
        .order_by(t.sort_date.desc(), t.incident_id.desc()).offset(offset or None).limit(limit + 1)))
    return _rows_of(conn, i, keys)


def _rows_of(conn: sa.Connection, i: Any, keys: list[Any]) -> list[_Row]:
    """A page's incidents from its (sort date, incident id) keys, read in one query. An incident merged
    away between the two reads has no row left: it is skipped."""
    ids = [k[1] for k in keys]
    records = {r.incident_id: r.record
               for r in conn.execute(sa.select(i.incident_id, i.record).where(i.incident_id.in_(ids)))} if ids else {}
    return [_Row(k[0], k[1], records[k[1]]) for k in keys if k[1] in records]


@dataclass(frozen=True)
class _Row:
    sort_date: Any
    incident_id: str
    record: str


def iterate(store: Store, f: EventFilters | None = None, *, conflict: bool | None = None,
            min_outlets: int | None = None, batch: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching incident record (with its reports), newest first, read page by page."""
    f = f or EventFilters()
    after = None
    while True:
        got = page(store, f, conflict=conflict, min_outlets=min_outlets, limit=batch, after=after, brief=False)
        yield from got.incidents
        if not got.has_more:
            return
        after = got.next_after


def get(store: Store, incident_id: str) -> dict[str, Any] | None:
    """One incident: its record, its reports' full event records and their articles."""
    if "\x00" in incident_id:
        return None
    with store.engine.connect() as conn:
        row = conn.execute(sa.select(incidents.c.record).where(incidents.c.incident_id == incident_id)).scalar()
    base = store.get_incident(incident_id)
    if row is None and base is None:
        return None
    rec = json.loads(row) if row is not None else None
    return {
        "incident_id": incident_id,
        "incident": rec,
        "events": base["events"] if base else [],
        "articles": base["articles"] if base else [],
    }


__all__ = ["IncidentPage", "count", "get", "iterate", "page", "parse"]
