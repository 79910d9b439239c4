"""Parquet output: DIR/events/ and DIR/articles/, hive-partitioned by published month.

One row per event record / article. Scalar fields of the public record are columns; nested fields
(actors, location, date, size, evidence, explain, context, claim_source) are JSON strings so pandas,
polars and DuckDB all read them; the most-filtered nested values (country, lat/lon, dates, deaths)
are also flattened into columns. Every engine builds its tables with these functions, so local and
Ray outputs are the same rows.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from ..records import Article, Result

PARTITION = "published_month"
UNKNOWN_MONTH = "unknown"

_JSON_FIELDS = ("context", "actors", "location", "date", "size", "claim_source", "evidence", "explain")

EVENT_SCHEMA = pa.schema([
    ("schema", pa.string()),
    ("event_id", pa.string()),
    ("article_id", pa.string()),
    ("plover_type", pa.string()),
    ("plover_mode", pa.string()),
    ("acled_event_type", pa.string()),
    ("acled_sub_event_type", pa.string()),
    ("cameo_root", pa.string()),
    ("modality", pa.string()),
    ("confidence", pa.float64()),
    ("incident_id", pa.string()),
    ("extractor_version", pa.string()),
    ("source", pa.string()),
    ("published", pa.string()),
    ("country", pa.string()),
    ("place_name", pa.string()),
    ("lat", pa.float64()),
    ("lon", pa.float64()),
    ("date_start", pa.string()),
    ("date_end", pa.string()),
    ("date_precision", pa.string()),
    ("dead", pa.int64()),
    ("injured", pa.int64()),
    ("arrested", pa.int64()),
    *[(name, pa.string()) for name in _JSON_FIELDS],
    (PARTITION, pa.string()),
])

ARTICLE_SCHEMA = pa.schema([
    ("article_id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("source", pa.string()),
    ("published", pa.string()),
    ("language", pa.string()),
    ("origin", pa.string()),
    ("n_events", pa.int64()),
    ("extractor_version", pa.string()),
    ("text", pa.string()),
    (PARTITION, pa.string()),
])


def month_of(article: Article) -> str:
    return article.published.strftime("%Y-%m") if article.published else UNKNOWN_MONTH


def event_rows(result: Result) -> list[dict[str, Any]]:
    rows = []
    month = month_of(result.article)
    for event in result.events:
        rec = event.to_dict()
        loc = rec.get("location") or {}
        date = rec.get("date") or {}
        size = rec.get("size") or {}
        row = {name: rec.get(name) for name in EVENT_SCHEMA.names if name in rec and name not in _JSON_FIELDS}
        row.update({
            "country": loc.get("country"), "place_name": loc.get("name"),
            "lat": loc.get("lat"), "lon": loc.get("lon"),
            "date_start": date.get("start"), "date_end": date.get("end"), "date_precision": date.get("precision"),
            "dead": size.get("dead"), "injured": size.get("injured"), "arrested": size.get("arrested"),
            PARTITION: month,
        })
        for name in _JSON_FIELDS:
            row[name] = json.dumps(rec.get(name), ensure_ascii=False, sort_keys=True)
        rows.append(row)
    return rows


def article_row(article: Article, n_events: int, version: str) -> dict[str, Any]:
    return {
        "article_id": article.article_id, "url": article.url, "title": article.title, "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "language": article.language, "origin": article.origin, "n_events": n_events,
        "extractor_version": version, "text": article.text, PARTITION: month_of(article),
    }


def tables_for(results: Iterable[Result], version: str) -> tuple[pa.Table, pa.Table]:
    events: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    for result in results:
        events.extend(event_rows(result))
        articles.append(article_row(result.article, len(result.events), version))
    return (pa.Table.from_pylist(events, schema=EVENT_SCHEMA),
            pa.Table.from_pylist(articles, schema=ARTICLE_SCHEMA))


def write_partitioned(table: pa.Table, root: Path, stem: str) -> list[Path]:
    """Write one file per month partition as ``root/published_month=M/<stem>.parquet``."""
    written: list[Path] = []
    if table.num_rows == 0:
        return written
    months = sorted(set(table.column(PARTITION).to_pylist()))
    for month in months:
        part = table.filter(pc.equal(table.column(PARTITION), month)).drop_columns([PARTITION])
        folder = root / f"{PARTITION}={month}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{stem}.parquet"
        pq.write_table(part, path)
        written.append(path)
    return written


class ParquetOut:
    """The output folder: staging for parts in the making, events/ and articles/ for committed ones."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.events = self.root / "events"
        self.articles = self.root / "articles"
        self.staging_root = self.root / "_staging"

    def staging(self, part: str) -> Path:
        path = self.staging_root / f"part-{part}"
        if path.exists():
            shutil.rmtree(path)
        path.mkdir(parents=True)
        return path

    def recover(self, pending_parts: Iterable[str]) -> None:
        """Undo what a killed run left: staging folders, and the files of parts never committed."""
        if self.staging_root.exists():
            shutil.rmtree(self.staging_root)
        for part in pending_parts:
            for folder in (self.events, self.articles):
                for path in [*folder.rglob(f"part-{part}.parquet"), *folder.rglob(f"part-{part}-*.parquet")]:
                    path.unlink()

    def adopt(self, staging: Path, part: str) -> None:
        """Move a staged part into place; each rename is atomic, so a reader never sees half a file."""
        for kind, dest in (("events", self.events), ("articles", self.articles)):
            src = staging / kind
            if not src.exists():
                continue
            files = sorted(p for p in src.rglob("*.parquet"))
            for i, path in enumerate(files):
                rel_dir = path.parent.relative_to(src)
                target_dir = dest / rel_dir
                target_dir.mkdir(parents=True, exist_ok=True)
                name = f"part-{part}.parquet" if len(files) == 1 else f"part-{part}-{i:04d}.parquet"
                os.replace(path, target_dir / name)
        shutil.rmtree(staging, ignore_errors=True)
