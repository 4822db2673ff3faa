"""Reading gold data: `gold/1` article files (with their text files) and PLOVER gold-standard records.
Each GOLD argument of `eventdesk eval` is a gold file, a PLOVER file, or a folder searched for *.gold.json."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from eventdesk.errors import InputError
from eventdesk.records import Article

GOLD_FORMAT = "gold/1"


@dataclass(slots=True)
class GoldArticle:
    path: Path
    gold: dict[str, Any]
    text: str

    @property
    def id(self) -> str:
        return str(self.gold.get("article", {}).get("id") or self.path.name.removesuffix(".gold.json"))

    def article(self) -> Article:
        meta = self.gold.get("article", {})
        return Article(
            id=self.id,
            text=self.text,
            title=meta.get("title"),
            url=meta.get("url"),
            source=meta.get("source"),
            published=meta.get("published"),
            language=meta.get("language") or "en",
        )


@dataclass(slots=True)
class GoldSets:
    articles: list[GoldArticle]
    plover: list[dict[str, Any]]


def load_gold(arguments: Iterable[str]) -> GoldSets:
    sets = GoldSets([], [])
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            files = sorted(path.rglob("*.gold.json"))
            if not files:
                raise InputError(f"{argument}: no *.gold.json files in this folder")
            sets.articles.extend(read_gold_article(f) for f in files)
        elif path.is_file():
            _load_file(path, sets)
        else:
            raise InputError(f"{argument}: no such file or folder")
    return sets


def _load_file(path: Path, sets: GoldSets) -> None:
    data = _read_json(path)
    if is_plover(data):
        sets.plover.extend(plover_records(data))
    elif isinstance(data, dict) and data.get("format") == GOLD_FORMAT:
        sets.articles.append(_gold_article(path, data))
    else:
        raise InputError(f"{path}: neither a {GOLD_FORMAT} file nor PLOVER gold-standard records")


def read_gold_article(path: Path) -> GoldArticle:
    data = _read_json(path)
    if not isinstance(data, dict) or data.get("format") != GOLD_FORMAT:
        raise InputError(f"{path}: not a {GOLD_FORMAT} file")
    return _gold_article(path, data)


SECTIONS = ("events", "not_events", "statements", "claims", "media", "actors", "people", "places")


def _gold_article(path: Path, data: dict[str, Any]) -> GoldArticle:
    for section in SECTIONS:
        items = data.get(section)
        if items is not None and not (isinstance(items, list) and all(isinstance(i, dict) for i in items)):
            raise InputError(f"{path}: {section!r} must be a list of objects")
    text_file = (data.get("article") or {}).get("text_file") or path.name.removesuffix(".gold.json") + ".txt"
    text_path = path.parent / text_file
    try:
        text = text_path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{text_path}: the gold file's text cannot be read ({exc.strerror})") from None
    return GoldArticle(path, data, text)


def _read_json(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid JSON ({exc})") from None


def is_plover(data: Any) -> bool:
    """PLOVER gold-standard records: a list of objects with "event" and "id" fields."""
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(r, dict) for r in data)
        and sum(1 for r in data if "event" in r and "id" in r) > len(data) // 2
    )


def plover_records(data: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with a sentence to read (documentation records have none)."""
    return [r for r in data if isinstance(r.get("text"), str) and r["text"].strip()]
