"""The packaged lexicons load as their authors wrote them: YAML 1.1 turns bare words such as "no", "NO",
"off", "yes" or "null" into booleans or None, and silently keeps the last of two equal keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "eventdesk"
DATA_DIRS = (PACKAGE / "knowledge" / "data", PACKAGE / "geo" / "data")
YAML_FILES = sorted(p for d in DATA_DIRS for p in d.rglob("*.y*ml"))


# Repeats left for the file's owner to resolve (the later value wins today)
KNOWN_REPEATS: dict[str, set[str]] = {}


def _repeated_keys(node: yaml.Node) -> set[str]:
    """Keys written twice in one mapping, anywhere in the document."""
    if isinstance(node, yaml.MappingNode):
        keys = [key.value for key, _ in node.value]
        found = {k for k in keys if keys.count(k) > 1}
        return found.union(*(_repeated_keys(value) for _, value in node.value))
    if isinstance(node, yaml.SequenceNode):
        return set().union(*(_repeated_keys(item) for item in node.value))
    return set()


# Fields that are flags or may be empty on purpose (event_types.yaml: "violent: false", "acled: null",
# "plover: [REQUEST, null]"), not words
FLAG_FIELDS = frozenset({"violent", "sentence", "agentless", "armed_side", "armed_agent", "acled", "plover"})


def _non_words(value: Any, where: str = "") -> list[str]:
    """Where a word list or mapping holds a boolean or None instead of a word."""
    if isinstance(value, dict):
        found = [f"{where}/{k!r} (key)" for k in value if isinstance(k, bool) or k is None]
        words = {k: v for k, v in value.items() if k not in FLAG_FIELDS}
        return found + [hit for k, v in words.items() for hit in _non_words(v, f"{where}/{k}")]
    if isinstance(value, list):
        return [hit for i, v in enumerate(value) for hit in _non_words(v, f"{where}[{i}]")]
    return [where] if isinstance(value, bool) or value is None else []


def test_there_are_yaml_lexicons_to_check() -> None:
    assert len(YAML_FILES) >= 5


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_no_lexicon_word_is_read_as_a_boolean_or_null(path: Path) -> None:
    assert _non_words(yaml.safe_load(path.read_text(encoding="utf-8"))) == []


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.name)
def test_no_lexicon_key_is_written_twice(path: Path) -> None:
    repeated = _repeated_keys(yaml.compose(path.read_text(encoding="utf-8")))
    assert repeated <= KNOWN_REPEATS.get(path.name, set())


def test_the_checker_catches_a_bare_no() -> None:
    text = "Danish: [NO, Norway]\nwords: [yes, null, off]\nnext: {violent: false, to: no}"
    assert _non_words(yaml.safe_load(text)) == [
        "/Danish[0]",
        "/words[0]",
        "/words[1]",
        "/words[2]",
        "/next/to",
    ]


def test_the_checker_finds_a_repeated_key_in_a_nested_mapping() -> None:
    assert _repeated_keys(yaml.compose("top:\n  a: [x]\n  b: [y]\n  a: [z]\n")) == {"a"}


def test_norwegian_forces_belong_to_norway_by_its_iso_code() -> None:
    from eventdesk.knowledge.actors import load_actor_dictionary

    assert load_actor_dictionary().words.demonyms["Norwegian"] == ("NO", "Norway")
