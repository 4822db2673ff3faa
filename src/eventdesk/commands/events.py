"""`eventdesk events`: the stored events (or merged incidents) matching filters, as a table or JSON."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from eventdesk.commands import add_db_argument, settings_from
from eventdesk.errors import UsageError

TABLE_COLUMNS = (("date", 10), ("event type", 26), ("sub-event type", 24), ("actor1", 20), ("actor2", 20),
                 ("location", 18), ("cc", 2), ("dead", 4), ("inc", 5))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_db_argument(parser)
    add_filter_arguments(parser)
    parser.add_argument("--limit", type=int, default=100, help="at most this many (default 100; 0 = all)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    parser.add_argument("--incidents", action="store_true", help="merged incidents instead of single reports")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="events on or after this date")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="events on or before this date")
    parser.add_argument("--type", dest="event_type", help='ACLED event type, e.g. "Battles"')
    parser.add_argument("--actor", help="part of an actor name")
    parser.add_argument("--country", help="ISO 3166-1 alpha-2 code, e.g. AF")
    parser.add_argument("--admin1", help="first-level administrative division")
    parser.add_argument("--bbox", metavar="W,S,E,N", help="bounding box in degrees: west,south,east,north")
    parser.add_argument("--text", help="words that the article must contain (full-text search)")


def query_from(args: argparse.Namespace, limit: int | None = None) -> Any:
    from eventdesk.ingest.readers import check_date
    from eventdesk.store import EventQuery

    return EventQuery(
        since=check_date(args.since) if args.since else None,
        until=check_date(args.until) if args.until else None,
        event_type=args.event_type, actor=args.actor, country=args.country, admin1=args.admin1,
        bbox=parse_bbox(args.bbox) if args.bbox else None, text=args.text, limit=limit,
    )


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        west, south, east, north = (float(part) for part in value.split(","))
    except ValueError:
        raise UsageError(f"--bbox {value!r}: give four numbers west,south,east,north") from None
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise UsageError(f"--bbox {value!r}: not a box (west <= east, south <= north, in degrees)")
    return west, south, east, north


def run(args: argparse.Namespace) -> int:
    from eventdesk.store import Store

    if args.limit < 0:
        raise UsageError("--limit must be 0 or more")
    store = Store(settings_from(args).db)
    query = query_from(args, args.limit or None)
    rows = [_incident_row(i, store, args.json) for i in store.incidents(query)] if args.incidents else [
        _event_row(event, article, incident) for event, article, incident in store.events(query)
    ]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        _print_table(rows, sys.stdout)
    return 0


def _event_row(event: Any, article: Any, incident: int | None) -> dict[str, Any]:
    return {
        "event": event.id, "incident": incident, "date": event.date_start, "date_end": event.date_end,
        "event_type": event.event_type, "sub_event_type": event.sub_event_type,
        "actor1": event.actor1, "actor2": event.actor2, "location": event.location, "country": event.country,
        "admin1": event.admin1, "lat": event.lat, "lon": event.lon, "fatalities": event.fatalities,
        "article": article.article_id, "source": article.source, "url": article.url,
        "summary": event.data.get("summary"),
    }


def _incident_row(incident: Any, store: Any, with_reports: bool) -> dict[str, Any]:
    names = ("id", "date_start", "date_end", "date_precision", "event_type", "sub_event_type", "actor1",
             "actor2", "location", "country", "admin1", "admin2", "lat", "lon", "geo_precision", "fatalities",
             "fatalities_low", "fatalities_high", "civilian_targeting", "sources")
    row = {name: getattr(incident, name) for name in names}
    row["incident"], row["date"] = row.pop("id"), row.pop("date_start")
    if with_reports:  # each report with the fields that agreed when it was linked
        row["reports"] = [{"event": event.id, "article": article.article_id, "source": article.source,
                           "url": article.url, "agreed": agreed, "evidence": event.data.get("evidence", [])}
                          for event, article, agreed in store.incident_members(incident.id)]
    return row


def _print_table(rows: list[dict[str, Any]], out: Any) -> None:
    keys = ("date", "event_type", "sub_event_type", "actor1", "actor2", "location", "country", "fatalities",
            "incident")
    out.write("  ".join(title.ljust(width) for title, width in TABLE_COLUMNS).rstrip() + "\n")
    for row in rows:
        cells = [_cell(row.get(key), width) for key, (_, width) in zip(keys, TABLE_COLUMNS, strict=True)]
        out.write("  ".join(cells).rstrip() + "\n")
    out.write(f"({len(rows)} {'row' if len(rows) == 1 else 'rows'})\n")


def _cell(value: Any, width: int) -> str:
    text = "" if value is None else str(value)
    return (text[: width - 1] + "…" if len(text) > width else text).ljust(width)
