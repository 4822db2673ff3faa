"""Toponym recognition over a spaCy Doc: GPE, LOC and FAC entities, plus the gazetteer's own additions
(neighbourhoods, camps, crossings the model tags as persons or misses) and "the town of X".
Names used as actors ("Kabul said") and demonyms ("Afghan") are not places; demonyms give country context.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from spacy.attrs import ORTH

from eventdesk.analyse.pipeline import doc_text
from eventdesk.geo.build import read_lines
from eventdesk.geo.gazetteer import Candidate, GazEntry, Gazetteer
from eventdesk.geo.names import name_key
from eventdesk.geo.resolve import Toponym, fit, make_toponym
from eventdesk.geo.sources import DATA_DIR
from eventdesk.knowledge.actors import SPANS_KEY

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
DEMONYM_LABELS = frozenset({"NORP", "GPE", "LOC"})
# The small model labels place names it does not know as anything ("Aleppo" NORP, "Mali" PERSON, "Iraq"
# ORG): such an entity is a place when its whole name is one and the words around say so. Numbers and
# dates ("March") are left alone.
NUMERIC_LABELS = frozenset({"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "TIME", "DATE"})
MODIFIER_DEPS = frozenset({"compound", "poss", "amod", "nmod"})
ACTOR_BOUNDS_KEY = "eventdesk_actor_bounds"  # doc.user_data: (span group, its matches' token bounds)
CUED_TOWN_POPULATION = 1_000  # "in X": a known town of this size will do
UNCUED_TOWN_POPULATION = 100_000  # X with no "in" before it: only a large town
MAX_NAME_TOKENS = 4
FACILITY_WORDS = 3  # lower-case words from a name to its facility noun: "X nuclear power plant"
DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "centre",
        "center",
        "middle",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
    }
)
DETAIL_WORDS = frozenset(
    {
        "district",
        "sector",
        "zone",
        "ward",
        "block",
        "quarter",
        "phase",
        "neighbourhood",
        "neighborhood",
        "area",
        "camp",
    }
)
NAME_PARTICLES = frozenset({"Al", "El", "Ad", "As", "Ar", "An"})  # Arabic article written apart: "Al Salem"
# The Arabic article inside a name, lower-case: "Dayr az Zawr", "Ras al-Ain", "Tal el Abyad"
INNER_PARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ath", "ez", "es", "ed", "ul"}
)
NEAR_LINKS = frozenset({"of", "the", "to", "from"})  # between a near word and its place: "west of X"
LINKING_VOWELS = frozenset({"e", "i"})  # Persian ezafe inside a name: "Mazar-i-Sharif", "Kart-e-Char"
PAIR_SEPARATORS = ("-", "–", "/")  # "U.S.-Iraq partnership", "the Syria–Turkey border", "Chartres/Franklin"
POSSESSIVE = frozenset({"'s", "’s"})
WEAK_CUES = frozenset({"to", "from", "toward", "towards"})  # also said of people: "according to Davis"
# ACLED event notes name a place with its administrative units: "Boni (Hombori, Douentza, Mopti)",
# "Gidan Bakuso village (Isa LGA, Sokoto)", "Walikale (North Kivu)". Capitalised names, 1 to 4 units,
# comma-separated (one alone only when it names a province, district or country: "the ADF (Uganda)" no).
_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:[A-Z][\w'’.-]*|al|el|de|du|la|e))*"
_UNIT = rf"{_NAME}(?: [A-Za-z]+)?"  # "Isa LGA", "Douentza"
# A dateline: a place in capitals opening the article or a paragraph, "KABUL, Afghanistan (AP) —",
# "SAN ANTONIO —", "SAN ANTONIO Turner Sports analyst" (bare); the model often takes it for an
# organisation or runs it into the next name.
_CAPITALS = r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}"
DATELINE = re.compile(rf"(?m)^[ \t]*(?P<place>{_CAPITALS})(?:(?=\s*[,—–(-])|(?P<bare> )(?=[A-Z][a-z]))")
DATELINE_REGION = re.compile(
    r",\s*(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?)(?=\s*[-—–(,])"
)  # ", Calif. -"
# A wire dateline in ordinary case names its agency in brackets: "Beijing (AFP) -", "Kabul, Jan. 5 (Reuters)"
# (or in capitals after a byline's full stop: "By Jane Doe, The Associated Press. WASHINGTON (AP)")
AGENCY_DATELINE = re.compile(
    r"(?m)(?:^[ \t]*|(?<=[.!?] ))(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}|[A-Z]{3,}(?: [A-Z]{2,})?)"
    r"(?:,[^\n(,]{1,20})? \([A-Z][\w ]{1,20}\)"
)
ADMIN_CHAIN = re.compile(rf"\b(?P<place>{_NAME}(?: [a-z]+)?) \((?P<units>{_UNIT}(?:, {_UNIT}){{0,3}})\)")


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of geo/data/<name>.txt (one per line, lower-cased, '#' comments left out)."""
    return frozenset(read_lines(DATA_DIR / f"{name}.txt"))


@dataclass(slots=True)
class Recognised:
    toponyms: list[Toponym] = field(default_factory=list)
    demonyms: Counter[str] = field(default_factory=Counter)  # country → how often its demonym occurs
    actor_uses: list[tuple[int, int]] = field(default_factory=list)  # place names used as actors


