"""Articles and events for the dashboard tests.

The seed article goes through the real pipeline when its event coder is installed and finds events;
otherwise (and always for the small articles written here) events are built by hand, with evidence
offsets found in the text itself so the highlights the browser shows are real spans.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import replace
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.records import ActorRef, Article, Event, Evidence, Place, Result, Size, When

SHARED = Path(
    os.environ.get("EVENTWIRE_SHARED") or Path(__file__).resolve().parents[2] / "../shared"
).resolve()
SEED = SHARED / "corpus/seed/zerohedge-idlib-2020-02-10.txt"

IDLIB = dict(name="Idlib", country="SY", admin1="Idlib", geonameid=169389, lat=35.93, lon=36.63)
SARAQIB = dict(name="Saraqib", country="SY", admin1="Idlib", geonameid=163270, lat=35.8645, lon=36.8059)
INCIDENT = "inc_test_idlib_shelling"
XSS_PAYLOAD = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def make_event(
    article: Article,
    sentence: str,
    *,
    plover_type: str,
    trigger: str,
    actor: tuple[str, str, str, str] | None = None,
    recipient: tuple[str, str, str, str] | None = None,
    place: tuple[str, dict, str] | None = None,
    day: dt.date | None = None,
    dead: int | None = None,
    injured: int | None = None,
    claim: tuple[str, ...] = (),
    incident: str | None = None,
    modality: str = "asserted",
    acled: tuple[str | None, str | None] = (None, None),
    confidence: float = 0.8,
) -> Event:
    """One event whose evidence, actor and place offsets point into ``article.text``."""
    start, end = _span(article.text, sentence)
    actors = []
    for role, spec in (("actor", actor), ("recipient", recipient)):
        if spec:
            text, name, country, sector = spec
            a_start = article.text.index(text, start)
            actors.append(
                ActorRef(
                    role=role,
                    text=text,
                    name=name,
                    country=country,
                    sector=sector,
                    start=a_start,
                    end=a_start + len(text),
                )
            )
    location = None
    if place:
        text, info, precision = place
        p_start = article.text.index(text, start)
        location = Place(text=text, precision=precision, start=p_start, end=p_start + len(text), **info)
    digest = hashlib.sha256(f"{article.article_id}:{start}:{plover_type}".encode()).hexdigest()[:16]
    return Event(
        event_id=f"ev_{digest}",
        article_id=article.article_id,
        plover_type=plover_type,
        plover_mode=None,
        context=("military",) if plover_type in ("ASSAULT", "MOBILIZE") else (),
        acled_event_type=acled[0],
        acled_sub_event_type=acled[1],
        cameo_root=None,
        actors=tuple(actors),
        location=location,
        date=When(start=day, end=day, precision="day") if day else None,
        size=Size(dead=dead, injured=injured),
        claim_source=claim,
        modality=modality,
        confidence=confidence,
        evidence=Evidence(sentence=sentence, start=start, end=end, trigger=trigger),
        incident_id=incident,
        extractor_version="test",
        source=article.source,
        published=article.published,
    )


def seed_article() -> Article:
    return Article.from_text(
        SEED.read_text(encoding="utf-8"),
        published="2020-02-10",
        source="Zero Hedge",
        title="Turkey sends hundreds of tanks into Idlib",
        origin=str(SEED),
    )


def seed_events_by_hand(article: Article) -> tuple[Event, ...]:
    syr_army = ("the Syrian Army", "Syrian Arab Army", "SYR", "MIL")
    return (
        make_event(
            article,
            "the Syrian Army was making major gains inside Idlib in a military offensive condemned by "
            "Turkey and the United States, capturing the key town of Saraqib from al-Qaeda linked Hayat "
            "Tahrir al-Sham",
            plover_type="ASSAULT",
            trigger="capturing",
            actor=syr_army,
            recipient=("Hayat Tahrir al-Sham", "Hayat Tahrir al-Sham", "SYR", "REB"),
            place=("Saraqib", SARAQIB, "town"),
            day=dt.date(2020, 2, 8),
            acled=("Battles", "Government regains territory"),
        ),
        make_event(
            article,
            "Turkey sent hundreds of tanks, armored personnel carriers and commandos to the Syrian "
            "province of Idlib",
            plover_type="MOBILIZE",
            trigger="sent",
            actor=("Turkey", "Turkey", "TUR", "MIL"),
            place=("Idlib", IDLIB, "admin1"),
            day=dt.date(2020, 2, 9),
            confidence=0.7,
        ),
        make_event(
            article,
            "“Five of our troops were killed and five others were injured in the shelling by the "
            "Syrian regime,” the Turkish Defense Ministry said on Monday",
            plover_type="ASSAULT",
            trigger="shelling",
            actor=("the Syrian regime", "Syrian Armed Forces", "SYR", "MIL"),
            recipient=("our troops", "Turkish Armed Forces", "TUR", "MIL"),
            day=dt.date(2020, 2, 10),
            dead=5,
            injured=5,
            claim=("Turkish Defense Ministry",),
            place=None,
            incident=INCIDENT,
            acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
            confidence=0.86,
        ),
        make_event(
            article,
            "101 regime soldiers have been neutralized (i.e. killed)",
            plover_type="ASSAULT",
            trigger="neutralized",
            recipient=("regime soldiers", "Syrian Armed Forces", "SYR", "MIL"),
            day=dt.date(2020, 2, 10),
            dead=101,
            claim=("Daily Sabah",),
            confidence=0.6,
        ),
    )


def located(events: tuple[Event, ...], article: Article) -> tuple[Event, ...]:
    """Give the shelling report a place: the ministry's sentence names none, the paragraph does."""
    out = []
    for ev in events:
        if ev.incident_id == INCIDENT and ev.location is None:
            start = article.text.index("Idlib", article.text.index("Turkey dramatically"))
            ev = replace(
                ev, location=Place(text="Idlib", precision="admin1", start=start, end=start + 5, **IDLIB)
            )
        out.append(ev)
    return tuple(out)


