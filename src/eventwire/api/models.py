"""Pydantic models of the HTTP edge (request bodies and documented responses)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the article text (English)")
    published: str | None = Field(default=None, description="publication date, YYYY-MM-DD")
    source: str | None = Field(default=None, max_length=512)
    url: str | None = Field(default=None, max_length=4096)
    title: str | None = Field(default=None, max_length=4096)


class IngestOut(BaseModel):
    article_id: str
    status: str = Field(description='"new", "unchanged" or "replaced"')
    extractor_version: str
    events: list[dict[str, Any]]


class EventsPage(BaseModel):
    count: int = Field(description="number of events matching the filters (all pages); see count_exact")
    count_exact: bool = Field(
        description="false when more than 10,000 events match: count is then an estimate (at least 10,001)"
    )
    page: int
    limit: int
    next: str | None = Field(description="URL of the next page, null on the last")
    next_after: str | None = Field(description="cursor for `after=`: the next page by keyset, null on the last")
    events: list[dict[str, Any]]


class ArticleOut(BaseModel):
    article: dict[str, Any]
    events: list[dict[str, Any]]


class IncidentOut(BaseModel):
    incident_id: str
    events: list[dict[str, Any]]
    articles: list[dict[str, Any]]


class Health(BaseModel):
    status: str
    store: str
    events: int | None = None


class Count(BaseModel):
    count: int = Field(description="events matching the filters, every match counted")


class Ranked(BaseModel):
    key: str | None
    count: int


class DayCount(BaseModel):
    date: str
    plover_type: str
    count: int
    fatalities: int = Field(description="sum of stated deaths (events without a figure add nothing)")


class Stats(BaseModel):
    count: int
    fatalities: int = Field(description="sum of stated deaths over the selection")
    events_with_fatalities: int = Field(description="events that state a death toll")
    by_day: list[DayCount]
    by_plover_type: list[Ranked]
    by_acled_event_type: list[Ranked]
    by_country: list[Ranked]


class ArticleSummary(BaseModel):
    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    language: str | None
    origin: str | None
    content_hash: str
    extractor_version: str
    n_events: int
    created: str | None


class ArticlesPage(BaseModel):
    count: int = Field(description="articles matching (all pages)")
    page: int
    limit: int
    next: str | None = Field(description="URL of the next page, null on the last")
    articles: list[ArticleSummary]


class Outlet(BaseModel):
    outlet: str | None = Field(description="the article source as stored; null: articles without one")
    articles: int
    events: int
