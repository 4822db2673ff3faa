"""Actors and people: dictionary and NER mentions, light coreference, people with roles.

Leaves `art.annotations["mentions"]`: a list of `Mention` (normalised offsets) sorted by start, so later
components can ask with `mentions_in` which actor or person a span of the text refers to.

How a mention becomes an actor, in order:
1. dictionary names (knowledge.actors), widened over member nouns ("ISIS fighters", "Taliban security
   forces"); names that are also places ("Washington", "Iraq") only where the actor acts (see `_acts`);
2. nationality + force noun ("Nigerian troops") -> that country's state forces;
3. spaCy ORG entities, plural NORP nouns ("Syrians") and acting GPEs that the dictionary lacks, kept with
   type null;
4. a bare parent-group name ("ISIS") in an article that names one of its branches ("ISIS Khorasan") means
   the branch most recently named, unless it is coordinated with another transnational group ("ISIS,
   al-Qaeda and their allies"), which marks the global group;
5. descriptions ("the organization", "the terrorist organization", "the Afghan movement", "the ISIS
   branch") refer back to the last actor mentioned before them that fits (knowledge words: descriptions);
6. unnamed groups ("villagers", "gunmen") -> ACLED's generic actors, unless an "of"/"from" phrase names the
   armed group ("militants of the Islamic State Sahel Province");
7. a community's name before a militia noun ("Dogon militiamen") -> "<Name> Ethnic Militia (<country>)".
Names the NER takes for organisations or people are dropped where the words around them make a place
(extract/place_names.py). An alias several actors share ("FDS") means the one of the article's country.
`generic_actor` names, for later components, a party that no mention covers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import LOWER, ORTH

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.extract.event_detect import DASHES
from eventdesk.extract.place_names import InGazetteer, named_as_place
from eventdesk.geo.recognise import after_stance_prefix
from eventdesk.knowledge import Knowledge
from eventdesk.knowledge.actors import SPANS_KEY, ActorDictionary, ActorEntry, ActorWords
from eventdesk.records import Actor, Result

if TYPE_CHECKING:
    from datetime import date

    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventdesk.extract.people import PersonFound

MENTIONS = "mentions"  # key in AnalysedArticle.annotations


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of an actor or a person; start/end are offsets into the normalised text (art.doc)."""

    start: int
    end: int
    kind: str  # "actor" | "person"
    name: str  # canonical name, as in Result.actors / Result.people
    type: str | None = None  # actor type (see knowledge.actors.ACTOR_TYPES); None for people and unknowns
    coref: bool = False  # True for a description resolved to a named actor ("the organization")


def mentions_in(art: AnalysedArticle, start: int, end: int, kind: str | None = None) -> list[Mention]:
    """The mentions overlapping normalised offsets [start, end), optionally of one kind, in text order."""
    mentions: list[Mention] = art.annotations.get(MENTIONS, [])
    starts, longest = art.annotations.get(_INDEX) or _index(mentions)
    first, last = bisect_left(starts, start - longest), bisect_left(starts, end)
    window = mentions[first:last]
    return [m for m in window if m.end > start and m.start < end and kind in (None, m.kind)]


_INDEX = "mentions.index"  # (sorted starts, longest mention length): lets mentions_in bisect
_DICTIONARY = "actors.dictionary"  # the ActorDictionary, for generic_actor after this component ran
_ARTICLE_COUNTRY = "actors.article_country"


def generic_actor(
    art: AnalysedArticle, token: Token, code: int | None = None, armed: bool = False
) -> tuple[str, int | None] | None:
    """ACLED's name and inter code for a party no dictionary actor names, read from its head noun `token`
    (call after the actors component, for a party without an actor mention):

    - unnamed armed men ("gunmen", "militants", "a suicide bomber", "armed men", "unknown assailants")
      -> ("Unidentified Armed Group (Nigeria)", 3);
    - civilians, protesters, rioters ("villagers", "aid workers", "demonstrators", "a mob")
      -> ("Civilians (Sudan)", 7), ("Protesters (Pakistan)", 6), ("Rioters (Kenya)", 5);
    - a state's forces ("soldiers", "troops", "Sudan's army", "a Turkish drone", "police officers")
      -> ("Military Forces of Mali", 1), ("Police Forces of Mexico", 1) (the dictionary's entry when it
      has one), or None when no country is known.

    The country comes from a nationality word or country name before the head ("Malian troops", "Sudan's
    army"), an "of"/"from" phrase ("soldiers from Chad"), else the place nearest before the head in its
    sentence, else the article's most named country (art.annotations["places"], read at call time).
    Without a country the generic name stands alone ("Civilians"). A head the caller knows as civilian or
    armed by its ACLED inter `code` ("inmates", "a priest", "militiamen") names that generic group too;
    unnamed people the caller knows to be `armed` (they did political violence: "a man detonated a vest")
    are the unidentified armed group. None for other heads.
    """
    dictionary: ActorDictionary | None = art.annotations.get(_DICTIONARY)
    if dictionary is None:
        return None
    words = dictionary.words
    token = counted_noun(token)
    kind = _generic_kind(token, words, armed) or _KIND_OF_CODE.get(code or 0)
    if kind is None or (kind not in _STATE_KINDS and kind not in words.generic_groups):
        return None
    if token.lower_ in _UNOWNED_PLATFORMS and _named_country(token, words) is None:
        kind = _UNIDENTIFIED  # armed groups fly drones too: only a named owner makes a drone a state's
    country = _party_country(art, token, words)
    year = art.published.year if art.published else None
    if kind in _STATE_KINDS:
        if country is None:
            return None
        military = kind == "military"
        entry = _forces_of(dictionary, *country, year) if military else _police_of(dictionary, *country)
        return entry.name, entry.inter
    group = words.generic_groups[kind]
    name = f"{group.name} ({country[1]})" if country else group.name
    return name, group.inter


