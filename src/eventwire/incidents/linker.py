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
   joins that report's incident.
4. Otherwise the candidates (blocking by type, country and date) are scored pair by pair
   (``features.score``); the group joins the incident of its best pair at or above the threshold,
   else it starts an incident of its own (its within-article id).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz
from sqlalchemy.engine import Connection

from ..records import Article, Event
from ..store.incident_tables import article_bands, article_stories, incidents
from ..store.schema import articles, events
from . import context, copies, features, summary

MAX_CANDIDATES = 300  # stored events scored per new event at most (nearest dates first)
LOOKBACK_DAYS = 31  # a month-precision report starts up to a month before the dates it covers
LOOKAHEAD_DAYS = 5  # a `reported` date (publication) comes up to four days after the event
MERGE = True  # a report matching several stored incidents merges them (transitive linking)
COPY_SENTENCE = 90  # rapidfuzz ratio of two evidence sentences in copies of one story


def _local_id(ev: Event) -> str:
    # The pipeline gives every event an incident id (within its article). A hand-built event
    # without one is linked when it matches a stored incident, and otherwise stays without.
    return ev.incident_id or "\x00" + ev.event_id


def _public(incident_id: str) -> str | None:
    return None if incident_id.startswith("\x00") else incident_id


def _lock_key(*parts: str | None) -> int:
    digest = hashlib.blake2b("\x1f".join(p or "" for p in parts).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class Linker:
    def __init__(self, dialect: str) -> None:
        self.dialect = dialect

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
        exists = conn.execute(
            sa.select(article_stories.c.article_id).where(article_stories.c.article_id == article.article_id)
        ).first()
        if exists is None:
            conn.execute(article_stories.insert().values(
                article_id=article.article_id, story_id=sid, similarity=round(best_sim, 4) if best_id else None))
            if keys:
                conn.execute(article_bands.insert(), [{"band": k, "article_id": article.article_id} for k in keys])
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
        if not evs:
            return evs, set()
        recs = [ev.to_dict() for ev in evs]
        for rec in recs:  # the article's metadata, as the stored records carry it
            rec["published"] = rec.get("published") or (article.published.isoformat() if article.published else None)
        if self.dialect == "postgresql":
            # Concurrent writers linking into the same block wait for each other (else both could
            # start the same incident); sorted, so two writers never wait on each other in a cycle.
            keys = sorted({_lock_key(r["plover_type"], (r.get("location") or {}).get("country")) for r in recs})
            for key in keys:
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": key})
        groups: dict[str, list[int]] = {}
        for i, ev in enumerate(evs):
            groups.setdefault(_local_id(ev), []).append(i)
        copies_of = self._copy_links(conn, recs, story_articles) if story_articles else {}
        chosen: dict[str, str] = {}
        names = {article.article_id: context.names(article.text)}
        touched: set[str] = set()
        for local, idx in groups.items():
            hit = next((copies_of[i] for i in idx if i in copies_of), None)
            found = self._matches(conn, article, [recs[i] for i in idx], set(story_articles), names)
            if hit is None and found:
                hit = max(found, key=lambda k: (found[k], k))
            if hit is not None and len(found) > 1 and MERGE:
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

    def _candidates(self, conn: Connection, article: Article, rec: dict[str, Any], exclude: set[str]) -> list[Any]:
        span = features.interval(rec)
        if span is None:
            # No date in the text and no publication date: stored as dt.date.min, matched only with
            # other undated reports (and then only on shared context, see features.score).
            span = (dt.date.min, dt.date.min, False)
            lo = hi = dt.date.min
        else:
            lo = span[0] - dt.timedelta(days=LOOKBACK_DAYS)
            hi = span[1] + dt.timedelta(days=LOOKAHEAD_DAYS)
        e = events.c
        base = [
            e.plover_type == rec["plover_type"],
            e.sort_date >= lo,
            e.sort_date <= hi,
            e.article_id != article.article_id,
            e.incident_id.is_not(None),
        ]
        if exclude:
            base.append(e.article_id.not_in(sorted(exclude)))
        country = (rec.get("location") or {}).get("country")
        where = [[e.country == country], [e.country.is_(None)]] if country else [[]]
        mid = span[0] + (span[1] - span[0]) / 2
        rows: list[Any] = []
        for extra in where:
            q = sa.select(e.event_id, e.article_id, e.incident_id, e.sort_date, e.record).where(*base, *extra)
            rows += list(conn.execute(q.limit(MAX_CANDIDATES * 4)))
        rows.sort(key=lambda r: abs((_as_date(r.sort_date) - mid).days))
        return rows[:MAX_CANDIDATES]

    def _matches(
        self, conn: Connection, article: Article, group: list[dict[str, Any]], exclude: set[str],
        names: dict[str, frozenset[str]],
    ) -> dict[str, float]:
        """The stored incidents this group of reports matches, with their best pair score."""
        found: dict[str, float] = {}
        for rec in group:
            mine = features.words(rec)
            for row in self._candidates(conn, article, rec, exclude):
                other = json.loads(row.record)
                if features.score(rec, other, text_a=mine, context=1.0).score < features.LINK_THRESHOLD:
                    continue  # fails a hard constraint, or cannot reach the threshold whatever the context
                ctx = context.overlap(self._names(conn, article.article_id, names),
                                      self._names(conn, row.article_id, names))
                got = features.score(rec, other, text_a=mine, context=ctx).score
                if got >= features.LINK_THRESHOLD and got > found.get(row.incident_id, 0.0):
                    found[row.incident_id] = got
        return found

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

    @staticmethod
    def _names(conn: Connection, article_id: str, cache: dict[str, frozenset[str]]) -> frozenset[str]:
        if article_id not in cache:
            text = conn.execute(sa.select(articles.c.text).where(articles.c.article_id == article_id)).scalar()
            cache[article_id] = context.names(text or "")
        return cache[article_id]

    # -- incident rows ------------------------------------------------------------------------
    def incidents_of(self, conn: Connection, article_ids: Iterable[str]) -> set[str]:
        ids = list(article_ids)
        q = sa.select(events.c.incident_id).where(events.c.article_id.in_(ids), events.c.incident_id.is_not(None))
        return set(conn.execute(q.distinct()).scalars())

    def refresh(self, conn: Connection, incident_ids: Iterable[str]) -> None:
        """Recompute the rows of these incidents from their events (delete those left empty)."""
        now = dt.datetime.now(dt.timezone.utc)
        for iid in sorted(set(incident_ids)):
            recs = [json.loads(r) for r in conn.execute(
                sa.select(events.c.record).where(events.c.incident_id == iid)).scalars()]
            conn.execute(incidents.delete().where(incidents.c.incident_id == iid))
            if not recs:
                continue
            aids = sorted({r["article_id"] for r in recs})
            arts = {
                row.article_id: {"source": row.source, "published": row.published.isoformat() if row.published else None,
                                 "story_id": row.story_id}
                for row in conn.execute(
                    sa.select(articles.c.article_id, articles.c.source, articles.c.published, article_stories.c.story_id)
                    .select_from(articles.outerjoin(article_stories, article_stories.c.article_id == articles.c.article_id))
                    .where(articles.c.article_id.in_(aids))
                )
            }
            rec = summary.build(iid, recs, arts)
            conn.execute(incidents.insert().values(**incident_row(rec, now)))


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