def recognise(doc: Doc, gaz: Gazetteer, actors: Sequence[tuple[int, int]] = ()) -> Recognised:
    """Toponyms of `doc`; `actors` are the character ranges of actor names ("Islamic State Sahel
    Province", "SANA"), whose words are no places."""
    found = Recognised()
    text = doc_text(doc)  # the entities are rebuilt on each access too
    ents = joined_entities(doc.ents, gaz)
    blocked = bytearray(len(doc))  # tokens inside a toponym, or inside an entity that is no place
    found.toponyms.extend(admin_chains(doc, text, gaz, blocked))
    found.toponyms.extend(datelines(doc, text, gaz, blocked))
    block_ranges(doc, ents, blocked, actors)
    for ent in ents:
        if ent.label_ in DEMONYM_LABELS and gaz.is_demonym(ent.text):
            if country := gaz.demonym_country(ent.text):
                found.demonyms[country] += 1
        elif any(blocked[ent.start : ent.end]):
            continue
        elif ent.label_ in PLACE_LABELS and used_as_actor(ent):
            found.actor_uses.append((ent.start_char, ent.end_char))
        elif ent.label_ in PLACE_LABELS:
            ent = with_particle_prefix(with_hyphenated_part(ent, gaz), gaz)
            found.toponyms.extend(entity_toponyms(ent, gaz))
        elif ent.label_ not in NUMERIC_LABELS:
            continue  # left to gazetteer_matches
        blocked[ent.start : ent.end] = b"\x01" * len(ent)
    found.toponyms.extend(gazetteer_matches(doc, ents, gaz, blocked))
    found.toponyms.sort(key=lambda t: t.start)
    found.toponyms = without_surnames(doc, ents, found.toponyms)
    mark_facility_names(doc, found.toponyms)
    mark_locative(doc, found.toponyms, gaz)
    return found


def joined_entities(ents: Sequence[SpacySpan], gaz: Gazetteer) -> list[SpacySpan]:
    """ "DR" and "Congo" taken as two places by the model: adjacent place entities that the gazetteer knows
    as one name are one entity."""
    joined: list[SpacySpan] = []
    for ent in ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.end == ent.start
            and previous.label_ in PLACE_LABELS
            and ent.label_ in PLACE_LABELS
            and any(c.whole for c in gaz.candidates(ent.doc[previous.start : ent.end].text))
        ):
            from spacy.tokens import Span  # spaCy loads with the model, not with this module

            joined[-1] = Span(ent.doc, previous.start, ent.end, label=ent.label_)
        else:
            joined.append(ent)
    return joined


def without_surnames(doc: Doc, ents: Sequence[SpacySpan], toponyms: list[Toponym]) -> list[Toponym]:
    """ "Scott C. Dayton ... Dayton, who was supporting": a person's surname used alone is the person, not
    the town of that name, unless a word such as "in" puts it as a place."""
    surnames = {ent[-1].text for ent in ents if ent.label_ == "PERSON" and len(ent) > 1}
    return [t for t in toponyms if t.text not in surnames or placed_by_cue(doc, t)]


def placed_by_cue(doc: Doc, toponym: Toponym) -> bool:
    """ "in Dayton", but not "to Dayton's family" or "the job went to Dayton"."""
    name = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
    if name is None or not name.start:
        return False
    possessive = name.end < len(doc) and doc[name.end].lower_ in POSSESSIVE
    before = doc[name.start - 1].lower_
    cued = before in word_list("place_cues") or before in word_list("near_words")
    return cued and before not in WEAK_CUES and not possessive


def block_ranges(
    doc: Doc, ents: Sequence[SpacySpan], blocked: bytearray, ranges: Sequence[tuple[int, int]]
) -> None:
    """Blocks the words of actor names ("Islamic State Sahel Province"). An actor that is just a place
    entity ("visiting Russia", which the dictionary reads as Russia's government) is left to the tests of
    place names used as actors."""
    entities = [ent for ent in ents if ent.label_ in PLACE_LABELS]
    places = {(start, ent.end) for ent in entities for start in (ent.start, name_start(ent))}  # "the US"
    for start, end in ranges:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and (span.start, span.end) not in places:
            blocked[span.start : span.end] = b"\x01" * len(span)


def admin_chains(doc: Doc, text: str, gaz: Gazetteer, blocked: bytearray) -> list[Toponym]:
    """ "Boni (Hombori, Douentza, Mopti)": the place and each unit become toponyms whatever the language
    model made of them; each lies in the next (the resolver's hard containers). Without a generic term
    the last unit is taken as the province and the one before it as the district."""
    toponyms: list[Toponym] = []
    for match in ADMIN_CHAIN.finditer(text):
        span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if span is None or any(blocked[span.start : span.end]):
            continue
        place = chain_toponym(match.start("place"), match.group("place"), gaz)
        if place is None:
            continue
        chain = [place]
        offset = match.start("units")
        for unit in match.group("units").split(", "):
            chain.append(make_toponym(offset, offset + len(unit), unit, gaz))
            offset += len(unit) + 2
        if len(chain) == 2 and not lone_unit(place, chain[1], gaz):
            continue
        default_hints = ["admin2", "admin1"][-(len(chain) - 1) :] if len(chain) > 2 else []
        for toponym, hint in zip(reversed(chain[1:]), reversed(default_hints), strict=False):
            toponym.hint = toponym.hint or hint
        for toponym in chain:
            toponym.chained = True
            first = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
            note_relation(toponym, doc, first.start if first is not None else span.start)
        toponyms.extend(chain)
        blocked[span.start : span.end] = b"\x01" * len(span)
    return toponyms


