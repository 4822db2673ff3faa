"""One module per command of the `eventdesk` CLI; each parses nothing itself beyond its own arguments."""

from __future__ import annotations

import argparse

from eventdesk.config import Settings, load_settings


def settings_from(args: argparse.Namespace) -> Settings:
    settings = load_settings(getattr(args, "config", None))
    return settings.with_overrides(model=getattr(args, "model", None), db=getattr(args, "db", None))


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database URL (default sqlite:///eventdesk.db, or $EVENTDESK_DB)")
