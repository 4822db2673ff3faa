"""Incidents across articles: each stored event joins the incident it agrees with (see linking.py) or
starts one of its own; an analyst can undo a link (`unlink`) or make one (`link`), each with an audit row.
An incident's fields are derived from its member events (`incident_fields`)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Select, and_, bindparam, delete, insert, or_, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import Session

from eventdesk.errors import UsageError
from eventdesk.store.linking import EventFacts, LinkRules, agreement, distance_km, load_rules
from eventdesk.store.models import ArticleRow, AuditRow, EventRow, IncidentEventRow, IncidentRow

KM_PER_DEGREE = 111.0
AUTO = "auto"
PLACE_FIELDS = ("location", "country", "admin1", "admin2", "lat", "lon", "geo_precision")
# what an incident is derived from: these event columns and the reporting article's source and URL
MEMBER_COLUMNS = (
    EventRow.id, EventRow.event_type, EventRow.sub_event_type, EventRow.actor1, EventRow.actor2,
    EventRow.date_start, EventRow.date_end, EventRow.date_precision, EventRow.location, EventRow.country,
    EventRow.admin1, EventRow.admin2, EventRow.lat, EventRow.lon, EventRow.geo_precision, EventRow.fatalities,
    EventRow.civilian_targeting, EventRow.data, ArticleRow.source, ArticleRow.url,
)


# Statements built once, so that each use is a cached, compiled statement (ingest speed).
_INSERT_INCIDENT = insert(IncidentRow.__table__).returning(IncidentRow.__table__.c.id)
_INSERT_LINK = insert(IncidentEventRow.__table__)
_MEMBERS = (
    select(*MEMBER_COLUMNS)
    .join(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
    .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
    .where(IncidentEventRow.incident_id == bindparam("incident"))
    .order_by(EventRow.id)
)
_UPDATE_INCIDENT = update(IncidentRow.__table__).where(IncidentRow.__table__.c.id == bindparam("incident"))
_DELETE_INCIDENT = delete(IncidentRow.__table__).where(IncidentRow.__table__.c.id == bindparam("incident"))


def link_event(connection: Connection, event_pk: int, article_pk: int, event: dict[str, Any],
               rules: LinkRules | None = None) -> None:
    """Put a newly inserted event into the best-agreeing incident, or into an incident of its own."""
    rules = rules or load_rules()
    facts = EventFacts.from_event(article_pk, event)
    best = _best_incident(connection, facts, rules) if facts.linkable else None
    if best is None:
        incident_id, agreed = _new_incident(connection, event["event_type"]), {"new incident": "none agreed"}
    else:
        incident_id, agreed = best
    connection.execute(_INSERT_LINK, {"event_pk": event_pk, "incident_id": incident_id, "agreed": agreed,
                                      "linked_by": AUTO})
    refresh_incident(connection, incident_id)


def _new_incident(connection: Connection, event_type: str) -> int:
    return connection.execute(_INSERT_INCIDENT, {"event_type": event_type, "sources": []}).scalar_one()


def _best_incident(connection: Connection, facts: EventFacts, rules: LinkRules,
                   ) -> tuple[int, dict[str, str]] | None:
    """The incident whose every member agrees with the new event (the nearest, if several)."""
    scored: dict[int, tuple[float, dict[str, str]]] = {}
    blocked: set[int] = set()
    for candidate in _candidates(connection, facts, rules):
        other = EventFacts.from_event(candidate.article_pk, candidate.data)
        agreed = agreement(facts, other, rules)
        if agreed is None:  # includes a member from the same article: a different event of that article
            blocked.add(candidate.incident_id)
            continue
        score = _closeness(facts, other)
        if candidate.incident_id not in scored or score < scored[candidate.incident_id][0]:
            scored[candidate.incident_id] = (score, agreed)
    choices = sorted((score, pk) for pk, (score, _) in scored.items() if pk not in blocked)
    return (choices[0][1], scored[choices[0][1]][1]) if choices else None


def _candidates(connection: Connection, facts: EventFacts, rules: LinkRules) -> Sequence[Row[Any]]:
    """Stored events that overlap in time and lie near, or in the same admin2 (a coarse first cut)."""
    by_point = facts.lat is not None and facts.lon is not None
    values: dict[str, Any] = {"start": facts.date_start, "end": facts.date_end or facts.date_start,
                              "admin2": facts.admin2, "country": facts.country}
    if by_point:
        dlat = rules.max_distance_km / KM_PER_DEGREE
        dlon = dlat / max(0.01, math.cos(math.radians(facts.lat)))  # type: ignore[arg-type]
        values.update(south=facts.lat - dlat, north=facts.lat + dlat,  # type: ignore[operator]
                      west=facts.lon - dlon, east=facts.lon + dlon)  # type: ignore[operator]
    return connection.execute(_candidate_query(by_point, bool(facts.admin2)), values).all()


@lru_cache(maxsize=4)
def _candidate_query(by_point: bool, by_admin2: bool) -> Select[Any]:
    near = []
    if by_point:
        near.append(and_(EventRow.lat.between(bindparam("south"), bindparam("north")),
                         EventRow.lon.between(bindparam("west"), bindparam("east"))))
    if by_admin2:
        near.append(and_(EventRow.admin2 == bindparam("admin2"), EventRow.country == bindparam("country")))
    return (
        select(EventRow.article_pk, EventRow.data, IncidentEventRow.incident_id)
        .join(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
        .where(EventRow.date_start <= bindparam("end"), EventRow.date_end >= bindparam("start"), or_(*near))
        .limit(500)
    )


def _closeness(facts: EventFacts, other: EventFacts) -> float:
    if None in (facts.lat, facts.lon, other.lat, other.lon):
        return math.inf
    return distance_km(facts.lat, facts.lon, other.lat, other.lon)  # type: ignore[arg-type]


def refresh_incident(connection: Connection, incident_id: int) -> None:
    """Re-derive an incident's fields from its member events; an incident left without members is deleted."""
    members = connection.execute(_MEMBERS, {"incident": incident_id}).all()
    if not members:
        connection.execute(_DELETE_INCIDENT, {"incident": incident_id})
        return
    connection.execute(_UPDATE_INCIDENT, {"incident": incident_id, **incident_fields(members)})