def lone_unit(place: Toponym, unit: Toponym, gaz: Gazetteer) -> bool:
    """ "Walikale (North Kivu)", "Bama (Borno)": one name in brackets after a known place is its unit when
    the gazetteer knows it as a province, district or country; an acronym ("the Allied Democratic Forces
    (ADF)") or a person's details are not."""
    if unit.text.isupper() or not gaz.candidates(place.name):
        return False
    return any(c.whole and (c.entry.is_admin or c.entry.is_country) for c in gaz.candidates(unit.name))


def datelines(doc: Doc, text: str, gaz: Gazetteer, blocked: bytearray) -> list[Toponym]:
    """Places in capitals before a comma, dash or bracket at the start of a paragraph ("BAGHDAD, Iraq —"),
    or before a news agency's name ("Baghdad (Reuters)"), that the gazetteer knows as a country, region,
    province or a town that is no small village; and the state or country named after it ("Calif.")."""
    toponyms = []
    for match in (*DATELINE.finditer(text), *AGENCY_DATELINE.finditer(text)):
        start, end = match.span("place")
        if match.groupdict().get("bare") and (" " not in match["place"] or "." in match["place"]):
            continue  # "U.S. Army General": with no punctuation after it only a name of two words
        if sum(ch.isalpha() for ch in match["place"]) < 3:
            continue  # "US, UK and France said": abbreviations opening a sentence are no dateline
        place = dateline_toponym(doc, text[start:end], start, gaz, blocked, cued_town)
        if place is None:
            continue
        toponyms.append(place)
        region = DATELINE_REGION.match(text, end)
        if region is not None:
            start, end = region.span("region")
            region_name = dateline_toponym(doc, region["region"], start, gaz, blocked, larger_than_town)
            toponyms.extend(filter(None, [region_name]))
    return toponyms


def dateline_toponym(
    doc: Doc, name: str, start: int, gaz: Gazetteer, blocked: bytearray, kind: Callable[[Candidate], bool]
) -> Toponym | None:
    end = start + len(name)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or any(blocked[span.start : span.end]):
        return None
    toponym = make_toponym(start, end, name, gaz)
    if not any(c.whole and kind(c) for c in gaz.candidates(toponym.name)):
        return None
    blocked[span.start : span.end] = b"\x01" * len(span)
    toponym.dateline = True
    return toponym


def larger_than_town(candidate: Candidate) -> bool:
    return not candidate.entry.is_town


def chain_toponym(start: int, text: str, gaz: Gazetteer) -> Toponym | None:
    """The place before an admin chain, with a trailing generic term ("Gidan Bakuso village") but no
    other lower-case word."""
    words = text.split(" ")
    if not words[-1][:1].isupper() and words[-1].lower() not in gaz.generic_terms:
        text = " ".join(words[:-1])
    if not text:
        return None
    return make_toponym(start, start + len(text), text, gaz)


def with_hyphenated_part(ent: SpacySpan, gaz: Gazetteer) -> SpacySpan:
    """ "Dutsin-Ma" or "Guinea-Bissau" when the model took only "Dutsin" or "Guinea": a capitalised part
    joined by a bare hyphen belongs to the name when the gazetteer knows the whole ("UK-France" and
    "Syria-Iraq" are two places)."""
    doc, end, ends = ent.doc, ent.end, []
    while (
        end + 1 < len(doc)
        and bare_hyphen(doc, end)
        and (doc[end + 1].text[:1].isupper() or doc[end + 1].text in INNER_PARTICLES | LINKING_VOWELS)
    ):
        end += 2
        ends.append(end)  # "Mazar-i-Sharif": a linking vowel in the middle
    for longest in reversed(ends):
        if any(c.whole for c in gaz.candidates(doc[ent.start : longest].text)):
            return doc[ent.start : longest]
    return ent


def with_particle_prefix(ent: SpacySpan, gaz: Gazetteer) -> SpacySpan:
    """ "Dayr az Zawr", "Ras al-Ain" when the model took only the part after the article: the capitalised
    word and article before it belong to the name when the gazetteer knows the whole."""
    doc, start = ent.doc, ent.start
    while start > 0 and (doc[start - 1].text in INNER_PARTICLES or doc[start - 1].text == "-"):
        start -= 1
    if start == ent.start or start == 0 or not doc[start - 1].text[:1].isupper():
        return ent
    whole = doc[start - 1 : ent.end]
    return whole if any(c.whole for c in gaz.candidates(whole.text)) else ent


def used_as_actor(ent: SpacySpan) -> bool:
    """ "Kabul said", "Washington warned", "Russia attacked", "U.S. forces", "Turkey's president", "pro-Iran
    militias": the name stands for a government or its forces."""
    if stance_prefix(ent):
        return True
    root = first_conjunct(ent.root)  # "Ethiopia and Eritrea signed"
    head = root.head.lemma_.lower()
    if root.dep_ == "nsubj" and head in word_list("actor_verbs"):
        return True
    if root.dep_ in MODIFIER_DEPS and root.head.i >= ent.end and root.head.lower_ in word_list("actor_nouns"):
        return True
    # "the Government of Iraq", "a representative of the United States"
    of = root.head
    return root.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in word_list("actor_nouns")


