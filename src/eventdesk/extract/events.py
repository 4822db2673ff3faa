"""Events: ACLED-style incidents with evidence, and PLOVER-coded actions that are not incidents.

One pass over each sentence finds trigger words (event_detect); those that are modal, negated, intended,
counted over a period, inside a claim or a propaganda description are dropped; the rest are grouped by
clause, read for agent, patient, date, place and casualties (event_roles, event_fill), typed (event_typing),
and several tellings of one incident in an article become one event (event_merge). Triggers of
non-incident frames (demands, threats, visits...) become `Result.actions`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.attrs import LEMMA, LOWER

from eventdesk.extract.acled_codes import (
    ARMED,
    CIVILIAN_GROUP,
    CIVILIANS,
    EXTERNAL,
    PROTESTER_GROUP,
    PROTESTERS,
    RIOTERS,
    STATE,
)
from eventdesk.extract.attribution import article_units
from eventdesk.extract.event_detect import (
    PLACE_ENTS,
    Trigger,
    claimed_by,
    clause_root,
    enumerated_items,
    find_triggers,
    governing_trigger,
    is_aggregate,
    is_aggregate_item,
    is_anchored,
    is_background,
    is_counted_over_a_period,
    is_depicted,
    is_heading,
    is_practice,
    is_recalled,
    pledge_frame,
    trigger_starts,
    unreal_reason,
    without_dateline,
)
from eventdesk.extract.event_draft import (
    EXCESSIVE_FORCE,
    NEARBY_SENTENCES,
    PEACEFUL,
    PROTESTS,
    Draft,
)
from eventdesk.extract.event_fill import (
    assumed_date,
    casualties,
    date_in,
    fatal_lemmas,
    is_toll_line,
    location_for,
    name_unnamed_sides,
    register_sides,
    restates_total,
    sources_for,
)
from eventdesk.extract.event_generic import is_generic_mention, refers_back
from eventdesk.extract.event_merge import (
    dated_by_the_telling,
    merged_drafts,
    opens_another_story,
    tells_its_own_time_or_place,
)
from eventdesk.extract.event_roles import (
    Party,
    Roles,
    clause_subject,
    dead_read_as_verb,
    names_a_thing,
    note_people,
    other_side,
    partners,
    party,
    read_roles,
    victim_roles,
)
from eventdesk.extract.event_typing import (
    INTERVENTION,
    TERRITORY_FRAMES,
    any_cue,
    contexts,
    in_word_order,
    interaction,
    protest_outcome,
    protest_severity,
    type_incident,
)
from eventdesk.knowledge import Knowledge
from eventdesk.knowledge.event_types import EventLexicon, Frame, SenseRule
from eventdesk.records import Action, Count, DateRange, Event, Plover, Result, Span

ARMED_OR_CROWD = ARMED | {RIOTERS, PROTESTERS}

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventdesk.analyse.pipeline import AnalysedArticle

ANAPHORIC_DETERMINERS = frozenset({"the", "those", "these", "this", "that"})
PLACE_WITNESS_VERBS = frozenset({"witness", "see", "experience", "suffer"})
UNIDENTIFIED = "unidentified actors"
COERCE = "COERCE"
REGAINS, OVERTAKES = "Government regains territory", "Non-state actor overtakes territory"
CONFLICT_CONTEXTS = frozenset({"military", "terrorism"})
ACTION_CONFIDENCE = 0.5
WEEK_DAYS = 7
UNNAMED = "Unidentified"  # the actor dictionary's prefix for groups the text does not name
PROTEST_FRAME = "protest"
COUP_FRAME = "coup"
CHANGE, DEPLOYMENT = "Change to group/activity", "deployment"
ARRESTS, DISAPPEARANCE = "Arrests", "Abduction/forced disappearance"
REQUEST = "REQUEST"
SPEAKERS_THEMSELVES = frozenset({"we", "i"})
REMOTE_VIOLENCE = "Explosions/Remote violence"
POLITICAL_VIOLENCE = frozenset({"Battles", REMOTE_VIOLENCE, "Violence against civilians"})
CAUSE_PREPS = frozenset({"against", "over", "about", "for"})
STOPPING_FRAMES = frozenset({"arrest", "dispersal"})  # what stops a protest that people try to hold
DAY_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today"}
)
CONFLICT_NOUNS = frozenset(
    {"war", "conflict", "insurgency", "violence", "crisis", "unrest", "uprising", "rebellion"}
)
HISTORY_WORDS = frozenset({"since", "during", "once", "formerly", "previously", "long"})  # a party's past
PEACEFUL_END = ("peacefully", "without incident", "without violence", "no incidents were reported")
ANNOUNCED_MODALS = frozenset({"modal will", "modal would", "modal 'll"})


def extract_events(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    note_people(art, result.people)
    reader = _ArticleReader(art, kb.event_lexicon, result)
    for index, unit in enumerate(article_units(art)):
        sentence = without_dateline(unit)
        if not len(sentence):
            continue
        lemmas = in_word_order(reader.token_lemmas[sentence.start : sentence.end])
        if not is_heading(sentence) or is_toll_line(sentence, lemmas, reader.lx):
            reader.read_segment(sentence, index, lemmas)
    reader.attach_interventions()
    reader.read_protest_tolls()
    reader.mark_disappearances()
    drafts = merged_drafts(reader.drafts, reader.lx)
    for draft in drafts:
        _foreign_forces(draft, reader.country_by_name, reader.lx)
        name_unnamed_sides(reader.art, draft, kb)
        _crowd_as_protesters(draft, kb)
    result.events.extend(_event(draft, number, reader) for number, draft in enumerate(drafts, start=1))
    result.actions.extend(reader.actions)
    register_sides(result, kb)


def _token_words(doc: Doc, lx: EventLexicon) -> tuple[list[str], list[str]]:
    """Every token's lemma as `EventLexicon.lemma_of` gives it, and its lower-case form, read from the
    Doc's arrays at once."""
    strings, rows = doc.vocab.strings, doc.to_array([LEMMA, LOWER]).tolist()
    lowers = [strings[lower] for _, lower in rows]
    lemmas = [lx.lemma_of(strings[lemma], lower) for (lemma, _), lower in zip(rows, lowers, strict=True)]
    return lemmas, lowers


