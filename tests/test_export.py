"""Exports: ACLED CSV (names, codes, one row per incident), GeoJSON points, Parquet, JSONL documents."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from eventdesk.cli import main
from eventdesk.export import write_acled_csv, write_geojson, write_jsonl
from eventdesk.export.acled import ACLED_COLUMNS, load_tables
from eventdesk.store import EventQuery, Store
from support_store import KABUL, KANDAHAR, db_url, event, result  # noqa: F401

NEAR_KABUL = (34.60, 69.25)


def stocked(url: str) -> Store:
    """Two outlets on one Kabul attack (5 and 7 dead), one Kandahar clash, one event with no coordinates."""
    store = Store(url)
    first = event(1, actor1="Taliban", actor2="Civilians (Afghanistan)", dead=5, inter1=2, inter2=7,
                  civilian_targeting=True)
    store.add(result("a", "Report A on the Kabul attack.", first, source="Pajhwok", url="https://a.example/1"))
    second = event(1, where=NEAR_KABUL, actor1="Taliban", dead=7, inter1=2)
    store.add(result("b", "Report B on the Kabul attack.", second, source="TOLOnews"))
    clash = event(1, "Battles", "Armed clash", day="2024-05-02", where=KANDAHAR, place="Kandahar",
                  actor1="Military Forces of Afghanistan", actor2="Taliban", inter1=1, inter2=2,
                  interaction=12)
    store.add(result("c", "Report C on Kandahar.", clash, source="Pajhwok"))
    store.add(result("d", "Report D, unplaced.", event(1, "Protests", "Peaceful protest", where=None,
                                                         place="somewhere", dead=None), source="Wire"))
    return store


def acled_rows(store: Store) -> list[dict[str, str]]:
    out = io.StringIO()
    write_acled_csv(store, EventQuery(), out)
    out.seek(0)
    return list(csv.DictReader(out))


def test_acled_csv_has_acleds_columns_and_one_row_per_incident(db_url: str) -> None:  # noqa: F811
    rows = acled_rows(stocked(db_url))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert len(rows) == 3
    kabul = next(r for r in rows if r["location"] == "Kabul")
    assert kabul["event_id_cnty"].startswith("AFG") and kabul["iso"] == "4"
    assert kabul["country"] == "Afghanistan"
    assert kabul["region"] == "South Asia" and kabul["disorder_type"] == "Political violence"
    assert kabul["fatalities"] == "5"  # the most conservative of 5 and 7
    assert "fatalities reported=5-7" in kabul["tags"] and "reports=2" in kabul["tags"]
    assert kabul["source"] == "Pajhwok; TOLOnews"
    assert kabul["civilian_targeting"] == "Civilian targeting"
    assert (kabul["inter1"], kabul["inter2"], kabul["interaction"]) == ("2", "7", "27")
    assert (kabul["event_date"], kabul["year"], kabul["time_precision"]) == ("2024-05-06", "2024", "1")
    assert float(kabul["latitude"]) == pytest.approx(KABUL[0]) and kabul["geo_precision"] == "1"
    clash = next(r for r in rows if r["location"] == "Kandahar")
    assert clash["interaction"] == "12" and clash["fatalities"] == "0" and clash["civilian_targeting"] == ""
    protest = next(r for r in rows if r["event_type"] == "Protests")
    assert protest["disorder_type"] == "Demonstrations" and protest["latitude"] == ""


def test_disorder_types_and_regions_follow_acled() -> None:
    tables = load_tables()
    assert tables.disorder_type("Riots", "Mob violence") == "Political violence"
    assert tables.disorder_type("Riots", "Violent demonstration") == "Demonstrations"
    assert tables.disorder_type("Protests", "Excessive force against protesters") == (
        "Political violence; Demonstrations")
    assert [tables.region(c) for c in ("IQ", "NG", "UA", "MX", "HT", None)] == [
        "Middle East", "Western Africa", "Europe", "Central America", "Caribbean", ""]


def test_geojson_points_in_lon_lat_order(db_url: str) -> None:  # noqa: F811
    out = io.StringIO()
    assert write_geojson(stocked(db_url), EventQuery(), out) == 2
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    points = {f["properties"]["location"]: f["geometry"] for f in collection["features"]}
    assert points["Kandahar"] == {"type": "Point", "coordinates": [KANDAHAR[1], KANDAHAR[0]]}


def test_jsonl_gives_the_stored_documents(db_url: str) -> None:  # noqa: F811
    out = io.StringIO()
    assert write_jsonl(stocked(db_url), out) == 4
    documents = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [d["article"]["id"] for d in documents] == ["a", "b", "c", "d"]
    assert all(d["schema"] == "eventdesk/1" for d in documents)


def test_export_command_writes_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pyarrow.parquet as pq

    db = f"sqlite:///{tmp_path / 'e.db'}"
    stocked(db)
    target = tmp_path / "events.parquet"
    assert main(["export", "--db", db, "--format", "parquet", "--out", str(target)]) == 0
    table = pq.read_table(target)
    assert table.num_rows == 3 and set(ACLED_COLUMNS) <= set(table.column_names)
    assert sorted(table.column("fatalities").to_pylist()) == [0, 0, 5]
    assert main(["export", "--db", db, "--format", "acled-csv", "--type", "Battles"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "Kandahar" in lines[1]
    assert main(["export", "--db", db, "--format", "parquet"]) == 2
    assert "give --out FILE" in capsys.readouterr().err


def test_events_command_table_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'e.db'}"
    stocked(db)
    assert main(["events", "--db", db, "--limit", "40"]) == 0
    table = capsys.readouterr().out
    assert table.splitlines()[0].startswith("date") and table.rstrip().endswith("(4 rows)")
    filters = ["--actor", "taliban", "--since", "2024-05-05"]
    assert main(["events", "--db", db, "--json", "--incidents", *filters]) == 0
    [incident] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert incident["sources"] == ["Pajhwok", "TOLOnews"] and incident["fatalities_high"] == 7
    assert [r["source"] for r in incident["reports"]] == ["Pajhwok", "TOLOnews"]
    assert incident["reports"][1]["agreed"]["type"] == "same type (Violence against civilians)"
    assert main(["events", "--db", db, "--bbox", "65,31,66,32", "--json"]) == 0
    assert [json.loads(x)["location"] for x in capsys.readouterr().out.splitlines()] == ["Kandahar"]
    assert main(["events", "--db", db, "--bbox", "1,2,3"]) == 2
    assert "four numbers" in capsys.readouterr().err
