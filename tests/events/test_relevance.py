"""The relevance gate (events/relevance.py): it drops the events of a text that reports no codable event and
of sentences that report none, keeps a real attack, leaves its scores on what it keeps, and is switched off
by EVENTWIRE_RELEVANCE=0."""

from __future__ import annotations

import eventwire
from eventwire.events import accept as ac
from eventwire.events import relevance as rv
from eventwire.records import Article

# written for these tests (not taken from any corpus): two everyday reports and a plain attack
EARNINGS = ("Retailer's profit hit by weak holiday season\n"
            "Brightmart said on Wednesday that its quarterly profit fell 18 percent, hit by weak holiday sales and "
            "higher costs. Revenue slipped to $11.3 billion from $12.1 billion a year earlier, below the average "
            "analyst estimate. The retailer slashed its forecast for the year and said it would shut 40 stores and cut "
            "prices to fight off online rivals. Its shares tumbled 12 percent in after-hours trading. "
            "The chief financial officer told analysts on a conference call that consumers had become more cautious "
            "about spending. The company will report its annual results in March.")
MATCH = ("Rovers edge Athletic in bruising derby\n"
         "Rovers beat Athletic 2-1 in a bruising derby on Saturday, with both sides finishing with ten men. "
         "The home side took the lead after 20 minutes when their striker headed in a corner. "
         "Athletic equalised before the break, but a late penalty settled the match. "
         "The goalkeeper was injured in a collision and carried off on a stretcher. "
         "Rovers climb to third in the table and travel to the league leaders next weekend.")
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
    assert 0.0 < model.article_threshold < 1.0 and 0.0 <= model.sentence_threshold < 1.0
    assert rv.MODEL_FILE.stat().st_size < 1_000_000
    card = rv.MODEL_FILE.with_suffix(".md").read_text(encoding="utf-8")
    for name in ("eval/corpus/dev", "rams", "case2021_task2", "licence"):
        assert name in card


def test_the_shipped_model_scores_everyday_reports_under_its_threshold_and_an_attack_over_it():
    model = rv.default_model()
    assert model is not None
    for report in (EARNINGS, MATCH):
        assert model.scores(report)[0] < model.article_threshold
    attack, spans, sentences = model.scores(ATTACK)
    assert attack >= model.article_threshold
    assert len(spans) == 5 and min(sentences) >= model.sentence_threshold


def test_the_gate_drops_every_event_of_a_report_it_scores_irrelevant_and_keeps_the_attack(monkeypatch, pipeline):
    monkeypatch.setenv(ac.ENV, "0")  # the acceptance step would judge them first: the gate alone here
    events = _events(pipeline, ATTACK, monkeypatch, "0")
    assert any(ev.plover_type == "ASSAULT" for ev in events)
    # an article model that reads this text as company news: the same events go
    company = rv.RelevanceModel(rv.Linear({"a:gunmen": -40.0}, 5.0), rv.Linear({}, 5.0), 0.25, 0.0)
    assert rv.gate(events, ATTACK, company) == []
    # a sentence model that reads the lead as no event: only the lead's events go
    lead = rv.RelevanceModel(rv.Linear({}, 5.0), rv.Linear({"w:gunmen": -40.0}, 5.0), 0.25, 0.05)
    kept = rv.gate(events, ATTACK, lead)
    assert kept and all(rv.sentence_index(rv.sentence_spans(ATTACK), rv.event_anchor(ev)) >= 2 for ev in kept)
    # the shipped gate keeps the attack, and says why
    kept = _events(pipeline, ATTACK, monkeypatch, "1")
    assert any(ev.plover_type == "ASSAULT" for ev in kept)
    for ev in kept:
        scores = dict(ev.rules)["relevance"]
        assert scores.startswith("article=") and "sentence=" in scores


def test_the_switch_turns_the_gate_off(monkeypatch, pipeline):
    monkeypatch.setenv(ac.ENV, "0")
    off = _events(pipeline, ATTACK, monkeypatch, "off")
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
