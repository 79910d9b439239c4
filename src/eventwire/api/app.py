"""The HTTP API: ACLED-style event queries, articles, incidents, stats, and authenticated ingest."""

from __future__ import annotations

import contextlib
import hmac
import json
from collections.abc import AsyncIterator, Callable
from typing import Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ..errors import E_TOO_LARGE, E_UNEXPECTED, EventwireError, InputError, ResourceError, StoreError
from ..store import EventFilters, FilterError, Store
from . import openapi
from .acled import add_acled_routes
from .docs import add_docs_routes
from .exports import add_export_routes
from .formats import CSV_COLUMNS, to_csv, to_geojson
from .incidents import incidents_router
from .ingest import DEFAULT_BUDGET_S, DEFAULT_FACTORY, DEFAULT_QUEUE, IngestWorker, PipelineLike
from .lists import add_list_routes
from .models import ArticleIn, ArticleOut, Count, EventsPage, Health, IngestOut, Stats
from .params import event_filters, reject_unknown_params

Fmt = Literal["json", "csv", "geojson"]
MAX_LIMIT = 5000
DEFAULT_LIMIT = 500
MAX_BODY_BYTES = 5_000_000
# Counts are exact up to this many matches; past it `count` is an estimate and `count_exact` false.
COUNT_BOUND = 10_000

