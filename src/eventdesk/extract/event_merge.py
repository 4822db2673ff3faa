"""Reports of one incident merged: later mentions, tolls, claims and the acts told as its parts join the
first report of the incident; genuinely distinct incidents (their own place, date or sides) stay apart."""

from __future__ import annotations

from eventdesk.extract.event_draft import NEARBY_SENTENCES, PEACEFUL, PROTESTS, Draft
from eventdesk.extract.event_typing import TERRITORY_FRAMES, protest_severity
from eventdesk.knowledge.event_types import EventLexicon
from eventdesk.records import Count, DateRange, EventLocation

VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
DESTRUCTION = "Looting/property destruction"
FIGHTING_FRAMES = frozenset({"attack", "clash"})


def merged_drafts(drafts: list[Draft], lx: EventLexicon) -> list[Draft]:
    kept: list[Draft] = []
    for draft in drafts:
        same = next((k for k in reversed(kept) if same_incident(k, draft)), None)  # the latest report
        if same is None:
            _inherit_date(draft, kept[-1] if kept else None, lx)
            kept.append(draft)
        else:
            absorb(same, draft, lx)
    return kept


def _inherit_date(draft: Draft, previous: Draft | None, lx: EventLexicon) -> None:
    """A report with no date of its own that follows another incident ("They also burned the market.")
    continues its story: it took place then, not at some time in the month before publication."""
    if previous is None or not draft.date.assumed or previous.date.assumed:
        return
    if 0 <= draft.sentence - previous.sentence <= 1 and not draft.lemmas & lx.words("new_story_words"):
        draft.date = previous.date


def same_incident(first: Draft, second: Draft) -> bool:
    """Two reports are one incident when nothing conflicts: type family, sides, target, date and place."""
    if first.sentence == second.sentence and PROTESTS in (first.typing.event_type, second.typing.event_type):
        return True  # "police detained 40 people who took part in a rally": the protest and its outcome
    if not _types_agree(first, second):
        return False
    if _protest_and_outcome(first, second):
        return _places_agree(first, second)
    kinds = {first.typing.sub_event_type, second.typing.sub_event_type}
    one_act = first.sentence == second.sentence and kinds == {DESTRUCTION}
    same_kind = first.typing.sub_event_type == second.typing.sub_event_type
    if same_kind and first.target and second.target and first.target != second.target and not one_act:
        return False  # "looted the market and burned houses": one act of destruction, two targets
    a, b = first.typing, second.typing
    if _taken_by_force(first, second):
        return True
    if (
        first.sentence == second.sentence
        and a.sub_event_type != b.sub_event_type
        and a.event_type != b.event_type
        and DESTRUCTION not in kinds
    ):
        return False  # "kidnapped advisers and exploded bombs": two acts told side by side
    near = abs(second.sentence - first.sentence) <= NEARBY_SENTENCES or second.anaphoric
    if _agents_conflict(first, second) or not (first.sides() & second.sides() or near):
        return False
    return _dates_agree(first.date, second.date, near) and _places_agree(first, second)


def _taken_by_force(first: Draft, second: Draft) -> bool:
    """ "Insurgents attacked Palma and gained control of the town": the fighting for a place and its taking,
    told in one sentence by one side, are one incident (ACLED codes the taking)."""
    frames = {first.frame.name, second.frame.name}
    one_report = first.sentence == second.sentence and not _agents_conflict(first, second)
    return one_report and bool(frames & TERRITORY_FRAMES) and frames <= TERRITORY_FRAMES | FIGHTING_FRAMES


def _protest_and_outcome(first: Draft, second: Draft) -> bool:
    """ "Students marched in Dhaka. Police dispersed the protesters.": the protest and how it ended."""
    protests = first.typing.event_type == second.typing.event_type == PROTESTS
    outcome = second.typing.sub_event_type != first.typing.sub_event_type
    return protests and outcome and 0 <= second.sentence - first.sentence <= NEARBY_SENTENCES


def _agents_conflict(first: Draft, second: Draft) -> bool:
    """Both reports name who acted, and differently (neither is the other's target)."""
    a, b = first.actor1, second.actor1
    named = first.actor1_named and second.actor1_named
    return bool(named and a != b and a != second.actor2 and b != first.actor2)


def _types_agree(first: Draft, second: Draft) -> bool:
    """Same sub-event type, both violent, or destruction by the side of a violent incident ("killed 17
    villagers ... also burned dozens of houses": ACLED codes the attack once)."""
    a, b = first.typing, second.typing
    violent = [t.event_type in VIOLENT_TYPES for t in (a, b)]
    if a.sub_event_type == b.sub_event_type or all(violent) or a.event_type == b.event_type == PROTESTS:
        return True  # a protest and how it ended, told apart
    if first.sentence == second.sentence and a.event_type == b.event_type:
        return True  # "detained the president and seized power": one development
    destruction = DESTRUCTION in (a.sub_event_type, b.sub_event_type)
    one_report = first.sentence == second.sentence  # "killed 8 civilians and set fire to houses"
    return destruction and any(violent) and (one_report or _same_doer(first, second))


def _same_doer(first: Draft, second: Draft) -> bool:
    return first.actor1 is not None and first.actor1 == second.actor1


def _dates_agree(a: DateRange, b: DateRange, near: bool) -> bool:
    if a.assumed or b.assumed:
        return (a.assumed and b.assumed) or near
    if not (a.start and a.end and b.start and b.end):
        return True
    return a.start <= b.end and b.start <= a.end


