"""The HTTP API: ACLED-style event queries, articles, incidents, stats, and authenticated ingest."""

from __future__ import annotations

import contextlib
import csv
import hmac
import io
import threading
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import EventwireError, InputError
from ..records import Result
from ..store import EventFilters, FilterError, Store
from .incidents import incidents_router
from .models import ArticleIn, ArticleOut, EventsPage, Health, IngestOut

Fmt = Literal["json", "csv", "geojson"]
MAX_LIMIT = 5000
DEFAULT_LIMIT = 500
MAX_BODY_BYTES = 5_000_000
# Counts are exact up to this many matches; past it `count` is an estimate and `count_exact` false.
COUNT_BOUND = 10_000

# Flattened columns of the CSV format (one row per event, ACLED-like); JSON keeps the full record.
CSV_COLUMNS = (
    "event_id", "article_id", "event_date", "date_end", "date_precision", "plover_type", "plover_mode",
    "acled_event_type", "acled_sub_event_type", "cameo_root", "actor1", "actor1_country", "actor1_sector",
    "actor2", "actor2_country", "actor2_sector", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "dead", "injured", "claim_source", "modality", "confidence", "incident_id", "source",
    "published", "evidence", "extractor_version",
)
RECORD_FIELDS = (
    "schema", "event_id", "article_id", "plover_type", "plover_mode", "context", "acled_event_type",
    "acled_sub_event_type", "cameo_root", "actors", "location", "date", "size", "claim_source", "modality",
    "confidence", "evidence", "incident_id", "extractor_version", "source", "published", "explain",
)


class PipelineLike(Protocol):
    version: str

    def process(self, articles: Iterable[Any]) -> Iterable[Result]: ...


@dataclass
class _Lazy:
    """The pipeline, built on first POST (loading spaCy and gazetteers takes seconds) and kept."""

    factory: Callable[[], PipelineLike]
    _value: PipelineLike | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self) -> PipelineLike:
        with self._lock:
            if self._value is None:
                self._value = self.factory()
            return self._value


def _default_pipeline() -> PipelineLike:
    from ..pipeline import Pipeline

    return Pipeline()  # type: ignore[return-value]


def _token_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-api-token")


def _check(request: Request, expected: str | None) -> None:
    if expected is None:
        return
    given = _token_of(request)
    if given is None or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(
            status_code=401, detail="missing or wrong API token", headers={"WWW-Authenticate": "Bearer"}
        )