RECORD_FIELDS = (
    "schema", "event_id", "article_id", "plover_type", "plover_mode", "context", "acled_event_type",
    "acled_sub_event_type", "cameo_root", "actors", "location", "date", "size", "claim_source", "modality",
    "confidence", "evidence", "incident_id", "extractor_version", "source", "published", "explain",
)


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
    pipeline_factory: Callable[[], PipelineLike] | str | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
    ingest_budget_s: float = DEFAULT_BUDGET_S,
    ingest_queue: int = DEFAULT_QUEUE,
) -> FastAPI:
    """The FastAPI app over one store. ``token`` guards writes (no token: writes are refused);
    ``read_token`` guards reads (none: reads are open). The dashboard mounts itself if present.
    A ``"module:factory"`` pipeline runs in a worker process under ``ingest_budget_s`` seconds per
    article; a callable runs in-process (api/ingest.py). At most ``ingest_queue`` POSTs wait."""
    store = Store.open(store_url)
    pipeline = IngestWorker(pipeline_factory or DEFAULT_FACTORY, budget_s=ingest_budget_s, queue=ingest_queue)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if token is not None:
            pipeline.warm_up()
        yield
        pipeline.close()
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire API",
        summary="Conflict events coded from news, with evidence (PLOVER, ACLED, CAMEO).",
        version="1",
        docs_url=None,  # served by add_docs_routes, from the package instead of a CDN
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    add_docs_routes(app)
    app.state.store = store
    app.state.ingest = pipeline  # the IngestWorker: its budget and queue, for operators and tests

    def require_read(request: Request) -> None:
        _check(request, read_token)

    def require_write(request: Request) -> None:
        if token is None:
            raise HTTPException(status_code=401, detail="ingest is disabled: the server has no API token set")
        _check(request, token)

    @app.exception_handler(FilterError)
    async def _filter_error(_request: Request, exc: FilterError) -> JSONResponse:
        return JSONResponse(status_code=422, content={"detail": str(exc), "code": exc.code})

    openapi.install(app, write_paths={"/api/articles"})

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
        filters: EventFilters,
        fields: str | None,
        limit: int,
        page: int,
        after: str | None = None,
        exact_count: bool = False,
    ) -> Response:
        wanted = _fields(fields, fmt)
        if fmt == "geojson":
            filters = _with_coordinates(filters)

        def render() -> tuple[bytes, str, tuple[tuple[str, str], ...]]:
            # The bounded count says whether the filter is broad, which picks how the page is
            # read; has_more (one row past the page) decides `next`, even when the count is an
            # estimate.
            total, exact = store.count_bounded(filters, bound=COUNT_BOUND)
            # A whole-record JSON page is written from the stored JSON text as it is: parsing 100
            # records to serialise them again was a quarter of the cost of a page.
            raw = fmt == "json" and not wanted
            got = store.page(filters, limit=limit, offset=(page - 1) * limit, after=after, broad=not exact, raw=raw)
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
                headers = [("X-Total-Count", str(total)), ("X-Count-Exact", "true" if exact else "false")]
                if nxt:
                    headers.append(("Link", f'<{nxt}>; rel="next"'))
                if got.next_after:
                    headers.append(("X-Next-After", got.next_after))
                return to_csv(records, wanted).encode("utf-8"), "text/csv; charset=utf-8", tuple(headers)
            if wanted:
                records = [{k: r.get(k) for k in wanted if k in RECORD_FIELDS} for r in records]
            meta = {"count": total, "count_exact": exact, "page": page, "limit": limit, "next": nxt,
                    "next_after": got.next_after}
            if fmt == "geojson":
                return _dumps(to_geojson(records, meta)), "application/geo+json", ()
            if raw:
                return _splice(meta, "events", records), "application/json", ()
            return _dumps({**meta, "events": records}), "application/json", ()

        # Until the next write, the same URL gets the same page (its links are built from the URL).
        body, media_type, headers = store.cached_call(("events", str(request.url)), render)
        return Response(body, media_type=media_type, headers=dict(headers))

    def events_endpoint(suffix: str | None) -> Callable[..., Response]:
        def endpoint(
            request: Request,
            filters: EventFilters = Depends(event_filters),
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
            return list_events(request, suffix or format or "json", filters, fields, limit, page, after, exact_count)

        return endpoint

    read = [Depends(require_read), Depends(reject_unknown_params)]
    app.get("/api/events", tags=["events"], dependencies=read, response_model=EventsPage,
            summary="Events matching ACLED-style filters")(events_endpoint(None))
    for suffix in ("json", "csv", "geojson"):
        app.get(f"/api/events.{suffix}", tags=["events"], dependencies=read, include_in_schema=suffix != "json",
                summary=f"Events as {suffix}")(events_endpoint(suffix))

    add_export_routes(app, store, read)
    add_acled_routes(app, store, read_token)
    add_list_routes(app, store, read)

    @app.get("/api/articles/{article_id}", tags=["articles"], dependencies=read, response_model=ArticleOut)
    def get_article(article_id: str) -> dict[str, Any]:
        got = store.get_article(article_id)
        if got is None:
            raise HTTPException(status_code=404, detail=f"no article {article_id!r}")
        return got

    app.include_router(incidents_router(store, read))  # /api/incidents, /api/incidents/{id} (api/incidents.py)

    @app.get("/api/stats", tags=["events"], dependencies=read, response_model=Stats)
    def stats(filters: EventFilters = Depends(event_filters)) -> Response:
        """Counts and fatalities for charts, over every filter of /api/events."""
        # The rendered body is cached until the next write (store/cache.py): by_day alone can be
        # thousands of entries, and rendering them cost as much as the query.
        body = store.cached(("api-stats", filters), lambda conn: _dumps(store.compute_stats(conn, filters)))
        return Response(body, media_type="application/json")

    @app.get("/api/events/count", tags=["events"], dependencies=read, response_model=Count)
    def count(filters: EventFilters = Depends(event_filters)) -> Count:
        """The exact number of events matching the filters (every match is counted)."""
        return Count(count=store.count_events(filters))

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
            result, version = pipeline.extract(article)
            status = store.add_result(result, version=version)
        except EventwireError as exc:
            return _error(exc)
        except Exception as exc:  # noqa: BLE001 - one article's failure is its own answer, never the server's
            return _error(EventwireError(E_UNEXPECTED, f"coding the article failed: {type(exc).__name__}: {exc}",
                                         origin=origin))
        out = IngestOut(
            article_id=article.article_id, status=status, extractor_version=version,
            events=[e.to_dict() for e in result.events],
        )
        return JSONResponse(out.model_dump(), status_code=201 if status == "new" else 200)

    _mount_dashboard(app, store)
    return app


def _dumps(content: Any) -> bytes:
    """JSON as JSONResponse renders it (compact, UTF-8)."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


def _splice(meta: dict[str, Any], key: str, raw_items: list[str]) -> bytes:
    """``{**meta, key: [items]}`` as JSON, with the items already JSON text (stored records)."""
    head = _dumps(meta)[:-1]  # without its closing brace
    sep = b"," if meta else b""
    return head + sep + b'"' + key.encode() + b'":[' + ",".join(raw_items).encode("utf-8") + b"]}"


def _error(exc: EventwireError) -> JSONResponse:
    """An eventwire error as the API's answer: its status by kind, its code in the body."""
    headers = {}
    if exc.code == E_TOO_LARGE:
        status = 413
    elif isinstance(exc, (ResourceError, StoreError)):
        status, headers = 503, {"Retry-After": "30"}
    elif isinstance(exc, InputError):
        status = 422
    else:
        status = 500
    return JSONResponse({"detail": str(exc), "code": exc.code}, status_code=status, headers=headers)


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
        text = decode_bytes(data, origin)
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


def _mount_dashboard(app: FastAPI, store: Store) -> None:
    try:
        import eventwire.web as web
    except ImportError:
        return
    if hasattr(web, "mount"):
        web.mount(app, store)


__all__ = ["CSV_COLUMNS", "RECORD_FIELDS", "create_app"]
