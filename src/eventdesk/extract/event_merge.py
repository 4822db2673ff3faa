"""Reports of one incident merged: later mentions, tolls, claims and the acts told as its parts join the
first report of the incident; genuinely distinct incidents (their own place, date or sides) stay apart."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import groupby
from typing import TYPE_CHECKING

from eventdesk.extract.acled_codes import CIVILIANS, PROTESTERS, RIOTERS, STATE
from eventdesk.extract.event_draft import NEARBY_SENTENCES, PEACEFUL, PROTESTS, Draft
from eventdesk.extract.event_typing import INTERVENTION, TERRITORY_FRAMES, Typing, protest_severity
from eventdesk.knowledge.event_types import EventLexicon
from eventdesk.records import Count, DateRange, EventLocation

CROWD_INTERS = frozenset({RIOTERS, PROTESTERS, CIVILIANS})  # the crowd itself

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

VIOLENT_TYPES = frozenset({"Battles", "Violence against civilians", "Explosions/Remote violence"})
DESTRUCTION = "Looting/property destruction"
DESTRUCTION_FRAME = "destruction"
FIGHTING_FRAMES = frozenset({"attack", "clash"})
REMOTE, ON_CIVILIANS = "Explosions/Remote violence", "Violence against civilians"
ARMED_CLASH, GENERIC_ATTACK = "Armed clash", "Attack"
HANDS_ON = frozenset({"Sexual violence", "Abduction/forced disappearance"})
SEIZURE, ARRESTS = "Disrupted weapons use", "Arrests"
SHOW_OF_FORCE, HANDOVER = "show_of_force", "handover"
REPORTED_CLAUSES = frozenset({"ccomp"})  # "the rebels said [their men had shot 14 guards]"
RIOTS, VIOLENT_DEMONSTRATION = "Riots", "Violent demonstration"
LOCATING_VERBS = frozenset({"occur", "happen", "unfold"})  # "the attack occurred in X": where it was
CROWD_TYPES = frozenset({PROTESTS, RIOTS})
GROUND_FIGHTING = frozenset({"Battles", ON_CIVILIANS})
# verbs that tell where a shell, a rocket or a blast landed: the same act as the weapon's firing
LANDING_VERBS = frozenset(
    {"hit", "hits", "hitting", "strike", "strikes", "struck", "target", "targets", "targeted", "slammed"}
)


@dataclass(slots=True)
class _Incident:
    """A kept report and the sentences that told it so far."""

    draft: Draft
    told: set[int] = field(default_factory=set)

    def latest_before(self, sentence: int) -> int:
        return max((s for s in self.told if s <= sentence), default=self.draft.sentence)


def merged_drafts(drafts: list[Draft], lx: EventLexicon) -> list[Draft]:
    """Reports merged first within their sentence ("militiamen stormed the camp and raped women there":
    one act), then across the article, each into the latest incident it tells again."""
    ordered = sorted(drafts, key=lambda d: (d.sentence, _part_kind(d)))  # acts before their parts
    told_together: list[Draft] = []
    for _sentence, group in groupby(ordered, key=lambda d: d.sentence):
        told = list(group)
        references = [d for d in told if _bare_reference(d)]  # "The massacre was followed by fighting"
        told_together += _merged([d for d in told if d not in references], lx, inherit=False) + references
    return _merged(told_together, lx, inherit=True)


def _merged(drafts: list[Draft], lx: EventLexicon, inherit: bool) -> list[Draft]:
    kept: list[_Incident] = []
    for draft in drafts:
        same = _incident_of(kept, draft, lx)
        if same is None:
            if inherit:
                _inherit_date(draft, kept[-1].draft if kept else None)
            kept.append(_Incident(draft, {draft.sentence}))
            continue
        if _only_a_part(same, draft):
            absorb_part(same.draft, draft, lx)
        elif _bare_reference(draft):
            absorb_reference(same.draft, draft)
        else:
            absorb(same.draft, draft, lx)
        same.told.add(draft.sentence)
    return [k.draft for k in kept]


def _incident_of(kept: list[_Incident], draft: Draft, lx: EventLexicon) -> _Incident | None:
    """The latest incident the report tells again or a part of; for a bare reference ("the massacre"), the
    latest incident of its kind told before, else the latest its word can name."""
    latest_first = [k for k in reversed(kept) if not _tells_another_story(k, draft)]
    if not _bare_reference(draft):
        return next((k for k in latest_first if _same_or_part(k, draft)), None)
    for rank in (2, 1):
        found = next((k for k in latest_first if refers_to(k.draft, draft, lx) == rank), None)
        if found is not None:
            return found
    return None


def _tells_another_story(incident: _Incident, draft: Draft) -> bool:
    """A sentence that says it turns to another incident tells none told before it (the acts told in that
    sentence still merge together)."""
    return draft.new_story and draft.sentence not in incident.told


def opens_another_story(sentence: Span, lemmas: frozenset[str], lx: EventLexicon) -> bool:
    """ "Elsewhere, gunmen killed two traders"; "In another attack, ...": 'another' turns to a new incident
    only on an incident noun, not on a count or on people ("they abducted another five women"); a word
    that sets a statement apart ("the ministry said separately") turns to no other incident."""
    if not lemmas.isdisjoint(lx.words("new_story_words")):
        turning = (t for t in sentence if t.lemma_.lower() in lx.words("new_story_words"))
        if any(not _sets_a_telling_apart(t, lx) for t in turning):
            return True
    return any(t.lower_ == "another" and _incident_noun(t.head, lx) for t in sentence)


def _sets_a_telling_apart(word: Token, lx: EventLexicon) -> bool:
    return word.head.lemma_.lower() in lx.words("reporting_verbs")


def _incident_noun(noun: Token, lx: EventLexicon) -> bool:
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or lx.object_kinds.get(lemma) == "person":
        return False
    return lemma in lx.words("story_nouns") or lemma in lx.triggers


def _same_or_part(incident: _Incident, draft: Draft) -> bool:
    return _tells_again(incident, draft) or _is_part(incident, draft)


def _tells_again(incident: _Incident, draft: Draft) -> bool:
    return same_incident(incident.draft, draft, incident.latest_before(draft.sentence))


def _only_a_part(incident: _Incident, draft: Draft) -> bool:
    """A part that is not also a report of the incident itself (which merges in full)."""
    return _is_part(incident, draft) and not _tells_again(incident, draft)


def _part_kind(draft: Draft) -> bool:
    return draft.typing.sub_event_type in (SEIZURE, ARRESTS) or _shown_force(draft)


def dated_by_the_telling(clause: Token, date: DateRange) -> bool:
    """ "In a video on Tuesday, the rebels said their men had shot 14 guards": a date outside the
    reported clause that holds the incident dates the telling; the incident took place then or before."""
    reported = next((t for t in (clause, *clause.ancestors) if t.dep_ in REPORTED_CLAUSES), None)
    if date.span is None or date.assumed or reported is None:
        return False
    start, end = reported.left_edge.idx, reported.right_edge.idx + len(reported.right_edge)
    return not start <= date.span.start < end


def tells_its_own_time_or_place(noun: Token, draft: Draft) -> bool:
    """ "The May bombing of a bus depot in Jos": a definite noun whose own phrase gives a date or a place
    names an incident of its own, not one told before."""
    start, end = noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge)
    date = None if draft.date.assumed else draft.date.span
    place = draft.location.span if draft.location is not None else None
    return any(span is not None and start <= span.start < end for span in (date, place))


def _inherit_date(draft: Draft, previous: Draft | None) -> None:
    """A report with no date of its own that follows another incident ("They also burned the market.")
    continues its story: it took place then, not at some time in the month before publication."""
    if previous is None or not draft.date.assumed or previous.date.assumed:
        return
    if 0 <= draft.sentence - previous.sentence <= 1 and not draft.new_story:
        draft.date = previous.date


def same_incident(first: Draft, second: Draft, latest: int | None = None) -> bool:
    """Two reports are one incident when nothing conflicts: type family, sides, target, date and place;
    `latest` is the last sentence that told the first incident, from which nearness is counted."""
    if first.sentence == second.sentence and PROTESTS in (first.typing.event_type, second.typing.event_type):
        return True  # "police detained 40 people who took part in a rally": the protest and its outcome
    last = first.sentence if latest is None else latest
    if _turned_violent(first, second, last):
        return _dates_agree(first.date, second.date, near=True) and _places_agree(first, second)
    if not _types_agree(first, second):
        return False
    if _protest_and_outcome(first, second):
        return _places_agree(first, second)
    kinds = {first.typing.sub_event_type, second.typing.sub_event_type}
    # looting or burning told in one sentence with the raid it was part of, also when harm made it an attack
    looting = kinds == {DESTRUCTION} or DESTRUCTION_FRAME in {first.frame.name, second.frame.name}
    one_act = first.sentence == second.sentence and looting
    same_kind = first.typing.sub_event_type == second.typing.sub_event_type
    if same_kind and first.target and second.target and first.target != second.target and not one_act:
        return False  # "looted the market and burned houses": one act of destruction, two targets
    a, b = first.typing, second.typing
    if _taken_by_force(first, second) or _fighting_around(first, second) or _where_it_landed(first, second):
        return True
    if (
        first.sentence == second.sentence
        and a.sub_event_type != b.sub_event_type
        and a.event_type != b.event_type
        and DESTRUCTION not in kinds
    ):
        return False  # "kidnapped advisers and exploded bombs": two acts told side by side
    near = abs(second.sentence - last) <= NEARBY_SENTENCES or second.anaphoric
    own_account = _doers_own_account(first, second)
    if (_agents_conflict(first, second) and not _change_of_hands(first, second)) or not (
        first.sides() & second.sides() or near or own_account
    ):
        return False
    if _stands_alone(first, second):
        return False
    dated_alike = _told_dates_agree(first, second) or _dates_agree(
        first.date, second.date, near or own_account or _same_named_doer(first, second)
    )
    return dated_alike and _places_agree(first, second)


def _taken_by_force(first: Draft, second: Draft) -> bool:
    """ "Insurgents attacked Palma and gained control of the town": the fighting for a place and its taking,
    told in one sentence by one side, are one incident (ACLED codes the taking)."""
    frames = {first.frame.name, second.frame.name}
    one_report = first.sentence == second.sentence and not _agents_conflict(first, second)
    return one_report and bool(frames & TERRITORY_FRAMES) and frames <= TERRITORY_FRAMES | FIGHTING_FRAMES


def _fighting_around(first: Draft, second: Draft) -> bool:
    """ "Mortars fired by the militia hit a clinic while fighting for the town went on": fighting that no one
    is said to do, told in the sentence of a violent act, is that act's setting, not a second incident."""
    if first.sentence != second.sentence or not _types_agree(first, second):
        return False
    for fight, act in ((first, second), (second, first)):
        if fight.typing.sub_event_type == ARMED_CLASH and (
            fight.actor1 is None or fight.sides() <= act.sides()
        ):
            return act.typing.sub_event_type != ARMED_CLASH
    return False


