"""The records that flow between stages.

Records are frozen dataclasses: a stage never mutates what an earlier stage produced, it returns
new records. ``Event.to_dict`` is the one place the public schema (``eventwire.event/1``) is
written, so every output (CLI, API, exports) carries the same fields.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

SCHEMA_VERSION = "eventwire.event/1"

PLACE_PRECISIONS = ("town", "admin2", "admin1", "country")
DATE_PRECISIONS = ("day", "week", "month", "year", "range", "reported")
MODALITIES = ("asserted", "hypothetical", "future", "negated", "denied", "threatened")


def normalise_text(text: str) -> str:
    """The canonical form an article is stored and hashed in.

    NFC and unified line ends only: offsets into the stored text must stay meaningful to a reader,
    so quotes, dashes and spacing are left as the outlet wrote them.
    """
    text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def article_id_for(text: str) -> str:
    return "a_" + hashlib.sha256(normalise_text(text).strip().encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class Article:
    """One news article as stored: its normalised text and the metadata a user passed along."""

    article_id: str
    text: str
    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str | None = None
    origin: str | None = None  # file path, URL or dump row the article came from

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        published: dt.date | str | None = None,
        source: str | None = None,
        url: str | None = None,
        title: str | None = None,
        origin: str | None = None,
        language: str | None = None,
    ) -> Article:
        norm = normalise_text(text)
        if isinstance(published, str):
            published = parse_iso_date(published)
        return cls(
            article_id=article_id_for(norm),
            text=norm,
            published=published,
            source=source,
            url=url,
            title=title,
            language=language,
            origin=origin,
        )


def parse_iso_date(value: str) -> dt.date:
    from .errors import InputError

    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InputError("E102", f"publication date {value!r} is not an ISO date (YYYY-MM-DD)") from exc


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ActorRef:
    """An actor or recipient of one event, resolved to a country and a PLOVER sector."""

    role: str  # "actor" | "recipient"
    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3, or IGO codes such as "IGO", "UNO"
    sector: str | None = None
    wikidata: str | None = None
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # which rule or entry decided the resolution (explainability)

    def to_dict(self) -> dict[str, Any]:
        return {
            "role": self.role,
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "wikidata": self.wikidata,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
        }


@dataclass(frozen=True)
class Place:
    """A place resolved to GeoNames, or kept as text with null coordinates when it resolves nowhere."""

    text: str
    name: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    admin2: str | None = None
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # town | admin2 | admin1 | country | None
    start: int | None = None
    end: int | None = None
    reason: str | None = None  # why it is null, or how it was chosen

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "admin2": self.admin2,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
            "start": self.start,
            "end": self.end,
            "reason": self.reason,
        }


@dataclass(frozen=True)
class When:
    """An interval the text supports, with how precisely it supports it."""

    start: dt.date | None
    end: dt.date | None
    precision: str | None  # day | week | month | year | range | reported | None
    text: str | None = None
    char_start: int | None = None
    char_end: int | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
            "text": self.text,
        }


@dataclass(frozen=True)
class Size:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None
    dead_lower_bound: bool = False  # "at least 33": 33 is a floor, not an exact count
    injured_lower_bound: bool = False
    vague: tuple[str, ...] = ()  # "dozens", "hundreds": flagged, never turned into numbers
    quantities: tuple[tuple[str, int], ...] = ()  # equipment and targets, e.g. ("tanks_destroyed", 3)

    def to_dict(self) -> dict[str, Any]:
        return {
            "dead": self.dead,
            "injured": self.injured,
            "arrested": self.arrested,
            "dead_lower_bound": self.dead_lower_bound,
            "injured_lower_bound": self.injured_lower_bound,
            "vague": list(self.vague),
            "quantities": dict(self.quantities),
        }

    def is_empty(self) -> bool:
        return self.dead is None and self.injured is None and self.arrested is None


@dataclass(frozen=True)
class Evidence:
    sentence: str
    start: int
    end: int
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None


@dataclass(frozen=True)
class Event:
    """One coded event. ``to_dict`` writes the public record of SCHEMA.md."""

    event_id: str
    article_id: str
    plover_type: str
    plover_mode: str | None
    context: tuple[str, ...]
    acled_event_type: str | None
    acled_sub_event_type: str | None
    cameo_root: str | None
    actors: tuple[ActorRef, ...]
    location: Place | None
    date: When | None
    size: Size
    claim_source: tuple[str, ...]
    modality: str
    confidence: float
    evidence: Evidence
    incident_id: str | None = None
    extractor_version: str = ""
    rules: tuple[tuple[str, str], ...] = ()  # (field, rule name): what decided each part
    source: str | None = None
    published: dt.date | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "event_id": self.event_id,
            "article_id": self.article_id,
            "plover_type": self.plover_type,
            "plover_mode": self.plover_mode,
            "context": list(self.context),
            "acled_event_type": self.acled_event_type,
            "acled_sub_event_type": self.acled_sub_event_type,
            "cameo_root": self.cameo_root,
            "actors": [a.to_dict() for a in self.actors],
            "location": self.location.to_dict() if self.location else None,
            "date": self.date.to_dict() if self.date else None,
            "size": self.size.to_dict(),
            "claim_source": list(self.claim_source),
            "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "evidence": {
                "sentence": self.evidence.sentence,
                "start": self.evidence.start,
                "end": self.evidence.end,
                "trigger": self.evidence.trigger,
                "trigger_start": self.evidence.trigger_start,
                "trigger_end": self.evidence.trigger_end,
            },
            "incident_id": self.incident_id,
            "extractor_version": self.extractor_version,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "explain": {k: v for k, v in self.rules},
        }


@dataclass(frozen=True)
class Failure:
    """An input that could not be processed: kept, reported, and retried on request."""

    origin: str
    code: str
    message: str


@dataclass(frozen=True)
class Result:
    """What the pipeline returns for one article."""

    article: Article
    events: tuple[Event, ...] = field(default_factory=tuple)


def asdict_shallow(obj: Any) -> dict[str, Any]:
    return asdict(obj)
