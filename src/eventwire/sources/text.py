"""Plain-text inputs: bytes -> validated Article, with a numbered error for every way it can fail."""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from pathlib import Path

from ..errors import (
    E_BINARY,
    E_EMPTY,
    E_ENCODING,
    E_NOT_ENGLISH,
    E_NOT_FOUND,
    E_NOT_REGULAR,
    E_TOO_LARGE,
    InputError,
)
from ..records import Article
from ..settings import DEFAULT_MAX_CHARS, MAX_CHARS_ENV, default_max_chars

# UTF-8 takes at most 4 bytes a character (UTF-32 exactly 4): past this many bytes no file can be under
# the character limit, so it is refused before it is read.
BYTES_PER_CHAR = 4
DEFAULT_MAX_BYTES = DEFAULT_MAX_CHARS * BYTES_PER_CHAR

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
BOM_PREFIXES = tuple(bom for bom, _ in _BOMS)


def too_large(n: int, limit: int, origin: str, unit: str = "characters") -> InputError:
    return InputError(
        E_TOO_LARGE,
        f"input is {n:,} {unit}, over the limit of {limit:,} characters (raise it with {MAX_CHARS_ENV}=N, "
        "or split the file into articles)",
        origin=origin,
    )


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


def decode_bytes(data: bytes, origin: str, *, max_chars: int | None = None) -> str:
    """Bytes -> text: UTF-32/UTF-16/UTF-8 by their byte-order mark, else UTF-8; numbered errors."""
    limit = default_max_chars() if max_chars is None else max_chars
    if len(data) > limit * BYTES_PER_CHAR:
        raise too_large(len(data), limit, origin, unit="bytes")
    if not data.strip():
        raise InputError(E_EMPTY, "input is empty", origin=origin)
    marked = next(((bom, enc) for bom, enc in _BOMS if data.startswith(bom)), None)
    if marked is not None:
        bom, encoding = marked
        # NUL bytes are part of UTF-16/32: judge binary-ness on the decoded text instead
        try:
            text = data[len(bom):].decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(E_ENCODING, f"input starts with a {encoding.upper()} byte-order mark but is not valid "
                             f"{encoding.upper()} (byte {exc.start})", origin=origin) from exc
        if "\x00" in text[:8192] or _control_ratio(text[:8192].encode("utf-8", "replace")) > 0.1:
            raise InputError(E_BINARY, "input looks binary (NUL or control characters), not text", origin=origin)
    else:
        head = data[:8192]
        if b"\x00" in head or _control_ratio(head) > 0.1:
            raise InputError(E_BINARY, "input looks binary (NUL or control bytes), not text", origin=origin)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                E_ENCODING,
                f"input is not valid UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r}); "
                "convert it first, e.g. `iconv -f latin1 -t utf-8`",
                origin=origin,
            ) from exc
    if not text.strip():
        raise InputError(E_EMPTY, "input is empty", origin=origin)
    if len(text) > limit:
        raise too_large(len(text), limit, origin)
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
    limit = default_max_chars() if max_chars is None else max_chars
    if len(text) > limit:
        raise too_large(len(text), limit, origin)
    if check_language:
        check_english(text, origin)
    return Article.from_text(
        text, published=published, source=source, url=url, title=title, origin=origin, language="en"
    )


def regular_file(path: str | Path, origin: str | None = None) -> Path:
    """The path, checked to be a readable regular file: a FIFO, socket or device is refused at once
    (reading a FIFO with no writer blocks forever), a folder is E106."""
    origin = origin or str(path)
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise InputError(E_NOT_FOUND, "no such file", origin=origin) from None
    except OSError as exc:
        raise InputError(E_NOT_FOUND, f"cannot read file ({exc.strerror})", origin=origin) from None
    if stat.S_ISDIR(mode):
        raise InputError(E_NOT_FOUND, "is a folder, not a file (use `eventwire run` for folders)", origin=origin)
    if not stat.S_ISREG(mode):
        kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
                else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a regular file")
        raise InputError(E_NOT_REGULAR, f"is {kind}; give a regular file, or pipe it to `-` (stdin)",
                         origin=origin)
    return p


def read_file_bytes(path: str | Path, origin: str | None = None, *, max_chars: int | None = None) -> bytes:
    """The bytes of a regular file, refused (E105) by its size before it is read when it cannot fit."""
    origin = origin or str(path)
    p = regular_file(path, origin)
    limit = default_max_chars() if max_chars is None else max_chars
    size = p.stat().st_size
    if size > limit * BYTES_PER_CHAR:
        raise too_large(size, limit, origin, unit="bytes")
    try:
        return p.read_bytes()
    except OSError as exc:
        raise InputError(E_NOT_FOUND, f"cannot read file ({exc.strerror})", origin=origin) from None


def article_from_bytes(
    data: bytes,
    origin: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    check_language: bool = True,
    max_chars: int | None = None,
) -> Article:
    """One article from raw bytes, whatever the file is called: HTML is recognised by its markup.
    Metadata the caller passes (a manifest row, --title/--url) wins over what an HTML page says."""
    text = decode_bytes(data, origin, max_chars=max_chars)
    if looks_like_html_text(text):
        from .html import article_from_html

        return article_from_html(text, origin, url=url, published=published, source=source, title=title,
                                 check_language=check_language, max_chars=max_chars)
    return article_from_text(text, origin, published=published, source=source, url=url, title=title,
                             check_language=check_language, max_chars=max_chars)


_DOCTYPE = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<!doctype\s+html|\A\s*<html[\s>]", re.I | re.S)
_TAG = re.compile(r"</?(?:html|head|body|p|div|span|a|br|h[1-6]|article|section|main|header|footer|nav|meta|"
                  r"title|script|style|ul|ol|li|table|tr|td|img|link)(?:\s[^<>]*)?/?>", re.I)


def looks_like_html_text(text: str) -> bool:
    """HTML by its markup: a doctype or <html> first, or tags making up a visible share of the head.

    A text article that quotes one tag is not HTML; a page fragment of paragraphs and links is."""
    head = text[:4096]
    if _DOCTYPE.search(head):
        return True
    tags = _TAG.findall(head)
    return len(tags) >= 3 and sum(len(t) for t in tags) >= 0.02 * len(head)


def read_text_file(
    path: str | Path,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    check_language: bool = True,
    max_chars: int | None = None,
) -> Article:
    origin = str(path)
    data = read_file_bytes(path, origin, max_chars=max_chars)
    return article_from_bytes(data, origin, published=published, source=source, url=url, title=title,
                              check_language=check_language, max_chars=max_chars)
