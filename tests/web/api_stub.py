"""Stand-in for ``eventwire.api.create_app`` over the real Store, used only while the API package does
not provide ``create_app``: it serves the agreed JSON shapes (events, article, incident) and nothing more,
so the dashboard tests exercise the front end against the same store records either way."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, HTTPException, Request

from eventwire import web
from eventwire.store import Store

PAGING = ("limit", "page", "format", "fields")


def create_app(store_url: str, token: str | None = None) -> FastAPI:
    store = Store.open(store_url)
    app = FastAPI()

    @app.get("/api/events")
    def events(request: Request, limit: int = 100, page: int = 1) -> dict[str, Any]:
        raw = {k: v for k, v in request.query_params.items() if k not in PAGING and v}
        count = store.count_events(**raw)
        evs = list(store.iter_events(limit=limit, offset=(page - 1) * limit, **raw))
        return {
            "count": count,
            "page": page,
            "limit": limit,
            "next": page + 1 if page * limit < count else None,
            "events": evs,
        }

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, "no such article")
        return found

    @app.get("/api/incidents/{incident_id}")
    def incident(incident_id: str) -> dict[str, Any]:
        found = store.get_incident(incident_id)
        if found is None:
            raise HTTPException(404, "no such incident")
        return found

    web.mount(app, store)
    return app
