"""Claims: counts over periods, with figure, qualifier, period, subject and source."""

from __future__ import annotations

from conftest import extract_text
from eventdesk.extract import Extractor
from eventdesk.records import Result


def test_seed_claims_have_value_qualifier_period_and_source(seed_result: Result) -> None:
    claims = {c.value: c for c in seed_result.claims}
    assert set(claims) == {24, 2}
    nearly = claims[24]
    assert (nearly.quantity, nearly.qualifier) == ("attacks", "approximately")
    assert (nearly.period.start, nearly.period.end) == ("2022-01-01", "2022-02-28")
    assert nearly.source == "Ahmed Sayed Abu Salima"
    assert nearly.subject == "Islamic State Khorasan Province"
    assert "24 attacks" in nearly.evidence.text
    only = claims[2]
    assert only.qualifier == "exactly"
    assert only.period.start == "2023-01-01"
    assert only.period.end is not None and only.period.end <= "2023-03-01"
    assert only.source == "Ahmed Sayed Abu Salima"
    evidence = only.evidence.text.split()  # from the qualifier to the end of the period phrase
    assert evidence[:3] == ["only", "two", "attacks"] and evidence[-2:] == ["this", "year"]
    assert len(evidence) == 9


def test_people_killed_since_a_month(extractor: Extractor) -> None:
    text = "The army said more than 300 fighters were killed since March in operations across the province."
    claims = extract_text(extractor, text, published="2024-05-10").claims
    assert len(claims) == 1
    claim = claims[0]
    assert (claim.quantity, claim.value, claim.qualifier) == ("fighters killed", 300, "at least")
    assert claim.period.start == "2024-03-01" and claim.period.text == "since March"
    assert claim.source == "army"


def test_two_counts_in_one_sentence_keep_the_subject(extractor: Extractor) -> None:
    text = "Boko Haram carried out 45 attacks in 2022, up from 30 attacks in 2021, the report found."
    claims = extract_text(extractor, text).claims
    assert [(c.value, c.period.start, c.period.end) for c in claims] == [
        (45, "2022-01-01", "2022-12-31"),
        (30, "2021-01-01", "2021-12-31"),
    ]
    assert claims[0].subject is not None and claims[0].subject == claims[1].subject


def test_an_incident_on_one_day_is_not_a_claim(extractor: Extractor) -> None:
    text = "Gunmen killed five people in an attack on a market on Monday, 6 May 2024."
    assert extract_text(extractor, text).claims == []


def test_a_count_without_a_period_is_not_a_claim(extractor: Extractor) -> None:
    text = "The group has carried out dozens of attacks and 12 bombings in the north."
    assert extract_text(extractor, text).claims == []


def test_period_after_a_long_counted_phrase(extractor: Extractor) -> None:
    text = (
        "According to UN figures, more than 1,200 civilians were killed or wounded in attacks on places "
        "of worship since January."
    )
    claims = extract_text(extractor, text, published="2021-10-09").claims
    assert [(c.quantity, c.value, c.qualifier, c.period.start) for c in claims] == [
        ("civilians killed", 1200, "at least", "2021-01-01")
    ]
    assert claims[0].source is not None


def test_period_opening_the_clause_and_people_killed_over_a_year(extractor: Extractor) -> None:
    text = (
        "In 2022, Boko Haram killed at least 300 civilians in Borno state. "
        "Gunmen killed five people in March in an attack on a village."
    )
    claims = extract_text(extractor, text, published="2024-05-10").claims
    assert [(c.subject, c.quantity, c.value, c.period.start) for c in claims] == [
        ("Boko Haram", "civilians killed", 300, "2022-01-01")
    ]
    assert "300 civilians" in claims[0].evidence.text and "2022" in claims[0].evidence.text


def test_people_killed_over_a_period_counted_back_is_a_claim(extractor: Extractor) -> None:
    text = (
        "In its latest bulletin, the Islamic State West Africa Province said its fighters had killed 45 "
        "soldiers over the past two weeks."
    )
    claims = extract_text(extractor, text, published="2024-05-02").claims
    assert [(c.value, c.quantity) for c in claims] == [(45, "soldiers killed")]
    assert claims[0].source is not None


def test_people_killed_last_month_stays_an_incident(extractor: Extractor) -> None:
    text = "Gunmen killed 14 farmers in the village of Dogo last month, police said."
    assert extract_text(extractor, text, published="2024-05-02").claims == []
