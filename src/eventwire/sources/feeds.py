"""RSS/Atom feeds -> entries (link, title, date, inline content), through feedparser."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import E_BAD_FEED, InputError


@dataclass(frozen=True)
class FeedEntry:
    key: str  # the entry's link, else its id: the item identity a journal remembers
    link: str | None
    title: str | None
    published: dt.date | None
    content: str | None  # inline HTML/text, used only when the entry has no page to fetch
    source: str | None  # the feed's title


def parse_feed(data: bytes, origin: str) -> list[FeedEntry]:
    """Parse a feed document; a document that is not a feed at all is E109, sloppy feeds are read."""
    import feedparser

    if not data.strip():
        raise InputError(E_BAD_FEED, "feed is empty", origin=origin)
    parsed = feedparser.parse(data)
    if not parsed.get("version") and not parsed.entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        raise InputError(E_BAD_FEED, f"not an RSS or Atom feed{why}", origin=origin)
    feed_title = (parsed.feed.get("title") or "").strip() or None
    entries: list[FeedEntry] = []
    for i, entry in enumerate(parsed.entries):
        link = (entry.get("link") or "").strip() or None
        key = link or (entry.get("id") or "").strip() or f"{origin}#entry={i}"
        content = None
        if entry.get("content"):
            content = entry["content"][0].get("value")
        elif entry.get("summary"):
            content = entry.get("summary")
        entries.append(
            FeedEntry(
                key=key,
                link=link,
                title=(entry.get("title") or "").strip() or None,
                published=_entry_date(entry),
                content=content,
                source=feed_title,
            )
        )
    return entries


def looks_like_feed(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in data[:4096].lower() or b"<feed" in data[:4096].lower()) or (
        head.startswith((b"<rss", b"<feed", b"<rdf"))
    )


def _entry_date(entry: dict) -> dt.date | None:
    for field in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(field)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None