class _ArticleReader:
    def __init__(self, art: AnalysedArticle, lx: EventLexicon, result: Result) -> None:
        self.art, self.lx, self.result = art, lx, result
        counts_over_periods = [c.evidence for c in result.claims if _is_period(c.period, lx)]
        self.excluded = counts_over_periods + [m.evidence for m in result.media]
        self.inter_by_name = {a.name: a.inter for a in result.actors if a.inter is not None}
        self.country_by_name = {a.name: a.country for a in result.actors if a.country}
        self.drafts: list[Draft] = []
        self.actions: list[Action] = []
        self.action_sentences: list[tuple[int, frozenset[str]]] = []  # where each action was read
        self.backdrop: list[Trigger] = []  # background incidents: they may still name the sides
        self.lemmas_by_sentence: dict[int, frozenset[str]] = {}
        self.told_in_reactions: set[int] = set()  # incidents first told as what a reaction is about
        self.claimed_here: dict[int, Party] = {}  # incidents first told in their claim -> the claimant
        self.cued_senses: dict[str, Frame] = {}  # trigger word -> the sense its cues gave earlier on
        self.fatal_words = fatal_lemmas(lx)
        # words that make a sentence without a trigger worth reading: a toll, a killing, a demand
        casualties = lx.casualty_incident_words | lx.injury_words | self.fatal_words
        self.telling_words = casualties | lx.words("demand_modals")
        self.span_by_sentence: dict[int, Span] = {}  # a sentence's evidence, for outcomes told after it
        self.causes_by_start: dict[int, set[str]] = {}  # a sentence's protest causes, read once
        self.words_by_segment: dict[tuple[str, int, int], set[str]] = {}  # struck and denied words, read once
        self.token_lemmas, lowers = _token_words(art.doc, lx)
        self.trigger_starts = trigger_starts(self.token_lemmas, lowers, lx)

    def read_segment(self, segment: SpacySpan, sentence: int, lemmas: frozenset[str]) -> None:
        self.lemmas_by_sentence[sentence] = lemmas
        self.span_by_sentence[sentence] = _evidence(self.art, segment)
        if not any(self.trigger_starts[segment.start : segment.end]) and lemmas.isdisjoint(
            self.telling_words
        ):
            return  # no trigger, no casualty, no demand: the sentence reports nothing
        found = self._in_the_article_sense(
            find_triggers(segment, self.lx, lemmas, self.trigger_starts), lemmas
        )
        triggers = self._foreground(self._real_or_pledged(found))
        action_triggers = [t for t in triggers if t.frame.acled is None and not _names_a_kind(t)]
        incidents: list[Trigger] = []
        for trigger in triggers:
            if trigger.frame.acled is not None and self._anchored(trigger):
                incidents += self._as_incidents(trigger, segment, sentence, lemmas)
        incidents += self._killings_of_their_own(segment, sentence, lemmas, incidents, action_triggers)
        drafts = [self._draft(group, segment, sentence, lemmas) for group in _by_clause(incidents)]
        for draft, group in zip(drafts, _by_clause(incidents), strict=True):
            self._credit_claim_told_here(draft, group)
        new = _without_parts_of_a_coup([d for d in drafts if not self._unarmed_fight(d)], self.lx)
        new = _without_side_notes(new, self.lx)
        # counted over a period ("defaced 3,000 sites over the past month") or by no armed side: a PLOVER
        # action, not an ACLED incident
        counted = {clause_root(t.head).i for t in incidents if is_counted_over_a_period(t, self.lx)}
        actions = [d for d in new if d.root in counted or _over_a_period(d, self.lx) or _lacks_armed_agent(d)]
        self.actions += [_as_action(d) for d in actions]
        self.action_sentences += [(d.sentence, d.lemmas) for d in actions]
        new = [d for d in new if all(d is not a for a in actions)]
        if not incidents and self._is_toll(segment, sentence, lemmas):
            for draft in self._add_casualties(self._incident_before(sentence)[-1:], segment, lemmas):
                _add_evidence(draft, _evidence(self.art, segment))
                self._victims_as_second_side(draft, segment)
        self._add_casualties(new, segment, lemmas)
        self.drafts += new
        roots = {clause_root(t.head).i for t in incidents}
        self._read_actions(action_triggers, roots, segment, sentence, lemmas)
        if not self.lx.words("demand_modals").isdisjoint(lemmas):
            self._read_demands(segment, sentence, lemmas)

    def _in_the_article_sense(self, triggers: list[Trigger], lemmas: frozenset[str]) -> list[Trigger]:
        """An ambiguous word keeps the sense its cues gave it earlier in the article ("strikes by fighter
        aircraft ... one strike hit a unit": an air strike) where this sentence holds no cue of its own;
        the senses that last are data (`article_senses`), the cues not what a strike hit."""
        for trigger in triggers:
            rules = self.lx.senses.get(trigger.word, [])
            lasting = trigger.frame.name in self.lx.words("article_senses")
            cues = lemmas - self._struck_in(trigger.head.sent) if lasting else frozenset()
            if lasting and any(rule.frame == trigger.frame.name and rule.near & cues for rule in rules):
                self.cued_senses[trigger.word] = trigger.frame
            elif trigger.word in self.cued_senses and _by_default(trigger, rules):
                trigger.frame = self.cued_senses[trigger.word]
        return triggers

    def _real_or_pledged(self, triggers: list[Trigger]) -> list[Trigger]:
        """Real triggers; an unreal one a party commits to becomes its pledge or threat (one a clause)."""
        kept: list[Trigger] = []
        pledged: set[int] = set()
        reasons = [unreal_reason(trigger, self.lx) for trigger in triggers]
        told = zip(triggers, reasons, strict=True)
        stopped = any(r is None and t.frame.name in STOPPING_FRAMES for t, r in told)
        for trigger, reason in zip(triggers, reasons, strict=True):
            if reason is None or _announced_change(trigger, reason) or _attempted(trigger, reason, stopped):
                kept.append(trigger)
                continue
            frame = pledge_frame(trigger, reason, self.lx)
            root = clause_root(trigger.head).i
            if frame is not None and root not in pledged and not _has_subject_trigger(trigger, triggers):
                pledged.add(root)
                kept.append(Trigger(trigger.head, trigger.start, trigger.end, frame, trigger.word))
        return kept

    def _unarmed_fight(self, draft: Draft) -> bool:
        """ "Two neighbours came to blows over a parking space": no armed side, weapon or conflict setting."""
        if not draft.frame.armed_side or {draft.inter1, draft.inter2} & ARMED:
            return False
        if not self.lx.words("crowd_weapon_cues").isdisjoint(draft.lemmas):
            return False  # "youths from two villages clashed with machetes": mob violence
        return not any(set(self.lx.context_cues.get(lemma, ())) & CONFLICT_CONTEXTS for lemma in draft.lemmas)

    def _killings_of_their_own(
        self,
        segment: SpacySpan,
        sentence: int,
        lemmas: frozenset[str],
        incidents: list[Trigger],
        actions: list[Trigger],
    ) -> list[Trigger]:
        """Killings told in a clause of their own: with nothing else reported in the sentence, or with a
        stated killer ("gunmen killed 12 people and abducted dozens": the killing and the abduction)."""
        if not self.lx.casualty_incident_words & lemmas:
            return []
        roots = {clause_root(t.head).i for t in incidents}
        alone = not incidents and not any(d.sentence == sentence for d in self.drafts)
        alone = alone and not self._is_toll(segment, sentence, lemmas)
        found = self._foreground(self._casualty_triggers(segment) + actions)
        return [
            t
            for t in found
            if t.frame.acled is not None
            and clause_root(t.head).i not in roots
            and not _tells_a_toll_of(t, incidents)
            and (alone or _has_killer(t.head))
        ]

    def _is_toll(self, segment: SpacySpan, sentence: int, lemmas: frozenset[str]) -> bool:
        """ "Militants attacked a base. Two soldiers were killed.": killings with no stated killer right
        after an incident are its toll, not an incident of their own; not when the sentence names a place
        or a date of its own ("... were killed in Kano on Tuesday") or victims other than the incident's
        sides."""
        if opens_another_story(segment, lemmas, self.lx):
            return False
        before = self._incident_before(sentence)
        if not before or self._names_own_place_or_date(segment):
            return False
        return not self._other_victims(before[-1], segment)

    def _victims_as_second_side(self, draft: Draft, segment: SpacySpan) -> None:
        """ "Warplanes bombed a district of Nyala. Seven civilians were killed.": the toll's victims are the
        side hit when the incident named none; not unnamed armed men, who may be the attackers themselves."""
        if draft.actor2 is not None:
            return
        words = self.lx.fatal_words | self.lx.injury_words
        for token in (t for t in segment if t.lemma_.lower() in words):
            victims = victim_roles(self.art, token, self.lx)[1]
            if victims is None or not victims.is_side or not victims.is_actor:
                continue
            name, inter, text = self._side(victims)
            if name != draft.actor1 and not name.startswith(UNNAMED):
                draft.actor2, draft.inter2, draft.actor2_text = name, inter, text
                draft.assoc2 = [victims.identity] if victims.identity else []
            return

    def _incident_before(self, sentence: int) -> list[Draft]:
        """The drafts a toll counts for: the previous sentence's, or past one sentence that reports nothing
        ("A bomber struck a market. Boko Haram suspected. 4 fatalities.")."""
        before = self._drafts_of(sentence - 1)
        if before or sentence < 2 or any(s == sentence - 1 for s, _ in self.action_sentences):
            return before
        return self._drafts_of(sentence - 2)

    def _drafts_of(self, sentence: int) -> list[Draft]:
        return [d for d in self.drafts if d.sentence == sentence]

    def _names_own_place_or_date(self, segment: SpacySpan) -> bool:
        if date_in(self.art, segment, segment.start_char, segment.end_char, segment.start_char) is not None:
            return True
        place = location_for(self.art, segment)
        own = place.span if place is not None else None
        return own is not None and _evidence(self.art, segment).contains(own)

    def _other_victims(self, draft: Draft, segment: SpacySpan) -> bool:
        """The killed are a named side that is neither side of an incident whose sides are both known."""
        if draft.actor1 is None or draft.actor2 is None:
            return False
        words = self.lx.fatal_words | self.lx.injury_words
        for token in (t for t in segment if t.lemma_.lower() in words):
            victims = victim_roles(self.art, token, self.lx)[1]
            if victims is not None and victims.is_side:
                return self._side(victims)[0] not in draft.sides()
        return False

    def mark_disappearances(self) -> None:
        """ "Police picked up a student. His whereabouts remain unknown.": a detention that no one
        acknowledges, told in the next sentence, is a forced disappearance."""
        cues = [tuple(cue.split()) for cue in self.lx.words("disappearance_cues")]
        for draft in (d for d in self.drafts if d.typing.sub_event_type == ARRESTS):
            following = self.lemmas_by_sentence.get(draft.sentence + 1, frozenset())
            if any_cue(cues, following):
                draft.typing.sub_event_type = DISAPPEARANCE
                draft.typing.event_type = self.lx.event_type_of(DISAPPEARANCE)

    def read_protest_tolls(self) -> None:
        """ "Soldiers fired at protesters in Lagos. At least 12 killed.": a note's toll, told in the next
        sentence that reports nothing of its own, says how the protest ended."""
        told = {d.sentence for d in self.drafts} | {s for s, _ in self.action_sentences}
        for draft in (d for d in self.drafts if d.typing.event_type == PROTESTS):
            following = self.lemmas_by_sentence.get(draft.sentence + 1)
            if following is None or draft.sentence + 1 in told or following & self.lx.words("negations"):
                continue
            current = draft.typing.sub_event_type
            outcome = protest_outcome(current, following, self.lx)
            if protest_severity(outcome, self.lx) > protest_severity(current, self.lx):
                draft.typing.sub_event_type = outcome
                draft.typing.event_type = self.lx.event_type_of(outcome)
                _add_evidence(draft, self.span_by_sentence[draft.sentence + 1])

    def attach_interventions(self) -> None:
        """ "Hundreds protested in Gusau. Police fired tear gas to disperse the crowd.": the dispersal, told
        in a following sentence, is the protest's outcome (ACLED: protest with intervention)."""
        for protest in [d for d in self.drafts if d.typing.sub_event_type == PEACEFUL]:
            for index, (sentence, lemmas) in enumerate(self.action_sentences):
                action = self.actions[index]
                if action.plover.event != COERCE or not 0 < sentence - protest.sentence <= NEARBY_SENTENCES:
                    continue
                outcome = protest_outcome(PEACEFUL, lemmas, self.lx)
                if outcome != PEACEFUL:
                    protest.typing.sub_event_type = outcome
                    protest.typing.event_type = self.lx.event_type_of(outcome)
                    protest.evidence += action.evidence
                    if protest.actor2 is None and action.actor1:
                        protest.actor2, protest.actor2_text = action.actor1, action.actor1_text
                    del self.actions[index], self.action_sentences[index]
                    break
        for protest in [d for d in self.drafts if d.typing.sub_event_type == PEACEFUL]:
            self._attach_arrests_of_protesters(protest)

    def _attach_arrests_of_protesters(self, protest: Draft) -> None:
        """ "Teachers protested in Nairobi. Police arrested ten of them.": arrests of the crowd told right
        after a protest are its outcome, not arrests of their own."""
        crowd = self.lx.words("protest_settings") | self.lx.words("crowd_pronouns")
        for arrest in self.drafts:
            near = 0 < arrest.sentence - protest.sentence <= NEARBY_SENTENCES
            if arrest.typing.sub_event_type != ARRESTS or not near or crowd.isdisjoint(arrest.lemmas):
                continue
            protest.typing.sub_event_type = protest_outcome(INTERVENTION, arrest.lemmas, self.lx)
            protest.typing.event_type = self.lx.event_type_of(protest.typing.sub_event_type)
            protest.evidence += [e for e in arrest.evidence if e not in protest.evidence]
            if protest.actor2 is None and arrest.actor1:
                protest.actor2, protest.inter2, protest.actor2_text = (
                    arrest.actor1,
                    arrest.inter1,
                    arrest.actor1_text,
                )
            self.drafts.remove(arrest)
            return

    def _foreground(self, triggers: list[Trigger]) -> list[Trigger]:
        """What the sentence reports: background incidents go when something else is reported; an incident
        that an action is about ("condemned the attack") is that action's object; an action that is part of
        an incident ("a strike that shut down the city") is that incident's detail."""
        background = [is_background(t, self.lx) for t in triggers]
        if not all(background):
            self.backdrop += [t for t, behind in zip(triggers, background, strict=True) if behind]
            triggers = [t for t, behind in zip(triggers, background, strict=True) if not behind]
        heads = {t.head.i: t for t in triggers}
        return [t for t in triggers if not self._subordinate(t, governing_trigger(t, heads, self.lx))]

    def _subordinate(self, trigger: Trigger, governor: Trigger | None) -> bool:
        if governor is None or _light_verb_object(trigger, governor, self.lx):
            return False
        if self._first_told_in_a_reaction(trigger, governor):
            self.told_in_reactions.add(trigger.head.i)
            return False
        if governor.frame.name in self.lx.words("topic_frames") and trigger.frame.name != governor.frame.name:
            return True
        if (governor.frame.acled is None) == (trigger.frame.acled is None):
            return False
        if governor.frame.acled is None and governor.frame.name not in self.lx.words("reference_frames"):
            return False
        anchors = self.lx.frame_anchors.get(trigger.frame.name, frozenset())
        return governor.head.lemma_.lower() not in anchors

    def _anchored(self, trigger: Trigger) -> bool:
        """Stated by a verb, or first told as what a reaction or a claim of responsibility is about."""
        if is_anchored(trigger, self.lx) or trigger.head.i in self.told_in_reactions:
            return True
        if trigger.is_noun and dead_read_as_verb(trigger.head) is not None:
            return True  # "gunmen shot dead a worker" with "shot" read as a noun: a killing stated
        return claimed_by(trigger, self.lx) is not None and self._first_told_here(trigger)

    def _first_told_in_a_reaction(self, trigger: Trigger, governor: Trigger) -> bool:
        """ "The ministry condemned Sunday's bombing of a market in Kano, which killed 14 people": an
        incident first told as what a reaction is about, with a place, a date or a toll of its own, is
        reported there; one told before ("condemned the attack") is only referred to."""
        reaction = self.lx.words("topic_frames") | self.lx.words("reference_frames")
        return governor.frame.name in reaction and self._first_told_here(trigger)

    def _first_told_here(self, trigger: Trigger) -> bool:
        """An incident of political violence named by a noun, with a toll or a place and a date of its own,
        in an article that has told no violent incident before it."""
        armed = trigger.frame.acled is not None and trigger.frame.acled[0] in POLITICAL_VIOLENCE
        if not armed or not trigger.is_noun or any(d.frame.violent for d in self.drafts):
            return False
        head = trigger.head
        occasions = self.lx.words("reaction_occasions")
        aside = {
            t.i
            for c in head.children
            if c.dep_ == "prep" and any(g.lemma_.lower() in occasions for g in c.children)
            for t in c.subtree
        }
        details = [t for t in head.subtree if t.i != head.i and t.i not in aside]
        fatal = self.lx.fatal_words | self.lx.injury_words
        # "condemned the bombing at a station on Friday, which killed 19": a toll attached to the verb is
        # the incident's (a reaction kills no one); its place and date may be the reaction's own
        beside = (
            [t for c in head.head.children if c.dep_ == "prep" for t in c.subtree]
            if head.dep_ == "dobj"
            else []
        )
        if any(t.lemma_.lower() in fatal for t in details + beside):
            return True
        return any(t.ent_type_ in PLACE_ENTS for t in details) and any(t.ent_type_ == "DATE" for t in details)

    def _as_incidents(
        self, trigger: Trigger, segment: SpacySpan, sentence: int, lemmas: frozenset[str]
    ) -> list[Trigger]:
        if is_aggregate(trigger, self.lx):
            self._read_enumeration(trigger, segment, sentence, lemmas)
            return []
        return [] if self._excluded(trigger) else [trigger]

    def _excluded(self, trigger: Trigger) -> bool:
        """Inside a count over a period or a media release, shown in propaganda, recalled from the past, or
        an incident a party claims (the claimant is kept for the incident it refers to; a claim is where an
        incident is first told when it gives the incident's place, date or toll)."""
        claim = claimed_by(trigger, self.lx)
        if claim is not None:
            claimant, definite = claim
            first = self._first_told_here(trigger)
            if claimant is not None and (not definite or first):
                self.claimed_here[trigger.head.i] = party(self.art, claimant, self.lx)
            elif not first:  # told before: its claimant is credited, "no group claimed it" adds nothing
                if claimant is not None:
                    self._credit(party(self.art, claimant, self.lx))
                return True
        span = self.art.span_of(trigger.head)
        in_a_release = any(area.contains(span) for area in self.excluded)
        if in_a_release and claim is None:
            return True
        if is_practice(trigger, self.lx) or is_generic_mention(trigger, self.lx):
            return True
        if refers_back(trigger) and self._told_before(trigger):
            return True
        if _describes_an_actor(trigger) or _record_so_far(trigger):
            return True
        return is_depicted(trigger, self.lx) or is_recalled(trigger, self.lx) or is_aggregate_item(trigger)

    def _told_before(self, trigger: Trigger) -> bool:
        """ "This attack shows the group's contempt": the latest violent incident told before is the one
        meant; the sentence is more of its evidence."""
        latest = next((d for d in reversed(self.drafts) if d.frame.violent), None)
        if latest is None or not trigger.frame.violent:
            return False
        sentence = next(s for s in self.art.doc.sents if s.start <= trigger.head.i < s.end)
        _add_evidence(latest, _evidence(self.art, sentence))
        return True

    def _credit_claim_told_here(self, draft: Draft, group: list[Trigger]) -> None:
        """ "Al-Shabaab claimed Monday's bombing of a hotel in Mogadishu": the claimant did it."""
        claimant = next((self.claimed_here[t.head.i] for t in group if t.head.i in self.claimed_here), None)
        if claimant is not None and claimant.is_actor and not draft.actor1_named:
            draft.actor1, draft.inter1, draft.actor1_text = self._side(claimant)
            draft.actor1_named = True

    def _credit(self, claimant: Party) -> None:
        """ "Al-Shabaab claimed responsibility for the bombing": the claimant did the latest incident told,
        when the report did not name who did it."""
        if not claimant.is_actor:
            return
        latest = next((d for d in reversed(self.drafts) if d.frame.violent), None)
        if latest is not None and not latest.actor1_named:
            latest.actor1, latest.inter1, latest.actor1_text = self._side(claimant)
            latest.actor1_named = True

    def _casualty_triggers(self, segment: SpacySpan) -> list[Trigger]:
        """A killing with a stated killer or victims ("gunmen killed five villagers") is an incident."""
        frame = self.lx.frames[self.lx.casualty_frame]
        found = []
        for token in segment:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.lx.casualty_incident_words:
                continue
            trigger = Trigger(token, token.i, token.i + 1, frame, token.lemma_.lower())
            if (
                unreal_reason(trigger, self.lx) is None
                and not self._excluded(trigger)
                and not _self_claim(token)
            ):
                found.append(trigger)
        return found

    def _draft(
        self, group: list[Trigger], segment: SpacySpan, sentence: int, lemmas: frozenset[str]
    ) -> Draft:
        primary = group[0]
        root_index = clause_root(primary.head).i
        setting = [t for t in self.backdrop if clause_root(t.head).i == root_index and t.frame.acled]
        roles = _roles(self.art, group + setting, self.lx)
        if primary.frame.name in self.lx.words("reversed_frames"):
            roles.agent, roles.patient = roles.patient, roles.agent
        self._add_victims(roles, segment, clause_root(primary.head).i)
        told = lemmas - self._setting_lemmas(clause_root(primary.head), primary.head)
        told -= _riot_gear(segment, self.lx)
        told -= _harm_of_a_person(segment, primary.head, self.lx)
        struck = self._struck_in(segment)
        told -= struck
        roles.local_lemmas -= struck
        told -= self._protest_causes(segment)
        told -= self._denied_in(segment)
        doer = roles.agent.head if roles.agent is not None else _subject_of(primary.head)
        typing = type_incident(
            primary.frame, roles.agent, roles.patient, roles.local_lemmas, told, self.lx, doer, lemmas
        )
        if typing.sub_event_type == PEACEFUL and any(t.frame.name in STOPPING_FRAMES for t in group):
            typing.sub_event_type = INTERVENTION  # "pushed back youths trying to block a road"
        trigger_span = self.art.span(
            self.art.doc[primary.start].idx, _end_char(self.art.doc[primary.end - 1])
        )
        root = clause_root(primary.head)
        draft = Draft(typing=typing, trigger=trigger_span, sentence=sentence, frame=primary.frame)
        one_sided = primary.frame.name in self.lx.words("one_sided_frames") | {PROTEST_FRAME}
        if _place_taken(primary, roles, self.lx):
            draft.target, roles.patient = _without_article(roles.patient.text), None  # type: ignore[union-attr]
        self._fill_sides(draft, roles if not one_sided else Roles(agent=roles.agent))
        if one_sided and roles.patient is not None and primary.frame.name != PROTEST_FRAME:
            draft.target = self._target(roles.patient)
        self._add_other_sides(draft, primary, roles)
        if draft.actor2 is None and setting:
            self._counterpart_from_setting(draft, setting)
        if draft.actor2 is None and primary.frame.name == PROTEST_FRAME:
            self._force_on_the_crowd(draft, primary)
        draft.date = self._date(segment, root, primary.head)
        draft.told_on = dated_by_the_telling(root, draft.date)
        draft.location = location_for(self.art, segment)
        draft.sources = sources_for(self.result, trigger_span)
        draft.evidence = [self.span_by_sentence[sentence]]
        draft.anaphoric = primary.is_noun and _determined_by(primary, ANAPHORIC_DETERMINERS)
        draft.anaphoric = draft.anaphoric and not tells_its_own_time_or_place(primary.head, draft)
        draft.root = root.i
        draft.lemmas = lemmas
        draft.new_story = opens_another_story(segment, lemmas, self.lx)
        return draft

    def _struck_in(self, segment: SpacySpan) -> set[str]:
        key = ("struck", segment.start, segment.end)
        if key not in self.words_by_segment:
            self.words_by_segment[key] = _struck_things(segment, self.lx)
        return self.words_by_segment[key]

    def _denied_in(self, segment: SpacySpan) -> set[str]:
        key = ("denied", segment.start, segment.end)
        if key not in self.words_by_segment:
            self.words_by_segment[key] = _denied_words(segment, self.lx)
        return self.words_by_segment[key]

    def _protest_causes(self, segment: SpacySpan) -> set[str]:
        """The words of what the sentence's protests are about: their cause, not how they ended."""
        if segment.start not in self.causes_by_start:
            self.causes_by_start[segment.start] = self._read_protest_causes(segment)
        return self.causes_by_start[segment.start]

    def _read_protest_causes(self, segment: SpacySpan) -> set[str]:
        causes: set[str] = set()
        for token in segment:
            entries = self.lx.triggers.get(self.lx.lemma_of(token.lemma_, token.lower_), ())
            for entry in (e for e in entries if PROTEST_FRAME in e.frames):
                last = token.i + len(entry.phrase) - 1  # "a human chain": the phrase's head noun
                if last < segment.end:
                    causes |= _cause_lemmas(segment.doc[last], self.lx.words("light_verbs"))
        return causes

    def _setting_lemmas(self, root: Token, trigger: Token) -> set[str]:
        """Words of the clauses that give the setting ("after a man died in custody"), not the incident."""
        words: set[str] = set()
        for clause in root.children:
            if self._is_setting(clause) and not clause.left_edge.i <= trigger.i <= clause.right_edge.i:
                words |= {t.lemma_.lower() for t in clause.subtree}
        return words

    def _add_victims(self, roles: Roles, segment: SpacySpan, root: int) -> None:
        """Who was killed or wounded in the clause is the side that was hit, when the trigger names none."""
        if roles.patient is not None and roles.patient.is_actor and roles.agent is not None:
            return
        words = self.lx.fatal_words | self.lx.injury_words
        heads = [t for t in segment if t.lemma_.lower() in words and not self._in_setting(t)]
        heads.sort(key=lambda t: clause_root(t).i != root)
        for token in heads:
            killer, victims = victim_roles(self.art, token, self.lx)
            if roles.agent is None and killer is not None:
                roles.agent = killer
            if (
                victims is not None
                and victims.is_actor
                and (roles.patient is None or not roles.patient.is_actor)
            ):
                roles.take_victims(victims, self.lx)
            return

    def _fill_sides(self, draft: Draft, roles: Roles) -> None:
        agent, patient = roles.agent, roles.patient
        if roles.thing_hit is not None:
            draft.target = _without_article(roles.thing_hit.text)
        if (
            agent is not None
            and agent.is_side
            and (agent.is_actor or agent.head.ent_type_ not in PLACE_ENTS or agent.head.pos_ == "ADJ")
        ):
            draft.actor1, draft.inter1, draft.actor1_text = self._side(agent)
            draft.actor1_named = agent.name is not None and not agent.name.startswith(UNNAMED)
            draft.assoc1 += [agent.identity] if agent.identity else []
        if patient is None:
            return
        named_position = patient.armed_target and patient.name is not None
        if draft.frame.name in TERRITORY_FRAMES and patient.name is None:
            return  # "citizens liberated from villages": the people freed are no losing side
        if patient.is_side and ((patient.is_actor and not patient.armed_target) or named_position):
            name, inter, text = self._side(patient)
            if name != draft.actor1:
                draft.actor2, draft.inter2, draft.actor2_text = name, inter, text
                draft.assoc2 = [patient.identity] if patient.identity else []
        else:  # a place or thing hit, or an armed side's position whose owner is not named
            draft.target = self._target(patient)

    def _target(self, hit: Party) -> str | None:
        return _without_article(hit.text) if names_a_thing(hit, self.lx) else None

    def _add_other_sides(self, draft: Draft, primary: Trigger, roles: Roles) -> None:
        """The side territory is taken from or handed to; sides named with the agent: a counterpart in a
        fight or an agreement ("Sudan's army and the RSF signed"), else an associate ("US and UK jets")."""
        source = other_side(primary, self.lx)
        side = party(self.art, source, self.lx) if source is not None else None
        territory = primary.frame.name in TERRITORY_FRAMES
        named_loser = side is not None and (side.name is not None or not territory)
        if side is not None and side.is_side and named_loser and draft.actor2 is None:
            draft.actor2, draft.inter2, draft.actor2_text = self._side(side)
        if roles.agent is None or draft.actor1 is None:
            return
        mutual = primary.frame.name in self.lx.words("mutual_frames")
        unnamed_second = draft.actor2 is None or draft.actor2.startswith(CIVILIAN_GROUP)  # "three killed"
        if roles.agent.others and mutual and unnamed_second:  # "men from the Kuki and Meitei communities"
            draft.actor2, draft.inter2 = roles.agent.others[0], draft.inter1
            draft.actor2_text, draft.assoc2 = draft.actor1_text, []
        for token in partners(roles.agent.head):
            side = party(self.art, token, self.lx)
            name = side.name
            if name is None or name in draft.sides() or name in draft.assoc1:
                continue
            if draft.actor2 is None and primary.frame.name in self.lx.words("mutual_frames"):
                draft.actor2, draft.inter2, draft.actor2_text = self._side(side)
            elif token.dep_ != "conj" and token.i < roles.agent.head.i and draft.actor1 is not None:
                draft.assoc1.append(draft.actor1)  # "US and British warplanes": the first named leads
                draft.actor1, draft.inter1, draft.actor1_text = self._side(side)
            else:
                draft.assoc1.append(name)

    def _force_on_the_crowd(self, draft: Draft, protest: Trigger) -> None:
        """ "Police fired tear gas at students protesting in Dhaka": the crowd a protest participle describes
        is what an armed side acted on; that side is the force facing the protest."""
        crowd = protest.head.head if protest.head.dep_ == "acl" else None
        while crowd is not None and crowd.dep_ == "pobj" and crowd.head.lower_ == "of":
            crowd = crowd.head.head  # "hundreds of students protesting"
        if crowd is None or crowd.dep_ not in ("dobj", "pobj"):
            return
        verb = crowd.head.head if crowd.dep_ == "pobj" else crowd.head
        while verb.dep_ in ("xcomp", "advcl") and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "used tear gas to disperse students protesting": who used it
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        side = party(self.art, subject, self.lx) if subject is not None else None
        if side is not None and side.is_actor and self._side(side)[1] in ARMED:
            draft.actor2, draft.inter2, draft.actor2_text = self._side(side)

    def _counterpart_from_setting(self, draft: Draft, setting: list[Trigger]) -> None:
        """ "recaptured the town after days of fighting with HTS": the side fought in the setting."""
        for trigger in setting:
            patient = read_roles(self.art, trigger, self.lx).patient
            if patient is not None and patient.is_actor and patient.name and patient.name != draft.actor1:
                draft.actor2, draft.inter2, draft.actor2_text = self._side(patient)
                return

    def _side(self, side: Party) -> tuple[str, int | None, Span]:
        name = side.name or _without_article(side.text)
        inter = self.inter_by_name.get(name, side.inter)
        return name, inter, self.art.span(side.start, side.end)

    def _date(self, segment: SpacySpan, root: Token, head: Token) -> DateRange:
        subtree = list(root.subtree)
        found = date_in(self.art, segment, subtree[0].idx, _end_char(subtree[-1]), head.idx)
        return found or assumed_date(self.art.published)

    def _read_enumeration(
        self, aggregate: Trigger, segment: SpacySpan, sentence: int, lemmas: frozenset[str]
    ) -> None:
        """One incident per listed target ("two attacks, one on X and the other on Y")."""
        for opener, item in enumerated_items(aggregate, self.lx):
            draft = self._draft([aggregate], segment, sentence, lemmas)
            doer = clause_subject(aggregate.head) if draft.actor1 is None else None
            if doer is not None and (doer_side := party(self.art, doer, self.lx)).is_side:
                draft.actor1, draft.inter1, draft.actor1_text = self._side(doer_side)
            target = party(self.art, item, self.lx)
            draft.target, draft.actor2, draft.inter2, draft.actor2_text = (
                _without_article(target.text),
                None,
                None,
                None,
            )
            draft.trigger = self.art.span(target.start, target.end)
            draft.evidence = [self.art.span(opener.left_edge.idx, target.end)]
            draft.date = self._date(segment, aggregate.head, aggregate.head)
            self.drafts.append(draft)

    def _add_casualties(self, drafts: list[Draft], segment: SpacySpan, lemmas: frozenset[str]) -> list[Draft]:
        """Fill the drafts' fatalities and injuries from the segment; the drafts that took a count."""
        filled: list[Draft] = []
        if not drafts:
            return filled
        for field_name, words in (("fatalities", self.fatal_words), ("injuries", self.lx.injury_words)):
            if not words & lemmas:
                continue
            for count, head in casualties(self.art, segment, words):
                if self._in_background_clause(head, drafts):
                    continue
                draft = _draft_for(drafts, clause_root(head).i)
                known = getattr(draft, field_name)
                if known is None or restates_total(head, known, count):
                    setattr(draft, field_name, count)
                    filled += [draft] if draft not in filled else []
        return filled

    def _in_background_clause(self, head: Token, drafts: list[Draft]) -> bool:
        """ "protested after a man died in police custody": a death in the clause that gives the setting is
        not the incident's."""
        token = head
        while token.head.i != token.i and token.dep_ not in ("ccomp", "relcl", "parataxis"):
            if self._is_setting(token):
                clause = self.art.span(token.left_edge.idx, _end_char(token.right_edge))
                return not any(clause.contains(d.trigger) for d in drafts)
            token = token.head
        return False

    def _in_setting(self, token: Token) -> bool:
        """ "torched a police station after a man died in custody": the death is the setting."""
        return any(self._is_setting(t) for t in (token, *token.ancestors))

    def _is_setting(self, clause: Token) -> bool:
        marks = self.lx.words("background_marks")
        return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)

    def _read_demands(self, segment: SpacySpan, sentence: int, lemmas: frozenset[str]) -> None:
        """ "The US said China must drop its trade barriers", "a reminder that Iraq must cooperate": what a
        speaker says another party must do is a demand (PLOVER REQUEST), one a sentence."""
        told = zip(self.actions, self.action_sentences, strict=True)
        if any(a.plover.event == REQUEST and s == sentence for a, (s, _) in told):
            return
        for token in segment:
            demanded = token.head
            if token.dep_ != "aux" or token.lower_ not in self.lx.words("demand_modals"):
                continue
            if demanded.dep_ not in ("ccomp", "acl") or demanded.head.i == demanded.i:
                continue
            speaker = _subject_of(demanded.head)
            addressee = _subject_of(demanded)
            if speaker is None or addressee is None or addressee.lower_ in SPEAKERS_THEMSELVES:
                continue  # "we must act": an exhortation, no demand on another party
            plover = Plover(REQUEST, None, contexts(lemmas, self.lx))
            evidence = [_evidence(self.art, segment)]
            action = Action(plover=plover, evidence=evidence, confidence=ACTION_CONFIDENCE)
            action.trigger = self.art.span_of(token)
            action.actor1, _, action.actor1_text = self._side(party(self.art, speaker, self.lx))
            action.actor2, _, action.actor2_text = self._side(party(self.art, addressee, self.lx))
            self.actions.append(action)
            self.action_sentences.append((sentence, lemmas))
            return

    def _read_actions(
        self,
        triggers: list[Trigger],
        incident_roots: set[int],
        segment: SpacySpan,
        segment_index: int,
        lemmas: frozenset[str],
    ) -> None:
        for group in _by_clause(triggers):
            primary = group[0]
            if clause_root(primary.head).i in incident_roots:
                continue
            roles = _roles(self.art, group, self.lx)
            plover = Plover(primary.frame.plover_event, primary.frame.plover_mode, contexts(lemmas, self.lx))
            action = Action(
                plover=plover, evidence=[_evidence(self.art, segment)], confidence=ACTION_CONFIDENCE
            )
            action.trigger = self.art.span_of(primary.head)
            if roles.agent is not None:
                action.actor1, _, action.actor1_text = self._side(roles.agent)
            if roles.patient is not None:
                action.actor2, _, action.actor2_text = self._side(roles.patient)
            self.actions.append(action)
            self.action_sentences.append((segment_index, lemmas))