def stance_prefix(name: SpacySpan) -> bool:
    """ "anti-Syria", "pro-Iran": a stance towards the state, not its territory."""
    return after_stance_prefix(name.doc, name.start)


def after_stance_prefix(doc: Doc, i: int) -> bool:
    """Whether token `i` follows a stance word and its hyphen ("an anti-Iran lawyer", "anti- Iran")."""
    if i < 1:
        return False
    before = doc[i - 1].lower_
    if before != "-":
        return before.endswith("-") and before[:-1] in word_list("stance_prefixes")  # one token, "anti-"
    return i >= 2 and not doc[i - 2].whitespace_ and doc[i - 2].lower_ in word_list("stance_prefixes")


def first_conjunct(token: Token) -> Token:
    """ "Eritrea" in "Ethiopia and Eritrea signed": the first of the coordinated words, whose head and
    dependency the others share."""
    while token.dep_ == "conj" and token.head.i < token.i and coordinated(token):
        token = token.head
    return token


def coordinated(conjunct: Token) -> bool:
    """A list joined by "and" or "or" ("Russia, China and Iran"); "Manila, Philippines" is a place in a
    place."""
    words = [conjunct.head, *conjunct.head.conjuncts]
    return any(child.dep_ == "cc" for word in words for child in word.children)


def entity_toponyms(ent: SpacySpan, gaz: Gazetteer) -> list[Toponym]:
    first = ent.start + 1 if ent[0].lower_ == "the" and len(ent) > 1 else ent.start
    last = ent.end - 1 if ent[-1].lower_ in POSSESSIVE and len(ent) > 1 else ent.end  # "Gaza City's"
    name = ent.doc[first : with_generic_term(ent.doc, last, gaz)]
    if name.text.lower() in DIRECTIONS or name.text in NAME_PARTICLES:
        return []  # "against the West": a direction, unless a term makes it a region ("West region"); "in Al"
    leading = leading_directions(name, gaz)
    direction = name[:leading].text if leading else direction_before(name)
    name = name[leading:]
    if not leading and direction is not None and (whole := named_with_direction(name, gaz)) is not None:
        name, direction = whole, None
    toponyms = split_coordination(name.text, name.start_char, gaz)
    for toponym in toponyms:
        note_relation(toponym, ent.doc, ent.start)
    toponyms[-1].detail = detail_after(ent.doc, last) or direction
    return toponyms


def leading_directions(name: SpacySpan, gaz: Gazetteer) -> int:
    """ "East Mosul", "north west London": how many direction words that the gazetteer does not know as
    part of the name ("West Bank", "South Sudan" stay names) name a part of the place after them."""
    if len(name) < 2 or name[0].lower_ not in DIRECTIONS or gaz.candidates(name.text):
        return 0
    words = 1
    while words < len(name) - 1 and (name[words].lower_ in DIRECTIONS or name[words].text == "-"):
        words += 1
    return words if gaz.candidates(name[words:].text) else 0


def named_with_direction(name: SpacySpan, gaz: Gazetteer) -> SpacySpan | None:
    """ "in south Kordofan", "west Darfur": a direction word in lower case before a name that the gazetteer
    knows with it as a province or region is part of the name; not before a country ("south Sudan" may
    be the south of Sudan)."""
    whole = name.doc[name.start - 1 : name.end]
    if any(c.entry.is_country for c in gaz.candidates(name.text)):
        return None
    known = [c.entry for c in gaz.candidates(whole.text) if c.whole]
    return whole if any(e.is_admin or e.is_region for e in known) else None


def direction_before(name: SpacySpan) -> str | None:
    """ "in northern Syria": the part of the place a direction word before its name says."""
    before = name.doc[name.start - 1] if name.start else None
    return before.text if before is not None and before.lower_ in DIRECTIONS else None


def with_generic_term(doc: Doc, end: int, gaz: Gazetteer) -> int:
    """ "Helmand province", "Chikun local government area": the name's span takes in the term after it,
    which tells the kind of place."""
    return end + term_length(doc, end, gaz)


def term_length(doc: Doc, index: int, gaz: Gazetteer) -> int:
    """How many tokens from `index` on spell a generic term ("province", "sub-county", "local government
    area"); 0 if none does."""
    if index >= len(doc) or doc[index].lower_ not in gaz.term_starts:
        return 0
    for length in range(min(gaz.longest_term, len(doc) - index), 0, -1):
        if doc[index : index + length].text.lower() in gaz.generic_terms:
            return length
    return 0


def split_coordination(text: str, start: int, gaz: Gazetteer) -> list[Toponym]:
    """ "Central and South Asia" names two regions, so do "the Syria-Turkey border" and "U.S.-Iraq talks";
    "Bosnia and Herzegovina" and "Guinea-Bissau" stay one place."""
    whole = make_toponym(start, start + len(text), text, gaz)
    if gaz.candidates(whole.name):
        return [whole]
    first, sep, second = text.partition(" and ")
    if not sep:
        return split_pair(whole, gaz) or [whole]
    right = make_toponym(start + len(first) + len(sep), start + len(text), second, gaz)
    shared = second.split(" ", 1)[1] if " " in second and " " not in first else ""
    left = make_toponym(start, start + len(first), first, gaz)
    if shared and gaz.candidates(f"{first} {shared}"):
        left.name = f"{first} {shared}"
    return [left, right]


