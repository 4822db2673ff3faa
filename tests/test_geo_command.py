"""`eventdesk geoparse --jsonl`: gold spans, recognition, bad lines, user gazetteer files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventdesk.cli import main


def run_geoparse(tmp_path: Path, lines: list[str], *extra: str) -> list[dict]:
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["geoparse", "--jsonl", str(source), "--out", str(out), *extra]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_gold_spans_are_resolved_and_only_they(tmp_path: Path) -> None:
    text = "Protesters gathered in Paris, Texas, while others marched in Lyon."
    spans = [[text.index("Paris"), text.index("Paris") + 5], [text.index("Texas"), text.index("Texas") + 5]]
    [line] = run_geoparse(tmp_path, [json.dumps({"id": "x1", "text": text, "toponyms": spans})])
    assert line["id"] == "x1"
    assert [(p["start"], p["end"]) for p in line["places"]] == [tuple(s) for s in spans]
    paris, texas = line["places"]
    assert (paris["country"], paris["admin1"], paris["feature"]) == ("US", "Texas", "PPL")
    assert texas["feature"] == "ADM1"


def test_without_gold_spans_names_are_recognised(tmp_path: Path) -> None:
    text = "An air strike hit a market in Idlib, Syria, on Monday."
    [line] = run_geoparse(tmp_path, [json.dumps({"id": "r", "text": text})])
    found = {text[p["start"] : p["end"]]: p for p in line["places"]}
    assert found["Syria"]["geonameid"] == 163843
    assert found["Idlib"]["country"] == "SY"


def test_bad_lines_give_errors_and_the_run_goes_on(tmp_path: Path) -> None:
    lines = [
        "{not json",
        json.dumps({"id": "outside", "text": "Kabul", "toponyms": [[0, 50]]}),
        json.dumps({"id": "not-pairs", "text": "Kabul", "toponyms": [[0, "5"]]}),
        json.dumps({"id": "no-text", "toponyms": []}),
        json.dumps({"id": "ok", "text": "Kabul", "toponyms": [[0, 5]]}),
    ]
    out = run_geoparse(tmp_path, lines)
    assert [line["id"] for line in out] == ["line-1", "outside", "not-pairs", "no-text", "ok"]
    assert all("error" in line for line in out[:4])
    assert out[4]["places"][0]["geonameid"] == 1138958


def test_user_places_file(tmp_path: Path) -> None:
    places = tmp_path / "places.tsv"
    places.write_text(
        "name\taliases\tcountry\tadmin1\twithin\tfeature\tlat\tlon\tgeonameid\tsource\n"
        "Camp Zubayr Wadi\t\tIQ\t\t\tCMPRF\t30.40\t47.60\t\tnotes\n",
        encoding="utf-8",
    )
    text = "Families fled to Camp Zubayr Wadi overnight."
    start = text.index("Camp")
    record = {"id": "u", "text": text, "toponyms": [[start, start + len("Camp Zubayr Wadi")]]}
    [line] = run_geoparse(tmp_path, [json.dumps(record)], "--places", str(places))
    assert (line["places"][0]["country"], line["places"][0]["feature"]) == ("IQ", "CMPRF")


def test_missing_input_or_places_file_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["geoparse", "--jsonl", str(tmp_path / "missing.jsonl")]) == 2
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Kabul"}\n', encoding="utf-8")
    assert main(["geoparse", "--jsonl", str(source), "--places", str(tmp_path / "none.tsv")]) == 2
    assert "not found" in capsys.readouterr().err


def test_bad_user_places_file_is_one_line_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    places = tmp_path / "bad.tsv"
    places.write_text("name\tcountry\tlat\tlon\nSomewhere\tIQ\tnorth\t44.0\n", encoding="utf-8")
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": "a", "text": "Kabul"}\n', encoding="utf-8")
    assert main(["geoparse", "--jsonl", str(source), "--places", str(places)]) == 2
    error = capsys.readouterr().err
    assert "bad.tsv" in error and "row 2" in error and len(error.strip().splitlines()) == 1