def _where_it_landed(first: Draft, second: Draft) -> bool:
    """ "Mortars fired by the militia hit a clinic": the firing and where it hit are one act."""
    if first.sentence != second.sentence or _agents_conflict(first, second):
        return False
    kinds = {first.typing.event_type, second.typing.event_type}
    landing = next((d for d in (first, second) if _generic_attack(d)), None)
    return (
        kinds == {REMOTE, ON_CIVILIANS}
        and landing is not None
        and landing.trigger.text.lower() in LANDING_VERBS
    )


def _is_part(incident: _Incident, part: Draft) -> bool:
    """Acts that ACLED codes inside the incident they belong to, not as events of their own: weapons
    seized or recovered in a fight or an attack, by a side of it ("shot nine guards and carried off their
    rifles"; "a machine gun was found"), and arrests that end a protest or a riot ("Eleven people were
    held."). Told in a sentence of the incident, or right after it with no date of its own."""
    kept = incident.draft
    kind, family = part.typing.sub_event_type, kept.typing.event_type
    seizure = kind == SEIZURE and family in GROUND_FIGHTING and _by_a_side(kept, part)
    arrests = kind == ARRESTS and family in CROWD_TYPES and (not part.actor1_named or part.inter1 == STATE)
    if not (seizure or arrests or _crowd_put_down(kept, part)) or part.sentence < kept.sentence:
        return False
    in_its_sentence = part.sentence in incident.told
    right_after = 0 < part.sentence - incident.latest_before(part.sentence) <= NEARBY_SENTENCES
    undated = part.date.assumed or _dates_agree(kept.date, part.date, near=True)
    return (in_its_sentence or (right_after and undated)) and _places_agree(kept, part)


