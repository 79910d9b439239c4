"""The learned pair scorer ($EVENTWIRE_LINK_SCORER=learned, incidents/learned.py): two outlets'
reports of one attack link, a report of another attack in the same country does not, and without
the switch the hand-set rules decide (reports written for these tests)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from eventwire.errors import ConfigError
from eventwire.incidents import features, learned
from eventwire.records import Evidence, Result
from eventwire.store import Store
from incident_samples import _event, two_reports
from store_samples import make_article, make_result

OTHER = ("A car bomb exploded at a vegetable market in Saraqib on Monday, killing three civilians, a local "
         "council spokesman said. Residents described panic as smoke rose over the stalls.")


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = Store.open(f"sqlite:///{tmp_path / 'eventwire.db'}")
    yield s
    s.close()


def _sentences(*results: Result) -> list[Result]:
    """Each report's evidence: its article's first sentence (as the coder quotes it)."""
    out = []
    for r in results:
        end = r.article.text.index(". ") + 1
        ev = replace(r.events[0], evidence=Evidence(sentence=r.article.text[:end], start=0, end=end))
        out.append(replace(r, events=(ev,)))
    return out


def _incidents(store: Store, article_id: str) -> set[str | None]:
    return {e["incident_id"] for e in store.iter_events(article_id=article_id)}


def test_the_switch_picks_the_scorer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(learned.ENV, raising=False)
    assert not learned.enabled()
    monkeypatch.setenv(learned.ENV, "learned")
    assert learned.enabled()
    monkeypatch.setenv(learned.ENV, " Rules ")
    assert not learned.enabled()
    monkeypatch.setenv(learned.ENV, "learnt")
    with pytest.raises(ConfigError) as err:
        learned.enabled()
    assert err.value.code == "E406" and learned.ENV in str(err.value)


def test_two_outlets_on_one_attack_link_with_the_learned_scorer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(learned.ENV, "learned")
    zh, am = _sentences(*two_reports())
    store.add_result(zh)
    store.add_result(am)
    assert _incidents(store, am.article.article_id) == {"i_zh"}


def test_another_attack_in_the_town_that_day_stays_apart_with_the_learned_scorer(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # same town, same day, but nothing else in common (no names shared but the town's): another attack
    monkeypatch.setenv(learned.ENV, "learned")
    zh, _am = _sentences(*two_reports())
    art = make_article(OTHER, published="2020-02-10", source="Enab Baladi")
    (bomb,) = _sentences(make_result(art, _event(art, iid="i_bomb", dead=3)))
    store.add_result(zh)
    store.add_result(bomb)
    assert _incidents(store, art.article_id) == {"i_bomb"}


def test_the_learned_score_rises_with_shared_names_and_keeps_the_loose_date_gate(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # the linker prunes candidates by their score at full context: more shared names never score less
    monkeypatch.setenv(learned.ENV, "learned")
    zh, am = _sentences(*two_reports())
    a, b = zh.events[0].to_dict(), am.events[0].to_dict()
    few, many = features.score(b, a, context=0.2).score, features.score(b, a, context=1.0).score
    assert many > few
    assert many >= features.LINK_THRESHOLD
    undated = {**b, "date": None, "published": None}
    assert features.score(undated, a, context=0.2).why == "loose dates, little shared context"


def test_the_weights_file_holds_numbers_for_the_named_features() -> None:
    raw = json.loads((Path(learned.__file__).with_name("pair_weights.json")).read_text(encoding="utf-8"))
    assert raw["features"] == list(learned.FEATURES)
    assert all(isinstance(w, float | int) for w in [*raw["weights"], raw["intercept"], raw["threshold"]])
