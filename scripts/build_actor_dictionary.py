"""Bootstrap src/eventdesk/knowledge/data/actors_phoenix.tsv from the Phoenix (PETRARCH2) dictionaries (MIT).

Takes the non-state armed groups (Phoenix.MilNonState.actors.txt) as rebel groups, and the intergovernmental
organisations of Phoenix.International.actors.txt (codes IGO..., without date ranges, which mark persons) as
international organisations. Groups that the hand-curated data/actors.tsv already covers (any shared alias)
are left out, so the curated entry stays the only one. Run: python scripts/build_actor_dictionary.py [SHARED]
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventdesk" / "knowledge" / "data"
sys.path.insert(0, str(ROOT / "src"))

from eventdesk.knowledge.actors import COLUMNS, read_actor_file, token_key  # noqa: E402

CODE = re.compile(r"\[([^\]]*)\]")
SMALL_WORDS = {"of", "the", "and", "for", "in", "on", "al", "el", "wal", "to", "de", "du", "la", "des"}


@dataclass
class PhoenixActor:
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


def read_phoenix(path: Path) -> Iterator[PhoenixActor]:
    """Phoenix blocks: a name line, '+alias' lines, codes in [brackets] on a name line or their own line."""
    current: PhoenixActor | None = None
    for raw in path.read_text(encoding="latin-1").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        codes = CODE.findall(line)
        name = CODE.sub("", line).strip()
        if name and not line[0].isspace() and not name.startswith("+"):
            if current is not None:
                yield current
            current = PhoenixActor()
        if current is None:
            continue
        current.names.extend(part.strip() for part in name.split("+") if part.strip())
        current.codes.extend(codes)
    if current is not None:
        yield current


def readable(name: str) -> str:
    """'AL-QAEDA_IN_THE_ARABIAN_PENINSULA_' -> 'Al-Qaeda in the Arabian Peninsula'; acronyms stay capitals."""
    words = name.strip("_").replace("_", " ").split()
    out = []
    for position, word in enumerate(words):
        if re.fullmatch(r"\(?[A-Z]{2,6}\)?", word) and len(words) == 1:
            out.append(word)
        elif word.lower() in SMALL_WORDS and position > 0:
            out.append(word.lower())
        else:
            out.append("-".join(part.capitalize() for part in word.split("-")))
    return " ".join(out)


ORGANISATION_WORDS = re.compile(
    r"\b(organi[sz]ation|agency|commission|council|court|fund|program+e?|bank|union|office|mission|panel|"
    r"tribunal|committee|assembly|conference|league|association|forum|institute|community|force)\b",
    re.IGNORECASE,
)


def aliases_of(actor: PhoenixActor) -> list[str]:
    names = [name for name in _all_names(actor) if " " in name or "-" in name]
    initials = ["".join(w[0] for w in re.split(r"[\s-]+", n) if w[0].isupper()) for n in names]
    acronyms = [n for n in _all_names(actor) if n.isupper() and " " not in n and _abbreviates(n, initials)]
    return names[:1] + acronyms + names[1:] if names else []


def _abbreviates(acronym: str, initials: list[str]) -> bool:
    return any(_subsequence(acronym.replace(".", ""), i.upper()) and len(acronym) >= 2 for i in initials)


def _subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)


def _all_names(actor: PhoenixActor) -> list[str]:
    seen: dict[str, str] = {}
    for raw in actor.names:
        acronym = re.search(r"\(([A-Z0-9]{2,8})\)", raw)
        if acronym:
            seen.setdefault(acronym.group(1).lower(), acronym.group(1))
        name = readable(re.sub(r"\s*\([^)]*\)", "", raw))
        if len(name) > 2:
            seen.setdefault(name.lower(), name)
    return list(seen.values())


def country_codes(shared: Path) -> dict[str, str]:
    codes = {}
    for line in (shared / "data" / "geonames" / "countryInfo.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            cells = line.split("\t")
            codes[cells[1]] = cells[0]
    return codes


def rows(shared: Path, curated_keys: set[str]) -> Iterator[list[str]]:
    iso2 = country_codes(shared)
    phoenix = shared / "data" / "phoenix"
    for actor in read_phoenix(phoenix / "Phoenix.MilNonState.actors.txt"):
        row = row_for(actor, "rebel_group", "2", iso2.get(first_code(actor)[:3], ""), curated_keys)
        if row:
            yield row
    for actor in read_phoenix(phoenix / "Phoenix.International.actors.txt"):
        codes = actor.codes
        named = any(ORGANISATION_WORDS.search(name.replace("_", " ")) for name in actor.names)
        if named and codes and all(c.startswith("IGO") and " " not in c.strip() for c in codes):
            row = row_for(actor, "international_org", "8", "", curated_keys)
            if row:
                yield row


def first_code(actor: PhoenixActor) -> str:
    return actor.codes[0].strip() if actor.codes else ""


def row_for(actor: PhoenixActor, kind: str, inter: str, country: str, curated: set[str]) -> list[str] | None:
    aliases = aliases_of(actor)
    if not aliases or any(key(a) in curated for a in aliases):
        return None
    return [aliases[0], kind, inter, country, "", "", "no", "|".join(aliases[1:])]


def key(name: str) -> str:
    words = [token_key(word) for word in re.split(r"[\s-]+", name) if word]
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def main() -> None:
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared"
    curated = read_actor_file(DATA / "actors.tsv")
    curated_keys = {key(name) for entry in curated for name in (entry.name, *entry.aliases)}
    seen: set[str] = set()
    lines = [
        "# Generated by scripts/build_actor_dictionary.py from the Phoenix (PETRARCH2) actor dictionaries,",
        "# Copyright (c) 2014 Open Event Data Alliance, MIT License (see NOTICE.md). Do not edit by hand.",
        "\t".join(COLUMNS),
    ]
    for row in rows(shared, curated_keys):
        if row[0] not in seen:
            seen.add(row[0])
            lines.append("\t".join(row))
    (DATA / "actors_phoenix.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines) - 3} actors to {DATA / 'actors_phoenix.tsv'}")


if __name__ == "__main__":
    main()
