"""Toponym resolution: each name in the text to one gazetteer place.

Candidates come from the name's keys (geo/names.py); a scoring function ranks them by population, kind of
place, the words around the name ("Helmand province", "Paris, Texas", "Hombori in Mopti") and the
article's other places (a town in a country the article names elsewhere wins, and so does a reading near
the possible readings of the article's other names). A name no gazetteer place has gets a fallback point
(a place named inside it, its stated container, or the article's main town), never taken for an exact
match. Works on character offsets and plain text only, so gold toponym spans can be resolved without a
parse.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from anyascii import anyascii

from eventdesk.geo.build import ADMIN1_POINT_SOURCE, ARTICLE_TOWN_POINT_SOURCE
from eventdesk.geo.gazetteer import Candidate, GazEntry, Gazetteer
from eventdesk.geo.names import spelled_out

SMALL_TOWN_POPULATION = 10_000
LARGE_TOWN_POPULATION = 100_000
REGION_POPULATION = 100_000_000  # regions have no population; rank them as a large place
# ranked as regions: "the Atlantic", "the Alps", "the Sahara"
UNPEOPLED_AREAS = frozenset({"REGION", "OCN", "SEA", "GULF", "STRT", "MTS", "DSRT"})
CONTAINER_GAP = re.compile(r"^\s*(,|,?\s+in|,?\s+of)\s+$|^\s*,\s*$|^\s*\(\s*$", re.IGNORECASE)
# "Ore.", "La.", "Calif.": a short word with a full stop, alone, abbreviates a state or province (AP
# style), not a town known by the letters ("LA")
STATE_ABBREVIATION = re.compile(r"[A-Z][a-z]{1,4}\.")
SPELLING_SIMILARITY = 0.75
PLURAL_TERM = re.compile(r"\s+([a-z]+s)\b")  # "... and Barrow counties"
FOLLOWING_WORDS = re.compile(r"[ \t]+([A-Za-z]+\.?)(?:[ \t]+([A-Za-z]+))?(?:[ \t]+([A-Za-z]+))?")
# a US state's part of the National Guard is named after the state: "the Georgia National Guard"
LOOSE_TERMS = frozenset({"region"})  # "the Sahel region" is the wider area, not Burkina Faso's Sahel province
STATE_UNITS = {"national guard": "admin1", "air national guard": "admin1", "army national guard": "admin1"}
APPOSITIVE_GAP = re.compile(r"^\s*,\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?P<term>[a-z]+)\s+(?:in|of)\s+$")
LIST_GAP = re.compile(r"^\s*(,|,?\s+and|,?\s+or)\s+$|^\s*,\s*$", re.IGNORECASE)
OF_GAP = re.compile(r"\bof\s*$", re.IGNORECASE)
NOT_LETTERS = re.compile(r"[^a-z0-9]+")
ARTICLE_BEFORE = re.compile(r"\b[Tt]he\s+(?P<words>(?:[a-z]+\s+){0,2})$")
PREPOSITIONS = frozenset({"of", "in", "at", "on", "to", "from", "for", "and", "or", "near", "by", "with"})
# A country that this many of the article's other names point to, making up this share of them, rules out
# towns elsewhere that nothing else in the article points to, unless known by their own name and large
DOMINANT_MENTIONS = 3
DOMINANT_SHARE = 0.9
# How fine a kind of place is: a place can lie only in a coarser one
LEVELS = {"country": 0, "ADM1": 1, "ADM2": 2}
TOWN_LEVEL = 3
# Scoring weights, set by hand and checked on the development halves of GWN-dev, LGL and TR-News
# (bench/geo_eval.py --split dev); the held-out halves (--split held) check that a change generalises.
WEIGHTS = {
    "rounds": 5,  # at most: the rounds stop once the picks settle
    "population": 1.0,
    "alternate": 1.0,
    "article": 1.5,
    "hint": 6.0,
    "hint_country": 4.0,
    "hint_town": 4.0,  # "Quebec City" is the city, even among names that point to its province
    "supplement": 5.0,
    "country_share": 3.0,
    "country_any": 1.0,
    "admin1_share": 3.0,
    "admin1_any": 1.0,
    "near": 1.0,
    "near_km": 150.0,
    "stray_countries": 2,
    "neighbours": 0.5,
    "neighbours_max": 4,
    "as_written": 1.0,
}
KM_PER_DEGREE = 111.0  # of latitude
CELL_DEGREES = 1.0  # the grid that `Neighbourhood` counts names in: about 110 km a cell
FEATURE_PRIOR = {"PCLI": 4.0, "CONT": 2.5, "REGION": 2.5, "ADM1": 0.3, "PPLC": 1.5, "PPLA": 1.5, "ADM2": -0.5}


@dataclass(slots=True)
class Toponym:
    """A place name in the text: offsets into `text` given to the resolver, the name to look up
    (without a generic term such as "province", kept in `hint`), and after resolution its place."""

    start: int
    end: int
    text: str
    name: str
    hint: str | None = None  # the kind of place a generic term says: "admin1", "admin2", "town", "area"
    near: bool = False  # "near X", "outskirts of X": the event is near the place, not in it
    origin: bool = False  # "from X": where someone or something came from
    detail: str | None = None  # a finer part named with it ("District 8" in "Kabul's District 8")
    candidates: tuple[Candidate, ...] = ()
    entry: GazEntry | None = None
    container: int | None = None  # index of the toponym this one lies in ("X, Y", "X in Y")
    contains: int | None = None  # index of the toponym that lies in this one
    article: bool = False  # "the Red Sea", "the Sahel": seas and regions take the article, towns do not
    demonym: int | None = None  # the place id, when the name is a demonym ("Turkish" → Turkey)
    score: float = 0.0
    by_main_name: bool = False  # resolved by the place's own name, not an alternate one
    end_token: int = 0  # for the recogniser: the token after the name
    chained: bool = False  # named in an admin chain, "Boni (Hombori, Douentza, Mopti)": containers are hard
    # a weak container: this name is one of a list ("Leeds, Hull, Bristol, and Exeter") or
    # holds by "of" ("the Nice of Russia"), so it rules out no reading of the name before it
    weak_container: bool = False
    facility: bool = False  # part of a facility's name: "Salem" in "the Al Salem hospital"
    locative: bool = False  # put as where something happened: "in X", "attacked X", "the village of X"
    dateline: bool = False  # where the report was filed ("KABUL, Jan. 5 (Reuters) -")
    # A name the gazetteer lacks still gets the best point there is, never taken for the place itself:
    # `fallback` is a place it lies in or near, `fallback_by` how that was found: "part" (a place named
    # inside the name: "Port of Los Angeles", "North London"), "demonym" (the country or continent of the
    # people-word opening it: "British Embassy"; no mention of that place for events), "container"
    # ("X, Kaduna State") or "article" (the article's main town, for a street, building or river).
    fallback: GazEntry | None = None
    fallback_by: str | None = None
    partial: bool = False  # the candidates are those of a place named inside the name


def split_generic(text: str, terms: Mapping[str, str]) -> tuple[str, str | None]:
    """ "Helmand province" → ("Helmand", "admin1"); "Province of Sindh" → ("Sindh", "admin1"): the name
    and the kind of place its generic term says (geo/data/generic_terms.tsv)."""
    words = text.split()
    for length in range(min(3, len(words) - 1), 0, -1):  # "Chikun local government area"
        term = " ".join(words[-length:]).lower()
        if term in terms:
            return " ".join(words[:-length]), terms[term]
    if len(words) > 2 and words[0].lower() in terms and words[1].lower() == "of":
        return " ".join(words[2:]), terms[words[0].lower()]
    return text, None


def make_toponym(start: int, end: int, text: str, gaz: Gazetteer) -> Toponym:
    name, hint = split_generic(text, gaz.generic_terms)
    if hint is None and STATE_ABBREVIATION.fullmatch(text):
        hint = "admin1"
    return Toponym(start, end, text, name, hint)


def resolve_toponyms(
    gaz: Gazetteer, text: str, toponyms: Sequence[Toponym], demonym_countries: Counter[str] | None = None
) -> None:
    """Fill `entry` of each toponym (None when the gazetteer has no candidate): first on the names alone,
    then again in the light of what the earlier rounds found for the article's other names (added up over
    the rounds, so that the picks settle). A name left without a place gets a `fallback` (see Toponym)."""
    for toponym in toponyms:
        toponym.candidates = find_candidates(gaz, toponym)
    link_containers(text, toponyms, gaz.generic_terms)
    share_plural_terms(text, toponyms, gaz.generic_terms)
    for toponym in toponyms:
        toponym.hint = toponym.hint or following_term(text, toponym.end, gaz.generic_terms)
        toponym.article = has_article(text, toponym)
    context = Context(Counter(demonym_countries or {}), neighbourhood=Neighbourhood.of(toponyms))
    evidence: Context | None = None  # the picks of the rounds after the first, added up
    picks: list[GazEntry | None] = []
    for round_number in range(WEIGHTS["rounds"]):
        for toponym in toponyms:
            choose(toponym, toponyms, context.seen_from(toponym))
        if picks == (picks := [t.entry for t in toponyms]):
            break  # settled
        latest = Context.of(toponyms, demonym_countries, context.neighbourhood)
        context = latest if evidence is None else latest.merged(evidence)
        if round_number:  # the first round chose on the names alone
            evidence = context
    follow_stated_containers(toponyms)
    place_unplaced_districts(toponyms)
    assign_fallbacks(toponyms)


def follow_stated_containers(toponyms: Sequence[Toponym]) -> None:
    """ "Portland, Ore." once, then "Portland": a name whose container the text states at one mention means
    the same place at its other mentions (when the stated mentions agree)."""
    stated: dict[str, set[int]] = {}
    entries: dict[int, GazEntry] = {}
    for toponym in toponyms:
        if toponym.entry is not None and stated_container(toponym, toponyms):
            stated.setdefault(toponym.text.lower(), set()).add(toponym.entry.id)
            entries[toponym.entry.id] = toponym.entry
    for toponym in toponyms:
        ids = stated.get(toponym.text.lower())
        if ids is not None and len(ids) == 1 and toponym.entry is not None and toponym.container is None:
            toponym.entry = entries[next(iter(ids))]


def place_unplaced_districts(toponyms: Sequence[Toponym]) -> None:
    """A district that the gazetteer can place only at its province's point (no town of its own) is put
    at the article's main town in that province instead: a local story names the places around it, and
    a province's middle can lie hundreds of kilometres away ("Middlesex County" in a story about London,
    Ontario). The point stays an estimate (precision of a province)."""
    for toponym in toponyms:
        entry = toponym.entry
        if entry is None or entry.source != ADMIN1_POINT_SOURCE:
            continue
        town = main_town([t for t in toponyms if t.entry is not None and same_admin1(t.entry, entry)])
        if town is not None:
            toponym.entry = replace(entry, lat=town.lat, lon=town.lon, source=ARTICLE_TOWN_POINT_SOURCE)


def same_admin1(one: GazEntry, other: GazEntry) -> bool:
    return one.country == other.country and one.admin1 == other.admin1


def stated_container(toponym: Toponym, toponyms: Sequence[Toponym]) -> bool:
    container = resolved_container(toponym, toponyms)
    if container is None or container.entry is None or container.weak_container:
        return False
    return toponym.entry is not None and toponym.entry.is_town and container.entry.feature == "ADM1"


def assign_fallbacks(toponyms: Sequence[Toponym]) -> None:
    """The best point for each name the gazetteer lacks: the place named inside it when the article's other
    names point to its country or it is a large town (a small namesake abroad is a chance match of a word:
    "Bank" in "Bank of Japan"), else its stated container, else the main town of the country the article
    names most, or when it names no town there, the place there it names most (a province, the country)."""
    countries = Counter(t.entry.country for t in toponyms if t.entry is not None and not t.partial)
    for toponym in toponyms:
        if toponym.partial and toponym.entry is not None:
            part, toponym.entry = toponym.entry, None
            if not toponym.by_main_name:  # named by a people-word: no mention of the place itself
                toponym.fallback, toponym.fallback_by = part, "demonym"
            elif countries[part.country] or part.population >= LARGE_TOWN_POPULATION:
                toponym.fallback, toponym.fallback_by = part, "part"
    main = in_main_country(toponyms)
    focus = main_town(main) or most_named(main)
    for toponym in toponyms:
        if toponym.entry is not None or toponym.fallback is not None:
            continue
        container = resolved_container(toponym, toponyms)
        if container is not None and container.entry is not None:
            toponym.fallback, toponym.fallback_by = container.entry, "container"
        elif focus is not None:
            toponym.fallback, toponym.fallback_by = focus, "article"


def in_main_country(toponyms: Sequence[Toponym]) -> list[Toponym]:
    """The names placed in the country the article names most (its towns, provinces and the country
    itself): a story from Cairo about a footballer in Liverpool names Liverpool most as a town, but Egypt
    more in all; the unknown names of such a story are more likely Egyptian."""
    placed = [t for t in toponyms if t.entry is not None and t.entry.country and not t.partial]
    countries = Counter(t.entry.country for t in placed if t.entry is not None)
    if not countries:
        return list(toponyms)  # only seas and regions: the one named most
    top = countries.most_common(1)[0][0]
    return [t for t in placed if t.entry is not None and t.entry.country == top]


def most_named(toponyms: Sequence[Toponym]) -> GazEntry | None:
    """The place of any kind the article names most (the earliest on a tie)."""
    places = [t.entry for t in toponyms if t.entry is not None]
    counts = Counter(e.id for e in places)
    return max(places, key=lambda e: counts[e.id]) if places else None


def main_town(toponyms: Sequence[Toponym]) -> GazEntry | None:
    """The town the article names most often (the earliest on a tie), if it names one."""
    towns = [t.entry for t in toponyms if t.entry is not None and t.entry.is_town]
    if not towns:
        return None
    counts = Counter(e.id for e in towns)
    return max(towns, key=lambda e: counts[e.id])


def has_article(text: str, toponym: Toponym) -> bool:
    """ "the Atlantic", and with a word or two that describe the area between: "the tropical Atlantic",
    "the eastern Mediterranean" (not "the town of X": a preposition ends a phrase that names the place)."""
    if toponym.text.lower().startswith("the "):
        return True
    before = ARTICLE_BEFORE.search(text, max(0, toponym.start - 40), toponym.start)
    return before is not None and not PREPOSITIONS.intersection(before.group("words").split())


def supported(toponyms: Sequence[Toponym], demonyms: Counter[str] | None = None) -> list[Toponym]:
    """Recognised names worth keeping as places: a small town, a town known by another name, or a point
    such as a neighbourhood or camp, that nothing else in the article points to (no other place or
    demonym of its country) is more likely a word the model took for a place ("Jesus", "Salah", "Kerry")
    or a namesake elsewhere (Kabul's "Green Zone" in a story about Baghdad) than the place meant."""
    resolved = [t.entry for t in toponyms if t.entry is not None]
    countries = Counter(demonyms or {}) + Counter(e.country for e in resolved if e.country)
    mentions = Counter(e.id for e in resolved)
    kept = []
    for toponym in toponyms:
        entry = toponym.entry
        if entry is None:
            continue
        known_otherwise = (
            entry.is_town and not toponym.by_main_name and entry.population < LARGE_TOWN_POPULATION
        )
        chance_facility = toponym.facility and entry.id > 0  # the supplement's places are no chance match
        unsure = is_small_town(entry) or known_otherwise or entry.is_point or chance_facility
        unsupported = countries[entry.country or ""] <= mentions[entry.id]  # only its own mentions
        if unsure and unsupported and not stands_alone(toponym):
            continue
        kept.append(toponym)
    return kept


def stands_alone(toponym: Toponym) -> bool:
    """A name put as where something happened ("in X", "attacked X") and read by the place's own name keeps
    its reading with no other support: in conflict reports the small village is the event's place. Not an
    acronym ("gains in BOV"); by another name only when that is a spelling of it ("Izium", "Izyum")."""
    if not toponym.locative or toponym.text.isupper() or toponym.entry is None:
        return False
    return toponym.by_main_name or spelling_variant(toponym.name, toponym.entry.name)


def spelling_variant(one: str, other: str) -> bool:
    """Two transliterations of one name: as long give or take a letter, the same first letter, and mostly
    the same letters ("Avdiivka" and "Avdiyivka", not "Mr" and "Macará")."""
    a, b = anyascii(one).lower(), anyascii(other).lower()
    if abs(len(a) - len(b)) > 1 or a[:1] != b[:1]:
        return False
    return SequenceMatcher(None, a, b).ratio() >= SPELLING_SIMILARITY


def is_area(entry: GazEntry) -> bool:
    """A sea, region or other natural area rather than a town, an admin unit or a country."""
    return not (entry.is_town or entry.is_admin or entry.is_country or entry.is_point)


def is_small_town(entry: GazEntry) -> bool:
    return entry.is_town and entry.id > 0 and entry.population < SMALL_TOWN_POPULATION


def find_candidates(gaz: Gazetteer, toponym: Toponym) -> tuple[Candidate, ...]:
    found = {c.entry.id: c for c in gaz.candidates(toponym.text)}
    if toponym.name != toponym.text:
        for candidate in gaz.candidates(toponym.name):
            found.setdefault(candidate.entry.id, candidate)
    entry = gaz.demonym_place(toponym.text) or derived_demonym_place(gaz, toponym.text, found)
    if entry is not None:
        toponym.demonym = entry.id
        found[entry.id] = Candidate(entry, main_name=True)
    if not found:
        parts = part_candidates(gaz, toponym.name)
        toponym.partial = bool(parts)
        return parts
    return tuple(found.values())


def derived_demonym_place(gaz: Gazetteer, text: str, found: Mapping[int, Candidate]) -> GazEntry | None:
    """ "Ohioans" → Ohio, "Londoner" → London: a people-word the demonym list lacks, read back to the
    place by its ending (geo/data/demonym_endings.tsv), for a capitalised word the gazetteer does not know."""
    if found or not text[:1].isupper():
        return None
    for ending, place_ending in gaz.demonym_endings:
        if text.endswith(ending) and len(text) > len(ending) + 2:
            places = [c.entry for c in gaz.candidates(text[: -len(ending)] + place_ending) if c.main_name]
            if places:
                return max(places, key=lambda e: (e.is_country or e.is_admin or e.is_region, e.population))
    return None


def part_candidates(gaz: Gazetteer, name: str) -> tuple[Candidate, ...]:
    """For a name the gazetteer lacks, the places named inside it (geo/data/name_parts.tsv): of its runs of
    words that may be a place, the longest that names one. See `fair_part` for which runs may."""
    words = [w for w in re.split(r"[\s\-‐–/]+", name) if w]
    kinds = [gaz.name_parts.get(w.lower().rstrip(".")) for w in words]
    if "area" in kinds:
        return ()
    for size in range(len(words) - 1, 0, -1):
        found: dict[int, Candidate] = {}
        for first in range(len(words) - size + 1):
            if not fair_part(words, kinds, first, first + size):
                continue
            direction_only = all(
                kinds[i] in ("direction", "link") for i in range(len(words)) if not first <= i < first + size
            )
            unit = first + size < len(words) and gaz.generic_terms.get(words[first + size].lower())
            for candidate in gaz.candidates(" ".join(words[first : first + size])):
                if fair_part_place(candidate, direction_only, unit in ("admin1", "admin2")):
                    found.setdefault(candidate.entry.id, Candidate(candidate.entry, True, whole=False))
        if found:
            return tuple(found.values())
    return demonym_part(gaz, words)


def demonym_part(gaz: Gazetteer, words: list[str]) -> tuple[Candidate, ...]:
    """ "British Embassy", "European Commission", "Iraqi parliament": a body named by the people-word
    that opens its name lies in that country or continent."""
    place = gaz.demonym_place(words[0]) if len(words) > 1 else None
    if place is None or not (place.is_country or place.feature == "CONT"):
        return ()
    return (Candidate(place, main_name=False, whole=False),)


def fair_part_place(candidate: Candidate, direction_only: bool, unit_named: bool) -> bool:
    """A town or point by its own name, or a country by any of its names ("Bank of Japan", "US Federal
    Reserve": a national body lies in its country); a province only when the rest of the name is
    directions ("Northern Ontario") or the name calls it one ("Colorado State University", "Kaduna State
    Polytechnic"), since a thing named after one need not lie in it ("Bank of Ontario")."""
    entry = candidate.entry
    if entry.is_country or entry.feature == "CONT":
        return True
    if unit_named and entry.is_admin:
        return True
    return candidate.main_name and (direction_only or entry.is_town or entry.is_point)


def fair_part(words: list[str], kinds: list[str | None], start: int, end: int) -> bool:
    """A run of words may name the place a longer name lies in when it starts with a capital, is not all
    name-part words, and either opens the name ("Liverpool FC", "Zion National Park") or follows only
    name-part words ("North London", "Port of Los Angeles"). A run that ends the name after another word is
    its head noun, no place ("Soviet Union", "Meadow Grove")."""
    if not words[start][:1].isupper() or all(kinds[i] is not None for i in range(start, end)):
        return False
    return start == 0 or all(kinds[i] is not None for i in range(start))


def link_containers(text: str, toponyms: Sequence[Toponym], terms: Mapping[str, str]) -> None:
    """ "Paris, Texas", "Hombori in Mopti" and "Kuriga, a village in Kaduna State": the second name holds
    the first."""
    for index in range(len(toponyms) - 1):
        first, second = toponyms[index], toponyms[index + 1]
        gap = text[first.end : second.start] if second.start >= first.end else "-"
        described = APPOSITIVE_GAP.match(gap)
        if CONTAINER_GAP.match(gap) or (described and described["term"].lower() in terms):
            first.container = index + 1
            second.contains = index
            second.origin |= first.origin  # "of Woodbridge, Virginia": the state is the hometown's
        first.weak_container |= bool(LIST_GAP.match(gap))
        second.weak_container |= bool(OF_GAP.search(gap))


def share_plural_terms(text: str, toponyms: Sequence[Toponym], terms: Mapping[str, str]) -> None:
    """ "Jackson and Barrow counties", "Borno, Yobe and Adamawa states": a plural generic term after a list
    of names says the kind of place of each."""
    for index, toponym in enumerate(toponyms):
        plural = PLURAL_TERM.match(text, toponym.end)
        kind = terms.get(singular(plural.group(1).lower())) if plural else None
        if kind is None or toponym.hint is not None:
            continue
        first = index
        while first > 0 and LIST_GAP.match(text[toponyms[first - 1].end : toponyms[first].start]):
            first -= 1
        if first < index:
            for listed in toponyms[first : index + 1]:
                listed.hint = listed.hint or kind


def following_term(text: str, end: int, terms: Mapping[str, str]) -> str | None:
    """ "Helmand province" or "Kaduna State" when only the name is the toponym: the generic term right
    after it says its kind, as it would inside the name; so does "National Guard" for a US state."""
    match = FOLLOWING_WORDS.match(text, end)
    if match is None:
        return None
    words = [w.lower() for w in match.groups() if w]
    for length in range(len(words), 0, -1):
        term = " ".join(words[:length])
        kind = terms.get(term) or STATE_UNITS.get(term)
        if kind is not None:
            return None if kind == "area" or term in LOOSE_TERMS else kind
    return None


def singular(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else word[:-1]


Cell = tuple[int, int]


def cell_of(entry: GazEntry) -> Cell:
    return math.floor(entry.lat / CELL_DEGREES), math.floor(entry.lon / CELL_DEGREES)


@dataclass(slots=True)
class Neighbourhood:
    """Where the article's names could be: for each grid cell, how many of its names (spelled apart) have
    a reading of town or district size in it or next to it. A reading near readings of other names
    ("Hamilton" among "Oxford" and "Butler County") fits a story about one area; unlike the article's
    chosen places, this does not hang on what the first round chose."""

    cells: Counter[Cell] = field(default_factory=Counter)
    own: dict[str, frozenset[Cell]] = field(default_factory=dict)
    counted: dict[tuple[int, str], int] = field(default_factory=dict)  # the same for every round

    @classmethod
    def of(cls, toponyms: Sequence[Toponym]) -> Neighbourhood:
        own: dict[str, frozenset[Cell]] = {}
        for toponym in toponyms:
            name = toponym.name.lower()
            if name not in own and not toponym.partial:
                own[name] = frozenset(
                    (row + dr, col + dc)
                    for row, col in {cell_of(c.entry) for c in toponym.candidates if is_local(c.entry)}
                    for dr in (-1, 0, 1)
                    for dc in (-1, 0, 1)
                )
        return cls(Counter(cell for cells in own.values() for cell in cells), own)

    def others_near(self, entry: GazEntry, name: str) -> int:
        """How many of the article's other names could be in or next to the place's cell."""
        count = self.counted.get((entry.id, name))
        if count is None:
            cell = cell_of(entry)
            count = self.counted[entry.id, name] = self.cells[cell] - (cell in self.own.get(name, ()))
        return count


def is_local(entry: GazEntry) -> bool:
    """A place small enough that two names near it point to one area: a town, point or district."""
    return entry.is_town or entry.is_point or entry.feature == "ADM2"


@dataclass(slots=True)
class Context:
    """What the article's names say about each other: how often each country and admin1 unit comes up,
    and where the towns are. Seen from one name, the names spelled like it do not count (five mentions
    of "Paris" are no evidence for which Paris)."""

    countries: Counter[str]
    admin1: Counter[tuple[str, str]] = field(default_factory=Counter)
    points: list[tuple[float, float, str]] = field(default_factory=list)
    by_name: dict[str, tuple[Counter[str], Counter[tuple[str, str]]]] = field(default_factory=dict)
    neighbourhood: Neighbourhood = field(default_factory=Neighbourhood)
    name: str = ""  # the name the context is seen from
    rounds: int = 1  # how many rounds' picks the counts add up

    @classmethod
    def of(
        cls, toponyms: Sequence[Toponym], demonyms: Counter[str] | None, neighbourhood: Neighbourhood
    ) -> Context:
        context = cls(Counter(demonyms or {}), neighbourhood=neighbourhood)
        for toponym in toponyms:
            context.add(toponym)
        return context

    def add(self, toponym: Toponym) -> None:
        entry = toponym.entry
        if entry is None or entry.country is None or toponym.partial:
            return  # a place named inside an unknown name is a guess, no evidence for the others
        own = self.by_name.setdefault(toponym.name.lower(), (Counter(), Counter()))
        self.countries[entry.country] += 1
        own[0][entry.country] += 1
        if entry.admin1 and not entry.is_country:
            self.admin1[entry.country, entry.admin1] += 1
            own[1][entry.country, entry.admin1] += 1
        if entry.is_town:
            self.points.append((entry.lat, entry.lon, toponym.name.lower()))

    def merged(self, other: Context) -> Context:
        """This round's picks with the earlier rounds': names whose readings favour each other's
        alternatives ("Cambridge" and "Newmarket" each pulling the other between England and America)
        would flip from round to round; with the evidence added up, they settle."""
        by_name = {name: (own[0].copy(), own[1].copy()) for name, own in self.by_name.items()}
        for name, (countries, admin1) in other.by_name.items():
            mine = by_name.setdefault(name, (Counter(), Counter()))
            mine[0].update(countries)
            mine[1].update(admin1)
        return Context(
            self.countries + other.countries,
            self.admin1 + other.admin1,
            list(dict.fromkeys(self.points + other.points)),  # whether a point is near, not how often
            by_name,
            self.neighbourhood,
            rounds=self.rounds + other.rounds,
        )

    def seen_from(self, toponym: Toponym) -> Context:
        name = toponym.name.lower()
        own = self.by_name.get(name)
        countries, admin1, points = self.countries, self.admin1, self.points
        if own is not None:
            countries, admin1 = countries - own[0], admin1 - own[1]
            points = [p for p in points if p[2] != name]
        return Context(countries, admin1, points, {}, self.neighbourhood, name, self.rounds)

    def mentions(self, country: str | None) -> float:
        """How many of the other names point to the country in one round (the counts add up the rounds)."""
        return self.countries[country or ""] / self.rounds


def choose(toponym: Toponym, toponyms: Sequence[Toponym], context: Context) -> None:
    container = resolved_container(toponym, toponyms)
    contained = toponyms[toponym.contains] if toponym.contains is not None else None
    dominant = dominant_country(context)
    scored: list[tuple[float, Candidate]] = []
    for candidate in toponym.candidates:
        if container is not None and outside_container(candidate.entry, container, toponym.chained):
            continue
        if dominant is not None and foreign_to_article(candidate, dominant, context):
            continue
        if stray(candidate.entry, context):
            continue
        scored.append((candidate_score(candidate, toponym, context, container, contained), candidate))
    best_score, best = best_reading(scored, toponym, context) if scored else (0.0, None)
    toponym.entry = best.entry if best else None
    toponym.by_main_name = best.main_name if best else False
    toponym.score = best_score


def best_reading(
    scored: Sequence[tuple[float, Candidate]], toponym: Toponym, context: Context
) -> tuple[float, Candidate]:
    """The highest score, unless a reading named exactly as written outranks it and the article's other
    names favour it no less (see `outranks`); a tie goes to the better attested reading (`attested`),
    never to the order of the gazetteer's rows."""
    best = max(scored, key=lambda pair: (pair[0], *attested(pair[1], toponym)))
    rivals = [
        pair
        for pair in scored
        if outranks(pair[1], best[1], toponym)
        and context_score(pair[1].entry, context) >= context_score(best[1].entry, context)
    ]
    return max(rivals, key=lambda pair: pair[0]) if rivals else best


def attested(candidate: Candidate, toponym: Toponym) -> tuple[bool, bool, int, int]:
    """How well a reading is attested, to break a tie of scores: its own name as written in full ("Cooke
    County" over "Coke County", "Grant County" over an Australian "Grant"), a point of its own (not its
    province's), its population, then the older GeoNames entry."""
    entry = candidate.entry
    in_full = candidate.main_name and plain(entry.name) == plain(toponym.text)
    return in_full, entry.source != ADMIN1_POINT_SOURCE, entry.population, -entry.id


def outranks(candidate: Candidate, other: Candidate, toponym: Toponym) -> bool:
    """A place whose own name is spelled as written beats one whose own name only shares its key ("Samarra"
    is not "Samara"), and a larger town beats a town that merely bears the name as an alternate one
    ("Jalalabad" is the Afghan city, not a Kyrgyz town once called so)."""
    if not (written_as(candidate, toponym) and candidate.whole) or toponym.demonym == other.entry.id:
        return False
    if not (candidate.entry.is_town and other.entry.is_town):
        return False
    if other.main_name:
        return other.whole and not written_as(other, toponym)
    return candidate.entry.population > other.entry.population


def written_as(candidate: Candidate, toponym: Toponym) -> bool:
    """Matched by the place's own name spelled as in the text (case, accents and punctuation aside)."""
    return candidate.main_name and plain(candidate.entry.name) in (plain(toponym.text), plain(toponym.name))


def dominant_country(context: Context) -> str | None:
    """The country the article's other names point to clearly, if any."""
    if not context.countries:
        return None
    country, count = context.countries.most_common(1)[0]
    share = count / sum(context.countries.values())
    return country if context.mentions(country) >= DOMINANT_MENTIONS and share >= DOMINANT_SHARE else None


def foreign_to_article(candidate: Candidate, dominant: str, context: Context) -> bool:
    """A town or point outside the dominant country that nothing else in the article points to, read by
    another of its names or small ("Salem" as Jerusalem in a story about Mosul), or a district there
    ("Haram" as a Norwegian municipality in a story about Cairo): the name means a place in the dominant
    country, or the gazetteer lacks it."""
    entry = candidate.entry
    if entry.country in (None, dominant) or context.countries[entry.country]:
        return False
    if entry.feature == "ADM2":
        return True
    if not (entry.is_town or entry.is_point):
        return False
    return not candidate.main_name or entry.population < LARGE_TOWN_POPULATION


def stray(entry: GazEntry, context: Context) -> bool:
    """A small town or a district in a country that none of the article's other names points to, when
    they point to other countries ("West" as a Cameroonian province in a story about Germany): the name
    means something else, or a place the gazetteer lacks."""
    if len(context.countries) < WEIGHTS["stray_countries"] or context.countries[entry.country or ""]:
        return False
    return entry.feature == "ADM2" or is_small_town(entry)


def candidate_score(
    candidate: Candidate,
    toponym: Toponym,
    context: Context,
    container: Toponym | None,
    contained: Toponym | None,
) -> float:
    entry = candidate.entry
    population = REGION_POPULATION if entry.feature in UNPEOPLED_AREAS else entry.population
    score = WEIGHTS["population"] * math.log10(population + 10) + FEATURE_PRIOR.get(entry.feature, 0.0)
    if entry.id < 0 and entry.feature != "REGION":
        score += WEIGHTS["supplement"]  # a place the supplement added for news use
    if not candidate.main_name:
        score -= WEIGHTS["alternate"]
    if not candidate.whole:
        score -= 2.0
    if toponym.demonym == entry.id:
        score += 10.0
    if (
        candidate.main_name
        and candidate.whole
        and plain(entry.name) not in (plain(toponym.text), plain(toponym.name))
    ):
        score -= WEIGHTS["as_written"]  # "Cooke County" is not "Coke County", though one key holds both
    score += hint_score(toponym.hint, entry)
    if toponym.article:
        score += WEIGHTS["article"] if is_area(entry) else 0.0
    if contained is not None and not toponym.weak_container:  # in "A, B, C" B holds no A
        score += holding_score(entry, contained)
    if container is not None:
        score += containment_score(entry, container)
    return score + context_score(entry, context)


@lru_cache(maxsize=100_000)
def plain(name: str) -> str:
    """A name as spelled, without case, accents or punctuation (name keys also merge spellings)."""
    return NOT_LETTERS.sub("", anyascii(spelled_out(name)).lower())


def resolved_container(toponym: Toponym, toponyms: Sequence[Toponym]) -> Toponym | None:
    """The toponym's container, or when the gazetteer does not know that, the next one up that it knows
    ("Boni (Hombori, Douentza, Mopti)": Douentza when Hombori is unknown)."""
    container = toponyms[toponym.container] if toponym.container is not None else None
    while container is not None and container.entry is None and container.container is not None:
        container = toponyms[container.container]
    return container


def outside_container(entry: GazEntry, container: Toponym, hard: bool) -> bool:
    """A stated container rules out readings elsewhere: "Kuriga, Kaduna State" is no town in Morocco.
    Names in an admin chain are held to all of the container's units; elsewhere ("X, Y", "X in Y") only a
    town or point is, and only by a country, province or district that ends the run of names (in "Mosul,
    Aleppo and Raqqa" or "Leeds, Hull, Bristol, and Exeter" the commas list places)."""
    holder = container.entry
    if holder is None or holder.country is None or entry.is_region:
        return False
    inner_level, holder_level = level(entry), level(holder)
    stated = not container.weak_container and holder_level < TOWN_LEVEL
    if not (hard or (inner_level == TOWN_LEVEL and stated)):
        return False
    if entry.country != holder.country:
        return True
    if inner_level <= holder_level:
        return False
    if holder_level >= 1 and entry.admin1 and holder.admin1 and entry.admin1 != holder.admin1:
        return True
    return holder.feature == "ADM2" and entry.admin2 is not None and entry.admin2 != holder.admin2


def level(entry: GazEntry) -> int:
    if entry.is_country:
        return LEVELS["country"]
    return LEVELS.get(entry.feature, TOWN_LEVEL)


def hint_score(hint: str | None, entry: GazEntry) -> float:
    if hint is None:
        return 0.0
    if hint in ("admin1", "admin2"):  # "Guernsey County" is no country, "Kandahar province" no town
        if entry.feature == hint.replace("admin", "ADM"):
            return WEIGHTS["hint"]
        return -WEIGHTS["hint_country"] if entry.is_country else -1.0
    if hint == "town":
        return WEIGHTS["hint_town"] if entry.is_town else -1.0
    return 0.0


def containment_score(entry: GazEntry, container: Toponym) -> float:
    """How well `entry` fits inside the best-fitting reading of its container ("Paris" in "Texas")."""
    return max((fit(entry, c.entry) for c in container.candidates), default=0.0)


def holding_score(entry: GazEntry, contained: Toponym) -> float:
    """How well `entry` holds the best-fitting reading of the name it contains ("Texas" around "Paris")."""
    return max(0.0, max((fit(c.entry, entry) for c in contained.candidates), default=0.0) / 2)


def fit(inner: GazEntry, holder: GazEntry) -> float:
    if inner.parent is not None and inner.parent == holder.id:
        return 7.0
    if inner.country != holder.country or inner.id == holder.id or inner.is_country:
        return -2.0
    if holder.is_country:
        return 5.0
    if holder.feature == "ADM1" and inner.admin1 == holder.admin1 and inner.feature != "ADM1":
        return 7.0
    if holder.is_town and inner.admin1 == holder.admin1 and not inner.is_town:
        return 3.0
    if holder.feature == "ADM2" and inner.admin1 == holder.admin1 and inner.admin2 in (None, holder.admin2):
        return 5.0 if inner.feature != "ADM2" else -2.0
    return -2.0


def context_score(entry: GazEntry, context: Context) -> float:
    score = 0.0
    if entry.country and not entry.is_country and context.countries:
        share = context.countries[entry.country] / sum(context.countries.values())
        score += WEIGHTS["country_share"] * share + (WEIGHTS["country_any"] if share else 0.0)
    if entry.country and entry.admin1 and context.admin1:
        share = context.admin1[entry.country, entry.admin1] / sum(context.admin1.values())
        score += WEIGHTS["admin1_share"] * share + (WEIGHTS["admin1_any"] if share else 0.0)
    if entry.is_town and context.points and near_any(entry, context.points, WEIGHTS["near_km"]):
        score += WEIGHTS["near"]
    if context.neighbourhood.cells and is_local(entry):
        others = context.neighbourhood.others_near(entry, context.name)
        score += WEIGHTS["neighbours"] * min(others, WEIGHTS["neighbours_max"])
    return score


def near_any(entry: GazEntry, points: Sequence[tuple[float, float, str]], km: float) -> bool:
    """Whether a point lies within `km` of the place (those too far north or south are not measured)."""
    degrees = km / KM_PER_DEGREE
    return any(
        abs(entry.lat - lat) < degrees and distance_km(entry.lat, entry.lon, lat, lon) < km
        for lat, lon, _ in points
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
