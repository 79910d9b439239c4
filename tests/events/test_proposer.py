"""The sentence-level proposer: run time scores a sentence as the trained model did, and it can be turned off."""

from __future__ import annotations

import json
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


def test_a_type_threshold_in_the_model_file_decides_for_that_type(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    """Per-type thresholds (train_proposer's nested choice) travel in the model file and decide proposals;
    $EVENTWIRE_PROPOSER_THRESHOLD, when set, overrides them."""
    model, vectors = _model(monkeypatch)
    monkeypatch.setattr(pr, "THRESHOLD_SET", False)
    text, v = SENTENCES[0][0], vectors[0]
    p = model.probabilities(text, v)[0]
    model.thresholds = {"ASSAULT": min(p + 0.01, 1.0)}
    model.save(tmp_path / "m.json")
    strict = pr.SentenceProposer.load(tmp_path / "m.json")  # weights rounded to 4 places on saving
    assert strict.thresholds == {"ASSAULT": pytest.approx(min(p + 0.01, 1.0))}
    assert strict.propose(text, v) is None
    p = strict.probabilities(text, v)[0]
    strict.thresholds = {"ASSAULT": p - 0.01}
    assert strict.propose(text, v) == ("ASSAULT", pytest.approx(p))
    monkeypatch.setattr(pr, "THRESHOLD_SET", True)
    monkeypatch.setattr(pr, "THRESHOLD", 1.0)
    assert strict.propose(text, v) is None


def test_the_pipeline_codes_with_the_proposer_only_where_one_is_there(monkeypatch: pytest.MonkeyPatch) -> None:
    model, _ = _model(monkeypatch)
    monkeypatch.setattr(pr, "default_proposer", lambda: model)
    assert pr.coder_class() is pr.ProposingCoder
    monkeypatch.setattr(pr, "default_proposer", lambda: None)  # no file, no encoder, or EVENTWIRE_PROPOSER=0
    assert pr.coder_class() is pr.EventCoder


def test_mention_sentences_are_positives_and_only_exhaustive_sets_give_negatives(tmp_path) -> None:
    """WikiEvents annotates every event (its quiet sentences are negatives); RAMS marks one per passage (only
    its trigger sentence is used); a sentence whose only event has no PLOVER type is left out."""
    text = "Rebels attacked a convoy near the border town. The weather was mild all week long. A bridge was damaged badly in the storm."
    s1, s2, s3 = (0, 46), (47, 82), (83, len(text))
    events = [{"type": "Conflict.Attack.Unspecified", "trigger": {"text": "attacked", "start": 7, "end": 15}},
              {"type": "ArtifactExistence.DamageDestroy.Unspecified", "trigger": {"text": "damaged", "start": 99, "end": 106}}]
    for name, mapping in (("wikievents", "conflict.attack.unspecified\tASSAULT\t\n"),
                          ("rams", "conflict.attack.unspecified\tASSAULT\t\n")):
        folder = tmp_path / "data" / name
        folder.mkdir(parents=True)
        rec = {"id": f"{name}1", "text": text, "sentences": [list(s1), list(s2), list(s3)], "events": events}
        (folder / "dev.jsonl").write_text(json.dumps(rec) + "\n", encoding="utf-8")
        (folder / "plover_mapping.tsv").write_text("source_type\tplover_type\tnote\n" + mapping, encoding="utf-8")
    rows = tp.mention_rows(tmp_path)
    got = {(r["article"].split(":")[0], r["text"][:12]): r["types"] for r in rows}
    assert got == {("wikievents", "Rebels attac"): ["ASSAULT"], ("wikievents", "The weather "): [],
                   ("rams", "Rebels attac"): ["ASSAULT"]}


def test_the_pipeline_takes_the_proposing_coder_when_a_proposer_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventwire.pipeline import Pipeline

    model, _ = _model(monkeypatch)
    monkeypatch.setattr(pr, "default_proposer", lambda: model)
    assert type(Pipeline().coder) is pr.ProposingCoder
    monkeypatch.setattr(pr, "default_proposer", lambda: None)
    assert type(Pipeline().coder) is pr.EventCoder


class _SureOfAnAssault:
    """A stand-in proposer sure that every sentence it reads reports an ASSAULT (the shipped one is not shipped)."""

    types = ["ASSAULT"]

    def propose(self, text: str, embedding: object, threshold: float | None = None) -> tuple[str, float]:
        return ("ASSAULT", 0.95)


def test_a_sentence_no_trigger_word_types_is_coded_by_the_proposer_and_only_with_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """'hammered' is in no lexicon: the word-level coder finds nothing; with a proposer sure of an ASSAULT the
    trigger model's most ASSAULT-like word carries it, the gunmen acting on the soldiers."""
    from eventwire.nlp import minilm
    from eventwire.pipeline import Pipeline

    if not minilm.available():
        pytest.skip("the proposer needs the sentence encoder")
    text = "Gunmen of the Jade Brigade hammered the soldiers guarding Kora on Monday, residents said."
    monkeypatch.setattr(pr, "default_proposer", lambda: None)
    assert Pipeline().extract(text, published="2024-03-05") == []
    monkeypatch.setattr(pr, "default_proposer", lambda: _SureOfAnAssault())
    events = [e.to_dict() for e in Pipeline().extract(text, published="2024-03-05")]
    assert [e["plover_type"] for e in events] == ["ASSAULT"]
    assert events[0]["explain"]["type"].startswith("proposer:hammer")
    assert "Jade Brigade" in " ".join(a["text"] for a in events[0]["actors"])
