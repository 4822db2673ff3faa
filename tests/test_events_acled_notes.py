"""Events told the way ACLED's notes and wire leads tell them: ACLED's own actor names, and the constructions
of strategic developments, territory, protests and weapons that the typing reads (issue 3)."""

from __future__ import annotations

import pytest

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Result


def _types(result: Result) -> list[str]:
    return [e.sub_event_type for e in result.events]


def _first_type(extractor: Extractor, text: str) -> str | None:
    events = extract_text(extractor, text).events
    return min(events, key=lambda e: min(s.start for s in e.evidence)).sub_event_type if events else None


# --- ACLED's actor names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 2 March 2022, Police Forces of Peru (2021-) detained four union leaders in Cusco.", "Arrests"),
        (
            "On 9 June 2021, Military Forces of Chad (2021-) exchanged fire with FACT rebels near Mao.",
            "Armed clash",
        ),
    ],
)
def test_a_state_force_named_as_acled_names_it_is_the_state(
    extractor: Extractor, text: str, sub: str
) -> None:
    assert _first_type(extractor, text) == sub


def test_the_years_of_an_actor_name_are_not_the_date(extractor: Extractor) -> None:
    text = "On 5 May 2020, Police Forces of Kenya (2013-2022) traded fire with cattle raiders near Baragoi."
    (event,) = extract_text(extractor, text).events
    assert event.date.start == "2020-05-05"


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("On 3 June 2019, Rioters (Nigeria) beat a suspected thief to death in Ikeja.", "Mob violence"),
        ("On 8 July 2023, Rioters (France) torched a row of parked cars in Nanterre.", "Mob violence"),
    ],
)
def test_acled_generic_group_names_keep_their_actor_type(extractor: Extractor, text: str, sub: str) -> None:
    assert _first_type(extractor, text) == sub


def test_settlers_destroying_property_is_looting(extractor: Extractor) -> None:
    text = "On 4 April 2023, Israeli settlers burned two farm sheds and cut down vines near Turmus Ayya."
    assert _first_type(extractor, text) == "Looting/property destruction"
