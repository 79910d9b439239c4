"""eventwire: conflict news in, evidence-backed structured event records out.

    >>> import eventwire
    >>> records = eventwire.extract(text, published="2020-02-10", source="Zero Hedge")

The public surface is ``__all__``; everything else is private and may change.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from .errors import ConfigError, EventwireError, InputError, ResourceError, StoreError
from .pipeline import Pipeline
from .records import SCHEMA_VERSION, ActorRef, Article, Event, Evidence, Place, Result, Size, When
from .settings import Settings

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "ActorRef",
    "Article",
    "ConfigError",
    "Event",
    "EventwireError",
    "Evidence",
    "InputError",
    "Pipeline",
    "Place",
    "ResourceError",
    "Result",
    "Settings",
    "Size",
    "StoreError",
    "When",
    "__version__",
    "extract",
]


@lru_cache(maxsize=2)
def _default_pipeline(model: str | None) -> Pipeline:
    return Pipeline(Settings.from_env(spacy_model=model))


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
    model: str | None = None,
) -> list[dict[str, Any]]:
    """Code one article's text into public event records (dicts of ``SCHEMA.md``).

    Raises ``InputError`` for text that cannot be read as an English news article.
    """
    events = _default_pipeline(model).extract(text, published=published, source=source, url=url, title=title)
    return [e.to_dict() for e in events]
