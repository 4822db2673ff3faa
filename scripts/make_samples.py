"""Build samples/ (the demo corpus) from the public-domain CENTCOM and US State Department documents of the
DSTL re3d dataset in ../shared/data/re3d: one JSON article per document, with title, source and URL.

    .venv/bin/python scripts/make_samples.py [--shared ../shared] [--out samples]

A dateline in the first lines of a text ("WASHINGTON, Jan. 10, 2017 --") becomes `published`; where there is
none, `published` is left out rather than guessed.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PUBLIC_DOMAIN = {"CENTCOM": "U.S. Central Command", "US_State_Department": "U.S. Department of State"}
_DATELINE = re.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2}),\s+(20\d\d)\b"
)


def dateline(text: str) -> str | None:
    match = _DATELINE.search(text[:300])
    if not match:
        return None
    month, day, year = match.groups()
    try:
        return datetime.strptime(f"{month[:3]} {day} {year}", "%b %d %Y").date().isoformat()
    except ValueError:
        return None


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


ATTRIBUTION_HEAD = """# Attribution of the sample articles

These articles are public-domain works of the United States Government, taken from the DSTL re3d dataset
(https://github.com/dstl/re3d), folders `CENTCOM` and `US_State_Department`; re3d's own notes say:

- CENTCOM: "Information presented on this web site is considered public information and may be distributed or
  copied. Use of appropriate byline/photo/image credits is requested." (http://www.centcom.mil)
- US State Department: "Unless a copyright is indicated, information on State Department websites is in the
  public domain and may be copied and distributed without permission. Citation of the U.S. State Department
  as source of the information is appreciated." (https://www.state.gov)

Only the title, text and source URL were taken; the files were made by `scripts/make_samples.py`.

| file | publisher | original |
|---|---|---|
"""


def build(shared: Path, out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    count, rows = 0, []
    for folder, publisher in PUBLIC_DOMAIN.items():
        with (shared / "data" / "re3d" / folder / "documents.json").open(encoding="utf-8") as handle:
            for line in handle:
                document = json.loads(line)
                article = {
                    "id": f"{folder.lower()}-{slug(document['title'])}",
                    "title": " ".join(document["title"].split()),
                    "source": publisher,
                    "url": document["sourceUrl"],
                    "text": document["text"],
                }
                if published := dateline(document["text"]):
                    article["published"] = published
                target = out / f"{article['id']}.json"
                target.write_text(json.dumps(article, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
                rows.append(f"| {target.name} | {publisher} | {article['url']} |\n")
                count += 1
    (out / "ATTRIBUTION.md").write_text(ATTRIBUTION_HEAD + "".join(sorted(rows)), encoding="utf-8")
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "samples")
    args = parser.parse_args()
    print(f"wrote {build(args.shared, args.out)} articles to {args.out}")


if __name__ == "__main__":
    main()