def split_pair(whole: Toponym, gaz: Gazetteer) -> list[Toponym] | None:
    """Two names joined by a hyphen, dash or slash, each of which the gazetteer knows."""
    for separator in PAIR_SEPARATORS:
        first, sep, second = whole.text.partition(separator)
        if sep and first and second[:1].isupper() and gaz.candidates(first) and gaz.candidates(second):
            middle = whole.start + len(first)
            return [
                make_toponym(whole.start, middle, first, gaz),
                make_toponym(middle + len(sep), whole.end, second, gaz),
            ]
    return None


def note_relation(toponym: Toponym, doc: Doc, start: int) -> None:
    """What the words before a name say about it: "near X" (the event is near it), "from X" (where
    someone came from, not where the event was)."""
    toponym.near = is_near(doc, start)
    toponym.origin = is_origin(doc, start)


def is_origin(doc: Doc, start: int) -> bool:
    """ "from X"; a hometown after a person, "Scott Dayton, 42, of Woodbridge"; "a native of X"."""
    before = doc[start - 1] if start else None
    if before is None:
        return False
    if before.lower_ == "from" or (before.lower_ == "the" and start > 1 and doc[start - 2].lower_ == "from"):
        return True
    if before.lower_ != "of":
        return False
    origin = start > 1 and doc[start - 2].lower_ in word_list("origin_nouns")
    return before.head.ent_type_ == "PERSON" or origin


def mark_facility_names(doc: Doc, toponyms: list[Toponym]) -> None:
    """A name right before a facility noun ("Al Salem hospital", "Kabul airport") is part of the
    facility's name; the resolver keeps it only when the article otherwise points to its country."""
    for toponym in toponyms:
        name = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if name is not None and facility_after(doc, name.end) is not None:
            toponym.facility = True
            toponym.hint = toponym.hint or "town"  # a facility is named after its town, not its province


def facility_after(doc: Doc, end: int) -> int | None:
    """The facility noun that a name at `end` begins, perhaps after a few lower-case words ("Kabul
    airport", "the Zaporizhzhia nuclear power plant", "the Kramatorsk railway station"), or None."""
    nouns = word_list("facility_nouns")
    for index in range(end, min(end + FACILITY_WORDS, len(doc))):
        word = doc[index]
        if word.lower_ in nouns:
            return index
        if not (word.is_alpha and word.is_lower):
            return None
    return None


def mark_locative(doc: Doc, toponyms: list[Toponym], gaz: Gazetteer) -> None:
    """Names the text puts as where something is or happened: "in X", "near the X", "the village of X",
    "militants attacked X", "X village", a name in an admin chain. The resolver keeps such a name's best
    reading even when nothing else in the article points to its country (a village in a conflict report)."""
    for toponym in toponyms:
        if toponym.chained or (toponym.hint == "town" and not toponym.facility):
            toponym.locative = True
            continue
        name = doc.char_span(toponym.start, toponym.end, alignment_mode="expand")
        if name is not None and name.start > 0:
            toponym.locative = locative(name) or object_of_place_verb(name) or of_generic_term(name, gaz)
            facility = facility_after(doc, name.end) if toponym.facility else None
            if facility is not None:  # "struck the X power plant"
                toponym.locative |= object_of_place_verb(doc[facility : facility + 1])


def of_generic_term(span: SpacySpan, gaz: Gazetteer) -> bool:
    """ "the village of X", "the district of X"."""
    doc, start = span.doc, span.start
    return start > 1 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in gaz.generic_terms


def is_near(doc: Doc, start: int) -> bool:
    """ "near X", "near the town of X", "30 km west of X", "on the outskirts of X"; not "the northern city
    of X", where the word describes the place."""
    words = word_list("near_words")
    return any(
        doc[i].lower_ in words and (i + 1 == start or doc[i + 1].lower_ in words | NEAR_LINKS)
        for i in range(max(0, start - 3), start)
    )


def detail_after(doc: Doc, end: int) -> str | None:
    """ "Kabul's District 8" → "District 8"; "Baghdad's Karrada district" → "Karrada district"."""
    if end >= len(doc) or doc[end].lower_ not in POSSESSIVE:
        return None
    words = doc[end + 1 : end + 3]
    if len(words) < 2:
        return None
    if words[0].lower_ in DETAIL_WORDS and (words[1].like_num or words[1].is_title):
        return f"{words[0].text.title()} {words[1].text}"
    if words[0].is_title and words[1].lower_ in DETAIL_WORDS:
        return words.text
    return None


def gazetteer_matches(
    doc: Doc, ents: Sequence[SpacySpan], gaz: Gazetteer, blocked: bytearray
) -> list[Toponym]:
    """Names the language model missed or mislabelled: capitalised words that the gazetteer knows, taken
    when the gazetteer added them for news use, when a word such as "in" or "near" comes before them, or
    when they name a country, province, region or large town."""
    entity_bounds = {}
    for ent in ents:
        if ent.label_ not in PLACE_LABELS | NUMERIC_LABELS:
            for part in name_parts(ent):
                for start, end in paired_names(doc, *part, gaz):
                    entity_bounds.update({i: (start, end) for i in range(start, end)})
    toponyms: list[Toponym] = []
    free_from = 0
    strings = doc.vocab.strings
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):  # the words' texts without building Tokens
        if i < free_from or blocked[i] or not strings[orth][:1].isupper():
            continue
        match = longest_match(doc, i, blocked, entity_bounds, gaz)
        if match is not None:
            toponyms.append(match)
            free_from = match.end_token
    return toponyms


