"""Whether two events describe the same incident: a pure decision on a few facts of each, explained by the
fields that agreed. The database side (candidates, incidents, unlinking) is in eventdesk.store.incidents."""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "incident_linking.toml"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class LinkRules:
    max_distance_km: float
    compatible_types: frozenset[frozenset[str]]
    sub_event_type_must_agree: frozenset[str]
    ignored_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class EventFacts:
    """What linking looks at in one event."""

    article: int
    event_type: str
    sub_event_type: str | None
    date_start: str | None
    date_end: str | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    admin2: str | None
    actors: tuple[str, ...]
    site: str | None  # the finer place or target named ("the central market")

    @classmethod
    def from_event(cls, article: int, event: dict[str, Any]) -> EventFacts:
        """From a contract Event dict (Event.to_dict())."""
        date, where = event.get("date") or {}, event.get("location") or {}
        actors = [event.get("actor1"), event.get("actor2"), *event.get("assoc_actor1", []),
                  *event.get("assoc_actor2", [])]
        return cls(
            article=article,
            event_type=event["event_type"],
            sub_event_type=event.get("sub_event_type"),
            date_start=date.get("start"),
            date_end=date.get("end") or date.get("start"),
            lat=where.get("lat"),
            lon=where.get("lon"),
            country=where.get("country"),
            admin1=where.get("admin1"),
            admin2=where.get("admin2"),
            actors=tuple(a for a in actors if a),
            site=where.get("detail") or event.get("target"),
        )

    @property
    def linkable(self) -> bool:
        """Enough is known to say where and when: without both, no link is made."""
        located = self.lat is not None and self.lon is not None
        return bool(self.date_start) and (located or bool(self.admin2))


@lru_cache(maxsize=4)
def load_rules(path: str | None = None) -> LinkRules:
    chosen = Path(path or RULES_FILE)
    with chosen.open("rb") as handle:
        data = tomllib.load(handle)
    return LinkRules(
        max_distance_km=float(data["max_distance_km"]),
        compatible_types=frozenset(frozenset(pair) for pair in data["compatible_types"]),
        sub_event_type_must_agree=frozenset(data["sub_event_type_must_agree"]),
        ignored_words=frozenset(w.lower() for w in data["ignored_words"]),
    )


def agreement(a: EventFacts, b: EventFacts, rules: LinkRules) -> dict[str, str] | None:
    """The fields on which `a` and `b` agree, as {field: how}, when they are one incident; None otherwise."""
    if a.article == b.article or not (a.linkable and b.linkable):
        return None
    checks = (
        ("date", _dates_agree(a, b)),
        ("place", _places_agree(a, b, rules)),
        ("type", _types_agree(a, b, rules)),
        ("actors", _actors_agree(a, b, rules)),
        ("site", _sites_agree(a, b, rules)),
    )
    agreed = {name: how for name, how in checks if how}
    if len(agreed) < len(checks):
        return None
    if a.event_type != b.event_type and not _positive(agreed):
        return None  # different (if compatible) types need a shared actor or site as well
    return agreed


def _positive(agreed: dict[str, str]) -> bool:
    return agreed["actors"].startswith("shared") or agreed["site"].startswith("same")


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _dates_agree(a: EventFacts, b: EventFacts) -> str | None:
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    if a.date_start <= b_end and b.date_start <= a_end:  # type: ignore[operator]
        return "same day" if a.date_start == a_end == b.date_start == b_end else "overlapping dates"
    return None


def _places_agree(a: EventFacts, b: EventFacts, rules: LinkRules) -> str | None:
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        km = distance_km(a.lat, a.lon, b.lat, b.lon)
        if km <= rules.max_distance_km:
            return f"{km:.1f} km apart"
    if a.admin2 and a.admin2 == b.admin2 and a.country == b.country and a.admin1 == b.admin1:
        return f"same admin2 ({a.admin2})"
    return None


def _types_agree(a: EventFacts, b: EventFacts, rules: LinkRules) -> str | None:
    if a.event_type == b.event_type:
        if a.event_type in rules.sub_event_type_must_agree and a.sub_event_type != b.sub_event_type:
            return None
        return f"same type ({a.event_type})"
    if frozenset((a.event_type, b.event_type)) in rules.compatible_types:
        return f"compatible types ({a.event_type} / {b.event_type})"
    return None


def _actors_agree(a: EventFacts, b: EventFacts, rules: LinkRules) -> str | None:
    if not a.actors or not b.actors:
        return "actors not contradicted"
    shared = [x for x in a.actors if any(_names_match(x, y, rules) for y in b.actors)]
    return f"shared actors ({', '.join(shared)})" if shared else None


def _sites_agree(a: EventFacts, b: EventFacts, rules: LinkRules) -> str | None:
    if not a.site or not b.site:
        return "site not contradicted"
    if _words(a.site, rules) & _words(b.site, rules):
        return f"same site ({a.site})"
    return None


def _names_match(x: str, y: str, rules: LinkRules) -> bool:
    wx, wy = _words(x, rules), _words(y, rules)
    return bool(wx and wy) and (wx <= wy or wy <= wx)


def _words(name: str, rules: LinkRules) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(name.lower()) if w not in rules.ignored_words)
