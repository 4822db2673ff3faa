"""When and from which words a side the text does not name is inferred (data: unnamed_perpetrators.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DATA_FILE = Path(__file__).parent / "data" / "unnamed_perpetrators.yaml"


@dataclass(frozen=True, slots=True)
class UnnamedPerpetrators:
    """ACLED's names for sides the text does not name, and the words and event types they are read from."""

    group: str
    sub_event_types: frozenset[str]
    instrument_heads: frozenset[str]
    instrument_modifiers: frozenset[str]
    crowd_event_types: frozenset[str]
    riot_event_type: str
    crowds: frozenset[str]
    become_rioters: frozenset[str]
    rioters: str


def load_unnamed_perpetrators(path: Path = DATA_FILE) -> UnnamedPerpetrators:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crowds = data["crowds"]
    return UnnamedPerpetrators(
        group=str(data["group"]),
        sub_event_types=frozenset(data["sub_event_types"]),
        instrument_heads=frozenset(str(w).lower() for w in data["instrument_heads"]),
        instrument_modifiers=frozenset(str(w).lower() for w in data.get("instrument_modifiers", ())),
        crowd_event_types=frozenset(crowds["event_types"]),
        riot_event_type=str(crowds["riot_event_type"]),
        crowds=frozenset(crowds["groups"]),
        become_rioters=frozenset(crowds["become_rioters"]),
        rioters=str(crowds["rioters"]),
    )