def name_parts(ent: SpacySpan) -> list[tuple[int, int]]:
    """A mislabelled entity split where a comma or a word such as "in" joins two names: "Nyanzale in
    Rutshuru" (WORK_OF_ART) holds two places."""
    joins = word_list("place_cues") | word_list("near_words") | {","}
    parts, start = [], name_start(ent)
    for token in ent[start - ent.start :]:
        if token.lower_ in joins and not token.text[:1].isupper():
            if token.i > start:
                parts.append((start, token.i))
            start = token.i + 1
    if start < ent.end:
        parts.append((start, ent.end))
    return parts


def paired_names(doc: Doc, start: int, end: int, gaz: Gazetteer) -> list[tuple[int, int]]:
    """ "the Maiduguri-Damboa" (ORG) holds two names, "Dutsin-Ma" one: a part of a mislabelled entity is
    split at bare hyphens, dashes and slashes unless the gazetteer knows it whole."""
    cuts = [i for i in range(start + 1, end - 1) if joins_names(doc, i)]
    if not cuts or gaz.candidates(doc[start:end].text):
        return [(start, end)]
    bounds = [start - 1, *cuts, end]
    return [(a + 1, b) for a, b in pairwise(bounds) if b > a + 1]


def name_start(ent: SpacySpan) -> int:
    """Where the name in a mislabelled entity begins: "Near Palmyra" (PERSON) → "Palmyra"."""
    lead = word_list("place_cues") | word_list("near_words") | {"the"}
    start = ent.start
    while start < ent.end - 1 and ent.doc[start].lower_ in lead:
        start += 1
    return start


def longest_match(
    doc: Doc, index: int, blocked: bytearray, entity_bounds: dict[int, tuple[int, int]], gaz: Gazetteer
) -> Toponym | None:
    token = doc[index]
    if blocked[index] or not token.text[:1].isupper():
        return None
    bounds = entity_bounds.get(index)
    if bounds is not None and bounds[0] != index:
        return None
    if index and doc[index - 1].text in NAME_PARTICLES and doc[index - 1].whitespace_:
        return None  # "Al Salem" is not "Salem", and the gazetteer did not know the whole name
    lengths = [bounds[1] - index] if bounds else range(MAX_NAME_TOKENS, 0, -1)
    joined = joined_by_particle(doc, bounds[1], entity_bounds) if bounds else None
    if joined is not None:
        lengths = [joined - index, *lengths]
    for length in lengths:
        last = index + length - 1
        if last >= len(doc) or any(blocked[index : last + 1]):
            continue
        words = doc[index : last + 1]
        if not (
            _plausible_name(words) or added_name(words, gaz) or named_by_term(words, gaz) or after_cue(words)
        ):
            continue
        inner = entity_bounds.get(last)
        if bounds is None and inner is not None and inner[0] != index and inner[1] != last + 1:
            continue  # ends inside a mislabelled entity; taking one in whole ("Dera Ismail Khan") is fine
        span = doc[index : last + 1]
        if inside_compound(doc, span.end):
            continue
        if accepted(span, gaz) and not used_as_actor(span):
            name = doc[index : with_generic_term(doc, span.end, gaz)]
            toponym = make_toponym(name.start_char, name.end_char, name.text, gaz)
            note_relation(toponym, doc, index)
            toponym.end_token = last + 1
            return toponym
    return unknown_named_place(doc, index, blocked, gaz)


def inside_compound(doc: Doc, end: int) -> bool:
    """ "Qala" of "Qala-e-Nazir": a name that a bare hyphen and a linking vowel or particle continue is
    only the first part of a longer name, one the gazetteer does not know."""
    return (
        end + 2 < len(doc)
        and bare_hyphen(doc, end)
        and doc[end + 1].text in INNER_PARTICLES | LINKING_VOWELS
        and doc[end + 2].text == "-"
    )


def bare_hyphen(doc: Doc, index: int) -> bool:
    """A hyphen with no space on either side, joining the parts of one name ("Dutsin-Ma")."""
    return doc[index].text == "-" and not doc[index - 1].whitespace_ and not doc[index].whitespace_


def joined_by_particle(doc: Doc, end: int, entity_bounds: dict[int, tuple[int, int]]) -> int | None:
    """ "Dayr" (ORG) "az" "Zawr" (PERSON): where a name that goes on past a mislabelled entity through a
    lower-case article would end."""
    after = end
    while after < len(doc) and (doc[after].text in INNER_PARTICLES or doc[after].text == "-"):
        after += 1
    if after == end or after >= len(doc) or not doc[after].text[:1].isupper():
        return None
    return entity_bounds.get(after, (after, after + 1))[1]


