"""Write geo/data/geonames/admin1Points.tsv: the centre of the area of each province and state that Natural
Earth's 1:50m admin1 layer covers (Australia, Brazil, Canada, the USA). The middle of a province's towns
lies where people live (southern Ontario, southern Alberta), often far from the point GeoNames gives;
the centre of its area lies near that point.

The layer comes from Debian's r-cran-rnaturalearthdata (`states50`, Natural Earth, public domain), read
without R: `apt-get download r-cran-rnaturalearthdata && dpkg-deb -x r-cran-*.deb DIR`, then
`pip install rdata` in a scratch environment (not a dependency of the project) and

python scripts/build_admin1_points.py DIR/usr/lib/R/site-library/rnaturalearthdata/data
"""

from __future__ import annotations

import argparse
import gzip
import lzma
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from eventdesk.geo.names import name_key
from eventdesk.geo.sources import GEONAMES_DIR, codes_by_name

OUT = GEONAMES_DIR / "admin1Points.tsv"
LAYER = "states50"
# R's lazy-load databases compress each object as raw LZMA2 with xz's default preset (type byte "Z")
R_XZ_FILTERS = [{"id": lzma.FILTER_LZMA2, "preset": 6}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the package's data folder (Rdata.rdb, Rdata.rdx)")
    args = parser.parse_args()
    codes = codes_by_name("admin1CodesASCII.txt")
    rows, left_out = [], []
    for country, name, lat, lon in area_centres(read_layer(args.data, LAYER)):
        code = codes.get((country, name_key(name)))
        if code is None:
            left_out.append(f"{country} {name}")
        else:
            rows.append(f"{code}\t{lat:.4f}\t{lon:.4f}\t{name}\n")
    with OUT.open("w", encoding="utf-8") as out:
        out.write("# GeoNames admin1 code, centre of its area (Natural Earth states50), name: README.md\n")
        out.writelines(sorted(rows))
    print(f"{OUT}: {len(rows)} provinces; no GeoNames code by name: {', '.join(left_out) or 'none'}")


def read_layer(folder: Path, layer: str) -> Any:
    """One object of an R package's lazy-load database, converted by the `rdata` package."""
    import rdata

    index = rdata.conversion.convert(
        rdata.parser.parse_data(gzip.decompress((folder / "Rdata.rdx").read_bytes()), extension=".rds")
    )
    offset, length = (int(value) for value in index["variables"][layer])
    raw = (folder / "Rdata.rdb").read_bytes()[offset : offset + length]
    size, kind = struct.unpack(">I", raw[:4])[0], raw[4:5]
    if kind != b"Z":
        raise SystemExit(f"{layer}: compression {kind!r} not handled")
    body = lzma.decompress(raw[5:], format=lzma.FORMAT_RAW, filters=R_XZ_FILTERS)[:size]
    return rdata.conversion.convert(rdata.parser.parse_data(body, extension=".rds"))


def area_centres(layer: Any) -> Iterator[tuple[str, str, float, float]]:
    """(country, name, lat, lon) of each unit of a SpatialPolygonsDataFrame: the centres of its parts
    weighted by their areas (holes taken away), longitudes kept on the side of its largest part so that
    islands across the date line (the Aleutians) do not pull Alaska's centre round the world."""
    for index, row in layer.data.iterrows():
        parts = layer.polygons[index].Polygons
        reference = float(max(parts, key=lambda p: float(p.area[0])).labpt[0])
        lat_sum = lon_sum = total = 0.0
        for part in parts:
            lon, lat = float(part.labpt[0]), float(part.labpt[1])
            lon += 360.0 * round((reference - lon) / 360.0)
            weight = float(part.area[0]) * (-1.0 if bool(part.hole[0]) else 1.0)
            lat_sum, lon_sum, total = lat_sum + weight * lat, lon_sum + weight * lon, total + weight
        lon = (lon_sum / total + 180.0) % 360.0 - 180.0
        yield str(row["iso_a2"]), str(row["name"]), lat_sum / total, lon


if __name__ == "__main__":
    main()
