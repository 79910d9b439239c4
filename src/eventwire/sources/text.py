"""Plain-text inputs: bytes -> validated Article, with a numbered error for every way it can fail."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ..errors import (
    E_BINARY,
    E_EMPTY,
    E_ENCODING,
    E_NOT_ENGLISH,
    E_NOT_FOUND,
    E_TOO_LARGE,
    InputError,
)
from ..records import Article

DEFAULT_MAX_BYTES = 5_000_000  # a long feature is ~100 kB; 5 MB is a dump mistaken for an article

# Function words that make up a large share of any English prose; a cheap, dependency-free
# language gate that needs no model and no download.
_EN_FUNCTION_WORDS = frozenset(
    {
        "the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "was", "by", "at",
        "from", "it", "an", "be", "are", "were", "has", "have", "had", "said", "his", "her", "their", "its",
        "this", "which", "not", "but", "or", "after", "who", "they", "he", "she", "will", "been", "would",
        "also", "more", "than", "into", "over", "when", "we", "our",
    }
)  # fmt: skip
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def decode_bytes(data: bytes, origin: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    if len(data) > max_bytes:
        raise InputError(
            E_TOO_LARGE,
            f"input is {len(data):,} bytes, over the limit of {max_bytes:,} (set EVENTWIRE_MAX_CHARS or "
            "split the file into articles)",
            origin=origin,
        )
    if not data.strip():
        raise InputError(E_EMPTY, "input is empty", origin=origin)
    head = data[:8192]
    if b"\x00" in head or _control_ratio(head) > 0.1:
        raise InputError(E_BINARY, "input looks binary (NUL or control bytes), not text", origin=origin)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            E_ENCODING,
            f"input is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
            "convert it first, e.g. `iconv -f latin1 -t utf-8`",
            origin=origin,
        ) from exc
    return text


def _control_ratio(data: bytes) -> float:
    if not data:
        return 0.0
    bad = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    return bad / len(data)


def check_english(text: str, origin: str) -> None:
    words = [w.lower() for w in _WORD.findall(text[:20000])]
    if len(words) < 3:
        raise InputError(E_EMPTY, "input has no words to read", origin=origin)
    if len(words) < 15:
        return  # a headline is too short to judge; let the coder try it
    share = sum(1 for w in words if w in _EN_FUNCTION_WORDS) / len(words)
    # English news prose runs at 0.3-0.5; short headlines still clear 0.08
    if share < 0.08:
        raise InputError(
            E_NOT_ENGLISH,
            f"input does not look like English (function-word share {share:.2f}); eventwire codes English news",
            origin=origin,
        )


def article_from_text(
    text: str,
    origin: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    check_language: bool = True,
    max_chars: int | None = None,
) -> Article:
    if not text.strip():
        raise InputError(E_EMPTY, "input is empty", origin=origin)
    if max_chars is not None and len(text) > max_chars:
        raise InputError(E_TOO_LARGE, f"input is {len(text):,} characters, over the limit of {max_chars:,}", origin=origin)
    if check_language:
        check_english(text, origin)
    return Article.from_text(
        text, published=published, source=source, url=url, title=title, origin=origin, language="en"
    )


def read_text_file(
    path: str | Path,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    check_language: bool = True,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Article:
    origin = str(path)
    p = Path(path)
    if not p.exists():
        raise InputError(E_NOT_FOUND, "no such file", origin=origin)
    if p.is_dir():
        raise InputError(E_NOT_FOUND, "is a folder, not a file (use `eventwire run` for folders)", origin=origin)
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(E_TOO_LARGE, f"file is {size:,} bytes, over the limit of {max_bytes:,}", origin=origin)
    text = decode_bytes(p.read_bytes(), origin, max_bytes=max_bytes)
    return article_from_text(
        text, origin, published=published, source=source, url=url, title=title, check_language=check_language
    )