def unknown_named_place(doc: Doc, index: int, blocked: bytearray, gaz: Gazetteer) -> Toponym | None:
    """ "the village of Rubaya": a place the gazetteer does not know, kept so that an event there can be
    placed in the larger place named with it ("... of Rubaya in North Kivu") with the village as detail."""
    if index < 2 or doc[index - 1].lower_ != "of" or doc[index - 2].lower_ not in gaz.generic_terms:
        return None
    last = index
    while last + 1 < len(doc) and last + 1 - index < MAX_NAME_TOKENS and not blocked[last + 1]:
        if not (doc[last + 1].text[:1].isupper() and doc[last + 1].pos_ == "PROPN"):
            break
        last += 1
    if doc[index].pos_ != "PROPN" or any(blocked[index : last + 1]):
        return None
    name = doc[index : last + 1]
    toponym = make_toponym(name.start_char, name.end_char, name.text, gaz)
    note_relation(toponym, doc, index)
    toponym.end_token = last + 1
    return toponym


def accepted(span: SpacySpan, gaz: Gazetteer) -> bool:
    if span.text.lower() in DIRECTIONS or span.text in NAME_PARTICLES:
        return False  # "the West"; "Al" opening "the Al Shifa hospital"
    if name_key(span.text) in gaz.added_keys():
        return True
    if gaz.is_demonym(span.text):
        return False
    name = make_toponym(span.start_char, span.end_char, span.text, gaz).name  # "Rakhine State" → "Rakhine"
    candidates = [c for c in gaz.candidates(name) if c.whole]
    if dictionary_actor(span) and not (locative(span) and span.root.dep_ not in MODIFIER_DEPS):
        # "fighters from Hamas" (read as Hamm): only a country or large town named by its own name
        return any(self_evident(c.entry, "") for c in candidates if c.main_name)
    if cued(span, gaz) or term_length(span.doc, span.end, gaz) or inside_named_place(span, candidates, gaz):
        return any(cued_town(c) for c in candidates)
    if cued_after_article(span):
        return any(not c.entry.is_town for c in candidates)
    if facility_after(span.doc, span.end) is not None:  # "the Kramatorsk railway station"
        return any(cued_town(c) for c in candidates if c.main_name)
    if span[0].pos_ != "PROPN":
        return False
    if titled_person(span):
        return False
    before = span.doc[span.start - 1].lower_ if span.start else ""
    return any(self_evident(c.entry, before) for c in candidates if c.main_name)


def titled_person(span: SpacySpan) -> bool:
    """ "Major General Hassan", "Commander Peshawar": a name the model took for a person, after a title."""
    doc = span.doc
    return span[0].ent_type_ == "PERSON" and span.start > 0 and doc[span.start - 1].pos_ == "PROPN"


def cued(span: SpacySpan, gaz: Gazetteer) -> bool:
    """Words around a name that make it a place: "in X", "near X", "province X", "the siege of X",
    "John Smith, 42, of X", "rebels captured X"."""
    doc, start = span.doc, span.start
    before = doc[start - 1].lower_ if start else ""
    if before in word_list("place_cues") or before in word_list("near_words") or before in gaz.generic_terms:
        return True
    if object_of_place_verb(span) or paired_with_place(span, gaz):
        return True
    if before != "of" or start < 2:
        return False
    return of_place(doc[start - 2].lower_, gaz) or hometown_of(doc, start - 1)


def object_of_place_verb(span: SpacySpan) -> bool:
    """ "rebels captured X", "airstrikes hit X and Y": the object of a verb done to places, unless the
    actor dictionary knows it."""
    root = first_conjunct(span.root)
    if root.dep_ not in ("dobj", "obj") or root.head.lemma_.lower() not in word_list("place_object_verbs"):
        return False
    return not dictionary_actor(span)


def dictionary_actor(span: SpacySpan) -> bool:
    """The actor dictionary knows the name ("attacked Hamas", not the German town the gazetteer reads)."""
    return any(start <= span.start and span.end <= end for start, end in actor_match_bounds(span.doc))


def actor_match_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) tokens of the actor dictionary's matches in `doc`, read from its span group once per
    Doc rather than once per candidate name (iterating a span group builds a Span per match)."""
    group = doc.spans.get(SPANS_KEY)
    if group is None:
        return []
    bounds = doc.user_data.get(ACTOR_BOUNDS_KEY)
    if bounds is None or bounds[0] is not group or len(bounds[1]) != len(group):
        bounds = doc.user_data[ACTOR_BOUNDS_KEY] = (group, [(match.start, match.end) for match in group])
    return bounds[1]


def paired_with_place(span: SpacySpan, gaz: Gazetteer) -> bool:
    """ "the Maiduguri-Damboa road": a proper name joined by a bare hyphen, dash or slash to another that
    the gazetteer knows by its own name (not acronyms: "PSC-PSI", "KOB-TV")."""
    doc = span.doc
    if len(span) > 1 or not proper_word(span[0]):
        return False
    if span.start > 1 and joins_names(doc, span.start - 1):
        return known_town_name(doc[span.start - 2], gaz)
    if span.end + 1 < len(doc) and joins_names(doc, span.end):
        return known_town_name(doc[span.end + 1], gaz)
    return False


def joins_names(doc: Doc, index: int) -> bool:
    """A separator with no space around it."""
    separator = doc[index]
    return separator.text in PAIR_SEPARATORS and not doc[index - 1].whitespace_ and not separator.whitespace_


def proper_word(token: Token) -> bool:
    """A capitalised proper noun, not an acronym ("PSC"), a letter ("K-Mart"), a capitalised function word
    ("All") or part of a person's name ("Ambassador Phillips-Spencer")."""
    return (
        token.is_title
        and len(token) > 1
        and token.pos_ == "PROPN"
        and not token.is_stop
        and token.ent_type_ != "PERSON"
    )


