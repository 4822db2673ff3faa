"""Filling an incident's when, where, how many and according to whom, from the words around its trigger."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from eventdesk.analyse.dates import find_date_phrases
from eventdesk.analyse.quantities import find_counts
from eventdesk.extract.acled_codes import ARMED, CIVILIAN_GROUP, STATE
from eventdesk.extract.event_draft import EXCESSIVE_FORCE, PEACEFUL, PROTESTS
from eventdesk.extract.event_roles import instrument_phrase
from eventdesk.records import Actor, Count, DateRange, EventLocation, Result, Span

try:  # the geo component's event placement, when installed
    from eventdesk.geo.places import place_event  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - depends on the geo component's progress
    place_event = None

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from eventdesk.analyse.pipeline import AnalysedArticle
    from eventdesk.extract.event_draft import Draft
    from eventdesk.knowledge import Knowledge
    from eventdesk.knowledge.actors import ActorEntry
    from eventdesk.knowledge.event_types import EventLexicon
    from eventdesk.knowledge.unnamed_perpetrators import UnnamedPerpetrators

ASSUMED_WINDOW_DAYS = 30  # no date in the text: the month up to publication (ACLED time precision 3)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# ACLED's notes count the dead in a line of their own ("6 fatalities.", "At least 12 fatalities reported."):
# a word of the count, not of the incident, so kept out of the typing lexicon's casualty words
TOLL_WORDS = frozenset({"fatality"})
FORCE_ON_PROTESTERS = frozenset({"Protest with intervention", EXCESSIVE_FORCE})
DATE_PHRASES = "date_phrases"  # annotation: (start_char, end_char) of a segment -> its date phrases
DATE_ENTITIES = "date_entities"  # annotation: (start, end, start_char, end_char) of the Doc's DATE entities
DatePhrase = tuple[int, int, DateRange]  # (start_char, end_char, date) in normalised offsets


def date_in(art: AnalysedArticle, segment: SpacySpan, start: int, end: int, anchor: int) -> DateRange | None:
    """The date phrase inside normalised range [start, end) nearest to `anchor`; else any in the segment."""
    phrases = _date_phrases(art, segment)
    inside = [p for p in phrases if start <= p[0] and p[1] <= end] or phrases
    if not inside:
        return None
    s, e, found = min(inside, key=lambda p: abs(p[0] - anchor))
    return replace(found, span=art.span(s, e))


def _date_phrases(art: AnalysedArticle, segment: SpacySpan) -> list[DatePhrase]:
    """The segment's date phrases, read once per article (every draft of a sentence asks again)."""
    cache: dict[tuple[int, int], list[DatePhrase]] = art.annotations.setdefault(DATE_PHRASES, {})
    key = (segment.start_char, segment.end_char)
    if key not in cache:
        cache[key] = find_date_phrases(segment, art.published, _date_entities(art, segment))
    return cache[key]


def _date_entities(art: AnalysedArticle, segment: SpacySpan) -> list[tuple[int, int]]:
    """The (start_char, end_char) of the DATE entities inside the segment, from the article's list read
    once (`Span.ents` walks every entity of the Doc for each sentence)."""
    if DATE_ENTITIES not in art.annotations:
        dated = [e for e in art.doc.ents if e.label_ == "DATE"]
        art.annotations[DATE_ENTITIES] = [(e.start, e.end, e.start_char, e.end_char) for e in dated]
    inside = (e for e in art.annotations[DATE_ENTITIES] if segment.start <= e[0] and e[1] <= segment.end)
    return [(start_char, end_char) for _, _, start_char, end_char in inside]


def assumed_date(published: date | None) -> DateRange:
    """No date in the text: the window up to publication, marked as assumed."""
    if published is None:
        return DateRange(assumed=True)
    start = published - timedelta(days=ASSUMED_WINDOW_DAYS)
    return DateRange(start=start.isoformat(), end=published.isoformat(), precision=3, assumed=True)


def location_for(art: AnalysedArticle, segment: SpacySpan) -> EventLocation | None:
    if place_event is not None:
        return place_event(art, segment.start_char, segment.end_char)
    return _named_place(art, segment)


def _named_place(art: AnalysedArticle, segment: SpacySpan) -> EventLocation | None:
    """Fallback without the geo component: the segment's last-named place; a place named inside it
    ("Shahr-e Naw in Kabul") is kept as the detail."""
    places = [e for e in segment.ents if e.label_ in PLACE_LABELS]
    if not places:
        return None
    broad = places[-1]
    detail = next((p.text for p in places[:-1] if p.end <= broad.start and broad.start - p.end <= 2), None)
    span = art.span_of(broad)
    return EventLocation(name=broad.text, text=broad.text, detail=detail, span=span)


