"""Sparse multinomial logistic regression as stored in the package (trigger and role models).

The weights are JSON: ``{"classes": [...], "bias": [...], "weights": {feature: [one weight per class]}}``,
trained with scikit-learn by the training scripts and read here without it.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any


class SparseSoftmax:
    def __init__(self, classes: list[str], weights: dict[str, list[float]], bias: list[float],
                 about: str = "") -> None:
        self.classes = classes
        self.weights = weights
        self.bias = bias
        self.about = about

    @classmethod
    def read(cls, path: Path) -> dict[str, Any]:
        d: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        return d

    def to_json(self) -> dict[str, Any]:
        return {"about": self.about, "classes": self.classes, "bias": self.bias, "weights": self.weights}

    def save(self, path: Path) -> str:
        """Write the model where the package reads it; a line saying what was written."""
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")), encoding="utf-8")
        return f"wrote {path} ({path.stat().st_size // 1024} kB, {len(self.weights)} features)"

    def probabilities(self, feats: dict[str, float]) -> list[float]:
        """P(class) for each of ``classes``, in their order."""
        z = list(self.bias)
        weights = self.weights
        for name, v in feats.items():
            w = weights.get(name)
            if w is not None:
                # one list per feature instead of an index loop: the same sums in the same order (a
                # feature's value is mostly 1.0, and wk * 1.0 is wk), ~2x less CPU per call
                z = [zk + wk for zk, wk in zip(z, w, strict=True)] if v == 1.0 else \
                    [zk + wk * v for zk, wk in zip(z, w, strict=True)]
        m = max(z)
        e = [math.exp(x - m) for x in z]
        s = sum(e)
        return [x / s for x in e]
