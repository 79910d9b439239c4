"""HTTP fetching for feeds and article pages: one client, bounded sizes, numbered errors."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import E_NOT_FOUND, E_TOO_LARGE, InputError
from .text import DEFAULT_MAX_BYTES

USER_AGENT = "eventwire/0.1 (+https://github.com/eventwire/eventwire; conflict-event research)"


@dataclass(frozen=True)
class Page:
    url: str  # final URL after redirects
    content: bytes
    content_type: str


class Fetcher:
    """A small httpx wrapper; one instance per run so connections are reused across items."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        import httpx

        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": USER_AGENT}
        )

    def get(self, url: str) -> Page:
        import httpx

        try:
            with self._client.stream("GET", url) as resp:
                if resp.status_code >= 400:
                    raise InputError(E_NOT_FOUND, f"HTTP {resp.status_code} fetching the page", origin=url)
                chunks: list[bytes] = []
                size = 0
                for chunk in resp.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise InputError(E_TOO_LARGE, f"page is over {self.max_bytes:,} bytes", origin=url)
                    chunks.append(chunk)
                return Page(str(resp.url), b"".join(chunks), resp.headers.get("content-type", ""))
        except httpx.HTTPError as exc:
            raise InputError(E_NOT_FOUND, f"could not fetch ({type(exc).__name__}: {exc})", origin=url) from exc

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