def incident_fields(members: Sequence[Any]) -> dict[str, Any]:
    """An incident from its reports: the commonest type, the sharpest date and place, the first named actors,
    fatalities by ACLED's rule (the most conservative report; the range kept) and every source."""
    fields: dict[str, Any] = {}
    (fields["event_type"], fields["sub_event_type"]), _ = Counter(
        (m.event_type, m.sub_event_type) for m in members).most_common(1)[0]
    named = next((m for m in members if m.actor1), members[0])
    fields["actor1"], fields["actor2"] = named.actor1, named.actor2
    dated = [m for m in members if m.date_start]
    sharpest = min(dated, key=lambda m: (m.date_precision or 9, m.id)) if dated else None
    for name in ("date_start", "date_end", "date_precision"):
        fields[name] = getattr(sharpest, name) if sharpest else None
    placed = [m for m in members if m.lat is not None or m.admin1 or m.country]
    best_place = min(placed, key=lambda m: (m.lat is None, m.geo_precision or 9, m.id)) if placed else None
    for name in PLACE_FIELDS:
        fields[name] = getattr(best_place, name) if best_place else None
    fields.update(_fatalities(members))
    fields["civilian_targeting"] = any(m.civilian_targeting for m in members)
    fields["sources"] = sorted({m.source or _host(m.url) or "unknown" for m in members})
    return fields


def _fatalities(members: Sequence[Any]) -> dict[str, int | None]:
    bests = [m.fatalities for m in members if m.fatalities is not None]
    counts = [m.data.get("fatalities") or {} for m in members]
    lows = bests + [c["low"] for c in counts if c.get("low") is not None]
    highs = bests + [c["high"] for c in counts if c.get("high") is not None]
    return {"fatalities": min(bests) if bests else None, "fatalities_low": min(lows) if lows else None,
            "fatalities_high": max(highs) if highs else None}


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None


def unlink(session: Session, event_pk: int, who: str, reason: str | None = None) -> int:
    """Take an event out of its incident into a new incident of its own (an analyst's correction); the
    new incident's id."""
    link_row = _link_of(session, event_pk)
    before = {"incident_id": link_row.incident_id, "agreed": link_row.agreed, "linked_by": link_row.linked_by}
    event_type = session.get_one(EventRow, event_pk).event_type
    new_id = _new_incident(session.connection(), event_type)
    _move(session, link_row, new_id, {"unlinked": f"by {who}"}, who)
    _audit(session, who, "unlink", event_pk, before, {"incident_id": new_id}, reason)
    return new_id


def link(session: Session, event_pk: int, incident_id: int, who: str, reason: str | None = None) -> None:
    """Move an event into a given incident (an analyst's decision, overriding the rules)."""
    if session.get(IncidentRow, incident_id) is None:
        raise UsageError(f"no incident {incident_id}")
    link_row = _link_of(session, event_pk)
    before = {"incident_id": link_row.incident_id, "agreed": link_row.agreed, "linked_by": link_row.linked_by}
    _move(session, link_row, incident_id, {"linked": f"by {who}"}, who)
    _audit(session, who, "link", event_pk, before, {"incident_id": incident_id}, reason)


def _move(session: Session, link_row: IncidentEventRow, incident_id: int, agreed: dict[str, str],
          who: str) -> None:
    old = link_row.incident_id
    link_row.incident_id, link_row.agreed, link_row.linked_by = incident_id, agreed, who
    session.flush()
    refresh_incident(session.connection(), old)
    refresh_incident(session.connection(), incident_id)


def _link_of(session: Session, event_pk: int) -> IncidentEventRow:
    found = session.get(IncidentEventRow, event_pk)
    if found is None:
        raise UsageError(f"event {event_pk} is not stored or belongs to no incident")
    return found


def _audit(session: Session, who: str, action: str, row_id: int, before: dict[str, object],
           after: dict[str, object], reason: str | None) -> None:
    session.add(AuditRow(who=who, action=action, table_name="incident_events", row_id=row_id,
                         before=before, after=after, reason=reason))
