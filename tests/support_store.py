"""Helpers for the store, ingest, export and incident tests: a database fixture run against SQLite and
PostgreSQL, hand-built contract records, and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import os
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from eventdesk.records import Article, Count, DateRange, Event, EventLocation, Result

PG_DEFAULT = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
KABUL = (34.5289, 69.1725)
KANDAHAR = (31.6133, 65.7101)


def postgres_url() -> str:
    return os.environ.get("EVENTDESK_TEST_PG") or PG_DEFAULT


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database URL: an SQLite file, or a schema of its own in the test PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    yield from _postgres_schema()


def _postgres_schema() -> Iterator[str]:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    from eventdesk.store.db import database_url

    base = database_url(postgres_url())
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        engine = create_engine(base)
        with engine.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
    except OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL at {base} is needed in CI: {exc}")
        pytest.skip(f"no PostgreSQL at {base}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        engine.dispose()


def event(
    number: int = 1,
    event_type: str = "Violence against civilians",
    sub_event_type: str = "Attack",
    day: str = "2024-05-06",
    where: tuple[float, float] | None = KABUL,
    place: str = "Kabul",
    actor1: str | None = None,
    actor2: str | None = None,
    dead: int | None = None,
    **extra: object,
) -> Event:
    """An Event as an extractor would give it (only the fields linking and export read are set)."""
    lat, lon = where if where else (None, None)
    location = EventLocation(name=place, country="AF", admin1=place, lat=lat, lon=lon, precision=1)
    fields = {"date": DateRange(start=day, end=day, precision=1, text=day), "location": location,
              "fatalities": Count(best=dead, low=dead, high=dead), **extra}
    return Event(id=f"e{number}", event_type=event_type, sub_event_type=sub_event_type, actor1=actor1,
                 actor2=actor2, summary=f"{event_type} in {place}.", **fields)  # type: ignore[arg-type]


def result(article_id: str, text: str, *events: Event, source: str = "Wire", url: str | None = None,
           ) -> Result:
    article = Article(id=article_id, text=text, source=source, url=url, published="2024-05-07")
    return Result(article=article, events=list(events))


@dataclass
class Route:
    status: int = 200
    body: bytes | Callable[[], Iterator[bytes]] = b""
    headers: tuple[tuple[str, str], ...] = (("Content-Type", "text/html; charset=utf-8"),)


class LocalServer:
    """An HTTP server on 127.0.0.1 serving fixed routes; a body may be a generator (sent lazily)."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        self.sent: dict[str, int] = {}
        handler = self._handler()
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _handler(self) -> type[http.server.BaseHTTPRequestHandler]:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                self.send_response(route.status)
                for name, value in route.headers:
                    self.send_header(name, value.replace("{base}", server.url("")))
                body = route.body
                if isinstance(body, bytes):
                    if not any(name.lower() == "content-length" for name, _ in route.headers):
                        self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.end_headers()
                server.sent[self.path] = 0
                try:
                    for chunk in body():
                        self.wfile.write(chunk)
                        server.sent[self.path] += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args: object) -> None:
                pass

        return Handler
