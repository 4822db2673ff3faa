"""WARC files (warcio): each HTTP response record holding HTML becomes an article. A record whose header
cannot be read becomes an error for that record; reading goes on from the next record found in the file."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import IO, Any

from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.records import Article

_RECORD_START = {False: b"WARC/1.", True: b"\x1f\x8b\x08"}  # by whether the file is gzip-compressed
_SCAN_CHUNK = 1 << 20
_HTML_TYPES = ("text/html", "application/xhtml+xml")

Outcome = Article | InputError


def read_warc(path: Path, settings: Settings) -> Iterator[Outcome]:
    """Articles (or errors) from the HTML responses of a WARC file, in file order."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        yield InputError(f"{path}: cannot be read ({exc.strerror})")
        return
    with raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
        position: int | None = 0
        while position is not None:
            position = yield from _records_from(raw, position, gzipped, path, settings)


def _records_from(raw: IO[bytes], start: int, gzipped: bool, path: Path,
                  settings: Settings) -> Generator[Outcome, None, int | None]:
    """Read records from `start` until the end (None) or a broken record (where to look on from)."""
    from warcio.archiveiterator import ArchiveIterator

    raw.seek(start)
    iterator = ArchiveIterator(raw, arc2warc=True)
    offset = start
    try:
        while (record := _next_quietly(iterator)) is not None:
            outcome = _article_of(record, path, settings)  # reads the record: before asking for its offset
            with contextlib.redirect_stderr(io.StringIO()):
                offset = start + iterator.get_record_offset()
            if outcome is not None:
                yield outcome
    except Exception as exc:  # warcio raises assorted errors on a broken record
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield InputError(f"{path.name}: WARC record after byte {offset} is broken ({reason}); skipped")
        return _next_record_start(raw, offset + 1, gzipped)
    return None


def _next_quietly(iterator: Iterator[Any]) -> Any:
    """The next record or None; warcio's own warnings on stderr are kept out of the user's terminal."""
    with contextlib.redirect_stderr(io.StringIO()):
        return next(iterator, None)


def _next_record_start(raw: IO[bytes], after: int, gzipped: bool) -> int | None:
    marker = _RECORD_START[gzipped]
    raw.seek(after)
    base, carry = after, b""
    while chunk := raw.read(_SCAN_CHUNK):
        window = carry + chunk
        found = window.find(marker)
        if found >= 0:
            return base - len(carry) + found
        carry = window[-len(marker):]
        base += len(chunk)
    return None


def _article_of(record: Any, path: Path, settings: Settings) -> Outcome | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or not content_type.startswith(_HTML_TYPES):
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    data = record.content_stream().read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        return InputError(f"{path.name}: record {uri}: larger than {settings.max_file_bytes} bytes")
    from eventdesk.ingest.readers import article_from_bytes

    try:
        return article_from_bytes(data, "record.html", settings, {"id": uri or None, "url": uri or None})
    except InputError as exc:
        return InputError(f"{path.name}: record {uri}: {str(exc).removeprefix('record.html: ')}")
