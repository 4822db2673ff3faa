"""Media: propaganda and official releases, claims of responsibility, their details and evidence."""

from __future__ import annotations

from pathlib import Path

from conftest import extract_text
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.knowledge import Knowledge
from eventdesk.records import Result


def test_seed_media_releases(seed_result: Result) -> None:
    media = seed_result.media
    assert [m.kind for m in media] == ["video", "magazine", "video"]
    assert {m.actor for m in media} == {"Islamic State Khorasan Province"}
    clip, magazine, visual = media
    assert clip.duration_minutes == 47
    assert "attacks on diplomatic centers" in " ".join(clip.evidence.text.split())
    assert (magazine.title, magazine.issue, magazine.language) == ("Voice of Khorasan", 4, "Arabic")
    assert visual.about is not None and visual.about.startswith("its members pledging allegiance")
    assert "pledging allegiance" in visual.evidence.text.replace("\n", " ")


def test_claims_of_responsibility_cover_the_claimed_attack(extractor: Extractor) -> None:
    text = (
        "Al-Shabaab claimed responsibility for the car bombing at the checkpoint in Mogadishu. "
        "On Friday, Boko Haram claimed the attack on the military base."
    )
    media = extract_text(extractor, text).media
    claims = [m for m in media if m.kind == "claim_of_responsibility"]
    assert [m.about for m in claims] == ["the car bombing", "the attack"]
    assert all(m.actor for m in claims)
    assert "car bombing" in claims[0].evidence.text


def test_claiming_a_figure_is_not_a_claim_of_responsibility(extractor: Extractor) -> None:
    text = "Al-Shabaab claimed that its fighters had killed 20 soldiers."
    assert [m for m in extract_text(extractor, text).media if m.kind == "claim_of_responsibility"] == []


def test_audio_message_language_and_hour_long_video(extractor: Extractor) -> None:
    text = (
        "Al-Shabaab released an audio message in Somali from its leader. "
        "The Taliban published a 1-hour video showing the capture of a district centre."
    )
    media = extract_text(extractor, text).media
    kinds = {m.kind: m for m in media}
    assert kinds["audio"].language == "Somali"
    assert kinds["video"].duration_minutes == 60
    assert kinds["video"].about == "the capture of a district centre"


def test_a_statement_said_in_is_not_a_release(extractor: Extractor) -> None:
    text = "The Taliban said in a statement that its fighters had withdrawn from the town."
    assert extract_text(extractor, text).media == []


def test_magazine_titles_before_and_after_the_noun(extractor: Extractor) -> None:
    text = (
        "In its weekly al-Naba newsletter, the Islamic State said its fighters had killed 30 soldiers. "
        "The group's English-language magazine Dabiq devoted its latest issue to the Paris attacks."
    )
    magazines = [m for m in extract_text(extractor, text).media if m.kind == "magazine"]
    assert [(m.title, m.language) for m in magazines] == [("al-Naba", None), ("Dabiq", "English")]


def test_a_group_statement_is_a_release(extractor: Extractor) -> None:
    text = "The Taliban issued a statement condemning the attack on the hospital."
    media = extract_text(extractor, text).media
    assert [(m.kind, m.actor) for m in media] == [("statement", "Taliban")]


def test_user_file_extends_the_media_kinds(tmp_path: Path) -> None:
    extra = tmp_path / "media.yaml"
    extra.write_text("kinds:\n  audio:\n    nouns: [nasheed]\nrelease_verbs: [drop]\n", encoding="utf-8")
    lexicon = Knowledge(Settings(user_media_lexicon=(str(extra),))).media_words
    assert lexicon.kind_of_noun["nasheed"] == "audio" and lexicon.kind_of_noun["video"] == "video"
    assert {"drop", "publish"} <= lexicon.release_verbs
    assert "nasheed" not in Knowledge(Settings()).media_words.kind_of_noun


def test_a_user_count_noun_is_what_a_group_claims(tmp_path: Path) -> None:
    extra = tmp_path / "counts.yaml"
    extra.write_text("count_nouns: [sabotage]\n", encoding="utf-8")
    knowledge = Knowledge(Settings(user_claim_counts=(str(extra),)))
    assert "sabotage" in knowledge.count_words.count_nouns
    assert "sabotage" in knowledge.media_words.attack_nouns


def test_participial_depiction_is_what_the_video_shows(extractor: Extractor) -> None:
    text = (
        "Al-Shabaab published a 12-minute video on Sunday showing its fighters storming an army base near "
        "Beledweyne, and its radio station said the group had seized weapons."
    )
    video = next(m for m in extract_text(extractor, text).media if m.kind == "video")
    assert video.actor is not None and "Shabaab" in video.actor
    assert video.about is not None and video.about.endswith("an army base near Beledweyne")
    assert "storming an army base" in video.evidence.text


def test_its_refers_to_the_subject_that_released(extractor: Extractor) -> None:
    text = (
        "The Islamic State released photos of an attack on a Syrian army checkpoint, and its weekly "
        "newsletter al-Naba said the operation lasted two hours."
    )
    magazine = next(m for m in extract_text(extractor, text).media if m.kind == "magazine")
    assert magazine.actor == "Islamic State"


def test_audio_message_of_a_spokesman_for_the_group(extractor: Extractor) -> None:
    text = (
        "Boko Haram warned traders to leave the Gamboru market, a spokesman for the group said in an audio "
        "message sent to journalists."
    )
    audio = [m for m in extract_text(extractor, text).media if m.kind == "audio"]
    assert [m.actor for m in audio] == ["Boko Haram"]
