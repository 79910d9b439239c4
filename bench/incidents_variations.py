"""How the linker's scorer fares on the usual differences between two reports of one incident.

    .venv/bin/python bench/incidents_variations.py

Base: two outlets' reports of one shelling (tests/incident_samples.py: Zero Hedge and Al-Manar,
Saraqib, 10 February 2020; both coded the same day, town and parties). The second report is varied
the ways the coder's reports of one incident differ (a date from the publication date only, a month,
a province or country for the town, a side left out or unresolved, another evidence sentence) and
each variant is scored against the first (``features.score``) at several levels of shared context
(the distinctive names two articles share: 7 or more count 1.0, 3 count 0.2, 2 or fewer 0). Printed:
the score and whether it links (>= LINK_THRESHOLD), per variant and context level. No store, no
pipeline: the scorer alone, on records as the coder writes them.
"""

from __future__ import annotations

import copy
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from eventwire.incidents import context, features  # noqa: E402
from incident_samples import AM, ZH, two_reports  # noqa: E402

Rec = dict[str, Any]


def _record(result: Any) -> Rec:
    rec = result.events[0].to_dict()
    rec["published"] = result.article.published.isoformat() if result.article.published else None
    return rec


def _date(start: str, end: str, precision: str) -> Callable[[Rec], None]:
    def f(r: Rec) -> None:
        r["date"] = {"start": start, "end": end, "precision": precision}
    return f


def _reported(r: Rec) -> None:
    r["date"] = {"start": r["published"], "end": r["published"], "precision": "reported"}


def _place(**kw: Any) -> Callable[[Rec], None]:
    def f(r: Rec) -> None:
        r["location"].update(geonameid=None, **kw)
    return f


def _drop(role: str) -> Callable[[Rec], None]:
    def f(r: Rec) -> None:
        r["actors"] = [a for a in r["actors"] if a["role"] != role]
    return f


def _actor(role: str, **kw: Any) -> Callable[[Rec], None]:
    def f(r: Rec) -> None:
        for a in r["actors"]:
            if a["role"] == role:
                a.update(kw)
    return f


def _both(*fs: Callable[[Rec], None]) -> Callable[[Rec], None]:
    def f(r: Rec) -> None:
        for g in fs:
            g(r)
    return f


VARIANTS: list[tuple[str, Callable[[Rec], None]]] = [
    ("as coded (same day, town, parties)", lambda r: None),
    ("date: publication date only (reported)", _reported),
    ("date: a week", _date("2020-02-09", "2020-02-15", "week")),
    ("date: the month", _date("2020-02-01", "2020-02-29", "month")),
    ("date: none", lambda r: r.update(date=None)),
    ("place: the province (admin1)", _place(name="Idlib", precision="admin1", lat=35.8, lon=36.6)),
    ("place: the country", _place(name="Syria", precision="country", admin1=None, lat=35.0, lon=38.0)),
    ("place: another town 10 km off", _place(name="Sarmin", lat=35.9, lon=36.72)),
    ("place: none", lambda r: r.update(location=None)),
    ("parties: no actor", _drop("actor")),
    ("parties: no recipient", _drop("recipient")),
    ("parties: none", _both(_drop("actor"), _drop("recipient"))),
    ("parties: actor's country unresolved", _actor("actor", country=None)),
    ("parties: recipient civilians, not soldiers", _actor("recipient", sector="CVL")),
    ("text: another evidence sentence", lambda r: r["evidence"].update(sentence="The army then shelled positions.")),
    ("reported + province", _both(_reported, _place(name="Idlib", precision="admin1", lat=35.8, lon=36.6))),
    ("province + no parties", _both(_place(name="Idlib", precision="admin1", lat=35.8, lon=36.6),
                                    _drop("actor"), _drop("recipient"))),
]
CONTEXTS = (None, 0.4, 0.2, 0.0)  # None: the two sample texts' own overlap


