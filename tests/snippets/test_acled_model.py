"""How the learned ACLED model and the rules share the decision, and how training folds are built."""

from __future__ import annotations

import numpy as np
import pytest

from eventwire.events import acled
from eventwire.events.acled import AcledModel, KindGuess, LinearModel, classify_kind, model_first
from eventwire.events.train_acled import folds, near_duplicate_groups

RULE = KindGuess("Grenade", 0.85, "grenade")


def test_model_first_overrules_a_rule_when_sure() -> None:
    guess = model_first(RULE, {"Armed clash": 0.7, "Grenade": 0.2, "Attack": 0.1})
    assert guess == KindGuess("Armed clash", 0.7, acled.EMBEDDING_RULE)


def test_rule_decides_only_where_the_model_is_unsure() -> None:
    probs = {"Armed clash": 0.25, "Grenade": 0.2, "Attack": 0.2, "Arrests": 0.2, "Mob violence": 0.15}
    guess = model_first(RULE, probs)
    assert guess is not None and guess.kind == "Grenade" and guess.rule == "grenade"
    # No rule: the unsure model still answers, with its low score for callers to weigh.
    alone = model_first(None, probs)
    assert alone is not None and alone.kind == "Armed clash" and alone.score < acled.MODEL_UNSURE


def _tiny(dense: bool) -> dict:
    classes = ["Air/drone strike", "Peaceful protest"]
    if dense:  # dimension 0 points to air strikes, dimension 1 to protests
        rows = [[4.0, -4.0] + [0.0] * 382, [-4.0, 4.0] + [0.0] * 382]
        return {
            "classes": classes,
            "features": [],
            "idf": [],
            "coef": [[], []],
            "intercept": [0, 0],
            "dense_coef": rows,
        }
    return {
        "classes": classes,
        "features": ["march"],
        "idf": [1.0],
        "coef": [[[0, -3.0]], [[0, 3.0]]],
        "intercept": [0, 0],
    }


def test_full_model_reads_the_embedding_sparse_model_the_words() -> None:
    full = LinearModel.from_dict(_tiny(dense=True))
    vec = np.zeros(384, dtype=np.float32)
    vec[0] = 1.0
    assert max(full.probabilities("anything", vec).items(), key=lambda kv: kv[1])[0] == "Air/drone strike"
    with pytest.raises(ValueError, match="embedding"):
        full.probabilities("anything")
    sparse = LinearModel.from_dict(_tiny(dense=False))
    assert sparse.probabilities("they march")["Peaceful protest"] > 0.9


def test_old_single_model_file_still_loads() -> None:
    model = AcledModel.from_dict(_tiny(dense=False))
    assert model.full is None
    probs, embedded = model.probabilities("they march")
    assert not embedded and probs["Peaceful protest"] > 0.9


def test_switching_the_encoder_off_falls_back_to_the_sparse_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(acled.EMBED_ENV, "0")
    model = acled.bundled_model()
    assert model is not None
    _, embedded = model.probabilities("Rebels shelled the town.")
    assert not embedded
    guess = classify_kind("A suicide bomber blew himself up at the gate of the police station.")
    assert guess is not None and guess.kind == "Suicide bomb"


def test_near_duplicates_share_a_fold() -> None:
    lead = "Two suicide bombers blew themselves up near a hospital in Maiduguri on Wednesday morning"
    texts = [
        lead,
        "Reports say " + lead.lower() + ", killing four.",  # the same lead restated
        "Police fired tear gas at students marching in the capital.",
        "An earthquake of magnitude 6 struck the coast.",
        "Fighter jets bombed a fuel depot.",
        "Gunmen kidnapped ten passengers.",
    ]
    groups = near_duplicate_groups(texts)
    assert groups[0] == groups[1] and len(set(groups)) == 5
    kinds = [
        "Suicide bomb",
        "Suicide bomb",
        "Protest with intervention",
        "Natural disaster",
        "Air/drone strike",
        "Abduction/forced disappearance",
    ]
    for seed in range(13, 20):
        fold = folds(kinds, 2, seed, groups)
        assert fold[0] == fold[1]
