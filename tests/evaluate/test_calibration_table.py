"""The calibration table: band membership, counts and shares on synthetic (confidence, correct) pairs."""

from __future__ import annotations

import random

import pytest

from eventwire.evaluate.calibration import calibration_table, matched_system_events
from eventwire.evaluate.gold import GoldArticle


def _synthetic(n_per_band: dict[tuple[float, float], tuple[int, int]], seed: int = 7) -> list[tuple[float, bool]]:
    rng = random.Random(seed)
    pairs = []
    for (lo, hi), (right, wrong) in n_per_band.items():
        for ok, k in ((True, right), (False, wrong)):
            pairs += [(rng.uniform(lo, min(hi, 1.0) - 1e-9), ok) for _ in range(k)]
    rng.shuffle(pairs)
    return pairs


def test_counts_and_shares_per_band() -> None:
    pairs = _synthetic({(0.0, 0.5): (3, 9), (0.5, 0.8): (10, 10), (0.8, 1.01): (18, 2)})
    rows = calibration_table(pairs)
    assert [r["band"] for r in rows] == ["0.00-0.50", "0.50-0.80", "0.80-1.00"]
    assert [r["n"] for r in rows] == [12, 20, 20]
    assert [r["correct"] for r in rows] == [3, 10, 18]
    assert rows[0]["share"] == pytest.approx(0.25)
    assert rows[2]["share"] == pytest.approx(0.9)
    assert 0.8 <= rows[2]["mean_confidence"] <= 1.0


def test_band_edges_go_to_the_upper_band_and_empty_bands_have_no_share() -> None:
    rows = calibration_table([(0.5, True), (0.8, False), (1.0, True)], bands=((0.0, 0.5), (0.5, 0.8), (0.8, 1.01)))
    assert [r["n"] for r in rows] == [0, 1, 2]
    assert rows[0]["share"] is None and rows[0]["mean_confidence"] is None
    assert rows[2]["share"] == pytest.approx(0.5)


def test_custom_bands_and_out_of_range_confidences() -> None:
    rows = calibration_table([(0.1, True), (0.3, False), (1.5, True)], bands=((0.0, 0.2), (0.2, 1.0)))
    assert [(r["n"], r["correct"]) for r in rows] == [(1, 1), (1, 0)]


def test_gold_matching_is_one_to_one_by_overlap_and_type(tmp_path) -> None:
    text = "Rebels shelled the town. Troops later attacked the village."
    g = GoldArticle(
        path=tmp_path / "x.gold.json", text_path=tmp_path / "x.txt", text=text, meta={},
        events=(
            {"id": "g1", "plover": {"type": "ASSAULT"}, "_span": (0, 24), "required": True},
            {"id": "g2", "plover": {"type": "ASSAULT", "alt_types": ["COERCE"]}, "_span": (25, 59), "required": True},
        ),
        not_events=(),
    )
    events = [
        {"plover_type": "ASSAULT", "evidence": {"start": 0, "end": 24}},
        {"plover_type": "ASSAULT", "evidence": {"start": 2, "end": 20}},  # second event on the same gold: unmatched
        {"plover_type": "COERCE", "evidence": {"start": 25, "end": 59}},  # alt type counts
        {"plover_type": "PROTEST", "evidence": {"start": 25, "end": 59}},  # wrong type
    ]
    assert matched_system_events(g, events) == {0, 2}
