"""A sector (or an intergovernmental country) for a description or a name no entry explains, learned
from the knowledge base's own public-source entries (rule ``learned-sector``).

The rules read a mention by its known head noun; a description or name whose words no entry holds as a
whole ("Aboriginal Medical Services Alliance", "Congressional group", "Kurdistan Democratic Forces") then
gets a country at most. ``scripts/build_sector_words.py`` fits a logistic regression over the words of
the compiled files' names and role phrases (PETRARCH2's bodies, agents and armed groups, the Factbook's
parties and forces, WordNet's role nouns: never a curated file, never an evaluation case), one weight per
word and label, and writes it to ``data/compiled_sector_words.tsv``. A word is a feature as itself and,
when it is the last content word, as the head (``h:alliance``); a place name inside is one placeholder
(``<place>``), so "Syrian Democratic Forces" and "Kurdistan Democratic Forces" share their reading.
Labels are PLOVER sectors, ``=IGO`` / ``=UNO`` / ``=EUR`` for bodies whose only code is
intergovernmental, and ``PERSON`` (a sample of the compiled people's names), which lets a person's name
read as nobody rather than as a company.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources

PLACE = "<place>"
PERSON = "PERSON"
MODEL_FILE = "compiled_sector_words.tsv"
# Words that carry no sector of their own (articles, particles of names in several languages).
STOP = frozenset(["the", "of", "and", "'s", "a", "an", "for", "in", "on", "to", "at", "&", "de", "du", "des",
                  "la", "le", "les", "el", "al", "del", "y", "et", "und", "der", "die", "von", "da", "do", "dos",
                  "das", "e", "its", "their", "his", "her", "our", "this", "that", "these", "those", "some",
                  "several", "two", "three", "four", "five", "many", "dozens", "hundreds", "thousands"])


def features(toks: list[str], places: set[int]) -> list[str]:
    """Word and head features of a normalised mention; ``places``: token positions a place name covers
    (a run of them is one placeholder)."""
    words: list[str] = []
    for i, t in enumerate(toks):
        if i in places:
            if not words or words[-1] != PLACE or i - 1 not in places:
                words.append(PLACE)
            continue
        if t in STOP or not any(c.isalpha() for c in t):
            continue
        words.append(t)
    content = [w for w in words if w != PLACE]
    if not content:
        return []
    return sorted({f"w:{w}" for w in words}) + [f"h:{content[-1]}"]


class SectorModel:
    """Weights per feature and label (a multinomial logistic regression written as a table)."""

    def __init__(self, labels: list[str], bias: list[float], weights: dict[str, list[float]]) -> None:
        self.labels = labels
        self.bias = bias
        self.weights = weights

    def known(self, feature: str) -> bool:
        return feature in self.weights

    def predict(self, feats: list[str]) -> tuple[str, float]:
        """The most probable label and its probability."""
        scores = list(self.bias)
        weights = self.weights
        for f in feats:
            w = weights.get(f)
            if w is not None:
                scores = [s + v for s, v in zip(scores, w, strict=True)]  # the same sums, without an index loop
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        j = max(range(len(scores)), key=scores.__getitem__)
        return self.labels[j], exp[j] / sum(exp)


@lru_cache(maxsize=1)
def model() -> SectorModel | None:
    """The compiled model, or None when the package lacks it (the rule then reads nothing)."""
    try:
        text = resources.files("eventwire.actors.data").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    labels: list[str] = []
    bias: list[float] = []
    weights: dict[str, list[float]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, _, rest = line.partition("\t")
        if name == "feature":  # the header: feature, then the labels in order
            labels = rest.split("\t")
            continue
        values = [0.0] * len(labels)
        for item in rest.split(" "):  # label index=weight pairs; weights near zero are left out
            if item:
                j, _, v = item.partition("=")
                values[int(j)] = float(v)
        if name == "__bias__":
            bias = values
        else:
            weights[name] = values
    return SectorModel(labels, bias, weights) if labels and bias else None
