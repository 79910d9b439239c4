"""ACLED's read API, spoken by eventwire: ``GET /api/acled/read``.

Analysts' scripts written against ``https://acleddata.com/api/acled/read`` (directly or through
a client such as PyPI's ``acled``, which reads ``ACLED_API_HOST``) run unchanged against
``http://host:8000/api``: the same parameters (column names, ``|`` for alternatives,
``<column>_where`` for operators, ``limit``, ``page``, ``fields``), the same JSON envelope
(``status``, ``success``, ``last_update``, ``count``, ``messages``, ``data``, ``filename``) and
ACLED's 31 columns, each value as text like ACLED sends it. Only events with an ACLED event type
are served (ACLED codes nothing else). ``key`` and ``email`` are accepted; with a read token set,
``key`` must be it.
"""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Any

import pycountry
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ..export import ACLED_COLUMNS, acled_row
from ..store import EventFilters, FilterError, Store
from ..taxonomy.acled import ACLED_EVENT_TYPES
from .params import reject_unknown_params

MAX_LIMIT = 5000  # ACLED's own page size
NUM_WHERE = ("=", ">", "<", ">=", "<=", "BETWEEN")
# Numeric or date columns that ACLED clients convert (int(), float(), strptime): null, never "",
# when eventwire has no value.
_TYPED = {"event_date", "year", "time_precision", "latitude", "longitude", "fatalities", "timestamp", "iso",
          "inter1", "inter2", "interaction", "geo_precision"}


class AcledEnvelope(BaseModel):
    status: int = Field(description="HTTP status, as ACLED repeats it in the body")
    success: bool
    last_update: int = Field(description="always 0: eventwire serves its store live, not a periodic release")
    count: int = Field(description="rows in `data` (this page)")
    messages: list[str]
    data: list[dict[str, Any]] = Field(description="rows with ACLED's 31 columns (or `fields`), values as text")
    filename: str


def _iso_numeric(value: str) -> str:
    out = []
    for v in value.split("|"):
        c = pycountry.countries.get(numeric=v.strip().zfill(3))
        if c is None:
            raise FilterError(message=f"iso: unknown ISO 3166 numeric code {v!r}")
        out.append(c.alpha_2)
    return "|".join(out)


def _fatalities(value: str | None, where: str | None) -> dict[str, Any]:
    if value is None or value == "":
        return {}
    op = (where or "=").strip().upper()
    if op not in NUM_WHERE:
        raise FilterError(message=f"fatalities_where: unknown value {where!r}; allowed: {' | '.join(NUM_WHERE)}")
    parts = [p.strip() for p in value.split("|")]
    try:
        nums = [int(p) for p in parts]
    except ValueError as exc:
        raise FilterError(message=f"fatalities must be whole numbers, got {value!r}") from exc
    if op == "BETWEEN":
        if len(nums) != 2:
            raise FilterError(message="fatalities_where=BETWEEN needs two numbers: fatalities=A|B")
        return {"min_fatalities": min(nums), "max_fatalities": max(nums)}
    if len(nums) != 1:
        raise FilterError(message=f"fatalities_where={op} takes one number")
    n = nums[0]
    bounds = {"=": (n, n), ">": (n + 1, None), ">=": (n, None), "<": (None, n - 1), "<=": (None, n)}[op]
    if bounds[1] is not None and bounds[1] < 0:
        return {"min_fatalities": 1, "max_fatalities": 0}  # nothing is below zero
    return {"min_fatalities": bounds[0], "max_fatalities": bounds[1]}


def _row(rec: dict[str, Any], fields: list[str] | None) -> dict[str, Any]:
    row = acled_row(rec)
    if (rec.get("size") or {}).get("dead") is None:
        # No figure stated is not zero deaths (the CSV export writes 0, as ACLED's column must hold a
        # number); here it is null, and the fatalities filters, which need a figure, agree with it.
        row["fatalities"] = ""
    out = {}
    for col in fields or ACLED_COLUMNS:
        v = row.get(col, "")
        out[col] = (None if col in _TYPED else "") if v in ("", None) else str(v)
    return out


