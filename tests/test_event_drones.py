"""Munitions dropped from drones are air/drone strikes (ACLED), and a drone nobody is said to own is no
state's: armed groups fly them too, so it stands for an unidentified armed group until the text names an
owner ("a Turkish drone")."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor


@pytest.mark.parametrize(
    "text",
    [
        "A drone dropped explosives on an army post near Kidal on Sunday, wounding three soldiers.",
        "A quadcopter dropped a grenade on a checkpoint in Bakhmut on Monday.",
        "Rebels used drones to drop bombs on a police station in Hpakant on Monday.",
    ],
)
def test_munitions_dropped_from_a_drone_are_a_drone_strike(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


@pytest.mark.parametrize(
    "text",
    [
        "Prices dropped sharply in Lagos on Monday.",
        "Prosecutors dropped the charges against two reporters in Abuja on Monday.",
        "A man threw a grenade into a bar in Mombasa on Monday.",
    ],
)
def test_other_drops_and_hand_grenades_are_no_drone_strike(extractor: Extractor, text: str) -> None:
    events = extract_text(extractor, text).events
    assert all(e.sub_event_type != "Air/drone strike" for e in events)
    assert len(events) == (1 if "grenade" in text else 0)


def test_a_drone_nobody_is_said_to_own_is_an_unidentified_armed_group(extractor: Extractor) -> None:
    text = "A drone dropped explosives on a police station in Suarez, Colombia, on Sunday."
    (event,) = extract_text(extractor, text).events
    assert event.actor1 == "Unidentified Armed Group (Colombia)"
    assert event.actor2 == "Police Forces of Colombia"


def test_a_drone_of_a_named_state_is_that_state_s(extractor: Extractor) -> None:
    (event,) = extract_text(extractor, "A Turkish drone struck a car near Qamishli on Monday.").events
    assert event.actor1 == "Military Forces of Turkey"
