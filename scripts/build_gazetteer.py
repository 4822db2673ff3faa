"""Build the gazetteer index into the cache folder (also done on first use); prints its path and size.

python scripts/build_gazetteer.py [--force]
"""

from __future__ import annotations

import argparse
import time

from eventdesk.geo.build import build_index
from eventdesk.geo.gazetteer import cache_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even when the index exists")
    args = parser.parse_args()
    path = cache_path()
    if path.is_file() and not args.force:
        print(f"{path} exists ({path.stat().st_size / 1e6:.1f} MB)")
        return
    started = time.perf_counter()
    build_index(path)
    print(f"built {path} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
