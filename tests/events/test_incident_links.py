"""Reports of one incident within an article share an incident id, decided by the learned link model on top
of the rules that keep reports apart (issue 10, within-article consolidation); on sentences the team wrote."""

from __future__ import annotations

import pytest

import eventwire
from eventwire.events import incident_links as il


def _incidents(text: str) -> list[str]:
    recs = [r for r in eventwire.extract(text, published="2021-03-02") if r["plover_type"] == "ASSAULT"]
    assert len(recs) >= 2, recs
    return [r["incident_id"] for r in recs]


def test_a_headline_and_the_lead_that_restates_it_are_one_incident() -> None:
    ids = _incidents("Taliban attack kills five soldiers in Kandahar\n"
                     "Taliban fighters attacked an army checkpoint in Kandahar province on Monday, "
                     "killing five soldiers, officials said.")
    assert len(set(ids)) == 1


def test_attacks_in_two_countries_on_two_days_stay_two_incidents() -> None:
    ids = _incidents("Gunmen killed four policemen in Peshawar on Monday. "
                     "In a separate incident, a car bomb killed nine people in Baghdad on Friday.")
    assert len(set(ids)) == 2


def test_the_shipped_model_is_read_and_can_be_switched_off(monkeypatch: pytest.MonkeyPatch) -> None:
    model = il.default_link_model()
    assert model is not None and model.classes == ["apart", "same"] and 0.5 <= model.threshold < 1.0
    monkeypatch.setenv("EVENTWIRE_INCIDENT_MODEL", "0")
    il.default_link_model.cache_clear()
    try:
        assert il.default_link_model() is None
    finally:
        monkeypatch.delenv("EVENTWIRE_INCIDENT_MODEL")
        il.default_link_model.cache_clear()


def test_the_training_script_refuses_the_test_split(tmp_path) -> None:
    from eventwire.events.train_incidents import load_articles

    with pytest.raises(SystemExit):
        load_articles((tmp_path / "eval" / "corpus" / "test",))
