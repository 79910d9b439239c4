"""Downloads of a whole selection, streamed: CSV, GeoJSON, JSON Lines, ACLED CSV and Parquet.

``/api/events`` answers one page (at most 5,000 events); these answer every event the filters
select, however many, in bounded memory: the store is read in keyset pages of ``BATCH`` events
(each a short query, no transaction held for the whole download) and each page is written out
before the next is read.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.responses import StreamingResponse

from ..export import ACLED_COLUMNS, acled_row
from ..store import EventFilters, Store
from .formats import CSV_COLUMNS, flat, safe_cells
from .params import event_filters

BATCH = 2000
PARQUET_ROWS = 5_000  # rows per Parquet row group: the only rows held at once while writing
COUNT_BOUND = 10_000


def iter_selection(store: Store, filters: EventFilters, batch: int | None = None) -> Iterator[dict[str, Any]]:
    """Every record matching ``filters``, newest first, read page after page by keyset."""
    # The same plan choice as /api/events: a broad filter reads in page order, a narrow one
    # through its own index.
    _, exact = store.count_bounded(filters, bound=COUNT_BOUND)
    after = None
    while True:
        got = store.page(filters, limit=batch or BATCH, after=after, broad=not exact)
        yield from got.events
        if not got.has_more or got.next_after is None:
            return
        after = got.next_after


class _Lines:
    """Collects what a writer writes, so that it can be yielded and dropped row by row."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, s: str) -> int:
        self.parts.append(s)
        return len(s)

    def take(self) -> str:
        out = "".join(self.parts)
        self.parts.clear()
        return out


def _csv_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> Iterator[str]:
    buf = _Lines()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for n, row in enumerate(rows, 1):
        w.writerow(safe_cells(row))
        if n % 500 == 0:
            yield buf.take()
    yield buf.take()


def csv_stream(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    return _csv_rows((flat(r) for r in records), CSV_COLUMNS)


def acled_stream(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    # ACLED codes only what has an ACLED category: verbal events (CONSULT, ACCUSE ...) are left out.
    return _csv_rows((acled_row(r) for r in records if r.get("acled_event_type")), ACLED_COLUMNS)


def jsonl_stream(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    for rec in records:
        yield json.dumps(rec, ensure_ascii=False) + "\n"


def geojson_stream(records: Iterable[dict[str, Any]]) -> Iterator[str]:
    """A FeatureCollection of the located events, with flat properties (the CSV row) that a GIS
    can style and filter on; the full record is one JSON Lines download away."""
    yield '{"type":"FeatureCollection","features":['
    first = True
    for rec in records:
        loc = rec.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        feature = {
            "type": "Feature",
            "id": rec.get("event_id"),
            "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": flat(rec),
        }
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"


def _parquet_schema() -> Any:
    import pyarrow as pa

    types = {"latitude": pa.float64(), "longitude": pa.float64(), "confidence": pa.float64(),
             "dead": pa.int64(), "injured": pa.int64()}
    return pa.schema([(c, types.get(c, pa.string())) for c in CSV_COLUMNS])


class _Sink:
    """A write-only file for pyarrow whose bytes are taken after each row group."""

    closed = False

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.pos = 0

    def write(self, b: Any) -> int:
        data = bytes(b)
        self.parts.append(data)
        self.pos += len(data)
        return len(data)

    def tell(self) -> int:
        return self.pos

    def flush(self) -> None:
        return None

    def close(self) -> None:
        self.closed = True

    def take(self) -> bytes:
        out = b"".join(self.parts)
        self.parts.clear()
        return out


def parquet_stream(records: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    sink = _Sink()
    writer = pq.ParquetWriter(sink, schema, compression="zstd")

    def flush(rows: list[dict[str, Any]]) -> None:
        cols = {c: [r.get(c) for r in rows] for c in CSV_COLUMNS}
        for c in CSV_COLUMNS:
            if schema.field(c).type == pa.string():
                cols[c] = [None if v is None else str(v) for v in cols[c]]
        writer.write_table(pa.table(cols, schema=schema))

    rows: list[dict[str, Any]] = []
    for rec in records:
        rows.append(flat(rec))
        if len(rows) >= PARQUET_ROWS:
            flush(rows)
            rows.clear()
            yield sink.take()
    if rows:
        flush(rows)
    writer.close()
    yield sink.take()


# format (the path's suffix) -> (media type, file name, writer)
FORMATS: dict[str, tuple[str, str, Callable[[Iterable[dict[str, Any]]], Iterator[Any]]]] = {
    "csv": ("text/csv; charset=utf-8", "events.csv", csv_stream),
    "geojson": ("application/geo+json", "events.geojson", geojson_stream),
    "jsonl": ("application/x-ndjson", "events.jsonl", jsonl_stream),
    "acled.csv": ("text/csv; charset=utf-8", "events-acled.csv", acled_stream),
    "parquet": ("application/vnd.apache.parquet", "events.parquet", parquet_stream),
}

_DESCRIPTIONS = {
    "csv": "one row per event, the columns of /api/events.csv",
    "geojson": "a FeatureCollection of the located events, flat properties (the CSV columns)",
    "jsonl": "one public record (SCHEMA.md) per line",
    "acled.csv": "ACLED's 31 columns; events without an ACLED type are left out",
    "parquet": "the CSV columns, typed (zstd)",
}


def _endpoint(
    store: Store, media: str, filename: str, writer: Callable[[Iterable[dict[str, Any]]], Iterator[Any]]
) -> Callable[..., StreamingResponse]:
    def endpoint(filters: EventFilters = Depends(event_filters)) -> StreamingResponse:
        return StreamingResponse(
            writer(iter_selection(store, filters)),
            media_type=media,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )

    return endpoint


def add_export_routes(app: FastAPI, store: Store, dependencies: list[Any]) -> None:
    """``GET /api/export.{csv,geojson,jsonl,acled.csv,parquet}``, each taking the filters of /api/events."""
    for fmt, (media, filename, writer) in FORMATS.items():
        content_type = media.split(";")[0]
        schema: dict[str, Any] = {"type": "string", "format": "binary"} if fmt == "parquet" else {"type": "string"}
        app.get(
            f"/api/export.{fmt}",
            tags=["exports"],
            dependencies=dependencies,
            summary=f"Every matching event as {fmt} (streamed)",
            description=_DESCRIPTIONS[fmt] + ". Takes the filters of /api/events; no paging.",
            response_class=StreamingResponse,
            responses={200: {"content": {content_type: {"schema": schema}}, "description": _DESCRIPTIONS[fmt]},
                       422: {"description": "an unknown parameter or a filter value that cannot be understood"}},
        )(_endpoint(store, media, filename, writer))


__all__ = ["FORMATS", "add_export_routes", "iter_selection"]
