"""The OpenAPI pages (/docs: Swagger UI, /redoc: ReDoc) with their scripts served from the package.

FastAPI's defaults load them from a CDN, so /docs is blank offline. The dashboard build copies
swagger-ui-dist and redoc (npm) into ``eventwire/web/static/docs/``; when that bundle is missing
the pages fall back to FastAPI's CDN URLs rather than fail.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse

STATIC_DOCS = Path(__file__).resolve().parents[1] / "web" / "static" / "docs"
FAVICON = "/static/favicon.svg"


def add_docs_routes(app: FastAPI, static_docs: Path = STATIC_DOCS) -> None:
    openapi_url = app.openapi_url or "/openapi.json"
    title = f"{app.title} - docs"

    def local(name: str) -> bool:
        return (static_docs / name).is_file()

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        if local("swagger-ui-bundle.js") and local("swagger-ui.css"):
            return get_swagger_ui_html(
                openapi_url=openapi_url, title=title, oauth2_redirect_url="/docs/oauth2-redirect",
                swagger_js_url="/static/docs/swagger-ui-bundle.js", swagger_css_url="/static/docs/swagger-ui.css",
                swagger_favicon_url=FAVICON,
            )
        return get_swagger_ui_html(openapi_url=openapi_url, title=title, oauth2_redirect_url="/docs/oauth2-redirect")

    @app.get("/docs/oauth2-redirect", include_in_schema=False)
    def swagger_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        if local("redoc.standalone.js"):
            return get_redoc_html(openapi_url=openapi_url, title=title, redoc_js_url="/static/docs/redoc.standalone.js",
                                  redoc_favicon_url=FAVICON, with_google_fonts=False)
        return get_redoc_html(openapi_url=openapi_url, title=title)


__all__ = ["add_docs_routes"]