def _crowd_put_down(kept: Draft, part: Draft) -> bool:
    """ "Youths burned tyres and stoned the police. Police fired tear gas.": how a riot was broken up is
    part of the riot, which stays a riot; shots fired in the air right after a protest are how it was
    ended (ACLED: a protest with intervention)."""
    outcome = part.typing.event_type == PROTESTS and part.typing.sub_event_type != PEACEFUL
    shown = part.frame.name == SHOW_OF_FORCE and kept.typing.event_type in CROWD_TYPES
    return (kept.typing.event_type == RIOTS and outcome) or shown


def _shown_force(part: Draft) -> bool:
    return part.frame.name == SHOW_OF_FORCE


def _by_a_side(kept: Draft, part: Draft) -> bool:
    """No one is named as the doer, or the doer is a side of the incident."""
    return part.actor1 is None or not part.actor1_named or part.actor1 in kept.sides()


def refers_to(kept: Draft, mention: Draft, lx: EventLexicon) -> int:
    """ "The killings were followed two days later by clashes near the dam"; "The capture hands the rebels
    the border crossing": a definite noun that names an incident already told, with no side or toll of
    its own, is that incident; the date and place of its sentence belong to what else the sentence tells.
    2: an incident of its kind; 1: one its word can name; 0: neither."""
    if not _bare_reference(mention) or mention.sentence <= kept.sentence:
        return 0
    same_family = mention.typing.event_type == kept.typing.event_type
    violent = {mention.typing.event_type, kept.typing.event_type} <= VIOLENT_TYPES
    if same_family or violent:
        return 2
    return 1 if _can_name(mention, kept, lx) else 0