def _without_parts_of_a_coup(drafts: list[Draft], lx: EventLexicon) -> list[Draft]:
    """ "The guard detained the president and seized power": detentions told with a coup are part of it."""
    if not any(d.frame.name == COUP_FRAME for d in drafts):
        return drafts
    return [d for d in drafts if d.frame.name not in lx.words("coup_parts")]


def _without_side_notes(drafts: list[Draft], lx: EventLexicon) -> list[Draft]:
    """A sighting or a finding told with another incident ("drones flew over the town and bombed a school")
    is a detail of it."""
    side_notes = lx.words("side_note_frames")
    if all(d.frame.name in side_notes for d in drafts):
        return drafts
    return [d for d in drafts if d.frame.name not in side_notes]


def _light_verb_object(trigger: Trigger, governor: Trigger, lx: EventLexicon) -> bool:
    """ "fighters committed rape", "staged a protest": a light verb's object is what was done, not the
    topic of the verb's own sense."""
    head = trigger.head
    return head.head.i == governor.head.i and head.dep_ == "dobj" and governor.word in lx.words("light_verbs")


def _attempted(trigger: Trigger, reason: str, stopped: bool) -> bool:
    """ "Police detained dozens who tried to hold a march": a protest tried and stopped by arrests or
    dispersal took place (ACLED: protest with intervention)."""
    return stopped and trigger.frame.name == PROTEST_FRAME and reason.startswith("intention")