def known_actors(art: AnalysedArticle) -> ActorDictionary | None:
    """The actor dictionary the actors component read the article with (None before it ran)."""
    return art.annotations.get(_DICTIONARY)


def state_forces(art: AnalysedArticle, name: str) -> tuple[str, int | None] | None:
    """The military forces of a state named as a country or its government ("United States" -> "Military
    Forces of the United States"; an external state's stay external, ACLED 8): who fights when a state is
    said to strike. None for other actors."""
    dictionary: ActorDictionary | None = art.annotations.get(_DICTIONARY)
    if dictionary is None:
        return None
    entry = dictionary.get(name)
    if entry is None or entry.type not in _STATE_TYPES or not entry.country:
        return None
    country = dictionary.words.country_name(entry.country) or entry.country
    year = art.published.year if art.published else None
    forces = _forces_of(dictionary, entry.country, country, year)
    return forces.name, entry.inter if entry.type == "external_state" else forces.inter


_STATE_TYPES = frozenset({"government", "external_state"})


def is_country_or_capital(art: AnalysedArticle, text: str) -> bool:
    """Whether a name is a country's or a capital's ("Ukraine", "Kyiv"), which may stand for its state."""
    dictionary: ActorDictionary | None = art.annotations.get(_DICTIONARY)
    return dictionary is not None and text in dictionary.words.countries


def counted_noun(token: Token) -> Token:
    """The noun a quantity word counts: "Hundreds of people" -> "people", "dozens of gunmen" -> "gunmen"."""
    if token.lower_ not in _QUANTITY_NOUNS:
        return token
    phrase = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    counted = next((c for c in phrase.children if c.dep_ == "pobj"), None) if phrase is not None else None
    return counted or token


_QUANTITY_NOUNS = frozenset({"hundreds", "thousands", "dozens", "scores", "tens", "millions", "group", "band",
                             "crowd", "number", "handful"})


def _generic_kind(token: Token, words: ActorWords, armed: bool = False) -> str | None:
    """A generic_groups noun, "military" or "police" for a state force head, or None."""
    lower = token.lower_
    compound = next((c.lower_ for c in token.children if c.dep_ == "compound"), None)
    for text in ([f"{compound} {lower}"] if compound else []) + [lower]:
        if text in words.state_force_heads:
            return words.state_force_heads[text]
        if text in words.generic_groups:
            return text
    if lower in words.unnamed_people:
        modifiers = [c.lower_ for c in token.children if c.dep_ in ("amod", "compound")]
        armed = armed or any(m in words.armed_modifiers for m in modifiers)
        return _UNIDENTIFIED if armed else _CIVILIANS
    return None


_STATE_KINDS = frozenset({"military", "police"})
_UNOWNED_PLATFORMS = frozenset({"drone", "drones", "quadcopter", "quadcopters"})
_UNIDENTIFIED, _CIVILIANS = "gunmen", "civilians"  # generic_groups nouns standing for their groups
_KIND_OF_CODE = {2: _UNIDENTIFIED, 3: _UNIDENTIFIED, 7: _CIVILIANS}  # a party's inter code -> generic group


def _police_of(dictionary: ActorDictionary, code: str, country: str, year: int | None = None) -> ActorEntry:
    found = _state_entry(dictionary, code, None, lambda e: e.name.startswith("Police Forces of"))
    return found or ActorEntry(f"Police Forces of {_named(country, dictionary)}", "state_forces", 1, code)


def _named(country: str, dictionary: ActorDictionary) -> str:
    """The country as ACLED's actor names write it: "the Philippines", "the United Kingdom", "Mali"."""
    return f"the {country}" if country.lower() in dictionary.words.countries_with_article else country


def _party_country(art: AnalysedArticle, token: Token, words: ActorWords) -> tuple[str, str] | None:
    return _named_country(token, words) or _place_country(art, token, words)


def _named_country(token: Token, words: ActorWords) -> tuple[str, str] | None:
    """A nationality word or country name before the head or in its "of"/"from" phrase."""
    doc = token.doc
    spans = [(token.left_edge.i, token.i)]
    phrases = [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]
    spans += [(c.i + 1, c.right_edge.i + 1) for c in phrases]
    names = words.country_names
    for start, end in spans:
        for i in (i for i in range(start, end) if not (after_stance_prefix(doc, i) or _backer(doc, i))):
            for width in (2, 1):
                text = doc[i : i + width].text if i + width <= end else ""
                found = words.demonyms.get(text) or names.get(text)
                if found:
                    return found
    return None