def fatal_lemmas(lx: EventLexicon) -> frozenset[str]:
    """The words that count the dead: the lexicon's casualty words and the notes' own."""
    heads = {phrase.split()[-1] for phrase in lx.fatal_words if " " in phrase}  # "the death toll rose to 20"
    return lx.fatal_words | TOLL_WORDS | heads


def restates_total(head: Token, known: Count | None, count: Count) -> bool:
    """ "A drone strike killed a commander and members of his escort. 10 fatalities.": the notes' count line
    gives the incident's total, which replaces a smaller count read before it."""
    return head.lemma_.lower() in TOLL_WORDS and known is not None and (count.best or 0) > (known.best or 0)


def is_toll_line(segment: SpacySpan, lemmas: frozenset[str], lx: EventLexicon) -> bool:
    """A sentence with no verb that only counts the dead: "14 fatalities.", "Dozens dead." (a heading has
    no final stop)."""
    words = [t for t in segment if not t.is_space]
    if not words or words[-1].text != "." or fatal_lemmas(lx).isdisjoint(lemmas):
        return False
    return any(t.like_num or t.dep_ == "nummod" for t in words)


def casualties(
    art: AnalysedArticle, segment: SpacySpan, head_lemmas: frozenset[str]
) -> list[tuple[Count, Token]]:
    found = []
    for start, end, count, head in find_counts(segment, head_lemmas):
        if _attempted(head):
            continue
        count.span = art.span(start, end)
        found.append((count, head))
    return found


def _attempted(head: Token) -> bool:
    """ "An attempt to assassinate the governor": nobody was killed."""
    governors = (head.head, head.head.head)
    return any(g.lemma_.lower() in ("attempt", "try", "plot", "plan") for g in governors)


def sources_for(result: Result, trigger: Span) -> list[str]:
    """Who the text attributes the report to: the speakers of statements whose content covers the trigger,
    by name, else by organisation, else as the text describes them ("residents", "a hospital doctor")."""
    names: list[str] = []
    for statement in result.statements:
        if statement.content.contains(trigger):
            speaker = statement.speaker
            name = speaker.name or speaker.organization or speaker.role
            if name and name not in names:
                names.append(name)
    return names


def name_unnamed_sides(art: AnalysedArticle, draft: Draft, kb: Knowledge) -> None:
    """ACLED's names for sides the text does not name: an explosion nobody is said to have caused is the work
    of an Unidentified Armed Group, read from its instrument; in a riot the crowd acts first, as rioters; a
    generic group ("Civilians") takes the country of the event's place."""
    rules = kb.unnamed_perpetrators
    if draft.actor2 is not None and draft.actor2 == draft.actor1:  # one side read twice is no second side
        draft.actor2, draft.inter2, draft.actor2_text = None, None, None
    if draft.actor1 is None and draft.typing.sub_event_type in rules.sub_event_types and draft.root >= 0:
        _unnamed_perpetrator(art, draft, kb, rules)
    if draft.typing.event_type in rules.crowd_event_types:
        _crowd_first(draft, kb, rules)
    if draft.typing.event_type == PROTESTS:
        _protesters_first(draft)
    country = _event_country(draft, kb)
    if country is None:
        return
    generic = {group.name for group in kb.actors.words.generic_groups.values()}
    draft.actor1 = _with_country(draft.actor1, country, generic, rules.group)
    draft.actor2 = _with_country(draft.actor2, country, generic, rules.group)
    identities = set(kb.actors.words.civilian_identities.values())
    draft.assoc1 = [_with_country(name, country, identities, rules.group) or name for name in draft.assoc1]
    draft.assoc2 = [_with_country(name, country, identities, rules.group) or name for name in draft.assoc2]


def _with_country(name: str | None, country: str, generic: set[str], unnamed: str) -> str | None:
    """A generic group without a country takes the event's; an unnamed armed group is named after the
    country where it acts, whatever its members' nationality ("Palestinian suicide bombers" in Tel Aviv:
    Unidentified Armed Group (Israel))."""
    if name in generic or (name or "").startswith(f"{unnamed} ("):
        return f"{(name or '').partition(' (')[0]} ({country})"
    return name


def _unnamed_perpetrator(
    art: AnalysedArticle, draft: Draft, kb: Knowledge, rules: UnnamedPerpetrators
) -> None:
    root = art.doc[draft.root]
    found = instrument_phrase(art, root, rules.instrument_heads, rules.instrument_modifiers, kb.event_lexicon)
    if found is not None:
        draft.actor1, draft.inter1 = rules.group, _group(kb, rules.group).inter
        draft.actor1_text = art.span(found.start, found.end)


