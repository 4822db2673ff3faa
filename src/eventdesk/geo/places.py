"""The places component: recognise and resolve the article's toponyms into Result.places, leave the resolved
mentions in `art.annotations["places"]` (PlaceMention, normalised offsets) and the place names used as
actors in `art.annotations["place_actor_uses"]`, and place events (`place_event`) with ACLED geo precision.

ACLED geo precision: 1 the town itself (a neighbourhood or facility counts as its town, named in `detail`),
2 close to a town, or a district within a region, 3 a larger region (province, country, macro-region).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

from eventdesk.analyse.pipeline import AnalysedArticle, doc_text, mark_place_tokens
from eventdesk.geo.build import (
    ADMIN1_POINT_SOURCE,
    ARTICLE_TOWN_POINT_SOURCE,
    generic_terms,
    without_generic_term,
)
from eventdesk.geo.gazetteer import POINT_FEATURES, GazEntry, Gazetteer
from eventdesk.geo.recognise import recognise
from eventdesk.geo.resolve import Toponym, resolve_toponyms, supported
from eventdesk.knowledge import Knowledge
from eventdesk.records import EventLocation, Place, Result

ANNOTATION = "places"
ACTOR_USES = "place_actor_uses"  # (start, end) of place names standing for actors: "Kabul said"
PARAGRAPHS = "paragraph_starts"  # normalised offsets where the article's paragraphs begin
ACTOR_MENTIONS = "mentions"  # the actors component's mentions (extract/actors.py)
# "Nad Ali district" resolved to the town of Nad Ali still places an event only in the district
HINT_PRECISION = {"admin2": 2, "admin1": 3}
CAPITAL_FEATURES = frozenset({"PPLA", "PPLC"})
TOWN_RANK = 5  # specificity() of a town or point


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One resolved place name: normalised offsets, the place, and for a neighbourhood or facility the
    town it lies in. `near` marks "near X"/"outskirts of X"; `detail` a finer part ("District 8")."""

    start: int
    end: int
    text: str
    place: Place
    town: Place | None = None
    near: bool = False
    detail: str | None = None
    hint: str | None = None  # the generic term named with it: "district" in "Nad Ali district"
    inside: bool = False  # a place the gazetteer lacks, named as lying in `place` (named in `detail`)
    origin: bool = False  # "from X": an event is placed here only when no other place is named
    dateline: bool = False  # where the report was filed: the event is there only when no other place is named

    @property
    def specificity(self) -> int:
        finest = {2: 4, 3: 3}.get(HINT_PRECISION.get(self.hint or "", 1), 6)
        rank = min(specificity(self.place.feature, self.town is not None), finest)
        return min(rank + 1, 5) if self.inside else rank


