"""Which two reports of one article tell one incident: a logistic regression over pair features, learned
from the team corpus's dev gold (`same_incident_as`), on top of the rules that keep reports apart.

The rules of incidents.py say what keeps two reports apart (another type, parties of other countries,
dates that do not overlap, places far apart) and what ties them (the same place, the same named party,
the same toll). Whether the ties are strong enough is a weighing the rules did badly (dev: 25 of 61
gold-linked pairs linked); the model weighs the same evidence and a few more signals (distance in the
text, a headline, the same trigger word) and is trained by `python -m eventwire.events.train_incidents`.
Model card: data/incident_links.md.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path

from ..records import Event
from ..settings import switch_on
from . import incidents as inc
from .sparse import SparseSoftmax

LINK_MODEL_FILE = Path(__file__).with_name("data") / "incident_links.json"


def head_end(text: str | None) -> int:
    """Where the article's first line ends when that line is a headline (short, then a line break)."""
    if not text:
        return 0
    nl = text.find("\n")
    return nl if 0 < nl < 200 else 0


def pair_features(a: Event, b: Event, headline_end: int = 0) -> dict[str, float]:
    """The evidence for and against two reports telling one incident (order-free)."""
    if a.evidence.start > b.evidence.start:
        a, b = b, a
    ia, ib = inc._interval(a), inc._interval(b)
    sa, sb = inc._stated(a, "actor"), inc._stated(b, "actor")
    ca, cb = inc._all_countries(a), inc._all_countries(b)
    la, lb = a.location, b.location
    da, db = a.size.dead, b.size.dead
    gap = max(b.evidence.start - a.evidence.end, 0)

    def own(e: Event) -> bool:
        return e.location is not None and (e.location.reason or "").startswith(("clause", "sentence"))

    return {
        "apart": float(inc._apart(a, b)),
        "together_rule": float(inc._together(a, b)),
        "material": float(a.plover_type in inc._MATERIAL),
        "assault": float(a.plover_type == "ASSAULT"),
        "same_type": float(a.plover_type == b.plover_type),
        "actor_shared": float(bool(sa & sb)),
        "actor_one_unknown": float(not sa or not sb),
        "all_shared": float(bool(ca & cb)),
        "all_none": float(not ca and not cb),
        "recip_shared": float(bool(inc._stated(a, "recipient") & inc._stated(b, "recipient"))),
        "dated_overlap": float(ia is not None and ib is not None and not (ia[0] > ib[1] or ib[0] > ia[1])),
        "own_date_any": float(inc._own_date(a) or inc._own_date(b)),
        "same_place": float(inc._same_place(a, b)),
        "contains": float(inc._contains(a, b)),
        "own_place_both": float(own(a) and own(b)),
        "same_geo": float(bool(la and lb and la.geonameid is not None and la.geonameid == lb.geonameid)),
        "no_loc": float(not la or not lb),
        "dead_eq_many": float(da is not None and da == db and da > 1),
        "dead_eq_one": float(da is not None and da == db and da == 1),
        "dead_differ": float(da is not None and db is not None and da != db),
        "sim": inc._similar(a, b),
        "names": float(bool(inc._proper_names(a) & inc._proper_names(b))),
        "same_sentence": float(a.evidence.sentence == b.evidence.sentence),
        "logdist": math.log1p(gap / 100.0),
        "adjacent_300": float(gap < 300),
        "headline": float(a.evidence.start < headline_end),
        "same_trigger": float((a.evidence.trigger or "").lower() == (b.evidence.trigger or "").lower()),
        "mod_diff": float(a.modality != b.modality),
    }


class LinkModel(SparseSoftmax):
    """Binary logistic regression (classes 'apart', 'same') over ``pair_features``."""

    threshold: float = 0.7
    # where the rules see positive evidence (incidents._together), a lower probability links
    rule_threshold: float = 0.7

    @classmethod
    def load(cls, path: Path = LINK_MODEL_FILE) -> LinkModel:
        d = cls.read(path)
        m = cls(d["classes"], d["weights"], d["bias"], d.get("about", ""))
        m.threshold = float(d.get("threshold", cls.threshold))
        m.rule_threshold = float(d.get("rule_threshold", m.threshold))
        return m

    def to_json(self) -> dict[str, object]:
        return {**super().to_json(), "threshold": self.threshold, "rule_threshold": self.rule_threshold}

    def same(self, a: Event, b: Event, headline_end: int = 0) -> float:
        return self.probabilities(pair_features(a, b, headline_end))[self.classes.index("same")]

    def links(self, a: Event, b: Event, headline_end: int = 0) -> bool:
        """Do two reports that nothing keeps apart tell one incident?"""
        feats = pair_features(a, b, headline_end)  # holds the rules' own verdict: not computed twice
        p = self.probabilities(feats)[self.classes.index("same")]
        return p >= self.threshold or p >= self.rule_threshold and feats["together_rule"] > 0


@lru_cache(maxsize=1)
def default_link_model() -> LinkModel | None:
    """The shipped model, or None when it is switched off (EVENTWIRE_INCIDENT_MODEL=0) or absent: the
    rules of incidents.py then decide alone."""
    if not switch_on("EVENTWIRE_INCIDENT_MODEL", True) or not LINK_MODEL_FILE.exists():
        return None
    return LinkModel.load()
