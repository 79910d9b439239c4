"""Event filters: parsed once from user input (CLI, API), then turned into SQL conditions.

Every value reaches the database as a bound parameter; user text is never spliced into SQL, and
full-text queries are rebuilt from word tokens so that FTS syntax in the input cannot error.
``|`` separates alternatives, as in the ACLED API.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

import sqlalchemy as sa

from ..errors import ConfigError
from .schema import articles, event_actors, event_claims, events

E_BAD_FILTER = "E402"

DATE_WHERE = ("BETWEEN", "=", ">", "<", ">=", "<=")
_ACTOR_CODE = re.compile(r"^(?P<country>[A-Z]{3})?(?:/(?P<sector>[A-Z]{3}))?$")
_WORD = re.compile(r"\w+", re.UNICODE)


class FilterError(ConfigError):
    """A filter value that cannot be understood (bad date, bbox, number, unknown filter)."""

    code = E_BAD_FILTER


def _alternatives(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    items: Iterable[Any] = value if isinstance(value, (list, tuple, set, frozenset)) else [value]
    out: list[str] = []
    for item in items:
        # NUL cannot be stored in either database (PostgreSQL rejects it in a parameter), so a
        # value holding one matches nothing: U+FFFD keeps it that way without an error.
        text = str(item).replace("\x00", "\ufffd")
        out.extend(part.strip() for part in text.split("|") if part.strip())
    return tuple(out)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise FilterError(message=f"event_date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


@functools.lru_cache(maxsize=1024)
def country_alpha2(value: str) -> str:
    """ISO alpha-2 for an alpha-2 code, an alpha-3 code or a country name; unknown names stay as given."""
    import pycountry

    v = value.strip()
    if len(v) == 2 and v.isalpha():
        return v.upper()
    try:
        return str(pycountry.countries.lookup(v).alpha_2)
    except LookupError:
        return v


@dataclass(frozen=True)
class EventFilters:
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    plover_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    event_date: tuple[dt.date, ...] = ()
    event_date_where: str = "="
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None
    claim_source: tuple[str, ...] = ()
    min_confidence: float | None = None
    incident_id: tuple[str, ...] = ()
    article_id: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()

    @classmethod
    def parse(cls, **raw: Any) -> EventFilters:
        known = {f.name for f in fields(cls)}
        unknown = sorted(k for k, v in raw.items() if k not in known and v is not None)
        if unknown:
            raise FilterError(message=f"unknown filter(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        where = str(raw.get("event_date_where") or "").strip().upper()
        dates = tuple(_date(d) for d in _alternatives(raw.get("event_date")))
        if not where:
            where = "BETWEEN" if len(dates) == 2 else "="
        if where not in DATE_WHERE:
            raise FilterError(message=f"event_date_where must be one of {', '.join(DATE_WHERE)}")
        if where == "BETWEEN" and dates and len(dates) != 2:
            raise FilterError(message="event_date_where=BETWEEN needs two dates: event_date=A|B")
        if where in (">", "<", ">=", "<=") and len(dates) > 1:
            raise FilterError(message=f"event_date_where={where} takes one date")
        return cls(
            country=tuple(country_alpha2(c) for c in _alternatives(raw.get("country"))),
            admin1=_alternatives(raw.get("admin1")),
            event_type=_alternatives(raw.get("event_type")),
            sub_event_type=_alternatives(raw.get("sub_event_type")),
            plover_type=tuple(p.upper() for p in _alternatives(raw.get("plover_type"))),
            actor=_alternatives(raw.get("actor")),
            event_date=dates,
            event_date_where=where,
            bbox=_bbox(raw.get("bbox")),
            # Only word tokens of q reach the database; a q with none matches nothing.
            q=str(raw["q"]) if raw.get("q") not in (None, "") else None,
            claim_source=_alternatives(raw.get("claim_source")),
            min_confidence=_float(raw.get("min_confidence"), "min_confidence"),
            incident_id=_alternatives(raw.get("incident_id")),
            article_id=_alternatives(raw.get("article_id")),
            modality=tuple(m.lower() for m in _alternatives(raw.get("modality"))),
        )

    def conditions(
        self,
        dialect: str,
        max_span: int | None = None,
        *,
        probe: bool = False,
        skip_first_semi: bool = False,
        terms: Terms | None = None,
    ) -> list[sa.ColumnElement[bool]]:
        """SQL conditions; ``max_span`` (the longest stored date_end - date_start, in days) lets a
        date filter bound date_start from below as well, which turns it into an index range.

        Filters on other tables (actor, claim_source, q) are semi-joins. By default they are
        ``IN (uncorrelated subquery)``: the database reads the matching side rows once through their
        index, right when few events match. With ``probe`` they are correlated ``EXISTS`` checks,
        right when many match and a page is read in index order, checking event after event until
        it is full. ``skip_first_semi`` leaves out the first one (it drives a count, see ``driver``).
        ``terms``: see ``term_queries``."""
        cond = self._plain_conditions(max_span, dialect)
        semis = self.semi_joins(dialect, terms)
        if skip_first_semi:
            semis = semis[1:]
        cond += [s.probe if probe else s.key.in_(s.side) for s in semis]
        return cond

    def term_queries(self, dialect: str) -> dict[tuple[str, str], sa.Select[Any]]:
        """SQLite: for each substring filter on actors or claim sources, the query of the stored
        distinct values it matches (migration 0003), keyed (kind, value). Run them and pass the
        values as ``terms``: the planner then sees a short list of values, not a subquery whose size
        it must guess (and, guessing large, it scans every actor row)."""
        if dialect != "sqlite":
            return {}
        out = {("actor", v): _sqlite_terms("actor", v) for v in self.actor if not _is_actor_code(v)}
        out.update({("claim", v): _sqlite_terms("claim", v) for v in self.claim_source})
        return out

    def semi_joins(self, dialect: str, terms: Terms | None = None) -> list[SemiJoin]:
        terms = terms or {}
        out: list[SemiJoin] = []
        if self.actor:
            out.append(_actor_semi(self.actor, dialect, terms))
        if self.claim_source:
            c = event_claims.c
            if dialect == "sqlite":  # SQLite's LIKE already ignores ASCII case
                match = sa.or_(*(c.claim_source.contains(v, autoescape=True) for v in self.claim_source))
                # The matching distinct sources, then their rows through (claim_source, event_id).
                indexed = sa.or_(*(c.claim_source.in_(_values(terms, "claim", v)) for v in self.claim_source))
            else:
                match = sa.or_(*(c.claim_source.icontains(v, autoescape=True) for v in self.claim_source))
                indexed = match
            out.append(SemiJoin(
                side=sa.select(c.event_id.label("key")).where(indexed),
                key=events.c.event_id,
                probe=sa.exists().where(c.event_id == events.c.event_id, match),
            ))
        if self.q:
            out.append(_fulltext_semi(self.q, dialect))
        return out

    def ordered_by_index(self) -> bool:
        """True when one filter is a single value of a column with a (column, sort_date, event_id)
        index: the planner then reads a page in order from that index."""
        return any(
            len(v) == 1
            for v in (self.country, self.admin1, self.event_type, self.sub_event_type, self.plover_type,
                      self.incident_id, self.article_id)
        )

    def _plain_conditions(self, max_span: int | None, dialect: str) -> list[sa.ColumnElement[bool]]:
        e = events.c
        cond: list[sa.ColumnElement[bool]] = []
        for column, values in (
            (e.country, self.country),
            (e.admin1, self.admin1),
            (e.acled_event_type, self.event_type),
            (e.acled_sub_event_type, self.sub_event_type),
            (e.plover_type, self.plover_type),
            (e.incident_id, self.incident_id),
            (e.article_id, self.article_id),
            (e.modality, self.modality),
        ):
            if values:
                cond.append(column.in_(values))
        if self.event_date:
            cond.append(self._date_condition())
            cond += self._date_bounds(max_span, dialect)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = self.bbox
            cond += [e.lon.between(min_lon, max_lon), e.lat.between(min_lat, max_lat)]
        if self.min_confidence is not None:
            cond.append(e.confidence >= self.min_confidence)
        return cond

    def _date_condition(self) -> sa.ColumnElement[bool]:
        # An event is an interval: it matches when the interval overlaps what was asked for.
        # date_end is stored as date_start when the record has no end, so both sides can use indexes.
        start = events.c.date_start
        end = events.c.date_end
        w, d = self.event_date_where, self.event_date
        if w == "BETWEEN":
            return sa.and_(start <= max(d), end >= min(d))
        if w == "=":
            return sa.or_(*(sa.and_(start <= x, end >= x) for x in d))
        if w == ">":
            return end > d[0]
        if w == ">=":
            return end >= d[0]
        if w == "<":
            return start < d[0]
        return start <= d[0]


    def _date_bounds(self, max_span: int | None, dialect: str) -> list[sa.ColumnElement[bool]]:
        # Redundant with _date_condition, but index-friendly: sort_date equals date_start whenever
        # date_start is set, and every matching interval starts at most max_span days before the
        # earliest date asked for. The planner can then read one range of the page-order index.
        e = events.c
        w, d = self.event_date_where, self.event_date
        out: list[sa.ColumnElement[bool]] = []
        if w in ("BETWEEN", "=", "<", "<="):
            hi = max(d)
            out += [e.sort_date < hi] if w == "<" else [e.sort_date <= hi]
        if max_span is not None and w in ("BETWEEN", "="):
            lo = min(d) - dt.timedelta(days=max(0, max_span))
            out += [e.date_start >= lo, e.sort_date >= lo]
        elif max_span is not None and w in (">", ">="):
            # sort_date only: a bound on date_start would tempt PostgreSQL into reading the open-
            # ended range through the date index and sorting it (600 ms at 1M events).
            lo = d[0] - dt.timedelta(days=max(0, max_span))
            out.append(e.sort_date >= lo)
            if dialect == "sqlite":
                # SQLite counts off the covering (date_start, date_end, ...) index with it: 3 ms
                # instead of 60 ms reading 10,001 rows for date_end (a broad page is read by
                # ix_events_sort regardless).
                out.append(e.date_start >= lo)
        return out


def _float(value: Any, name: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise FilterError(message=f"{name} must be a number, got {value!r}") from exc


def _bbox(value: Any) -> tuple[float, float, float, float] | None:
    if value is None or value == "":
        return None
    parts = value if isinstance(value, (list, tuple)) else str(value).split(",")
    try:
        nums = tuple(float(p) for p in parts)
    except ValueError as exc:
        raise FilterError(message=f"bbox must be minlon,minlat,maxlon,maxlat numbers, got {value!r}") from exc
    if len(nums) != 4:
        raise FilterError(message="bbox must have four numbers: minlon,minlat,maxlon,maxlat")
    min_lon, min_lat, max_lon, max_lat = nums
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise FilterError(message="bbox must satisfy -180<=minlon<=maxlon<=180 and -90<=minlat<=maxlat<=90")
    return nums  # type: ignore[return-value]


@dataclass(frozen=True)
class SemiJoin:
    """A filter on another table: ``side`` selects the matching keys (one column, ``key``), ``key``
    is the events column they match, ``probe`` is the same test as a correlated EXISTS."""

    side: Any
    key: Any
    probe: Any


def _is_actor_code(value: str) -> bool:
    m = _ACTOR_CODE.match(value)
    return bool(m and (m.group("country") or m.group("sector")))


def _actor_semi(values: tuple[str, ...], dialect: str, terms: Terms) -> SemiJoin:
    a = event_actors.c
    indexed, probes = [], []
    for value in values:
        m = _ACTOR_CODE.match(value)
        if m and _is_actor_code(value):
            parts = []
            if m.group("country"):
                parts.append(a.country == m.group("country"))
            if m.group("sector"):
                parts.append(a.sector == m.group("sector"))
            indexed.append(sa.and_(*parts))
            probes.append(sa.and_(*parts))
            continue
        if dialect == "postgresql":
            # "name | text", lowercased, with a trigram index (migration 0002): LIKE '%x%' uses it.
            search = sa.literal_column("event_actors.search", sa.Text)
            match = search.contains(value.lower(), autoescape=True)
            indexed.append(match)
            probes.append(match)
            continue
        if dialect == "sqlite":  # SQLite's LIKE already ignores ASCII case; lower() would cost a call a row
            like = sa.or_(a.name.contains(value, autoescape=True), a.text.contains(value, autoescape=True))
        else:
            like = sa.or_(a.name.icontains(value, autoescape=True), a.text.icontains(value, autoescape=True))
        probes.append(like)
        if dialect == "sqlite":
            # The matching distinct names and texts (migration 0003), then their rows by index.
            found = _values(terms, "actor", value)
            indexed.append(sa.or_(a.name.in_(found), a.text.in_(found)))
        else:
            indexed.append(like)
    return SemiJoin(
        side=sa.select(a.event_id.label("key")).where(sa.or_(*indexed)),
        key=events.c.event_id,
        probe=sa.exists().where(a.event_id == events.c.event_id, sa.or_(*probes)),
    )


# Distinct actor names/texts and claim sources, SQLite only (migration 0003), and their FTS5 trigram index.
_TERMS = sa.table("search_terms", sa.column("kind", sa.Text), sa.column("value", sa.Text))
_TERMS_FTS = sa.table("search_terms_fts", sa.column("kind", sa.Text), sa.column("value", sa.Text))


# (kind, filter value) -> the stored distinct values it matches; a missing key: not looked up.
Terms = Mapping[tuple[str, str], Sequence[str]]


def _sqlite_terms(kind: str, value: str) -> sa.Select[Any]:
    """The stored distinct values of ``kind`` containing ``value`` (ASCII case ignored, as SQLite's
    LIKE does). The trigram index proposes, LIKE decides: the index also folds non-ASCII case, and
    the result must equal the per-row LIKE check of a page read in order."""
    if len(value) >= 3:
        # A quoted phrase is a substring match for the trigram tokenizer.
        phrase = '"' + value.replace('"', '""') + '"'
        t = _TERMS_FTS.c
        match = sa.literal_column("search_terms_fts").op("MATCH")(sa.bindparam("term_q", phrase, unique=True))
        return sa.select(t.value).where(match, t.kind == kind, t.value.contains(value, autoescape=True))
    t = _TERMS.c  # under three characters a trigram index cannot help; the table is small
    return sa.select(t.value).where(t.kind == kind, t.value.contains(value, autoescape=True))


def _values(terms: Terms, kind: str, value: str) -> Sequence[str] | sa.Select[Any]:
    """The looked-up values, else the lookup as a subquery (same result, a plan left to guesswork)."""
    found = terms.get((kind, value))
    return found if found is not None else _sqlite_terms(kind, value)


def fts5_query(q: str) -> str:
    """An FTS5 MATCH expression built only from quoted word tokens: ``a b|c`` -> ``("a" "b") OR ("c")``."""
    groups = []
    for alt in q.split("|"):
        words = _WORD.findall(alt)
        if words:
            groups.append("(" + " ".join(f'"{w}"' for w in words) + ")")
    return " OR ".join(groups)


def _fulltext_semi(q: str, dialect: str) -> SemiJoin:
    key = events.c.article_id
    if dialect == "sqlite":
        expr = fts5_query(q)
        if not expr:
            return SemiJoin(side=sa.select(sa.null().label("key")).where(sa.false()), key=key, probe=sa.false())
        match = sa.bindparam("fts_q", expr, unique=True)
        side = sa.text("SELECT article_id AS key FROM articles_fts WHERE articles_fts MATCH :fts").bindparams(
            sa.bindparam("fts", expr, unique=True)
        ).columns(sa.column("key"))
        # articles.fts_id is the article's rowid in articles_fts: a rowid-bound MATCH checks one
        # document by seeking the term lists, instead of evaluating the whole query.
        probe = sa.exists(
            sa.select(sa.literal(1))
            .select_from(sa.table("articles_fts"))
            .where(
                sa.literal_column("articles_fts").op("MATCH")(match),
                sa.literal_column("articles_fts.rowid") == (
                    sa.select(articles.c.fts_id).where(articles.c.article_id == key).correlate(events)
                    .scalar_subquery()
                ),
            )
            .correlate(events)
        )
        return SemiJoin(side=side, key=key, probe=probe)
    alts = [" ".join(_WORD.findall(alt)) for alt in q.split("|")]
    alts = [a for a in alts if a]
    if not alts:
        return SemiJoin(side=sa.select(sa.null().label("key")).where(sa.false()), key=key, probe=sa.false())
    tsv = sa.literal_column("articles.tsv")
    match = sa.or_(*(tsv.op("@@")(sa.func.plainto_tsquery("english", a)) for a in alts))
    return SemiJoin(
        side=sa.select(articles.c.article_id.label("key")).select_from(articles).where(match),
        key=key,
        probe=sa.exists().where(articles.c.article_id == key, match),
    )
