"""Opening the event database: URL handling, engine settings, and migrations run on open."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from eventdesk.errors import UsageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def database_url(raw: str) -> str:
    """A user's database URL or file path as an SQLAlchemy URL: plain postgres URLs use psycopg 3,
    a bare path means an SQLite file."""
    if "://" not in raw:
        return f"sqlite:///{raw}"
    scheme, rest = raw.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return raw


def create_store_engine(raw_url: str) -> Engine:
    url = database_url(raw_url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UsageError(f"{raw_url!r} is not a database URL") from None
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if parsed.get_backend_name() != "postgresql":
        raise UsageError(f"{raw_url!r}: only SQLite and PostgreSQL databases are supported")
    return create_engine(url, pool_pre_ping=True)


def _sqlite_engine(url: str, database: str | None) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).expanduser().resolve().parent
        if not folder.is_dir():
            raise UsageError(f"{database}: folder {folder} does not exist")
    engine = create_engine(url, connect_args={"timeout": 30})
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: object, _record: object) -> None:
    cursor = connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision (`alembic upgrade head`)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise UsageError(f"cannot open the database: {_first_line(exc)}") from None


def open_sessionmaker(raw_url: str | None = None) -> sessionmaker[Session]:
    """Engine + migrations + a session factory for the database at `raw_url` (or $EVENTDESK_DB)."""
    engine = create_store_engine(raw_url or os.environ.get("EVENTDESK_DB") or "sqlite:///eventdesk.db")
    migrate(engine)
    return sessionmaker(engine, expire_on_commit=False)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__
