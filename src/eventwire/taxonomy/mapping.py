"""Crosswalks between PLOVER, CAMEO and ACLED, read from the checked-in table ``plover_map.tsv``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Final

from eventwire.taxonomy.acled import acled_event_type, is_acled_sub_event_type
from eventwire.taxonomy.cameo import is_cameo_root
from eventwire.taxonomy.plover import is_plover_mode

_NONE: Final = "-"


@dataclass(frozen=True)
class MapRow:
    plover_type: str
    mode: str | None
    cameo_root: str
    cameo_basis: str
    acled_sub_event_type: str | None


@cache
def mapping_rows() -> MappingProxyType[tuple[str, str | None], MapRow]:
    """Every row of the table keyed by (type, mode); mode None is the type's own row."""
    text = resources.files("eventwire.taxonomy").joinpath("plover_map.tsv").read_text(encoding="utf-8")
    rows: dict[tuple[str, str | None], MapRow] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ptype, mode, root, basis, sub = line.split("\t")
        row = MapRow(ptype, None if mode == _NONE else mode, root, basis, None if sub == _NONE else sub)
        rows[(row.plover_type, row.mode)] = row
    return MappingProxyType(rows)


def _row(plover_type: str, mode: str | None) -> MapRow | None:
    rows = mapping_rows()
    # An unknown or missing mode falls back to the type's row: the type alone still decides the root.
    return rows.get((plover_type, mode)) or rows.get((plover_type, None))


def cameo_root(plover_type: str, mode: str | None = None) -> str | None:
    """The CAMEO root code ("01".."20") of a PLOVER type/mode, or None for an unknown type.

    >>> cameo_root("ASSAULT", "heavy-weapons")
    '19'
    """
    row = _row(plover_type, mode)
    return row.cameo_root if row else None


def default_acled(plover_type: str, mode: str | None = None) -> tuple[str, str] | None:
    """(event_type, sub_event_type) that a PLOVER type/mode maps to when nothing else is known.

    None where ACLED has no category for that kind of event (e.g. CONSULT, ACCUSE, THREATEN).
    """
    row = _row(plover_type, mode)
    if row is None or row.acled_sub_event_type is None:
        return None
    return acled_event_type(row.acled_sub_event_type), row.acled_sub_event_type


def table_problems() -> list[str]:
    """Rows whose type, mode, CAMEO root or ACLED target is not a valid code (empty when all is well)."""
    problems = []
    for (ptype, mode), row in mapping_rows().items():
        if not is_plover_mode(ptype, mode):
            problems.append(f"{ptype}/{mode}: not a PLOVER type/mode")
        if not is_cameo_root(row.cameo_root):
            problems.append(f"{ptype}/{mode}: CAMEO root {row.cameo_root!r} invalid")
        if row.acled_sub_event_type is not None and not is_acled_sub_event_type(row.acled_sub_event_type):
            problems.append(f"{ptype}/{mode}: ACLED {row.acled_sub_event_type!r} invalid")
    return problems