def _announced_change(trigger: Trigger, reason: str) -> bool:
    """ "The group announced it would suspend its operations": a group's stated change of activity is the
    event (ACLED codes the announcement); troops to be deployed are not yet a deployment."""
    acled = trigger.frame.acled
    announced = acled is not None and acled[1] == CHANGE and reason in ANNOUNCED_MODALS
    return announced and trigger.frame.name != DEPLOYMENT


def _harm_of_a_person(segment: SpacySpan, trigger: Token, lx: EventLexicon) -> set[str]:
    """ "demolished the house of a man who killed two officers": harm told only in a relative clause on a
    person is what that person did or went through before, not harm done in the incident."""
    harm = lx.fatal_words | lx.injury_words | lx.words("raid_harm_cues")
    inside: set[str] = set()
    outside: set[str] = set()
    for token in segment:
        lemma = lx.lemma_of(token.lemma_, token.lower_)
        if lemma in harm:
            (inside if _in_relative_on_a_person(token, trigger, lx) else outside).add(lemma)
    return inside - outside


def _in_relative_on_a_person(token: Token, trigger: Token, lx: EventLexicon) -> bool:
    clause = next((a for a in (token, *token.ancestors) if a.dep_ == "relcl"), None)
    if clause is None or clause.left_edge.i <= trigger.i <= clause.right_edge.i:
        return False
    noun = clause.head
    kind = lx.object_kinds.get(noun.lemma_.lower())
    return kind == "person" or noun.ent_type_ == "PERSON" or noun.lemma_.lower() in lx.participants


