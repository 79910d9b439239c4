"""Two outlets reporting one attack (hand-built records for the incident tests; no pipeline)."""

from __future__ import annotations

from eventwire.records import Event, Result
from store_samples import make_article, make_event, make_result

ZH = ("Five Turkish soldiers were killed in Idlib on Monday when Syrian government forces shelled a Turkish "
      "observation post near Saraqib, the Turkish Defense Ministry said. Ankara retaliated against Assad's "
      "positions around Taftanaz and Neirab, Erdogan told reporters in Ankara.")
AM = ("Syrian army artillery hit a Turkish post near Saraqib in Idlib province on Monday, killing seven Turkish "
      "troops, Al-Manar reported. The Turkish army then shelled positions near Taftanaz and Neirab, and "
      "Erdogan threatened a wider operation, according to officials in Ankara.")


def _event(article, n=0, *, iid, date=("2020-02-10", "2020-02-10"), place=("Saraqib", "SY", "Idlib", 35.86, 36.80),
           dead=None, claim=(), **kw) -> Event:
    return make_event(article, n, incident_id=iid, date=date, place=place, dead=dead, claim_source=claim, **kw)


def two_reports(dead=(5, 7)) -> tuple[Result, Result]:
    zh = make_article(ZH, published="2020-02-10", source="Zero Hedge")
    am = make_article(AM, published="2020-02-11", source="Al-Manar")
    return (
        make_result(zh, _event(zh, iid="i_zh", dead=dead[0], claim=("Turkish Defense Ministry",))),
        make_result(am, _event(am, iid="i_am", dead=dead[1], claim=("Al-Manar",))),
    )


class LinkedFakePipeline:
    """The engine tests' stand-in pipeline (ew_fakes), plus within-article incidents as the real
    Pipeline assigns them (events/incidents.py): what `run` hands the store."""

    version = "fake-1"

    def __init__(self) -> None:
        from ew_fakes import FakePipeline

        self.inner = FakePipeline()

    def process(self, articles, batch_size=None):  # type: ignore[no-untyped-def]
        from eventwire.events.incidents import assign_incidents

        for r in self.inner.process(articles, batch_size):
            yield Result(article=r.article, events=tuple(assign_incidents(list(r.events))))
