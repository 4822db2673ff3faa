"""What a verb acts on is a place when the places component read it as one, whatever label the language
model gave the name: "captured Wad Madani" takes a town (the model may tag it a person), while "captured"
a named person is still an abduction or an arrest."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "The Rapid Support Forces captured Wad Madani on Monday.",
        "M23 rebels captured Rubaya on Tuesday after a day of fighting.",
    ],
)
def test_a_town_captured_is_territory_taken(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Non-state actor overtakes territory"]


def test_a_person_captured_is_still_taken_away(extractor: Extractor) -> None:
    events = extract_text(extractor, "Gunmen captured Musa Ali near Kano on Monday.").events
    assert [e.sub_event_type for e in events] == ["Abduction/forced disappearance"]


def test_workers_executed_are_people_attacked(extractor: Extractor) -> None:
    text = "Gunmen stopped a bus near Turbat, checked identity cards and executed five labourers from Punjab."
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Attack"]


def test_a_common_noun_after_a_bare_dateline_is_no_organisation(extractor: Extractor) -> None:
    events = extract_text(extractor, "KABUL - Police raided a house on Monday and detained two men.").events
    assert [e.actor1 for e in events] == ["Police Forces of Afghanistan"]
