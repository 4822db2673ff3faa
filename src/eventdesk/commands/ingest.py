"""`eventdesk ingest SOURCE...`: files, folders, globs, JSONL, feeds, URLs, WARC -> extracted -> stored."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from eventdesk.commands import add_db_argument, settings_from
from eventdesk.errors import UsageError

if TYPE_CHECKING:
    from eventdesk.ingest.fetch import FetchPolicy


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("sources", nargs="+", metavar="SOURCE",
                        help="file, folder, glob, .jsonl, RSS/Atom feed, WARC file, or http(s) URL")
    add_db_argument(parser)
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress and no summary")
    parser.add_argument("--allow-private", action="store_true",
                        help="allow fetching from loopback and private networks (never cloud metadata)")
    parser.add_argument("--max-bytes", type=int, help="largest response fetched from a URL (default 20 MB)")
    parser.add_argument("--timeout", type=float, help="seconds allowed for fetching one URL (default 30)")


def run(args: argparse.Namespace) -> int:
    from eventdesk.extract import Extractor
    from eventdesk.ingest.pipeline import Progress, estimate_total, ingest
    from eventdesk.ingest.sources import SourceReader
    from eventdesk.store import Store
    from eventdesk.store.linking import load_rules

    settings = settings_from(args)
    policy = _fetch_policy(args, settings.max_file_bytes)
    store = Store(settings.db, load_rules(settings.incident_rules))
    progress = Progress(args.quiet, None if args.quiet else estimate_total(args.sources))
    with SourceReader(settings, policy, known_url=store.known_url) as reader:
        try:
            summary = ingest(args.sources, store, Extractor(settings), reader, progress)
        finally:
            progress.close()
    if not args.quiet:
        for line in summary.lines():
            print(f"eventdesk ingest: {line}" if not line.startswith(" ") else line, file=sys.stderr)
    nothing_read = summary.stored == 0 and not summary.skipped
    return 2 if summary.failed and nothing_read else 0


def _fetch_policy(args: argparse.Namespace, default_max: int) -> FetchPolicy:
    from eventdesk.ingest.fetch import FetchPolicy

    if args.max_bytes is not None and args.max_bytes <= 0:
        raise UsageError("--max-bytes must be positive")
    if args.timeout is not None and args.timeout <= 0:
        raise UsageError("--timeout must be positive")
    values = {"max_bytes": args.max_bytes or default_max, "allow_private": args.allow_private}
    if args.timeout:
        values["timeout_s"] = args.timeout
    return FetchPolicy(**values)
