"""Hand-built records for store and API tests (no pipeline needed)."""

from __future__ import annotations

import datetime as dt

from eventwire.records import ActorRef, Article, Event, Evidence, Place, Result, Size, When

V1 = "eventwire-test+1"
V2 = "eventwire-test+2"


def make_article(text: str, **meta: object) -> Article:
    return Article.from_text(text, **meta)  # type: ignore[arg-type]


def make_event(
    article: Article,
    n: int = 0,
    *,
    version: str = V1,
    plover_type: str = "ASSAULT",
    acled: tuple[str | None, str | None] = ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    actor: tuple[str, str | None, str | None] = ("Syrian Armed Forces", "SYR", "MIL"),
    recipient: tuple[str, str | None, str | None] | None = ("Turkish Armed Forces", "TUR", "MIL"),
    place: tuple[str, str | None, str | None, float | None, float | None] | None = ("Idlib", "SY", "Idlib", 35.83, 36.66),
    date: tuple[str, str] | None = ("2020-02-10", "2020-02-10"),
    dead: int | None = None,
    injured: int | None = None,
    claim_source: tuple[str, ...] = (),
    confidence: float = 0.8,
    incident_id: str | None = None,
    modality: str = "asserted",
) -> Event:
    actors = [ActorRef(role="actor", text=actor[0], name=actor[0], country=actor[1], sector=actor[2])]
    if recipient:
        actors.append(ActorRef(role="recipient", text=recipient[0], name=recipient[0], country=recipient[1],
                               sector=recipient[2]))
    loc = None
    if place:
        name, country, admin1, lat, lon = place
        loc = Place(text=name, name=name, country=country, admin1=admin1, lat=lat, lon=lon,
                    precision="town" if lat is not None else None)
    when = None
    if date:
        when = When(start=dt.date.fromisoformat(date[0]), end=dt.date.fromisoformat(date[1]), precision="day")
    start = min(n * 10, max(len(article.text) - 1, 0))
    end = min(start + 10, len(article.text))
    return Event(
        event_id=f"e_{article.article_id[2:14]}_{version[-1]}_{n}",
        article_id=article.article_id,
        plover_type=plover_type,
        plover_mode=None,
        context=(),
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        cameo_root="19",
        actors=tuple(actors),
        location=loc,
        date=when,
        size=Size(dead=dead, injured=injured),
        claim_source=claim_source,
        modality=modality,
        confidence=confidence,
        evidence=Evidence(sentence=article.text[start:end], start=start, end=end),
        incident_id=incident_id,
        extractor_version=version,
        published=article.published,
    )


def make_result(article: Article, *events: Event) -> Result:
    return Result(article=article, events=tuple(events))


def sample_results() -> list[Result]:
    """Three articles, five events over two countries, with casualties, claims and an incident."""
    a1 = make_article("Syrian shelling hit Idlib on Monday, killing five Turkish soldiers.",
                      published="2020-02-11", source="Reuters", title="Idlib shelling")
    a2 = make_article("Police arrested protesters in Kyiv after a rally; an airstrike hit Kharkiv.",
                      published="2022-03-02", source="AP")
    a3 = make_article("Turkish drones struck convoys near Saraqib, the ministry said.",
                      published="2020-02-28", source="Anadolu")
    return [
        make_result(
            a1,
            make_event(a1, 0, dead=5, injured=5, claim_source=("Turkish Defense Ministry",), incident_id="inc_idlib"),
        ),
        make_result(
            a2,
            make_event(a2, 0, plover_type="PROTEST", acled=("Protests", "Peaceful protest"),
                       actor=("protesters", "UKR", "CVL"), recipient=None,
                       place=("Kyiv", "UA", "Kyiv City", 50.45, 30.52), date=("2022-03-01", "2022-03-01"),
                       confidence=0.6),
            make_event(a2, 1, plover_type="ASSAULT", acled=("Explosions/Remote violence", "Air/drone strike"),
                       actor=("Russian Armed Forces", "RUS", "MIL"), recipient=None,
                       place=("Kharkiv", "UA", "Kharkiv", 49.99, 36.23), date=("2022-03-01", "2022-03-02"),
                       dead=3, confidence=0.9),
        ),
        make_result(
            a3,
            make_event(a3, 0, acled=("Explosions/Remote violence", "Air/drone strike"),
                       actor=("Turkish Armed Forces", "TUR", "MIL"), recipient=("Syrian Armed Forces", "SYR", "MIL"),
                       place=("Saraqib", "SY", "Idlib", 35.86, 36.80), date=("2020-02-27", "2020-02-27"),
                       claim_source=("Turkish Defense Ministry",), incident_id="inc_idlib", dead=30),
            make_event(a3, 1, plover_type="THREATEN", acled=(None, None), place=None, date=None,
                       modality="threatened", confidence=0.4),
        ),
    ]