def known_town_name(token: Token, gaz: Gazetteer) -> bool:
    if not proper_word(token):
        return False
    return any(c.whole and c.main_name and cued_town(c) for c in gaz.candidates(token.text))


def hometown_of(doc: Doc, of: int) -> bool:
    """ "Jane Doe, 20, of X", "Jane Doe, of X": a comma after a person's name or age, then "of"."""
    if of < 2 or doc[of - 1].text != ",":
        return False
    previous = doc[of - 2]
    return previous.ent_type_ == "PERSON" or (
        previous.like_num and previous.ent_type_ in ("DATE", "CARDINAL", "")
    )


def locative(span: SpacySpan) -> bool:
    """ "in X", "near X", "in the X": a preposition that says where, not "to" or "from"."""
    doc, start = span.doc, span.start
    cue = start - 2 if start > 1 and doc[start - 1].lower_ == "the" else start - 1
    word = doc[cue].lower_ if cue >= 0 else ""
    return (word in word_list("place_cues") and word not in WEAK_CUES) or word in word_list("near_words")


def cued_after_article(span: SpacySpan) -> bool:
    """ "in the EU", "at the White House", "inside the Holy See": a place cue, then "the" (not "to the" or
    "from the": "a letter to the Duma")."""
    doc, start = span.doc, span.start
    return start > 1 and doc[start - 1].lower_ == "the" and locative(span)


def of_place(governor: str, gaz: Gazetteer) -> bool:
    """A word that makes the name after "of" a place: "the residents of X", "the siege of X", "the town of
    X", "north of X"."""
    return (
        governor in word_list("of_place_nouns")
        or governor in gaz.generic_terms
        or governor in word_list("near_words")
    )


def cued_town(candidate: Candidate) -> bool:
    """A place that "in" or "near" before its name makes likely: no small village, but a town whose
    population GeoNames does not know (0) counts when named by its own name."""
    entry = candidate.entry
    if not entry.is_town or entry.population >= CUED_TOWN_POPULATION:
        return True
    return entry.population == 0 and candidate.main_name


def inside_named_place(span: SpacySpan, candidates: list[Candidate], gaz: Gazetteer) -> bool:
    """ "Gwoza in Borno State", "Avdiivka, Donetsk region": a reading of the name lies in a place named
    right after it."""
    doc = span.doc
    start = span.end + (1 if span.end < len(doc) and doc[span.end].lower_ in (",", "in") else 99)
    if start < len(doc) and doc[start].lower_ == "the":
        start += 1
    end = start
    while end < len(doc) and end - start < MAX_NAME_TOKENS and doc[end].text[:1].isupper():
        end += 1
    if end == start:
        return False
    holders = [c.entry for c in gaz.candidates(make_toponym(0, 0, doc[start:end].text, gaz).name)]
    return any(fit(c.entry, holder) > 0 for c in candidates for holder in holders)


def self_evident(entry: GazEntry, before: str) -> bool:
    """A place that a capitalised name stands for with no "in" before it: a country, a macro-region, or a
    large province or town ("Mali", "the Sahel", "Aleppo"); not "the Centre" or a district called Leader."""
    if entry.is_region or entry.is_country:
        return True
    if before == "the" or entry.population < UNCUED_TOWN_POPULATION:
        return False
    return entry.is_town or entry.feature == "ADM1"


def added_name(tokens: SpacySpan, gaz: Gazetteer) -> bool:
    """A capitalised name inside a sentence that the gazetteer added for news use, whatever part of speech
    the model gave it ("the Gossi military base", Gossi tagged ADJ)."""
    if tokens[0].is_sent_start or not all(t.text[:1].isupper() for t in tokens):
        return False
    return name_key(tokens.text) in gaz.added_keys()


def named_by_term(tokens: SpacySpan, gaz: Gazetteer) -> bool:
    """Capitalised words inside a sentence before a generic term or a facility noun, whatever part of
    speech the model gave them ("Beni territory", Beni tagged ADJ; "the Kidal military camp")."""
    doc = tokens.doc
    if tokens[0].is_sent_start or tokens.end >= len(doc) or not all(t.is_title for t in tokens):
        return False
    return term_length(doc, tokens.end, gaz) > 0 or facility_after(doc, tokens.end) is not None


def after_cue(tokens: SpacySpan) -> bool:
    """Capitalised words inside a sentence right after a place cue, whatever part of speech the model gave
    them ("moved towards Sake", Sake tagged NOUN); `accepted` still asks for a town of some size."""
    doc, start = tokens.doc, tokens.start
    if not start or tokens[0].is_sent_start or tokens[0].is_stop or not all(t.is_title for t in tokens):
        return False
    before = doc[start - 1].lower_
    return before in word_list("place_cues") or before in word_list("near_words")


def _plausible_name(tokens: SpacySpan) -> bool:
    """Proper nouns, perhaps joined by "-", "e", "al" ("Kart-e Naw", "Dasht-e Barchi"); not "The"."""
    first, last = tokens[0], tokens[-1]
    if first.pos_ != "PROPN" or not (last.text[:1].isupper() or last.like_num):
        return False
    return all(_name_token(token) for token in tokens)


def _name_token(token: Token) -> bool:
    return (
        token.text[:1].isupper()
        or token.text in ("-", "e", "i")
        or token.text in INNER_PARTICLES
        or token.like_num
    )
