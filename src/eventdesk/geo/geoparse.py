"""Geoparsing alone, for `eventdesk geoparse --jsonl`: each input line to `{"id", "places": [...]}`, one
item per place name with its resolved place and its offsets into the text as given. A line with gold spans
(`"toponyms": [[start, end], ...]`) has just those spans resolved, without a parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from eventdesk.analyse.pipeline import analyse, doc_text
from eventdesk.errors import InputError
from eventdesk.extract import Extractor
from eventdesk.geo.gazetteer import Gazetteer
from eventdesk.geo.places import place_of
from eventdesk.geo.recognise import recognise
from eventdesk.geo.resolve import Toponym, make_toponym, resolve_toponyms, supported
from eventdesk.records import Article

BATCH = 64


@dataclass(slots=True)
class Item:
    """One input line: its id, and either an article (with gold spans or not) or the reason it failed."""

    id: str
    article: Article | None = None
    spans: list[tuple[int, int]] | None = None
    error: str | None = None


def geoparse_items(extractor: Extractor, items: Iterable[Item]) -> Iterator[dict[str, Any]]:
    """Output lines in input order; articles without gold spans are parsed together, a batch at a time."""
    iterator = iter(items)
    while batch := list(islice(iterator, BATCH)):
        to_parse = [item.article for item in batch if item.article is not None and item.spans is None]
        parsed = (
            iter(analyse(to_parse, extractor.nlp, extractor.settings.batch_size)) if to_parse else iter(())
        )
        gaz = extractor.knowledge.gazetteer
        for item in batch:
            if item.error is not None or item.article is None:
                yield {"id": item.id, "error": item.error or "no article"}
            elif item.spans is not None:
                yield {"id": item.id, "places": resolve_spans(gaz, item.article.text, item.spans)}
            else:
                yield {"id": item.id, "places": recognise_and_resolve(gaz, next(parsed))}


def resolve_spans(gaz: Gazetteer, text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    toponyms = [make_toponym(start, end, text[start:end], gaz) for start, end in sorted(set(spans))]
    resolve_toponyms(gaz, text, toponyms)
    return [place_item(gaz, t, t.start, t.end, t.text) for t in toponyms]


def recognise_and_resolve(gaz: Gazetteer, analysed: Any) -> list[dict[str, Any]]:
    found = recognise(analysed.doc, gaz)
    resolve_toponyms(gaz, doc_text(analysed.doc), found.toponyms, found.demonyms)
    items = []
    for toponym in supported(found.toponyms, found.demonyms):
        span = analysed.span(toponym.start, toponym.end)
        items.append(place_item(gaz, toponym, span.start, span.end, span.text))
    return items


def place_item(gaz: Gazetteer, toponym: Toponym, start: int, end: int, text: str) -> dict[str, Any]:
    """Place fields (null when the name is not in the gazetteer) plus where the name stands."""
    if toponym.entry is None and toponym.fallback is not None:
        fields = approximate_fields(gaz, toponym)
    elif toponym.entry is None:
        fields: dict[str, Any] = {
            "name": toponym.name,
            "country": None,
            "admin1": None,
            "admin2": None,
            "lat": None,
            "lon": None,
            "geonameid": None,
            "feature": None,
            "precision": None,
        }
    else:
        fields = place_of(toponym.entry, gaz).to_dict()
        fields.pop("mentions", None)
    return {**fields, "start": start, "end": end, "text": text}


def approximate_fields(gaz: Gazetteer, toponym: Toponym) -> dict[str, Any]:
    """A name the gazetteer lacks, at the point of the place it lies in or near (resolve.Toponym.fallback):
    no GeoNames id of its own, precision 2 at best, and `within` the place's id and how it was found."""
    assert toponym.fallback is not None
    fields = place_of(toponym.fallback, gaz).to_dict()
    fields.pop("mentions", None)
    fields.update(
        name=toponym.name,
        geonameid=None,
        precision=max(fields["precision"] or 3, 2),
        within={
            "geonameid": toponym.fallback.geonameid,
            "name": toponym.fallback.name,
            "by": toponym.fallback_by,
        },
    )
    return fields


def gold_spans(record: dict[str, Any], text: str) -> list[tuple[int, int]] | None:
    """The `toponyms` of an input line, checked: pairs of offsets within the text."""
    value = record.get("toponyms")
    if value is None:
        return None
    if not isinstance(value, list):
        raise InputError('"toponyms" must be a list of [start, end] pairs')
    spans = []
    for pair in value:
        if not (isinstance(pair, list | tuple) and len(pair) == 2 and all(type(x) is int for x in pair)):
            raise InputError(f'"toponyms": {pair!r} is not a [start, end] pair of integers')
        start, end = pair
        if not 0 <= start < end <= len(text):
            raise InputError(f'"toponyms": [{start}, {end}] lies outside the text ({len(text)} characters)')
        spans.append((start, end))
    return spans
