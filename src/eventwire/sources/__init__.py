"""Sources: anything that yields Articles (text files, stdin, HTML, dumps, feeds).

Every reader validates its input and raises ``InputError`` with a numbered code naming the input,
so a batch can record the failure and go on.
"""

from .batch import (
    FeedSource,
    FilesSource,
    Item,
    JsonlSource,
    ParquetSource,
    Source,
    SourceOptions,
    StdinSource,
    UrlListSource,
    UrlSource,
    open_source,
)
from .feeds import FeedEntry, parse_feed
from .fetch import Fetcher
from .html import article_from_html
from .text import article_from_text, check_english, decode_bytes, read_text_file

__all__ = [
    "FeedEntry",
    "FeedSource",
    "Fetcher",
    "FilesSource",
    "Item",
    "JsonlSource",
    "ParquetSource",
    "Source",
    "SourceOptions",
    "StdinSource",
    "UrlListSource",
    "UrlSource",
    "article_from_html",
    "article_from_text",
    "check_english",
    "decode_bytes",
    "open_source",
    "parse_feed",
    "read_text_file",
]
