"""`eventdesk extract FILE|-` and `eventdesk extract --jsonl IN [--out OUT]`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from eventdesk.commands import settings_from
from eventdesk.errors import EventdeskError, InputError, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", nargs="?", help="an article: plain text, HTML or .json; '-' for stdin")
    parser.add_argument(
        "--jsonl", metavar="IN", help="batch input: one JSON article per line ('-' for stdin)"
    )
    parser.add_argument("--out", metavar="OUT", help="write results here instead of stdout")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (anchors relative dates)")
    parser.add_argument("--title")
    parser.add_argument("--url")
    parser.add_argument("--source")
    parser.add_argument("--pretty", action="store_true", help="indent the single-article output")


def run(args: argparse.Namespace) -> int:
    from eventdesk.extract import Extractor

    if bool(args.file) == bool(args.jsonl):
        raise UsageError("give either FILE (or -) or --jsonl IN")
    settings = settings_from(args)
    with _open_out(args.out) as out:
        if args.jsonl:
            return _run_batch(Extractor(settings), args.jsonl, out)
        return _run_single(Extractor(settings), args, out)


def _run_single(extractor: Any, args: argparse.Namespace, out: IO[str]) -> int:
    from eventdesk.ingest.readers import check_date, read_path

    metadata = {"title": args.title, "url": args.url, "source": args.source}
    if args.published:
        metadata["published"] = check_date(args.published)
    article = read_path(args.file, extractor.settings, metadata)
    for warning in article.warnings:
        print(f"eventdesk extract: warning: {warning}", file=sys.stderr)
    result = extractor.extract(article)
    json.dump(result.to_dict(), out, ensure_ascii=False, indent=2 if args.pretty else None)
    out.write("\n")
    return 0


def _run_batch(extractor: Any, source: str, out: IO[str]) -> int:
    from eventdesk.extract import extract_or_error

    ids: list[str] = []
    items = _batch_items(source, extractor.settings, ids)
    for number, outcome in enumerate(extract_or_error(extractor, items)):
        if isinstance(outcome, EventdeskError):
            line: dict[str, Any] = {"id": ids[number], "error": str(outcome)}
        else:
            line = outcome.to_dict()
            line["id"] = ids[number]
        out.write(json.dumps(line, ensure_ascii=False))
        out.write("\n")
    return 0


def _batch_items(source: str, settings: Any, ids: list[str]) -> Iterator[Any]:
    from eventdesk.ingest.readers import article_from_record, read_jsonl

    for number, record, error in read_jsonl(_lines(source)):
        record_id = record.get("id") if isinstance(record, dict) else None
        ids.append(str(record_id) if record_id is not None else f"line-{number}")
        if error:
            yield InputError(error)
            continue
        try:
            yield article_from_record(record, settings, {"id": ids[-1]})
        except InputError as exc:
            yield InputError(f"line {number}: {exc}")


def _lines(source: str) -> Iterator[str]:
    if source == "-":
        yield from _decoded(sys.stdin.buffer)
        return
    try:
        handle = open(source, "rb")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{source}: cannot be read ({exc.strerror})") from None
    with handle:
        yield from _decoded(handle)


def _decoded(handle: IO[bytes]) -> Iterator[str]:
    for raw in handle:
        yield raw.decode("utf-8", errors="replace")


class _open_out:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.handle: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if not self.path or self.path == "-":
            return sys.stdout
        try:
            self.handle = open(self.path, "w", encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot be written ({exc.strerror})") from None
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle:
            self.handle.close()
