"""The sentence-level proposer: run time scores a sentence as the trained model did, and it can be turned off."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from eventwire.events import proposer as pr
from eventwire.events import train_proposer as tp

SENTENCES = [
    ("Gunmen stormed a village and killed five farmers.", ["ASSAULT"]),
    ("Militants shelled the market, wounding dozens.", ["ASSAULT"]),
    ("Soldiers opened fire on a bus near the border.", ["ASSAULT"]),
    ("Police arrested two men after the raid.", ["COERCE"]),
    ("Officers detained the suspect on Monday.", ["COERCE"]),
    ("The sheriff arrested a woman for burglary.", ["COERCE"]),
    ("The council approved the new school budget.", []),
    ("The weather was mild for the season.", []),
    ("Fans cheered as the team won the cup.", []),
    ("The museum opened a new wing on Sunday.", []),
] * 2


def _model(monkeypatch: pytest.MonkeyPatch) -> tuple[pr.SentenceProposer, np.ndarray]:
    monkeypatch.setattr(tp, "MIN_POSITIVES", 2)
    rows = [{"article": f"a{i}", "text": t, "types": ty} for i, (t, ty) in enumerate(SENTENCES)]
    rng = np.random.default_rng(3)
    vectors = rng.normal(size=(len(rows), 8))
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    return tp.fit(rows, vectors, C=1.0), vectors


def test_run_time_scores_equal_the_trained_regressions(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """The JSON model, read back, gives each sentence the probability scikit-learn's fit gives it."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    model, vectors = _model(monkeypatch)
    model.save(tmp_path / "m.json")
    loaded = pr.SentenceProposer.load(tmp_path / "m.json")
    assert loaded.types == ["ASSAULT", "COERCE"]
    texts = [t for t, _ in SENTENCES]
    vec = TfidfVectorizer(min_df=2, ngram_range=(1, 2), sublinear_tf=True)
    X = hstack([csr_matrix(vectors), vec.fit_transform(texts)]).tocsr()
    for k, t in enumerate(loaded.types):
        clf = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(X, [t in ty for _, ty in SENTENCES])
        want = clf.predict_proba(X)[:, 1]
        got = [loaded.probabilities(text, vectors[i])[k] for i, text in enumerate(texts)]
        assert np.allclose(got, want, atol=0.02), t


def test_a_sure_sentence_proposes_its_type_and_a_quiet_one_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    model, vectors = _model(monkeypatch)
    assert model.propose(SENTENCES[0][0], vectors[0], threshold=0.5) == ("ASSAULT", pytest.approx(
        model.probabilities(SENTENCES[0][0], vectors[0])[0]))
    assert model.propose(SENTENCES[7][0], vectors[7], threshold=0.5) is None


def test_ngrams_are_the_training_vectorisers() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    text = "Police said the 2 suspects (both 19) were arrested; police found a gun."
    analyse = CountVectorizer(ngram_range=(1, 2)).build_analyzer()
    assert pr.ngrams(text) == Counter(analyse(text))


def test_the_proposer_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EVENTWIRE_PROPOSER", "0")
    pr.default_proposer.cache_clear()
    try:
        assert pr.default_proposer() is None
        assert pr.propose_draft(None, None, None) is None  # type: ignore[arg-type]
    finally:
        pr.default_proposer.cache_clear()