def _opposed_place(art: AnalysedArticle, start: int) -> bool:
    """ "an anti-Iran lawyer": a country a party is against is not where it is."""
    words = art.doc.char_span(start, start + 1, alignment_mode="expand")
    return words is not None and after_stance_prefix(art.doc, words.start)


def _backer(doc: Doc, i: int) -> bool:
    """ "Iranian-backed militias": the country that backs a party is not its own."""
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in _BACKING_WORDS


_BACKING_WORDS = frozenset(
    {"backed", "supported", "sponsored", "funded", "trained", "armed", "allied", "aligned"}
)


def _place_country(art: AnalysedArticle, token: Token, words: ActorWords) -> tuple[str, str] | None:
    places = art.annotations.get("places") or []
    sentence = token.sent
    before = [
        p
        for p in places
        if sentence.start_char <= p.start < token.idx and p.place.country and not _opposed_place(art, p.start)
    ]
    code = before[-1].place.country if before else _article_country(art, places)
    name = words.country_name(code) if code else None
    return (code, name) if code and name else None


def _article_country(art: AnalysedArticle, places: list) -> str | None:
    if _ARTICLE_COUNTRY not in art.annotations:
        where = [p.place.country for p in places if p.place.country and not _opposed_place(art, p.start)]
        counts = Counter(where)
        art.annotations[_ARTICLE_COUNTRY] = counts.most_common(1)[0][0] if counts else None
    return art.annotations[_ARTICLE_COUNTRY]


def _index(mentions: list[Mention]) -> tuple[list[int], int]:
    return [m.start for m in mentions], max((m.end - m.start for m in mentions), default=0)


@dataclass(slots=True)
class _Found:
    """An actor mention in token offsets while the article is being read."""

    start: int
    end: int
    name: str
    entry: ActorEntry | None
    coref: bool = False


