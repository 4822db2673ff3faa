"""Scoring one article's result document against its `gold/1` annotation (shared/gold/README.md).

Items (events, statements, claims, media) are paired one to one by the overlap of their evidence with the
gold snippets; events also need an acceptable type. Then each field is scored end to end: a predicted value
that is right is a hit; a predicted value that is wrong, or given where the gold says null, is a false
alarm; a gold value not predicted (also in unpaired gold items) is a miss. A field the gold leaves out is
not judged (and neither is a null `sub_event_type`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from eventdesk.evaluate.gold import GoldArticle
from eventdesk.evaluate.matching import (
    Located,
    NameMatcher,
    SnippetFinder,
    fold,
    match_one_to_one,
    same_country,
    same_place,
    span_overlap,
)
from eventdesk.evaluate.metrics import Miss, Scores

NO_EVENT = "-"
CONTEXT_CHARS = 220
Same = Callable[[Any, Any], bool]


@dataclass(frozen=True, slots=True)
class Field:
    """A field of a section: how to read it from gold and prediction, and when two values agree."""

    name: str
    gold: Callable[[dict[str, Any]], Any]
    predicted: Callable[[dict[str, Any]], Any]
    same: Same
    judged: Callable[[dict[str, Any]], bool]


def _key(*path: str) -> Callable[[dict[str, Any]], Any]:
    def read(item: dict[str, Any]) -> Any:
        value: Any = item
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        return value

    return read


def _has(key: str) -> Callable[[dict[str, Any]], bool]:
    return lambda item: key in item


def _equal(a: Any, b: Any) -> bool:
    return a == b


def _same_number(a: Any, b: Any) -> bool:
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return False


def _same_words(a: Any, b: Any) -> bool:
    return fold(str(a)) == fold(str(b))


def _same_noun(a: Any, b: Any) -> bool:
    return fold(str(a)).removesuffix("s") == fold(str(b)).removesuffix("s")


def _contains(a: Any, b: Any) -> bool:
    """Descriptions agree when one contains the other ("spokesman" / "Taliban spokesman")."""
    p, g = fold(str(a)), fold(str(b))
    return bool(p and g) and (p in g or g in p)


def _same_period(a: Any, b: Any) -> bool:
    return (
        isinstance(a, dict)
        and isinstance(b, dict)
        and (a.get("start"), a.get("end"))
        == (
            b.get("start"),
            b.get("end"),
        )
    )


class ArticleScorer:
    def __init__(self, gold_article: GoldArticle, result: dict[str, Any]) -> None:
        self.gold = gold_article.gold
        self.result = result
        self.article_id = gold_article.id
        self.finder = SnippetFinder(gold_article.text)
        self.names = NameMatcher.build(self.gold, result)
        self.published = _published(self.gold)
        self.scores = Scores(articles=1)

    def score(self) -> Scores:
        self.score_events()
        self.score_items("statements", "content", "content", self.statement_fields())
        self.score_items("claims", "evidence", "evidence", self.claim_fields())
        self.score_items("media", "evidence", "evidence", self.media_fields())
        self.score_actors()
        self.score_people()
        self.score_places()
        return self.scores

    # --- events ---------------------------------------------------------------------------------------

    def score_events(self) -> None:
        golds = self.gold.get("events") or []
        predicted = self.result.get("events") or []
        located = [self.locate("events", _snippets(g.get("evidence"))) for g in golds]

        def typed_overlap(g: int, p: int) -> int:
            if predicted[p].get("event_type") not in acceptable_types(golds[g]):
                return 0
            return span_overlap(predicted[p].get("evidence") or [], located[g])

        pairs = match_one_to_one(range(len(golds)), range(len(predicted)), typed_overlap)
        self.record_detection("events", golds, predicted, pairs, located, "evidence")
        self.record_confusion(golds, predicted, located, pairs)
        self.record_not_events(predicted, {p for _, p in pairs})
        self.record_fields("events", self.event_fields(), golds, predicted, pairs)

    def event_fields(self) -> list[Field]:
        names = self.names.same
        return [
            Field("event_type", _gold_type, _key("event_type"), lambda p, g: p in g, lambda g: True),
            Field(
                "sub_event_type",
                _key("sub_event_type"),
                _key("sub_event_type"),
                _equal,
                lambda g: g.get("sub_event_type") is not None,
            ),
            Field("actor1", _key("actor1"), _key("actor1"), names, _has("actor1")),
            Field("actor2", _key("actor2"), _key("actor2"), names, _has("actor2")),
            Field("location", _key("location"), _predicted_location, same_place, _has("location")),
            Field("date", _key("date"), _predicted_date, self.date_agrees, _date_judged),
            *(
                Field(
                    f"fatalities.{part}",
                    _key("fatalities", part),
                    _key("fatalities", part),
                    _equal,
                    _has("fatalities"),
                )
                for part in ("best", "low", "high")
            ),
            Field("target", _key("target"), _key("target"), _contains, _has("target")),
            Field("sources", _key("sources"), _key("sources"), names, _has("sources")),
        ]

    def locate(self, section: str, snippets: list[str]) -> list[Located]:
        """The gold snippets' places in the text; a snippet not in the text is reported, as the gold's
        mistake or a text that changed."""
        located = []
        for snippet in snippets:
            found = self.finder.find(snippet)
            if found is None:
                self.add_miss(section, "snippet", "gold-snippet-not-in-text", snippet, None, snippet)
            else:
                located.append(found)
        return located

    def date_agrees(self, predicted: dict[str, Any], gold: dict[str, Any]) -> bool:
        return date_agrees(predicted, gold, self.published)

    def record_confusion(
        self,
        golds: Sequence[dict[str, Any]],
        predicted: Sequence[dict[str, Any]],
        located: Sequence[list[Located]],
        typed_pairs: list[tuple[int, int]],
    ) -> None:
        """Gold type against predicted type for events paired by evidence alone (whatever their type)."""
        pairs = list(typed_pairs)
        free_gold = [g for g in range(len(golds)) if g not in {g for g, _ in pairs}]
        free_predicted = [p for p in range(len(predicted)) if p not in {p for _, p in pairs}]
        pairs += [
            (free_gold[g], free_predicted[p])
            for g, p in match_one_to_one(
                free_gold,
                free_predicted,
                lambda g, p: span_overlap(predicted[p].get("evidence") or [], located[g]),
            )
        ]
        for g, p in pairs:
            self.scores.confusion[
                (_confusion_label(golds[g], predicted[p]), predicted[p].get("event_type"))
            ] += 1
        for g in set(range(len(golds))) - {g for g, _ in pairs}:
            self.scores.confusion[(_confusion_label(golds[g], None), NO_EVENT)] += 1
        for p in set(range(len(predicted))) - {p for _, p in pairs}:
            self.scores.confusion[(NO_EVENT, predicted[p].get("event_type"))] += 1

    def record_not_events(self, predicted: Sequence[dict[str, Any]], matched: set[int]) -> None:
        """An unpaired event whose evidence overlaps a not-event snippet is a false alarm of that kind."""
        for not_event in self.gold.get("not_events") or []:
            located = self.locate("not_events", [not_event.get("text", "")])
            hits = [
                p
                for p, event in enumerate(predicted)
                if p not in matched and span_overlap(event.get("evidence") or [], located)
            ]
            if hits:
                self.scores.false_alarm("not_events", "respected")
            else:
                self.scores.hit("not_events", "respected")
            for p in hits:
                self.add_miss(
                    "events",
                    "not_event",
                    "not-event",
                    not_event.get("why"),
                    predicted[p].get("event_type"),
                    not_event.get("text", ""),
                )

    # --- paired items ---------------------------------------------------------------------------------

    def score_items(self, section: str, gold_key: str, predicted_key: str, fields: list[Field]) -> None:
        golds = self.gold.get(section) or []
        predicted = self.result.get(section) or []
        located = [self.locate(section, _snippets(g.get(gold_key))) for g in golds]

        def overlap(g: int, p: int) -> int:
            return span_overlap(_spans(predicted[p].get(predicted_key)), located[g])

        pairs = match_one_to_one(range(len(golds)), range(len(predicted)), overlap)
        self.record_detection(section, golds, predicted, pairs, located, predicted_key)
        self.record_fields(section, fields, golds, predicted, pairs)

    def statement_fields(self) -> list[Field]:
        return [
            Field("speaker", _key("speaker"), _key("speaker", "name"), self.speaker_agrees, _has("speaker")),
            Field("cue", _key("cue"), _key("cue"), _same_words, _has("cue")),
            Field("direct", _key("direct"), _key("direct"), _equal, _has("direct")),
            Field("venue", _key("venue"), _key("venue"), self.names.same, _has("venue")),
            Field("content", _key("content"), _key("content"), self.content_agrees, _has("content")),
        ]

    def content_agrees(self, predicted: Any, gold: Any) -> bool:
        """The predicted content and the gold snippet share at least half of each other's characters."""
        located = self.finder.find_all(_snippets(gold))
        spans = _spans(predicted)
        if not located or not spans:
            return False
        shared = span_overlap(spans, located)
        predicted_length = sum(int(s["end"]) - int(s["start"]) for s in spans)
        gold_length = sum(loc.end - loc.start for loc in located)
        return shared * 2 >= predicted_length and shared * 2 >= gold_length

    def speaker_agrees(self, predicted: Any, gold: Any) -> bool:
        return self.names.same(predicted, gold)

    def claim_fields(self) -> list[Field]:
        return [
            Field("subject", _key("subject"), _key("subject"), self.names.same, _has("subject")),
            Field("quantity", _key("quantity"), _key("quantity"), _same_noun, _has("quantity")),
            Field("value", _key("value"), _key("value"), _same_number, _has("value")),
            Field("qualifier", _key("qualifier"), _key("qualifier"), _equal, _has("qualifier")),
            Field("period", _key("period"), _predicted_period, _same_period, _has("period")),
            Field("source", _key("source"), _key("source"), self.names.same, _has("source")),
        ]

    def media_fields(self) -> list[Field]:
        return [
            Field("actor", _key("actor"), _key("actor"), self.names.same, _has("actor")),
            Field("kind", _key("kind"), _key("kind"), _same_words, _has("kind")),
            Field("title", _key("title"), _key("title"), _same_words, _has("title")),
            Field("issue", _key("issue"), _key("issue"), _same_number, _has("issue")),
            Field(
                "duration",
                _key("duration_minutes"),
                _key("duration_minutes"),
                _same_number,
                _has("duration_minutes"),
            ),
            Field("language", _key("language"), _key("language"), _same_words, _has("language")),
        ]

    # --- named things ---------------------------------------------------------------------------------

    def score_actors(self) -> None:
        golds = self.gold.get("actors") or []
        predicted = self.result.get("actors") or []
        pairs = match_one_to_one(
            range(len(golds)),
            range(len(predicted)),
            lambda g, p: int(self.names.same(predicted[p].get("name"), golds[g].get("canonical"))),
        )
        self.record_names(
            "actors", [g.get("canonical") for g in golds], [p.get("name") for p in predicted], pairs
        )
        fields = [
            Field("type", _key("type"), _key("type"), _equal, _has("type")),
            Field("country", _key("country"), _key("country"), same_country, _has("country")),
        ]
        self.record_fields("actors", fields, golds, predicted, pairs)

    def score_people(self) -> None:
        golds = self.gold.get("people") or []
        predicted = self.result.get("people") or []
        pairs = match_one_to_one(
            range(len(golds)),
            range(len(predicted)),
            lambda g, p: int(self.names.same(predicted[p].get("name"), golds[g].get("name"))),
        )
        self.record_names("people", [g.get("name") for g in golds], [p.get("name") for p in predicted], pairs)
        fields = [
            Field("role", _key("role"), _key("role"), _contains, _has("role")),
            Field(
                "organization",
                _key("organization"),
                _key("organization"),
                self.names.same,
                _has("organization"),
            ),
        ]
        self.record_fields("people", fields, golds, predicted, pairs)

    def score_places(self) -> None:
        golds = self.gold.get("places") or []
        predicted = self.result.get("places") or []

        def agree(g: int, p: int) -> int:
            gold, place = golds[g], predicted[p]
            same_id = gold.get("geonameid") is not None and gold.get("geonameid") == place.get("geonameid")
            return int(same_id or fold(place.get("name")) == fold(gold.get("name")))

        pairs = match_one_to_one(range(len(golds)), range(len(predicted)), agree)
        self.record_names("places", [g.get("name") for g in golds], [p.get("name") for p in predicted], pairs)
        fields = [
            Field("geonameid", _key("geonameid"), _key("geonameid"), _equal, _has("geonameid")),
            Field(
                "coordinates",
                _coordinates,
                _coordinates,
                _within_tolerance,
                lambda g: g.get("lat") is not None,
            ),
        ]
        self.record_fields("places", fields, golds, predicted, pairs)

    # --- recording ------------------------------------------------------------------------------------

    def record_detection(
        self,
        section: str,
        golds: Sequence[dict[str, Any]],
        predicted: Sequence[dict[str, Any]],
        pairs: list[tuple[int, int]],
        located: Sequence[list[Located]],
        predicted_key: str,
    ) -> None:
        tally = self.scores.tally(section, "found")
        tally.tp += len(pairs)
        gold_paired, predicted_paired = {g for g, _ in pairs}, {p for _, p in pairs}
        for g, gold in enumerate(golds):
            if g not in gold_paired:
                tally.fn += 1
                snippets = _snippets(gold.get("evidence") or gold.get("content"))
                label = gold.get("id") or gold.get("speaker") or gold.get("kind") or gold.get("quantity")
                self.add_miss(section, "found", "missed", label, None, snippets[0] if snippets else "")
        for p, item in enumerate(predicted):
            if p not in predicted_paired:
                tally.fp += 1
                label = (
                    item.get("event_type")
                    or _key("speaker", "name")(item)
                    or _key("speaker", "role")(item)
                    or item.get("kind")
                    or item.get("quantity")
                )
                self.add_miss(section, "found", "spurious", None, label, _span_text(item.get(predicted_key)))

    def record_names(
        self, section: str, golds: list[str | None], predicted: list[str | None], pairs: list[tuple[int, int]]
    ) -> None:
        tally = self.scores.tally(section, "name")
        tally.tp += len(pairs)
        for g in set(range(len(golds))) - {g for g, _ in pairs}:
            tally.fn += 1
            self.add_miss(section, "name", "missed", golds[g], None, "")
        for p in set(range(len(predicted))) - {p for _, p in pairs}:
            tally.fp += 1
            self.add_miss(section, "name", "spurious", None, predicted[p], "")

    def record_fields(
        self,
        section: str,
        fields: list[Field],
        golds: Sequence[dict[str, Any]],
        predicted: Sequence[dict[str, Any]],
        pairs: list[tuple[int, int]],
    ) -> None:
        for g, p in pairs:
            for field in fields:
                if field.judged(golds[g]):
                    self.compare(section, field, golds[g], predicted[p])
        for g in set(range(len(golds))) - {g for g, _ in pairs}:
            for field in fields:
                if field.judged(golds[g]):
                    self.scores.tally(section, field.name).fn += _size(field.gold(golds[g]))
        for p in set(range(len(predicted))) - {p for _, p in pairs}:
            for field in fields:
                self.scores.tally(section, field.name).fp += _size(field.predicted(predicted[p]))

    def compare(self, section: str, field: Field, gold: dict[str, Any], predicted: dict[str, Any]) -> None:
        gold_value, predicted_value = field.gold(gold), field.predicted(predicted)
        tally = self.scores.tally(section, field.name)
        if isinstance(gold_value, list) or isinstance(predicted_value, list):
            self.compare_lists(section, field, gold_value or [], predicted_value or [], gold)
            return
        if gold_value is None and predicted_value is None:
            return
        if gold_value is not None and predicted_value is not None and field.same(predicted_value, gold_value):
            tally.tp += 1
            return
        tally.fp += predicted_value is not None
        tally.fn += gold_value is not None
        context = _snippets(gold.get("evidence") or gold.get("content"))
        self.add_miss(
            section, field.name, "wrong", gold_value, predicted_value, context[0] if context else ""
        )

    def compare_lists(
        self, section: str, field: Field, golds: list[Any], predicted: list[Any], gold: dict[str, Any]
    ) -> None:
        """List fields ("sources"): each gold item found among the predicted ones is a hit."""
        pairs = match_one_to_one(golds, predicted, lambda g, p: int(field.same(p, g)))
        tally = self.scores.tally(section, field.name)
        tally.tp += len(pairs)
        tally.fn += len(golds) - len(pairs)
        tally.fp += len(predicted) - len(pairs)
        if len(pairs) < max(len(golds), len(predicted)):
            context = _snippets(gold.get("evidence") or gold.get("content"))
            self.add_miss(section, field.name, "wrong", golds, predicted, context[0] if context else "")

    def add_miss(self, section: str, field: str, kind: str, gold: Any, predicted: Any, text: str) -> None:
        text = " ".join(text.split())
        if len(text) > CONTEXT_CHARS:
            text = text[: CONTEXT_CHARS - 1] + "…"
        self.scores.misses.append(Miss(self.article_id, section, field, kind, gold, predicted, text))


