"""Aggregate reads of the store: the stats of a filtered selection (charts) and the summary of
everything it holds (``eventwire summary``). Both run on a read connection the Store opened."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from .schema import articles, event_actors, event_claims, events, failures


def stats(conn: Connection, cond: list[sa.ColumnElement[bool]], dialect: str) -> dict[str, Any]:
    """Counts and fatalities of the events matching ``cond``: by day and PLOVER type, by type,
    ACLED type and country.

    Two grouped queries, not one per breakdown: each reads every match, and with migration 0005
    reads it from ``ix_events_stats`` alone when there is no filter or a country filter. Day x type
    also gives the totals; ACLED type x country has few groups. (One query grouped by all four
    columns returns several times as many rows, which costs more to fetch than a second scan.)"""
    e = events.c
    # SQLite stores a date as its ISO text: read it as text, not parsed into a date and formatted
    # back for every group. PostgreSQL's driver hands over dates cheaply.
    day = sa.type_coerce(e.date_start, sa.String) if dialect == "sqlite" else e.date_start
    by_day_q = (
        sa.select(day, e.plover_type, sa.func.count(), sa.func.coalesce(sa.func.sum(e.dead), 0), sa.func.count(e.dead))
        .where(*cond)
        .group_by(e.date_start, e.plover_type)
    )
    count = fatalities = with_dead = 0
    by_type: dict[str, int] = {}
    by_day = []
    for d, ptype, n, dead, n_dead in conn.execute(by_day_q):
        n, dead = int(n), int(dead)
        count += n
        fatalities += dead
        with_dead += int(n_dead)
        by_type[ptype] = by_type.get(ptype, 0) + n
        if d is not None:
            by_day.append({"date": d if isinstance(d, str) else d.isoformat(), "plover_type": ptype, "count": n,
                           "fatalities": dead})
    by_day.sort(key=lambda r: (r["date"], r["plover_type"]))  # ISO dates sort as text in date order
    by_acled: dict[Any, int] = {}
    by_country: dict[Any, int] = {}
    q = sa.select(e.acled_event_type, e.country, sa.func.count()).where(*cond).group_by(e.acled_event_type, e.country)
    for acled, country, n in conn.execute(q):
        by_acled[acled] = by_acled.get(acled, 0) + int(n)
        by_country[country] = by_country.get(country, 0) + int(n)
    return {
        "count": count,
        "fatalities": fatalities,
        "events_with_fatalities": with_dead,
        "by_day": by_day,
        "by_plover_type": ranked(by_type.items()),
        "by_acled_event_type": ranked(by_acled.items()),
        "by_country": ranked(by_country.items()),
    }


def summary(conn: Connection, top: int = 10) -> dict[str, Any]:
    """What the store holds: counts, top actors and places, date range, casualties, failures."""
    e, a, c = events.c, event_actors.c, event_claims.c

    def scalar(q: Any) -> Any:
        return conn.execute(q).scalar_one()

    def top_of(*cols: Any, where: Any = None, table: Any = events) -> list[dict[str, Any]]:
        n = sa.func.count().label("n")
        q = sa.select(*cols, n).select_from(table)
        if where is not None:
            q = q.where(where)
        q = q.group_by(*cols).order_by(n.desc(), *cols).limit(top)
        return [dict(r._mapping) for r in conn.execute(q)]

    dates = conn.execute(sa.select(sa.func.min(e.date_start), sa.func.max(e.date_end))).one()
    return {
        "articles": scalar(sa.select(sa.func.count()).select_from(articles)),
        "events": scalar(sa.select(sa.func.count()).select_from(events)),
        "by_plover_type": ranked(conn.execute(sa.select(e.plover_type, sa.func.count()).group_by(e.plover_type))),
        "by_acled_event_type": ranked(
            conn.execute(sa.select(e.acled_event_type, sa.func.count()).group_by(e.acled_event_type))
        ),
        "top_actors": top_of(a.name, a.country, a.sector, table=event_actors),
        "top_places": top_of(e.place_name, e.country, e.admin1, where=e.place_name.is_not(None)),
        "date_range": {
            "start": dates[0].isoformat() if dates[0] else None,
            "end": dates[1].isoformat() if dates[1] else None,
        },
        "dead": int(scalar(sa.select(sa.func.coalesce(sa.func.sum(e.dead), 0)))),
        "injured": int(scalar(sa.select(sa.func.coalesce(sa.func.sum(e.injured), 0)))),
        "claims_by_source": top_of(c.claim_source, table=event_claims),
        "events_without_claim_source": scalar(
            sa.select(sa.func.count())
            .select_from(events)
            .where(~sa.exists().where(event_claims.c.event_id == e.event_id))
        ),
        "failures": scalar(sa.select(sa.func.count()).select_from(failures)),
        "failures_by_code": {
            code: n
            for code, n in conn.execute(
                sa.select(failures.c.code, sa.func.count()).group_by(failures.c.code).order_by(failures.c.code)
            )
        },
    }


def ranked(rows: Iterable[Any]) -> list[dict[str, Any]]:
    """``[{"key", "count"}]``, most first, ties by key."""
    out = [{"key": k, "count": int(n)} for k, n in rows]
    return sorted(out, key=lambda r: (-r["count"], str(r["key"])))
