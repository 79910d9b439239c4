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


# The description model (rule ``learned-description``, round 16): the sector of a lower-case description no
# entry explains ("an indigenous leader", "Congressional group", "occupiers"), read by its head noun, the word
# before the head and the words of the phrase, with the head's plural ending and last letters as features too,
# so a head the compiled phrases never used still reads like the words it ends as ("netizen" like "citizen").
DESCRIPTION_FILE = "compiled_description_words.tsv"
# The same phrases' sectors on their MiniLM sentence embeddings (eventwire.nlp.minilm), where it is installed:
# a head the compiled phrases never used still reads like the phrases it means the same as ("tank crews" MIL).
EMBEDDING_FILE = "compiled_description_minilm.json"
# Quantity words, which say nothing of a sector ("over two dozen men").
QUANTITY = frozenset(["over", "about", "around", "nearly", "almost", "more", "than", "least", "dozen", "score",
                      "scores", "million", "millions", "hundred", "thousand", "six", "seven", "eight", "nine",
                      "ten", "twenty", "fifty", "few", "other", "all", "both", "only", "at"])


def base_word(word: str) -> str:
    """The head without a plural ending ("leaders" -> "leader", "militias" -> "militia", "men" -> "man")."""
    if word.endswith("men") and len(word) > 3:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def description_features(toks: list[str], places: set[int]) -> list[str]:
    """Features of a normalised description: every word (``w:``), the head (``h:``, the last content word;
    ``b:`` its singular; ``e:`` its last three and four letters), the word before the head (``m:``) and a
    place name inside as one placeholder. Empty when no word is left."""
    words: list[str] = []
    for i, t in enumerate(toks):
        if i in places:
            if not words or words[-1] != PLACE:
                words.append(PLACE)
            continue
        if t in STOP or t in QUANTITY or not any(c.isalpha() for c in t):
            continue
        words.append(t)
    content = [w for w in words if w != PLACE]
    if not content:
        return []
    head = content[-1]
    base = base_word(head)
    out = {f"w:{w}" for w in words[:-1]} | {f"w:{base}"}
    out |= {f"h:{base}", f"e3:{base[-3:]}", f"e4:{base[-4:]}"}
    if head != base:
        out.add("plural")
    if len(words) > 1 and words[-1] == head and words[-2] != head:
        out.add(f"m:{words[-2]}")
    return sorted(out)


def description_text(toks: list[str], places: set[int]) -> str:
    """The words of a description the embedding model reads: place names and articles left out."""
    words = [t for i, t in enumerate(toks) if i not in places and t not in STOP and t not in QUANTITY
             and any(c.isalpha() for c in t)]
    return " ".join(words)


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
        probs = self.probabilities(feats)
        j = max(range(len(probs)), key=probs.__getitem__)
        return self.labels[j], probs[j]

    def probabilities(self, feats: list[str]) -> list[float]:
        """The probability of every label (in ``labels``' order)."""
        scores = list(self.bias)
        weights = self.weights
        for f in feats:
            w = weights.get(f)
            if w is not None:
                scores = [s + v for s, v in zip(scores, w, strict=True)]  # the same sums, without an index loop
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]


class EmbeddingModel:
    """A multinomial logistic regression over MiniLM sentence embeddings (weights read from JSON)."""

    def __init__(self, labels: list[str], bias: list[float], weights: list[list[float]]) -> None:
        self.labels = labels
        self.bias = bias
        self.weights = weights

    def probabilities(self, text: str) -> list[float] | None:
        """The probability of every label for ``text``, or None when embeddings cannot be computed here."""
        vec = _embed(text)
        if vec is None:
            return None
        scores = [b + sum(w * x for w, x in zip(row, vec, strict=True))
                  for b, row in zip(self.bias, self.weights, strict=True)]
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]


@lru_cache(maxsize=4096)
def _embed(text: str) -> tuple[float, ...] | None:
    from eventwire.nlp import minilm

    if not minilm.available():
        return None
    return tuple(float(v) for v in minilm.embed([text])[0])


@lru_cache(maxsize=1)
def embedding_model() -> EmbeddingModel | None:
    """The compiled MiniLM description model, or None when the package lacks it."""
    import json

    try:
        doc = json.loads(resources.files("eventwire.actors.data").joinpath(EMBEDDING_FILE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return EmbeddingModel(doc["labels"], doc["bias"], doc["weights"])


@lru_cache(maxsize=1)
def model() -> SectorModel | None:
    """The compiled model, or None when the package lacks it (the rule then reads nothing)."""
    return _load(MODEL_FILE)


@lru_cache(maxsize=1)
def description_model() -> SectorModel | None:
    """The compiled description model (``DESCRIPTION_FILE``), or None when the package lacks it."""
    return _load(DESCRIPTION_FILE)


def _load(filename: str) -> SectorModel | None:
    try:
        text = resources.files("eventwire.actors.data").joinpath(filename).read_text(encoding="utf-8")
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