def _bare_reference(draft: Draft) -> bool:
    """A definite noun naming an incident, with no side or toll of its own."""
    return draft.anaphoric and not draft.sides() and not _counted(draft.fatalities)


def _counted(count: Count | None) -> bool:
    return count is not None and count.best is not None


def _can_name(mention: Draft, kept: Draft, lx: EventLexicon) -> bool:
    """The mention's word can name the kept incident's kind ("capture": a town taken or a person held)."""
    entries = lx.triggers.get(mention.trigger.text.lower(), [])
    return any(kept.frame.name in entry.frames for entry in entries)


def _protest_and_outcome(first: Draft, second: Draft) -> bool:
    """ "Students marched in Dhaka. Police dispersed the protesters.": the protest and how it ended."""
    protests = first.typing.event_type == second.typing.event_type == PROTESTS
    outcome = second.typing.sub_event_type != first.typing.sub_event_type
    return protests and outcome and 0 <= second.sentence - first.sentence <= NEARBY_SENTENCES


def _turned_violent(first: Draft, second: Draft, last: int) -> bool:
    """ "Traders marched on the town hall. Some of them then hurled rocks at officers.": a demonstration that
    its crowd then turns violent right after is one riot (ACLED: a violent demonstration)."""
    protest = first.typing.event_type == PROTESTS and second.typing.sub_event_type == VIOLENT_DEMONSTRATION
    crowd = second.actor1 is None or second.inter1 in CROWD_INTERS
    return protest and crowd and 0 < second.sentence - last <= NEARBY_SENTENCES


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
    if _hands_on_and_remote(first, second):
        return False
    if {first.frame.name, second.frame.name} <= TERRITORY_FRAMES | {HANDOVER}:
        return True  # "troops withdrew from the village ... the rebels said they had taken it"
    if a.sub_event_type == b.sub_event_type or all(violent) or a.event_type == b.event_type == PROTESTS:
        return True  # a protest and how it ended, told apart
    if first.sentence == second.sentence and a.event_type == b.event_type:
        return True  # "detained the president and seized power": one development
    destruction = DESTRUCTION in (a.sub_event_type, b.sub_event_type)
    one_report = first.sentence == second.sentence  # "killed 8 civilians and set fire to houses"
    return (
        destruction
        and any(violent)
        and (one_report or _same_doer(first, second) or _by_the_attackers(second))
    )


def _by_the_attackers(destruction: Draft) -> bool:
    """ "The attackers also torched houses": destruction by a doer the report does not name is done by the
    side of the violent incident it follows."""
    return destruction.typing.sub_event_type == DESTRUCTION and not destruction.actor1_named


