"""The event database: SQLAlchemy models, Alembic migrations, repository queries, incident linking."""

from eventdesk.store.repository import EventQuery, Store, content_hash

__all__ = ["EventQuery", "Store", "content_hash"]
