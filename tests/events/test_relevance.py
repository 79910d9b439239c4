"""The relevance gate (events/relevance.py): it drops the events of a text that reports no codable event and
of sentences that report none, keeps a real attack, leaves its scores on what it keeps, and is switched off
by EVENTWIRE_RELEVANCE=0."""

from __future__ import annotations

import eventwire
from eventwire.events import accept as ac
from eventwire.events import relevance as rv
from eventwire.records import Article

# written for these tests (not taken from any corpus): a quarterly report full of the words of conflict,
# and a plain attack
BUSINESS = ("Northwind Foods beats forecasts as snack sales surge\n"
            "Northwind Foods reported quarterly revenue of $4.2 billion on Thursday, beating analysts' forecasts. "
            "The company said its snack brands captured market share from rivals in every region. "
            "Chief executive Dana Ruiz said the firm would attack new markets in Asia next year. "
            "Shares rose 6 percent in early trading, and the board approved a dividend increase. "
            "Analysts said the results showed the company had won its price war with larger competitors. "
            "The firm plans to open two new factories and hire 900 workers by the end of the year.")
ATTACK = ("Gunmen kill 12 villagers in attack on market in northeast Nigeria\n"
          "Gunmen killed 12 villagers in an attack on a market in Borno state on Tuesday, police said. "
          "The attackers arrived on motorcycles and opened fire on traders, a local official said. "
          "Five people were wounded and taken to a hospital in Maiduguri, the state capital. "
          "No group has claimed responsibility for the attack.")


def _events(pipeline, text: str, monkeypatch, gate: str) -> list:
    monkeypatch.setenv(rv.ENV, gate)
    return pipeline.coder.code(pipeline.nlp(text), Article(article_id="t1", text=text))


def test_the_model_file_loads_and_its_card_names_its_data():
    model = rv.default_model()
    assert model is not None, "data/relevance_model.json ships with the package"
    assert model.article.weights and model.sentence.weights
    assert 0.0 < model.article_threshold < 1.0 and 0.0 < model.sentence_threshold < 1.0
    assert rv.MODEL_FILE.stat().st_size < 1_000_000
    card = rv.MODEL_FILE.with_suffix(".md").read_text(encoding="utf-8")
    for name in ("eval/corpus/dev", "rams", "case2021_task2", "licence"):
        assert name in card


def test_a_business_report_scores_low_and_an_attack_high():
    model = rv.default_model()
    assert model is not None
    business, _, _ = model.scores(BUSINESS)
    attack, spans, sentences = model.scores(ATTACK)
    assert business < model.article_threshold <= attack
    assert len(spans) == 5 and sentences[1] >= model.sentence_threshold


def test_the_gate_drops_a_business_reports_events_and_keeps_the_attack(monkeypatch, pipeline):
    monkeypatch.setenv(ac.ENV, "0")  # the acceptance step would judge them first: the gate alone here
    assert _events(pipeline, BUSINESS, monkeypatch, "0"), "without the gate the coder codes the report"
    assert _events(pipeline, BUSINESS, monkeypatch, "1") == []
    kept = _events(pipeline, ATTACK, monkeypatch, "1")
    assert any(ev.plover_type == "ASSAULT" for ev in kept)
    for ev in kept:
        scores = dict(ev.rules)["relevance"]
        assert scores.startswith("article=") and "sentence=" in scores


def test_the_switch_turns_the_gate_off(monkeypatch, pipeline):
    monkeypatch.setenv(ac.ENV, "0")
    off = _events(pipeline, BUSINESS, monkeypatch, "off")
    assert off and not any(k == "relevance" for ev in off for k, _ in ev.rules)
    for value in ("0", "false", "No"):
        monkeypatch.setenv(rv.ENV, value)
        assert not rv.relevance_on()
    monkeypatch.delenv(rv.ENV)
    assert rv.relevance_on()


def test_a_short_text_is_judged_by_its_sentences_only():
    never = rv.RelevanceModel(rv.Linear({}, -50.0), rv.Linear({}, 50.0), 0.2, 0.05)
    assert rv.keep(0.0, rv.MIN_SENTENCES - 1, 0.9, never)  # a snippet: the article score does not apply
    assert not rv.keep(0.0, rv.MIN_SENTENCES, 0.9, never)
    assert not rv.keep(0.9, rv.MIN_SENTENCES, 0.01, never)


def test_extract_keeps_the_attack_with_its_scores(monkeypatch):
    monkeypatch.delenv(rv.ENV, raising=False)
    recs = [r for r in eventwire.extract(ATTACK, published="2021-03-02") if r["plover_type"] == "ASSAULT"]
    assert recs and "relevance" in recs[0]["explain"]