def _places_agree(first: Draft, second: Draft) -> bool:
    """Places conflict only when both reports name their own (not one inferred from elsewhere)."""
    a, b = first.location, second.location
    if a is None or b is None or not a.name or not b.name or not (_own(first) and _own(second)):
        return True
    if a.geonameid and b.geonameid:
        return a.geonameid == b.geonameid
    names_a = {n for n in (a.name, a.detail) if n}
    names_b = {n for n in (b.name, b.detail) if n}
    return bool(names_a & names_b) or any(n in e.text for n in names_a for e in second.evidence)


def _own(draft: Draft) -> bool:
    span = draft.location.span if draft.location is not None else None
    return span is not None and any(e.contains(span) for e in draft.evidence)


def absorb(kept: Draft, other: Draft, lx: EventLexicon) -> None:
    """Fold a second report of the same incident into the first: fill what it lacks, keep all evidence."""
    if other.sentence == kept.sentence and other.fatalities and not kept.fatalities:
        kept.typing = other.typing  # "killed 12 and abducted dozens": the killing types the incident
    elif _more_specific(other, kept):
        kept.typing, kept.frame = other.typing, other.frame  # "abducted and raped a woman": sexual violence
    if kept.typing.sub_event_type == DESTRUCTION and other.typing.event_type in VIOLENT_TYPES:
        kept.typing = other.typing  # the attack in which the houses were burned
    if other.typing.event_type == PROTESTS and kept.typing.event_type != PROTESTS:
        _become_protest(kept, other)
    elif kept.typing.event_type == other.typing.event_type == PROTESTS:
        _join_outcome(kept, other, lx)
    if other.actor1_named and not kept.actor1_named and other.actor1 not in kept.sides():
        kept.actor1, kept.inter1, kept.actor1_text = other.actor1, other.inter1, other.actor1_text
        kept.actor1_named = True  # "Gunmen stormed a hotel ... Al-Shabaab said it carried out the attack."
    _fill_sides(kept, other)
    kept.target = kept.target or other.target
    if kept.date.assumed and not other.date.assumed:
        kept.date = other.date
    kept.location = _better_location(kept, other)
    kept.fatalities = most_conservative(kept.fatalities, other.fatalities)
    kept.injuries = most_conservative(kept.injuries, other.injuries)
    kept.sources += [s for s in other.sources if s not in kept.sources]
    kept.evidence += [e for e in other.evidence if e not in kept.evidence]


def _more_specific(other: Draft, kept: Draft) -> bool:
    """Two acts of one kind told in one sentence: the frame of higher priority names the incident (a rape
    over an abduction, a town taken over the fight for it, a coup over the arrests it made)."""
    same_kind = other.typing.event_type == kept.typing.event_type != PROTESTS  # protests: the worst outcome
    same_kind = same_kind or _taken_by_force(kept, other)
    return other.sentence == kept.sentence and same_kind and other.frame.priority > kept.frame.priority


def _join_outcome(protest: Draft, outcome: Draft, lx: EventLexicon) -> None:
    """The protest keeps its protesters and takes the worse outcome and who intervened."""
    protest.typing.sub_event_type = max(
        protest.typing.sub_event_type, outcome.typing.sub_event_type, key=lambda t: protest_severity(t, lx)
    )
    if protest.actor2 is None and outcome.actor2 is not None:
        protest.actor2, protest.inter2 = outcome.actor2, outcome.inter2
        protest.actor2_text = outcome.actor2_text


def _become_protest(kept: Draft, protest: Draft) -> None:
    """An arrest or a shooting told with the protest it ended: the protest, with that outcome; the
    protesters are actor1 and who intervened actor2."""
    intervener = (kept.actor1, kept.inter1, kept.actor1_text)
    kept.typing = protest.typing
    if protest.typing.sub_event_type == PEACEFUL:
        kept.typing.sub_event_type = "Protest with intervention"
    kept.actor1, kept.inter1, kept.actor1_text = (
        protest.actor1 or kept.actor2,
        protest.inter1,
        protest.actor1_text,
    )
    kept.actor2, kept.inter2, kept.actor2_text = intervener
    kept.target = protest.target


def _fill_sides(kept: Draft, other: Draft) -> None:
    """The second report's sides that the first lacks fill its empty roles, agent first; a side that was hit
    ("killed 35 civilians") never becomes the one that acted."""
    for name, inter, text, acted in (
        (other.actor1, other.inter1, other.actor1_text, True),
        (other.actor2, other.inter2, other.actor2_text, False),
    ):
        if name and name == kept.actor2 and not acted and not kept.assoc2:
            kept.assoc2 = list(other.assoc2)  # "a journalist was shot ... the reporter died": what they were
        if not name or name in kept.sides():
            continue
        if kept.actor1 is None and acted:
            kept.actor1, kept.inter1, kept.actor1_text = name, inter, text
        elif kept.actor2 is None:
            kept.actor2, kept.inter2, kept.actor2_text = name, inter, text
            kept.assoc2 = list(other.assoc2) if not acted else []


def _better_location(kept: Draft, other: Draft) -> EventLocation | None:
    """A place named in the report itself beats one inferred from elsewhere; then the more precise."""
    a, b = kept.location, other.location
    if a is None or not a.name:
        return b or a
    if b is None or not b.name or _own(kept) != _own(other):
        return a if _own(kept) or b is None or not b.name else b
    if b is not None and b.name and (a.precision or 9) > (b.precision or 9):
        return b
    return a


def most_conservative(a: Count | None, b: Count | None) -> Count | None:
    """ACLED keeps the lowest reported figure; a stated figure beats a vague one."""
    if a is None or b is None:
        return a or b
    if a.best is None or b.best is None:
        return a if a.best is not None else b
    return a if a.best <= b.best else b