def _riot_gear(segment: SpacySpan, lx: EventLexicon) -> set[str]:
    """ "riot police", "anti-riot unit": the word names the police, not a riot, where it is only used so."""
    riots = [t for t in segment if t.lemma_.lower() == "riot"]
    gear = lx.words("riot_gear_heads")
    if riots and all(t.dep_ in ("compound", "amod") and t.head.lemma_.lower() in gear for t in riots):
        return {"riot"}
    return set()


def _struck_things(segment: SpacySpan, lx: EventLexicon) -> set[str]:
    """ "one strike destroyed a VBIED and two mortar positions": what was hit or destroyed says nothing of
    the weapon used, only where no other word of the sentence names it."""
    verbs = lx.words("striking_verbs")
    struck = [
        t
        for verb in segment
        if verb.pos_ == "VERB" and verb.lemma_.lower() in verbs
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass")
        for t in c.subtree
    ]
    named = {t.i for t in struck}
    elsewhere = {t.lemma_.lower() for t in segment if t.i not in named}
    return {t.lemma_.lower() for t in struck} - elsewhere


def _names_a_kind(trigger: Trigger) -> bool:
    """ "relief workers", "aid agencies", "support groups": a noun modifying a noun says what kind of thing
    it is, not that anything was done."""
    head = trigger.head
    return trigger.is_noun and head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN")


