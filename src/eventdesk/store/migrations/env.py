"""Alembic environment: run by eventdesk.store.db.migrate with an open connection in config.attributes."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from eventdesk.store.models import Base

config = context.config


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        with create_engine(config.get_main_option("sqlalchemy.url") or "sqlite://").connect() as own:
            _run(own)
            own.commit()
        return
    _run(connection)


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # type: ignore[attr-defined]
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
