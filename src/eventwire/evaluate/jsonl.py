"""Reading evaluation files: JSON lines, one record each, with numbered errors naming file and line."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from ..errors import E_BAD_DUMP, E_NOT_FOUND, InputError

T = TypeVar("T")


def read_records(path: str | Path, parse: Callable[[dict[str, Any]], T], what: str) -> list[T]:
    """Parse each non-blank line with ``parse``; a line it rejects (KeyError/TypeError...) names ``what``."""
    p = Path(path)
    if not p.is_file():
        raise InputError(E_NOT_FOUND, f"no such file: {p}")
    rows: list[T] = []
    with p.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(parse({"_line": n, **json.loads(line)}))
            except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
                raise InputError(E_BAD_DUMP, f"line {n}: not {what} ({exc})", origin=str(p)) from exc
    return rows
