"""Helpers for the actor and people tests: an extractor that runs only the actors component (fast, and
independent of the components after it), and the seed report read through it."""

from __future__ import annotations

from functools import cache

from conftest import SEED
from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.records import Article, Result


@cache
def actors_extractor() -> Extractor:
    return Extractor(Settings(), components=["actors"])


@cache
def seed_actors() -> Result:
    text = SEED.read_text(encoding="utf-8")
    return actors_extractor().extract(Article(id="seed", text=text, published="2023-03-01"))
