"""/api/incidents: incidents across articles and outlets (one per real incident, its reports listed).

Included by ``create_app`` with one line; the models document every response in the OpenAPI schema.
"""

from __future__ import annotations

import io
import json
from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from ..incidents import queries
from ..store import EventFilters, Store
from .params import event_filters

COUNT_BOUND = 10_000
MAX_LIMIT = 1000


def _dumps(obj: Any) -> bytes:
    """JSON as JSONResponse renders it (compact, UTF-8), for a body kept in the read cache."""
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


class IncidentDate(BaseModel):
    start: str | None = None
    end: str | None = None
    precision: str | None = Field(None, description="the best precision any report gives: day, week, month, ...")


class IncidentPlace(BaseModel):
    name: str | None = None
    country: str | None = Field(None, description="ISO 3166-1 alpha-2")
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = Field(None, description="town | admin2 | admin1 | country: the best any report gives")


class Figure(BaseModel):
    value: int
    lower_bound: bool = Field(description='"at least N": a floor, not an exact count')
    event_id: str


class ClaimantFigures(BaseModel):
    claimant: str = Field(description="who asserts it (the claim source; the outlet when none is named)")
    outlet: str | None = None
    figures: list[Figure]


class Figures(BaseModel):
    low: int | None = Field(None, description="lowest figure any report gives (UCDP-style low)")
    best: int | None = Field(None, description="median of the distinct exact figures of distinct stories")
    high: int | None = Field(None, description="highest figure any report gives")
    conflict: bool = Field(description="reports give different exact figures (or a floor above every exact one)")
    values: list[int] = Field(default_factory=list, description="distinct exact figures")
    floors: list[int] = Field(default_factory=list, description='distinct "at least" figures')
    by_claimant: list[ClaimantFigures] = Field(default_factory=list)


class Story(BaseModel):
    story_id: str = Field(description="copies and rewrites of one text share a story (MinHash)")
    articles: list[str]
    outlets: list[str]


class Report(BaseModel):
    model_config = ConfigDict(extra="allow")

    event_id: str
    article_id: str
    story_id: str
    outlet: str | None = None
    published: str | None = None
    claimant: str
    claim_source: list[str]
    dead: int | None = None
    injured: int | None = None
    date: dict[str, Any] | None = None
    location: str | None = None
    modality: str | None = None
    confidence: float | None = None
    evidence: str | None = None


class IncidentRecord(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)

    schema_: str = Field(alias="schema", description="eventwire.incident/1")
    incident_id: str
    plover_type: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date: IncidentDate | None = None
    location: IncidentPlace | None = None
    first_report: str | None = Field(None, description="publication date of the first report")
    last_report: str | None = None
    n_reports: int
    n_articles: int
    n_stories: int = Field(description="independent stories: copies of one text count once")
    n_outlets: int
    outlets: list[str]
    claimants: list[str]
    stories: list[Story]
    dead: Figures
    injured: Figures
    conflicts: list[str] = Field(description='e.g. "dead: 5 vs 7"')
    max_confidence: float
    reports: list[Report] | None = Field(None, description="each report (left out of list pages)")


class IncidentsPage(BaseModel):
    count: int = Field(description="incidents matching the filters (all pages); see count_exact")
    count_exact: bool
    page: int
    limit: int
    next: str | None = Field(description="URL of the next page, null on the last")
    next_after: str | None = Field(description="cursor for `after=`: the next page by keyset")
    incidents: list[IncidentRecord]


class IncidentDetail(BaseModel):
    incident_id: str
    incident: IncidentRecord | None = Field(description="the incident record (null for events stored before migration 0004)")
    events: list[dict[str, Any]] = Field(description="the full event record of every report")
    articles: list[dict[str, Any]] = Field(description="the reports' articles (metadata, no text)")


CSV_COLUMNS_NOTE = "one row per incident (eventwire.export.incidents.INCIDENT_COLUMNS)"


def incidents_router(store: Store, read: list[Any]) -> APIRouter:
    router = APIRouter(tags=["incidents"], dependencies=read)

    @router.get("/api/incidents", response_model=IncidentsPage, summary="Incidents matching the event filters",
                responses={200: {"content": {"application/geo+json": {}, "text/csv": {"description": CSV_COLUMNS_NOTE}}}})
    def list_incidents(
        request: Request,
        filters: EventFilters = Depends(event_filters),
        conflict: bool | None = Query(None, description="only incidents whose reports' figures disagree (true) or agree"),
        min_outlets: int | None = Query(None, ge=1, description="reported by at least this many outlets"),
        limit: int = Query(100, ge=1, le=MAX_LIMIT),
        page: int = Query(1, ge=1, le=1_000_000),
        after: str | None = Query(None, max_length=600, description="keyset cursor: `next_after` of the previous page"),
        format: Literal["json", "csv", "geojson"] = Query("json"),  # noqa: A002
    ) -> Response:
        """The filters of /api/events: those on the incident's own summary (type, ACLED type, country,
        admin1, date, bbox, confidence, incident id) read the incident; the others select incidents
        with at least one matching report."""
        conflict_f, min_out = conflict, min_outlets

        def render() -> tuple[bytes, str, tuple[tuple[str, str], ...]]:
            total, exact = queries.count(store, filters, conflict=conflict_f, min_outlets=min_out, bound=COUNT_BOUND)
            got = queries.page(store, filters, conflict=conflict_f, min_outlets=min_out, limit=limit,
                               offset=(page - 1) * limit, after=after, brief=format == "json", broad=not exact)
            nxt = None
            if got.has_more:
                nxt = str(request.url.include_query_params(after=got.next_after) if after is not None
                          else request.url.include_query_params(page=page + 1))
            if format == "csv":
                from ..export.incidents import write_incidents_csv

                buf = io.StringIO()
                write_incidents_csv(got.incidents, buf)
                headers = [("X-Total-Count", str(total)), ("X-Count-Exact", "true" if exact else "false")]
                if nxt:
                    headers.append(("Link", f'<{nxt}>; rel="next"'))
                return buf.getvalue().encode("utf-8"), "text/csv; charset=utf-8", tuple(headers)
            meta = {"count": total, "count_exact": exact, "page": page, "limit": limit, "next": nxt,
                    "next_after": got.next_after}
            if format == "geojson":
                from ..export.incidents import incidents_geojson

                return _dumps({**incidents_geojson(got.incidents), **meta}), "application/geo+json", ()
            return _dumps({**meta, "incidents": got.incidents}), "application/json", ()

        # As /api/events: until the next write the same URL gets the same page (store/cache.py).
        # Incident rows change only in the transactions that write their events, which bump the
        # store's write generation.
        body, media_type, headers = store.cached_call(("incidents", str(request.url)), render)
        return Response(body, media_type=media_type, headers=dict(headers))

    @router.get("/api/incidents/{incident_id}", response_model=IncidentDetail,
                summary="One incident with its reports", responses={404: {"description": "no such incident"}})
    def get_incident(incident_id: str) -> dict[str, Any]:
        got = queries.get(store, incident_id)
        if got is None:
            raise HTTPException(status_code=404, detail=f"no incident {incident_id!r}")
        return got

    return router


__all__ = ["IncidentDetail", "IncidentRecord", "IncidentsPage", "incidents_router"]
