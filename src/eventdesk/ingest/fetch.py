"""Fetching URLs safely: only http(s); the host is resolved first and every address checked (no loopback,
private, link-local, multicast, reserved or cloud-metadata address unless allowed), then the connection goes
to the checked address itself, so a second DNS answer cannot redirect it. Redirects are followed by hand,
each hop checked again; the body is streamed and abandoned past a size cap; the content type must be text."""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import SplitResult, urljoin, urlsplit, urlunsplit

import httpx

from eventdesk.errors import InputError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Cloud metadata services: never fetched, even with allow_private.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
ALWAYS_REFUSED = (
    ("link_local", "a link-local address"), ("multicast", "a multicast address"),
    ("unspecified", "an unspecified address"),
)
TEXT_TYPES = (
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml", "application/rss+xml",
    "application/atom+xml", "application/rdf+xml", "application/json", "application/x-ndjson",
    "application/jsonl",
)
REDIRECTS = (301, 302, 303, 307, 308)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    max_bytes: int = 20_000_000
    timeout_s: float = 30.0  # for the whole fetch, redirects included
    max_redirects: int = 5
    allow_private: bool = False  # loopback and private networks (for local testing); never metadata
    user_agent: str = "eventdesk/0.1 (news event extraction)"


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  # after redirects
    content_type: str  # media type only, lower case ("" when the server gave none)
    data: bytes


def refusal(address: IPAddress, allow_private: bool) -> str | None:
    """Why a connection to this address is not allowed, or None."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return refusal(address.ipv4_mapped, allow_private)
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    for kind, why in ALWAYS_REFUSED:
        if getattr(address, f"is_{kind}"):
            return why
    if address.is_loopback:  # before reserved: ::1 lies in a reserved IPv6 block
        return None if allow_private else "a loopback address"
    if address.is_reserved:
        return "a reserved address"
    if allow_private:
        return None
    if address.is_private or not address.is_global:
        return "a private address"
    return None


def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"{host}: cannot be resolved ({exc})") from None
    return list(dict.fromkeys(ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos))


class Fetcher:
    """One HTTP client for many fetches; use as a context manager or call close()."""

    def __init__(self, policy: FetchPolicy | None = None) -> None:
        self.policy = policy or FetchPolicy()
        timeout = httpx.Timeout(self.policy.timeout_s, connect=min(10.0, self.policy.timeout_s))
        self.client = httpx.Client(follow_redirects=False, timeout=timeout, trust_env=False)

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        deadline = time.monotonic() + self.policy.timeout_s
        for _ in range(self.policy.max_redirects + 1):
            response_or_next = self._one_hop(url, deadline)
            if isinstance(response_or_next, Fetched):
                return response_or_next
            url = response_or_next
        raise InputError(f"{url}: more than {self.policy.max_redirects} redirects")

    def _one_hop(self, url: str, deadline: float) -> Fetched | str:
        """The page, or the URL a redirect points to."""
        parts, addresses = self._checked_target(url)
        response = self._connect(url, parts, addresses)
        try:
            if response.status_code in REDIRECTS and "location" in response.headers:
                return urljoin(url, response.headers["location"])
            if response.status_code >= 400:
                raise InputError(f"{url}: HTTP {response.status_code}")
            content_type = _checked_content_type(url, response)
            return Fetched(url, content_type, self._capped_body(url, response, deadline))
        finally:
            response.close()

    def _connect(self, url: str, parts: SplitResult, addresses: list[IPAddress]) -> httpx.Response:
        """Send the request to each checked address in turn until one answers."""
        failure: Exception | None = None
        for address in addresses:
            target = _pinned_url(parts, address)
            request = self.client.build_request("GET", target, headers=self._headers(parts))
            if parts.scheme == "https":
                request.extensions["sni_hostname"] = parts.hostname
            try:
                return self.client.send(request, stream=True)
            except httpx.ConnectError as exc:
                failure = exc
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: {type(exc).__name__}: {exc or 'request failed'}") from None
        raise InputError(f"{url}: cannot connect ({failure or 'no address'})")

    def _checked_target(self, url: str) -> tuple[SplitResult, list[IPAddress]]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"{url}: only http and https URLs can be fetched")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        addresses = resolve(parts.hostname, port)
        for address in addresses:
            why = refusal(address, self.policy.allow_private)
            if why:
                raise InputError(f"{url}: refused, {parts.hostname} resolves to {address}, {why}")
        if not addresses:
            raise InputError(f"{url}: {parts.hostname} has no address")
        return parts, addresses

    def _headers(self, parts: SplitResult) -> dict[str, str]:
        return {"Host": parts.netloc.rsplit("@", 1)[-1], "User-Agent": self.policy.user_agent}

    def _capped_body(self, url: str, response: httpx.Response, deadline: float) -> bytes:
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.policy.max_bytes:
            raise InputError(f"{url}: {declared} bytes, larger than the limit of {self.policy.max_bytes}")
        chunks, size = [], 0
        try:
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise InputError(f"{url}: over the limit of {self.policy.max_bytes} bytes (aborted)")
                if time.monotonic() > deadline:
                    raise InputError(f"{url}: took longer than {self.policy.timeout_s:g} s (aborted)")
                chunks.append(chunk)
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: {type(exc).__name__} while reading") from None
        return b"".join(chunks)


def _pinned_url(parts: SplitResult, address: IPAddress) -> str:
    host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def _checked_content_type(url: str, response: httpx.Response) -> str:
    media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and not (media_type in TEXT_TYPES or media_type.endswith(("+xml", "+json"))):
        raise InputError(f"{url}: content type {media_type} is not an article or feed")
    return media_type
