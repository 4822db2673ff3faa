"""The contract's records (shared/CONTRACT.md, section 2), defined once.

Every stage of the flow passes these typed records on; `to_dict` gives the contract's JSON shape.
Spans always point into the article text *as given* (the original, before normalisation).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

SCHEMA = "eventdesk/1"


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Article:
    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str | None = "en"
    text_sha256: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": self.published,
            "language": self.language,
            "text_sha256": self.text_sha256,
            "text": self.text,
        }
        if self.warnings:
            data["warnings"] = list(self.warnings)
        return data


@dataclass(slots=True)
class Actor:
    name: str
    type: str | None = None  # ACLED actor category, see knowledge.vocabulary.ACTOR_TYPES
    country: str | None = None  # ISO 3166-1 alpha-2
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    inter: int | None = None  # ACLED actor-type code 1-8 when known

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Person:
    name: str
    role: str | None = None
    organization: str | None = None
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Place:
    name: str
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # GeoNames feature code, or "REGION"
    precision: int | None = None  # ACLED geo precision 1|2|3
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class EventLocation:
    """An event's place: a resolved Place (fields may be null) plus the words it was read from."""

    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None
    precision: int | None = None
    text: str | None = None
    detail: str | None = None  # a finer place named in the text ("Karte Naw, District 8")
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class DateRange:
    start: str | None = None  # ISO date
    end: str | None = None
    precision: int | None = None  # ACLED time precision 1|2|3
    text: str | None = None
    span: Span | None = None
    assumed: bool = False  # True when no date in the text: derived from the publication date

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Count:
    """Fatalities or injuries under ACLED's counting rules."""

    best: int | None = None
    low: int | None = None
    high: int | None = None
    text: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Plover:
    event: str | None = None
    mode: str | None = None
    context: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Event:
    id: str
    event_type: str
    sub_event_type: str
    plover: Plover = field(default_factory=Plover)
    actor1: str | None = None
    assoc_actor1: list[str] = field(default_factory=list)
    actor2: str | None = None
    assoc_actor2: list[str] = field(default_factory=list)
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    target: str | None = None
    date: DateRange = field(default_factory=DateRange)
    location: EventLocation = field(default_factory=EventLocation)
    fatalities: Count = field(default_factory=Count)
    injuries: Count = field(default_factory=Count)
    civilian_targeting: bool = False
    summary: str = ""
    sources: list[str] = field(default_factory=list)
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.0
    trigger: Span | None = None
    actor1_text: Span | None = None  # the words that name actor1 / actor2 in the evidence
    actor2_text: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Action:
    """A PLOVER-coded action that is not an ACLED incident (a demand, a threat, an agreement, a visit...)."""

    plover: Plover
    actor1: str | None = None
    actor2: str | None = None
    actor1_text: Span | None = None
    actor2_text: Span | None = None
    trigger: Span | None = None
    evidence: list[Span] = field(default_factory=list)
    confidence: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Speaker:
    name: str | None = None
    role: str | None = None
    organization: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Statement:
    speaker: Speaker
    cue: str | None
    direct: bool
    content: Span
    speaker_span: Span | None = None
    venue: str | None = None
    about: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Claim:
    subject: str | None
    quantity: str | None
    value: int | float | None
    qualifier: str | None
    period: DateRange
    source: str | None
    evidence: Span

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Media:
    actor: str | None
    kind: str
    evidence: Span
    title: str | None = None
    issue: int | None = None
    duration_minutes: float | None = None
    language: str | None = None
    about: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass(slots=True)
class Result:
    article: Article
    events: list[Event] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    media: list[Media] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)  # PLOVER-only actions (extension of eventdesk/1)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "article": self.article.to_dict(),
            "events": [e.to_dict() for e in self.events],
            "actors": [a.to_dict() for a in self.actors],
            "people": [p.to_dict() for p in self.people],
            "places": [p.to_dict() for p in self.places],
            "statements": [s.to_dict() for s in self.statements],
            "claims": [c.to_dict() for c in self.claims],
            "media": [m.to_dict() for m in self.media],
            "actions": [a.to_dict() for a in self.actions],
        }


def _plain(record: Any) -> dict[str, Any]:
    return {f.name: _value(getattr(record, f.name)) for f in fields(record)}


def _value(value: Any) -> Any:
    if isinstance(value, Span):
        return asdict(value)
    if isinstance(value, list):
        return [_value(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value
