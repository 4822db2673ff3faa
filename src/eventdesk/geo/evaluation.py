"""Geoparsing scores on research corpora with resolved toponyms (GeoWebNews, LGL, TR-News):
resolution with gold spans given (exact GeoNames id, within 161 km, error in km) and end-to-end
recognition precision and recall. The corpora are read from ../shared at run time and never shipped.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from eventdesk.geo.gazetteer import GazEntry, Gazetteer
from eventdesk.geo.resolve import distance_km, make_toponym, resolve_toponyms

ACCURATE_KM = 161.0  # 100 miles, the usual "accuracy at 161 km"
# GeoWebNews toponym types that name a place literally (recognition gold); metonyms and demonyms are
# annotated too but are not places an event happens in.
LITERAL_TYPES = frozenset({"Literal", "Mixed", "Literal_Modifier", "Embedded_Literal", "Coercion"})


@dataclass(slots=True)
class GoldToponym:
    start: int
    end: int
    text: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    kind: str | None = None  # GeoWebNews type


@dataclass(slots=True)
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def read_corpus(path: Path) -> list[GoldArticle]:
    """GeoWebNews (`<toponym><extractedName>…<geonamesID>…<latitude>`) or LGL / TR-News
    (`toponym` elements with `phrase` and a `gaztag` holding the GeoNames id and `lat`/`lon`) XML."""
    root = ElementTree.parse(path).getroot()
    articles = []
    for number, node in enumerate(root.iter("article")):
        text = node.findtext("text") or ""
        identifier = node.get("docid") or node.get("file") or str(number)
        toponyms = [realigned(t, text) for t in map(gold_toponym, node.iter("toponym")) if t is not None]
        articles.append(GoldArticle(identifier, text, toponyms))
    return articles


def realigned(toponym: GoldToponym, text: str, reach: int = 60) -> GoldToponym:
    """Some TR-News offsets are a few characters off their phrase: move such a span onto the nearest
    occurrence of the phrase."""
    if not toponym.text or text[toponym.start : toponym.end] == toponym.text:
        return toponym
    best = None
    position = text.find(toponym.text, max(0, toponym.start - reach))
    while position != -1 and position <= toponym.start + reach:
        if best is None or abs(position - toponym.start) < abs(best - toponym.start):
            best = position
        position = text.find(toponym.text, position + 1)
    if best is not None:
        toponym.start, toponym.end = best, best + len(toponym.text)
    return toponym


def gold_toponym(node: ElementTree.Element) -> GoldToponym | None:
    start, end = node.findtext("start"), node.findtext("end")
    if start is None or end is None:
        return None
    tag = node.find("gaztag")
    if tag is not None:  # LGL, TR-News
        return GoldToponym(
            int(start),
            int(end),
            node.findtext("phrase") or "",
            _int(tag.get("geonameid")),
            _float(tag.findtext("lat")),
            _float(tag.findtext("lon")),
        )
    return GoldToponym(
        int(start),
        int(end),
        node.findtext("extractedName") or "",
        _int(node.findtext("geonamesID")),
        _float(node.findtext("latitude")),
        _float(node.findtext("longitude")),
        node.findtext("type"),
    )


def _int(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


@dataclass(slots=True)
class ResolutionScore:
    total: int = 0
    exact: int = 0
    within: int = 0
    unresolved: int = 0
    fallback: int = 0  # placed by a fallback point (a place the name lies in or near), never exact
    errors_km: list[float] = field(default_factory=list)

    def add(self, gold: GoldToponym, predicted: GazEntry | None, fallback: bool = False) -> None:
        self.total += 1
        if predicted is None:
            self.unresolved += 1
            return
        self.fallback += int(fallback)
        self.exact += int(predicted.geonameid == gold.geonameid and not fallback)
        if gold.lat is not None and gold.lon is not None:
            error = distance_km(gold.lat, gold.lon, predicted.lat, predicted.lon)
            self.errors_km.append(error)
            self.within += int(error <= ACCURATE_KM)

    def summary(self) -> dict[str, float]:
        errors = self.errors_km or [0.0]
        return {
            "toponyms": self.total,
            "exact": self.exact / max(self.total, 1),
            "within_161km": self.within / max(self.total, 1),
            "mean_km": statistics.fmean(errors),
            "median_km": statistics.median(errors),
            "unresolved": self.unresolved,
            "fallback": self.fallback,
        }


# A resolver's answer for one gold toponym: the place, or (place, True) for a fallback point
Answer = GazEntry | tuple[GazEntry, bool] | None
Resolver = Callable[[Gazetteer, GoldArticle, list[GoldToponym]], Sequence[Answer]]


def resolve_gold(gaz: Gazetteer, article: GoldArticle, gold: list[GoldToponym]) -> list[Answer]:
    """The project's resolver, given the gold spans of one article; a name the gazetteer lacks is scored
    at its fallback point (within-distance only, never exact)."""
    toponyms = [make_toponym(t.start, t.end, article.text[t.start : t.end], gaz) for t in gold]
    resolve_toponyms(gaz, article.text, toponyms)
    return [t.entry if t.entry is not None else (t.fallback, True) if t.fallback else None for t in toponyms]


def largest_population(
    gaz: Gazetteer, article: GoldArticle, gold: list[GoldToponym]
) -> list[GazEntry | None]:
    """Baseline: of the GeoNames populated places (cities500) whose name matches exactly, the largest."""
    picks: list[GazEntry | None] = []
    for toponym in gold:
        towns = [
            c.entry
            for c in gaz.candidates(article.text[toponym.start : toponym.end])
            if c.whole and c.entry.feature.startswith("PPL") and c.entry.id > 0
        ]
        picks.append(max(towns, key=lambda e: e.population) if towns else None)
    return picks


def score_resolution(gaz: Gazetteer, articles: Iterable[GoldArticle], resolver: Resolver) -> ResolutionScore:
    """Scores the toponyms that carry a GeoNames id (the ones exact accuracy can be judged on)."""
    score = ResolutionScore()
    for article in articles:
        gold = sorted((t for t in article.toponyms if t.geonameid is not None), key=lambda t: t.start)
        if not gold:
            continue
        for toponym, answer in zip(gold, resolver(gaz, article, gold), strict=True):
            if isinstance(answer, tuple):
                score.add(toponym, answer[0], fallback=answer[1])
            else:
                score.add(toponym, answer)
    return score


@dataclass(slots=True)
class RecognitionScore:
    """Overlap-based: a predicted name is right when it overlaps any annotated place name; an annotated
    target name (a literal place, a proper name) is found when a prediction overlaps it."""

    predicted: int = 0
    predicted_correct: int = 0
    gold: int = 0
    gold_found: int = 0

    def add(
        self, annotated: list[GoldToponym], targets: list[GoldToponym], predicted: list[tuple[int, int]]
    ) -> None:
        self.predicted += len(predicted)
        self.predicted_correct += sum(any(_overlap(p, t) for t in annotated) for p in predicted)
        self.gold += len(targets)
        self.gold_found += sum(any(_overlap(p, t) for p in predicted) for t in targets)

    def summary(self) -> dict[str, float]:
        precision = self.predicted_correct / max(self.predicted, 1)
        recall = self.gold_found / max(self.gold, 1)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "predicted": self.predicted,
            "gold": self.gold,
            "precision": precision,
            "recall": recall,
            "f1": f1,
        }


def gwn_targets(article: GoldArticle) -> tuple[list[GoldToponym], list[GoldToponym]]:
    """GeoWebNews: every located toponym counts as annotated; literal ones are the targets."""
    located = [t for t in article.toponyms if t.lat is not None]
    return located, [t for t in located if t.kind in LITERAL_TYPES]


def read_re3d(folder: Path) -> list[GoldArticle]:
    """DSTL re3d documents with their Location entities (documents.json, entities.json: JSON lines)."""
    import json

    articles: dict[str, GoldArticle] = {}
    with (folder / "documents.json").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                document = json.loads(line)
                articles[document["_id"]] = GoldArticle(document["_id"], document["text"])
    with (folder / "entities.json").open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and (entity := json.loads(line))["type"] == "Location":
                article = articles.get(entity["documentId"])
                if article is not None:
                    toponym = GoldToponym(entity["begin"], entity["end"], entity["value"], None, None, None)
                    article.toponyms.append(toponym)
    return list(articles.values())


def re3d_targets(article: GoldArticle) -> tuple[list[GoldToponym], list[GoldToponym]]:
    """re3d: every Location counts as annotated; those that are proper names ("Raqqa", not "the city")
    are the targets."""
    names = [t for t in article.toponyms if _proper_name(t.text)]
    return article.toponyms, names


def _proper_name(text: str) -> bool:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return bool(words) and words[0][:1].isupper()


def _overlap(span: tuple[int, int], toponym: GoldToponym) -> bool:
    return span[0] < toponym.end and toponym.start < span[1]
