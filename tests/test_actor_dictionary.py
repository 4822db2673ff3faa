"""The actor dictionary as data: built-in files, user files through Settings, errors for bad files."""

from __future__ import annotations

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
