"""A report copied sentence for sentence into another article (a wire paragraph quoted by an outlet
whose article is otherwise its own) joins the incident of the report it copies, even where the two
articles share no other names and the coders read the date and place differently; each event of a
sentence that tells two events joins its own counterpart; a short sentence, another sentence or
dates that cannot meet keep two reports apart. Every test on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace

import pytest
import sqlalchemy as sa

from eventwire.incidents import passages
from eventwire.records import Evidence
from eventwire.store import Store
from eventwire.store.incident_tables import evidence_keys
from store_samples import V2, make_article, make_event, make_result

SHARED = ("But no sooner was the truce announced than it began to fray, first because of the bombing of "
          "army troops by the coalition near the airport and then because of the bombing of an aid convoy "
          "on the road to the city.")
# Two articles of different outlets around one copied paragraph, with nothing else in common (and
# most of each its own: not copies of one story, which copies.py links).
FIRST = ("Diplomats met in Geneva on Tuesday to discuss the talks, and the envoys of both delegations said "
         "that progress had been slow, that the humanitarian corridors remained closed and that the next "
         "round would depend on what the two capitals decide over the coming weeks of consultations. " + SHARED +
         " Officials in Washington declined to comment on the negotiations with Moscow, saying only that the "
         "administration remained committed to a political settlement and to the delivery of food, water and "
         "medicine to every besieged district before the winter sets in across the region.")
SECOND = ("Opinion: Why the ceasefire never held. Analysts at Chatham House and Brookings disagree about who "
          "is to blame, but most agree that neither side had much reason to keep its promises once the fighting "
          "resumed around the northern suburbs and the monitors left their posts. " + SHARED +
          " Lavrov and Kerry are expected to speak again next month, though few in the region expect much from "
          "another meeting in a Swiss hotel while the shelling goes on and the convoys wait at the border.")


@pytest.fixture
def store(store_url: str):
    s = Store.open(store_url)
    yield s
    s.close()


def _at(text: str, trigger: str, nth: int = 0, sentence: str = SHARED) -> Evidence:
    """The evidence of the ``nth`` occurrence of ``trigger`` inside ``sentence`` in ``text``."""
    at = text.index(sentence)
    pos = at - 1
    for _ in range(nth + 1):
        pos = text.index(trigger, pos + 1)
    return Evidence(sentence=sentence, start=pos, end=pos + len(trigger), trigger=trigger, trigger_start=pos,
                    trigger_end=pos + len(trigger))


def _report(text: str, source: str, published: str, *events: tuple[int, str, dict]):  # type: ignore[no-untyped-def]
    art = make_article(text, published=published, source=source)
    evs = []
    for n, iid, kw in events:
        nth = kw.pop("nth", 0)
        sentence = kw.pop("sentence", SHARED)
        ev = make_event(art, n, incident_id=iid, **{"place": None, "date": None, "recipient": None, **kw})
        evs.append(replace(ev, evidence=_at(text, "bombing", nth, sentence)))
    return make_result(art, *evs)


def _iid(store: Store, article_id: str, n: int) -> str | None:
    evs = sorted(store.iter_events(article_id=article_id), key=lambda e: e["event_id"])
    return evs[n]["incident_id"]


def test_a_copied_sentence_links_each_event_to_its_counterpart(store: Store) -> None:
    # the first report placed and dated by its coder; the second unplaced, dated by its publication
    # date only, its article sharing no distinctive name with the first: the blocks and the context
    # gate would keep the pairs apart
    first = _report(FIRST, "outlet A", "2016-09-28",
                    (0, "i_a1", {"place": ("Deir ez-Zor", "SY", "Deir ez-Zor", 35.33, 40.14),
                                 "date": ("2016-09-17", "2016-09-17")}),
                    (1, "i_a2", {"nth": 1, "place": ("Aleppo", "SY", "Aleppo", 36.2, 37.16),
                                 "date": ("2016-09-19", "2016-09-19")}))
    second = _report(SECOND, "outlet B", "2016-09-19", (0, "i_b1", {}), (1, "i_b2", {"nth": 1}))
    store.add_result(first)
    store.add_result(second)
    a1, a2 = _iid(store, first.article.article_id, 0), _iid(store, first.article.article_id, 1)
    b1, b2 = _iid(store, second.article.article_id, 0), _iid(store, second.article.article_id, 1)
    assert a1 != a2
    assert (b1, b2) == (a1, a2)  # the troops' bombing with the troops', the convoy's with the convoy's
    # re-ingest: nothing moves, no key twice
    store.add_result(second)
    assert (_iid(store, second.article.article_id, 0), _iid(store, second.article.article_id, 1)) == (a1, a2)
    with store.engine.connect() as conn:
        keys = [r.key for r in conn.execute(sa.select(evidence_keys.c.key))]
    assert len(keys) == 4 and len(set(keys)) == 2


@pytest.mark.parametrize("change", ["short sentence", "another sentence", "dates apart", "another country"])
def test_what_keeps_two_reports_of_one_wording_apart(store: Store, change: str) -> None:
    kw: dict = {}
    text2 = SECOND
    if change == "short sentence":  # under passages.MIN_WORDS words: recurs across unrelated reports
        short = "The bombing killed two people."
        assert len(short.split()) < passages.MIN_WORDS
        text1 = FIRST.replace("Officials", short + " Officials")
        text2 = SECOND.replace("Lavrov", short + " Lavrov")
        first = _report(text1, "outlet A", "2016-09-28", (0, "i_a1", {"sentence": short}))
        second = _report(text2, "outlet B", "2016-09-19", (0, "i_b1", {"sentence": short}))
    else:
        if change == "another sentence":
            other = SHARED.replace("the city", "the capital")
            text2 = SECOND.replace(SHARED, other)
            kw = {"sentence": other}
        elif change == "dates apart":
            kw = {"date": ("2016-05-02", "2016-05-02")}
        else:
            kw = {"place": ("Mosul", "IQ", "Nineveh", 36.34, 43.13)}
        first = _report(FIRST, "outlet A", "2016-09-28",
                        (0, "i_a1", {"place": ("Deir ez-Zor", "SY", "Deir ez-Zor", 35.33, 40.14),
                                     "date": ("2016-09-17", "2016-09-17")}))
        second = _report(text2, "outlet B", "2016-09-19", (0, "i_b1", kw))
    store.add_result(first)
    store.add_result(second)
    assert _iid(store, first.article.article_id, 0) != _iid(store, second.article.article_id, 0)


def test_re_extraction_replaces_an_articles_keys(store: Store) -> None:
    first = _report(FIRST, "outlet A", "2016-09-28", (0, "i_a1", {}))
    store.add_result(first)
    assert store.add_result(make_result(first.article), version=V2) == "replaced"  # a new version finds no event
    with store.engine.connect() as conn:
        left = list(conn.execute(sa.select(evidence_keys.c.event_id)))
    assert left == []
    # a later copy of the sentence starts its own incident: nothing stale to join
    second = _report(SECOND, "outlet B", "2016-09-19", (0, "i_b1", {}))
    store.add_result(second)
    assert _iid(store, second.article.article_id, 0) == "i_b1"


def test_in_copies_of_one_story_each_event_of_a_sentence_joins_its_own(store: Store) -> None:
    """Wire copy in two outlets (one story, copies.py): a sentence that tells two events of one type
    links each to its counterpart, not both to the first."""
    copy = FIRST.replace("Diplomats met", "DIPLOMATS met")
    first = _report(FIRST, "outlet A", "2016-09-19", (0, "i_a1", {}), (1, "i_a2", {"nth": 1}))
    second = _report(copy, "outlet B", "2016-09-19", (0, "i_b1", {}), (1, "i_b2", {"nth": 1}))
    store.add_result(first)
    store.add_result(second)
    a = (_iid(store, first.article.article_id, 0), _iid(store, first.article.article_id, 1))
    assert a[0] != a[1]
    assert (_iid(store, second.article.article_id, 0), _iid(store, second.article.article_id, 1)) == a


def test_migrations_0009_and_0010_fill_what_the_linker_writes(store_url: str) -> None:
    """A store taken back to 0008 and upgraded again: the evidence keys (0010) and the incidents'
    countries beside their actor codes (0009) are filled from the stored events as the linker wrote
    them."""
    from alembic import command
    from alembic.config import Config

    from eventwire.store.core import MIGRATIONS
    from eventwire.store.incident_tables import incident_actors
    from incident_samples import two_reports

    def kept(s: Store) -> tuple[list[tuple], list[tuple]]:
        a = incident_actors.c
        with s.engine.connect() as conn:
            return (sorted(map(tuple, conn.execute(sa.select(evidence_keys)))),
                    sorted(map(tuple, conn.execute(sa.select(a.incident_id, a.role, a.country, a.sector,
                                                             a.incident_country)))))

    with Store.open(store_url) as s:
        for r in (*two_reports(), _report(FIRST, "outlet A", "2016-09-19", (0, "i_a1", {}), (1, "i_a2", {"nth": 1})),
                  _report(SECOND, "outlet B", "2016-09-19", (0, "i_b1", {}), (1, "i_b2", {"nth": 1}))):
            s.add_result(r)
        keys, countries = kept(s)
        assert len(keys) == 4 and {c[-1] for c in countries} == {"SY", None}
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with s.writer.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0008")
        with s.engine.connect() as conn:
            assert not sa.inspect(conn).has_table("evidence_keys")
    with Store.open(store_url) as s:
        assert kept(s) == (keys, countries)
