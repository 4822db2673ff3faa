"""Readers: a file, stdin, or a JSON line in; an Article (text as given, metadata) out, or an InputError."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.records import Article

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
ARTICLE_FIELDS = ("id", "text", "title", "published", "url", "source")


def read_path(path: str, settings: Settings, metadata: Mapping[str, Any] | None = None) -> Article:
    """Read one article from a file path or '-' (stdin)."""
    if path == "-":
        data = sys.stdin.buffer.read(settings.max_file_bytes + 1)
        name = "stdin"
    else:
        data = _read_file(Path(path), settings.max_file_bytes)
        name = Path(path).name
    if len(data) > settings.max_file_bytes:
        raise InputError(f"{name}: larger than {settings.max_file_bytes} bytes")
    return article_from_bytes(data, name, settings, metadata or {})


def _read_file(path: Path, limit: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{path}: is a folder, not an article file")
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: {size} bytes, larger than the limit of {limit} bytes")
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def article_from_bytes(data: bytes, name: str, settings: Settings, metadata: Mapping[str, Any]) -> Article:
    """Decide the format (JSON article, HTML, plain text) and build the Article."""
    if not data.strip():
        raise InputError(f"{name}: empty input")
    if _looks_binary(data):
        raise InputError(f"{name}: binary data, not text")
    text, warnings = decode(data, name)
    stem = Path(name).stem if name != "stdin" else None
    if name.lower().endswith(".json") or (text.lstrip().startswith("{") and name == "stdin"):
        return article_from_json_text(text, stem, settings, metadata, warnings)
    if name.lower().endswith((".html", ".htm", ".xhtml")) or _HTML_SNIFF.match(data[:512]):
        from eventdesk.ingest.html import article_from_html

        return article_from_html(text, stem, settings, metadata, warnings)
    return make_article(text, {"id": stem, **_clean(metadata)}, settings, warnings)


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        bad = text.count("\ufffd")
        return text, [f"{name}: invalid UTF-8 at byte {exc.start}; {bad} character(s) replaced with U+FFFD"]


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > len(head) * 0.05


def article_from_json_text(
    text: str, stem: str | None, settings: Settings, metadata: Mapping[str, Any], warnings: list[str]
) -> Article:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{stem or 'stdin'}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    return article_from_record(record, settings, {"id": stem, **_clean(metadata)}, warnings)


def article_from_record(
    record: Any,
    settings: Settings,
    defaults: Mapping[str, Any] | None = None,
    warnings: list[str] | None = None,
) -> Article:
    """A JSON object {"id", "text", "title"?, "published"?, "url"?, "source"?} to an Article."""
    if not isinstance(record, dict):
        raise InputError(f"not a JSON article: expected an object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError('not a JSON article: no "text" string')
    if not text.strip():
        raise InputError("empty text")
    values = {**_clean(defaults or {}), **{k: record[k] for k in ARTICLE_FIELDS if record.get(k) is not None}}
    return make_article(text, values, settings, list(warnings or []))


def make_article(text: str, values: Mapping[str, Any], settings: Settings, warnings: list[str]) -> Article:
    if len(text) > settings.max_chars:
        raise InputError(f"text has {len(text)} characters, more than the limit of {settings.max_chars}")
    published = values.get("published")
    if published is not None:
        published = check_date(str(published))
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return Article(
        id=str(values.get("id") or digest[:16]),
        text=text,
        title=_str_or_none(values.get("title")),
        url=_str_or_none(values.get("url")),
        source=_str_or_none(values.get("source")),
        published=published,
        text_sha256=digest,
        warnings=warnings,
    )


def check_date(value: str) -> str:
    match = _DATE.match(value.strip())
    if not match:
        raise InputError(f"published date {value!r} is not YYYY-MM-DD")
    from datetime import date

    try:
        date.fromisoformat(match.group(0))
    except ValueError:
        raise InputError(f"published date {value!r} is not a valid date") from None
    return match.group(0)


def read_jsonl(lines: Iterator[str]) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """Each line of a JSONL stream as (line number, record or None, error or None)."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, None, f"line {number}: not valid JSON ({exc.msg})"
            continue
        yield number, record, None


def _clean(values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if v is not None}


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)
