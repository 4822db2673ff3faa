"""The scorers of `eventdesk eval` on small hand-made gold and result documents, and one end-to-end run
on the seed article that checks the report's sections (not its scores, which depend on the extractors)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from eventdesk.cli import main
from eventdesk.errors import InputError
from eventdesk.evaluate.articles import date_agrees, score_article
from eventdesk.evaluate.gold import GoldArticle, load_gold
from eventdesk.evaluate.matching import NameMatcher, SnippetFinder, same_country, same_place
from eventdesk.evaluate.metrics import Tally
from eventdesk.evaluate.plover import score_plover, scored_records
from eventdesk.evaluate.report import render

TEXT = (
    "Gunmen attacked a police post in Kandahar on Monday,\nkilling three officers.\n"
    "The group has threatened to carry out   more attacks.\n"
    "Police spokesman Ali Khan said that the attackers fled on motorbikes.\n"
)


def span(text: str, part: str) -> dict[str, Any]:
    start = text.index(part)
    return {"start": start, "end": start + len(part), "text": part}


def test_tally_figures() -> None:
    tally = Tally(tp=3, fp=1, fn=2)
    assert tally.precision == pytest.approx(0.75)
    assert tally.recall == pytest.approx(0.6)
    assert tally.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert Tally().f1 is None


def test_snippets_are_found_across_line_breaks_and_runs_of_spaces() -> None:
    finder = SnippetFinder(TEXT)
    located = finder.find("on Monday, killing three")
    assert located is not None
    assert TEXT[located.start : located.end] == "on Monday,\nkilling three"
    spaced = finder.find("carry out more attacks")
    assert spaced is not None and TEXT[spaced.start : spaced.end] == "carry out   more attacks"
    assert finder.find("not in the text") is None


def test_names_match_through_aliases_and_surnames() -> None:
    gold = {
        "actors": [{"canonical": "Islamic State Khorasan Province", "aliases_expected": ["ISKP", "IS-K"]}],
        "people": [{"name": "Zabihullah Mujahid"}],
    }
    result = {"actors": [{"name": "ISIS-K", "aliases": ["IS-K"]}]}
    names = NameMatcher.build(gold, result)
    assert names.same("ISKP", "Islamic State Khorasan Province")
    assert names.same("ISIS-K", "Islamic State Khorasan Province")
    assert names.same("Mujahid", "Zabihullah Mujahid")
    assert not names.same("Taliban", "Islamic State Khorasan Province")
    assert not names.same(None, "Zabihullah Mujahid")


def test_places_match_within_25_km_or_by_id() -> None:
    kabul = {"name": "Kabul", "lat": 34.52813, "lon": 69.17233, "geonameid": 1138958}
    assert same_place({"name": "Kabul city", "lat": 34.60, "lon": 69.20}, kabul)  # about 8 km
    assert not same_place({"name": "Bagram", "lat": 34.95, "lon": 69.26}, kabul)  # about 47 km
    assert same_place({"name": "x", "geonameid": 1138958}, kabul)
    assert same_place({"name": "Kabul"}, kabul)


def test_countries_agree_across_alpha2_and_alpha3() -> None:
    assert same_country("AF", "AFG") and same_country("usa", "US")
    assert not same_country("AF", "PAK") and not same_country(None, "AF")


def test_actors_scored_by_name_type_and_country() -> None:
    gold = gold_article()
    gold.gold["actors"] = [
        {"canonical": "Taliban", "type": "state_forces", "country": "AFG"},
        {"canonical": "United Nations", "type": "international_org"},
    ]
    result = predicted_result()
    result["actors"] = [
        {"name": "Taliban", "type": "rebel_group", "country": "AF"},
        {"name": "UN", "type": "international_org", "aliases": ["United Nations"]},
        {"name": "Reuters", "type": "media"},
    ]
    actors = score_article(gold, result).sections["actors"]
    assert (actors["name"].tp, actors["name"].fp, actors["name"].fn) == (2, 1, 0)
    assert (actors["type"].tp, actors["type"].fp, actors["type"].fn) == (1, 2, 1)
    assert (actors["country"].tp, actors["country"].fp, actors["country"].fn) == (1, 0, 0)


def test_dates_inside_the_gold_interval_or_by_rule() -> None:
    gold = {"start": "2023-04-01", "end": "2023-05-31"}
    assert date_agrees({"start": "2023-04-01", "end": "2023-04-01"}, gold, None)
    assert not date_agrees({"start": "2023-03-30", "end": "2023-04-05"}, gold, None)
    rule = {"rule": "undated: a range within the 45 days before publication counts, at precision 2 or 3"}
    published = date(2023, 6, 1)
    assert date_agrees({"start": "2023-05-01", "end": "2023-05-31", "precision": 3}, rule, published)
    assert not date_agrees({"start": "2023-05-30", "end": "2023-05-30", "precision": 1}, rule, published)
    assert not date_agrees({"start": "2023-04-01", "end": "2023-04-30", "precision": 3}, rule, published)
    assert not date_agrees({"start": "2023-04-10", "end": "2023-04-10", "precision": 2}, rule, published)


def gold_article() -> GoldArticle:
    gold = {
        "format": "gold/1",
        "article": {"id": "t1", "published": "2024-05-10"},
        "events": [
            {
                "id": "E1",
                "event_type": "Battles",
                "sub_event_type": "Armed clash",
                "actor1": "Unidentified Armed Group",
                "actor2": "Police Forces of Afghanistan",
                "location": {"name": "Kandahar", "lat": 31.61, "lon": 65.71},
                "date": {"start": "2024-05-06", "end": "2024-05-06", "precision": 1},
                "fatalities": {"best": 3, "low": 3, "high": 3},
                "sources": ["Ali Khan", "Reuters"],
                "evidence": ["attacked a police post in Kandahar"],
            }
        ],
        "not_events": [{"text": "threatened to carry out more attacks", "why": "a threat"}],
        "statements": [
            {"speaker": "Ali Khan", "cue": "said", "direct": False, "venue": None,
             "content": "the attackers fled on motorbikes"}
        ],
    }  # fmt: skip
    return GoldArticle(Path("t1.gold.json"), gold, TEXT)


def predicted_result() -> dict[str, Any]:
    first = "Gunmen attacked a police post in Kandahar on Monday,\nkilling three officers."
    event = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Unidentified Armed Group",
        "actor2": "Taliban",
        "location": {"name": "Kandahar", "lat": 31.62, "lon": 65.72},
        "date": {"start": "2024-05-06", "end": "2024-05-06", "precision": 1},
        "fatalities": {"best": 3, "low": 3, "high": 3},
        "sources": ["Khan", "police"],
        "evidence": [span(TEXT, first)],
    }
    threat = {"event_type": "Battles", "evidence": [span(TEXT, "The group has threatened")]}
    statement = {
        "speaker": {"name": "Khan"},
        "cue": "said",
        "direct": False,
        "venue": "United Nations",
        "content": span(TEXT, "the attackers fled on motorbikes"),
    }
    return {"events": [event, threat], "statements": [statement], "actors": [], "people": [], "places": []}


def test_events_are_paired_by_evidence_and_scored_per_field() -> None:
    scores = score_article(gold_article(), predicted_result())
    events = scores.sections["events"]
    assert (events["found"].tp, events["found"].fp, events["found"].fn) == (1, 1, 0)
    assert (events["actor1"].tp, events["actor1"].fp, events["actor1"].fn) == (1, 0, 0)
    assert (events["actor2"].tp, events["actor2"].fp, events["actor2"].fn) == (0, 1, 1)
    assert events["location"].tp == 1 and events["date"].tp == 1
    assert events["fatalities.best"].tp == 1
    assert (events["sources"].tp, events["sources"].fp, events["sources"].fn) == (1, 1, 1)
    assert scores.confusion == {("Battles", "Battles"): 1, ("-", "Battles"): 1}


def test_an_event_on_a_not_event_is_reported() -> None:
    scores = score_article(gold_article(), predicted_result())
    assert scores.sections["not_events"]["respected"].fp == 1
    reported = [m for m in scores.misses if m.kind == "not-event"]
    assert len(reported) == 1 and reported[0].gold == "a threat"


def test_a_gold_snippet_missing_from_the_text_is_reported() -> None:
    gold = gold_article()
    gold.gold["events"][0]["evidence"].append("a sentence the text does not have")
    scores = score_article(gold, predicted_result())
    assert scores.sections["events"]["found"].tp == 1
    assert [m.gold for m in scores.misses if m.kind == "gold-snippet-not-in-text"] == [
        "a sentence the text does not have"
    ]


def test_wrong_event_type_is_not_a_match() -> None:
    result = predicted_result()
    result["events"][0]["event_type"] = "Protests"
    scores = score_article(gold_article(), result)
    assert scores.sections["events"]["found"].tp == 0
    assert scores.confusion[("Battles", "Protests")] == 1


def test_statements_scored_by_content_overlap() -> None:
    statements = score_article(gold_article(), predicted_result()).sections["statements"]
    assert statements["found"].tp == 1
    assert statements["speaker"].tp == 1
    assert statements["cue"].tp == 1 and statements["direct"].tp == 1
    assert (statements["venue"].tp, statements["venue"].fp, statements["venue"].fn) == (0, 1, 0)
    assert statements["content"].tp == 1


def test_statement_content_must_share_half_of_each_other() -> None:
    result = predicted_result()
    result["statements"][0]["content"] = span(TEXT, "Police spokesman Ali Khan said that the attackers fled")
    statements = score_article(gold_article(), result).sections["statements"]
    assert statements["found"].tp == 1
    assert (statements["content"].tp, statements["content"].fp, statements["content"].fn) == (0, 1, 1)


def test_report_has_table_confusion_and_misses() -> None:
    text = render("gold articles", score_article(gold_article(), predicted_result()), 50)
    assert "precision" in text and "Event types" in text and "Misses" in text
    assert "not-event" in text and "threatened" in text


def plover_record(record_id: str, event: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": record_id, "event": event, "text": text, "date": "2000-01-01", **extra}


def test_plover_scoring_maps_old_labels_and_skips_investigate() -> None:
    records = scored_records(
        [
            plover_record("r1", "FIGHT", "Militiamen attacked refugees, killing 156.", dead="156",
                          source=[{"actorText": "Burundian militiamen"}],
                          target=[{"actorText": "Congolese refugees"}]),
            plover_record("r2", "PROTEST", "Students marched in the capital."),
            plover_record("r3", "INVESTIGATE", "Police opened an inquiry."),
        ]
    )  # fmt: skip
    assert [r["id"] for r in records] == ["r1", "r2"]
    results = [
        {
            "events": [
                {"plover": {"event": "THREATEN"}, "confidence": 0.4},
                {"plover": {"event": "ASSAULT"}, "confidence": 0.9, "actor1": "Burundian militia",
                 "actor2": None, "fatalities": {"best": 156}},
            ]
        },
        {"events": []},
    ]  # fmt: skip
    scores = score_plover(zip(records, results, strict=True))
    assert scores.sections["plover"]["ASSAULT"].tp == 1
    assert scores.sections["plover"]["PROTEST"].fn == 1
    assert scores.sections["plover"]["THREATEN"].fp == 0
    assert scores.summary["plover_macro_f1"] == pytest.approx(1 / 16)
    assert scores.sections["plover_actors"]["actor1~source"].tp == 1
    assert scores.sections["plover_actors"]["actor2~target"].fn == 1
    assert scores.sections["plover_dead"]["exact"].tp == 1


def test_load_gold_detects_formats(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({"format": "gold/1", "article": {"id": "a"}}), "utf-8")
    plover = tmp_path / "plover.json"
    plover.write_text(json.dumps([plover_record("r1", "PROTEST", "Students marched.")]), "utf-8")
    sets = load_gold([str(tmp_path), str(plover)])
    assert [g.id for g in sets.articles] == ["a"] and sets.articles[0].text == TEXT
    assert len(sets.plover) == 1
    other = tmp_path / "other.json"
    other.write_text("{}", "utf-8")
    with pytest.raises(InputError):
        load_gold([str(other)])
    with pytest.raises(InputError):
        load_gold([str(tmp_path / "missing")])
    broken = tmp_path / "broken.gold.json"
    broken.write_text(
        json.dumps({"format": "gold/1", "article": {"text_file": "a.txt"}, "events": "E1"}), "utf-8"
    )
    with pytest.raises(InputError, match="events"):
        load_gold([str(broken)])


def test_eval_command_bad_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path / "nothing.gold.json")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_eval_on_the_seed_prints_every_section(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = shared / "gold" / "seed"
    for copy in ("one", "two"):  # two articles: the report adds a per-article table
        folder = tmp_path / copy
        folder.mkdir()
        gold = json.loads((seed / "thereference-21499.gold.json").read_text(encoding="utf-8"))
        gold["article"]["id"] = f"seed-{copy}"
        (folder / "seed.gold.json").write_text(json.dumps(gold), encoding="utf-8")
        (folder / gold["article"]["text_file"]).write_bytes(
            (seed / gold["article"]["text_file"]).read_bytes()
        )
    assert main(["eval", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for section in ("events", "not_events", "statements", "claims", "media", "actors", "people", "places"):
        assert f"\n{section} " in out
    assert "Event types" in out
    assert "per article" in out and "seed-one" in out and "seed-two" in out
    assert main(["eval", "--json", str(shared / "gold" / "seed")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"]["articles"] == 1
    assert {"events", "statements", "claims"} <= set(data["articles"]["sections"])
    assert set(data["per_article"]) == {"thereference-21499"}