def _hands_on_and_remote(first: Draft, second: Draft) -> bool:
    """A rape or an abduction is never what a shell or a bomb did: told with a shelling, it is its own act."""
    kinds = {first.typing.sub_event_type, second.typing.sub_event_type}
    return bool(kinds & HANDS_ON) and REMOTE in (first.typing.event_type, second.typing.event_type)


def _stands_alone(first: Draft, second: Draft) -> bool:
    """ "The gang lays mines on farm tracks. In Tijuana, gunmen shot two brothers on Friday.": a report
    with a place and a date of its own does not join an incident that has neither."""
    placed_alone = _own(second) and not _own(first)
    return placed_alone and _own_date(second) and first.date.assumed


def _own_date(draft: Draft) -> bool:
    return not draft.date.assumed and not draft.told_on


def _doers_own_account(first: Draft, second: Draft) -> bool:
    """ "The army said an air raid around the town had neutralised gunmen": the doer's own
    undated account of a violent act is its version of the violent incident, whomever it says it hit."""
    same_kind = {first.typing.event_type, second.typing.event_type} <= VIOLENT_TYPES
    by_the_doer = first.actor1 is not None and first.actor1 in second.sources
    undated = second.date.assumed and second.actor1 in (None, first.actor1)
    return same_kind and by_the_doer and undated


def _same_named_doer(first: Draft, second: Draft) -> bool:
    """Both reports name the same group as the doer: a report of it with no date of its own is the same
    incident ("the group claimed the blast, saying its target had been a police post")."""
    return first.actor1_named and second.actor1_named and _same_doer(first, second)


def _told_dates_agree(first: Draft, second: Draft) -> bool:
    """A date that is only when a source told the incident agrees with any date on or before it."""
    a, b = first.date, second.date
    if not (a.start and a.end and b.start and b.end) or a.assumed or b.assumed:
        return False
    if first.told_on and not second.told_on:
        return b.start <= a.end
    if second.told_on and not first.told_on:
        return a.start <= b.end
    return False


def _same_doer(first: Draft, second: Draft) -> bool:
    return first.actor1 is not None and first.actor1 == second.actor1


def _dates_agree(a: DateRange, b: DateRange, near: bool) -> bool:
    if a.assumed or b.assumed:
        return (a.assumed and b.assumed) or near
    if not (a.start and a.end and b.start and b.end):
        return True
    return a.start <= b.end and b.start <= a.end


def _places_agree(first: Draft, second: Draft) -> bool:
    """Places conflict only when both reports name their own (not one inferred from elsewhere); a country
    holds its towns ("its branch in Somalia claimed the blast" in Baidoa)."""
    a, b = first.location, second.location
    if a is None or b is None or not a.name or not b.name or not (_own(first) and _own(second)):
        return True
    one_toll = not (_counted(first.fatalities) and _counted(second.fatalities))
    if one_toll and (_holds(a, b) or _holds(b, a)):
        return True  # two tolls, one for the province and one for a town in it, are two incidents
    if a.geonameid and b.geonameid:
        return a.geonameid == b.geonameid
    names_a = {n for n in (a.name, a.detail) if n}
    names_b = {n for n in (b.name, b.detail) if n}
    return bool(names_a & names_b) or any(n in e.text for n in names_a for e in second.evidence)


def _holds(broad: EventLocation, place: EventLocation) -> bool:
    """A country holds its towns, a province or a district the places inside it ("Gwoza district" in "Borno
    State")."""
    feature = broad.feature or ""
    if feature.startswith("PCL"):
        return broad.country is not None and broad.country == place.country
    if feature == "ADM1":
        return broad.country == place.country and broad.admin1 is not None and broad.admin1 == place.admin1
    if feature == "ADM2":
        return broad.admin1 == place.admin1 and broad.admin2 is not None and broad.admin2 == place.admin2
    return False


def _own(draft: Draft) -> bool:
    span = draft.location.span if draft.location is not None else None
    return span is not None and any(e.contains(span) for e in draft.evidence)


def _copied(typing: Typing) -> Typing:
    """A typing taken over by another report: its own copy, as later steps change it in place."""
    return replace(typing, plover=replace(typing.plover, context=list(typing.plover.context)))


