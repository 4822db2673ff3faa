"""How many died, when the text says nobody did: 0 where it says so, nothing where it says nothing."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event, Result


def _first(result: Result) -> Event:
    assert result.events, "no event extracted"
    return min(result.events, key=lambda e: min(s.start for s in e.evidence))


def test_nobody_hurt_means_nobody_killed(extractor: Extractor) -> None:
    text = "A bomb went off near a bus stop in Maiduguri on Monday. No one was hurt."
    event = _first(extract_text(extractor, text))
    assert event.fatalities.best == 0
    assert event.injuries.best == 0


def test_a_toll_not_mentioned_stays_unknown(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "A bomb went off near a bus stop in Maiduguri on Monday."))
    assert event.fatalities.best is None


def test_a_protest_told_to_end_peacefully_has_no_dead(extractor: Extractor) -> None:
    text = "Hundreds of teachers marched through Nairobi on Monday. The march passed off peacefully."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Peaceful protest"
    assert event.fatalities.best == 0


def test_a_protest_whose_end_is_not_told_has_no_figure(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Hundreds of teachers marched through Nairobi on Monday."))
    assert event.sub_event_type == "Peaceful protest"
    assert event.fatalities.best is None


def test_a_death_toll_told_after_the_attack_is_its_count(extractor: Extractor) -> None:
    for text in (
        "Gunmen raided a village near Djibo on Thursday. The death toll rose to 17, the governor said.",
        "Gunmen raided a village near Djibo on Thursday. The governor put the death toll at 17.",
    ):
        event = _first(extract_text(extractor, text))
        assert event.fatalities.best == 17, text


def test_a_toll_road_is_no_count_of_the_dead(extractor: Extractor) -> None:
    text = "Gunmen raided a village near Djibo on Thursday. The toll road to the town was closed for 3 days."
    event = _first(extract_text(extractor, text))
    assert event.fatalities.best is None


# --- a record up to now is no incident ---------------------------------------------------------------------


def test_what_a_war_has_killed_so_far_is_no_incident(extractor: Extractor) -> None:
    text = (
        "The war between the army and the militia, which erupted last spring, has killed tens of thousands "
        "of people and driven millions from their homes."
    )
    assert extract_text(extractor, text).events == []


def test_a_fresh_toll_in_the_present_perfect_is_an_incident(extractor: Extractor) -> None:
    for text in (
        "Gunmen have killed 12 people in an attack on a village near Zaria, police said.",
        "Gunmen have kidnapped dozens of students from a school in Kaduna, police said.",
        "Striking dockers have staged rallies in Mombasa against the new port levy.",
    ):
        assert extract_text(extractor, text).events, text