def extract_places(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    gaz = kb.gazetteer
    found = recognise(art.doc, gaz, actor_ranges(art))
    text = doc_text(art.doc)
    resolve_toponyms(gaz, text, found.toponyms, found.demonyms)
    places: dict[int, Place] = {}
    mentions: list[PlaceMention] = []
    for toponym in supported(found.toponyms, found.demonyms):
        if toponym.entry is None:
            continue
        place = places.get(toponym.entry.id)
        if place is None:
            place = places[toponym.entry.id] = place_of(toponym.entry, gaz)
        place.mentions.append(art.span(toponym.start, toponym.end))
        town = gaz.get(toponym.entry.parent)
        mentions.append(mention_of(toponym, place, place_of(town, gaz) if town else None))
    mentions.extend(unknown_places_within(found.toponyms, places))
    mentions.sort(key=lambda m: m.start)
    mark_place_tokens(art.doc, _tokens_of(art, mentions))
    result.places.extend(places.values())
    art.annotations[ANNOTATION] = mentions
    art.annotations[ACTOR_USES] = found.actor_uses
    art.annotations[PARAGRAPHS] = paragraph_starts(text)


def actor_ranges(art: AnalysedArticle) -> list[tuple[int, int]]:
    """Where the actors component found actors its dictionary knows: place words in their names ("Islamic
    State Sahel Province", the agency "SANA") are no places. Names that only the language model took for
    organisations (type None) may be places it mislabelled, and are left to the recogniser."""
    mentions = art.annotations.get(ACTOR_MENTIONS, [])
    return [(m.start, m.end) for m in mentions if m.kind == "actor" and m.type and not m.coref]


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph begins, and as the last item where one after the text would."""
    starts = [0]
    found = text.find("\n\n")
    while found >= 0:
        starts.append(found + 2)
        found = text.find("\n\n", found + 2)
    return [*starts, len(text) + 2]


def unknown_places_within(toponyms: list[Toponym], places: dict[int, Place]) -> list[PlaceMention]:
    """Names the gazetteer does not know but the text puts inside a known place ("the village of Rubaya
    in North Kivu") or that name one inside them ("the port of Mombasa"): mentions of the known place,
    with the unknown one as detail."""
    found = []
    for toponym in toponyms:
        if toponym.entry is None and toponym.fallback_by in ("container", "part"):
            place = places.get(toponym.fallback.id) if toponym.fallback else None
            if place is not None:
                found.append(
                    PlaceMention(
                        toponym.start,
                        toponym.end,
                        toponym.text,
                        place,
                        near=toponym.near,
                        detail=toponym.name,
                        inside=True,
                    )
                )
    return found


def mention_of(toponym: Toponym, place: Place, town: Place | None) -> PlaceMention:
    return PlaceMention(
        toponym.start,
        toponym.end,
        toponym.text,
        place,
        town,
        toponym.near,
        toponym.detail,
        toponym.hint,
        origin=toponym.origin,
        dateline=toponym.dateline,
    )


def place_of(entry: GazEntry, gaz: Gazetteer) -> Place:
    return Place(
        name=entry.name,
        country=entry.country,
        admin1=gaz.admin_name(entry.country, entry.admin1),
        admin2=gaz.admin_name(entry.country, entry.admin1, entry.admin2) if entry.admin2 else None,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        feature=entry.feature,
        precision=precision_of(entry.feature, entry.source),
    )


def precision_of(feature: str | None, source: str = "") -> int:
    if source in (ADMIN1_POINT_SOURCE, ARTICLE_TOWN_POINT_SOURCE):
        return 3  # a district the gazetteer can place only at its province's point, or at a guess
    if feature is None:
        return 3
    if feature.startswith("PPL") or feature in POINT_FEATURES:
        return 1
    if feature == "ADM2":
        return 2
    return 3


def specificity(feature: str | None, within_town: bool) -> int:
    """Higher is finer: a neighbourhood in a town > a town or point > district > province > country >
    macro-region."""
    if within_town:
        return 6
    if feature is None:
        return 0
    if feature.startswith("PPL") or feature in POINT_FEATURES:
        return 5
    ranks = {"ADM2": 4, "ADM1": 3, "PCLI": 2, "REGION": 1, "CONT": 1}
    return ranks.get(feature, 3)


def place_event(art: AnalysedArticle, start: int, end: int) -> EventLocation | None:
    """Where an event happened, given the normalised character range of its clause or sentence: the place
    named there, else the most specific place of the surrounding paragraph, else the article's main place
    (these two at best precision 2: the text does not put the event there in so many words)."""
    mentions: list[PlaceMention] = art.annotations.get(ANNOTATION, [])
    if not mentions:
        return None
    inside = [m for m in mentions if m.start < end and start < m.end]  # a name cut by the range counts
    if inside:
        framed = without_unit_namesakes(inside, doc_text(art.doc)[start:end], start)
        return location_of(art, most_specific(framed), mentions, named=True)
    paragraph = paragraph_around(art, start)
    nearby = [m for m in mentions if paragraph[0] <= m.start and m.end <= paragraph[1]]
    if nearby:
        return location_of(art, most_specific(nearby, around=start), mentions, named=False)
    return location_of(art, main_mention(mentions), mentions, named=False)


def _tokens_of(art: AnalysedArticle, mentions: list[PlaceMention]) -> frozenset[int]:
    spans = (art.doc.char_span(m.start, m.end, alignment_mode="expand") for m in mentions)
    return frozenset(token.i for span in spans if span is not None for token in span)


def without_unit_namesakes(mentions: list[PlaceMention], text: str, start: int) -> list[PlaceMention]:
    """ "In Zacatecas, searchers found a grave outside Fresnillo": a capital named like its province that
    opens the sentence as its setting, with another town of that province told after it, names the
    province; the other town places the event."""
    towns = [m for m in mentions if specificity(m.place.feature, m.town is not None) == TOWN_RANK]
    kept = [m for m in mentions if not (_opens_as_setting(m, text, start) and _names_its_unit(m, towns))]
    return kept or mentions


def _opens_as_setting(mention: PlaceMention, text: str, start: int) -> bool:
    before = text[: mention.start - start].split()
    after = text[mention.end - start :]
    return len(before) == 1 and before[0].lower() == "in" and after.startswith(",")


def _names_its_unit(mention: PlaceMention, towns: list[PlaceMention]) -> bool:
    place = mention.place
    capital = (place.feature or "") in CAPITAL_FEATURES and bool(place.admin1)
    unit = place.admin1 or ""
    unit_names = {name.casefold() for name in (unit, *without_generic_term(unit, generic_terms()))}
    if not capital or (place.name or "").casefold() not in unit_names:
        return False
    return any(t.place.admin1 == place.admin1 and t.place.name != place.name for t in towns)


def most_specific(mentions: list[PlaceMention], around: int | None = None) -> PlaceMention:
    """The finest place not named as an origin ("a convoy from Kabul was attacked in Logar") nor as the
    dateline ("KABUL (Reuters) - A bomb in Mazar-i-Sharif"); among equals the first, or the one named
    closest before `around` (a place named earlier in the paragraph is what a following sentence refers
    back to)."""
    if around is None:
        return max(mentions, key=lambda m: (not m.origin, not m.dateline, m.specificity, -m.start))
    return max(
        mentions,
        key=lambda m: (not m.origin, not m.dateline, m.specificity, m.start < around, -abs(around - m.start)),
    )


def main_mention(mentions: list[PlaceMention]) -> PlaceMention:
    """The article's main place: the most often named among the finest places it names (a town over a
    country), the earliest on a tie."""
    finest = max(min(m.specificity, 5) for m in mentions)
    candidates = [m for m in mentions if min(m.specificity, 5) == finest]
    counts = Counter(m.town.name if m.town else m.place.name for m in candidates)
    return max(candidates, key=lambda m: (counts[m.town.name if m.town else m.place.name], -m.start))


def paragraph_around(art: AnalysedArticle, offset: int) -> tuple[int, int]:
    starts: list[int] = art.annotations.get(PARAGRAPHS) or paragraph_starts(doc_text(art.doc))
    index = min(max(bisect_right(starts, offset) - 1, 0), len(starts) - 2)
    return starts[index], starts[index + 1] - 2


def location_of(
    art: AnalysedArticle, mention: PlaceMention, mentions: list[PlaceMention], named: bool
) -> EventLocation:
    place, detail = mention.place, mention.detail
    if mention.town is not None:
        place, detail = mention.town, join_detail(mention, mentions)
    precision = max(place.precision or 3, HINT_PRECISION.get(mention.hint or "", 1))
    at_province_point = place.feature == "ADM2" and place.precision == 3
    in_unit = (place.feature or "").startswith("ADM") and not at_province_point
    if mention.inside and precision == 3 and in_unit:
        precision = 2  # a named place in the province, not the province at large
    if mention.inside and precision == 1:
        precision = 2  # a place the gazetteer lacks, placed at the town its unit is named after
    if mention.near and precision == 1:
        precision = 2
    if not named:
        precision = max(precision, 2)
    return EventLocation(
        name=place.name,
        country=place.country,
        admin1=place.admin1,
        admin2=place.admin2,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        feature=place.feature,
        precision=precision,
        text=mention.text,
        detail=detail,
        span=art.span(mention.start, mention.end),
    )


def same_place(one: Place, other: Place | None) -> bool:
    return other is not None and (one.geonameid, one.name) == (other.geonameid, other.name)


def join_detail(mention: PlaceMention, mentions: list[PlaceMention]) -> str:
    """ "Shahr-e Naw in Kabul's District 4" → "Shahr-e Naw, District 4": the neighbourhood and a finer part of
    its town that the article names right after the neighbourhood, anywhere in the article."""
    parts = [mention.place.name]
    for same in (m for m in mentions if m.place is mention.place):
        for other in mentions:
            if other.detail and same_place(other.place, mention.town) and 0 <= other.start - same.end < 40:
                parts.append(other.detail)
                return ", ".join(parts)
    return ", ".join(parts)
