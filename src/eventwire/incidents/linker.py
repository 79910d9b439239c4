"""Linking the events of a new article to the incidents already stored, inside its write transaction.

Called by ``Store.add_result`` in the transaction that inserts the article's events, so a killed
run leaves an article either absent or fully linked, and a re-ingest of the same text with the same
extractor version changes nothing. Incremental: a new article reads only the stored events that
can match (same PLOVER type, the country or none, a window of dates around its own) and rewrites
only the incident rows it touches.

1. Story: MinHash LSH finds stored copies of the text (``copies``); a copy joins their story.
2. The article's own incidents (``events.incidents``, within-article) are kept together: each
   group of reports joins one incident.
3. An event whose story holds another article with the same sentence (a copy of the report)
   joins that report's incident; so does one whose evidence sentence, word for word and at the
   same trigger, another article's report has (``passages``: a paragraph copied into another
   article), when the pair passes the hard constraints.
4. Otherwise the candidates (blocking by type, country and date) are scored pair by pair
   (``features.score``); the group joins the incident of its best pair at or above the threshold,
   else it starts an incident of its own (its within-article id).
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import hashlib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from ..records import Article, Event
from ..store.incident_tables import (
    article_bands,
    article_link_names,
    article_stories,
    evidence_keys,
    incidents,
)
from ..store.schema import articles, events
from . import context, copies, facets, features, learned, passages, summary

MAX_CANDIDATES = 300  # stored events scored per new event at most (nearest dates first)
# The stored reports read for a new one: those of its type and country whose first day (sort_date)
# lies within its possible dates (features.interval) widened by these. A `reported` date
# (publication) comes up to four days after the event. A stored report whose interval starts
# earlier (a week, a month, a range) is read only by new reports dated within its first days (the
# other way round, a new month-precision report reads every day of its month).
LOOKBACK_DAYS = 2
LOOKAHEAD_DAYS = 5
MERGE = True  # a report matching several stored incidents merges them (transitive linking)
MAX_MERGED_REPORTS = 200  # ... unless they hold more reports than this together
# An unplaced report also reads the stored reports of its article's country (``mark_home``):
# ECB+ half A, docs/incidents.md "Round 16: linking".
UNPLACED_READS_HOME = True
UNDATED_READ = 100  # dated stored reports an undated new one reads per block (the latest)
COPY_SENTENCE = 90  # rapidfuzz ratio of two evidence sentences in copies of one story


def _local_id(ev: Event) -> str:
    # The pipeline gives every event an incident id (within its article). A hand-built event
    # without one is linked when it matches a stored incident, and otherwise stays without.
    return ev.incident_id or "\x00" + ev.event_id


_E = events.c
# What the hard constraints read, straight from the event's columns (no record parsed).
_LIGHT = (_E.event_id, _E.article_id, _E.incident_id, _E.sort_date, _E.plover_type, _E.plover_mode, _E.date_start,
          _E.date_end,
          _E.date_precision, _E.country, _E.admin1, _E.geonameid, _E.lat, _E.lon, _E.location_precision)


_CAND_SQL = (
    "SELECT event_id, article_id, incident_id, sort_date, plover_type, plover_mode, date_start, date_end, date_precision, "
    "country, admin1, geonameid, lat, lon, location_precision FROM events WHERE plover_type = :t AND {country} "
    "AND sort_date >= :lo AND sort_date <= :hi AND article_id <> :a AND incident_id IS NOT NULL {mode}"
    # places further than features.MAX_KM from every report of the block cannot match (coarse ones can)
    "AND (lat IS NULL OR lon IS NULL OR location_precision IN ('admin2', 'admin1', 'country') "
    "OR (lat BETWEEN :la0 AND :la1 AND lon BETWEEN :lo0 AND :lo1)) {order}LIMIT :n"
)
_CAND_FIELDS = ("event_id", "article_id", "incident_id", "sort_date", "plover_type", "plover_mode", "date_start", "date_end",
                "date_precision", "country", "admin1", "geonameid", "lat", "lon", "location_precision")
_Cand = collections.namedtuple("_Cand", _CAND_FIELDS)  # type: ignore[misc]


def _raw_rows(
    conn: Connection, dialect: str, scope: str, params: dict[str, Any], modes: tuple[str | None, ...] | None = None,
    *, recent: bool = False,
) -> list[Any]:
    """The candidate read on the DB-API cursor of the transaction's connection: it runs for every
    block of every new article and returns hundreds of rows in a dense store, where SQLAlchemy's
    statement and row objects cost more than the read itself. ``scope``: "country" (the one in
    ``params``) or "none" (unplaced reports). ``modes``: only these modes of the type (a compatible
    type's block; None in it stands for no mode). ``recent``: the latest first (an undated report's
    read of the dated ones)."""
    mode = ""
    if modes is not None:
        named = [m for m in modes if m is not None]
        params = {**params, **{f"m{i}": m for i, m in enumerate(named)}}
        alts = ([f"plover_mode IN ({', '.join(f':m{i}' for i in range(len(named)))})"] if named else []) + (
            ["plover_mode IS NULL"] if None in modes else [])
        mode = "AND (" + " OR ".join(alts) + ") "
    clause = {"country": "country = :c", "none": "country IS NULL"}[scope]
    sql = _CAND_SQL.format(country=clause, mode=mode, order="ORDER BY sort_date DESC " if recent else "")
    if dialect == "sqlite":  # sqlite3 takes :name parameters; dates are stored as ISO text
        args = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}
    else:  # psycopg: %(name)s
        sql = re.sub(r":(\w+)", r"%(\1)s", sql)
        args = params
    if scope != "country":
        args = {k: v for k, v in args.items() if k != "c"}
    cur = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cur.execute(sql, args)
        return [_Cand._make(t) for t in cur.fetchall()]
    finally:
        cur.close()


def _box(loc: dict[str, Any]) -> tuple[float, float, float, float] | None:
    """(min lat, max lat, min lon, max lon) around a town-level place, a little over MAX_KM; None
    for a coarse or unplaced report (it can match anywhere in its country)."""
    lat, lon = loc.get("lat"), loc.get("lon")
    if lat is None or lon is None or loc.get("precision") in features.COARSE:
        return None
    dlat = features.MAX_KM / 111.0 * 1.1
    dlon = dlat / max(0.05, math.cos(math.radians(lat)))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon


def sort_day(rec: dict[str, Any]) -> dt.date:
    """The stored event's ``sort_date`` (its first day, else its publication date, else date.min)."""
    return features._d((rec.get("date") or {}).get("start")) or features._d(rec.get("published")) or dt.date.min