def _denied_words(segment: SpacySpan, lx: EventLexicon) -> set[str]:
    """Words said not to have happened ("no arrests were made", "without injuries", "police did not
    intervene"): no cue of how an incident went, unless the sentence also uses them plainly."""
    negations = lx.words("negations")

    def denied(token: Token) -> bool:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children):
            return True
        return token.dep_ == "pobj" and token.head.lower_ in negations

    said = [t for t in segment if t.pos_ in ("NOUN", "VERB")]
    no = {t.lemma_.lower() for t in said if denied(t)}
    return no - {t.lemma_.lower() for t in said if not denied(t)}


def _cause_lemmas(protest: Token, holding_verbs: frozenset[str]) -> set[str]:
    """What a protest is about ("gathered to denounce the arrest of their leader", "protested against the
    killing of a student") tells its cause, not how it ended; so does the purpose of the verb that holds it
    ("held a human chain to demand"), not what another side did to it ("stormed a sit-in, killing 30")."""
    held = protest.dep_ == "dobj" and protest.head.lemma_.lower() in holding_verbs
    heads = [protest, protest.head] if held else [protest]
    causes = [
        c
        for head in heads
        for c in head.children
        if (c.dep_ == "prep" and c.lower_ in CAUSE_PREPS)
        or (c.dep_ in ("xcomp", "advcl") and (c.tag_ == "VBG" or any(a.lower_ == "to" for a in c.children)))
    ]
    if protest.pos_ == "VERB" and protest.lemma_.lower() == PROTEST_FRAME:  # "protesting the death of a man"
        causes += [c for c in protest.children if c.dep_ == "dobj"]
    return {t.lemma_.lower() for cause in causes for t in cause.subtree}


def _place_taken(trigger: Trigger, roles: Roles, lx: EventLexicon) -> bool:
    """ "recaptured Saraqeb": the place taken is the target; the side it was taken from is named apart."""
    patient = roles.patient
    if patient is None or patient.armed_target or trigger.frame.name not in lx.words("from_side_frames"):
        return False
    return patient.head.ent_type_ in PLACE_ENTS or patient.inter is None  # an untyped name taken is a place


