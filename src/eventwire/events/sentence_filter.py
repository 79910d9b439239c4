"""A learned sentence filter before parsing: which trigger-word sentences are worth spaCy's time.

The lexicon pre-filter (prefilter.py) keeps every sentence with a trigger-like word; on news most of
them give no event ("a price war", "the arrest record", "forces of nature"), yet spaCy parses them all
(docs/scale.md: 72% of the tokens reach spaCy, 14% sit in sentences that hold an output event). This
model scores each such candidate sentence from what is there without a parse: its words and word pairs,
which trigger-like words it holds, its place in the article, digits, quotation marks, a verb of saying
with a hostile word. A candidate scoring under the threshold is blanked like any other sentence; the
pre-filter's context rules (first sentence, the sentence a kept one refers back to, list headings) are
applied after it, to the sentences it keeps.

Binary logistic regression trained by ``python -m eventwire.events.train_sentence_filter`` on the coder's
own output (a sentence is positive when an output event's trigger lies in it, acceptance step on) over
public dev texts and the trainable team dev articles; the threshold is chosen out of fold for a very
high recall of those sentences (data/sentence_filter.md). Stored as sparse JSON weights: no scikit-learn
at run time. On by default since round 15 (retrained on the coder of the time, threshold at 99.5% out of fold);
``EVENTWIRE_SENTENCE_FILTER=0`` (or ``Settings(prefilter_learned=False)``) turns it off.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MODEL_FILE = Path(__file__).resolve().parent / "data" / "sentence_filter.json"
ENV = "EVENTWIRE_SENTENCE_FILTER"

_DIGIT = re.compile(r"\d")
_QUOTE = re.compile(r"[\"“”]")


def _bucket(n: int, edges: tuple[int, ...]) -> int:
    return sum(1 for e in edges if n >= e)


def features(words: list[str], sentence: str, index: int, count: int, triggers: list[str],
             said_hostile: bool, phrase: bool) -> list[str]:
    """Feature names of one sentence (``words``: its words as the pre-filter's regex finds them;
    ``triggers``: those of them the lexicon pre-filter matched, lower-cased; ``index`` of ``count``
    sentences of the article). The headline's words and the article's count of candidate sentences were
    tried as article-level features and dropped: out of fold they kept more text at the same recall."""
    low = [w.lower() for w in words]
    out = {f"w:{w}" for w in low}
    out.update(f"b:{a}_{b}" for a, b in zip(low, low[1:], strict=False))
    out.update(f"t:{t}" for t in triggers)
    out.add(f"nt:{min(len(set(triggers)), 3)}")
    out.add(f"pos:{min(index, 5)}")
    out.add(f"rel:{min(3, 4 * index // max(1, count))}")
    out.add(f"len:{_bucket(len(words), (6, 12, 25, 40))}")
    caps = sum(1 for w in words[1:] if w[:1].isupper())
    out.add(f"caps:{_bucket(caps, (1, 3, 6))}")
    if _DIGIT.search(sentence):
        out.add("digit")
    if _QUOTE.search(sentence):
        out.add("quote")
    if said_hostile:
        out.add("said_hostile")
    if phrase:
        out.add("phrase")
    return list(out)  # order does not matter: SentenceFilter.probability sums exactly


@dataclass(frozen=True)
class SentenceFilter:
    weights: dict[str, float]
    bias: float
    threshold: float  # probability under which a candidate sentence is blanked
    about: str = ""

    def probability(self, feats: list[str]) -> float:
        # fsum is exactly rounded: the same score whatever the order of the features (a set's order
        # changes with the hash seed), so a sentence at the threshold is kept or blanked the same every run
        z = self.bias + math.fsum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def keeps(self, feats: list[str]) -> bool:
        return self.probability(feats) >= self.threshold

    def to_json(self) -> dict[str, object]:
        return {"about": self.about, "threshold": self.threshold, "bias": self.bias, "weights": self.weights}


def load(path: Path = MODEL_FILE) -> SentenceFilter | None:
    if not path.is_file():
        return None
    d = json.loads(path.read_text(encoding="utf-8"))
    return SentenceFilter({str(k): float(v) for k, v in d["weights"].items()}, float(d["bias"]),
                          float(d["threshold"]), str(d.get("about", "")))


@lru_cache(maxsize=1)
def default_filter() -> SentenceFilter | None:
    return load()