def _crowd_first(draft: Draft, kb: Knowledge, rules: UnnamedPerpetrators) -> None:
    """ "Police clashed with rioters": the crowd is actor1 and who faced it actor2; in a riot a crowd of
    protesters or villagers is rioters ("villagers lynched a thief": Rioters, ACLED)."""
    rioters = _group(kb, rules.rioters)
    crowds = {_group(kb, name).inter for name in rules.crowds}
    if draft.inter2 in crowds and draft.inter1 not in crowds:
        draft.swap_sides()
    group, _, country = (draft.actor1 or "").partition(" (")
    crowd = group in rules.become_rioters or (draft.inter1 == rioters.inter and group != rioters.name)
    if draft.typing.event_type == rules.riot_event_type and crowd:
        generic = {g.name for g in kb.actors.words.generic_groups.values()}  # "Protesters" is no associate
        if draft.actor1_named and group not in generic and draft.actor1 not in draft.assoc1:
            draft.assoc1.append(draft.actor1)  # "supporters of X": ACLED's associate of the rioters
        draft.actor1 = f"{rioters.name} ({country}" if country else rioters.name
        draft.inter1 = rioters.inter


def _protesters_first(draft: Draft) -> None:
    """ACLED's protests have the protesters as actor1, "Protesters (Country)", named later from the place:
    force used on a crowd with no crowd named ("police detained 60 people at a rally") makes the force
    actor2; a party or group that holds the protest ("members of the Awami League held a sit-in") is the
    protesters' associate, not actor1."""
    if draft.typing.sub_event_type in FORCE_ON_PROTESTERS and draft.inter1 == STATE and draft.actor2 is None:
        draft.swap_sides()
        draft.actor1_named = False
    # soldiers or police who protest with no one facing them are protesters ("dozens of soldiers protested
    # over unpaid wages"); an armed side facing a crowd is the force
    armed_force = draft.inter1 in ARMED and (
        draft.actor2 is not None or draft.typing.sub_event_type != PEACEFUL
    )
    if draft.actor1 is None or armed_force or draft.actor1.startswith("Protesters"):
        return
    # "teachers marched": the crowd is no associate as "Civilians", only as what it is ("Teachers (Kenya)")
    generic = draft.actor1.partition(" (")[0] == CIVILIAN_GROUP
    if draft.actor1_named and not generic and draft.actor1 not in draft.assoc1:
        draft.assoc1.append(draft.actor1)
    draft.actor1, draft.inter1, draft.actor1_named = None, None, False


def _event_country(draft: Draft, kb: Knowledge) -> str | None:
    code = draft.location.country if draft.location is not None else None
    if not code:
        return None
    found = kb.actors.words.country_name(code.upper())
    return found or (entry.name if (entry := kb.gazetteer.country(code.upper())) is not None else None)


def _group(kb: Knowledge, name: str) -> ActorEntry:
    found = next((g for g in kb.actors.words.generic_groups.values() if g.name == name), None)
    if found is None:
        raise ValueError(f"unnamed_perpetrators.yaml: {name!r} is no generic group of actor_words.yaml")
    return found


def register_sides(result: Result, kb: Knowledge) -> None:
    """Event and action sides are named as in `actors` (contract): a side read only for an event or action
    ("Unidentified Armed Group (Iraq)", "Civilians (Nigeria)", "Military Forces of the United States") joins
    the actors, with the words it was read from."""
    known = {actor.name for actor in result.actors}
    added: dict[str, Actor] = {}
    for name, inter, text, place_country in _sides(result):
        if not name or name in known:
            continue
        actor = added.get(name) or added.setdefault(name, _side_actor(name, inter, place_country, kb))
        if text is not None and text not in actor.mentions:
            actor.mentions.append(text)
    result.actors.extend(added.values())


Side = tuple[str | None, int | None, Span | None, str | None]  # name, inter, words, country of the place


def _sides(result: Result) -> Iterator[Side]:
    for event in result.events:
        country = event.location.country
        yield event.actor1, event.inter1, event.actor1_text, country
        yield event.actor2, event.inter2, event.actor2_text, country
        for name in event.assoc_actor1 + event.assoc_actor2:
            yield name, None, None, country
    for action in result.actions:
        yield action.actor1, None, action.actor1_text, None
        yield action.actor2, None, action.actor2_text, None


def _side_actor(name: str, inter: int | None, place_country: str | None, kb: Knowledge) -> Actor:
    entry = kb.actors.get(name)
    if entry is not None:
        return Actor(name, entry.type, entry.country, list(entry.aliases), inter=entry.inter)
    group_name, _, country = name.partition(" (")
    group = next((g for g in kb.actors.words.generic_groups.values() if g.name == group_name), None)
    if group is None and group_name in kb.actors.words.civilian_identities.values():
        group = _group(kb, CIVILIAN_GROUP)  # "Journalists (Somalia)": civilians of one kind
    if group is None:
        return Actor(name, inter=inter)
    code = kb.actors.words.country_names.get(country.rstrip(")"), (None, None))[0]
    if code is None and country and place_country:
        code = place_country  # a country named after the event's place, not a nationality word
    return Actor(name, group.type, code, inter=group.inter)
