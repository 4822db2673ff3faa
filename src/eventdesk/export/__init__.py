"""Exports of the stored events: acled-csv and parquet (one ACLED row per incident), geojson (incidents as
points), jsonl (the stored contract documents, one per article)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any

from eventdesk.export.acled import ACLED_COLUMNS, AcledTables, acled_row, load_tables

if TYPE_CHECKING:
    from eventdesk.store import EventQuery, Store

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
BINARY_FORMATS = ("parquet",)
EXTRA_COLUMNS = ("incident_id", "fatalities_low", "fatalities_high", "reports")


def incident_rows(
    store: Store, query: EventQuery, tables: AcledTables | None = None
) -> Iterator[dict[str, Any]]:
    """ACLED rows, plus the incident id, the range of fatality reports and the number of reports; `tables`
    default to knowledge/data/acled_export.toml (setting `acled_export` names another file)."""
    tables = tables or load_tables()
    for incident, members in store.incidents_with_events(query):
        row = acled_row(incident, members, tables)
        row.update(incident_id=incident.id, fatalities_low=incident.fatalities_low,
                   fatalities_high=incident.fatalities_high, reports=len(members))
        yield row


def write_acled_csv(store: Store, query: EventQuery, out: IO[str], tables: AcledTables | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in incident_rows(store, query, tables):
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    return count


def write_jsonl(store: Store, out: IO[str]) -> int:
    count = 0
    for document in store.documents():
        out.write(json.dumps(document, ensure_ascii=False))
        out.write("\n")
        count += 1
    return count


def write_geojson(store: Store, query: EventQuery, out: IO[str], tables: AcledTables | None = None) -> int:
    """A FeatureCollection of incident points (WGS 84, [longitude, latitude]); unplaced ones left out."""
    features = [
        {"type": "Feature", "id": row["incident_id"],
         "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
         "properties": row}
        for row in incident_rows(store, query, tables)
        if row["latitude"] is not None and row["longitude"] is not None
    ]
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
    return len(features)


def write_parquet(store: Store, query: EventQuery, out: IO[bytes], tables: AcledTables | None = None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = list(incident_rows(store, query, tables))
    table = pa.Table.from_pylist(rows, schema=_parquet_schema(pa))
    pq.write_table(table, out)
    return len(rows)


def _parquet_schema(pa: Any) -> Any:
    integers = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                "fatalities", "timestamp", *EXTRA_COLUMNS}
    floats = {"latitude", "longitude"}
    return pa.schema([
        (name, pa.int64() if name in integers else pa.float64() if name in floats else pa.string())
        for name in (*ACLED_COLUMNS, *EXTRA_COLUMNS)
    ])
