"""The Store: one database (SQLite or PostgreSQL) holding articles, events, actors and failures."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from ..errors import E_STORE_OPEN, StoreError
from ..records import Article, Event, Failure, Result
from . import aggregates, schema
from .cache import ReadCache, write_generation
from .filters import EventFilters, FilterError
from .schema import articles, event_actors, event_claims, events, failures

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_MS = 60_000
MAX_TERMS = 1000  # distinct matching values passed to SQLite as a list (see Store._terms)
T = TypeVar("T")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def normalise_url(url: str) -> str:
    """Accept ``postgresql://`` and ``postgres://`` for PostgreSQL (driven by psycopg 3)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _sqlite_engine(url: str, immediate: bool) -> Engine:
    from sqlalchemy.pool import StaticPool

    memory = url in ("sqlite://", "sqlite:///:memory:")
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": SQLITE_BUSY_MS / 1000}}
    if memory:
        kwargs["poolclass"] = StaticPool
    engine = sa.create_engine(url, **kwargs)

    @sa.event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below): pysqlite's implicit transactions defer the write lock,
        # and a deferred reader that later writes gets SQLITE_BUSY with no busy-wait.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    @sa.event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Store:
    """See the package docstring for the contract."""

    def __init__(self, url: str, engine: Engine, writer: Engine) -> None:
        self.url = url
        self.engine = engine  # reads
        self.writer = writer  # writes (the same engine on PostgreSQL)
        self.dialect = engine.dialect.name
        # Link each new article's events to the stored incidents (eventwire.incidents), in its
        # write transaction. Off only to measure what linking costs (bench/incidents_ingest.py).
        self.link_incidents = True
        # Counts, stats and what callers cache through cached()/cached_call() (the API: its pages),
        # until the next write (store/cache.py); EVENTWIRE_READ_CACHE_MB=0: off.
        self.cache = ReadCache()

    @property
    def display_url(self) -> str:
        """The URL with its password masked, for messages."""
        return _redact(self.url)

    # -- opening ------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str, *, migrate: bool = True) -> Store:
        url = normalise_url(url)
        try:
            if url.startswith("sqlite"):
                db_path = sa.engine.make_url(url).database
                if db_path and db_path != ":memory:":
                    # a typo in a path must not silently create folders: the user creates them
                    folder = Path(db_path).expanduser().parent
                    if not folder.is_dir():
                        raise StoreError(E_STORE_OPEN, f"cannot open store {_redact(url)}: the folder {folder} "
                                         "does not exist (create it first; eventwire does not create folders)")
                writer = _sqlite_engine(url, immediate=True)
                reader = writer if db_path in (None, "", ":memory:") else _sqlite_engine(url, immediate=False)
            else:
                writer = reader = sa.create_engine(url, pool_pre_ping=True)
            store = cls(url, reader, writer)
            if migrate:
                store.migrate()
        except (sa.exc.SQLAlchemyError, sa.exc.ArgumentError, ImportError, OSError, ValueError) as exc:
            raise StoreError(E_STORE_OPEN, f"cannot open store {_redact(url)}: {store_reason(exc)}") from exc
        return store

    def ping(self) -> bool:
        """Whether the database answers at all (tells a bad item from a server that went away)."""
        try:
            with self.writer.connect() as conn:
                conn.execute(sa.text("SELECT 1"))
            return True
        except sa.exc.SQLAlchemyError:
            return False

    def migrate(self) -> None:
        """Bring the schema to the newest revision (idempotent; safe when two processes open at once)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.writer.begin() as conn:
            if self.dialect == "postgresql":
                # Serialises concurrent first opens; SQLite gets the same from BEGIN IMMEDIATE.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(727274)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()
        if self.writer is not self.engine:
            self.writer.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.writer.begin() as conn:
            yield conn

    # -- writing ------------------------------------------------------------------------------
    def add_result(self, result: Result, *, version: str | None = None) -> str:
        """Store one article and its events: "new", "unchanged" or "replaced".

        ``version`` is the extractor version; by default the events' own. An article with no
        events and no version given is stored under the empty version.
        """
        for attempt in range(3):
            try:
                with self._write() as conn:
                    return self._add(conn, result, version)
            except IntegrityError:
                # Another process inserted the same article between our read and write: look again.
                if attempt == 2:
                    raise
            except OperationalError as exc:
                raise StoreError("E302", f"cannot write to the store: {exc.orig}") from exc
        raise AssertionError("unreachable")

    def add_results(self, results: Iterable[Result], *, version: str | None = None) -> dict[str, int]:
        """Store many results, one transaction per result (a failure loses only that article)."""
        counts = {"new": 0, "unchanged": 0, "replaced": 0}
        for result in results:
            counts[self.add_result(result, version=version)] += 1
        return counts

    def _add(self, conn: Connection, result: Result, version: str | None) -> str:
        article = result.article
        if version is None:
            version = result.events[0].extractor_version if result.events else ""
        row = conn.execute(
            sa.select(articles.c.extractor_version).where(articles.c.article_id == article.article_id)
        ).first()
        now = _now()
        if row is not None and row.extractor_version == version:
            return "unchanged"
        linker = self._linker(conn) if self.link_incidents else None
        touched: set[str] = set()
        if row is None:
            conn.execute(articles.insert().values(**_article_row(article, version, len(result.events), now)))
            if self.dialect == "sqlite":
                fts = conn.execute(
                    sa.text("INSERT INTO articles_fts(article_id, title, text) VALUES (:a, :t, :x)"),
                    {"a": article.article_id, "t": article.title or "", "x": article.text},
                )
                conn.execute(
                    articles.update().where(articles.c.article_id == article.article_id).values(fts_id=fts.lastrowid)
                )
            status = "new"
        else:
            if linker is not None:
                touched |= linker.incidents_of(conn, [article.article_id])
            self._delete_events(conn, [article.article_id])
            conn.execute(
                articles.update()
                .where(articles.c.article_id == article.article_id)
                .values(extractor_version=version, n_events=len(result.events), updated=now)
            )
            status = "replaced"
        evs = list(result.events)
        if linker is not None:
            evs, linked = linker.link(conn, article, evs, new=row is None)
            touched |= linked
        self._insert_events(conn, evs)
        if linker is not None:
            linker.refresh(conn, touched)
        return status

    def _linker(self, conn: Connection) -> Any:
        from ..incidents.linker import Linker

        if getattr(self, "_incident_tables", None) is None:
            # A store held at an older revision (migration 0004 adds the tables) stores events unlinked;
            # one below 0006 links without the kept names and incident_sort_date.
            insp = sa.inspect(conn)
            self._incident_tables = insp.has_table("incidents")
            self._link_keys = insp.has_table("article_link_names")
            self._link_facets = insp.has_table("incident_actors")
            self._link_terms = insp.has_table("incident_actor_terms")
            self._link_country = self._link_facets and any(
                c["name"] == "incident_country" for c in insp.get_columns("incident_actors"))
            self._link_sentences = insp.has_table("evidence_keys")
        return (Linker(self.dialect, keys=self._link_keys, facets=self._link_facets, terms=self._link_terms,
                       country=self._link_country, sentences=self._link_sentences)
                if self._incident_tables else None)

    @staticmethod
    def _delete_events(conn: Connection, article_ids: list[str]) -> None:
        ids = sa.select(events.c.event_id).where(events.c.article_id.in_(article_ids))
        conn.execute(event_actors.delete().where(event_actors.c.event_id.in_(ids)))
        conn.execute(event_claims.delete().where(event_claims.c.event_id.in_(ids)))
        conn.execute(events.delete().where(events.c.article_id.in_(article_ids)))

    @staticmethod
    def _insert_events(conn: Connection, evs: Iterable[Event]) -> None:
        event_rows, actor_rows, claim_rows = [], [], []
        seen: set[str] = set()
        for ev in evs:
            if ev.event_id in seen:  # the coder should not emit duplicates; never fail a batch on it
                continue
            seen.add(ev.event_id)
            event_rows.append(event_row(ev))
            actor_rows += [
                {"event_id": ev.event_id, "role": a.role, "text": a.text, "name": a.name,
                 "country": a.country, "sector": a.sector}
                for a in ev.actors
            ]
            claim_rows += [{"event_id": ev.event_id, "claim_source": c} for c in ev.claim_source]
        if event_rows:
            conn.execute(events.insert(), event_rows)
        if actor_rows:
            conn.execute(event_actors.insert(), actor_rows)
        if claim_rows:
            conn.execute(event_claims.insert(), claim_rows)

    def add_failure(self, failure: Failure) -> None:
        """Record a failed input; the same origin failing again bumps its retry count."""
        now = _now()
        with self._write() as conn:
            updated = conn.execute(
                failures.update()
                .where(failures.c.origin == failure.origin)
                .values(code=failure.code, message=failure.message, last_seen=now, retries=failures.c.retries + 1)
            ).rowcount
            if not updated:
                conn.execute(
                    failures.insert().values(
                        origin=failure.origin, code=failure.code, message=failure.message,
                        first_seen=now, last_seen=now, retries=0,
                    )
                )

    def clear_failure(self, origin: str) -> None:
        with self._write() as conn:
            conn.execute(failures.delete().where(failures.c.origin == origin))

    def iter_failures(self) -> Iterator[dict[str, Any]]:
        with self.engine.connect() as conn:
            for r in conn.execute(sa.select(failures).order_by(failures.c.last_seen.desc())):
                yield {
                    "origin": r.origin, "code": r.code, "message": r.message,
                    "first_seen": r.first_seen.isoformat(), "last_seen": r.last_seen.isoformat(),
                    "retries": r.retries,
                }

    # -- reading ------------------------------------------------------------------------------
    def has_article(self, article_id: str, version: str | None = None) -> bool:
        if "\x00" in article_id:
            return False
        q = sa.select(articles.c.extractor_version).where(articles.c.article_id == article_id)
        with self.engine.connect() as conn:
            row = conn.execute(q).first()
        return row is not None and (version is None or row.extractor_version == version)

    def _parse(self, filters: EventFilters | dict[str, Any] | None) -> EventFilters:
        if filters is None:
            return EventFilters()
        return filters if isinstance(filters, EventFilters) else EventFilters.parse(**filters)

    def _max_span(self, f: EventFilters, conn: Connection) -> int | None:
        # One read of the span index: lets a date filter become a two-sided range.
        return conn.execute(sa.select(sa.func.max(events.c.span_days))).scalar() if f.event_date else None

    def _terms(self, f: EventFilters, conn: Connection) -> dict[tuple[str, str], list[str]]:
        # SQLite: the distinct actor names / claim sources each substring filter matches, looked up
        # first (one FTS query each), so the main query gets them as a list of values.
        out = {}
        for key, q in f.term_queries(self.dialect).items():
            found = list(conn.execute(q.limit(MAX_TERMS + 1)).scalars())
            if len(found) <= MAX_TERMS:  # past that, a subquery (as many values would need a scan anyway)
                out[key] = found
        return out

    def _filtered(
        self,
        filters: EventFilters | dict[str, Any],
        conn: Connection,
        terms: dict[tuple[str, str], list[str]] | None = None,
        **how: bool,
    ) -> list[sa.ColumnElement[bool]]:
        f = self._parse(filters)
        terms = self._terms(f, conn) if terms is None else terms
        return f.conditions(self.dialect, max_span=self._max_span(f, conn), terms=terms, **how)

    def iter_events(
        self,
        filters: EventFilters | None = None,
        *,
        limit: int | None = None,
        offset: int = 0,
        fields: Iterable[str] | None = None,
        **raw: Any,
    ) -> Iterator[dict[str, Any]]:
        """Public records matching the filters, newest first (see EventFilters for the filters)."""
        keep = list(fields) if fields else None
        with self.engine.connect() as conn:
            cond = self._filtered(filters if filters is not None else raw, conn)
            q = (
                sa.select(events.c.record)
                .where(*cond)
                .order_by(events.c.sort_date.desc(), events.c.event_id.desc())
                .offset(offset or None)
                .limit(limit)
            )
            for (record,) in conn.execute(q):
                rec = json.loads(record)
                yield {k: rec.get(k) for k in keep} if keep else rec

    def page(
        self,
        filters: EventFilters | None = None,
        *,
        limit: int = 100,
        offset: int = 0,
        after: str | None = None,
        fields: Iterable[str] | None = None,
        broad: bool = False,
        raw: bool = False,
    ) -> EventPage:
        """One page, newest first: by ``offset`` or, cheaper deep down, after a cursor that an
        earlier page returned as ``next_after`` (keyset paging; ``offset`` is then ignored).

        ``broad``: many events match (``count_bounded`` was not exact). The page is then read in
        index order, checking each event, which stops after a few hundred rows instead of
        collecting and sorting every match first.

        ``raw``: the events as their stored JSON text, unparsed (``fields`` is then ignored), for
        callers that write them out as they are."""
        f = self._parse(filters)
        keep = list(fields) if fields else None
        e = events.c
        with self.engine.connect() as conn:
            cond = self._filtered(f, conn, probe=broad)
            if after is not None:
                day, event_id = decode_cursor(after)
                cond.append(sa.tuple_(e.sort_date, e.event_id) < sa.tuple_(sa.literal(day, sa.Date), event_id))
                offset = 0
            # SQLite sorts whole rows: the page's keys first, then only their records (a narrow
            # filter may sort 10,000 matches, and records are the bulk of a row).
            deferred = self.dialect == "sqlite"
            cols = [e.sort_date, e.event_id] if deferred else [e.sort_date, e.event_id, e.record]
            q = (
                sa.select(*cols)
                .where(*cond)
                .order_by(e.sort_date.desc(), e.event_id.desc())
                .offset(offset or None)
                .limit(limit + 1)  # one more tells whether there is a next page, without a count
            )
            if broad and self.dialect == "sqlite" and not f.ordered_by_index():
                # SQLite's planner prefers an index on a WHERE term and then sorts every match;
                # for a broad filter the page-order index is the far cheaper path.
                rows = _sqlite_indexed_by(conn, q, "events", "ix_events_sort")
            else:
                rows = list(conn.execute(q).all())
            more = len(rows) > limit
            rows = rows[:limit]
            if deferred and rows:
                # Plain SQL: an expanding IN of a hundred values cost SQLAlchemy more than the lookup.
                marks = ",".join("?" * len(rows))
                got = conn.exec_driver_sql(f"SELECT event_id, record FROM events WHERE event_id IN ({marks})",
                                           tuple(r.event_id for r in rows))
                by_id = {event_id: record for event_id, record in got}
                records = [by_id[r.event_id] for r in rows]
            else:
                records = [r.record for r in rows]
        recs: list[Any] = list(records) if raw else []
        for record in () if raw else records:
            rec = json.loads(record)
            recs.append({k: rec.get(k) for k in keep} if keep else rec)
        nxt = None
        if more and rows:
            day = rows[-1].sort_date  # a string when read through _sqlite_indexed_by's raw SQL
            nxt = encode_cursor(day if isinstance(day, dt.date) else dt.date.fromisoformat(day), rows[-1].event_id)
        return EventPage(events=recs, has_more=more, next_after=nxt)

    def count_events(self, filters: EventFilters | None = None, *, bound: int | None = None, **raw: Any) -> int:
        """Events matching the filters; with ``bound``, counting stops at bound + 1. Cached until
        the next write: every page of one filter shares its count."""
        f = self._parse(filters if filters is not None else raw)
        return self.cached(("count", f, bound), lambda conn: self._count(conn, f, bound))

    def _count(self, conn: Connection, f: EventFilters, bound: int | None) -> int:
        if bound is None:
            cond = self._filtered(f, conn)
            q = sa.select(sa.func.count()).select_from(events).where(*cond)
            return int(conn.execute(q).scalar_one())
        terms = self._terms(f, conn)
        semis = f.semi_joins(self.dialect, terms)
        if semis and self.dialect == "sqlite":
            # Driven by the first side table: its matches stream from their index and each is
            # joined to its event, so counting stops after bound + 1 events. (IN would first
            # collect every match of the side table, however many.) DISTINCT is over `id || ''`,
            # not the bare column: else SQLite reads every row in event_id index order to get
            # the duplicates adjacent, rather than using the filter's index and a hash of seen ids.
            first = semis[0].side.subquery()
            cond = self._filtered(f, conn, terms, skip_first_semi=True, probe=True)
            if not cond and semis[0].key is events.c.event_id:
                # Nothing else to check: the side rows' event ids are the answer (the foreign
                # key guarantees their events), and a lookup per event would double the cost.
                inner = sa.select(first.c.key.op("||")("")).distinct().limit(bound + 1)
            else:
                inner = (
                    sa.select(events.c.event_id.op("||")(""))
                    .select_from(first.join(events, semis[0].key == first.c.key))
                    .where(*cond)
                    .distinct()
                    .limit(bound + 1)
                )
        else:
            cond = self._filtered(f, conn)
            inner = sa.select(sa.literal(1).label("one")).select_from(events).where(*cond).limit(bound + 1)
        q = sa.select(sa.func.count()).select_from(inner.subquery())
        return int(conn.execute(q).scalar_one())

    def count_bounded(self, filters: EventFilters | None = None, *, bound: int = 10_000) -> tuple[int, bool]:
        """``(count, exact)``: exact up to ``bound``. Past it, counting every match costs time in
        proportion to the matches, so the count is an estimate (PostgreSQL: the planner's; SQLite:
        bound + 1, a lower bound) and ``exact`` is False."""
        n = self.count_events(filters, bound=bound)
        if n <= bound:
            return n, True
        return max(n, self._estimate(self._parse(filters))), False

    def _estimate(self, filters: EventFilters) -> int:
        if self.dialect != "postgresql":
            return 0
        return self.cached(("estimate", filters), lambda conn: self._plan_rows(conn, filters))

    def _plan_rows(self, conn: Connection, filters: EventFilters) -> int:
        cond = self._filtered(filters, conn)
        q = sa.select(events.c.event_id).where(*cond)
        compiled = q.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
        try:
            plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(compiled), compiled.params).scalar_one()
        except sa.exc.SQLAlchemyError:
            return 0
        if isinstance(plan, str):
            plan = json.loads(plan)
        return int(plan[0]["Plan"].get("Plan Rows", 0))

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        if "\x00" in article_id:  # no stored id has one, and PostgreSQL rejects it as a parameter
            return None
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(articles).where(articles.c.article_id == article_id)).first()
            if row is None:
                return None
            recs = conn.execute(
                sa.select(events.c.record)
                .where(events.c.article_id == article_id)
                .order_by(events.c.event_id)
            ).scalars()
            evs = sorted((json.loads(r) for r in recs), key=lambda r: (r["evidence"]["start"], r["event_id"]))
        return {"article": _article_dict(row, with_text=True), "events": evs}

    def get_incident(self, incident_id: str) -> dict[str, Any] | None:
        if "\x00" in incident_id:
            return None
        with self.engine.connect() as conn:
            recs = [
                json.loads(r)
                for r in conn.execute(
                    sa.select(events.c.record).where(events.c.incident_id == incident_id).order_by(events.c.event_id)
                ).scalars()
            ]
            if not recs:
                return None
            ids = sorted({r["article_id"] for r in recs})
            rows = conn.execute(sa.select(articles).where(articles.c.article_id.in_(ids))).all()
        return {
            "incident_id": incident_id,
            "events": recs,
            "articles": [_article_dict(r, with_text=False) for r in sorted(rows, key=lambda r: r.article_id)],
        }

    def list_articles(
        self, *, outlet: str | None = None, limit: int = 100, offset: int = 0
    ) -> tuple[list[dict[str, Any]], int]:
        """Articles without their text, newest publication first, and how many match; ``outlet``
        is a case-blind substring of the source, as the events filter has it."""
        a = articles.c
        cond = []
        if outlet:
            cond.append(a.source.contains(outlet, autoescape=True) if self.dialect == "sqlite"
                        else a.source.icontains(outlet, autoescape=True))
        cols = [c for c in articles.c if c.name not in ("text", "fts_id")]
        with self.engine.connect() as conn:
            total = int(conn.execute(sa.select(sa.func.count()).select_from(articles).where(*cond)).scalar_one())
            # NULL publication dates sort last on both databases: the coalesce puts them at day one.
            q = (
                sa.select(*cols).where(*cond)
                .order_by(sa.func.coalesce(a.published, dt.date.min).desc(), a.created.desc(), a.article_id)
                .limit(limit).offset(offset or None)
            )
            rows = [_article_dict(r, with_text=False) for r in conn.execute(q)]
        return rows, total

    def outlets(self) -> list[dict[str, Any]]:
        """Each outlet (article source) with its number of articles and of events."""
        a = articles.c
        q = (
            sa.select(a.source, sa.func.count().label("articles"), sa.func.coalesce(sa.func.sum(a.n_events), 0))
            .group_by(a.source)
            .order_by(sa.func.count().desc(), a.source)
        )
        with self.engine.connect() as conn:
            return [{"outlet": s, "articles": int(n), "events": int(e)} for s, n, e in conn.execute(q)]

    def stats(self, filters: EventFilters | None = None, **raw: Any) -> dict[str, Any]:
        """Counts and fatalities for charts: by day and PLOVER type, by type, ACLED type, country.
        Cached until the next write (store/cache.py)."""
        f = self._parse(filters if filters is not None else raw)
        return self.cached(("stats", f), lambda conn: self.compute_stats(conn, f))

    def compute_stats(self, conn: Connection, filters: EventFilters) -> dict[str, Any]:
        """``stats`` on an open read connection, uncached (for callers that cache a rendering)."""
        return aggregates.stats(conn, self._filtered(filters, conn), self.dialect)

    def summary(self, top: int = 10) -> dict[str, Any]:
        """What the store holds: counts, top actors and places, date range, casualties, failures."""
        with self.engine.connect() as conn:
            return aggregates.summary(conn, top)

    def cached(self, key: Hashable, compute: Callable[[Connection], T]) -> T:
        """``compute(conn)`` on a read connection, or its answer from an earlier call with the same
        ``key`` made since the last write to the store (by any process; store/cache.py)."""
        with self.engine.connect() as conn:
            return self.cache.get_or_compute(conn, key, compute)

    def cached_call(self, key: Hashable, compute: Callable[[], T]) -> T:
        """As ``cached``, for a ``compute`` that calls Store methods (each opens its connection).
        The generation is read first, on a connection given back before compute runs: holding it
        meanwhile would take two pooled connections per request, and enough concurrent requests
        could then wait on each other for the pool."""
        if self.cache.budget <= 0:
            return compute()
        with self.engine.connect() as conn:
            generation = write_generation(conn)
        return self.cache.get_or_call(generation, key, compute)


def _sqlite_indexed_by(conn: Connection, q: sa.Select[Any], table: str, index: str) -> list[Any]:
    """Run ``q`` on SQLite with ``FROM table INDEXED BY index`` (SQLAlchemy renders no SQLite
    table hints). Values stay bound parameters."""
    compiled = q.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    sql = str(compiled)
    marker = f"FROM {table}"
    at = sql.index(marker) + len(marker)
    if sql[at:at + 1] not in (" ", "\n"):
        raise ValueError(f"cannot place an index hint in {sql!r}")
    sql = sql[:at] + f" INDEXED BY {index}" + sql[at:]
    params = tuple(compiled.params[name] for name in compiled.positiontup or ())
    processors: dict[str, Callable[[Any], Any]] = compiled._bind_processors  # type: ignore[assignment]  # noqa: SLF001 - dates and the like, as SQLAlchemy binds them
    params = tuple(
        processors[name](v) if name in processors else v
        for name, v in zip(compiled.positiontup or (), params, strict=True)
    )
    return list(conn.exec_driver_sql(sql, params))


@dataclass(frozen=True)
class EventPage:
    """A page of public records; ``next_after`` is the cursor of the next page (None on the last)."""

    events: list[Any]  # record dicts; JSON strings from page(raw=True)
    has_more: bool
    next_after: str | None


def encode_cursor(sort_date: dt.date, event_id: str) -> str:
    """An opaque keyset cursor: the (sort_date, event_id) of the last event of a page."""
    raw = f"{sort_date.isoformat()}~{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.date, str]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = raw.split("~", 1)
        if not event_id or "\x00" in event_id:
            raise ValueError(event_id)
        return dt.date.fromisoformat(day), event_id
    except (ValueError, UnicodeDecodeError) as exc:
        raise FilterError(message=f"after={cursor!r} is not a cursor returned by this API") from exc


def store_reason(exc: BaseException) -> str:
    """The driver's own words, one line, without SQLAlchemy's wrapper and "Background on this error"."""
    orig = getattr(exc, "orig", None) or exc
    text = " ".join(str(orig).split())
    text = text.split("(Background on this error", 1)[0].strip()
    if isinstance(exc, sa.exc.NoSuchModuleError) or "Can't load plugin" in text:
        text = f"unknown database kind ({text}); use sqlite:///PATH or postgresql://USER@HOST/DB"
    if "file is not a database" in text or "malformed" in text:
        text += " (the file is not an eventwire SQLite store, or it is damaged)"
    return text or type(exc).__name__


def _redact(url: str) -> str:
    try:
        return sa.engine.make_url(url).render_as_string(hide_password=True)
    except sa.exc.ArgumentError:
        return "<invalid url>"


def _article_row(article: Article, version: str, n_events: int, now: dt.datetime) -> dict[str, Any]:
    return {
        "article_id": article.article_id,
        "text": article.text,
        "content_hash": hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published": article.published,
        "language": article.language,
        "origin": article.origin,
        "extractor_version": version,
        "n_events": n_events,
        "created": now,
        "updated": now,
    }


def _article_dict(row: Any, *, with_text: bool) -> dict[str, Any]:
    d = {
        "article_id": row.article_id,
        "title": row.title,
        "source": row.source,
        "url": row.url,
        "published": row.published.isoformat() if row.published else None,
        "language": row.language,
        "origin": row.origin,
        "content_hash": row.content_hash,
        "extractor_version": row.extractor_version,
        "n_events": row.n_events,
        "created": row.created.isoformat() if row.created else None,
    }
    if with_text:
        d["text"] = row.text
    return d


def span_days(start: dt.date | None, end: dt.date | None) -> int | None:
    """Length of an event's date interval in days (0: one day); None without a start."""
    if start is None:
        return None
    return ((end or start) - start).days


