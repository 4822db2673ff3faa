"""The event database: URLs, migrations, one transaction per article, idempotency, queries, audit."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from eventdesk.errors import UsageError
from eventdesk.records import Article
from eventdesk.store import EventQuery, Store, content_hash
from eventdesk.store.db import database_url
from eventdesk.store.models import ArticleRow, AuditRow, EventRow
from support_store import KABUL, KANDAHAR, db_url, event, result  # noqa: F401

BOMBING = "A car bomb exploded near a checkpoint in Kandahar on Monday, killing four policemen, police said."
CLASH = "Taliban fighters clashed with police in Kabul on Monday; two officers were killed."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h:5432/d", "postgresql+psycopg://u@h:5432/d"),
        ("postgres://u@h/d", "postgresql+psycopg://u@h/d"),
        ("postgresql+psycopg://u@h/d", "postgresql+psycopg://u@h/d"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("events.db", "sqlite:///events.db"),
    ],
)
def test_database_urls_map_to_drivers(given: str, expected: str) -> None:
    assert database_url(given) == expected


def test_unsupported_database_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="only SQLite and PostgreSQL"):
        Store("mysql://u@h/d")


def test_sqlite_uses_write_ahead_logging(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    with store.sessions() as session:
        assert session.connection().exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_opening_twice_keeps_the_data(db_url: str) -> None:  # noqa: F811
    Store(db_url).add(result("a1", CLASH, event(1, "Battles", actor1="Taliban", actor2="Police")))
    again = Store(db_url)
    assert again.counts()["articles"] == 1
    with again.sessions() as session:
        version = session.connection().exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    assert version == "0001"


def test_same_url_or_same_text_is_known_and_not_stored_twice(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    assert store.add(result("a1", CLASH, url="https://news.example/1")) is not None
    reflowed = "  " + CLASH.replace(" ", "\n", 3).upper() + "\n"
    assert store.known(Article(id="x", text="other words", url="https://news.example/1")) == (
        "already stored (same URL)")
    assert store.known(Article(id="y", text=reflowed)) == "already stored (same text)"
    assert store.known(Article(id="z", text=BOMBING)) is None
    assert store.add(result("a2", reflowed)) is None
    assert store.counts()["articles"] == 1


def test_content_hash_ignores_whitespace_and_case_only() -> None:
    assert content_hash("Two killed in  Kabul.\n") == content_hash("two KILLED in kabul.")
    assert content_hash("Two killed in Kabul.") != content_hash("Three killed in Kabul.")


def test_an_article_is_stored_whole_or_not_at_all(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    broken = event(2)
    broken.event_type = None  # type: ignore[assignment]  # violates NOT NULL after the article row is written
    with pytest.raises(Exception):  # noqa: B017
        store.add(result("a1", CLASH, event(1), broken))
    assert store.counts() == {"articles": 0, "events": 0, "incidents": 0, "audit": 0}
    assert store.integrity_problems() == []


def test_queries_filter_events(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("kabul", CLASH, event(1, "Battles", actor1="Taliban", actor2="Police of Afghanistan",
                                             dead=2)))
    store.add(result("kandahar", BOMBING, event(
        1, "Explosions/Remote violence", "Remote explosive/landmine/IED", day="2024-05-13", where=KANDAHAR,
        place="Kandahar", dead=4)))

    def locations(**filters: object) -> list[str]:
        return sorted(row.location for row, _, _ in store.events(EventQuery(**filters)))  # type: ignore[arg-type]

    assert locations() == ["Kabul", "Kandahar"]
    assert locations(since="2024-05-10") == ["Kandahar"]
    assert locations(until="2024-05-10") == ["Kabul"]
    assert locations(event_type="battles") == ["Kabul"]
    assert locations(actor="police") == ["Kabul"]
    assert locations(country="af", admin1="Kandahar") == ["Kandahar"]
    assert locations(bbox=(65.0, 31.0, 66.0, 32.0)) == ["Kandahar"]
    assert locations(text="checkpoint") == ["Kandahar"]
    assert locations(text="clashed officers") == ["Kabul"]
    assert locations(text="Mosul") == []
    assert len(store.events(EventQuery(limit=1))) == 1


def test_every_part_of_the_result_is_stored(db_url: str) -> None:  # noqa: F811
    from eventdesk.records import Actor, Place, Span

    stored = result("a1", CLASH, event(1, "Battles", actor1="Taliban"))
    stored.actors.append(Actor(name="Taliban", type="rebel_group", mentions=[Span(0, 7, "Taliban")]))
    stored.places.append(Place(name="Kabul", country="AF", lat=KABUL[0], lon=KABUL[1], geonameid=1138958))
    store = Store(db_url)
    store.add(stored, origin="wire.jsonl:1")
    [document] = list(store.documents())
    assert document == stored.to_dict()
    with store.sessions() as session:
        assert session.scalar(select(ArticleRow.origin)) == "wire.jsonl:1"
        assert session.scalar(select(func.count()).select_from(EventRow)) == 1


def test_edits_and_deletions_leave_an_audit_trail(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    pk = store.add(result("a1", CLASH, event(1, "Battles", actor1="Taliban", dead=2)))
    [(row, _, _)] = store.events(EventQuery())
    store.edit_event(row.id, {"fatalities": 3}, who="analyst1", reason="hospital figure")
    [(edited, _, _)] = store.events(EventQuery())
    assert edited.fatalities == 3 and edited.data["fatalities"]["best"] == 3
    assert store.incidents(EventQuery())[0].fatalities == 3
    with pytest.raises(UsageError):
        store.edit_event(row.id, {"summary": "x"}, who="analyst1")
    store.delete_article(pk, who="analyst2", reason="duplicate wire copy")  # type: ignore[arg-type]
    assert store.counts() == {"articles": 0, "events": 0, "incidents": 0, "audit": 2}
    with store.sessions() as session:
        audit = session.scalars(select(AuditRow).order_by(AuditRow.id)).all()
    assert [(a.who, a.action, a.table_name) for a in audit] == [
        ("analyst1", "edit", "events"), ("analyst2", "delete", "articles")]
    assert audit[0].before == {"fatalities": 2} and audit[0].after == {"fatalities": 3}
    assert audit[1].before["article_id"] == "a1" and audit[1].at is not None
    assert store.integrity_problems() == []


def test_migrations_go_down_and_up_again(db_url: str) -> None:  # noqa: F811
    from alembic import command
    from alembic.config import Config

    from eventdesk.store.db import MIGRATIONS, migrate

    store = Store(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with store.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    with store.engine.connect() as connection:
        assert not connection.dialect.has_table(connection, "articles")
    migrate(store.engine)
    assert store.add(result("a1", CLASH, event(1))) is not None
    assert store.events(EventQuery(text="clashed"))
