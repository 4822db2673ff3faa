"""Incidents across articles: the linking decision on hand-built events, linking in the database, ACLED's
fatality rule, reversal by an analyst, and two real-looking reports end to end."""

from __future__ import annotations

from dataclasses import replace

import pytest
from sqlalchemy import select

from eventdesk.records import Article, DateRange, Event
from eventdesk.store import EventQuery, Store
from eventdesk.store.linking import EventFacts, agreement, distance_km, load_rules
from eventdesk.store.models import AuditRow
from support_store import KABUL, KANDAHAR, db_url, event, result  # noqa: F401

RULES = load_rules()
NEAR_KABUL = (34.60, 69.25)  # about 11 km from the centre of Kabul
JALALABAD = (34.4265, 70.4515)  # about 118 km east


def facts(article: int, item: Event) -> EventFacts:
    return EventFacts.from_event(article, item.to_dict())


def agree(a: Event, b: Event) -> dict[str, str] | None:
    return agreement(facts(1, a), facts(2, b), RULES)


def test_distance_is_great_circle() -> None:
    assert distance_km(*KABUL, *JALALABAD) == pytest.approx(118, abs=3)
    assert distance_km(*KABUL, *KABUL) == 0


def test_two_reports_of_one_attack_agree_and_say_why() -> None:
    first = event(1, actor1="Taliban", dead=5)
    agreed = agree(first, event(1, where=NEAR_KABUL, actor1="the Taliban", dead=7))
    assert agreed is not None
    assert set(agreed) == {"date", "place", "type", "actors", "site"}
    assert agreed["place"].endswith("km apart") and agreed["actors"] == "shared actors (Taliban)"


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (event(1, where=JALALABAD, place="Jalalabad"), "more than 25 km away"),
        (event(1, day="2024-05-08"), "another day"),
        (event(1, "Protests", "Peaceful protest"), "incompatible type"),
        (event(1, actor1="Islamic State"), "other perpetrators"),
        (event(1, where=None), "no place to compare"),
    ],
)
def test_different_incidents_do_not_agree(other: Event, why: str) -> None:
    assert agree(event(1, actor1="Taliban"), other) is None, why


def test_compatible_types_agree_only_with_a_shared_actor_or_site() -> None:
    attack = event(1, "Violence against civilians", actor1="Taliban", target="a wedding party")
    assert agree(attack, event(1, "Explosions/Remote violence", "Suicide bomb", actor1="Taliban")) is not None
    assert agree(attack, event(1, "Explosions/Remote violence", "Suicide bomb",
                               target="the wedding hall")) is not None
    assert agree(attack, event(1, "Explosions/Remote violence", "Suicide bomb")) is None


def test_same_type_with_unknown_actors_agrees() -> None:
    assert agree(event(1, actor1="Taliban"), event(1)) is not None


def test_strategic_developments_need_the_same_sub_event_type() -> None:
    arrests = event(1, "Strategic developments", "Arrests")
    assert agree(arrests, event(1, "Strategic developments", "Agreement")) is None
    assert agree(arrests, event(1, "Strategic developments", "Arrests")) is not None


def test_different_sites_in_one_city_do_not_agree() -> None:
    market = event(1, target="the Shor Bazaar market")
    ministry = event(1, target="the Ministry of Interior")
    assert agree(market, ministry) is None
    assert agree(market, event(1, target="a crowded market")) is not None


def test_same_admin2_agrees_without_coordinates() -> None:
    a, b = event(1, where=None), event(1, where=None)
    for item in (a, b):
        item.location = replace(item.location, admin2="Paghman")
    assert agree(a, b) == {**agree(a, b), "place": "same admin2 (Paghman)"}  # type: ignore[arg-type, dict-item]


def test_a_week_long_report_overlaps_a_day() -> None:
    week = event(1)
    week.date = DateRange(start="2024-05-04", end="2024-05-10", precision=2)
    assert agree(week, event(1))["date"] == "overlapping dates"  # type: ignore[index]


def test_events_of_one_article_are_never_linked() -> None:
    assert agreement(facts(1, event(1)), facts(1, event(2)), RULES) is None