def copied_sentence() -> None:
    """Through a store (SQLite, temporary): the second report's article is otherwise its own (no
    shared name but those of one sentence) and its evidence is a sentence of the first's, word for
    word; the same variants of its date and place as above, with and without that copied sentence."""
    import tempfile
    from dataclasses import replace

    from eventwire.records import Evidence, Place, When
    from eventwire.store import Store
    from store_samples import make_article, make_result

    sentence = ("Syrian government forces shelled a Turkish observation post near Saraqib on Monday, killing "
                "five soldiers, the Turkish Defense Ministry said.")
    own = ("Markets in Istanbul fell sharply at the open as traders weighed the news from the border, and the "
           "lira slipped against the dollar for a third day while bankers in Frankfurt and London watched. ")
    zh, am = two_reports()
    first_text = ZH.replace("Five Turkish soldiers were killed in Idlib on Monday when", "") + " " + sentence
    moved = [
        ("as coded (same day, town)", {}),
        ("date: publication date only, place: none", {"date": None, "location": None}),
        ("date: the month, place: none", {"date": When(dt.date(2020, 2, 1), dt.date(2020, 2, 29), "month"),
                                          "location": None}),
        ("place: the country", {"location": Place("Syria", "Syria", "SY", None, None, None, 35.0, 38.0, "country")}),
        ("date: two months later (dates apart)", {"date": When(dt.date(2020, 4, 10), dt.date(2020, 4, 10), "day")}),
    ]
    print("\nThrough the store: the second article otherwise its own (no shared name outside the sentence)\n")
    print("| second report | evidence: the same sentence | evidence: another sentence |")
    print("| --- | --- | --- |")
    for name, change in moved:
        cells = []
        for copied in (True, False):
            second_text = own + (sentence if copied else sentence.replace("Monday", "Monday night, residents said"))
            at = second_text.index("shelled")
            ev_sentence = second_text[len(own):]
            with tempfile.TemporaryDirectory() as tmp, Store.open(f"sqlite:///{tmp}/s.db") as store:
                a1 = make_article(first_text, published="2020-02-10", source="Zero Hedge")
                i1 = first_text.rindex("shelled")
                ev1 = replace(zh.events[0], article_id=a1.article_id, evidence=Evidence(
                    sentence, i1, i1 + 7, "shelled", i1, i1 + 7))
                store.add_result(make_result(a1, ev1))
                a2 = make_article(second_text, published="2020-02-11", source="Al-Manar")
                ev2 = replace(am.events[0], article_id=a2.article_id, evidence=Evidence(
                    ev_sentence, at, at + 7, "shelled", at, at + 7), **change)
                store.add_result(make_result(a2, ev2))
                ids = {e["article_id"]: e["incident_id"] for e in store.iter_events()}
            cells.append("**link**" if ids[a1.article_id] == ids[a2.article_id] else "no")
        print(f"| {name} | {cells[0]} | {cells[1]} |")


def main() -> None:
    zh, am = two_reports()
    first, second = _record(zh), _record(am)
    own = context.overlap(context.names(ZH), context.names(AM))
    cols = [own if c is None else c for c in CONTEXTS]
    print(f"threshold {features.LINK_THRESHOLD}; context levels: {', '.join(f'{c:.1f}' for c in cols)} "
          f"(the first: the sample texts' own, {len(context.names(ZH) & context.names(AM))} shared names)\n")
    print("| second report | " + " | ".join(f"context {c:.1f}" for c in cols) + " |")
    print("| --- |" + " --- |" * len(cols))
    for name, vary in VARIANTS:
        rec = copy.deepcopy(second)
        vary(rec)
        cells = []
        for c in cols:
            s = features.score(rec, first, context=c)
            cells.append(f"{s.score:.2f} {'**link**' if s.score >= features.LINK_THRESHOLD else 'no'}"
                         + (" (loose date)" if s.why.startswith("loose") else ""))
        print(f"| {name} | " + " | ".join(cells) + " |")
    copied_sentence()


if __name__ == "__main__":
    main()
