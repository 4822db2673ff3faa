"""`eventdesk geoparse --jsonl IN [--out OUT]`: toponym recognition and resolution only.

Each input line `{"id", "text", "toponyms"?: [[start, end], ...]}` gives one output line
`{"id", "places": [Place + "start", "end", "text"]}`; with `toponyms`, only those spans are resolved.
A line that cannot be processed gives `{"id", "error"}` and the run goes on."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from typing import Any

from eventdesk.commands import settings_from
from eventdesk.commands.extract import _lines, _open_out
from eventdesk.errors import InputError, UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jsonl", metavar="IN", help="one JSON article per line ('-' for stdin)")
    parser.add_argument("--out", metavar="OUT", help="write results here instead of stdout")
    parser.add_argument(
        "--places",
        metavar="FILE",
        action="append",
        default=[],
        help="an extra gazetteer file (TSV like geo/data/supplement.tsv); may be repeated",
    )


def run(args: argparse.Namespace) -> int:
    from eventdesk.extract import Extractor
    from eventdesk.geo.geoparse import geoparse_items

    if not args.jsonl:
        raise UsageError("give --jsonl IN")
    settings = settings_from(args)
    if args.places:
        settings = settings.with_overrides(user_places=(*settings.user_places, *args.places))
    extractor = Extractor(settings, components=["places"])
    extractor.knowledge.gazetteer  # noqa: B018 - a bad user file stops the run before any output
    with _open_out(args.out) as out:
        for line in geoparse_items(extractor, _items(args.jsonl, settings)):
            out.write(json.dumps(line, ensure_ascii=False))
            out.write("\n")
    return 0


def _items(source: str, settings: Any) -> Iterator[Any]:
    from eventdesk.geo.geoparse import Item, gold_spans
    from eventdesk.ingest.readers import article_from_record, read_jsonl

    for number, record, error in read_jsonl(_lines(source)):
        record_id = record.get("id") if isinstance(record, dict) else None
        item = Item(str(record_id) if record_id is not None else f"line-{number}")
        if error:
            item.error = error
        else:
            try:
                item.article = article_from_record(record, settings, {"id": item.id})
                item.spans = gold_spans(record, item.article.text)
            except InputError as exc:
                item.article, item.error = None, f"line {number}: {exc}"
        yield item