def second_report() -> Result:
    """Another outlet's account of the same shelling, with a different death toll."""
    article = Article.from_text(
        "ANKARA (Wire) - Syrian government artillery killed six Turkish soldiers and wounded seven near Saraqib "
        "in Idlib province on Monday, Turkish officials said, the deadliest attack on Turkish forces in weeks.\n"
        "Turkey responded by shelling Syrian army positions, the officials said.",
        published="2020-02-10",
        source="Wire Service",
        title="Six Turkish soldiers killed in Idlib",
        url="https://example.org/wire/idlib",
    )
    ev = make_event(
        article,
        "Syrian government artillery killed six Turkish soldiers and wounded seven near "
        "Saraqib in Idlib province on Monday, Turkish officials said",
        plover_type="ASSAULT",
        trigger="killed",
        actor=("Syrian government artillery", "Syrian Armed Forces", "SYR", "MIL"),
        recipient=("Turkish soldiers", "Turkish Armed Forces", "TUR", "MIL"),
        place=("Saraqib", SARAQIB, "town"),
        day=dt.date(2020, 2, 10),
        dead=6,
        injured=7,
        claim=("Turkish officials",),
        incident=INCIDENT,
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        confidence=0.9,
    )
    return Result(article=article, events=(ev,))


def ministry_report() -> Result:
    """A third outlet quoting the ministry's lower toll for the same shelling."""
    article = Article.from_text(
        "ISTANBUL - Five Turkish soldiers were killed and five wounded when Syrian regime forces shelled their "
        "positions in Idlib on Monday, the Turkish Defense Ministry said.",
        published="2020-02-10",
        source="Daily Courier",
        title="Five soldiers killed in Idlib shelling",
    )
    ev = make_event(
        article,
        article.text.split(" - ", 1)[1].rstrip("."),
        plover_type="ASSAULT",
        trigger="shelled",
        actor=("Syrian regime forces", "Syrian Armed Forces", "SYR", "MIL"),
        recipient=("Turkish soldiers", "Turkish Armed Forces", "TUR", "MIL"),
        place=("Idlib", IDLIB, "admin1"),
        day=dt.date(2020, 2, 10),
        dead=5,
        injured=5,
        claim=("Turkish Defense Ministry",),
        incident=INCIDENT,
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        confidence=0.85,
    )
    return Result(article=article, events=(ev,))


def hostile_report() -> Result:
    """An article whose text and metadata carry markup that must show as text, never run."""
    article = Article.from_text(
        f"Protesters gathered in Aleppo on Sunday. {XSS_PAYLOAD} Police arrested 12 people at the protest.",
        published="2020-02-09",
        source='<script>window.__pwned = 3</script>Evil "Times"',
        title='<img src=x onerror="window.__pwned = 4">Headline',
        url="javascript:window.__pwned = 5",
    )
    ev = make_event(
        article,
        f"Aleppo on Sunday. {XSS_PAYLOAD} Police arrested 12 people",
        plover_type="COERCE",
        trigger="arrested",
        actor=("Police", '<b onmouseover="window.__pwned=6">Police</b>', "SYR", "COP"),
        place=(
            "Aleppo",
            dict(name="<i>Aleppo</i>", country="SY", admin1="Aleppo", lat=36.2, lon=37.16),
            "town",
        ),
        day=dt.date(2020, 2, 9),
        claim=("<script>window.__pwned=7</script>",),
    )
    return Result(article=article, events=(ev,))


def seed_result() -> tuple[Result, bool]:
    """The seed article and its events; the flag says whether the real pipeline produced them."""
    article = seed_article()
    try:
        from eventwire.pipeline import Pipeline

        events = tuple(Pipeline().extract_article(article))
    except (ImportError, AttributeError, NotImplementedError, EventwireError):
        # The coder is built by another area; until it is installed the seed events are hand-made.
        events = ()
    if events and any(e.location and e.location.lat is not None for e in events):
        return Result(article=article, events=events), True
    return Result(article=article, events=located(seed_events_by_hand(article), article)), False