def score_article(gold_article: GoldArticle, result: dict[str, Any]) -> Scores:
    return ArticleScorer(gold_article, result).score()


# --- readers of gold and predicted values --------------------------------------------------------------


def acceptable_types(gold_event: dict[str, Any]) -> set[str]:
    return set(gold_event.get("event_type_any") or [gold_event.get("event_type")]) - {None}


def _gold_type(gold_event: dict[str, Any]) -> set[str]:
    return acceptable_types(gold_event)


def _confusion_label(gold_event: dict[str, Any], predicted: dict[str, Any] | None) -> str:
    types = acceptable_types(gold_event)
    if predicted and predicted.get("event_type") in types:
        return str(predicted["event_type"])
    return " | ".join(sorted(types)) or "?"


def _predicted_location(event: dict[str, Any]) -> dict[str, Any] | None:
    location = event.get("location")
    if not isinstance(location, dict) or not (location.get("name") or location.get("lat") is not None):
        return None
    return location


def _predicted_date(event: dict[str, Any]) -> dict[str, Any] | None:
    value = event.get("date")
    return value if isinstance(value, dict) and value.get("start") else None


def _predicted_period(claim: dict[str, Any]) -> dict[str, Any] | None:
    value = claim.get("period")
    return value if isinstance(value, dict) and value.get("start") else None