def event_row(ev: Event) -> dict[str, Any]:
    """The columns of one event (the filterable parts of the record, plus the record itself)."""
    loc, date = ev.location, ev.date
    return {
        "event_id": ev.event_id,
        "article_id": ev.article_id,
        "extractor_version": ev.extractor_version,
        "plover_type": ev.plover_type,
        "plover_mode": ev.plover_mode,
        "acled_event_type": ev.acled_event_type,
        "acled_sub_event_type": ev.acled_sub_event_type,
        "cameo_root": ev.cameo_root,
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "place_name": (loc.name or loc.text) if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "lat": loc.lat if loc else None,
        "lon": loc.lon if loc else None,
        "location_precision": loc.precision if loc else None,
        "date_start": date.start if date else None,
        "date_end": (date.end or date.start) if date else None,
        "date_precision": date.precision if date else None,
        "sort_date": (date.start if date and date.start else None) or ev.published or dt.date.min,
        "span_days": span_days(date.start, date.end) if date else None,
        "dead": ev.size.dead,
        "injured": ev.size.injured,
        "confidence": float(ev.confidence),
        "modality": ev.modality,
        "incident_id": ev.incident_id,
        "record": json.dumps(ev.to_dict(), ensure_ascii=False, separators=(",", ":")),
    }


__all__ = ["EventPage", "Store", "decode_cursor", "encode_cursor", "event_row", "normalise_url", "schema"]