def extract_actors(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    from eventdesk.extract.people import find_people

    dictionary = kb.actors
    art.annotations[_DICTIONARY] = dictionary
    doc = art.doc
    found = _dictionary_mentions(doc, dictionary, art.published)
    found = _merge(found, _state_mentions(doc, dictionary, art.published.year if art.published else None))
    in_gazetteer = _gazetteer_lookup(kb)
    found = _merge(found, _ethnic_militias(doc, dictionary, found))
    found = _merge(found, _entity_mentions(doc, dictionary, found, in_gazetteer))
    _resolve_branches(doc, dictionary, found)
    found = _merge(found, _descriptions(doc, dictionary, found))
    found = _merge(found, _generic_groups(doc, dictionary, found))
    people = find_people(art, dictionary, found, in_gazetteer)
    found = _without_people(doc, found, people)
    result.actors.extend(_actors(art, dictionary, found))
    result.people.extend(person for person, _ in people)
    mentions = [_mention(doc, f) for f in found]
    mentions += [Mention(s, e, "person", person.name) for person, spans in people for s, e in spans]
    _publish(art, mentions)


def _without_people(doc: Doc, found: list[_Found], people: list[PersonFound]) -> list[_Found]:
    """Drop NER-only actor mentions that turned out to name a person ("Diriye" tagged ORG)."""
    person_chars = {c for _, spans in people for s, e in spans for c in range(s, e)}
    return [f for f in found if f.entry is not None or doc[f.start].idx not in person_chars]


def positions(doc: Doc, attr: int, hashes: np.ndarray) -> list[int]:
    """Indices of the tokens whose attribute (ORTH, LOWER) is one of `hashes`, without a Python loop."""
    return np.flatnonzero(np.isin(doc.to_array(attr), hashes)).tolist()


def _publish(art: AnalysedArticle, mentions: list[Mention]) -> None:
    mentions.sort(key=lambda m: (m.start, -m.end))
    art.annotations[MENTIONS] = mentions
    art.annotations[_INDEX] = _index(mentions)


def _mention(doc: Doc, found: _Found) -> Mention:
    span = doc[found.start : found.end]
    kind = found.entry.type if found.entry else None
    return Mention(span.start_char, span.end_char, "actor", found.name, kind, found.coref)


def _merge(kept: list[_Found], extra: list[_Found]) -> list[_Found]:
    """Add mentions that overlap none already kept; text order."""
    taken = {i for f in kept for i in range(f.start, f.end)}
    added = [f for f in extra if not any(i in taken for i in range(f.start, f.end))]
    return sorted(kept + added, key=lambda f: f.start)


# 1. dictionary names -------------------------------------------------------------------------------------


def _dictionary_mentions(doc: Doc, dictionary: ActorDictionary, day: date | None) -> list[_Found]:
    matches = doc.spans.get(SPANS_KEY)
    triples = [(s.start, s.end, s.label_) for s in matches] if matches is not None else dictionary.find(doc)
    found = []
    for start, end, name in triples:
        name = _namesake_of_the_country(doc, dictionary, start, end, name)
        entry = dictionary.get(name, day)
        if entry is None or _only_a_place(doc, start, end, entry, dictionary):
            continue
        forces_end = _possessed_forces_end(doc, end, entry, dictionary.words)
        if forces_end is not None:
            assert entry.country is not None
            police = _is_police(doc[end + 1 : forces_end].text.lower(), dictionary.words)
            state = _police_of if police else _forces_of
            forces = state(dictionary, entry.country, _country_name(entry, dictionary), day and day.year)
            found.append(_Found(start, forces_end, forces.name, forces))
            continue
        found.append(_Found(start, _body_end(doc, end, entry, dictionary), name, entry))
    return found


def _namesake_of_the_country(doc: Doc, dictionary: ActorDictionary, start: int, end: int, name: str) -> str:
    """Of the actors sharing an alias ("FDS", "SNA", "National Guard"), the one whose country the article
    names most; else the first."""
    names = dictionary.namesakes(doc, start, end)
    if len(names) < 2:
        return name
    counts = _country_counts(doc, dictionary, ignore=doc[start:end].text)
    entries = [e for e in map(dictionary.get, names) if e is not None and counts[e.country or ""]]
    return max(entries, key=lambda e: counts[e.country or ""]).name if entries else name


def _body_end(doc: Doc, end: int, entry: ActorEntry, dictionary: ActorDictionary) -> int:
    """End of the name with what still denotes the actor after it: member nouns ("Taliban fighters"), a
    state's body after a possessive ("Mexico's security ministry", "Niger's defence ministry"), a media
    noun after an outlet ("Al-Masirah television")."""
    words = dictionary.words
    if entry.agentive and end + 1 < len(doc) and doc[end].tag_ == "POS":
        for j in range(end + 1, min(end + 4, len(doc))):
            if doc[j].lower_ in words.government_nouns:
                return j + 1
            if not (doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN", "PROPN")):
                break
    if entry.type == "media":
        while end < len(doc) and (words.organisation_words.get(doc[end].lower_) == "media" or (
            doc[end].lower_ in _OUTLET_NOUNS
        )):
            end += 1
        return end
    return _widen(doc, end, dictionary)


_OUTLET_NOUNS = frozenset({"agency", "channel", "network", "website", "outlet", "broadcaster"})


def _possessed_forces_end(doc: Doc, end: int, entry: ActorEntry, words: ActorWords) -> int | None:
    """End of "'s army" / "'s security forces" after a country named as a state ("Sudan's army"), or of a
    force noun right after a state's name ("US soldiers", "U.S. drones"): the country's forces, not its
    government."""
    if not (entry.agentive and entry.country) or end + 1 >= len(doc):
        return None
    if doc[end].tag_ != "POS" and entry.type not in _STATE_TYPES:
        return None
    noun_end, forces = _state_noun_end(doc, end + 1 if doc[end].tag_ == "POS" else end, words)
    return noun_end if forces else None


def _country_name(entry: ActorEntry, dictionary: ActorDictionary) -> str:
    assert entry.country is not None
    return dictionary.words.country_name(entry.country) or entry.name


def _only_a_place(doc: Doc, start: int, end: int, entry: ActorEntry, dictionary: ActorDictionary) -> bool:
    """A place-named actor ("Iraq", "Washington") where nothing acts: "in central Mali"."""
    return entry.agentive and not _acts(doc, start, end, dictionary)


def _acts(doc: Doc, start: int, end: int, dictionary: ActorDictionary) -> bool:
    """A place name used as an actor ("Russia said", "U.S. airstrikes", "support Turkey"), not as the place
    where something is ("in Iraq", "the people of Syria", "the capital, Kabul")."""
    head = doc[end - 1]
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ in ("appos", "ROOT") or _after_place(doc, start):
        return False  # "the capital, Kabul"; a heading line "Syria"; "Raqqah, Syria"
    if head.dep_ == "poss":
        return head.head.lower_ not in dictionary.words.place_nouns  # not "Syria's Idlib province"
    if head.dep_ == "pobj":
        return _acts_through_preposition(head.head, dictionary.words)
    if head.dep_ in ("compound", "nmod", "amod"):
        return head.head.lower_ not in dictionary.words.place_nouns
    return True


def _acts_through_preposition(preposition: Token, words: ActorWords) -> bool:
    """ "of" after a role or body word ("envoy of Iraq"), "to" after a giving or saying verb ("handed to
    Britain"), "between" parties that talk or fight; other place prepositions make a place."""
    word, governor = preposition.lower_, preposition.head
    if word == "of":
        return governor.lower_ in words.role_words or governor.lower_ in words.body_nouns
    if word == "to":
        return governor.lemma_ in words.recipient_verbs
    if word == "between":
        return governor.lower_ not in words.place_nouns
    return word not in _PLACE_PREPOSITIONS


def _after_place(doc: Doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in ("GPE", "LOC")


_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "into", "across", "throughout", "within", "around", "outside", "from",
     "to", "toward", "towards", "via", "through", "over", "of", "between", "along", "beyond", "off"}
)


def _widen(doc: Doc, end: int, dictionary: ActorDictionary) -> int:
    """Extend a name over following member nouns: "Taliban security forces", "ISIL tactical units"."""
    members = dictionary.words.member_nouns
    best = end
    for j in range(end, min(end + 3, len(doc))):
        token = doc[j]
        if token.lower_ in members and token.pos_ in ("NOUN", "PROPN"):
            best = j + 1
        elif token.pos_ not in ("ADJ", "NOUN") or token.ent_type_:
            break
    return best


# 2. nationality + force noun -----------------------------------------------------------------------------


def _state_mentions(doc: Doc, dictionary: ActorDictionary, year: int | None) -> list[_Found]:
    """ "Nigerian troops" -> the state's forces; "Pakistani officials" -> its government (of the article's
    year); in "Hungarian and Romanian officials" both nationality words count."""
    words = dictionary.words
    extra = []
    for i in positions(doc, ORTH, dictionary.hashes(frozenset(words.demonyms))):
        start, country = _demonym_at(doc, i, words)
        end, forces = _state_noun_end(doc, i + 1, words)
        partner = i + 2 if i + 2 < len(doc) and doc[i + 1].lower_ in ("and", "or", ",") else None
        if end is None and partner is not None and doc[partner].text in words.demonyms:
            _, forces = _state_noun_end(doc, partner + 1, words)
            end = i + 1 if forces is not None else None
        if end is not None:
            police = forces and _is_police(doc[i + 1 : end].text.lower(), words)
            state = _police_of if police else _forces_of if forces else _government_of
            entry = state(dictionary, *country, year)
            extra.append(_Found(start, end, entry.name, entry))
    return extra


def _demonym_at(doc: Doc, i: int, words: ActorWords) -> tuple[int, tuple[str, str]]:
    """Start and country of the nationality word ending at token i: "South Sudanese" is not "Sudanese"."""
    wider = words.demonyms.get(f"{doc[i - 1].text} {doc[i].text}") if i > 0 else None
    return (i - 1, wider) if wider else (i, words.demonyms[doc[i].text])


def _is_police(noun: str, words: ActorWords) -> bool:
    return words.state_force_heads.get(noun) == "police"


def _state_noun_end(doc: Doc, start: int, words: ActorWords) -> tuple[int | None, bool | None]:
    """End of a force noun ("security forces") or government noun ("officials") at `start`, and which."""
    if start >= len(doc):
        return None, None
    first = doc[start].lower_
    candidates = [(f"{first} {doc[start + 1].lower_}", start + 2)] if start + 1 < len(doc) else []
    for text, end in [*candidates, (first, start + 1)]:
        if text in words.force_nouns or text in words.government_nouns:
            return end, text in words.force_nouns
    return None, None


def _forces_of(dictionary: ActorDictionary, code: str, country: str, year: int | None) -> ActorEntry:
    found = _state_entry(dictionary, code, year, lambda e: e.type == "state_forces")
    return found or ActorEntry(f"Military Forces of {_named(country, dictionary)}", "state_forces", 1, code)


def _government_of(dictionary: ActorDictionary, code: str, country: str, year: int | None) -> ActorEntry:
    """The country's own entry ("United States", "Government of Iraq"), or an actor that governs it
    ("government" in its `refers`: the Taliban)."""
    found = _state_entry(dictionary, code, year, _governs)
    return found or ActorEntry(f"Government of {_named(country, dictionary)}", "government", 1, code)


def _governs(entry: ActorEntry) -> bool:
    own_state = entry.type == "government" or (entry.agentive and entry.type == "external_state")
    return own_state or "government" in entry.refers


def _state_entry(
    dictionary: ActorDictionary, code: str, year: int | None, fits: Callable[[ActorEntry], bool]
) -> ActorEntry | None:
    """The first fitting entry of a country whose period ("Military Forces of Afghanistan (2004-2021)")
    covers the article's year, else the first one without a period."""
    candidates = [e for e in dictionary.of_country(code) if fits(e)]
    periods = [(e, _PERIOD.search(e.name)) for e in candidates]
    if year is not None:
        for entry, period in periods:
            if period and int(period[1]) <= year <= int(period[2] or 9999):
                return entry
    return next((entry for entry, period in periods if period is None), None)


_PERIOD = re.compile(r"\((\d{4})-(\d{4})?\)$")


# 3. named entities the dictionary lacks ------------------------------------------------------------------

def _gazetteer_lookup(kb: Knowledge) -> InGazetteer:
    """Whether the gazetteer knows a name (loaded only when first asked)."""
    return lambda name: bool(kb.gazetteer.candidates(name))


def _entity_mentions(
    doc: Doc, dictionary: ActorDictionary, found: list[_Found], in_gazetteer: InGazetteer | None = None
) -> list[_Found]:
    countries = dictionary.words.countries
    extra = []
    for ent in doc.ents:
        if not _actor_like(ent, countries, dictionary):
            continue
        if ent.label_ == "ORG" and named_as_place(ent, dictionary.words, in_gazetteer):
            continue
        start, end = _trimmed(ent)
        start = _after_spaced_dash(doc, start, end)
        if start > ent.start and _common_after_dateline(doc[start:end], dictionary):
            continue  # "KABUL - Police": a dateline the model joined to a common noun
        if end > start:
            entry = _typed_by_words(doc[start:end], dictionary)
            extra.append(_Found(start, _widen(doc, end, dictionary), doc[start:end].text, entry))
    return _prefer_longer_names(doc, extra, found)


def _typed_by_words(name: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """An organisation the dictionary lacks, typed by a word of its name ("Ministry of Interior" ->
    government, "Khaama News" -> media; knowledge words: organisation_words); None when no word tells."""
    group = _acled_generic_name(name, dictionary)
    if group is not None:
        return ActorEntry(name.text, group.type, group.inter, None)
    kinds = dictionary.words.organisation_words
    for token in name:
        kind = kinds.get(token.lower_)
        if kind is not None:
            return ActorEntry(name.text, kind, _INTER_OF.get(kind), None)
    return None


_INTER_OF = {"government": 1, "state_forces": 1}


def _acled_generic_name(name: SpacySpan, dictionary: ActorDictionary) -> ActorEntry | None:
    """ACLED's name of an unnamed group, a generic noun and its country in brackets ("Rioters (Ghana)",
    "Protesters (Chile)"): that group."""
    doc, after = name.doc, name.start + 1  # the bracket may end the entity or lie inside it
    opens = after < len(doc) and doc[after].text == "("
    return dictionary.words.generic_groups.get(name[0].lower_) if opens else None


def _actor_like(ent: SpacySpan, countries: frozenset[str], dictionary: ActorDictionary) -> bool:
    """An ORG, a plural nationality noun ("Syrians"), or a country that acts."""
    if ent.label_ == "ORG":
        return not _not_an_actor(ent, dictionary)
    if ent.label_ == "NORP":
        return ent[-1].tag_ in ("NNS", "NNPS")
    is_country = ent.label_ == "GPE" and _is_country(ent, countries)
    return is_country and _acts(ent.doc, ent.start, ent.end, dictionary)


def _not_an_actor(ent: SpacySpan, dictionary: ActorDictionary) -> bool:
    """Words the NER takes for organisations: weapons ("VBIED"), operations ("Operation Steel Curtain"),
    titles in quotation marks, the tail of a title ("Secretary of State"), common nouns ("army")."""
    words = dictionary.words
    if ent.text.lower() in words.not_actors or ent[0].lower_ in words.not_actor_starts:
        return True
    if not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in ent):
        return True
    doc = ent.doc
    if _quoted(ent):
        return True  # a title in quotation marks: a magazine, a campaign, a video
    return len(ent) == 1 and ent.start >= 2 and doc[ent.start - 1].lower_ == "of" and (
        doc[ent.start - 2].lower_ in words.role_words or doc[ent.start - 2].lower_ in words.body_nouns
    )


def _quoted(ent: SpacySpan) -> bool:
    start, end = _trimmed(ent)
    doc = ent.doc
    return start > 0 and end < len(doc) and doc[start - 1].is_quote and doc[end].is_quote


def _is_country(ent: SpacySpan, countries: frozenset[str]) -> bool:
    start, end = _trimmed(ent)
    return ent.doc[start:end].text in countries


def _common_after_dateline(name: SpacySpan, dictionary: ActorDictionary) -> bool:
    words, lower = dictionary.words, name.text.lower()
    common = lower in words.state_force_heads or lower in words.generic_groups
    return common or _not_an_actor(name, dictionary)


def _after_spaced_dash(doc: Doc, start: int, end: int) -> int:
    """Where a name begins after a dash set off by spaces inside it ("KABUL - Police": a dateline, then the
    name); `start` when there is none."""
    dashes = [i for i in range(start + 1, end - 1) if doc[i].text in DASHES and doc[i - 1].whitespace_]
    return dashes[-1] + 1 if dashes and doc[dashes[-1]].whitespace_ else start



def _trimmed(ent: SpacySpan) -> tuple[int, int]:
    """Token bounds without a leading article, quotes or a trailing possessive."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].lower_ == "the" or ent.doc[start].is_punct):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].is_punct):
        end -= 1
    return start, end


def _prefer_longer_names(doc: Doc, entities: list[_Found], found: list[_Found]) -> list[_Found]:
    """An entity that wraps a dictionary name with more capitalised words ("Syrian Arab Coalition" around
    "Coalition") is another organisation: it replaces the dictionary mention."""
    for entity in entities:
        inside = [f for f in found if entity.start <= f.start and f.end <= entity.end and f.entry is not None]
        covered = {i for f in inside for i in range(f.start, f.end)}
        extra = [t for t in doc[entity.start : entity.end] if t.i not in covered]
        if inside and sum(t.text[:1].isupper() and t.is_alpha for t in extra) >= 2:
            for f in inside:
                found.remove(f)
    return entities


# 4. parent group names in an article about a branch ------------------------------------------------------


def _resolve_branches(doc: Doc, dictionary: ActorDictionary, found: list[_Found]) -> None:
    if not any(f.entry is not None and f.entry.parent for f in found):
        return
    by_token = {i: f for f in found for i in range(f.start, f.end)}
    first: dict[str, str] = {}  # parent -> its branch named first in the article
    for f in found:
        if f.entry is not None and f.entry.parent:
            first.setdefault(f.entry.parent, f.name)
    latest: dict[str, str] = {}  # parent -> its branch named most recently so far
    for f in found:
        if f.entry is not None and f.entry.parent:
            latest[f.entry.parent] = f.name
        elif f.name in first and not _with_global_group(doc, f, by_token):
            branch = latest.get(f.name, first[f.name])
            f.name, f.entry = branch, dictionary.get(branch)


def _with_global_group(doc: Doc, found: _Found, by_token: dict[int, _Found]) -> bool:
    """Coordinated ("X and Y", "X, Y") with another group that has no country of its own."""
    head = doc[found.start : found.end].root
    partners = [by_token.get(t.i) for t in head.conjuncts]
    partners += [_listed_next(doc, found.end, 1, by_token), _listed_next(doc, found.start - 1, -1, by_token)]
    return any(p is not None and p.entry is not None and not p.entry.country for p in partners)


_LIST_WORDS = frozenset({",", "and", "or", "&"})


def _listed_next(doc: Doc, i: int, step: int, by_token: dict[int, _Found]) -> _Found | None:
    """The mention one list separator away from token i, walking in direction `step`."""
    if not 0 <= i < len(doc) or doc[i].lower_ not in _LIST_WORDS:
        return None
    i += step
    if 0 <= i < len(doc) and doc[i].lower_ in _LIST_WORDS:
        i += step
    return by_token.get(i) if 0 <= i < len(doc) else None


# 5. descriptions that refer back ------------------------------------------------------------------------

_DETERMINERS = frozenset({"the", "this", "that", "these", "those"})
_HYPHENS = frozenset({"-", "–", "—"})


def _descriptions(doc: Doc, dictionary: ActorDictionary, found: list[_Found]) -> list[_Found]:
    by_token = {i: f for f in found for i in range(f.start, f.end)}
    resolved: list[_Found] = []
    for i in positions(doc, LOWER, dictionary.hashes(_DETERMINERS)):
        token = doc[i]
        if token.i in by_token:
            continue
        head, modifiers = _description_head(doc, token.i + 1, dictionary, by_token)
        if head is None:
            continue
        earlier = sorted([*found, *resolved], key=lambda f: f.start)
        antecedent = _antecedent(doc[head].lower_, modifiers, earlier, token.i, dictionary)
        if antecedent is None:
            continue
        absorbed = [m for m in modifiers if isinstance(m, _Found)]  # "the ISIS branch" is one mention
        for mention in absorbed:
            found.remove(mention)
        others = [by_token[j] for j in range(token.i, head) if j in by_token and by_token[j] not in absorbed]
        start = head if others else token.i  # "the Iran-backed rebels": Iran stays, "rebels" refers back
        resolved.append(_Found(start, head + 1, antecedent.name, antecedent, coref=True))
    return resolved


def _description_head(
    doc: Doc, start: int, dictionary: ActorDictionary, by_token: dict[int, _Found]
) -> tuple[int | None, list[str | _Found]]:
    """The head noun of "the [modifiers] noun" when it is a description word, and its modifiers."""
    words = dictionary.words
    modifiers: list[str | _Found] = []
    i = start
    while i < len(doc) and i < start + 4:
        token = doc[i]
        lower = token.lower_
        if lower in words.descriptions or lower in dictionary.refer_nouns:
            followed = i + 1 < len(doc) and doc[i + 1].lower_ == "of"
            if followed or token.pos_ not in ("NOUN", "PROPN"):
                return None, []
            return i, [m for m in modifiers if isinstance(m, str) or m.end == i]  # "the ISIS branch"
        if i in by_token:
            modifiers.append(by_token[i])
            i = by_token[i].end
            continue
        if token.text in words.demonyms or lower in words.description_modifiers:
            modifiers.append(token.text)
        elif token.text not in _HYPHENS and token.tag_ != "VBN":  # "Iran-backed", "al-Qaeda-linked"
            break
        i += 1
    return None, []


def _antecedent(
    noun: str, modifiers: list[str | _Found], earlier: list[_Found], before: int, dictionary: ActorDictionary
) -> ActorEntry | None:
    words = dictionary.words
    named = [m for m in modifiers if isinstance(m, _Found)]
    countries = {words.demonyms[m][0] for m in modifiers if isinstance(m, str) and m in words.demonyms}
    types = words.descriptions.get(noun, frozenset())
    if named and ("branch" not in types or (named[0].entry and named[0].entry.parent)):
        return named[0].entry  # "the Taliban movement"; "the ISIS branch" where ISIS already means the branch
    parents = {m.name for m in named}
    for candidate in reversed([f for f in earlier if f.end <= before and f.entry is not None]):
        entry = candidate.entry
        assert entry is not None
        if countries and entry.country not in countries:
            continue
        if "branch" in types and entry.parent and (not parents or entry.parent in parents):
            return entry
        if entry.type in types or noun in entry.refers:
            return entry
    return None


# 6. unnamed civilians, protesters, rioters and armed men --------------------------------------------------


def _generic_groups(doc: Doc, dictionary: ActorDictionary, found: list[_Found]) -> list[_Found]:
    """Plural nouns for people nobody named: "villagers", "Afghan civilians", "demonstrators", "gunmen" (no
    group to refer to) -> ACLED's Civilians (7), Protesters (6), Rioters (5), Unidentified Armed Group (3),
    with the country when a nationality word says it (knowledge words: generic_groups)."""
    words = dictionary.words
    groups = words.generic_groups
    taken = {i for f in found for i in range(f.start, f.end)}
    extra = []
    for i in positions(doc, LOWER, dictionary.hashes(frozenset(groups))):
        token = doc[i]
        if token.i in taken or token.tag_ != "NNS":
            continue
        start = token.i - 1 if token.i and doc[token.i - 1].text in words.demonyms else token.i
        named = _group_named_after(token, found) if groups[token.lower_].inter == _ARMED_INTER else None
        if named is not None:
            extra.append(_Found(start, token.i + 1, named.name, named.entry, coref=True))
            continue
        country = words.demonyms[doc[start].text] if start < token.i else None
        extra.append(_Found(start, token.i + 1, *_generic_entry(groups[token.lower_], country)))
    return extra


def _group_named_after(token: Token, found: list[_Found]) -> _Found | None:
    """The named group in an "of"/"from" phrase of a generic noun: "militants of the Islamic State Sahel
    Province", "fighters from the M23 rebel group" (not "residents of X", which name no armed group)."""
    by_token = {i: f for f in found for i in range(f.start, f.end)}
    for child in token.children:
        if child.dep_ != "prep" or child.lower_ not in ("of", "from", "with"):
            continue
        for noun in (c for c in child.children if c.dep_ == "pobj"):
            for i in range(noun.left_edge.i, noun.i + 1):  # the noun phrase, not a clause after it
                mention = by_token.get(i)
                if mention is not None and mention.entry is not None and mention.entry.type in _ARMED_TYPES:
                    return mention
    return None


_ARMED_INTER = 3  # the generic armed group (Unidentified Armed Group)
_ARMED_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "state_forces"})