HOME = "_article_country"  # key of an unplaced report's record: the country its article places the others in


def article_country(recs: list[dict[str, Any]]) -> str | None:
    """The country the article places most of its placed reports in (more than half of them), else
    None. An unplaced report of the article reads that country's stored reports: a report whose
    sentence names no place ("the gunman was arrested") is of the place its article is about."""
    got = collections.Counter((r.get("location") or {}).get("country") for r in recs)
    got.pop(None, None)
    if not got:
        return None
    country, n = got.most_common(1)[0]
    return country if 2 * n > sum(got.values()) else None


def mark_home(recs: list[dict[str, Any]]) -> None:
    """Put the article's country (``article_country``) on its unplaced reports (under ``HOME``)."""
    home = article_country(recs)
    for rec in recs:
        if home and not (rec.get("location") or {}).get("country"):
            rec[HOME] = home


def _read_country(rec: dict[str, Any]) -> str | None:
    """The country whose stored reports the candidate read returns for ``rec`` (besides unplaced ones)."""
    return (rec.get("location") or {}).get("country") or rec.get(HOME)


def blocked(rec: dict[str, Any], stored: dict[str, Any]) -> str | None:
    """Why the candidate read for the new report ``rec`` would not return the stored report
    ``stored`` (None: it would). The same conditions as ``_candidates``/``_CAND_SQL``, one pair at a
    time, for diagnostics (bench/incidents_eval.py --stages; ``mark_home`` the article's records first)."""
    if not features.compatible(rec, stored):
        return "types differ"
    loc, sloc = rec.get("location") or {}, stored.get("location") or {}
    if sloc.get("country") and sloc.get("country") != _read_country(rec):
        return "countries differ" if loc.get("country") else "new report unplaced, stored one placed"
    span = features.interval(rec)
    day = sort_day(stored)
    # an undated report reads the undated ones and the latest dated ones (UNDATED_READ); a dated
    # one reads the undated ones too
    if span is not None and day != dt.date.min and not span[0] - dt.timedelta(days=LOOKBACK_DAYS) <= day <= span[1] + dt.timedelta(days=LOOKAHEAD_DAYS):
        return f"stored first day {day} outside the read window"
    box = _box(loc)
    lat, lon = sloc.get("lat"), sloc.get("lon")
    if box is not None and lat is not None and lon is not None and sloc.get("precision") not in features.COARSE \
            and not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
        return "stored place outside the box around the new one"
    return None


