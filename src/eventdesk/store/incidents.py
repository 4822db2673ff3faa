"""Incidents across articles: each stored event joins the incident it agrees with (see linking.py) or
starts one of its own; an analyst can undo a link (`unlink`) or make one (`link`), each with an audit row."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from eventdesk.errors import UsageError
from eventdesk.store.linking import EventFacts, LinkRules, agreement, distance_km, load_rules
from eventdesk.store.models import ArticleRow, AuditRow, EventRow, IncidentEventRow, IncidentRow

KM_PER_DEGREE = 111.0
AUTO = "auto"


def facts_of(row: EventRow) -> EventFacts:
    return EventFacts.from_event(row.article_pk, row.data)


def link_event(session: Session, row: EventRow, rules: LinkRules | None = None) -> IncidentEventRow:
    """Put a new (flushed) event into the best-agreeing incident, or into a new one."""
    rules = rules or load_rules()
    facts = facts_of(row)
    best = _best_incident(session, facts, rules) if facts.linkable else None
    if best is None:
        incident, agreed = _new_incident(session, row), {"new incident": "no other report agreed"}
    else:
        incident, agreed = best
    link = IncidentEventRow(event_pk=row.id, incident_id=incident.id, agreed=agreed, linked_by=AUTO)
    session.add(link)
    session.flush()
    refresh_incident(session, incident)
    return link


def _best_incident(
    session: Session, facts: EventFacts, rules: LinkRules
) -> tuple[IncidentRow, dict[str, str]] | None:
    """The incident whose every member agrees with the new event (the nearest, if several)."""
    scored: dict[int, tuple[float, dict[str, str]]] = {}
    blocked: set[int] = set()
    for candidate, incident_id in _candidates(session, facts, rules):
        agreed = agreement(facts, facts_of(candidate), rules)
        if agreed is None:  # includes a member from the same article: a different event of that article
            blocked.add(incident_id)
            continue
        score = _closeness(facts, candidate)
        if incident_id not in scored or score < scored[incident_id][0]:
            scored[incident_id] = (score, agreed)
    choices = sorted((score, pk) for pk, (score, _) in scored.items() if pk not in blocked)
    if not choices:
        return None
    incident_id = choices[0][1]
    return session.get_one(IncidentRow, incident_id), scored[incident_id][1]


def _candidates(session: Session, facts: EventFacts, rules: LinkRules) -> Sequence[tuple[EventRow, int]]:
    """Stored events that overlap in time and lie near, or in the same admin2 (a coarse first cut)."""
    near = []
    if facts.lat is not None and facts.lon is not None:
        dlat = rules.max_distance_km / KM_PER_DEGREE
        dlon = dlat / max(0.01, math.cos(math.radians(facts.lat)))
        near.append(and_(EventRow.lat.between(facts.lat - dlat, facts.lat + dlat),
                         EventRow.lon.between(facts.lon - dlon, facts.lon + dlon)))
    if facts.admin2:
        near.append(and_(EventRow.admin2 == facts.admin2, EventRow.country == facts.country))
    query = (
        select(EventRow, IncidentEventRow.incident_id)
        .join(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
        .where(EventRow.date_start <= (facts.date_end or facts.date_start))
        .where(EventRow.date_end >= facts.date_start)
        .where(or_(*near))
        .limit(500)
    )
    return [(event, incident_id) for event, incident_id in session.execute(query).all()]


def _closeness(facts: EventFacts, other: EventRow) -> float:
    if None in (facts.lat, facts.lon, other.lat, other.lon):
        return math.inf
    return distance_km(facts.lat, facts.lon, other.lat, other.lon)  # type: ignore[arg-type]


def _new_incident(session: Session, row: EventRow) -> IncidentRow:
    incident = IncidentRow(event_type=row.event_type, sources=[])
    session.add(incident)
    session.flush()
    return incident


def refresh_incident(session: Session, incident: IncidentRow) -> None:
    """Derive an incident's fields from its member events; an incident left without members is deleted."""
    members = session.execute(
        select(EventRow, ArticleRow.source, ArticleRow.url)
        .join(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
        .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
        .where(IncidentEventRow.incident_id == incident.id)
        .order_by(EventRow.id)
    ).all()
    if not members:
        session.delete(incident)
        return
    events = [event for event, _, _ in members]
    _copy_type(incident, events)
    _copy_date(incident, events)
    _copy_place(incident, events)
    _copy_fatalities(incident, events)
    incident.civilian_targeting = any(e.civilian_targeting for e in events)
    incident.sources = sorted({source or _host(url) or "unknown" for _, source, url in members})


def _copy_type(incident: IncidentRow, events: list[EventRow]) -> None:
    counts = Counter((e.event_type, e.sub_event_type) for e in events)
    (incident.event_type, incident.sub_event_type), _ = counts.most_common(1)[0]
    with_actors = [e for e in events if e.actor1]
    first = with_actors[0] if with_actors else events[0]
    incident.actor1, incident.actor2 = first.actor1, first.actor2


def _copy_date(incident: IncidentRow, events: list[EventRow]) -> None:
    dated = [e for e in events if e.date_start]
    if not dated:
        incident.date_start = incident.date_end = incident.date_precision = None
        return
    sharpest = min(dated, key=lambda e: (e.date_precision or 9, e.id))
    incident.date_start, incident.date_end = sharpest.date_start, sharpest.date_end
    incident.date_precision = sharpest.date_precision


def _copy_place(incident: IncidentRow, events: list[EventRow]) -> None:
    placed = [e for e in events if e.lat is not None or e.admin1 or e.country]
    if not placed:
        return
    sharpest = min(placed, key=lambda e: (e.lat is None, e.geo_precision or 9, e.id))
    for name in ("location", "country", "admin1", "admin2", "lat", "lon", "geo_precision"):
        setattr(incident, name, getattr(sharpest, name))


def _copy_fatalities(incident: IncidentRow, events: list[EventRow]) -> None:
    """ACLED's rule: the most conservative reported figure; the range of reports is kept."""
    bests = [e.fatalities for e in events if e.fatalities is not None]
    counts = [e.data.get("fatalities") or {} for e in events]
    lows = bests + [c["low"] for c in counts if c.get("low") is not None]
    highs = bests + [c["high"] for c in counts if c.get("high") is not None]
    incident.fatalities = min(bests) if bests else None
    incident.fatalities_low = min(lows) if lows else None
    incident.fatalities_high = max(highs) if highs else None


def _host(url: str | None) -> str | None:
    from urllib.parse import urlsplit

    return urlsplit(url).hostname if url else None


def unlink(session: Session, event_pk: int, who: str, reason: str | None = None) -> IncidentRow:
    """Take an event out of its incident into a new incident of its own (an analyst's correction)."""
    link = _link_of(session, event_pk)
    old = session.get_one(IncidentRow, link.incident_id)
    event = session.get_one(EventRow, event_pk)
    before = {"incident_id": old.id, "agreed": link.agreed, "linked_by": link.linked_by}
    new = _new_incident(session, event)
    link.incident_id, link.agreed, link.linked_by = new.id, {"unlinked": f"by {who}"}, who
    session.flush()
    refresh_incident(session, old)
    refresh_incident(session, new)
    _audit(session, who, "unlink", event_pk, before, {"incident_id": new.id}, reason)
    return new


def link(session: Session, event_pk: int, incident_id: int, who: str, reason: str | None = None) -> None:
    """Move an event into a given incident (an analyst's decision, overriding the rules)."""
    target = session.get(IncidentRow, incident_id)
    if target is None:
        raise UsageError(f"no incident {incident_id}")
    current = _link_of(session, event_pk)
    old = session.get_one(IncidentRow, current.incident_id)
    before = {"incident_id": old.id, "agreed": current.agreed, "linked_by": current.linked_by}
    current.incident_id, current.agreed, current.linked_by = incident_id, {"linked": f"by {who}"}, who
    session.flush()
    refresh_incident(session, old)
    refresh_incident(session, target)
    _audit(session, who, "link", event_pk, before, {"incident_id": incident_id}, reason)


def _link_of(session: Session, event_pk: int) -> IncidentEventRow:
    found = session.get(IncidentEventRow, event_pk)
    if found is None:
        raise UsageError(f"event {event_pk} is not stored or belongs to no incident")
    return found


def _audit(session: Session, who: str, action: str, row_id: int, before: dict[str, object],
           after: dict[str, object], reason: str | None) -> None:
    session.add(AuditRow(who=who, action=action, table_name="incident_events", row_id=row_id,
                         before=before, after=after, reason=reason))