def create_app(
    store_url: str,
    token: str | None = None,
    read_token: str | None = None,
    *,
    pipeline_factory: Callable[[], PipelineLike] | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FastAPI:
    """The FastAPI app over one store. ``token`` guards writes (no token: writes are refused);
    ``read_token`` guards reads (none: reads are open). The dashboard mounts itself if present."""
    store = Store.open(store_url)
    pipeline = _Lazy(pipeline_factory or _default_pipeline)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire API",
        summary="Conflict events coded from news, with evidence (PLOVER, ACLED, CAMEO).",
        version="1",
        docs_url="/docs",
        openapi_url="/openapi.json",
    )
    app.state.store = store

    def require_read(request: Request) -> None:
        _check(request, read_token)

    def require_write(request: Request) -> None:
        if token is None:
            raise HTTPException(status_code=401, detail="ingest is disabled: the server has no API token set")
        _check(request, token)

    @app.exception_handler(FilterError)
    async def _filter_error(_request: Request, exc: FilterError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc), "code": exc.code})

    @app.get("/api/health", response_model=Health, tags=["meta"])
    def health() -> Health:
        try:
            n = store.count_events()
        except Exception:  # noqa: BLE001 - health reports the failure instead of raising it
            return Health(status="error", store=store.dialect)
        return Health(status="ok", store=store.dialect, events=n)

    def list_events(
        request: Request,
        fmt: str,
        country: str | None,
        admin1: str | None,
        event_type: str | None,
        sub_event_type: str | None,
        plover_type: str | None,
        actor: str | None,
        event_date: str | None,
        event_date_where: str | None,
        bbox: str | None,
        q: str | None,
        claim_source: str | None,
        min_confidence: float | None,
        incident_id: str | None,
        article_id: str | None,
        modality: str | None,
        fields: str | None,
        limit: int,
        page: int,
        after: str | None = None,
        exact_count: bool = False,
    ) -> Response:
        filters = EventFilters.parse(
            country=country, admin1=admin1, event_type=event_type, sub_event_type=sub_event_type,
            plover_type=plover_type, actor=actor, event_date=event_date, event_date_where=event_date_where,
            bbox=bbox, q=q, claim_source=claim_source, min_confidence=min_confidence,
            incident_id=incident_id, article_id=article_id, modality=modality,
        )
        wanted = _fields(fields, fmt)
        if fmt == "geojson":
            filters = _with_coordinates(filters)
        # The bounded count says whether the filter is broad, which picks how the page is read;
        # has_more (one row past the page) decides `next`, even when the count is an estimate.
        total, exact = store.count_bounded(filters, bound=COUNT_BOUND)
        got = store.page(filters, limit=limit, offset=(page - 1) * limit, after=after, broad=not exact)
        if exact_count and not exact:
            total, exact = store.count_events(filters), True
        records = got.events
        nxt = None
        if got.has_more:
            if after is not None:
                nxt = str(request.url.include_query_params(after=got.next_after))
            else:
                nxt = str(request.url.include_query_params(page=page + 1))
        if fmt == "csv":
            headers = {"X-Total-Count": str(total), "X-Count-Exact": "true" if exact else "false"}
            if nxt:
                headers["Link"] = f'<{nxt}>; rel="next"'
            if got.next_after:
                headers["X-Next-After"] = got.next_after
            return Response(_to_csv(records, wanted), media_type="text/csv; charset=utf-8", headers=headers)
        if wanted:
            records = [{k: r.get(k) for k in wanted if k in RECORD_FIELDS} for r in records]
        meta = {"count": total, "count_exact": exact, "page": page, "limit": limit, "next": nxt,
                "next_after": got.next_after}
        if fmt == "geojson":
            return JSONResponse(_to_geojson(records, meta), media_type="application/geo+json")
        return JSONResponse({**meta, "events": records})

    def events_endpoint(suffix: str | None) -> Callable[..., Response]:
        def endpoint(
            request: Request,
            country: str | None = Query(None, description="ISO2 of the location, ISO3 or name; a|b for either"),
            admin1: str | None = Query(None, description="first-level region name"),
            event_type: str | None = Query(None, description="ACLED event type"),
            sub_event_type: str | None = Query(None, description="ACLED sub-event type"),
            plover_type: str | None = Query(None, description="PLOVER type, e.g. ASSAULT|PROTEST"),
            actor: str | None = Query(None, description="name substring, or CODE like TUR/MIL, TUR, /MIL"),
            event_date: str | None = Query(None, description="YYYY-MM-DD, or A|B with BETWEEN"),
            event_date_where: str | None = Query(None, description="BETWEEN, =, >, <, >=, <="),
            bbox: str | None = Query(None, description="minlon,minlat,maxlon,maxlat"),
            q: str | None = Query(None, max_length=500, description="full-text search over article text"),
            claim_source: str | None = Query(None, description="who asserts the event (substring)"),
            min_confidence: float | None = Query(None, ge=0, le=1),
            incident_id: str | None = Query(None),
            article_id: str | None = Query(None),
            modality: str | None = Query(None, description="asserted|hypothetical|future|negated|denied|threatened"),
            fields: str | None = Query(None, description="a|b: only these record keys (or CSV columns)"),
            limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
            page: int = Query(1, ge=1, le=1_000_000),
            after: str | None = Query(
                None, max_length=600,
                description="keyset cursor: `next_after` of the previous page (instead of page; fast at any depth)",
            ),
            exact_count: bool = Query(
                False, description=f"count every match (slower on large results; default: exact up to {COUNT_BOUND:,})"
            ),
            format: Fmt | None = Query(None, description="json (default), csv or geojson"),  # noqa: A002
        ) -> Response:
            return list_events(
                request, suffix or format or "json", country, admin1, event_type, sub_event_type, plover_type,
                actor, event_date, event_date_where, bbox, q, claim_source, min_confidence, incident_id,
                article_id, modality, fields, limit, page, after, exact_count,
            )

        return endpoint

    read = [Depends(require_read)]
    app.get("/api/events", tags=["events"], dependencies=read, response_model=EventsPage,
            summary="Events matching ACLED-style filters")(events_endpoint(None))
    for suffix in ("json", "csv", "geojson"):
        app.get(f"/api/events.{suffix}", tags=["events"], dependencies=read, include_in_schema=suffix != "json",
                summary=f"Events as {suffix}")(events_endpoint(suffix))

    @app.get("/api/articles/{article_id}", tags=["articles"], dependencies=read, response_model=ArticleOut)
    def get_article(article_id: str) -> dict[str, Any]:
        got = store.get_article(article_id)
        if got is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return got

    app.include_router(incidents_router(store, read))  # /api/incidents, /api/incidents/{id} (api/incidents.py)

    @app.get("/api/stats", tags=["events"], dependencies=read)
    def stats(
        country: str | None = None, plover_type: str | None = None, event_type: str | None = None,
        event_date: str | None = None, event_date_where: str | None = None, actor: str | None = None,
    ) -> dict[str, Any]:
        return store.stats(
            country=country, plover_type=plover_type, event_type=event_type, event_date=event_date,
            event_date_where=event_date_where, actor=actor,
        )

    @app.post(
        "/api/articles", tags=["articles"], dependencies=[Depends(require_write)], response_model=IngestOut,
        status_code=201,
        openapi_extra={
            "requestBody": {
                "content": {
                    "application/json": {"schema": ArticleIn.model_json_schema()},
                    "multipart/form-data": {
                        "schema": {
                            "type": "object",
                            "properties": {
                                "file": {"type": "string", "format": "binary"},
                                "published": {"type": "string"}, "source": {"type": "string"},
                                "url": {"type": "string"}, "title": {"type": "string"},
                            },
                            "required": ["file"],
                        }
                    },
                },
                "required": True,
            }
        },
    )
    async def post_article(request: Request) -> JSONResponse:
        """Ingest one article: JSON {text, published, source, url, title} or a multipart file upload."""
        body = await _read_limited(request, max_body_bytes)
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype == "multipart/form-data":
            meta, text, origin = await _from_multipart(request, max_body_bytes)
        elif ctype in ("application/json", ""):
            try:
                data = ArticleIn.model_validate_json(body)
            except ValueError as exc:
                raise HTTPException(status_code=422, detail=_pydantic_detail(exc)) from exc
            meta = data.model_dump(exclude={"text"})
            text, origin = data.text, "api:json"
        else:
            raise HTTPException(status_code=415, detail="send application/json or multipart/form-data")
        return await run_in_threadpool(_ingest, text, origin, meta)

    def _ingest(text: str, origin: str, meta: dict[str, Any]) -> JSONResponse:
        from ..sources import article_from_text

        try:
            if "\x00" in text:
                raise InputError("E103", "input contains NUL characters, not text", origin=origin)
            article = article_from_text(text, origin, **meta)
        except EventwireError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from exc
        pipe = pipeline.get()
        result = next(iter(pipe.process([article])))
        status = store.add_result(result, version=pipe.version)
        out = IngestOut(
            article_id=article.article_id, status=status, extractor_version=pipe.version,
            events=[e.to_dict() for e in result.events],
        )
        return JSONResponse(out.model_dump(), status_code=201 if status == "new" else 200)

    _mount_dashboard(app, store)
    return app


