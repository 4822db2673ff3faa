"""Field accuracy of the first event extracted from each ACLED-style description of tests/data/acled_notes:
date, fatalities, location (admin names and country), actor1 present, crowd actor names.

Usage: .venv/bin/python bench/acled_fields.py [--file PATH ...] [--show FIELD]

The truth is what each line states, read by the explicit rules below; a field whose statement the rules
cannot read without doubt is skipped for that line, so each field has its own item count.
- date: a note opening "On D Month YYYY," -> that day at time precision 1; a news lead naming one weekday
  -> the last such weekday before `published` (a weekday equal to the publication day's is ambiguous,
  skipped). The event's start and end must both be that day.
- fatalities (notes only): a sentence "N fatalities", "N <up to two words> (were) killed" or, in the lead,
  "killed N ..." (digits, number words, "dozens" = 12; ACLED's rules), one value per line -> the event's
  best or low is N. "Fatalities unknown." and "No fatalities reported." -> best null or 0 (the contract:
  no number, no guess).
- no_deaths: a line with no word of death or casualties at all -> the event's best and low are null or 0.
- location (notes only): the names in the note's last parentheses "(District, Province)". One of them
  must equal the event's location name, admin2 or admin1, compared without accents, case, generic words
  ("district", "province"...) and with the gazetteer's spellings of that name; or the event's place must
  lie in a gazetteer unit of that name (same country, province and district codes).
- country (notes only): the country of the last name in those parentheses, when every administrative
  unit of that name in the gazetteer lies in one country; the event's country must agree.
- actor1: present for every line except gold "Other" and a lead told in the passive without "by"
  ("bodies were found").
- crowd: for gold Protests and Riots lines whose first event has the gold event type, actor1 is named
  "Protesters (...)" or "Rioters (...)"; when the event is excessive force with a second side, the force
  is actor1 and the protesters are actor2.
Limits: lines are short and synthetic; a line with no event is a miss for every field it states; the
"first event" is the one whose evidence starts earliest, as in bench/acled_types.py.
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

from eventdesk.config import Settings
from eventdesk.extract import Extractor
from eventdesk.geo.gazetteer import Gazetteer
from eventdesk.records import Article, Event, Result

NOTES = Path(__file__).resolve().parents[1] / "tests" / "data" / "acled_notes"
FIELDS = ("date", "fatalities", "no_deaths", "location", "country", "actor1", "crowd")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
UNITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
TEENS = (
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
NUMBER_WORDS = dict(zip((*UNITS, *TEENS, "twenty"), range(21), strict=True)) | {"dozens": 12, "a dozen": 12}
NUMBER = r"(\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
QUALIFIER = r"(?:at least |around |about |some )?"
TOTAL = re.compile(rf"^{QUALIFIER}{NUMBER} fatalit(?:y|ies)\b", re.I)
KILLED = re.compile(
    rf"^{QUALIFIER}{NUMBER}(?: (?!and\b)[a-z-]+){{0,2}} (?:were |was )?(?:reportedly )?killed\b", re.I
)
KILLED_OBJECT = re.compile(rf"\b(?:killed|killing|shot dead) {QUALIFIER}{NUMBER} [a-z]", re.I)
DEATH_WORDS = re.compile(
    r"\b(?:kill|dead|death|die|fatalit|massacr|execut|behead|lynch|murder|bod(?:y|ies)|remains|alive|slain|"
    r"lives|casualt)",
    re.I,
)
UNKNOWN = re.compile(r"^(?:fatalities unknown|no (?:fatalities|casualties)(?: were)?(?: reported)?)\.", re.I)
NOTE_DATE = re.compile(r"^On (\d{1,2} [A-Z][a-z]+ \d{4}),")
PASSIVE = re.compile(r"\b(?:was|were|been)(?: \w+ly)? \w+(?:ed|en|wn|ung)\b")
GENERIC = re.compile(
    r"\b(district|province|region|state|governorate|county|cercle|territory|raion|oblast|township|"
    r"department|municipality|prefecture|division|zone|city|town|of|the|al)\b"
)
Verdict = tuple[bool, str] | None  # (right, what was predicted), or None: the line states no such field


def read_notes(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def first_event(result: Result) -> Event | None:
    return min(result.events, key=lambda e: min((s.start for s in e.evidence), default=1 << 30), default=None)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;])\s+", text) if s.strip()]


def number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def stated_date(note: dict) -> date | None:
    if note["style"] == "note":
        found = NOTE_DATE.match(note["text"])
        return datetime.strptime(found.group(1), "%d %B %Y").date() if found else None
    named = {w for w in WEEKDAYS if re.search(rf"\b{w}\b", note["text"], re.I)}
    if len(named) != 1 or not note.get("published"):
        return None
    published = date.fromisoformat(note["published"])
    back = (published.weekday() - WEEKDAYS.index(named.pop())) % 7
    return published - timedelta(days=back) if back else None


def stated_fatalities(note: dict) -> int | str | None:
    """N, "unknown", or None when the line gives no single count the rules can read."""
    if note["style"] != "note":
        return None
    parts = sentences(note["text"])
    if any(UNKNOWN.match(s) for s in parts):
        return "unknown"
    for pattern, where in ((TOTAL, parts), (KILLED, parts), (KILLED_OBJECT, parts[:1])):
        values = {number(m.group(1)) for s in where for m in [pattern.search(s)] if m}
        if values:
            return values.pop() if len(values) == 1 else None
    return None


def stated_places(note: dict) -> list[str]:
    if note["style"] != "note":
        return []
    groups = [g for g in re.findall(r"\(([^()]+)\)", note["text"]) if not re.search(r"\d", g)]
    return [name.strip() for name in groups[-1].split(",")] if groups else []


def plain(name: str | None) -> str:
    text = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode().lower()
    return " ".join(GENERIC.sub(" ", re.sub(r"[^a-z0-9 ]", " ", text.replace("'", ""))).split())


def spellings(name: str, gazetteer: Gazetteer) -> set[str]:
    found = {plain(name)} | {plain(c.entry.name) for c in gazetteer.candidates(name)}
    return found - {""}


def note_country(places: list[str], gazetteer: Gazetteer) -> str | None:
    if not places:
        return None
    units = [c.entry for c in gazetteer.candidates(places[-1]) if c.entry.is_admin or c.entry.is_country]
    countries = {entry.country for entry in units}
    return countries.pop() if len(countries) == 1 else None


def judge_date(note: dict, event: Event, _: Gazetteer) -> Verdict:
    day = stated_date(note)
    if day is None:
        return None
    got = f"{event.date.start}..{event.date.end} p{event.date.precision}"
    right = event.date.start == event.date.end == day.isoformat()
    return (right and (note["style"] != "note" or event.date.precision == 1)), got


def judge_fatalities(note: dict, event: Event, _: Gazetteer) -> Verdict:
    stated = stated_fatalities(note)
    if stated is None:
        return None
    count = event.fatalities
    got = f"best={count.best} low={count.low}"
    if stated == "unknown":
        return count.best in (None, 0), got
    return stated in (count.best, count.low), got


def judge_no_deaths(note: dict, event: Event, _: Gazetteer) -> Verdict:
    if DEATH_WORDS.search(note["text"]):
        return None
    count = event.fatalities
    return count.best in (None, 0) and count.low in (None, 0), f"best={count.best} low={count.low}"


def inside_unit(unit: str, event: Event, gazetteer: Gazetteer) -> bool:
    """Whether the event's place lies in an administrative unit of the gazetteer that bears the name `unit`
    (same country and province codes, and the district's code when the place has one): spellings the
    gazetteer files under another name still count."""
    place = gazetteer.get(event.location.geonameid)
    if place is None or not place.admin1:
        return False
    for candidate in gazetteer.candidates(unit):
        unit_place = candidate.entry
        if unit_place.feature not in ("ADM1", "ADM2") or unit_place.country != place.country:
            continue
        same_district = unit_place.feature == "ADM1" or place.admin2 in (None, unit_place.admin2)
        if unit_place.admin1 == place.admin1 and same_district:
            return True
    return False


def judge_location(note: dict, event: Event, gazetteer: Gazetteer) -> Verdict:
    places = stated_places(note)
    if not places:
        return None
    loc = event.location
    got = f"{loc.name} / {loc.admin2} / {loc.admin1}"
    names = {plain(loc.name), plain(loc.admin2), plain(loc.admin1)} - {""}
    named = any(names & spellings(place, gazetteer) for place in places)
    return named or any(inside_unit(place, event, gazetteer) for place in places), got


def judge_country(note: dict, event: Event, gazetteer: Gazetteer) -> Verdict:
    country = note_country(stated_places(note), gazetteer)
    if country is None:
        return None
    return event.location.country == country, f"{event.location.country} (stated {country})"


def judge_actor1(note: dict, event: Event, _: Gazetteer) -> Verdict:
    lead = sentences(note["text"])[0]
    if note["sub_event_type"] == "Other" or (PASSIVE.search(lead) and " by " not in lead):
        return None
    return event.actor1 is not None, f"actor1={event.actor1}"


def judge_crowd(note: dict, event: Event, _: Gazetteer) -> Verdict:
    crowd = {"Protests": "Protesters", "Riots": "Rioters"}.get(note["event_type"])
    if crowd is None or event.event_type != note["event_type"]:
        return None
    side = event.actor1
    if event.sub_event_type == "Excessive force against protesters" and event.actor2 is not None:
        side = event.actor2
    return (side or "").startswith(crowd), f"actor1={event.actor1} actor2={event.actor2}"


JUDGES: dict[str, Callable[[dict, Event, Gazetteer], Verdict]] = {
    "date": judge_date,
    "fatalities": judge_fatalities,
    "no_deaths": judge_no_deaths,
    "location": judge_location,
    "country": judge_country,
    "actor1": judge_actor1,
    "crowd": judge_crowd,
}


def states(field: str, note: dict, gazetteer: Gazetteer) -> bool:
    """Whether the line states the field at all (asked when no event was extracted)."""
    if field == "crowd":
        return False
    probe = Event(id="", event_type=note["event_type"], sub_event_type=note["sub_event_type"])
    return JUDGES[field](note, probe, gazetteer) is not None


def score_file(path: Path, extractor: Extractor, show: str | None) -> dict[str, tuple[int, int]]:
    notes = read_notes(path)
    articles = [Article(id=n["id"], text=n["text"], published=n.get("published")) for n in notes]
    gazetteer = extractor.knowledge.gazetteer
    tally = {field: [0, 0] for field in FIELDS}
    for note, result in zip(notes, extractor.extract_many(articles), strict=True):
        event = first_event(result)
        for field in FIELDS:
            if event is None:
                verdict = (False, "(no event)") if states(field, note, gazetteer) else None
            else:
                verdict = JUDGES[field](note, event, gazetteer)
            if verdict is None:
                continue
            tally[field][0] += verdict[0]
            tally[field][1] += 1
            if field == show and not verdict[0]:
                print(f"{note['id']}: {verdict[1]}\n    {note['text']}")
    return {field: (right, total) for field, (right, total) in tally.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--file", type=Path, action="append", help="jsonl of descriptions (repeatable)")
    parser.add_argument("--show", choices=FIELDS, help="print the lines where this field is wrong")
    args = parser.parse_args()
    extractor = Extractor(Settings())
    print(f"{'set':10} " + " ".join(f"{field:>14}" for field in FIELDS))
    for path in args.file or [NOTES / "dev.jsonl"]:
        scores = score_file(path, extractor, args.show)
        cells = (
            f"{right / total if total else 0:.3f} {right:>3}/{total:<3}" for right, total in scores.values()
        )
        print(f"{path.stem:10} " + " ".join(f"{cell:>14}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
