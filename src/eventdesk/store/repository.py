"""The event database as the rest of eventdesk sees it: store one article's result in one transaction,
tell whether an article is already stored, query events and incidents, edit with an audit trail."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, Select, bindparam, delete, func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from eventdesk.errors import UsageError
from eventdesk.records import Article, Result
from eventdesk.store import incidents
from eventdesk.store.db import open_sessionmaker
from eventdesk.store.incidents import link_event, refresh_incident
from eventdesk.store.linking import LinkRules, load_rules
from eventdesk.store.models import (
    ActorRow,
    ArticleRow,
    AuditRow,
    ClaimRow,
    EventRow,
    IncidentEventRow,
    IncidentRow,
    MediaRow,
    PlaceRow,
    ResultRow,
    StatementRow,
)

EDITABLE_EVENT_FIELDS = (
    "event_type", "sub_event_type", "actor1", "actor2", "fatalities", "civilian_targeting",
)


def content_hash(text: str) -> str:
    """The identity of an article's text: SHA-256 of its words, whitespace and case set aside."""
    return hashlib.sha256(" ".join(text.lower().split()).encode("utf-8", errors="surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for stored events or incidents; None means no filter."""

    since: str | None = None  # ISO date: events ending on or after it
    until: str | None = None  # ISO date: events starting on or before it
    event_type: str | None = None
    actor: str | None = None  # part of an actor1 or actor2 name, any case
    country: str | None = None  # ISO 3166-1 alpha-2
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    text: str | None = None  # full-text search over the articles (events only)
    limit: int | None = None


class Store:
    def __init__(self, url: str | None = None, rules: LinkRules | None = None) -> None:
        self.rules = rules or load_rules()  # incident linking rules (setting `incident_rules`)
        self.sessions: sessionmaker[Session] = open_sessionmaker(url)
        self.engine: Engine = self.sessions.kw["bind"]
        self.dialect = self.engine.dialect.name

    def known(self, article: Article) -> str | None:
        """Why this article is already stored (same URL, or same text), or None when it is new."""
        with self.engine.connect() as connection:
            values = {"url": article.url, "hash": content_hash(article.text)}
            found = connection.execute(_KNOWN, values).first()
        if found is None:
            return None
        return "already stored (same URL)" if article.url and found.url == article.url else (
            "already stored (same text)")

    def known_url(self, url: str) -> str | None:
        with self.engine.connect() as connection:
            found = connection.execute(_KNOWN, {"url": url, "hash": None}).first()
        return "already stored (same URL)" if found else None

    def add(self, result: Result, origin: str | None = None) -> int | None:
        """Store an article with its result, events and incident links in one transaction; the article's
        row id, or None when an article with the same URL or text is already stored."""
        with self.sessions() as session:
            try:
                document = result.to_dict()
                connection = session.connection()
                article_pk = _insert_article(connection, result.article, document, origin)
                _insert_parts(connection, article_pk, document, self.rules)
                session.commit()
            except IntegrityError:
                session.rollback()
                if self.known(result.article):  # stored meanwhile by another process
                    return None
                raise
        return article_pk

    def events(self, query: EventQuery) -> list[tuple[EventRow, ArticleRow, int | None]]:
        """Stored events with their article and incident id, newest first."""
        statement = (
            select(EventRow, ArticleRow, IncidentEventRow.incident_id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
            .outerjoin(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
        )
        statement = self._filtered(statement, EventRow, query)
        if query.text:
            statement = statement.where(ArticleRow.id.in_(self._text_matches(query.text)))
        statement = statement.order_by(EventRow.date_start.desc(), EventRow.id.desc()).limit(query.limit)
        with self.sessions() as session:
            return [tuple(row) for row in session.execute(statement).all()]  # type: ignore[misc]

    def incidents(self, query: EventQuery) -> list[IncidentRow]:
        statement = self._filtered(select(IncidentRow), IncidentRow, query)
        if query.text:
            matching = select(IncidentEventRow.incident_id).join(
                EventRow, EventRow.id == IncidentEventRow.event_pk
            )
            matching = matching.where(EventRow.article_pk.in_(self._text_matches(query.text)))
            statement = statement.where(IncidentRow.id.in_(matching))
        statement = statement.order_by(IncidentRow.date_start, IncidentRow.id).limit(query.limit)
        with self.sessions() as session:
            return list(session.scalars(statement).all())

    def incident_members(self, incident_id: int) -> list[tuple[EventRow, ArticleRow, dict[str, Any]]]:
        statement = (
            select(EventRow, ArticleRow, IncidentEventRow.agreed)
            .join(IncidentEventRow, IncidentEventRow.event_pk == EventRow.id)
            .join(ArticleRow, ArticleRow.id == EventRow.article_pk)
            .where(IncidentEventRow.incident_id == incident_id)
            .order_by(EventRow.id)
        )
        with self.sessions() as session:
            return [tuple(row) for row in session.execute(statement).all()]  # type: ignore[misc]

    def incidents_with_events(self, query: EventQuery) -> Iterator[tuple[IncidentRow, list[dict[str, Any]]]]:
        """Incidents with their member events (contract Event dicts, in the order stored)."""
        incidents = self.incidents(query)
        for start in range(0, len(incidents), 500):
            chunk = incidents[start:start + 500]
            members: dict[int, list[dict[str, Any]]] = {incident.id: [] for incident in chunk}
            statement = (
                select(IncidentEventRow.incident_id, EventRow.data)
                .join(EventRow, EventRow.id == IncidentEventRow.event_pk)
                .where(IncidentEventRow.incident_id.in_(list(members)))
                .order_by(EventRow.id)
            )
            with self.sessions() as session:
                for incident_id, data in session.execute(statement):
                    members[incident_id].append(data)
            yield from ((incident, members[incident.id]) for incident in chunk)

    def documents(self) -> Iterator[dict[str, Any]]:
        """Every stored result document, in the order stored."""
        with self.sessions() as session:
            statement = select(ResultRow.document).order_by(ResultRow.article_pk)
            statement = statement.execution_options(yield_per=200)
            yield from session.scalars(statement)

    def counts(self) -> dict[str, int]:
        with self.sessions() as session:
            return {
                model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
                for model in (ArticleRow, EventRow, IncidentRow, AuditRow)
            }

    def edit_event(self, event_pk: int, changes: dict[str, Any], who: str, reason: str | None = None) -> None:
        """Change an event's fields (column and stored document), keeping the old values in the audit."""
        unknown = set(changes) - set(EDITABLE_EVENT_FIELDS)
        if unknown:
            raise UsageError(f"these event fields cannot be edited: {', '.join(sorted(unknown))}")
        with self.sessions() as session:
            row = session.get(EventRow, event_pk)
            if row is None:
                raise UsageError(f"no event {event_pk}")
            before = {name: getattr(row, name) for name in changes}
            for name, value in changes.items():
                setattr(row, name, value)
            row.data = _edited_document(row.data, changes)
            _refresh_incident_of(session, event_pk)
            session.add(AuditRow(who=who, action="edit", table_name="events", row_id=event_pk,
                                 before=before, after=changes, reason=reason))
            session.commit()

    def unlink(self, event_pk: int, who: str, reason: str | None = None) -> int:
        """Take an event out of its incident (audited); the id of the incident it now forms alone."""
        with self.sessions() as session:
            new_id = incidents.unlink(session, event_pk, who, reason)
            session.commit()
        return new_id

    def link(self, event_pk: int, incident_id: int, who: str, reason: str | None = None) -> None:
        """Move an event into the given incident (audited)."""
        with self.sessions() as session:
            incidents.link(session, event_pk, incident_id, who, reason)
            session.commit()

    def delete_article(self, article_pk: int, who: str, reason: str | None = None) -> None:
        """Delete an article with everything read from it; its incidents are re-derived or removed."""
        with self.sessions() as session:
            article = session.get(ArticleRow, article_pk)
            if article is None:
                raise UsageError(f"no article {article_pk}")
            incident_ids = set(session.scalars(
                select(IncidentEventRow.incident_id).join(EventRow, EventRow.id == IncidentEventRow.event_pk)
                .where(EventRow.article_pk == article_pk)))
            before = {"article_id": article.article_id, "url": article.url, "title": article.title}
            _delete_article_rows(session, article_pk)
            for incident_id in incident_ids:
                refresh_incident(session.connection(), incident_id)
            session.add(AuditRow(who=who, action="delete", table_name="articles", row_id=article_pk,
                                 before=before, after=None, reason=reason))
            session.commit()

    def integrity_problems(self) -> list[str]:
        """What is inconsistent in the database (empty when all is well)."""
        with self.sessions() as session:
            problems = [f"{what}: {n}" for what, n in _orphan_counts(session).items() if n]
            if self.dialect == "sqlite":
                verdict = session.execute(text("PRAGMA integrity_check")).scalar()
                if verdict != "ok":
                    problems.append(f"sqlite integrity_check: {verdict}")
        return problems

    def _filtered(self, statement: Select[Any], model: Any, query: EventQuery) -> Select[Any]:
        if query.since:
            statement = statement.where(model.date_end >= query.since)
        if query.until:
            statement = statement.where(model.date_start <= query.until)
        if query.event_type:
            statement = statement.where(func.lower(model.event_type) == query.event_type.lower())
        if query.actor:
            pattern = f"%{query.actor.lower()}%"
            statement = statement.where(
                func.lower(model.actor1).like(pattern) | func.lower(model.actor2).like(pattern)
            )
        if query.country:
            statement = statement.where(model.country == query.country.upper())
        if query.admin1:
            statement = statement.where(func.lower(model.admin1) == query.admin1.lower())
        if query.bbox:
            west, south, east, north = query.bbox
            statement = statement.where(model.lat.between(south, north), model.lon.between(west, east))
        return statement

    def _text_matches(self, words: str) -> Select[Any]:
        if self.dialect == "postgresql":
            return select(ArticleRow.id).where(
                text("articles.search @@ websearch_to_tsquery('english', :words)").bindparams(words=words)
            )
        phrase = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
        return select(text("rowid")).select_from(text("articles_fts")).where(
            text("articles_fts MATCH :words").bindparams(words=phrase)
        )


_KNOWN = select(ArticleRow.url).where(
    (ArticleRow.url == bindparam("url")) | (ArticleRow.content_hash == bindparam("hash"))).limit(1)
_INSERT_ARTICLE = insert(ArticleRow.__table__).returning(ArticleRow.__table__.c.id)
_INSERT_EVENT = insert(EventRow.__table__).returning(EventRow.__table__.c.id)
_INSERT = {model: insert(model.__table__) for model in (ResultRow, ActorRow, PlaceRow, StatementRow, ClaimRow,
                                                         MediaRow)}


def _insert_article(connection: Connection, article: Article, document: dict[str, Any],
                    origin: str | None) -> int:
    row = {
        "article_id": article.id, "url": article.url, "content_hash": content_hash(article.text),
        "text_sha256": article.text_sha256, "title": article.title, "source": article.source,
        "published": article.published, "language": article.language, "text": article.text, "origin": origin,
    }
    article_pk: int = connection.execute(_INSERT_ARTICLE, row).scalar_one()
    connection.execute(_INSERT[ResultRow], {"article_pk": article_pk, "document": document})
    return article_pk


def _insert_parts(
    connection: Connection, article_pk: int, document: dict[str, Any], rules: LinkRules
) -> None:
    """Bulk inserts (one statement per table) from the result document; then each event is linked."""
    parts: list[tuple[type[Any], list[dict[str, Any]]]] = [
        (ActorRow, [{"name": a["name"], "type": a.get("type"), "country": a.get("country"), "data": a}
                    for a in document["actors"]]),
        (PlaceRow, [{"name": p["name"], "country": p.get("country"), "geonameid": p.get("geonameid"),
                     "data": p} for p in document["places"]]),
        (StatementRow, [{"speaker": (s.get("speaker") or {}).get("name"), "data": s}
                        for s in document["statements"]]),
        (ClaimRow, [{"subject": c.get("subject"), "data": c} for c in document["claims"]]),
        (MediaRow, [{"actor": m.get("actor"), "kind": m["kind"], "data": m} for m in document["media"]]),
    ]
    for model, rows in parts:
        if rows:
            connection.execute(_INSERT[model], [{"article_pk": article_pk, **row} for row in rows])
    for event in document["events"]:
        event_pk = connection.execute(_INSERT_EVENT, event_columns(article_pk, event)).scalar_one()
        link_event(connection, event_pk, article_pk, event, rules)


def event_columns(article_pk: int, event: dict[str, Any]) -> dict[str, Any]:
    """The filterable columns of a contract Event dict, with the whole event kept as JSON."""
    date, where, dead = event.get("date") or {}, event.get("location") or {}, event.get("fatalities") or {}
    return {
        "article_pk": article_pk, "event_id": event["id"], "event_type": event["event_type"],
        "sub_event_type": event.get("sub_event_type"), "actor1": event.get("actor1"),
        "actor2": event.get("actor2"), "date_start": date.get("start"),
        "date_end": date.get("end") or date.get("start"), "date_precision": date.get("precision"),
        "location": where.get("name") or where.get("text"), "country": where.get("country"),
        "admin1": where.get("admin1"), "admin2": where.get("admin2"), "lat": where.get("lat"),
        "lon": where.get("lon"), "geo_precision": where.get("precision"), "fatalities": dead.get("best"),
        "civilian_targeting": bool(event.get("civilian_targeting")), "data": event,
    }


def _edited_document(event: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    edited = {**event, **{name: value for name, value in changes.items() if name != "fatalities"}}
    if "fatalities" in changes:
        edited["fatalities"] = {**(event.get("fatalities") or {}), "best": changes["fatalities"]}
    return edited


def _refresh_incident_of(session: Session, event_pk: int) -> None:
    session.flush()
    link_row = session.get(IncidentEventRow, event_pk)
    if link_row is not None:
        refresh_incident(session.connection(), link_row.incident_id)


def _delete_article_rows(session: Session, article_pk: int) -> None:
    """Explicit deletes, child tables first, so SQLite without foreign-key cascades gives the same result."""
    events = select(EventRow.id).where(EventRow.article_pk == article_pk)
    session.execute(delete(IncidentEventRow).where(IncidentEventRow.event_pk.in_(events)))
    for model in (EventRow, ActorRow, PlaceRow, StatementRow, ClaimRow, MediaRow, ResultRow):
        session.execute(delete(model).where(model.article_pk == article_pk))
    session.execute(delete(ArticleRow).where(ArticleRow.id == article_pk))
    session.flush()


def _orphan_counts(session: Session) -> dict[str, int]:
    def count(statement: Select[Any]) -> int:
        return session.scalar(select(func.count()).select_from(statement.subquery())) or 0

    return {
        "articles without a result": count(select(ArticleRow.id).where(
            ~ArticleRow.id.in_(select(ResultRow.article_pk)))),
        "events without an incident": count(select(EventRow.id).where(
            ~EventRow.id.in_(select(IncidentEventRow.event_pk)))),
        "incidents without events": count(select(IncidentRow.id).where(
            ~IncidentRow.id.in_(select(IncidentEventRow.incident_id)))),
        "events stored twice": count(select(EventRow.article_pk, EventRow.event_id)
                                     .group_by(EventRow.article_pk, EventRow.event_id)
                                     .having(func.count() > 1)),
        "events in a result document but not stored": _missing_events(session),
    }


def _missing_events(session: Session) -> int:
    per_article = select(EventRow.article_pk, func.count()).group_by(EventRow.article_pk)
    stored = dict(session.execute(per_article).all())
    missing = 0
    for article_pk, document in session.execute(select(ResultRow.article_pk, ResultRow.document)):
        missing += max(0, len(document.get("events", [])) - stored.get(article_pk, 0))
    return missing
