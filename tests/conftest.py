"""Shared fixtures: one Extractor per test session (loading spaCy is the slow part), paths to ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.records import Article, Result

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "gold" / "seed" / "thereference-21499.txt"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def extractor(settings: Settings) -> Extractor:
    return Extractor(settings)


@pytest.fixture(scope="session")
def seed_result(extractor: Extractor) -> Result:
    text = SEED.read_text(encoding="utf-8")
    return extractor.extract(Article(id="seed", text=text, published="2023-03-01"))


@pytest.fixture(scope="session")
def shared() -> Path:
    return SHARED


def extract_text(extractor: Extractor, text: str, published: str | None = "2024-05-10") -> Result:
    return extractor.extract(Article(id="t", text=text, published=published))


# ACLED's event types and sub-event types as CONTRACT.md section 3 spells them: written out here, once,
# so that tests check the code and the data sets against the contract rather than against the code itself.
CONTRACT_SUB_EVENT_TYPES = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}
