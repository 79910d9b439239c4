"""Lists of what the store holds besides events: articles (without their text) and outlets."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Query, Request

from ..store import Store
from .models import ArticlesPage, ArticleSummary, Outlet


def add_list_routes(app: FastAPI, store: Store, dependencies: list[Any]) -> None:
    @app.get("/api/articles", tags=["articles"], dependencies=dependencies, response_model=ArticlesPage,
             summary="Articles, newest publication first")
    def list_articles(
        request: Request,
        outlet: str | None = Query(None, max_length=512, description="substring of the outlet, any case"),
        limit: int = Query(100, ge=1, le=1000),
        page: int = Query(1, ge=1, le=1_000_000),
    ) -> ArticlesPage:
        rows, total = store.list_articles(outlet=outlet, limit=limit, offset=(page - 1) * limit)
        more = page * limit < total
        return ArticlesPage(
            count=total, page=page, limit=limit,
            next=str(request.url.include_query_params(page=page + 1)) if more else None,
            articles=[ArticleSummary(**r) for r in rows],
        )

    @app.get("/api/outlets", tags=["articles"], dependencies=dependencies, response_model=list[Outlet],
             summary="Outlets with their numbers of articles and events")
    def outlets() -> list[Outlet]:
        return [Outlet(**o) for o in store.outlets()]


__all__ = ["add_list_routes"]
