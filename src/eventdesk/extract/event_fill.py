"""Filling an incident's when, where, how many and according to whom, from the words around its trigger."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventdesk.analyse.dates import find_date_phrases
from eventdesk.analyse.quantities import find_counts
from eventdesk.records import Count, DateRange, EventLocation, Result, Span

try:  # the geo component's event placement, when installed
    from eventdesk.geo.places import place_event  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the geo component's progress
    place_event = None

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventdesk.analyse.pipeline import AnalysedArticle

ASSUMED_WINDOW_DAYS = 30  # no date in the text: the month up to publication (ACLED time precision 3)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def date_in(art: AnalysedArticle, segment: SpacySpan, start: int, end: int, anchor: int) -> DateRange | None:
    """The date phrase inside normalised range [start, end) nearest to `anchor`; else any in the segment."""
    phrases = find_date_phrases(segment, art.published)
    inside = [p for p in phrases if start <= p[0] and p[1] <= end] or phrases
    if not inside:
        return None
    s, e, found = min(inside, key=lambda p: abs(p[0] - anchor))
    found.span = art.span(s, e)
    return found


def assumed_date(published: date | None) -> DateRange:
    """No date in the text: the window up to publication, marked as assumed."""
    if published is None:
        return DateRange(assumed=True)
    start = published - timedelta(days=ASSUMED_WINDOW_DAYS)
    return DateRange(start=start.isoformat(), end=published.isoformat(), precision=3, assumed=True)


def location_for(art: AnalysedArticle, segment: SpacySpan) -> EventLocation | None:
    if place_event is not None:
        return place_event(art, segment.start_char, segment.end_char)
    return _named_place(art, segment)


def _named_place(art: AnalysedArticle, segment: SpacySpan) -> EventLocation | None:
    """Fallback without the geo component: the segment's last-named place; a place named inside it
    ("Shahr-e Naw in Kabul") is kept as the detail."""
    places = [e for e in segment.ents if e.label_ in PLACE_LABELS]
    if not places:
        return None
    broad = places[-1]
    detail = next((p.text for p in places[:-1] if p.end <= broad.start and broad.start - p.end <= 2), None)
    span = art.span_of(broad)
    return EventLocation(name=broad.text, text=broad.text, detail=detail, span=span)


def casualties(
    art: AnalysedArticle, segment: SpacySpan, head_lemmas: frozenset[str]
) -> list[tuple[Count, Token]]:
    found = []
    for start, end, count, head in find_counts(segment, head_lemmas):
        if _attempted(head):
            continue
        count.span = art.span(start, end)
        found.append((count, head))
    return found


def _attempted(head: Token) -> bool:
    """ "An attempt to assassinate the governor": nobody was killed."""
    governors = (head.head, head.head.head)
    return any(g.lemma_.lower() in ("attempt", "try", "plot", "plan") for g in governors)


def sources_for(result: Result, trigger: Span) -> list[str]:
    """Who the text attributes the report to: the speakers of statements whose content covers the trigger."""
    names: list[str] = []
    for statement in result.statements:
        if statement.content.contains(trigger):
            name = statement.speaker.name or statement.speaker.organization
            if name and name not in names:
                names.append(name)
    return names
