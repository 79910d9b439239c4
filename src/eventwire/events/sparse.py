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
        for name, v in feats.items():
            w = self.weights.get(name)
            if w is not None:
                for k, wk in enumerate(w):
                    z[k] += wk * v
        m = max(z)
        e = [math.exp(x - m) for x in z]
        s = sum(e)
        return [x / s for x in e]