def absorb(kept: Draft, other: Draft, lx: EventLexicon) -> None:
    """Fold a second report of the same incident into the first: fill what it lacks, keep all evidence."""
    told_remote = kept.typing if kept.typing.event_type == REMOTE else other.typing
    if other.sentence == kept.sentence and other.fatalities and not kept.fatalities:
        kept.typing = _copied(other.typing)  # "killed 12 and abducted dozens": the killing types the incident
    elif _more_specific(other, kept):
        kept.typing, kept.frame = _copied(other.typing), other.frame  # "abducted and raped a woman"
    if kept.typing.sub_event_type == DESTRUCTION and other.typing.event_type in VIOLENT_TYPES:
        kept.typing = _copied(other.typing)  # the attack in which the houses were burned
    if kept.frame.name == HANDOVER and other.frame.name in TERRITORY_FRAMES:
        _taken_from(kept, other)
    if _generic_attack(kept) and told_remote.event_type == REMOTE:
        kept.typing = _copied(told_remote)  # "gunmen stormed the gate ... one detonated his vest"
    turned_violent = (
        kept.typing.event_type == PROTESTS and other.typing.sub_event_type == VIOLENT_DEMONSTRATION
    )
    if turned_violent:
        _become_riot(kept, other)
    elif other.typing.event_type == PROTESTS and kept.typing.event_type != PROTESTS:
        _become_protest(kept, other)
    elif kept.typing.event_type == other.typing.event_type == PROTESTS:
        _join_outcome(kept, other, lx)
    if (
        other.actor1_named
        and not kept.actor1_named
        and other.actor1 not in kept.sides()
        and not turned_violent
    ):
        kept.actor1, kept.inter1, kept.actor1_text = other.actor1, other.inter1, other.actor1_text
        kept.actor1_named = True  # "Gunmen stormed a hotel ... Al-Shabaab said it carried out the attack."
    if not turned_violent:
        _fill_sides(kept, other)
    kept.target = kept.target or other.target
    if (kept.date.assumed and not other.date.assumed) or (
        kept.told_on and not other.date.assumed and not other.told_on
    ):
        kept.date, kept.told_on = other.date, other.told_on
    kept.location = _better_location(kept, other)
    kept.fatalities = _joined_toll(kept, other)
    kept.injuries = most_conservative(kept.injuries, other.injuries)
    kept.sources += [s for s in other.sources if s not in kept.sources]
    kept.evidence += [e for e in other.evidence if e not in kept.evidence]


def _change_of_hands(first: Draft, second: Draft) -> bool:
    """One side withdrew and the other took the place: their doers differ by nature."""
    frames = {first.frame.name, second.frame.name}
    return HANDOVER in frames and bool(frames & TERRITORY_FRAMES)


def _taken_from(withdrawal: Draft, taking: Draft) -> None:
    """A side's withdrawal from a place that the other side says it took: the taking, by the taker, from
    the side that withdrew (ACLED codes the change of hands once, by how it happened)."""
    withdrawal.typing, withdrawal.frame = taking.typing, taking.frame
    if taking.actor1 is not None and taking.actor1 != withdrawal.actor1:
        withdrawal.actor2, withdrawal.inter2, withdrawal.actor2_text = (
            withdrawal.actor1,
            withdrawal.inter1,
            withdrawal.actor1_text,
        )
        withdrawal.actor1, withdrawal.inter1, withdrawal.actor1_text = (
            taking.actor1,
            taking.inter1,
            taking.actor1_text,
        )
        withdrawal.actor1_named = taking.actor1_named


def _generic_attack(draft: Draft) -> bool:
    """An attack on civilians told by no weapon; ACLED codes one done by explosives or from afar as remote
    violence whoever it hit."""
    return draft.typing.event_type == ON_CIVILIANS and draft.typing.sub_event_type == GENERIC_ATTACK


def absorb_reference(kept: Draft, mention: Draft) -> None:
    """A definite noun naming the incident adds its sentence and its sources; the date and the place of that
    sentence are what else it tells ("The killings were followed two days later by clashes near the dam"). Its
    word may say how the incident was done ("the bombing")."""
    if _generic_attack(kept) and mention.typing.event_type == REMOTE:
        kept.typing, kept.frame = _copied(mention.typing), mention.frame
    kept.sources += [s for s in mention.sources if s not in kept.sources]
    kept.evidence += [e for e in mention.evidence if e not in kept.evidence]
    if _locates_the_incident(mention) and _finer_within(kept.location, mention.location):
        kept.location = mention.location  # "The attack took place in Bannu district": where it was


