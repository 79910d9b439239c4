"""The web dashboard: a single page (map, timeline, table, article and incident views) over the API.

The page is built from ``web/`` at the repository root (``cd web && npm ci && npm run build``) into
``static/`` beside this file. It reads only the public ``/api`` endpoints, so each view has a JSON
twin. When the bundle is missing the routes answer with a page that says how to build it, instead of
a bare 404.
"""

from __future__ import annotations

import html
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["E_WEB_ASSETS", "STATIC_DIR", "assets_built", "mount"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
E_WEB_ASSETS = "E210"  # resource error: dashboard bundle not built
BUILD_COMMAND = "cd web && npm ci && npm run build"

# The page builds everything from JSON with DOM calls, so no inline script is needed; forbidding it
# means text injected into an article could not run even if an escaping bug slipped through.
CSP = (
    "default-src 'self'; img-src 'self' data: https://tile.openstreetmap.org; script-src 'self'; "
    "style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}


def assets_built(static_dir: Path = STATIC_DIR) -> bool:
    return (static_dir / "index.html").is_file() and (static_dir / "app.js").is_file()


@lru_cache(maxsize=4)
def _missing_page(static_dir: Path) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>eventwire: dashboard not built</title>
<style>body{{font:15px system-ui,sans-serif;max-width:44rem;margin:4rem auto;padding:0 1rem;color:#0f172a}}
code,pre{{background:#f1f5f9;padding:.15rem .35rem;border-radius:4px}}pre{{padding:.7rem}}</style></head>
<body><h1>The dashboard is not built</h1>
<p>[{E_WEB_ASSETS}] The front-end bundle was not found in <code>{html.escape(str(static_dir))}</code>.
Build it from a source checkout (needs Node.js 18+ and npm):</p>
<pre>{html.escape(BUILD_COMMAND)}</pre>
<p>The API works without it: <a href="/api/events">/api/events</a>, <a href="/api/stats">/api/stats</a>,
<a href="/docs">/docs</a>.</p></body></html>
"""


def _page(static_dir: Path) -> Response:
    if not assets_built(static_dir):
        return HTMLResponse(_missing_page(static_dir), status_code=503, headers=_PAGE_HEADERS)
    return FileResponse(static_dir / "index.html", media_type="text/html", headers=_PAGE_HEADERS)


def mount(app: FastAPI, store: Any = None, *, static_dir: Path = STATIC_DIR) -> None:
    """Add the dashboard pages (/, /articles, /outlets, /articles/{id}, /incidents/{id}) and /static.

    ``store`` is accepted for the API's calling convention; the pages fetch their data from the
    API itself, so the dashboard never reads the store behind the API's filters and paging.
    """
    del store
    # check_dir=False: the app must start (and say how to build) even when the bundle is missing.
    app.mount("/static", StaticFiles(directory=static_dir, check_dir=False), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def dashboard() -> Response:
        return _page(static_dir)

    @app.api_route("/articles", methods=["GET", "HEAD"], include_in_schema=False)
    def articles_page() -> Response:
        return _page(static_dir)

    @app.api_route("/outlets", methods=["GET", "HEAD"], include_in_schema=False)
    def outlets_page() -> Response:
        return _page(static_dir)

    @app.api_route("/articles/{article_id}", methods=["GET", "HEAD"], include_in_schema=False)
    def article_page(article_id: str) -> Response:
        return _page(static_dir)

    @app.api_route("/incidents/{incident_id}", methods=["GET", "HEAD"], include_in_schema=False)
    def incident_page(incident_id: str) -> Response:
        return _page(static_dir)