@functools.lru_cache(maxsize=65536)
def _light_dates(
    sort_date: Any, start: Any, end: Any, precision: str | None
) -> tuple[dt.date | None, tuple[dt.date, dt.date, bool] | None]:
    """(published stand-in, interval) of a stored report's date columns. Memoised: a dense
    store's candidates share a few thousand dates, and parsing them for every candidate row of
    every new article was a fifth of linking's cost."""
    day = _as_date(sort_date)
    published = None if day == dt.date.min else day
    return published, features.interval(
        {"published": published, "date": {"start": start, "end": end, "precision": precision}})


def _light(row: Any) -> dict[str, Any]:
    published, span = _light_dates(row.sort_date, row.date_start, row.date_end, row.date_precision)
    return {
        "plover_type": row.plover_type,
        "plover_mode": row.plover_mode,
        "published": published,
        "date": {"start": row.date_start, "end": row.date_end, "precision": row.date_precision},
        "location": {"country": row.country, "admin1": row.admin1, "geonameid": row.geonameid, "lat": row.lat,
                     "lon": row.lon, "precision": row.location_precision},
        "_interval": span,
    }


def _public(incident_id: str) -> str | None:
    return None if incident_id.startswith("\x00") else incident_id


def _lock_key(*parts: str | None) -> int:
    digest = hashlib.blake2b("\x1f".join(p or "" for p in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Linker:
    def __init__(
        self, dialect: str, *, keys: bool = True, facets: bool = False, terms: bool = False, country: bool = False,
        sentences: bool = False,
    ) -> None:
        self.dialect = dialect
        # keys: the store is at revision 0006 or later (article_link_names, events.incident_sort_date);
        # a store held at an older revision links as before, deriving names from the texts.
        self.keys = keys
        # facets: revision 0007 or later (incident_actors, incident_claims), rewritten with the rows
        self.facets = facets
        # terms: revision 0008 or later (incident_actor_terms), rewritten with them
        self.terms = terms
        # country: revision 0009 or later (incident_actors.incident_country), written with the facets
        self.country = country
        # sentences: revision 0010 or later (evidence_keys): reports copied sentence for sentence
        self.sentences = sentences

    # -- stories ------------------------------------------------------------------------------
    def story(self, conn: Connection, article: Article, *, new: bool) -> tuple[str, list[str]]:
        """The article's story id and the other stored articles of that story."""
        if not new:
            sid = conn.execute(
                sa.select(article_stories.c.story_id).where(article_stories.c.article_id == article.article_id)
            ).scalar()
            if sid is not None:
                return sid, self._members(conn, sid, article.article_id)
        sh = copies.shingles(article.text)
        keys = copies.band_keys(sh)
        best_id, best_sim = None, 0.0
        if keys:
            cands = list(conn.execute(
                sa.select(article_bands.c.article_id).where(
                    article_bands.c.band.in_(keys), article_bands.c.article_id != article.article_id
                ).distinct().limit(50)
            ).scalars())
            for aid in cands:
                text = conn.execute(sa.select(articles.c.text).where(articles.c.article_id == aid)).scalar()
                if text is None:
                    continue
                other = copies.shingles(text)
                if copies.is_copy(sh, other):
                    sim = copies.similarity(sh, other)
                    if sim > best_sim:
                        best_id, best_sim = aid, sim
        sid = article.article_id
        if best_id is not None:
            sid = conn.execute(
                sa.select(article_stories.c.story_id).where(article_stories.c.article_id == best_id)
            ).scalar() or best_id
        # A new article has no story row yet; one stored before migration 0004 gets one now.
        exists = not new and conn.execute(
            sa.select(article_stories.c.article_id).where(article_stories.c.article_id == article.article_id)
        ).first() is not None
        if not exists:
            conn.execute(article_stories.insert().values(
                article_id=article.article_id, story_id=sid, similarity=round(best_sim, 4) if best_id else None))
            if keys:
                conn.execute(article_bands.insert(), [{"band": k, "article_id": article.article_id} for k in keys])
        if best_id is None and new:
            return sid, []  # a story of its own
        return sid, self._members(conn, sid, article.article_id)

    @staticmethod
    def _members(conn: Connection, story_id: str, article_id: str) -> list[str]:
        return list(conn.execute(
            sa.select(article_stories.c.article_id).where(
                article_stories.c.story_id == story_id, article_stories.c.article_id != article_id
            ).limit(200)
        ).scalars())

    # -- linking ------------------------------------------------------------------------------
    def link(self, conn: Connection, article: Article, evs: list[Event], *, new: bool) -> tuple[list[Event], set[str]]:
        """The events with their cross-article incident ids, and the incident ids touched."""
        _sid, story_articles = self.story(conn, article, new=new)
        if self.sentences and not new:  # re-extracted: its reports' keys are rewritten below
            conn.execute(evidence_keys.delete().where(evidence_keys.c.article_id == article.article_id))
        if not evs:
            return evs, set()
        recs = [ev.to_dict() for ev in evs]
        for rec in recs:  # the article's metadata, as the stored records carry it
            rec["published"] = rec.get("published") or (article.published.isoformat() if article.published else None)
            rec["_interval"] = features.interval(rec)
        if UNPLACED_READS_HOME:
            mark_home(recs)
        if self.dialect == "postgresql":
            # Concurrent writers linking into the same block wait for each other (else both could
            # start the same incident); sorted, so two writers never wait on each other in a cycle.
            keys = sorted({_lock_key(t, c) for r in recs for t, _modes in _types(r)
                           for c in {(r.get("location") or {}).get("country"), _read_country(r)}})
            for key in keys:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
        groups: dict[str, list[int]] = {}
        for i, ev in enumerate(evs):
            groups.setdefault(_local_id(ev), []).append(i)
        copies_of = self._copy_links(conn, recs, story_articles) if story_articles else {}
        shared = self._shared_sentences(conn, article, recs) if self.sentences else {}
        for i in shared:  # the copied sentence at the same trigger says which report: not the first of the copy's
            copies_of.pop(i, None)
        chosen: dict[str, str] = {}
        names = {article.article_id: self._own_names(conn, article)}
        touched: set[str] = set()
        cands = self._candidates(conn, article, recs, set(story_articles))
        # Scored before any merge: a pair's score reads no incident id, so merging cannot change it.
        matches = self._matches(conn, article, recs, groups, cands, names) if cands else {}
        for local, idx in groups.items():
            for i in idx:
                for iid in shared.get(i, ()):
                    matches.setdefault(local, {})[iid] = 1.0  # as a copy's: one report of one event
        for local, idx in groups.items():
            hit = next((copies_of[i] for i in idx if i in copies_of), None)
            found = matches.get(local, {})
            if hit is None and found:
                hit = max(found, key=lambda k: (found[k], k))
            if hit is not None and len(found) > 1 and MERGE and self._mergeable(conn, set(found)):
                # This report matches incidents that were stored apart: they are one incident.
                others = set(found) - {hit}
                self._merge(conn, hit, others)
                touched |= others
                chosen.update({k: hit for k, v in chosen.items() if v in others})
            chosen[local] = hit or local
        out = [replace(ev, incident_id=_public(chosen[_local_id(ev)])) for ev in evs]
        return out, touched | {v for v in chosen.values() if _public(v)}

    def _copy_links(self, conn: Connection, recs: list[dict[str, Any]], story_articles: list[str]) -> dict[int, str]:
        e = events.c
        rows = list(conn.execute(
            sa.select(e.plover_type, e.incident_id, e.record).where(
                e.article_id.in_(story_articles), e.incident_id.is_not(None)
            ).limit(2000)
        ))
        out: dict[int, str] = {}
        stored = [(r.plover_type, r.incident_id, features.words(json.loads(r.record))) for r in rows]
        for i, rec in enumerate(recs):
            mine = features.words(rec)
            best, best_r = None, 0.0
            for ptype, iid, text in stored:
                if ptype != rec["plover_type"]:
                    continue
                ratio = fuzz.ratio(mine, text)
                if ratio >= COPY_SENTENCE and ratio > best_r:
                    best, best_r = iid, ratio
            if best is not None:
                out[i] = best
        return out

    def _shared_sentences(self, conn: Connection, article: Article, recs: list[dict[str, Any]]) -> dict[int, set[str]]:
        """For each report, the stored incidents of reports whose evidence sentence and trigger it
        shares (``passages``), where the pair passes the hard constraints. Keeps the article's own
        keys in the same transaction (``link`` dropped its old ones)."""
        keys = {i: passages.evidence_key(rec, article.text) for i, rec in enumerate(recs)}
        k = evidence_keys.c
        rows = [{"event_id": recs[i]["event_id"], "article_id": article.article_id, "key": key}
                for i, key in keys.items() if key is not None]
        if not rows:
            return {}
        conn.execute(evidence_keys.insert(), rows)
        stored: dict[str, list[Any]] = {}
        for row in conn.execute(
            sa.select(k.key, *_LIGHT).select_from(evidence_keys.join(events, events.c.event_id == k.event_id))
            .where(k.key.in_(sorted({r["key"] for r in rows})), k.article_id != article.article_id,
                   events.c.incident_id.is_not(None))
        ):
            stored.setdefault(row.key, []).append(row)
        out: dict[int, set[str]] = {}
        for i, key in keys.items():
            for row in stored.get(key or "", ()):
                if not isinstance(features.constraints(recs[i], _light(row)), str):
                    out.setdefault(i, set()).add(row.incident_id)
        return out

    def _candidates(
        self, conn: Connection, article: Article, recs: list[dict[str, Any]], exclude: set[str]
    ) -> dict[tuple[str, str | None], list[tuple[Any, dict[str, Any]]]]:
        """Stored reports that can match some report of the article, by (type, country): (type,
        country or none, dates around the report's) blocks, each an index range."""
        # (type, country, modes, read for unplaced reports as of their article's country) -> [lo, hi, box]
        blocks: dict[tuple[str, str | None, tuple[str | None, ...] | None, bool], list[Any]] = {}
        # Undated reports (no date in the text, no publication date: stored as dt.date.min) and
        # dated ones read each other: a dated report the undated ones of its block, an undated one
        # the latest UNDATED_READ dated ones (a report without a date is most likely of the days
        # a stream is at). Such a pair has a loose date, so it links only on shared context
        # (features.MIN_CONTEXT_LOOSE); ECB+'s undated reports of dated incidents, docs/incidents.md.
        reads_undated: set[tuple[str, str | None, tuple[str | None, ...] | None, bool]] = set()  # blocks of dated reports
        reads_recent: set[tuple[str, str | None, tuple[str | None, ...] | None, bool]] = set()  # blocks of undated ones
        for rec in recs:
            span = features.interval(rec)
            if span is None:
                lo = hi = dt.date.min
            else:
                lo = span[0] - dt.timedelta(days=LOOKBACK_DAYS)
                hi = span[1] + dt.timedelta(days=LOOKAHEAD_DAYS)
            loc = rec.get("location") or {}
            box = _box(loc)
            # An unplaced report reads the unplaced ones and those of the one country its article
            # places most of its reports in (``mark_home``), never every country: reading every
            # country the article names doubled the cost of linking (round 9, docs/incidents.md).
            # Its block is apart from the placed reports' (whose place box it would widen to the whole
            # country): their reads stay as they were.
            for ptype, modes in _types(rec):
                # Its own type's block, and apart from it (so that a compatible report's dates do
                # not widen the read of the type's own reports) each compatible type's modes.
                key = (ptype, _read_country(rec), modes, HOME in rec)
                old = blocks.get(key)
                (reads_recent if span is None else reads_undated).add(key)
                if old is None:
                    blocks[key] = [lo, hi, box]
                else:
                    old[0], old[1] = min(lo, old[0]), max(hi, old[1])
                    old[2] = None if old[2] is None or box is None else (
                        min(old[2][0], box[0]), max(old[2][1], box[1]), min(old[2][2], box[2]), max(old[2][3], box[3]))
        rows: list[Any] = []
        for (ptype, country, modes, home), (lo, hi, box) in blocks.items():
            la0, la1, lo0, lo1 = box or (-90.0, 90.0, -180.0, 180.0)
            params = {"t": ptype, "lo": lo, "hi": hi, "a": article.article_id, "n": MAX_CANDIDATES * 4,
                      "la0": la0, "la1": la1, "lo0": lo0, "lo1": lo1}
            # A placed report: the same country, or none, two range reads of the (country, type,
            # sort_date) index (an OR of both would read every country's range).
            if country:
                rows += [r for r in _raw_rows(conn, self.dialect, "country", {**params, "c": country}, modes)
                         if r.article_id not in exclude]
            rows += [r for r in _raw_rows(conn, self.dialect, "none", params, modes) if r.article_id not in exclude]
            extra = []
            if (ptype, country, modes, home) in reads_undated and lo > dt.date.min:
                extra.append(({**params, "lo": dt.date.min, "hi": dt.date.min}, False))
            if (ptype, country, modes, home) in reads_recent:
                extra.append(({**params, "lo": dt.date.min + dt.timedelta(days=1), "hi": dt.date.max,
                               "n": UNDATED_READ}, True))
            for more, latest in extra:
                if country:
                    rows += [r for r in _raw_rows(conn, self.dialect, "country", {**more, "c": country}, modes,
                                                  recent=latest) if r.article_id not in exclude]
                rows += [r for r in _raw_rows(conn, self.dialect, "none", more, modes, recent=latest)
                         if r.article_id not in exclude]
        # A row whose dates overlap no report's of the article fails every pair's hard constraints
        # ("dates apart"): dropped before its record is built (most of a dense block's rows).
        spans = [features.interval(rec) for rec in recs]
        dated = None if any(sp is None for sp in spans) else [(sp[0], sp[1]) for sp in spans if sp is not None]
        out: dict[tuple[str, str | None], list[tuple[Any, dict[str, Any]]]] = {}
        seen: set[str] = set()
        for row in rows:
            if row.event_id not in seen:  # read twice: as a type's own report and as a compatible one
                seen.add(row.event_id)
                if dated is not None:
                    span = _light_dates(row.sort_date, row.date_start, row.date_end, row.date_precision)[1]
                    if span is not None and not any(span[0] <= hi and lo <= span[1] for lo, hi in dated):
                        continue
                out.setdefault((row.plover_type, row.country), []).append((row, _light(row)))
        return out

    def _matches(
        self, conn: Connection, article: Article, recs: list[dict[str, Any]], groups: dict[str, list[int]],
        cands: dict[tuple[str, str | None], list[tuple[Any, dict[str, Any]]]], names: dict[str, frozenset[str]],
    ) -> dict[str, dict[str, float]]:
        """The stored incidents each group of reports matches, with their best pair score. The
        reads are batched over the article: the records of every report's candidates that pass the
        hard constraints in one read, then the names of the articles of the pairs that could reach
        the threshold in another (not one read per report, nor one per candidate article)."""
        near: list[list[Any]] = []
        for rec in recs:
            mid = features.interval(rec)
            country = _read_country(rec)
            blocks = [cands.get((t, c), ()) for t, _modes in _types(rec)
                      for c in ((country, None) if country else (country,))]
            # dates apart (the first of the hard constraints to fail, mostly) checked inline first,
            # as features.constraints checks them, to spare it most of the block's rows
            lo, hi = (mid[0], mid[1]) if mid is not None else (None, None)
            mine = [row for block in blocks for row, light in block
                    if not (lo is not None and light["_interval"] is not None
                            and (light["_interval"][0] > hi or lo > light["_interval"][1]))
                    and not isinstance(features.constraints(rec, light), str)]
            if mid is not None:  # the nearest dates first, at most MAX_CANDIDATES
                centre = mid[0] + (mid[1] - mid[0]) / 2
                mine.sort(key=lambda row: abs((_as_date(row.sort_date) - centre).days))
            near.append(mine[:MAX_CANDIDATES])
        parsed: dict[str, dict[str, Any]] = {}
        wanted = sorted({row.event_id for rows in near for row in rows})
        for at in range(0, len(wanted), 2000):  # records only of the candidates that pass the hard constraints
            for event_id, record in conn.execute(
                sa.select(events.c.event_id, events.c.record).where(events.c.event_id.in_(wanted[at:at + 2000]))
            ):
                parsed[event_id] = json.loads(record)
                parsed[event_id]["_interval"] = features.interval(parsed[event_id])
        words = [features.words(rec) for rec in recs]
        scorer = learned.enabled()  # read once, not per pair
        # the pairs that could reach the threshold with full context (found keeps each incident's
        # best score, so the order they are scored in does not matter)
        able = [[row for row in near[i]
                 if features.score(rec, parsed[row.event_id], text_a=words[i], context=1.0, learned_on=scorer).score
                 >= features.LINK_THRESHOLD] for i, rec in enumerate(recs)]
        self._load_names(conn, {row.article_id for rows in able for row in rows}, names)
        out: dict[str, dict[str, float]] = {}
        for local, idx in groups.items():
            found = out.setdefault(local, {})
            for i in idx:
                for row in able[i]:
                    ctx = context.overlap(names[article.article_id], names.get(row.article_id, frozenset()))
                    got = features.score(recs[i], parsed[row.event_id], text_a=words[i], context=ctx,
                                         learned_on=scorer).score
                    if got >= features.LINK_THRESHOLD and got > found.get(row.incident_id, 0.0):
                        found[row.incident_id] = got
        return out

    @staticmethod
    def _mergeable(conn: Connection, ids: set[str]) -> bool:
        """Merging stops short of one runaway incident: at most MAX_MERGED_REPORTS reports."""
        n = conn.execute(
            sa.select(sa.func.count()).select_from(events).where(events.c.incident_id.in_(sorted(ids)))
        ).scalar_one()
        return int(n) <= MAX_MERGED_REPORTS

    def _merge(self, conn: Connection, target: str, others: set[str]) -> None:
        """Move the events of ``others`` into ``target`` (a new report links incidents stored apart)."""
        e = events.c
        rows = list(conn.execute(sa.select(e.event_id, e.record).where(e.incident_id.in_(sorted(others)))))
        for row in rows:
            rec = json.loads(row.record)
            rec["incident_id"] = target
            conn.execute(
                events.update().where(e.event_id == row.event_id).values(
                    incident_id=target, record=json.dumps(rec, ensure_ascii=False, separators=(",", ":")))
            )

    def _own_names(self, conn: Connection, article: Article) -> frozenset[str]:
        """The new article's names, kept (``article_link_names``) for the articles linked after it."""
        got = context.names(article.text)
        if self.keys:
            self._keep_names(conn, {article.article_id: got})
        return got

    def _keep_names(self, conn: Connection, found: dict[str, frozenset[str]]) -> None:
        # ON CONFLICT DO NOTHING: a re-ingested article has its row already, and two writers may
        # fill in the row of one older article at once (PostgreSQL).
        insert = (sqlite_insert if self.dialect == "sqlite" else pg_insert)(article_link_names)
        conn.execute(insert.on_conflict_do_nothing(index_elements=["article_id"]),
                     [{"article_id": a, "names": "\n".join(sorted(ns))} for a, ns in found.items()])

    def _load_names(self, conn: Connection, article_ids: set[str], cache: dict[str, frozenset[str]]) -> None:
        """Put the names of these articles in ``cache``: from ``article_link_names`` in one read;
        an article stored before migration 0006 has no row, its names come from its text and are
        kept now."""
        missing = sorted(article_ids - set(cache))
        if not missing:
            return
        n = article_link_names.c
        if self.keys:
            for aid, joined in conn.execute(sa.select(n.article_id, n.names).where(n.article_id.in_(missing))):
                cache[aid] = frozenset(joined.split("\n")) if joined else frozenset()
        rest = [a for a in missing if a not in cache]
        if rest:
            found = {aid: context.names(text or "") for aid, text in conn.execute(
                sa.select(articles.c.article_id, articles.c.text).where(articles.c.article_id.in_(rest)))}
            cache.update(found)
            if found and self.keys:
                self._keep_names(conn, found)

    # -- incident rows ------------------------------------------------------------------------
    def incidents_of(self, conn: Connection, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        q = sa.select(events.c.incident_id).where(events.c.article_id.in_(ids), events.c.incident_id.is_not(None))
        return set(conn.execute(q.distinct()).scalars())

    def refresh(self, conn: Connection, incident_ids: Iterable[str]) -> None:
        """Recompute the rows of these incidents from their events (delete those left empty)."""
        ids = sorted(set(incident_ids))
        if not ids:
            return
        now = dt.datetime.now(dt.timezone.utc)
        members: dict[str, list[dict[str, Any]]] = {}
        for iid, record in conn.execute(
            sa.select(events.c.incident_id, events.c.record).where(events.c.incident_id.in_(ids))
        ):
            members.setdefault(iid, []).append(json.loads(record))
        conn.execute(incidents.delete().where(incidents.c.incident_id.in_(ids)))
        if not members:
            if self.facets:
                facets.refresh(conn, ids, terms=self.terms, country=self.country)
            return
        aids = sorted({r["article_id"] for recs in members.values() for r in recs})
        arts = {
            row.article_id: {"source": row.source, "published": row.published.isoformat() if row.published else None,
                             "story_id": row.story_id}
            for row in conn.execute(
                sa.select(articles.c.article_id, articles.c.source, articles.c.published, article_stories.c.story_id)
                .select_from(articles.outerjoin(article_stories, article_stories.c.article_id == articles.c.article_id))
                .where(articles.c.article_id.in_(aids))
            )
        }
        rows = [incident_row(summary.build(iid, recs, arts), now) for iid, recs in sorted(members.items())]
        conn.execute(incidents.insert(), rows)
        # Each report carries its incident's sort_date (migration 0006: pages filtered on reports).
        if self.keys:
            conn.execute(
                events.update().where(events.c.incident_id == sa.bindparam("iid"))
                .values(incident_sort_date=sa.bindparam("day")),
                [{"iid": r["incident_id"], "day": r["sort_date"]} for r in rows],
            )
        if self.facets:  # migrations 0007, 0008: the incidents' actor codes and names, claim sources
            facets.refresh(conn, ids, terms=self.terms, country=self.country)


def _types(rec: dict[str, Any]) -> tuple[tuple[str, tuple[str | None, ...] | None], ...]:
    """The blocks a report reads: its own PLOVER type (every mode: None) and the types compatible
    with its type and mode, with their compatible modes (features.compatible)."""
    ptype = rec["plover_type"]
    return ((ptype, None), *features.compatible_types(ptype, rec.get("plover_mode")))


def _as_date(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def incident_row(rec: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    date, loc = rec.get("date") or {}, rec.get("location") or {}
    start = dt.date.fromisoformat(date["start"]) if date.get("start") else None
    end = dt.date.fromisoformat(date["end"]) if date.get("end") else start
    first = dt.date.fromisoformat(rec["first_report"]) if rec.get("first_report") else None
    last = dt.date.fromisoformat(rec["last_report"]) if rec.get("last_report") else None
    dead, injured = rec["dead"], rec["injured"]
    return {
        "incident_id": rec["incident_id"],
        "plover_type": rec["plover_type"] or "",
        "acled_event_type": rec.get("acled_event_type"),
        "acled_sub_event_type": rec.get("acled_sub_event_type"),
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "place_name": loc.get("name"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "location_precision": loc.get("precision"),
        "date_start": start,
        "date_end": end,
        "date_precision": date.get("precision"),
        "sort_date": start or first or dt.date.min,
        "span_days": (end - start).days if start and end else None,
        "first_report": first,
        "last_report": last,
        "n_reports": rec["n_reports"],
        "n_articles": rec["n_articles"],
        "n_stories": rec["n_stories"],
        "n_outlets": rec["n_outlets"],
        "dead_low": dead["low"], "dead_best": dead["best"], "dead_high": dead["high"],
        "injured_low": injured["low"], "injured_best": injured["best"], "injured_high": injured["high"],
        "conflict": bool(rec["conflicts"]),
        "max_confidence": float(rec["max_confidence"]),
        "updated": now,
        "record": json.dumps(rec, ensure_ascii=False, separators=(",", ":")),
    }


def rebuild_all(conn: Connection, *, batch: int = 2000) -> int:
    """Recompute every incident row from the stored events, in one pass ordered by incident id
    (no linking: the events' incident ids are taken as they are). For stores filled in bulk, or
    filled before migration 0004, whose events carry per-article incident ids only."""
    now = dt.datetime.now(dt.timezone.utc)
    conn.execute(incidents.delete())
    arts: dict[str, dict[str, Any]] = {}
    for row in conn.execute(
        sa.select(articles.c.article_id, articles.c.source, articles.c.published, article_stories.c.story_id)
        .select_from(articles.outerjoin(article_stories, article_stories.c.article_id == articles.c.article_id))
    ):
        arts[row.article_id] = {"source": row.source, "published": row.published.isoformat() if row.published else None,
                                "story_id": row.story_id}
    rows: list[dict[str, Any]] = []
    n = 0
    current: str | None = None
    members: list[dict[str, Any]] = []

    def emit() -> None:
        nonlocal n
        if current is not None and members:
            rows.append(incident_row(summary.build(current, members, arts), now))
            n += 1

    q = sa.select(events.c.incident_id, events.c.record).where(events.c.incident_id.is_not(None)).order_by(
        events.c.incident_id)
    for iid, record in conn.execute(q):
        if iid != current:
            emit()
            current, members = iid, []
            if len(rows) >= batch:
                conn.execute(incidents.insert(), rows)
                rows.clear()
        members.append(json.loads(record))
    emit()
    if rows:
        conn.execute(incidents.insert(), rows)
    # each report's copy of its incident's sort_date (migration 0006), in one statement
    conn.execute(events.update().values(incident_sort_date=sa.select(incidents.c.sort_date).where(
        incidents.c.incident_id == events.c.incident_id).scalar_subquery()))
    if facets.present(conn):
        facets.rebuild(conn)
    return n
