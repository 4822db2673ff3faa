"""The actor dictionary as data: built-in files, user files through Settings, errors for bad files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import extract_text
from eventdesk.config import Settings
from eventdesk.errors import InputError
from eventdesk.extract import Extractor
from eventdesk.knowledge.actors import (
    ACTOR_TYPES,
    COLUMNS,
    DATA,
    load_actor_dictionary,
    read_actor_file,
)

HEADER = "\t".join(COLUMNS) + "\n"


@pytest.fixture(scope="module")
def dictionary():
    return load_actor_dictionary(())


def test_curated_entries(dictionary) -> None:
    taliban = dictionary.get("Taliban")
    assert (taliban.type, taliban.country, taliban.inter) == ("state_forces", "AF", 1)
    assert "Islamic Emirate of Afghanistan" in taliban.aliases
    assert dictionary.get("Islamic State Khorasan Province").parent == "Islamic State"
    assert "Islamic State Khorasan Province" in dictionary.children["Islamic State"]
    expected = (
        "al-Qaeda", "Jama'at Nusrat al-Islam wal-Muslimin", "Boko Haram", "Tehrik-i-Taliban Pakistan",
        "al-Shabaab", "Ansar Allah", "United Nations", "North Atlantic Treaty Organization", "Reuters",
        "Economic Community of West African States", "Global Coalition against Daesh",
    )
    for name in expected:
        assert dictionary.get(name) is not None, name


def test_every_entry_is_well_formed(dictionary) -> None:
    for entry in dictionary.entries.values():
        assert entry.type is None or entry.type in ACTOR_TYPES
        assert entry.inter is None or 1 <= entry.inter <= 8
        assert entry.country is None or (len(entry.country) == 2 and entry.country.isupper())
        assert entry.parent is None or dictionary.get(entry.parent) is not None, entry.name


def test_phoenix_bootstrap_adds_groups_without_duplicating_curated_ones() -> None:
    phoenix = read_actor_file(DATA / "actors_phoenix.tsv")
    assert len(phoenix) > 500
    names = {e.name for e in phoenix}
    assert "Liberation Tigers of Tamil Eelam" in names or any("Tamil" in n for n in names)
    aliases = {a.lower() for e in phoenix for a in (e.name, *e.aliases)}
    assert not {"al-qaeda", "taliban", "boko haram", "al-shabaab"} & aliases


def test_user_file_adds_an_actor(tmp_path: Path) -> None:
    user = tmp_path / "mine.tsv"
    line = "Jamaat Ansar al-Furqan\trebel_group\t2\tIR\t\t\tno\tAnsar al-Furqan|JAF\n"
    user.write_text(HEADER + line, encoding="utf-8")
    extractor = Extractor(Settings(user_actors=(str(user),)), components=["actors"])
    text = "Ansar al-Furqan claimed the attack on a police post in Sistan-Baluchestan."
    result = extract_text(extractor, text)
    found = [a for a in result.actors if a.name == "Jamaat Ansar al-Furqan"]
    assert found and (found[0].type, found[0].country, found[0].inter) == ("rebel_group", "IR", 2)
    assert found[0].mentions[0].text == "Ansar al-Furqan"


def test_user_file_replaces_an_entry_of_the_same_name(tmp_path: Path) -> None:
    user = tmp_path / "override.tsv"
    user.write_text(HEADER + "Taliban\trebel_group\t2\tAF\t\t\tno\tTaleban\n", encoding="utf-8")
    dictionary = load_actor_dictionary((str(user),))
    assert dictionary.get("Taliban").type == "rebel_group"


def test_user_words_file_extends_member_nouns(tmp_path: Path) -> None:
    words = tmp_path / "words.yaml"
    words.write_text("member_nouns: [mujahideen]\n", encoding="utf-8")
    dictionary = load_actor_dictionary((str(words),))
    assert "mujahideen" in dictionary.words.member_nouns
    assert "fighters" in dictionary.words.member_nouns


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("name\ttype\n", "header"),
        (HEADER + "Somebody\twarlords\t\t\t\t\tno\t\n", "unknown actor type"),
        (HEADER + "Somebody\trebel_group\t9\t\t\t\tno\t\n", "inter"),
        (HEADER + "Somebody\trebel_group\t2\t\t\t\tno\t\t2021\n", "period"),
    ],
)
def test_bad_user_files_are_input_errors(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.tsv"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_actor_dictionary((str(bad),))


def test_missing_user_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_actor_dictionary((str(tmp_path / "absent.tsv"),))


def test_periods_give_an_actor_its_type_by_the_article_date(dictionary) -> None:
    insurgents = dictionary.get("Taliban", date(2019, 6, 1))
    state = dictionary.get("Taliban", date(2022, 6, 1))
    assert (insurgents.type, insurgents.inter) == ("rebel_group", 2)
    assert (state.type, state.inter) == ("state_forces", 1)
    assert dictionary.get("Taliban").type == "state_forces"  # no date: the current row


def test_taliban_in_an_article_before_and_after_august_2021() -> None:
    extractor = Extractor(Settings(), components=["actors"])
    text = "Taliban fighters overran a police checkpoint in Kunduz province on Tuesday."
    before = [a for a in extract_text(extractor, text, "2020-10-06").actors if a.name == "Taliban"]
    after = [a for a in extract_text(extractor, text, "2023-10-06").actors if a.name == "Taliban"]
    assert (before[0].type, before[0].inter) == ("rebel_group", 2)
    assert (after[0].type, after[0].inter) == ("state_forces", 1)


def test_user_file_without_the_period_column_and_with_periods(tmp_path: Path) -> None:
    user = tmp_path / "old.tsv"
    old_header = "\t".join(COLUMNS[:-1]) + "\n"
    user.write_text(old_header + "Ansar al-Furqan\trebel_group\t2\tIR\t\t\tno\tJAF\n", encoding="utf-8")
    dated = tmp_path / "dated.tsv"
    rows = ["Example Front\trebel_group\t2\tXX\t\t\tno\t\t/2019-12-31",
            "Example Front\tgovernment\t1\tXX\t\t\tno\t\t2020-01-01/"]
    dated.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    dictionary = load_actor_dictionary((str(user), str(dated)))
    assert dictionary.get("Ansar al-Furqan").inter == 2
    assert dictionary.get("Example Front", date(2018, 1, 1)).type == "rebel_group"
    assert dictionary.get("Example Front", date(2021, 1, 1)).type == "government"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RSF fighters shelled the city's main hospital, the Sudanese Armed Forces said.",
         {"Rapid Support Forces", "Military Forces of Sudan"}),
        ("The FARDC and allied Wazalendo fighters pushed M23 rebels back from Sake.",
         {"Military Forces of the Democratic Republic of Congo", "Wazalendo", "M23"}),
        ("CODECO militiamen raided a displacement camp in Djugu territory.", {"CODECO"}),
        ("The Arakan Army and the Kachin Independence Army both reported clashes with the Tatmadaw.",
         {"Arakan Army", "Kachin Independence Army", "Military Forces of Myanmar"}),
        ("Police clashed with PTI supporters and TLP activists in Rawalpindi.",
         {"Pakistan Tehreek-e-Insaf", "Tehreek-e-Labbaik Pakistan"}),
        ("A CJNG cell ambushed Mexico's National Guard near Apatzingan; the Sinaloa Cartel denied it.",
         {"Jalisco New Generation Cartel", "Military Forces of Mexico", "Sinaloa Cartel"}),
        ("Fano militiamen seized the town after ENDF troops withdrew.",
         {"Fano", "Military Forces of Ethiopia"}),
        ("Viv Ansanm and 400 Mawozo gunmen attacked the Haitian National Police in Croix-des-Bouquets.",
         {"Viv Ansanm", "400 Mawozo", "Police Forces of Haiti"}),
        ("ELN guerrillas and Clan del Golfo fighters clashed while FARC dissidents held the area.",
         {"National Liberation Army", "Clan del Golfo", "FARC dissidents"}),
        ("Dan Na Ambassagou militiamen burned a Fulani hamlet near Bankass.", {"Dan Na Ambassagou"}),
    ],
)
def test_actors_of_acled_regions(text: str, expected: set[str]) -> None:
    extractor = Extractor(Settings(), components=["actors"])
    names = {a.name for a in extract_text(extractor, text).actors}
    assert expected <= names, names
