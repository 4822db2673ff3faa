"""Safe fetching: address checks before any connection, redirects checked hop by hop, a size cap on a lazily
served huge response, content types, timeouts. All traffic goes to servers started here on 127.0.0.1."""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from collections.abc import Iterator

import pytest

from eventdesk.errors import InputError
from eventdesk.ingest.fetch import Fetcher, FetchPolicy, refusal
from support_store import LocalServer, Route

GIGABYTE = 1_000_000_000
PAGE = b"<html><body><p>Rockets hit the airport.</p></body></html>"


@pytest.mark.parametrize(
    ("address", "private_allowed", "refused"),
    [
        ("8.8.8.8", False, None),
        ("2001:4860:4860::8888", False, None),
        ("127.0.0.1", False, "a loopback address"),
        ("::1", False, "a loopback address"),
        ("10.1.2.3", False, "a private address"),
        ("192.168.0.10", False, "a private address"),
        ("100.64.0.1", False, "a private address"),
        ("fd12:3456::1", False, "a private address"),
        ("::ffff:127.0.0.1", False, "a loopback address"),
        ("169.254.169.254", True, "a cloud metadata address"),
        ("fd00:ec2::254", True, "a cloud metadata address"),
        ("169.254.10.1", True, "a link-local address"),
        ("fe80::1", True, "a link-local address"),
        ("224.0.0.1", True, "a multicast address"),
        ("0.0.0.0", True, "an unspecified address"),
        ("::1", True, None),
        ("240.0.0.1", True, "a reserved address"),
        ("127.0.0.1", True, None),
        ("10.1.2.3", True, None),
    ],
)
def test_address_policy(address: str, private_allowed: bool, refused: str | None) -> None:
    assert refusal(ipaddress.ip_address(address), private_allowed) == refused


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every TCP connection the fetcher opens (it connects through socket.create_connection)."""
    opened: list[tuple[str, int]] = []
    original = socket.create_connection

    def recording(address: tuple[str, int], *args: object, **kwargs: object) -> socket.socket:
        opened.append(address)
        return original(address, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "create_connection", recording)
    return opened


def fetcher(**policy: object) -> Fetcher:
    return Fetcher(FetchPolicy(**{"allow_private": True, **policy}))  # type: ignore[arg-type]


def test_page_is_fetched_through_the_checked_address(connections: list[tuple[str, int]]) -> None:
    with LocalServer({"/a": Route(body=PAGE)}) as server, fetcher() as client:
        page = client.fetch(server.url("/a").replace("127.0.0.1", "localhost"))
    assert page.data == PAGE and page.content_type == "text/html"
    assert [host for host, _ in connections] in (["127.0.0.1"], ["::1"])


def test_loopback_is_refused_unless_allowed(connections: list[tuple[str, int]]) -> None:
    expected = re.escape("refused, 127.0.0.1 resolves to 127.0.0.1, a loopback address")
    with (LocalServer({"/a": Route(body=PAGE)}) as server, Fetcher() as client,
          pytest.raises(InputError, match=expected)):
        client.fetch(server.url("/a"))
    assert connections == []


def test_redirect_to_metadata_is_refused_without_connecting(connections: list[tuple[str, int]]) -> None:
    redirect = Route(status=302, headers=(("Location", "http://169.254.169.254/latest/meta-data/"),))
    with LocalServer({"/r": redirect}) as server, fetcher() as client:
        started = time.monotonic()
        with pytest.raises(InputError, match=re.escape("169.254.169.254, a cloud metadata address")):
            client.fetch(server.url("/r"))
    assert time.monotonic() - started < 5
    assert all(host != "169.254.169.254" for host, _ in connections)
    assert len(connections) == 1  # the first hop only


def test_redirects_are_followed_and_limited() -> None:
    routes = {"/page": Route(body=PAGE), "/hop": Route(status=301, headers=(("Location", "/page"),))}
    routes["/loop"] = Route(status=302, headers=(("Location", "{base}/loop"),))
    with LocalServer(routes) as server, fetcher(max_redirects=3) as client:
        assert client.fetch(server.url("/hop")).url == server.url("/page")
        with pytest.raises(InputError, match="more than 3 redirects"):
            client.fetch(server.url("/loop"))


def endless() -> Iterator[bytes]:
    chunk = b"x" * 65536
    for _ in range(GIGABYTE // len(chunk)):
        yield chunk


def test_declared_gigabyte_is_refused_before_reading() -> None:
    huge = Route(body=endless, headers=(("Content-Type", "text/html"), ("Content-Length", str(GIGABYTE))))
    with LocalServer({"/big": huge}) as server, fetcher(max_bytes=1_000_000) as client:
        with pytest.raises(InputError, match="1000000000 bytes, larger than the limit of 1000000"):
            client.fetch(server.url("/big"))
        time.sleep(0.2)
    assert server.sent.get("/big", 0) < 50_000_000


def test_undeclared_gigabyte_is_aborted_past_the_cap() -> None:
    with LocalServer({"/big": Route(body=endless)}) as server, fetcher(max_bytes=1_000_000) as client:
        started = time.monotonic()
        with pytest.raises(InputError, match="over the limit of 1000000 bytes"):
            client.fetch(server.url("/big"))
        time.sleep(0.2)
    assert time.monotonic() - started < 30
    assert server.sent["/big"] < 50_000_000


def test_binary_content_type_is_refused() -> None:
    image = Route(body=b"\x89PNG\r\n", headers=(("Content-Type", "image/png"),))
    with (LocalServer({"/i": image}) as server, fetcher() as client,
          pytest.raises(InputError, match="content type image/png is not an article or feed")):
        client.fetch(server.url("/i"))


def test_only_http_urls_and_http_errors_are_reported() -> None:
    with LocalServer({}) as server, fetcher() as client:
        with pytest.raises(InputError, match="HTTP 404"):
            client.fetch(server.url("/missing"))
        with pytest.raises(InputError, match="only http and https"):
            client.fetch("file:///etc/passwd")


def test_slow_response_times_out() -> None:
    def trickle() -> Iterator[bytes]:
        for _ in range(100):
            time.sleep(0.1)
            yield b"x" * 10

    with LocalServer({"/slow": Route(body=trickle)}) as server, fetcher(timeout_s=1.0) as client:
        started = time.monotonic()
        with pytest.raises(InputError, match="took longer than 1 s"):
            client.fetch(server.url("/slow"))
    assert time.monotonic() - started < 5


def test_next_checked_address_is_tried_when_one_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    from eventdesk.ingest import fetch

    answers = [ipaddress.ip_address("127.0.0.2"), ipaddress.ip_address("127.0.0.1")]  # nothing on .2
    monkeypatch.setattr(fetch, "resolve", lambda host, port: answers if host == "multi.test" else [])
    with LocalServer({"/a": Route(body=PAGE)}) as server, fetcher() as client:
        page = client.fetch(server.url("/a").replace("127.0.0.1", "multi.test"))
    assert page.data == PAGE