def _date_judged(gold_event: dict[str, Any]) -> bool:
    value = gold_event.get("date")
    return isinstance(value, dict) and bool(value.get("start") or value.get("rule"))


def _coordinates(place: dict[str, Any]) -> tuple[float, float] | None:
    if place.get("lat") is None or place.get("lon") is None:
        return None
    return float(place["lat"]), float(place["lon"])


def _within_tolerance(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return same_place({"lat": a[0], "lon": a[1]}, {"lat": b[0], "lon": b[1]})


_RULE_WINDOW = re.compile(r"(\d+)\s+days?\s+(?:up\s+to|before)\s+publication")
_RULE_PRECISION = re.compile(r"precision\s+([123](?:\s*(?:,|or|and)\s*[123])*)")


def date_agrees(predicted: dict[str, Any], gold: dict[str, Any], published: date | None) -> bool:
    """The predicted interval lies inside the gold one, or follows the gold's stated `rule` (a window of days
    before publication, with a coarse time precision)."""
    try:
        start, end = (
            date.fromisoformat(predicted["start"]),
            date.fromisoformat(predicted.get("end") or predicted["start"]),
        )
    except (KeyError, TypeError, ValueError):
        return False
    if gold.get("start"):
        gold_start = date.fromisoformat(gold["start"])
        gold_end = date.fromisoformat(gold.get("end") or gold["start"])
        return gold_start <= start and end <= gold_end
    return _follows_rule(start, end, predicted.get("precision"), str(gold.get("rule") or ""), published)


def _follows_rule(start: date, end: date, precision: Any, rule: str, published: date | None) -> bool:
    window = _RULE_WINDOW.search(rule)
    if window is None or published is None:
        return False
    if not published - timedelta(days=int(window.group(1))) <= start <= end <= published:
        return False
    allowed = _RULE_PRECISION.search(rule)
    return allowed is None or str(precision) in re.findall(r"[123]", allowed.group(1))


def _published(gold: dict[str, Any]) -> date | None:
    try:
        return date.fromisoformat(str((gold.get("article") or {}).get("published"))[:10])
    except ValueError:
        return None


def _size(value: Any) -> int:
    """How many values a field holds: a list its items, null none, anything else one."""
    if isinstance(value, list):
        return len(value)
    return 0 if value is None else 1


def _snippets(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _spans(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def _span_text(value: Any) -> str:
    spans = _spans(value)
    return str(spans[0].get("text") or "") if spans else ""
