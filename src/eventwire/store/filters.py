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

from ..countries import resolve_country
from ..errors import ConfigError
from ..records import MODALITIES
from ..taxonomy.acled import ACLED_EVENT_TYPES, ACLED_SUB_EVENT_TYPES
from ..taxonomy.plover import PLOVER_TYPES
from .schema import articles, event_actors, event_claims, events

E_BAD_FILTER = "E402"

DATE_WHERE = ("BETWEEN", "=", ">", "<", ">=", "<=")
# overlaps: the event's date interval meets the one asked for; within: it lies wholly inside it.
DATE_MATCH = ("overlaps", "within")
_ACTOR_CODE = re.compile(r"^(?P<country>[A-Z]{3})?(?:/(?P<sector>[A-Z]{3}))?$")
# Actor roles as stored, by the names ACLED gives them: actor1 acts, actor2 is acted upon.
ACTOR_ROLES = {"actor": None, "actor1": "actor", "actor2": "recipient"}
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


def _date(value: str, name: str = "event_date") -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise FilterError(message=f"{name} {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def country_alpha2(value: str) -> str:
    """ISO alpha-2 for a code, an ISO, common or former name; an unknown one is a FilterError
    (matching nothing in silence would read as "no events there")."""
    code = resolve_country(value)
    if code is None:
        raise FilterError(
            message=f"country: unknown country {value!r}; give an ISO 3166 alpha-2 or alpha-3 code or a "
            "country name (e.g. SY, SYR, Syria, Turkey, Burma)"
        )
    return code


@functools.cache
def _folded(allowed: tuple[str, ...]) -> dict[str, str]:
    return {a.casefold(): a for a in allowed}


def _enum(name: str, value: Any, allowed: tuple[str, ...]) -> tuple[str, ...]:
    """The canonical spelling of each alternative, case ignored; an unknown one is a FilterError
    naming the parameter and every allowed value."""
    known = _folded(allowed)
    out = []
    for v in _alternatives(value):
        got = known.get(v.casefold())
        if got is None:
            raise FilterError(message=f"{name}: unknown value {v!r}; allowed: {' | '.join(allowed)}")
        out.append(got)
    return tuple(out)


def _actor_values(value: Any) -> tuple[str, ...]:
    # "tur/mil" is a code as much as "TUR/MIL"; a bare word stays a (case-blind) name substring,
    # except three capitals ("TUR"), which always meant a country code.
    return tuple(v.upper() if "/" in v and _ACTOR_CODE.match(v.upper()) else v for v in _alternatives(value))


def _where(raw: Mapping[str, Any], name: str) -> tuple[tuple[dt.date, ...], str]:
    """Dates and operator of a date filter (``name`` and ``name_where``), as the ACLED API has them."""
    where = str(raw.get(f"{name}_where") or "").strip().upper()
    dates = tuple(_date(d, name) for d in _alternatives(raw.get(name)))
    if not where:
        where = "BETWEEN" if len(dates) == 2 else "="
    if where not in DATE_WHERE:
        raise FilterError(message=f"{name}_where: unknown value {where!r}; allowed: {' | '.join(DATE_WHERE)}")
    if where == "BETWEEN" and dates and len(dates) != 2:
        raise FilterError(message=f"{name}_where=BETWEEN needs two dates: {name}=A|B")
    if where in (">", "<", ">=", "<=") and len(dates) > 1:
        raise FilterError(message=f"{name}_where={where} takes one date")
    return dates, where


@dataclass(frozen=True)
class EventFilters:
    country: tuple[str, ...] = ()
    admin1: tuple[str, ...] = ()
    event_type: tuple[str, ...] = ()
    sub_event_type: tuple[str, ...] = ()
    plover_type: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()  # either role
    actor1: tuple[str, ...] = ()  # the side that acts (ACLED's actor1; role "actor")
    actor2: tuple[str, ...] = ()  # the side acted upon (ACLED's actor2; role "recipient")
    event_date: tuple[dt.date, ...] = ()
    event_date_where: str = "="
    event_date_match: str = "overlaps"
    published: tuple[dt.date, ...] = ()
    published_where: str = "="
    bbox: tuple[float, float, float, float] | None = None
    q: str | None = None  # words anywhere in the article (title and text)
    evidence: str | None = None  # words in the event's evidence sentence
    claim_source: tuple[str, ...] = ()
    outlet: tuple[str, ...] = ()
    min_confidence: float | None = None
    min_fatalities: int | None = None
    max_fatalities: int | None = None
    incident_id: tuple[str, ...] = ()
    article_id: tuple[str, ...] = ()
    modality: tuple[str, ...] = ()

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every filter a caller can pass to ``parse`` (the API's query parameters of a filter)."""
        return tuple(f.name for f in fields(cls))

    @classmethod
    def parse(cls, **raw: Any) -> EventFilters:
        known = set(cls.names())
        unknown = sorted(k for k, v in raw.items() if k not in known and v is not None)
        if unknown:
            raise FilterError(message=f"unknown filter(s): {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        dates, where = _where(raw, "event_date")
        published, published_where = _where(raw, "published")
        match = _enum("event_date_match", raw.get("event_date_match"), DATE_MATCH)
        if len(match) > 1:
            raise FilterError(message="event_date_match takes one value: overlaps or within")
        min_dead = _int(raw.get("min_fatalities"), "min_fatalities")
        max_dead = _int(raw.get("max_fatalities"), "max_fatalities")
        return cls(
            country=tuple(country_alpha2(c) for c in _alternatives(raw.get("country"))),
            admin1=_alternatives(raw.get("admin1")),
            event_type=_enum("event_type", raw.get("event_type"), ACLED_EVENT_TYPES),
            sub_event_type=_enum("sub_event_type", raw.get("sub_event_type"), ACLED_SUB_EVENT_TYPES),
            plover_type=_enum("plover_type", raw.get("plover_type"), PLOVER_TYPES),
            actor=_actor_values(raw.get("actor")),
            actor1=_actor_values(raw.get("actor1")),
            actor2=_actor_values(raw.get("actor2")),
            event_date=dates,
            event_date_where=where,
            event_date_match=match[0] if match else "overlaps",
            published=published,
            published_where=published_where,
            bbox=_bbox(raw.get("bbox")),
            # Only word tokens of q reach the database; a q with none matches nothing.
            q=str(raw["q"]) if raw.get("q") not in (None, "") else None,
            evidence=str(raw["evidence"]) if raw.get("evidence") not in (None, "") else None,
            claim_source=_alternatives(raw.get("claim_source")),
            outlet=_alternatives(raw.get("outlet")),
            min_confidence=_float(raw.get("min_confidence"), "min_confidence"),
            min_fatalities=min_dead,
            max_fatalities=max_dead,
            incident_id=_alternatives(raw.get("incident_id")),
            article_id=_alternatives(raw.get("article_id")),
            modality=_enum("modality", raw.get("modality"), MODALITIES),
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
        out = {
            ("actor", v): _sqlite_terms("actor", v)
            for v in (*self.actor, *self.actor1, *self.actor2) if not _is_actor_code(v)
        }
        out.update({("claim", v): _sqlite_terms("claim", v) for v in self.claim_source})
        return out

    def semi_joins(self, dialect: str, terms: Terms | None = None) -> list[SemiJoin]:
        terms = terms or {}
        out: list[SemiJoin] = []
        for name, role in ACTOR_ROLES.items():
            values = getattr(self, name)
            if values:
                out.append(_actor_semi(values, dialect, terms, role))
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
        if self.outlet or self.published:
            out.append(self._article_semi(dialect))
        return out

    def _article_semi(self, dialect: str) -> SemiJoin:
        """Filters on the article's metadata: outlet (case-blind substring) and publication date."""
        a = articles.c
        cond: list[sa.ColumnElement[bool]] = []
        if self.outlet:
            if dialect == "sqlite":  # LIKE ignores ASCII case there; lower() would hide the column
                cond.append(sa.or_(*(a.source.contains(v, autoescape=True) for v in self.outlet)))
            else:
                cond.append(sa.or_(*(a.source.icontains(v, autoescape=True) for v in self.outlet)))
        if self.published:
            # A publication date is one day: "within" and "overlaps" agree.
            cond.append(_interval(a.published, a.published, self.published_where, self.published, "overlaps"))
        key = events.c.article_id
        return SemiJoin(
            side=sa.select(a.article_id.label("key")).where(*cond),
            key=key,
            probe=sa.exists().where(a.article_id == key, *cond),
        )

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
        if self.min_fatalities is not None:
            cond.append(e.dead >= self.min_fatalities)
        if self.max_fatalities is not None:
            # No stated figure is not zero: an event without one stays out of a bounded range.
            cond.append(e.dead <= self.max_fatalities)
        if self.evidence:
            cond.append(_evidence_condition(self.evidence, dialect))
        return cond

    def _date_condition(self) -> sa.ColumnElement[bool]:
        # date_end is stored as date_start when the record has no end, so both sides can use indexes.
        return _interval(events.c.date_start, events.c.date_end, self.event_date_where, self.event_date,
                         self.event_date_match)


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
            lo = _days_before(min(d), max_span)
            out += [e.date_start >= lo, e.sort_date >= lo]
        elif max_span is not None and w in (">", ">="):
            # sort_date only: a bound on date_start would tempt PostgreSQL into reading the open-
            # ended range through the date index and sorting it (600 ms at 1M events).
            lo = _days_before(d[0], max_span)
            out.append(e.sort_date >= lo)
            if dialect == "sqlite":
                # SQLite counts off the covering (date_start, date_end, ...) index with it: 3 ms
                # instead of 60 ms reading 10,001 rows for date_end (a broad page is read by
                # ix_events_sort regardless).
                out.append(e.date_start >= lo)
        return out


def _days_before(day: dt.date, days: int) -> dt.date:
    """``day`` less ``days`` days, no earlier than 0001-01-01 (a filter on year 1 is valid)."""
    try:
        return day - dt.timedelta(days=max(0, days))
    except OverflowError:
        return dt.date.min


def _interval(
    start: Any, end: Any, w: str, d: tuple[dt.date, ...], match: str
) -> sa.ColumnElement[bool]:
    """An event is an interval [start, end]. ``overlaps``: it meets what was asked for (an event
    spanning January matches a day in it); ``within``: it lies wholly inside it."""
    if match == "within":
        if w == "BETWEEN":
            return sa.and_(start >= min(d), end <= max(d))
        if w == "=":
            return sa.or_(*(sa.and_(start == x, end == x) for x in d))
        if w in (">", ">="):
            return start > d[0] if w == ">" else start >= d[0]
        return end < d[0] if w == "<" else end <= d[0]
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


def _evidence_condition(q: str, dialect: str) -> sa.ColumnElement[bool]:
    """Words in the evidence sentence (each a case-blind substring; ``|`` ORs groups), read from
    the stored record: the sentence has no column of its own, and the filter narrows rows that
    other filters or the page order already picked."""
    rec = events.c.record
    if dialect == "postgresql":
        sentence: Any = sa.cast(rec, sa.JSON)["evidence"]["sentence"].as_string()
    else:
        sentence = sa.func.json_extract(rec, "$.evidence.sentence")
    groups = []
    for alt in q.split("|"):
        words = _WORD.findall(alt)
        if words:
            groups.append(sa.and_(*(
                sentence.contains(w, autoescape=True) if dialect == "sqlite" else sentence.icontains(w, autoescape=True)
                for w in words
            )))
    return sa.or_(*groups) if groups else sa.false()


def _int(value: Any, name: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(str(value).strip())
    except ValueError as exc:
        raise FilterError(message=f"{name} must be a whole number, got {value!r}") from exc
    if n < 0:
        raise FilterError(message=f"{name} must be 0 or more, got {n}")
    return n


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
    return nums


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


def _actor_semi(values: tuple[str, ...], dialect: str, terms: Terms, role: str | None = None) -> SemiJoin:
    a = event_actors.c
    indexed, probes = [], []
    only_role = [a.role == role] if role else []
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
        side=sa.select(a.event_id.label("key")).where(sa.or_(*indexed), *only_role),
        key=events.c.event_id,
        probe=sa.exists().where(a.event_id == events.c.event_id, sa.or_(*probes), *only_role),
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
        match: sa.ColumnElement[Any] = sa.bindparam("fts_q", expr, unique=True)
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
    tsv: sa.ColumnElement[Any] = sa.literal_column("articles.tsv")
    match = sa.or_(*(tsv.op("@@")(sa.func.plainto_tsquery("english", a)) for a in alts))
    return SemiJoin(
        side=sa.select(articles.c.article_id.label("key")).select_from(articles).where(match),
        key=key,
        probe=sa.exists().where(articles.c.article_id == key, match),
    )
