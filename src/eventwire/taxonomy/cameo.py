"""CAMEO root codes 01-20 (GDELT CAMEO 1.1b3), with their quad class."""

from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Final

CAMEO_ROOTS: Final = MappingProxyType(
    {
        "01": "make public statement",
        "02": "appeal",
        "03": "express intent to cooperate",
        "04": "consult",
        "05": "engage in diplomatic cooperation",
        "06": "engage in material cooperation",
        "07": "provide aid",
        "08": "yield",
        "09": "investigate",
        "10": "demand",
        "11": "disapprove",
        "12": "reject",
        "13": "threaten",
        "14": "protest",
        "15": "exhibit force posture",
        "16": "reduce relations",
        "17": "coerce",
        "18": "assault",
        "19": "fight",
        "20": "use unconventional mass violence",
    }
)


def is_cameo_root(code: str | None) -> bool:
    return code in CAMEO_ROOTS


def cameo_root_name(code: str) -> str:
    """Name of a root code ("19" -> "fight"); KeyError for anything else."""
    return CAMEO_ROOTS[code]


def cameo_quad_class(code: str) -> int:
    """GDELT's quad class of a CAMEO code (any length; the root decides)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise KeyError(code)
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def read_cameo2plover(path: Path) -> dict[str, tuple[str, str]]:
    """The CAMEO -> PLOVER table (shared/reference/CAMEO2PLOVER-2021.txt) as {CAMEO code: (type, mode)}: the
    lines "NNN: TYPE, mode"; the build scripts of the compiled CAMEO lexicons read it through this."""
    out: dict[str, tuple[str, str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([A-Z]+)\s*,?\s*([\w\-]*)", line)
        if m:
            out[m.group(1)] = (m.group(2), m.group(3).strip())
    return out
