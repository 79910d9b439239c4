"""The one filter model of the HTTP API: every endpoint that lists, counts, summarises or exports
events takes its filters from ``event_filters`` and refuses parameters it does not know.

The parameters are declared here once, so the OpenAPI schema documents them the same way on every
endpoint; values are checked by ``EventFilters.parse`` (a ``FilterError``, answered 422, names the
parameter and what it accepts).
"""

from __future__ import annotations

from typing import Any

from fastapi import Query, Request
from fastapi.routing import APIRoute

from ..records import MODALITIES
from ..store import EventFilters, FilterError
from ..store.filters import DATE_WHERE
from ..taxonomy.acled import ACLED_EVENT_TYPES
from ..taxonomy.plover import PLOVER_TYPES

_OR = "; a|b for either"
_WHERE = " | ".join(DATE_WHERE)


def event_filters(
    country: str | None = Query(
        None, description="where the event took place: ISO2, ISO3, or a country name, common or former "
        "(Syria, Turkey, Türkiye, Burma)" + _OR),
    admin1: str | None = Query(None, description="first-level region, exact" + _OR),
    event_type: str | None = Query(
        None, description="ACLED event type, any case: " + " | ".join(ACLED_EVENT_TYPES) + _OR),
    sub_event_type: str | None = Query(None, description="ACLED sub-event type, any case" + _OR),
    plover_type: str | None = Query(None, description="PLOVER type, any case: " + " | ".join(PLOVER_TYPES) + _OR),
    actor: str | None = Query(
        None, description="either side of the event (actor1 or actor2): name substring, or a code "
        "TUR/MIL, tur/mil, TUR, /MIL" + _OR),
    actor1: str | None = Query(None, description="the side that acts (ACLED's actor1); as `actor`"),
    actor2: str | None = Query(None, description="the side acted upon (ACLED's actor2, the target); as `actor`"),
    event_date: str | None = Query(None, description="YYYY-MM-DD, or A|B with BETWEEN"),
    event_date_where: str | None = Query(None, description=f"{_WHERE} (default = for one date, BETWEEN for two)"),
    event_date_match: str | None = Query(
        None, description="overlaps (default: the event's date range meets the one asked for) or within "
        "(it lies wholly inside it)"),  # DATE_MATCH
    published: str | None = Query(None, description="publication date of the article: YYYY-MM-DD, or A|B"),
    published_where: str | None = Query(None, description=_WHERE),
    bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat"),
    q: str | None = Query(None, max_length=500, description="words anywhere in the article (title and text)"),
    evidence: str | None = Query(None, max_length=500, description="words in the event's evidence sentence"),
    claim_source: str | None = Query(None, description="who asserts the event (substring)" + _OR),
    outlet: str | None = Query(None, description="the article's outlet (substring, any case)" + _OR),
    min_confidence: float | None = Query(None, ge=0, le=1),
    min_fatalities: int | None = Query(None, ge=0, description="at least this many dead (events with a figure)"),
    max_fatalities: int | None = Query(None, ge=0, description="at most this many dead (events with a figure)"),
    incident_id: str | None = Query(None),
    article_id: str | None = Query(None),
    modality: str | None = Query(None, description="any case: " + " | ".join(MODALITIES) + _OR),
) -> EventFilters:
    raw: dict[str, Any] = dict(locals())
    assert set(raw) == set(EventFilters.names()), "the API's filters and EventFilters disagree"
    return EventFilters.parse(**raw)


def _query_names(dependant: Any) -> set[str]:
    names = {f.alias for f in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


_ALLOWED: dict[int, frozenset[str]] = {}


def reject_unknown_params(request: Request) -> None:
    """A misspelt or foreign parameter (``countries=``, ``start_date=``) would otherwise be ignored
    and every event returned: answer 422 naming it and the parameters this endpoint takes."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    allowed = _ALLOWED.get(id(route))
    if allowed is None:
        allowed = _ALLOWED[id(route)] = frozenset(_query_names(route.dependant))
    unknown = sorted({k for k in request.query_params if k not in allowed})
    if unknown:
        raise FilterError(
            message=f"unknown parameter(s) {', '.join(unknown)}; this endpoint takes: {', '.join(sorted(allowed))}"
        )


__all__ = ["event_filters", "reject_unknown_params"]
