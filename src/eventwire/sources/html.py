"""HTML pages -> Article: main text, title and publication date through trafilatura."""

from __future__ import annotations

import datetime as dt
import warnings

from ..errors import E_BAD_HTML, InputError
from ..records import Article
from .text import BOM_PREFIXES, article_from_text, decode_bytes, looks_like_html_text


def _html_text(data: bytes | str, origin: str) -> str:
    if isinstance(data, bytes):
        # a byte-order mark decides (UTF-16/32 pages carry NULs); binary must still fail early
        if data.startswith(BOM_PREFIXES) or b"\x00" in data[:8192]:
            return decode_bytes(data, origin, max_chars=max(len(data), 1))
        # pages declare their charset in many ways; a wrong byte must not lose the whole page
        return data.decode("utf-8", errors="replace")
    return data


def article_from_html(
    data: bytes | str,
    origin: str,
    *,
    url: str | None = None,
    published: dt.date | str | None = None,
    source: str | None = None,
    title: str | None = None,
    check_language: bool = True,
    max_chars: int | None = None,
) -> Article:
    """Extract the article body of one HTML page; metadata the caller passes wins over the page's."""
    import trafilatura

    html = _html_text(data, origin)
    if not html.strip():
        raise InputError(E_BAD_HTML, "HTML page is empty", origin=origin)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # trafilatura/lxml warn on sloppy markup they still read
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, include_tables=False
            )
    except Exception as exc:  # lxml raises a zoo of parser errors on broken markup
        raise InputError(E_BAD_HTML, f"HTML could not be parsed ({type(exc).__name__}: {exc})", origin=origin) from exc
    if doc is None:
        raise InputError(
            E_BAD_HTML, "no article text found in the HTML (broken markup, or a page without a story)", origin=origin
        )
    meta = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (meta.get("text") or "").strip()
    if len(text.split()) < 3:  # a menu or a cookie banner is what remains of a page without a story
        raise InputError(E_BAD_HTML, "the HTML page has no main text", origin=origin)
    page_date = _iso_date(meta.get("date"))
    return article_from_text(
        text,
        origin,
        published=published or page_date,
        source=source or meta.get("sitename") or None,
        url=url or meta.get("url") or None,
        title=title or meta.get("title") or None,
        check_language=check_language,
        max_chars=max_chars,
    )


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def looks_like_html(data: bytes) -> bool:
    """HTML by its markup (see text.looks_like_html_text); the bytes' head is enough."""
    head = data[:4096]
    if head.startswith(BOM_PREFIXES):
        try:
            return looks_like_html_text(decode_bytes(head, "<head>", max_chars=len(head)))
        except Exception:  # noqa: BLE001 - a head cut mid-character is judged on what decodes
            return False
    return looks_like_html_text(head.decode("utf-8", errors="replace"))