def add_acled_routes(app: FastAPI, store: Store, read_token: str | None) -> None:
    def require_key(request: Request) -> None:
        if read_token is None:
            return
        auth = request.headers.get("authorization", "")
        given = request.query_params.get("key") or (auth[7:].strip() if auth.lower().startswith("bearer ") else None)
        given = given or request.headers.get("x-api-token")
        if given is None or not hmac.compare_digest(given.encode(), read_token.encode()):
            raise HTTPException(status_code=401, detail="missing or wrong API key", headers={"WWW-Authenticate": "Bearer"})

    @app.get(
        "/api/acled/read",
        tags=["acled"],
        dependencies=[Depends(require_key), Depends(reject_unknown_params)],
        response_model=AcledEnvelope,
        responses={422: {"description": "an unknown parameter, or a value that cannot be understood"}},
        summary="ACLED's read API over eventwire's events",
    )
    def acled_read(
        request: Request,
        country: str | None = Query(None, description="country name (ACLED's, ISO's or a common one) or ISO code; a|b"),
        iso: str | None = Query(None, description="ISO 3166 numeric code, e.g. 760; a|b"),
        event_date: str | None = Query(None, description="YYYY-MM-DD, or A|B with event_date_where=BETWEEN"),
        event_date_where: str | None = Query(None, description="= > < >= <= BETWEEN"),
        year: int | None = Query(None, ge=1, le=9999),
        event_type: str | None = Query(None, description="ACLED event type (any case); a|b"),
        sub_event_type: str | None = Query(None, description="ACLED sub-event type (any case); a|b"),
        actor1: str | None = Query(None, description="substring of the acting side's name, or a code TUR/MIL"),
        actor2: str | None = Query(None, description="substring of the target's name, or a code"),
        admin1: str | None = Query(None),
        fatalities: str | None = Query(None, description="a number, or A|B with fatalities_where=BETWEEN"),
        fatalities_where: str | None = Query(None, description="= > < >= <= BETWEEN"),
        fields: str | None = Query(None, description="a|b: only these of the 31 columns"),
        limit: int = Query(MAX_LIMIT, ge=1, le=MAX_LIMIT),
        page: int = Query(1, ge=1, le=1_000_000),
        format_: str | None = Query(None, alias="_format", description="json (the only format served)"),
        export_type: str | None = Query(None, description="dyadic (the only structure served)"),
        key: str | None = Query(None, description="accepted for ACLED clients; the read token when one is set"),
        email: str | None = Query(None, description="accepted for ACLED clients, unused"),
    ) -> JSONResponse:
        if format_ not in (None, "json"):
            raise FilterError(message=f"_format: only json is served, not {format_!r}")
        if export_type not in (None, "dyadic"):
            raise FilterError(message=f"export_type: only dyadic is served, not {export_type!r}")
        wanted = [f.strip() for f in fields.split("|") if f.strip()] if fields else None
        bad = [f for f in wanted or [] if f not in ACLED_COLUMNS]
        if bad:
            raise FilterError(message=f"fields: unknown column(s) {', '.join(bad)}; allowed: {' | '.join(ACLED_COLUMNS)}")
        raw: dict[str, Any] = {
            "country": "|".join(x for x in (country, _iso_numeric(iso) if iso else None) if x) or None,
            "event_type": event_type or "|".join(ACLED_EVENT_TYPES),  # ACLED serves ACLED-typed events only
            "sub_event_type": sub_event_type, "actor1": actor1, "actor2": actor2, "admin1": admin1,
            "event_date": event_date, "event_date_where": event_date_where,
            **_fatalities(fatalities, fatalities_where),
        }
        if year is not None:
            if event_date:
                raise FilterError(message="year: give year or event_date, not both")
            raw.update(event_date=f"{year:04d}-01-01|{year:04d}-12-31", event_date_where="BETWEEN")
        # ACLED's event_date is one day per event, so a date filter selects events inside it.
        raw["event_date_match"] = "within"
        filters = EventFilters.parse(**raw)
        got = store.page(filters, limit=limit, offset=(page - 1) * limit)
        data = [_row(r, wanted) for r in got.events]
        body = AcledEnvelope(
            status=200, success=True, last_update=0, count=len(data), messages=[], data=data,
            filename=f"eventwire-acled-{dt.date.today().isoformat()}",
        )
        return JSONResponse(body.model_dump())


__all__ = ["AcledEnvelope", "add_acled_routes"]