def _has_subject_trigger(trigger: Trigger, triggers: list[Trigger]) -> bool:
    """Another trigger governs this one (a threat already said in words: "threatened to attack")."""
    heads = {t.head.i for t in triggers if t is not trigger}
    token = trigger.head
    while token.head.i != token.i:
        token = token.head
        if token.i in heads:
            return True
    return False


def _has_killer(verb: Token) -> bool:
    """ "Gunmen killed five": a stated killer; not a note's count read as a subject ("At least 12 killed"),
    nor the counted dead of a line without its object or auxiliary ("10 civilians killed")."""
    told_in_full = any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children)
    asked = verb.dep_ != "relcl"  # "without saying who killed them" asks; "gunmen, who killed five" tells
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not (asked and c.tag_ == "WP")]
    return any(c.dep_ == "agent" for c in verb.children) or any(
        not c.like_num and (told_in_full or not _counted(c)) for c in subjects
    )


def _counted(noun: Token) -> bool:
    return any(c.dep_ == "nummod" or c.like_num for c in noun.children)


def _self_claim(verb: Token) -> bool:
    """ "Al-Shabaab said it had killed dozens of soldiers": a party's claim about itself, a statement."""
    killer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    reporter = verb.head if verb.dep_ == "ccomp" else None
    if killer is None or reporter is None or killer.pos_ != "PRON":
        return False
    return any(c.dep_ == "nsubj" and c.pos_ != "PRON" for c in reporter.children)


def _determined_by(trigger: Trigger, determiners: frozenset[str]) -> bool:
    return any(c.dep_ == "det" and c.lower_ in determiners for c in trigger.head.children)


def _by_clause(triggers: Iterable[Trigger]) -> list[list[Trigger]]:
    """Triggers of one clause report one incident; the one nearest the clause's head leads."""
    groups: dict[int, list[Trigger]] = {}
    for trigger in triggers:
        groups.setdefault(clause_root(trigger.head).i, []).append(trigger)
    return [_in_lead_order(group) for group in groups.values()]


def _in_lead_order(group: list[Trigger]) -> list[Trigger]:
    """A protest leads its clause (ACLED codes the arrests or shooting at a protest as its outcome), unless a
    bombing or strike is told with it ("a suicide blast tore through a rally"); then the trigger nearest the
    clause's head. A bombing or strike that is the subject of another trigger leads it ("one strike hit a
    unit", "a blast tore through a market"): what hit is the incident, the verb says how."""
    remote = [t for t in group if t.frame.acled and t.frame.acled[0] == REMOTE_VIOLENCE]
    protest_leads = not remote
    heads = {t.head.i for t in group}
    doers = {t.head.i for t in remote if t.head.dep_ == "nsubj" and t.head.head.i in heads}

    def order(trigger: Trigger) -> tuple[bool, bool, int, int]:
        depth, token = 0, trigger.head
        root = clause_root(token)
        while token.i != root.i and token.head.i != token.i:
            token, depth = token.head, depth + 1
        protest_first = protest_leads and trigger.frame.name == PROTEST_FRAME
        return not protest_first, trigger.head.i not in doers, depth, -trigger.frame.priority

    return sorted(group, key=order)


def _roles(art: AnalysedArticle, group: list[Trigger], lx: EventLexicon) -> Roles:
    merged = Roles()
    for trigger in group:
        roles = read_roles(art, trigger, lx)
        if merged.agent is None and roles.agent is not None and not _is_witness_place(roles.agent):
            merged.agent = roles.agent
        merged.patient = merged.patient or roles.patient
        merged.local_lemmas |= roles.local_lemmas
    return merged


def _is_witness_place(agent: Party) -> bool:
    """The subject of "Kabul witnessed a confrontation" is where it happened, not who did it."""
    witnessed = agent.head.head.lemma_.lower() in PLACE_WITNESS_VERBS
    return witnessed and (agent.head.ent_type_ in PLACE_ENTS or not agent.is_actor)


def _draft_for(drafts: list[Draft], root: int) -> Draft:
    return next((d for d in drafts if d.root == root), drafts[0])


def _foreign_forces(draft: Draft, country_by_name: dict[str, str], lx: EventLexicon) -> None:
    """A state's forces abroad are external forces (ACLED 8): their taking a place is not a government's
    regaining it."""
    place_country = draft.location.country if draft.location is not None else None
    if not draft.frame.violent and draft.typing.sub_event_type not in (REGAINS, OVERTAKES):
        return  # a government signing a deal abroad is no force abroad
    for side in ("1", "2"):
        name, inter = getattr(draft, f"actor{side}"), getattr(draft, f"inter{side}")
        country = country_by_name.get(name) if name else None
        if inter == STATE and country and place_country and country.upper() != place_country.upper():
            setattr(draft, f"inter{side}", EXTERNAL)
    if (
        draft.typing.sub_event_type == REGAINS
        and draft.inter1 == EXTERNAL
        and not _with_local_forces(draft, country_by_name, place_country)
    ):
        draft.typing.sub_event_type = OVERTAKES
        draft.typing.event_type = lx.event_type_of(OVERTAKES)


def _with_local_forces(draft: Draft, country_by_name: dict[str, str], place_country: str | None) -> bool:
    """ "Kenyan and Somali troops recaptured the town": foreign forces fighting beside the state whose
    place it is regain it for that state."""
    countries = {country_by_name.get(name, "").upper() for name in draft.assoc1}
    return place_country is not None and place_country.upper() in countries


def _crowd_as_protesters(draft: Draft, kb: Knowledge) -> None:
    """ "Hundreds of people marched", "teachers held a demonstration", "police fired at protesters": who
    protests are protesters (ACLED 6, "Protesters (Sudan)"), not civilians, and act first; force used on
    them makes the protest's second side, except lethal force, whose user acts first."""
    if draft.typing.event_type != PROTESTS:
        return
    _force_second(draft)
    _crowd_named_protesters(draft, kb)
    _force_first_when_excessive(draft)


def _crowd_named_protesters(draft: Draft, kb: Knowledge) -> None:
    if draft.inter1 not in (CIVILIANS, None):
        return
    if draft.actor1_named and draft.actor1 is not None and not draft.actor1.startswith(CIVILIAN_GROUP):
        return
    code = draft.location.country if draft.location is not None else None
    country = kb.actors.words.country_name(code.upper()) if code else None
    draft.actor1 = f"{PROTESTER_GROUP} ({country})" if country else PROTESTER_GROUP
    draft.inter1 = PROTESTERS


def _force_first_when_excessive(draft: Draft) -> None:
    """Lethal force on a peaceful crowd is violence done to it: as in violence against civilians, whoever
    used the force is actor1 and the protesters actor2 (ACLED's actor order means nothing else)."""
    excessive = draft.typing.sub_event_type == EXCESSIVE_FORCE
    if excessive and draft.inter1 == PROTESTERS and draft.inter2 in ARMED:
        draft.swap_sides()


def _force_second(draft: Draft) -> None:
    """A protest told as force used on a crowd ("soldiers fired at protesters", "police beat marchers"):
    the crowd is actor1, the force actor2; a protest told by its protesters stays as it is."""
    crowds = (CIVILIANS, PROTESTERS)
    crowd_hit = draft.inter2 in crowds and draft.inter1 not in crowds
    force_alone = draft.actor2 is None and draft.inter1 == STATE and draft.frame.name != PROTEST_FRAME
    if crowd_hit or force_alone:
        draft.swap_sides()


def _is_period(period: DateRange, lx: EventLexicon) -> bool:
    """A claim's period is a stretch of time ("last year", "since 2020"), not the day of one incident."""
    if period.start and period.end:
        return (dt.date.fromisoformat(period.end) - dt.date.fromisoformat(period.start)).days > WEEK_DAYS
    text = f" {' '.join((period.text or '').lower().split())} "
    # whole words, singular or plural ("two years"): "weekly" is no week
    return any(f" {word} " in text or f" {word}s " in text for word in lx.words("period_words"))


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _lacks_armed_agent(draft: Draft) -> bool:
    """Destruction by someone neither armed nor a crowd (a developer razing flats) is no conflict event;
    destruction a weapon did ("airstrikes destroyed a depot", typed by its instrument) is."""
    by_weapon = draft.frame.acled is not None and draft.typing.sub_event_type != draft.frame.acled[1]
    return draft.frame.armed_agent and draft.inter1 not in ARMED_OR_CROWD and not by_weapon


