"""People: names with roles and organisations from titles and appositions; later partial mentions."""

from __future__ import annotations

from actor_support import actors_extractor, seed_actors
from conftest import SEED, extract_text
from eventdesk.records import Person, Result


def person(result: Result, name: str) -> Person:
    found = [p for p in result.people if p.name == name]
    assert found, f"{name} not among {[p.name for p in result.people]}"
    return found[0]


def test_seed_people_roles_and_organisations() -> None:
    seed_result = seed_actors()
    expected = {
        "Zabihullah Mujahid": ("spokesman", "Taliban"),
        "Antonio Guterres": ("Secretary-General", "United Nations"),
        "Ahmed Sayed Abu Salima": ("researcher of Afghan affairs", None),
    }
    for name, (role, organization) in expected.items():
        found = person(seed_result, name)
        assert (found.role, found.organization) == (role, organization)
    envoy = person(seed_result, "Richard Mills")  # a title with two "of/to" phrases is kept whole
    assert envoy.organization == "United States"
    assert (envoy.role or "").startswith("deputy representative of") and envoy.role.endswith("Nations")


def test_seed_people_spans_and_partial_mentions() -> None:
    seed_result = seed_actors()
    text = SEED.read_text(encoding="utf-8")
    for p in seed_result.people:
        for span in p.mentions:
            assert text[span.start : span.end] == span.text
    salima = [m.text for m in person(seed_result, "Ahmed Sayed Abu Salima").mentions]
    assert salima == ["Ahmed Sayed Abu Salima", "Abu Salima"]
    mujahid = person(seed_result, "Zabihullah Mujahid").mentions[0]
    assert " ".join(mujahid.text.split()) == "Zabihullah Mujahid"


def test_seed_place_read_as_person_is_dropped() -> None:
    seed_result = seed_actors()
    assert "Karte Naw" not in {p.name for p in seed_result.people}  # "the town of Karte Naw"


def test_title_before_name() -> None:
    extractor = actors_extractor()
    text = "Pakistani Interior Minister Mohsin Naqvi said on Tuesday that the TTP was behind the blast."
    found = person(extract_text(extractor, text), "Mohsin Naqvi")
    assert found.role == "Interior Minister"


def test_possessive_apposition_gives_role_and_organisation() -> None:
    extractor = actors_extractor()
    text = "The attack was claimed by Abu Omar, the Taliban's spokesman in Kandahar, on Monday."
    found = person(extract_text(extractor, text), "Abu Omar")
    assert found.role == "spokesman in Kandahar"
    assert found.organization == "Taliban"


def test_surname_mentions_join_the_person() -> None:
    extractor = actors_extractor()
    text = ("Al-Shabaab commander Ahmed Diriye was killed in a strike near Jilib, the Somali army said. "
            "Diriye had led the group since 2014.")
    found = person(extract_text(extractor, text), "Ahmed Diriye")
    assert found.role == "commander" and found.organization == "al-Shabaab"
    assert [m.text for m in found.mentions] == ["Ahmed Diriye", "Diriye"]


def test_name_without_title_has_no_invented_role() -> None:
    extractor = actors_extractor()
    text = "Residents said Mohammed Karimi fled the village after the attack."
    result = extract_text(extractor, text)
    for p in result.people:
        assert p.role is None and p.organization is None


def test_place_after_locative_preposition_is_not_a_person() -> None:
    extractor = actors_extractor()
    result = extract_text(extractor, "Near Raqqah, one strike destroyed an ISIL fighting position.")
    assert not [p for p in result.people if "Raqqah" in p.name]


def test_possessive_owner_before_title() -> None:
    extractor = actors_extractor()
    text = "The Taliban's chief spokesman Zabihullah Mujahid denied the report."
    found = person(extract_text(extractor, text), "Zabihullah Mujahid")
    assert (found.role, found.organization) == ("chief spokesman", "Taliban")


def test_title_and_actor_inside_a_person_entity_are_not_the_name() -> None:
    from types import SimpleNamespace

    from spacy.tokens import Span as SpacySpan

    from eventdesk.extract.people import _name_part

    doc = actors_extractor().nlp.make_doc("Taliban spokesman Zabihullah Mujahid's remarks")
    ent = SpacySpan(doc, 0, 5, label="PERSON")  # as a NER might tag it: actor, title, name, possessive
    taliban = SimpleNamespace(start=0, end=1, name="Taliban", entry=object())
    name = _name_part(ent, frozenset({"spokesman"}), {0: taliban})
    assert name is not None and name.text == "Zabihullah Mujahid"


# places the NER takes for people, names split or taken for organisations -------------------------------


def names_of_people(text: str) -> dict[str, str | None]:
    return {p.name: p.role for p in extract_text(actors_extractor(), text).people}


def test_places_in_place_context_are_not_people() -> None:
    texts = [
        "Gunmen stormed a market in Gao (Gao, Gao) and a checkpoint near Ansongo (Ansongo, Gao) on Monday.",
        "Troops withdrew from the Tessalit military base, a resident of Kidal said.",
        "Bandits killed four farmers in Tsafe, Zamfara State, and fled towards Gusau.",
        "Militants ambushed a convoy between Kunduz and Baghlan-e Jadid, near Pul-e Khumri.",
    ]
    places = {"Gao", "Ansongo", "Tessalit", "Kidal", "Tsafe", "Zamfara State", "Gusau", "Pul-e Khumri"}
    for text in texts:
        assert not places & set(names_of_people(text)), text


def test_a_title_with_its_qualifier_and_a_split_name_make_one_person() -> None:
    people = names_of_people("Drones hit Dnipro overnight, regional governor Serhiy Lysak wrote on Telegram.")
    assert people.get("Serhiy Lysak") == "regional governor"
    text = "The attackers escaped, the state police commissioner Mohammed Bello Shehu said."
    people = names_of_people(text)
    assert any(name.endswith("Shehu") for name in people)


def test_a_role_before_a_comma_and_the_name() -> None:
    text = "Two officers were wounded, the army spokesman, Onyema Nwachukwu, told reporters in Abuja."
    people = names_of_people(text)
    assert any("spokesman" in (role or "") for role in people.values()), people