def _finer_within(broad: EventLocation | None, place: EventLocation | None) -> bool:
    if broad is None or place is None:
        return False
    return _holds(broad, place) and (place.precision or 9) < (broad.precision or 9)


def _locates_the_incident(mention: Draft) -> bool:
    """ "The attack took place in X", "the blast happened near Y": a sentence that only says where (and
    when) the incident was."""
    return bool(mention.lemmas & LOCATING_VERBS) or {"take", "place"} <= mention.lemmas


def absorb_part(kept: Draft, part: Draft, lx: EventLexicon) -> None:
    """An act told as part of an incident: the incident keeps its type and sides and gains the act's
    evidence and sources; arrests make a peaceful protest one with intervention, by the arresting side."""
    if kept.typing.event_type == PROTESTS and (part.typing.sub_event_type == ARRESTS or _shown_force(part)):
        kept.typing.sub_event_type = max(
            kept.typing.sub_event_type, INTERVENTION, key=lambda t: protest_severity(t, lx)
        )
        kept.typing.event_type = lx.event_type_of(kept.typing.sub_event_type)
    intervener = (part.actor2, part.inter2, part.actor2_text) if part.typing.event_type == PROTESTS else None
    intervener = intervener or (part.actor1, part.inter1, part.actor1_text)
    if kept.typing.event_type in CROWD_TYPES and kept.actor2 is None and intervener[0] is not None:
        kept.actor2, kept.inter2, kept.actor2_text = intervener
    kept.target = kept.target or part.target
    kept.sources += [s for s in part.sources if s not in kept.sources]
    kept.evidence += [e for e in part.evidence if e not in kept.evidence]


def _more_specific(other: Draft, kept: Draft) -> bool:
    """Two acts of one kind told in one sentence: the frame of higher priority names the incident (a rape
    over an abduction, a town taken over the fight for it, a coup over the arrests it made)."""
    same_kind = other.typing.event_type == kept.typing.event_type != PROTESTS  # protests: the worst outcome
    same_kind = same_kind or _taken_by_force(kept, other)
    return other.sentence == kept.sentence and same_kind and other.frame.priority > kept.frame.priority


def _become_riot(protest: Draft, riot: Draft) -> None:
    """The crowd that marched is the crowd that rioted: it stays actor1; whom it fought is actor2."""
    protest.typing, protest.frame = riot.typing, riot.frame
    if protest.actor2 is None and riot.actor2 is not None:
        protest.actor2, protest.inter2, protest.actor2_text = riot.actor2, riot.inter2, riot.actor2_text


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
    kept.typing = _copied(protest.typing)
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


def _joined_toll(kept: Draft, other: Draft) -> Count | None:
    """The dead of both sides told in one sentence add up ("killed three soldiers, and troops killed eight
    of the attackers": 11); figures from separate tellings that differ give the lower, the higher kept
    as the high estimate."""
    a, b = kept.fatalities, other.fatalities
    if a is None or b is None or a.best is None or b.best is None or a.span == b.span:
        return most_conservative(a, b)
    if _both_sides_hit(kept, other) and _one_telling(kept, other, a, b):
        return Count(best=a.best + b.best, low=_total(a.low, b.low), high=_total(a.high, b.high), text=a.text)
    lower, higher = (a, b) if a.best <= b.best else (b, a)
    if lower.best == higher.best:
        return lower
    return replace(lower, high=max(n for n in (lower.high, higher.best, higher.high) if n is not None))


def _both_sides_hit(kept: Draft, other: Draft) -> bool:
    """Each report's dead are the side the other report says did the killing."""
    return bool(kept.actor2 and other.actor2 and kept.actor2 == other.actor1 and other.actor2 == kept.actor1)


def _one_telling(kept: Draft, other: Draft, a: Count, b: Count) -> bool:
    spans = [s for s in (a.span, b.span) if s is not None]
    return len(spans) == 2 and any(all(e.contains(s) for s in spans) for e in kept.evidence + other.evidence)


def _total(a: int | None, b: int | None) -> int | None:
    return None if a is None or b is None else a + b


def most_conservative(a: Count | None, b: Count | None) -> Count | None:
    """ACLED keeps the lowest reported figure; a stated figure beats a vague one."""
    if a is None or b is None:
        return a or b
    if a.best is None or b.best is None:
        return a if a.best is not None else b
    return a if a.best <= b.best else b