def _as_action(draft: Draft) -> Action:
    """A draft that is no ACLED incident still tells a PLOVER action ("settlers set fire to offices")."""
    return Action(
        plover=draft.typing.plover,
        actor1=draft.actor1,
        actor2=draft.actor2 or draft.target,
        actor1_text=draft.actor1_text,
        actor2_text=draft.actor2_text,
        trigger=draft.trigger,
        evidence=list(draft.evidence),
        confidence=ACTION_CONFIDENCE,
    )


def _over_a_period(draft: Draft, lx: EventLexicon) -> bool:
    """ "have killed more than 3,000 people since 2020": a count over a period, not one incident."""
    date = draft.date
    words = set((date.text or "").lower().split())
    if date.assumed or not (date.start and date.end) or words & lx.words("vague_date_words"):
        return False  # "earlier this year" dates one incident
    limit = max((int(days) for days in lx.words("max_incident_days")), default=92)
    days = (dt.date.fromisoformat(date.end) - dt.date.fromisoformat(date.start)).days
    stretch = words & lx.words("period_markers")
    return days >= limit or (days > WEEK_DAYS and bool(stretch))  # "in the past month", "since January"


def _event(draft: Draft, number: int, reader: _ArticleReader) -> Event:
    typing = draft.typing
    event = Event(
        id=f"E{number}",
        event_type=typing.event_type,
        sub_event_type=typing.sub_event_type,
        plover=typing.plover,
        actor1=draft.actor1,
        actor2=draft.actor2,
        inter1=draft.inter1,
        inter2=draft.inter2,
        interaction=interaction(draft.inter1, draft.inter2),
        target=draft.target,
        date=draft.date,
        civilian_targeting=typing.civilian_targeting,
        sources=draft.sources,
        evidence=draft.evidence,
        trigger=draft.trigger,
        actor1_text=draft.actor1_text,
        actor2_text=draft.actor2_text,
        assoc_actor1=list(draft.assoc1),
        assoc_actor2=list(draft.assoc2),
    )
    if draft.location is not None:
        event.location = draft.location
    if draft.fatalities is not None:
        event.fatalities = draft.fatalities
    elif draft.injuries is not None and _nobody_hurt(draft.injuries):
        event.fatalities = replace(draft.injuries)  # "no one was hurt": nobody died either
    elif typing.sub_event_type == PEACEFUL and _told_peaceful(draft):
        event.fatalities = Count(best=0)  # "the rally passed off peacefully": nobody died, no figure stated
    if draft.injuries is not None:
        event.injuries = draft.injuries
    event.summary = _summary(event, reader.lx)
    event.confidence = _confidence(event)
    return event


def _told_peaceful(draft: Draft) -> bool:
    """The report says the gathering ended peacefully ("passed without incident", "ended peacefully")."""
    return any(words in span.text.lower() for span in draft.evidence for words in PEACEFUL_END)


def _describes_an_actor(trigger: Trigger) -> bool:
    """ "The group, which has seized large parts of North Kivu since 2021, says ...", "Fano, a network of
    militias that fought alongside the army in Tigray, turned ...": what a clause set off by commas tells of
    a party is its history (a record up to now, or a time of the past), not an incident the report tells;
    a defining clause ("fighters who raided Shagra last week"), one that tells the act ("gunmen, who killed
    four traders, fled") or one with a day of its own ("the RSF, which shelled the market on Sunday,") is."""
    clause = next((t for t in (trigger.head, *trigger.head.ancestors) if t.dep_ == "relcl"), None)
    if clause is None or not any(c.tag_ in ("WDT", "WP") for c in clause.children):
        return False  # "where fighters attacked ...": a place's clause tells what happened there
    doc = clause.doc
    aside = clause.left_edge.i > 0 and doc[clause.left_edge.i - 1].text == ","
    noun = clause.head
    while noun.dep_ in ("pobj", "prep", "compound", "amod", "conj") and noun.head.i != noun.i:
        noun = noun.head
    aside = aside or noun.dep_ == "appos"
    words = list(clause.subtree)
    history = any(_perfect(t) or t.lower_ in HISTORY_WORDS for t in words)
    return aside and history and not any(_names_a_day(t) for t in words)


def _record_so_far(trigger: Trigger) -> bool:
    """What a war or an insurgency has done up to now ("the war ... has killed tens of thousands"): a
    present perfect with a conflict as its subject and no day of its own is a record, not an incident."""
    verb = trigger.head
    if trigger.is_noun or not any(_perfect(c) for c in verb.children):
        return False
    if any(_names_a_day(t) for t in verb.subtree):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.lemma_.lower() in CONFLICT_NOUNS


def _perfect(token: Token) -> bool:
    """ "has seized", "have fought": a present perfect tells a record up to now, not one dated act."""
    return token.dep_ == "aux" and token.lemma_ == "have" and token.tag_ in ("VBZ", "VBP")


def _names_a_day(token: Token) -> bool:
    if token.ent_type_ not in ("DATE", "TIME"):
        return False
    return token.lower_ in DAY_WORDS or (token.like_num and len(token.text) <= 2)


def _nobody_hurt(injuries: Count) -> bool:
    """ "No one was hurt": the text says nobody was harmed, so nobody was killed either (ACLED: 0 dead)."""
    return injuries.best == 0 and injuries.low == 0


def _summary(event: Event, lx: EventLexicon) -> str:
    template = lx.summaries.get(event.sub_event_type, "{actor1}: {actor2}{place}{date}.")
    place = f" in {event.location.name}" if event.location.name else ""
    if event.location.detail and event.location.name:
        place += f" ({event.location.detail})"
    when = ""
    if event.date.text:
        when = f" ({event.date.text})"
    elif event.date.start and not event.date.assumed:
        when = f" ({event.date.start} to {event.date.end})"
    dead = event.fatalities
    casualty = ""
    if dead.best is not None or dead.low is not None:
        casualty = f"; {dead.best if dead.best is not None else f'at least {dead.low}'} killed"
    text = template.format(
        actor1=event.actor1 or UNIDENTIFIED,
        actor2=event.actor2 or event.target or UNIDENTIFIED,
        target=event.target or event.location.name or "an area",
        place=place,
        date=when,
        casualties=casualty,
    )
    return text[0].upper() + text[1:]


def _confidence(event: Event) -> float:
    score = 0.45
    score += 0.15 if event.actor1 else 0.0
    score += 0.1 if event.actor2 or event.target else 0.0
    score += 0.1 if event.location.name else 0.0
    score += 0.05 if not event.date.assumed else 0.0
    score += 0.05 * min(2, len(event.evidence) - 1)
    score += 0.05 if event.sources else 0.0
    return round(min(score, 0.95), 2)


def _evidence(art: AnalysedArticle, segment: SpacySpan) -> Span:
    first = next((t for t in segment if not t.is_space), None)
    if first is None:
        return art.span_of(segment)
    last = next(segment[k] for k in range(len(segment) - 1, -1, -1) if not segment[k].is_space)
    return art.span(first.idx, _end_char(last))


def _tells_a_toll_of(killing: Trigger, incidents: list[Trigger]) -> bool:
    """ "the bombing of a hotel, which killed 12 people": a killing told in a clause that describes an
    incident of the sentence, or a word of its phrase, is that incident's toll."""
    clause = killing.head
    if clause.dep_ not in ("relcl", "acl"):
        return False
    described = clause.head.i
    return any(t.is_noun and t.head.left_edge.i <= described <= t.head.right_edge.i for t in incidents)


def _by_default(trigger: Trigger, rules: list[SenseRule]) -> bool:
    """The trigger took the sense that its word takes when nothing in the sentence says otherwise."""
    pos = trigger.head.pos_
    return any(
        rule.frame == trigger.frame.name
        and rule.pos in (None, pos)
        and not (rule.near or rule.object or rule.subject or rule.objects)
        for rule in rules
    )


def _add_evidence(draft: Draft, span: Span) -> None:
    if span not in draft.evidence:
        draft.evidence.append(span)


def _end_char(token: Token) -> int:
    return token.idx + len(token)


def _without_article(text: str) -> str:
    for article in ("the ", "a ", "an ", "The ", "A ", "An "):
        if text.startswith(article):
            return text[len(article) :]
    return text