# 7. ethnic and communal militias ------------------------------------------------------------------------


def _ethnic_militias(doc: Doc, dictionary: ActorDictionary, found: list[_Found]) -> list[_Found]:
    """A community's name before a militia noun ("Dogon militiamen", "Hema militias", "Fulani gunmen") ->
    ACLED's "<Name> Ethnic Militia (<country>)", identity militia (4); the country is the one the article
    names most (knowledge words: ethnic_militia_nouns; the generic armed nouns need a NORP entity)."""
    words = dictionary.words
    nouns = words.ethnic_militia_nouns | frozenset(
        n for n, g in words.generic_groups.items() if g.inter == _ARMED_INTER
    )
    taken = {i for f in found for i in range(f.start, f.end)}
    extra = []
    for i in positions(doc, LOWER, dictionary.hashes(nouns)):
        if i == 0 or i in taken or i - 1 in taken:
            continue
        name = doc[i - 1]
        if _community_name(name, doc[i].lower_ in words.ethnic_militia_nouns, words):
            country = _mentioned_country(doc, dictionary)
            label = f"{name.text} Ethnic Militia" + (f" ({country[1]})" if country else "")
            entry = ActorEntry(label, "identity_militia", 4, country[0] if country else None)
            extra.append(_Found(i - 1, i + 1, label, entry))
    return extra