def test_two_outlets_one_incident_with_both_sources(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("a", "report a", event(1, actor1="Taliban", dead=5), source="Pajhwok"))
    second = event(1, where=NEAR_KABUL, actor1="Taliban", dead=7)
    store.add(result("b", "report b", second, source="TOLOnews"))
    [incident] = store.incidents(EventQuery())
    assert incident.sources == ["Pajhwok", "TOLOnews"]
    assert (incident.fatalities, incident.fatalities_low, incident.fatalities_high) == (5, 5, 7)
    members = store.incident_members(incident.id)
    assert [agreed for _, _, agreed in members][1]["actors"] == "shared actors (Taliban)"


def test_two_incidents_same_day_same_city_stay_two(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("a", "report a", event(1, "Battles", "Armed clash", actor1="Taliban", actor2="Police")))
    store.add(result("b", "report b", event(1, "Violence against civilians", actor1="Islamic State")))
    store.add(result("c", "report c", event(1, "Explosions/Remote violence", "Remote explosive/landmine/IED",
                                            target="a bus of university students")))
    store.add(result("d", "report d", event(1, "Explosions/Remote violence", "Remote explosive/landmine/IED",
                                            target="the Ministry of Interior")))
    assert len(store.incidents(EventQuery())) == 4


def test_one_article_with_two_attacks_in_one_city_keeps_both(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("a", "two blasts", event(1), event(2)))
    store.add(result("b", "one of them", event(1)))
    incidents = store.incidents(EventQuery())
    assert sorted(len(store.incident_members(i.id)) for i in incidents) == [1, 2]


def test_unlink_and_link_back_are_audited(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("a", "report a", event(1, dead=5), source="Pajhwok"))
    store.add(result("b", "report b", event(1, dead=9), source="Ariana"))
    [incident] = store.incidents(EventQuery())
    second = store.incident_members(incident.id)[1][0].id
    separate = store.unlink(second, who="analyst", reason="different attack")
    incidents = {i.id: i for i in store.incidents(EventQuery())}
    assert len(incidents) == 2
    assert incidents[incident.id].fatalities == 5 and incidents[separate].fatalities == 9
    store.link(second, incident.id, who="analyst", reason="same attack after all")
    with store.sessions() as session:
        audit = session.scalars(select(AuditRow).order_by(AuditRow.id)).all()
    assert [a.action for a in audit] == ["unlink", "link"]
    assert audit[0].before["incident_id"] == incident.id and audit[0].after == {"incident_id": separate}
    [merged] = store.incidents(EventQuery())
    assert merged.fatalities_high == 9 and store.integrity_problems() == []


def test_new_report_joins_the_nearest_agreeing_incident(db_url: str) -> None:  # noqa: F811
    store = Store(db_url)
    store.add(result("kandahar", "k", event(1, where=KANDAHAR, place="Kandahar")))
    store.add(result("kabul", "a", event(1)))
    store.add(result("kabul2", "b", event(1, where=NEAR_KABUL)))
    by_place = {i.location: i for i in store.incidents(EventQuery())}
    assert set(by_place) == {"Kandahar", "Kabul"}
    assert len(store.incident_members(by_place["Kabul"].id)) == 2


REPORT_A = (
    "KABUL, May 6 (Wire) - A suicide bomber killed six people and wounded 14 others outside the Ministry of "
    "Education in Kabul on Monday, the interior ministry said. No group has claimed responsibility."
)
REPORT_B = (
    "At least eight people were killed when a suicide bomber blew himself up outside the education ministry "
    "in Kabul on Monday, a health official told reporters. Witnesses said the blast shattered windows."
)


def test_end_to_end_two_outlets_one_incident(extractor, tmp_path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'e.db'}")
    for name, text, outlet in (("a", REPORT_A, "Wire A"), ("b", REPORT_B, "Wire B")):
        store.add(extractor.extract(Article(id=name, text=text, source=outlet, published="2024-05-06")))
    events = store.events(EventQuery())
    assert len(events) >= 2, "the extractor found no event in one of the reports"
    incidents = store.incidents(EventQuery())
    assert any(i.sources == ["Wire A", "Wire B"] for i in incidents)
    assert store.integrity_problems() == []
