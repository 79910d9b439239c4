"""Batch inputs: every SOURCE a user can name, read lazily into Items (an Article or a Failure).

A Source never raises for one bad item: the item becomes a ``Failure`` with a numbered code and the
batch goes on. Each item has a stable identity (``key``: path, URL, ``dump#row``) that the run
journal pairs with the article's content hash to make runs resumable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from ..errors import E_BAD_DUMP, E_NOT_FOUND, EventwireError, InputError
from ..records import Article, Failure
from .feeds import FeedEntry, looks_like_feed, parse_feed
from .fetch import Fetcher
from .html import article_from_html, looks_like_html
from .text import DEFAULT_MAX_BYTES, article_from_text, decode_bytes

TEXT_SUFFIXES = (".txt", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
FEED_SUFFIXES = (".rss", ".atom", ".xml")

ShouldFetch = Callable[[str], bool]


@dataclass(frozen=True)
class SourceOptions:
    """How to read dumps and which metadata to fill in when an item carries none."""

    text_col: str = "text"
    url_col: str = "url"
    title_col: str = "title"
    published_col: str = "published"
    source_col: str = "source"
    id_col: str | None = None  # a dump column with a stable row id; else the row number is used
    published: dt.date | None = None
    source: str | None = None
    check_language: bool = True
    max_chars: int | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Item:
    key: str
    article: Article | None = None
    failure: Failure | None = None
    raw_hash: str = ""  # hash of the raw input for failures, so a fixed input counts as new

    @property
    def content_hash(self) -> str:
        return self.article.article_id if self.article is not None else self.raw_hash


def _failed(key: str, exc: Exception, raw: bytes | str | None = None) -> Item:
    code = exc.code if isinstance(exc, EventwireError) else "E100"
    message = exc.message if isinstance(exc, EventwireError) else f"{type(exc).__name__}: {exc}"
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "replace")
    raw_hash = "r_" + hashlib.sha256(raw).hexdigest()[:20] if raw is not None else ""
    return Item(key=key, failure=Failure(origin=key, code=code, message=message), raw_hash=raw_hash)


class Source(Protocol):
    name: str

    def count(self) -> int | None:
        """How many items, when knowable without reading them (for the progress bar's ETA)."""

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        """Yield items; ``should_fetch(key)`` is asked before any network fetch so done URLs cost nothing."""


# --- local files ----------------------------------------------------------------------------------


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _url_lines(data: bytes) -> list[str] | None:
    """The URLs of a URL list, or None when the file is not one (an article that quotes a URL is not)."""
    try:
        lines = [ln.strip() for ln in data.decode("utf-8-sig").splitlines()]
    except UnicodeDecodeError:
        return None
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if lines and all(_is_url(ln) and " " not in ln for ln in lines):
        return lines
    return None


def _article_from_file(path: Path, data: bytes, opts: SourceOptions, meta: dict[str, str] | None = None) -> Article:
    origin = str(path)
    meta = meta or {}
    fields: dict[str, Any] = {
        "published": meta.get("published") or opts.published, "source": meta.get("source") or opts.source,
        "url": meta.get("url") or None, "title": meta.get("title") or None,
    }
    if path.suffix.lower() in HTML_SUFFIXES or (path.suffix.lower() not in TEXT_SUFFIXES and looks_like_html(data)):
        return article_from_html(data, origin, check_language=opts.check_language, max_chars=opts.max_chars, **fields)
    text = decode_bytes(data, origin, max_bytes=opts.max_bytes)
    return article_from_text(text, origin, check_language=opts.check_language, max_chars=opts.max_chars, **fields)


# A folder may describe its files in a manifest: one row per file, naming it relative to the folder.
MANIFEST_NAMES = ("manifest.jsonl", "manifest.csv")
MANIFEST_COLUMNS = ("file", "title", "url", "published", "source")


def read_manifest(folder: Path) -> dict[Path, dict[str, str]]:
    """Per-file metadata (title, url, published, source) from ``manifest.jsonl`` or ``manifest.csv``
    in ``folder``, keyed by resolved path; an unknown column or a row without ``file`` is an error
    (E110) rather than metadata silently dropped."""
    import csv

    for name in MANIFEST_NAMES:
        path = folder / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8-sig")
        if name.endswith(".jsonl"):
            try:
                rows = [json.loads(line) for line in text.splitlines() if line.strip()]
            except json.JSONDecodeError as exc:
                raise InputError(E_BAD_DUMP, f"manifest line {exc.lineno}: not JSON", origin=str(path)) from exc
        else:
            rows = list(csv.DictReader(text.splitlines()))
        out: dict[Path, dict[str, str]] = {}
        for i, row in enumerate(rows, 1):
            if not isinstance(row, dict) or not row.get("file"):
                raise InputError(E_BAD_DUMP, f"manifest row {i} names no file", origin=str(path))
            unknown = sorted(set(row) - set(MANIFEST_COLUMNS))
            if unknown:
                raise InputError(E_BAD_DUMP, f"manifest row {i}: unknown column(s) {', '.join(unknown)}; "
                                 f"allowed: {', '.join(MANIFEST_COLUMNS)}", origin=str(path))
            out[(folder / str(row["file"])).resolve()] = {
                k: str(v).strip() for k, v in row.items() if k != "file" and v not in (None, "")
            }
        return out
    return {}


@dataclass(frozen=True)
class FilesSource:
    """One file or a folder of .txt/.html files (recursive, in a stable sorted order)."""

    path: Path
    opts: SourceOptions

    @property
    def name(self) -> str:
        return str(self.path)

    def _files(self) -> list[Path]:
        if self.path.is_dir():
            wanted = TEXT_SUFFIXES + HTML_SUFFIXES
            return sorted(
                p for p in self.path.rglob("*")
                if p.is_file() and p.suffix.lower() in wanted and not p.name.startswith(".")
            )
        return [self.path]

    def count(self) -> int | None:
        return len(self._files())

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        manifest: dict[Path, dict[str, str]] = {}
        if self.path.is_dir():
            try:
                manifest = read_manifest(self.path)
            except InputError as exc:
                yield _failed(exc.origin or str(self.path), exc)
                return
        for path in self._files():
            key = str(path.resolve())
            try:
                data = path.read_bytes()
            except OSError as exc:
                yield _failed(key, InputError(E_NOT_FOUND, f"cannot read file ({exc.strerror})", origin=key))
                continue
            try:
                yield Item(key=key, article=_article_from_file(path, data, self.opts, manifest.get(path.resolve())))
            except Exception as exc:  # noqa: BLE001 - one bad file must not stop the batch
                yield _failed(key, exc, data)


@dataclass(frozen=True)
class StdinSource:
    opts: SourceOptions
    name: str = "<stdin>"

    def count(self) -> int | None:
        return 1

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        data = sys.stdin.buffer.read()
        try:
            yield Item(key="<stdin>", article=_article_from_file(Path("<stdin>"), data, self.opts))
        except Exception as exc:  # noqa: BLE001
            yield _failed("<stdin>", exc, data)


# --- dumps ----------------------------------------------------------------------------------------


def _cell_date(value: Any) -> dt.date | str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return str(value)


def _row_article(row: dict[str, Any], origin: str, opts: SourceOptions) -> Article:
    text = row.get(opts.text_col)
    if not isinstance(text, str):
        raise InputError(
            E_BAD_DUMP,
            f"row has no text in column {opts.text_col!r} (name the column with --text-col)",
            origin=origin,
        )
    published = _cell_date(row.get(opts.published_col)) or opts.published

    def _s(col: str) -> str | None:
        value = row.get(col)
        return str(value) if value not in (None, "") else None

    return article_from_text(
        text, origin, published=published, source=_s(opts.source_col) or opts.source,
        url=_s(opts.url_col), title=_s(opts.title_col),
        check_language=opts.check_language, max_chars=opts.max_chars,
    )


def _row_key(path: str, row: dict[str, Any], index: int, opts: SourceOptions) -> str:
    if opts.id_col and row.get(opts.id_col) not in (None, ""):
        return f"{path}#id={row[opts.id_col]}"
    return f"{path}#row={index}"


@dataclass(frozen=True)
class JsonlSource:
    path: Path
    opts: SourceOptions

    @property
    def name(self) -> str:
        return str(self.path)

    def count(self) -> int | None:
        with self.path.open("rb") as fh:
            return sum(1 for line in fh if line.strip())

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        base = str(self.path.resolve())
        with self.path.open("rb") as fh:
            index = 0
            for raw in fh:
                if not raw.strip():
                    continue
                key = f"{base}#row={index}"
                try:
                    row = json.loads(raw)
                    if not isinstance(row, dict):
                        raise ValueError("line is not a JSON object")
                except ValueError as exc:
                    yield _failed(key, InputError(E_BAD_DUMP, f"line {index + 1} is not a JSON object ({exc})",
                                                  origin=key), raw)
                    index += 1
                    continue
                key = _row_key(base, row, index, self.opts)
                try:
                    yield Item(key=key, article=_row_article(row, key, self.opts))
                except Exception as exc:  # noqa: BLE001
                    yield _failed(key, exc, raw)
                index += 1


@dataclass(frozen=True)
class ParquetSource:
    path: Path
    opts: SourceOptions

    @property
    def name(self) -> str:
        return str(self.path)

    def _file(self) -> Any:
        import pyarrow.parquet as pq

        try:
            return pq.ParquetFile(self.path)
        except Exception as exc:  # noqa: BLE001 - pyarrow raises ArrowInvalid, OSError, ...
            raise InputError(E_BAD_DUMP, f"not a readable Parquet file ({exc})", origin=str(self.path)) from exc

    def count(self) -> int | None:
        try:
            return int(self._file().metadata.num_rows)
        except InputError:
            return 1

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        base = str(self.path.resolve())
        try:
            pf = self._file()
            names = set(pf.schema_arrow.names)
            if self.opts.text_col not in names:
                raise InputError(
                    E_BAD_DUMP,
                    f"no column {self.opts.text_col!r} (columns: {', '.join(sorted(names))}); use --text-col",
                    origin=base,
                )
        except InputError as exc:
            yield _failed(base, exc)
            return
        wanted = [c for c in {self.opts.text_col, self.opts.url_col, self.opts.title_col, self.opts.published_col,
                              self.opts.source_col, self.opts.id_col} if c and c in names]
        index = 0
        for batch in pf.iter_batches(columns=wanted, batch_size=1024):
            for row in batch.to_pylist():
                key = _row_key(base, row, index, self.opts)
                try:
                    yield Item(key=key, article=_row_article(row, key, self.opts))
                except Exception as exc:  # noqa: BLE001
                    yield _failed(key, exc, json.dumps(row, default=str, sort_keys=True))
                index += 1


# --- the web ----------------------------------------------------------------------------------------


def fetch_article(fetcher: Fetcher, url: str, opts: SourceOptions, *, title: str | None = None,
                  published: dt.date | None = None, source: str | None = None) -> Article:
    page = fetcher.get(url)
    return article_from_html(
        page.content, url, url=url, title=title, published=published or opts.published,
        source=source or opts.source, check_language=opts.check_language, max_chars=opts.max_chars,
    )


def entry_items(entries: list[FeedEntry], fetcher: Fetcher, should_fetch: ShouldFetch,
                opts: SourceOptions) -> Iterator[Item]:
    for entry in entries:
        if not should_fetch(entry.key):
            continue
        try:
            if entry.link and _is_url(entry.link):
                article = fetch_article(fetcher, entry.link, opts, title=entry.title,
                                        published=entry.published, source=opts.source or entry.source)
            elif entry.content:
                article = article_from_html(
                    entry.content, entry.key, title=entry.title, published=entry.published or opts.published,
                    source=opts.source or entry.source, check_language=opts.check_language,
                    max_chars=opts.max_chars,
                )
            else:
                raise InputError(E_BAD_DUMP, "feed entry has neither a link nor content", origin=entry.key)
            yield Item(key=entry.key, article=article)
        except Exception as exc:  # noqa: BLE001
            yield _failed(entry.key, exc)


@dataclass(frozen=True)
class FeedSource:
    """An RSS/Atom feed by URL or as a local file; each entry's page is fetched once."""

    location: str
    opts: SourceOptions

    @property
    def name(self) -> str:
        return self.location

    def count(self) -> int | None:
        return None

    def entries(self, fetcher: Fetcher) -> list[FeedEntry]:
        data = fetcher.get(self.location).content if _is_url(self.location) else Path(self.location).read_bytes()
        return parse_feed(data, self.location)

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        try:
            entries = self.entries(fetcher)
        except Exception as exc:  # noqa: BLE001
            yield _failed(self.location, exc)
            return
        yield from entry_items(entries, fetcher, should_fetch, self.opts)


@dataclass(frozen=True)
class UrlSource:
    """One URL: a feed when it serves one, else an article page."""

    url: str
    opts: SourceOptions

    @property
    def name(self) -> str:
        return self.url

    def count(self) -> int | None:
        return None

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        if not should_fetch(self.url):
            return
        try:
            page = fetcher.get(self.url)
        except Exception as exc:  # noqa: BLE001
            yield _failed(self.url, exc)
            return
        if "rss" in page.content_type or "atom" in page.content_type or looks_like_feed(page.content):
            try:
                entries = parse_feed(page.content, self.url)
            except InputError as exc:
                yield _failed(self.url, exc, page.content)
                return
            yield from entry_items(entries, fetcher, should_fetch, self.opts)
            return
        try:
            yield Item(key=self.url, article=article_from_html(
                page.content, self.url, url=self.url, published=self.opts.published, source=self.opts.source,
                check_language=self.opts.check_language, max_chars=self.opts.max_chars,
            ))
        except Exception as exc:  # noqa: BLE001
            yield _failed(self.url, exc, page.content)


@dataclass(frozen=True)
class UrlListSource:
    """A text file of article URLs, one a line (``#`` comments allowed)."""

    path: Path
    urls: tuple[str, ...]
    opts: SourceOptions

    @property
    def name(self) -> str:
        return str(self.path)

    def count(self) -> int | None:
        return len(self.urls)

    def items(self, fetcher: Fetcher, should_fetch: ShouldFetch) -> Iterator[Item]:
        for url in self.urls:
            if not should_fetch(url):
                continue
            try:
                yield Item(key=url, article=fetch_article(fetcher, url, self.opts))
            except Exception as exc:  # noqa: BLE001
                yield _failed(url, exc)


def open_source(spec: str, opts: SourceOptions | None = None) -> Source:
    """Turn one SOURCE argument into a Source; a missing path is an InputError (E106) right away."""
    opts = opts or SourceOptions()
    if spec == "-":
        return StdinSource(opts)
    if _is_url(spec):
        return UrlSource(spec, opts)
    path = Path(spec)
    if not path.exists():
        raise InputError(E_NOT_FOUND, "no such file or folder", origin=spec)
    if path.is_dir():
        return FilesSource(path, opts)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        return JsonlSource(path, opts)
    if suffix in PARQUET_SUFFIXES:
        return ParquetSource(path, opts)
    if suffix in FEED_SUFFIXES:
        return FeedSource(str(path), opts)
    if suffix in TEXT_SUFFIXES + (".urls",) and path.stat().st_size < opts.max_bytes:
        urls = _url_lines(path.read_bytes())
        if urls:
            return UrlListSource(path, tuple(urls), opts)
    return FilesSource(path, opts)
