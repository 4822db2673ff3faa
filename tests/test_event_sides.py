"""Who the sides of an incident are, read from the phrases of whole news sentences: attacks fought off,
buildings of a force, names the parser leaves outside their phrase, clauses inside a phrase, datelines,
and victims told in the toll sentence after the incident."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Event, Result


def _first(result: Result) -> Event:
    assert result.events, "no event extracted"
    return min(result.events, key=lambda e: min(s.start for s in e.evidence))


# --- an attack fought off: its author struck first -------------------------------------------------------


def test_an_assault_fought_off_has_its_author_first(extractor: Extractor) -> None:
    text = "Troops fought off a dawn assault by ISWAP fighters on an army base in Monguno on Sunday."
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Battles"
    assert event.actor1 == "Islamic State West Africa Province"
    assert event.actor2 == "Military Forces of Nigeria"


def test_an_attack_repelled_has_the_defenders_second(extractor: Extractor) -> None:
    text = "Police repelled an attack by gunmen on a checkpoint near Kano on Monday."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"
    assert event.actor2 == "Police Forces of Nigeria"


def test_an_attack_made_keeps_its_doer_first(extractor: Extractor) -> None:
    # a "by" phrase inside the object that is no attack changes nothing
    event = _first(extract_text(extractor, "Soldiers attacked a camp run by rebels near Beni on Monday."))
    assert event.actor1 == "Military Forces of the Democratic Republic of Congo"


# --- a building named by the force that holds it -----------------------------------------------------------


def test_a_police_station_attacked_by_gunmen_is_the_police(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Gunmen attacked a police station in Zamfara on Sunday."))
    assert event.actor2 == "Police Forces of Nigeria"
    assert event.actor2_text is not None and event.actor2_text.text == "police station"


def test_a_police_station_burnt_by_rioters_is_property_not_the_police(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Rioters set fire to a police station in Zamfara on Sunday."))
    assert event.event_type == "Riots"
    assert event.actor2 is None


# --- the parser's phrase and the words of the side ---------------------------------------------------------


def test_an_adjective_left_before_a_name_describes_the_name(extractor: Extractor) -> None:
    text = "Rockets fired by the paramilitary Rapid Support Forces hit a market in Omdurman, killing nine."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Rapid Support Forces"


def test_an_actor_in_a_clause_inside_the_target_is_not_the_side_hit(extractor: Extractor) -> None:
    text = (
        "On Monday, Sudanese army warplanes bombed a residential district of Nyala, which the RSF has held "
        "since last year. Seven civilians were killed."
    )
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Military Forces of Sudan"
    assert event.actor2 == "Civilians (Sudan)"  # the toll's victims, not the RSF of the clause
    assert event.fatalities.best == 7


def test_victims_of_the_toll_sentence_are_the_side_hit(extractor: Extractor) -> None:
    text = "Sudanese army warplanes bombed a market in Nyala on Monday. Seven civilians were killed."
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Civilians (Sudan)"
    assert event.target == "market"


def test_the_dateline_is_no_part_of_the_side_words(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "LAGOS, Nigeria - Gunmen killed four farmers near Jos on Sunday."))
    assert event.actor1_text is not None and event.actor1_text.text == "Gunmen"


def test_a_bracketed_short_name_is_closed_in_the_side_words(extractor: Extractor) -> None:
    text = "A drone struck a car near Qamishli, killing two members of the Syrian Democratic Forces (SDF)."
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Syrian Democratic Forces"
    assert event.actor2_text is not None and event.actor2_text.text.endswith("(SDF)")


def test_a_crowd_turned_rioters_is_no_associate_of_itself(extractor: Extractor) -> None:
    text = "Protesters set fire to part of the parliament building in Nairobi."
    event = _first(extract_text(extractor, text))
    assert (event.actor1 or "").startswith("Rioters")
    assert event.assoc_actor1 == []


# --- ACLED's country names in generated actor names ---------------------------------------------------------


def test_forces_of_a_country_named_with_the_article_take_it(extractor: Extractor) -> None:
    text = "Police shot dead two suspected kidnappers in Cotabato City on Sunday."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Police Forces of the Philippines"


def test_congo_is_named_as_acled_names_it(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Militiamen killed six villagers near Djugu in Ituri on Sunday."))
    assert event.actor2 == "Civilians (Democratic Republic of Congo)"


# --- forces named by a possessive pronoun ------------------------------------------------------------------


def test_their_troops_are_the_forces_of_who_spoke(extractor: Extractor) -> None:
    text = "Rwandan forces said on Monday that their troops had clashed with insurgents near Palma."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Military Forces of Rwanda"


def test_its_fighters_are_the_group_that_claimed(extractor: Extractor) -> None:
    text = "Al-Shabaab said its fighters ambushed an army convoy near Baidoa on Monday."
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "al-Shabaab"


def test_their_attackers_are_not_the_speakers(extractor: Extractor) -> None:
    text = "Police said their attackers killed two officers at a checkpoint in Owo on Sunday."
    event = _first(extract_text(extractor, text))
    assert not (event.actor1 or "").startswith("Police")


# --- "shot dead" read by the parser as a noun and an adjective ---------------------------------------------


def test_gunmen_who_shot_dead_a_worker_attacked_a_civilian(extractor: Extractor) -> None:
    text = "In Kurram district, gunmen on a motorbike shot dead a vaccination worker as she visited homes."
    event = _first(extract_text(extractor, text))
    assert event.sub_event_type == "Attack"
    assert event.actor1 == "Unidentified Armed Group (Pakistan)"
    assert event.actor2 == "Civilians (Pakistan)"
    assert event.assoc_actor2 == ["Health Workers (Pakistan)"]


# --- a party's history told in a clause set off by commas --------------------------------------------------


def test_a_groups_history_in_an_aside_is_no_incident(extractor: Extractor) -> None:
    for text in (
        "The coalition, which launched an offensive in Sagaing in late October and has since overrun dozens "
        "of army posts, said it would keep fighting.",
        "Fano, a network of militias that fought beside the army during the Tigray war, rejected the offer.",
    ):
        assert extract_text(extractor, text).events == [], text


def test_a_defining_clause_or_a_place_clause_still_tells_the_incident(extractor: Extractor) -> None:
    text = "RSF fighters who stormed the village of Shagra last week raped five women, a charity said."
    assert _first(extract_text(extractor, text)).sub_event_type == "Sexual violence"
    text = "Fighting was reported on Saturday in Debre Markos, where Fano fighters attacked army positions."
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Battles" and event.actor1 == "Fano"


def test_an_aside_with_a_day_of_its_own_is_an_incident(extractor: Extractor) -> None:
    text = "The rebels, who attacked Goma airport on Sunday, said on Monday they would hold the city."
    assert extract_text(extractor, text).events


def test_their_troops_are_the_speakers_not_the_country_named_between(extractor: Extractor) -> None:
    text = (
        "Rwandan forces, deployed in Cabo Delgado since 2021 to help Mozambique fight the insurgency, said "
        "on Monday that their troops had clashed with insurgents on Sunday near Mocimboa da Praia."
    )
    event = _first(extract_text(extractor, text))
    assert event.actor1 == "Military Forces of Rwanda"


# --- armed men named for their community -------------------------------------------------------------------


def test_armed_men_of_two_communities_are_their_militias(extractor: Extractor) -> None:
    text = (
        "Two people died on Saturday when armed men from the Kuki and Meitei communities exchanged fire "
        "near Moirang."
    )
    event = _first(extract_text(extractor, text))
    assert event.event_type == "Battles"
    assert event.actor1 == "Kuki Ethnic Militia (India)"
    assert event.actor2 == "Meitei Ethnic Militia (India)"
    assert event.inter1 == event.inter2 == 4


def test_gunmen_from_a_village_stay_unidentified(extractor: Extractor) -> None:
    event = _first(extract_text(extractor, "Gunmen from the village attacked a farm near Jos on Sunday."))
    assert event.actor1 == "Unidentified Armed Group (Nigeria)"


def test_guardsmen_are_a_states_military(extractor: Extractor) -> None:
    text = "A roadside bomb killed two guardsmen near Coalcoman in Michoacan on Sunday."
    event = _first(extract_text(extractor, text))
    assert event.actor2 == "Military Forces of Mexico"