def _community_name(token: Token, militia_noun: bool, words: ActorWords) -> bool:
    if not token.is_title or token.text in words.demonyms or token.lower_ in words.description_modifiers:
        return False
    if token.lower_ in words.armed_modifiers or token.lower_ in words.role_words or token.ent_iob_ == "I":
        return False  # the last word of a longer name ("Ansar al-Din") is no community
    if militia_noun:
        return token.pos_ == "PROPN" or token.ent_type_ in ("NORP", "ORG")
    return token.ent_type_ in ("NORP", "ORG")


def _mentioned_country(doc: Doc, dictionary: ActorDictionary) -> tuple[str, str] | None:
    """The country the article names most, with its name."""
    counts = _country_counts(doc, dictionary)
    if not counts:
        return None
    code = counts.most_common(1)[0][0]
    name = dictionary.words.country_name(code)
    return (code, name) if name else None


def _country_counts(doc: Doc, dictionary: ActorDictionary, ignore: str = "") -> Counter[str]:
    """How often the article names each country: dictionary names with a country (places included, those
    written `ignore` not) and nationality words."""
    words = dictionary.words
    matches = doc.spans.get(SPANS_KEY)
    found = [(s.text, s.label_) for s in matches] if matches is not None else [
        (doc[s:e].text, n) for s, e, n in dictionary.find(doc)
    ]
    names = [name for text, name in found if text != ignore]
    codes = [e.country for e in map(dictionary.get, names) if e is not None and e.country]
    nationality = positions(doc, ORTH, dictionary.hashes(frozenset(words.demonyms)))
    codes += [words.demonyms[doc[i].text][0] for i in nationality]
    return Counter(codes)


def _generic_entry(group: ActorEntry, country: tuple[str, str] | None) -> tuple[str, ActorEntry]:
    if country is None:
        return group.name, group
    name = f"{group.name} ({country[1]})"
    return name, ActorEntry(name, group.type, group.inter, country[0])


# the Result's actors -------------------------------------------------------------------------------------


def _actors(art: AnalysedArticle, dictionary: ActorDictionary, found: list[_Found]) -> list[Actor]:
    actors: dict[str, Actor] = {}
    for f in found:
        actor = actors.get(f.name)
        if actor is None:
            entry = f.entry
            actor = actors[f.name] = Actor(
                name=f.name,
                type=entry.type if entry else None,
                country=entry.country if entry else None,
                aliases=list(entry.aliases) if entry else [],
                inter=entry.inter if entry else None,
            )
        span = art.doc[f.start : f.end]
        actor.mentions.append(art.span(span.start_char, span.end_char))
    return list(actors.values())