async def _read_limited(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HTTPException(status_code=413, detail=f"request body over the limit of {limit:,} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(status_code=413, detail=f"request body over the limit of {limit:,} bytes")
        chunks.append(chunk)
    body = b"".join(chunks)
    request._body = body  # noqa: SLF001 - lets request.form() re-read what we already consumed
    return body


async def _from_multipart(request: Request, limit: int) -> tuple[dict[str, Any], str, str]:
    from ..sources import decode_bytes

    form = await request.form(max_files=1, max_fields=10)
    upload = form.get("file")
    if upload is None or isinstance(upload, str):
        raise HTTPException(status_code=422, detail="multipart upload needs a 'file' part")
    data = await upload.read()
    origin = f"api:upload:{upload.filename or 'file'}"
    try:
        text = decode_bytes(data, origin, max_bytes=limit)
    except EventwireError as exc:
        raise HTTPException(status_code=413 if exc.code == "E105" else 422, detail=str(exc)) from exc
    meta = {k: (str(form[k]) if form.get(k) else None) for k in ("published", "source", "url", "title")}
    return meta, text, origin


def _pydantic_detail(exc: ValueError) -> Any:
    errors = getattr(exc, "errors", None)
    if callable(errors):
        return [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in errors()]
    return str(exc)


def _fields(fields: str | None, fmt: str) -> list[str] | None:
    if not fields:
        return None
    wanted = [f.strip() for f in fields.split("|") if f.strip()]
    valid = CSV_COLUMNS if fmt == "csv" else RECORD_FIELDS
    bad = [f for f in wanted if f not in valid]
    if bad:
        raise FilterError(message=f"unknown field(s) {', '.join(bad)} for {fmt}; valid: {', '.join(valid)}")
    return wanted


def _with_coordinates(filters: EventFilters) -> EventFilters:
    from dataclasses import replace

    # GeoJSON carries only located events; a whole-world bbox selects exactly those with coordinates.
    return filters if filters.bbox else replace(filters, bbox=(-180.0, -90.0, 180.0, 90.0))


def _flat(rec: dict[str, Any]) -> dict[str, Any]:
    actors = [a for a in rec.get("actors") or [] if a.get("role") == "actor"]
    recips = [a for a in rec.get("actors") or [] if a.get("role") != "actor"]
    loc = rec.get("location") or {}
    date = rec.get("date") or {}
    size = rec.get("size") or {}

    def actor(lst: list[dict[str, Any]], key: str) -> Any:
        return "; ".join(str(a.get(key) or a.get("text") if key == "name" else a.get(key) or "") for a in lst)

    return {
        "event_id": rec.get("event_id"), "article_id": rec.get("article_id"),
        "event_date": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
        "plover_type": rec.get("plover_type"), "plover_mode": rec.get("plover_mode"),
        "acled_event_type": rec.get("acled_event_type"), "acled_sub_event_type": rec.get("acled_sub_event_type"),
        "cameo_root": rec.get("cameo_root"),
        "actor1": actor(actors, "name"), "actor1_country": actor(actors, "country"),
        "actor1_sector": actor(actors, "sector"),
        "actor2": actor(recips, "name"), "actor2_country": actor(recips, "country"),
        "actor2_sector": actor(recips, "sector"),
        "country": loc.get("country"), "admin1": loc.get("admin1"), "location": loc.get("name") or loc.get("text"),
        "latitude": loc.get("lat"), "longitude": loc.get("lon"), "geo_precision": loc.get("precision"),
        "dead": size.get("dead"), "injured": size.get("injured"),
        "claim_source": "; ".join(rec.get("claim_source") or []), "modality": rec.get("modality"),
        "confidence": rec.get("confidence"), "incident_id": rec.get("incident_id"), "source": rec.get("source"),
        "published": rec.get("published"), "evidence": (rec.get("evidence") or {}).get("sentence"),
        "extractor_version": rec.get("extractor_version"),
    }


def _to_csv(records: list[dict[str, Any]], wanted: list[str] | None) -> str:
    cols = wanted or list(CSV_COLUMNS)
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for rec in records:
        row = _flat(rec)
        # A cell starting with = + - @ would run as a formula in a spreadsheet: quote it as text.
        w.writerow({k: ("'" + v if isinstance(v, str) and v[:1] in "=+-@" else v) for k, v in row.items()})
    return buf.getvalue()


def _to_geojson(records: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    feats = []
    for rec in records:
        loc = rec.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        feats.append({
            "type": "Feature",
            "id": rec.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": rec,
        })
    return {"type": "FeatureCollection", **meta, "features": feats}


def _mount_dashboard(app: FastAPI, store: Store) -> None:
    try:
        import eventwire.web as web
    except ImportError:
        return
    if hasattr(web, "mount"):
        web.mount(app, store)


__all__ = ["CSV_COLUMNS", "RECORD_FIELDS", "create_app"]
