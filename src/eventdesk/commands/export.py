"""`eventdesk export --format acled-csv|jsonl|geojson|parquet [--out FILE]`: the stored events."""

from __future__ import annotations

import argparse
import sys
from typing import IO, Any

from eventdesk.commands import add_db_argument, settings_from
from eventdesk.commands.events import add_filter_arguments, query_from
from eventdesk.errors import UsageError
from eventdesk.export import BINARY_FORMATS, FORMATS


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", required=True, choices=FORMATS,
                        help="acled-csv and parquet: one ACLED row per incident; geojson: incident points; "
                             "jsonl: the stored result documents")
    parser.add_argument("--out", metavar="FILE", help="write here instead of stdout (required for parquet)")
    add_db_argument(parser)
    add_filter_arguments(parser)


def run(args: argparse.Namespace) -> int:
    from eventdesk import export
    from eventdesk.store import Store

    if args.format in BINARY_FORMATS and (not args.out or args.out == "-"):
        raise UsageError(f"--format {args.format} writes a binary file: give --out FILE")
    settings = settings_from(args)
    store = Store(settings.db)
    tables = export.load_tables(settings.acled_export)
    query = query_from(args)
    with _output(args.out, binary=args.format in BINARY_FORMATS) as out:
        if args.format == "acled-csv":
            count = export.write_acled_csv(store, query, out, tables)
        elif args.format == "geojson":
            count = export.write_geojson(store, query, out, tables)
        elif args.format == "parquet":
            count = export.write_parquet(store, query, out, tables)
        else:
            count = export.write_jsonl(store, out)
    if args.out and args.out != "-":
        print(f"eventdesk export: wrote {count} {_unit(args.format)} to {args.out}", file=sys.stderr)
    return 0


def _unit(format_name: str) -> str:
    return "documents" if format_name == "jsonl" else "incidents"


class _output:
    def __init__(self, path: str | None, binary: bool) -> None:
        self.path, self.binary = path, binary
        self.handle: IO[Any] | None = None

    def __enter__(self) -> IO[Any]:
        if not self.path or self.path == "-":
            return sys.stdout
        try:
            if self.binary:
                self.handle = open(self.path, "wb")
            else:
                self.handle = open(self.path, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise UsageError(f"{self.path}: cannot be written ({exc.strerror})") from None
        return self.handle

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()
