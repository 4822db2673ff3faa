"""Typing an incident: ACLED event and sub-event type and PLOVER event/mode/context from the trigger's frame,
its instruments and who acted on whom (ACLED codebook rules, e.g. armed side vs armed side is a clash)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

from eventdesk.extract.acled_codes import (
    CIVILIANS,
    IDENTITY_MILITIA,
    NON_STATE_ARMED,
    PROTESTERS,
    RIOTERS,
    STATE,
)
from eventdesk.extract.event_roles import Party, is_armed
from eventdesk.knowledge.event_types import EventLexicon, Frame, Instrument, Phrase
from eventdesk.records import Plover

CROWDS = frozenset({RIOTERS, CIVILIANS})  # rioters, or civilians as a crowd: their violence is mob violence

if TYPE_CHECKING:
    from spacy.tokens import Token

DIRECT_VIOLENCE = frozenset({"attack"})
INSTRUMENT_FRAMES = frozenset({"attack", "explosion"})  # typed by any instrument their sentence names
# typed by a sentence-wide instrument only (a suicide bomber, a chemical agent)
WEAPON_FRAMES = INSTRUMENT_FRAMES | {"shelling", "airstrike", "grenade"}
TERRITORY_FRAMES = frozenset({"territory", "regain"})
PROTEST_FRAMES = frozenset({"protest", "dispersal"})  # typed by how the protest ended
CROWD_DAMAGE = frozenset({"destruction", "clash", "riot"})
NON_VIOLENT_TRANSFER = "Non-violent transfer of territory"
INTERVENTION = "Protest with intervention"
LOOTING = "Looting/property destruction"
DISRUPTED = "Disrupted weapons use"
ORDERED = "\x1f"  # marks a lemma set that also holds its sentence's word pairs (no lemma starts with it)
PHRASE_REACH = 6  # how far apart two words of a phrase cue may stand ("set two police cars on fire")


@dataclass(slots=True)
class Typing:
    event_type: str
    sub_event_type: str
    plover: Plover
    civilian_targeting: bool


def in_word_order(lemmas: Sequence[str]) -> frozenset[str]:
    """A sentence's lemmas, with each pair of them in order and at most PHRASE_REACH words apart, so that a
    phrase cue matches its words told together ("no one was hurt"), not scattered over the sentence ("one
    man was hurt, and no arrests were made")."""
    pairs = {_pair(a, b) for i, a in enumerate(lemmas) for b in lemmas[i + 1 : i + 1 + PHRASE_REACH]}
    return frozenset(lemmas) | pairs | {ORDERED}


def _pair(first: str, second: str) -> str:
    return f"{ORDERED}{first} {second}"


def has_cue(cue: Phrase, lemmas: set[str] | frozenset[str]) -> bool:
    """All the cue's words; in order and near each other where the set knows its sentence's word order."""
    if not all(word in lemmas for word in cue):
        return False
    return len(cue) == 1 or ORDERED not in lemmas or all(_pair(a, b) in lemmas for a, b in pairwise(cue))


def any_cue(cues: Iterable[Phrase], lemmas: set[str] | frozenset[str]) -> bool:
    return any(has_cue(cue, lemmas) for cue in cues)


def type_incident(
    frame: Frame,
    agent: Party | None,
    patient: Party | None,
    local: set[str],
    sentence: frozenset[str],
    lx: EventLexicon,
    doer: Token | None = None,
    whole: frozenset[str] = frozenset(),
) -> Typing:
    """`sentence`: the lemmas that tell the incident; `whole`: those of the whole sentence, its setting
    included ("as protesters defied the junta", "after the rebels withdrew"). `doer`: the head of who or
    what acted, the agent's or else the trigger's grammatical subject (an instrument subject such as
    "airstrikes" is no agent but says how it was done)."""
    assert frame.acled is not None
    sub = frame.acled[1]
    mode, event = frame.plover_mode, frame.plover_event
    if doer is not None:
        local = local | _head_words(doer, lx)  # "an SVBIED struck a checkpoint": the weapon as subject
    if frame.name in WEAPON_FRAMES:
        sub, mode = _by_instrument(sub, mode, local, sentence, lx, frame.name, agent)
    decided = (
        frame.name in WEAPON_FRAMES and _sentence_wide(local, sentence, lx, frame.name, agent) is not None
    )
    by_carrier = not decided and doer is not None and _is_instrument(doer, lx)  # sarin dropped by aircraft
    if frame.name in lx.instrument_agent_frames and by_carrier:
        sub, mode = _by_instrument(sub, mode, _head_words(doer, lx), frozenset(), lx, "attack", agent)
        event = lx.instrument_agent_event or event  # "aircraft destroyed tanks": an assault, not coercion
    sub = _by_sides(frame, sub, agent, patient, sentence, whole | sentence, lx)
    civilian = _targets_civilians(sub, patient, lx)
    plover = Plover(event=event, mode=mode, context=contexts(sentence, lx))
    return Typing(lx.event_type_of(sub), sub, plover, civilian)


def _by_instrument(
    sub: str,
    mode: str | None,
    local: set[str],
    sentence: frozenset[str],
    lx: EventLexicon,
    frame: str,
    agent: Party | None,
) -> tuple[str, str | None]:
    """A weapon that decides the type sentence-wide (a suicide bomber, a chemical agent) first; then, for an
    attack or explosion, the first instrument whose cue the trigger's words hold, else the sentence's (for an
    attack, only in its own words)."""
    instrument = _sentence_wide(local, sentence, lx, frame, agent)
    if instrument is not None:
        return instrument.sub_event_type or sub, instrument.mode or mode
    if frame not in INSTRUMENT_FRAMES:
        return sub, mode
    local_only = frame == "attack"
    anywhere = local | sentence
    for scope in (local, sentence):
        for instrument in lx.instruments:
            allowed = (scope is local or not local_only) and _types_frame(instrument, frame, agent)
            allowed = allowed and not (instrument.near and instrument.near.isdisjoint(anywhere))
            if allowed and any_cue(instrument.cues, scope):
                return instrument.sub_event_type or sub, instrument.mode or mode
    return sub, mode


def _sentence_wide(
    local: set[str], sentence: frozenset[str], lx: EventLexicon, frame: str, agent: Party | None
) -> Instrument | None:
    """A weapon that types the incident wherever the sentence names it ("a suicide bomber", "a nerve agent");
    a one-word cue only among the trigger's own words and weapon ("a suicide attack", "fired chlorine
    shells"), not anywhere ("shelled a chemical plant")."""
    anywhere = local | sentence
    for instrument in (i for i in lx.instruments if i.sentence_wide and _types_frame(i, frame, agent)):
        if instrument.near and instrument.near.isdisjoint(anywhere):
            continue  # "tear gas" on infantry in trenches, not on a crowd
        own = (
            anywhere if instrument.agentless else local
        )  # "a depot exploded accidentally": no doer to mix up
        if any(has_cue(cue, own if len(cue) == 1 else anywhere) for cue in instrument.cues):
            return instrument
    return None


def _types_frame(instrument: Instrument, frame: str, agent: Party | None) -> bool:
    done_by_someone = agent is not None and agent.is_side  # not "a depot exploded"
    return (not instrument.frames or frame in instrument.frames) and not (
        instrument.agentless and done_by_someone
    )


def _is_instrument(doer: Token, lx: EventLexicon) -> bool:
    """The doer is a weapon or weapon carrier ("Coalition aircraft destroyed", "a roadside bomb killed")."""
    words = {lx.lemma_of(doer.lemma_, doer.lower_), doer.lower_} | _head_phrases(doer)
    return not words.isdisjoint(lx.instrument_agents)


def _head_words(head: Token, lx: EventLexicon) -> set[str]:
    return {lx.lemma_of(head.lemma_, head.lower_), head.lower_} | {
        c.lemma_.lower() for c in head.children if c.dep_ == "compound" and c.i < head.i
    }


def _head_phrases(head: Token) -> set[str]:
    return {f"{c.lower_} {head.lemma_.lower()}" for c in head.children if c.dep_ in ("compound", "amod")}


def _by_sides(
    frame: Frame,
    sub: str,
    agent: Party | None,
    patient: Party | None,
    sentence: frozenset[str],
    whole: frozenset[str],
    lx: EventLexicon,
) -> str:
    agent_code = _inter_of(agent)
    patient_code = patient.inter if patient else None
    if frame.name in TERRITORY_FRAMES:
        return _by_territory(sub, agent_code, whole, lx)
    if frame.name == "arrest":
        return _by_detention(sub, agent, patient, whole, lx)
    if frame.name in PROTEST_FRAMES:
        return protest_outcome(sub, sentence, lx)
    if frame.violent and _counter_protesters(agent):
        return INTERVENTION  # counter-protesters who attack a protest disrupt it (ACLED)
    if frame.name == "riot" and agent_code in NON_STATE_ARMED and not is_armed(patient):
        return "Attack"  # "settlers hurled stones at olive pickers": a militia's violence, no riot
    raid = sub == "Attack" and frame.name in DIRECT_VIOLENCE
    if raid and agent_code not in CROWDS | {PROTESTERS} and _raid_for_loot(patient, whole, lx):
        return LOOTING  # "bandits stormed the village and carted away livestock; no one was hurt"
    if raid and agent_code == STATE and _raid_to_arrest(patient, whole, lx):
        return "Arrests"  # "police raided a newspaper and took five executives into custody"
    crowd = _by_crowd(frame, agent, patient, sentence, whole, lx)
    if crowd is not None:
        return crowd
    if raid and is_armed(patient) and patient_code != CIVILIANS:
        return "Armed clash"
    armed_doer = agent_code in NON_STATE_ARMED or agent_code == STATE
    if sub == LOOTING and frame.name == "destruction" and armed_doer and not _unharmed(whole, lx, sentence):
        return "Attack"  # "set a bus on fire with its passengers inside, killing three"
    return sub


def _mob_justice(agent: Party | None, patient: Party | None, lx: EventLexicon) -> bool:
    """A crowd or vigilantes punishing suspected criminals themselves ("villagers lynched a suspected thief"):
    mob violence, not an armed group's attack."""
    if patient is None or not _is_suspect(patient.head, lx):
        return False
    doer = agent.head.lemma_.lower() if agent is not None else None
    return _inter_of(agent) in CROWDS or doer in lx.words("mob_justice_doers")


def _is_suspect(head: Token, lx: EventLexicon) -> bool:
    """ "a thief", "two suspected gang members", "an alleged kidnapper": someone accused of a crime."""
    if head.lemma_.lower() in lx.words("suspect_heads"):
        return True
    modifiers = (c for c in head.children if c.dep_ in ("amod", "compound", "acl"))  # "men suspected of it"
    return any(c.lower_ in lx.words("suspect_modifiers") for c in modifiers)


def _counter_protesters(agent: Party | None) -> bool:
    """ "Counter-protesters attacked the encampment", also when the tokenizer splits the prefix off."""
    if agent is None or agent.inter != PROTESTERS:
        return False
    head = agent.head
    return any(t.lower_.startswith("counter") for t in head.doc[max(head.i - 2, 0) : head.i + 1])


def _is_property(patient: Party | None, lx: EventLexicon) -> bool:
    return patient is not None and lx.object_kinds.get(patient.head.lemma_.lower()) == "property"


def _is_place(patient: Party | None, lx: EventLexicon) -> bool:
    """A place or property ("stormed Faskari", "raided cattle camps", "raided a warehouse"), not people."""
    if patient is None or patient.inter is not None or patient.armed_target:
        return False  # "raided an army post" is a fight with who holds it
    kind = lx.object_kinds.get(patient.head.lemma_.lower())
    return kind in ("property", "place") or patient.head.ent_type_ in ("GPE", "LOC", "FAC")


def _unharmed(whole: frozenset[str], lx: EventLexicon, told: frozenset[str] | None = None) -> bool:
    """Nobody killed, hurt or taken: no such word (in `told`, the words of the incident's own clauses, when
    given), or one only said not to have happened ("no one was hurt", "no casualties")."""
    harm = lx.fatal_words | lx.injury_words | lx.words("raid_harm_cues")
    return harm.isdisjoint(whole if told is None else told) or any_cue(_cues(lx, "no_harm_cues"), whole)


def _raid_for_loot(patient: Party | None, whole: frozenset[str], lx: EventLexicon) -> bool:
    """ "Gunmen raided a warehouse and carried off sacks of grain": a place raided and looted, none hurt."""
    if not _is_place(patient, lx):
        return False
    return _unharmed(whole, lx) and any_cue(_cues(lx, "looting_cues"), whole)


def _raid_to_arrest(patient: Party | None, whole: frozenset[str], lx: EventLexicon) -> bool:
    """State forces raiding a place to detain people, none hurt: the raid is how the arrests were made."""
    if patient is not None and patient.inter is not None and not patient.armed_target:
        return False  # "police raided the protesters' camp" is told by who was raided
    return _unharmed(whole, lx) and any_cue(_cues(lx, "arrest_cues"), whole)


def _by_territory(sub: str, agent_code: int | None, whole: frozenset[str], lx: EventLexicon) -> str:
    if _is_unopposed(whole, lx):
        return NON_VIOLENT_TRANSFER
    if agent_code == STATE:
        return "Government regains territory"
    return "Non-state actor overtakes territory" if agent_code in NON_STATE_ARMED else sub


def _by_detention(
    sub: str, agent: Party | None, patient: Party | None, whole: frozenset[str], lx: EventLexicon
) -> str:
    """Taken by an armed group, or held where no one says ("his whereabouts remain unknown"): a forced
    disappearance; else an arrest, also by the authorities an armed group runs ("the rebel authorities")."""
    if any_cue(_cues(lx, "disappearance_cues"), whole):
        return "Abduction/forced disappearance"
    if _stopped_bomber(whole, lx):
        return DISRUPTED  # "a would-be suicide bomber was arrested before he could detonate"
    if _inter_of(agent) in CROWDS and patient is not None and _is_suspect(patient.head, lx):
        return "Mob violence"  # "residents seized two suspected thieves": a crowd's justice, no arrest
    in_control = agent is not None and agent.head.lemma_.lower() in lx.words("authority_heads")
    return "Abduction/forced disappearance" if _inter_of(agent) in NON_STATE_ARMED and not in_control else sub


def _stopped_bomber(whole: frozenset[str], lx: EventLexicon) -> bool:
    """A bomber caught before the blast: the cues of the instrument that types such a bomb as disrupted."""
    stopped = (i for i in lx.instruments if i.sub_event_type == DISRUPTED and not i.near.isdisjoint(whole))
    return any(any_cue(instrument.cues, whole) for instrument in stopped)


def _inter_of(agent: Party | None) -> int | None:
    """The doer's actor code; a crowd called armed ("armed youths", "armed villagers") is a communal militia,
    as ACLED codes armed youths of a community."""
    if agent is None:
        return None
    called_armed = any(c.lower_ == "armed" for c in agent.head.children if c.dep_ == "amod")
    armed = agent.inter in CROWDS and called_armed
    return IDENTITY_MILITIA if armed else agent.inter


def _by_crowd(
    frame: Frame,
    agent: Party | None,
    patient: Party | None,
    sentence: frozenset[str],
    whole: frozenset[str],
    lx: EventLexicon,
) -> str | None:
    """Violence by or against protesters, rioters and crowds: how ACLED's protest, riot and mob types read it;
    None when no crowd takes part."""
    agent_code = _inter_of(agent)
    if agent_code is None and _called_angry(agent, lx):
        agent_code = RIOTERS  # "angry motorcycle taxi riders": a group known only by its anger is a crowd
    patient_code = patient.inter if patient else None
    if frame.name in DIRECT_VIOLENCE and _mob_justice(agent, patient, lx):
        return "Mob violence"  # "vigilantes beat two suspected thieves to death"
    if frame.violent and agent_code == PROTESTERS:
        return "Violent demonstration"  # "protesters stormed the governor's office"
    policing = frame.name in DIRECT_VIOLENCE and agent_code in (STATE, None)
    if policing and patient_code == PROTESTERS:
        return protest_outcome(INTERVENTION, sentence, lx)
    if _forces_at_a_protest(frame, agent_code, patient_code, whole, lx):
        return protest_outcome(INTERVENTION, sentence, lx)
    if frame.name == "clash" and {RIOTERS, PROTESTERS} & {agent_code, patient_code}:
        return "Violent demonstration"
    if agent_code in CROWDS and any_cue(_cues(lx, "mob_justice_cues"), whole):
        return "Mob violence"  # "a crowd attacked a police station to free a suspect": justice of its own
    demonstrating = _demonstrating(agent, whole, lx)
    if frame.name == "clash" and agent_code in CROWDS and _of_the_state(patient, lx):
        return "Violent demonstration"  # "youths clashed with police": a riot against the state, no mob
    grievance = demonstrating or _called_angry(agent, lx) or _answers_harm(agent, lx)
    rioting = agent_code == RIOTERS or (agent_code in CROWDS and grievance)
    if frame.name in DIRECT_VIOLENCE and rioting and _of_the_state(patient, lx):
        return "Violent demonstration"  # "a mob attacked a police post"; not "two farmers killed a soldier"
    at_a_protest = not lx.words("protest_settings").isdisjoint(whole)
    if frame.name == "clash" and agent_code is None and patient_code in (STATE, None) and at_a_protest:
        return "Violent demonstration"  # "protesters ... clashed with police", the doers lost by the parse
    if agent_code in CROWDS and (frame.violent or frame.name in CROWD_DAMAGE) and demonstrating:
        return "Violent demonstration"  # "students protesting fees smashed windows and clashed with police"
    if agent_code in CROWDS and frame.name in DIRECT_VIOLENCE | {"mob", "clash"}:
        return "Mob violence"
    if agent_code in (RIOTERS, PROTESTERS) and frame.name in CROWD_DAMAGE - {"destruction"}:
        return "Violent demonstration"
    looters = agent is not None and agent.head.lemma_.lower() in lx.words("looting_doers")
    if frame.name == "destruction" and looters:
        return LOOTING  # "looters emptied shops": people named by their looting, not a crowd at war
    if frame.name == "destruction" and agent_code in (RIOTERS, PROTESTERS):  # "a mob torched shops"
        return "Violent demonstration" if agent_code == PROTESTERS else "Mob violence"
    if frame.name == "destruction" and agent_code == CIVILIANS and _is_property(patient, lx):
        return "Mob violence"  # "villagers burned the houses of ..."; not "farmers burned crop residue"
    unarmed = agent_code is None or agent_code in CROWDS
    reciprocal = any_cue(_cues(lx, "reciprocal_cues"), sentence)
    if unarmed and frame.name in DIRECT_VIOLENCE | {"clash"} and reciprocal:
        return "Mob violence"  # "members of two communities attacked each other"
    armed_foe = is_armed(patient) and patient_code != CIVILIANS
    if unarmed and frame.name == "clash" and not armed_foe and any_cue(_cues(lx, "crude_weapon_cues"), whole):
        return "Mob violence"  # "rival fans fought with knives": no armed group on either side
    return None


def _called_angry(agent: Party | None, lx: EventLexicon) -> bool:
    if agent is None:
        return False
    angry = lx.words("grievance_adjectives")
    return any(c.dep_ == "amod" and c.lemma_.lower() in angry for c in agent.head.children)


def _of_the_state(patient: Party | None, lx: EventLexicon) -> bool:
    """State forces, or a site named by them ("a police station", "an army post")."""
    if patient is None or patient.inter == STATE:
        return patient is not None
    owners = (c for c in patient.head.children if c.dep_ == "compound")
    return any(lx.participants.get(c.lemma_.lower()) == STATE for c in owners)


def _demonstrating(agent: Party | None, whole: frozenset[str], lx: EventLexicon) -> bool:
    """A protest or a fight with state forces told in the sentence, or a grievance or barricades of the crowd
    itself: "youths angry at power cuts smashed windows", "students protesting fees clashed with police"."""
    if not lx.words("protest_settings").isdisjoint(whole) or any_cue(_cues(lx, "state_fight_cues"), whole):
        return True
    return _aggrieved(agent, lx) or _crowds_motive(agent, lx)


def _crowds_motive(agent: Party | None, lx: EventLexicon) -> bool:
    """A grievance told of the crowd: in a clause whose subject is the crowd or that has none of its own
    ("traders demanding lower taxes", "burned tyres over a fuel shortage"), not someone else's ("beat a
    shopkeeper after he demanded payment")."""
    if agent is None:
        return False
    cues = lx.words("riot_motive_cues")
    told = (t for t in agent.head.sent if lx.lemma_of(t.lemma_, t.lower_) in cues)
    return any(_voiced_by(t, agent.head) for t in told)


def _answers_harm(agent: Party | None, lx: EventLexicon) -> bool:
    """ "Youths attacked a police post after a boy was shot by an officer", "... over the death of a
    suspect in custody": a crowd that turns on the state after a killing, a shooting or an arrest has a
    grievance against it."""
    if agent is None:
        return False
    harm = lx.fatal_words | lx.injury_words | lx.words("raid_harm_cues") | lx.words("arrest_cues")
    marks = lx.words("background_marks") | {"over"}
    told = (t for t in agent.head.sent if lx.lemma_of(t.lemma_, t.lower_) in harm)
    return any(_marked(a, marks) for t in told for a in (t, *t.ancestors))


def _marked(word: Token, marks: frozenset[str]) -> bool:
    """ "after a boy was shot", "over the death": a word, or the clause it heads, introduced by a mark."""
    return word.lower_ in marks or any(c.dep_ == "mark" and c.lower_ in marks for c in word.children)


def _voiced_by(word: Token, crowd: Token) -> bool:
    clause = next((t for t in (word, *word.ancestors) if t.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return True
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is None or subject.i == crowd.i


def _aggrieved(agent: Party | None, lx: EventLexicon) -> bool:
    """ "Youths angry at a power cut", "residents furious over the killing": a crowd with a grievance it
    states, not only an angry one."""
    if agent is None:
        return False
    feelings = (c for c in agent.head.children if c.lemma_.lower() in lx.words("grievance_adjectives"))
    return any(g.dep_ == "prep" for c in feelings for g in c.children)


def _is_unopposed(sentence: frozenset[str], lx: EventLexicon) -> bool:
    """ "entered the town without resistance", "took the town after the rebels withdrew": territory changed
    hands without a fight."""
    if any_cue(_cues(lx, "unopposed_cues"), sentence):
        return True
    return any_cue(_cues(lx, "leaving_cues"), sentence) and not any_cue(_cues(lx, "fighting_cues"), sentence)


def _cues(lx: EventLexicon, name: str) -> Iterable[Phrase]:
    return (tuple(cue.split()) for cue in lx.words(name))


def _forces_at_a_protest(
    frame: Frame, agent_code: int | None, patient_code: int | None, sentence: frozenset[str], lx: EventLexicon
) -> bool:
    """State forces using violence where a protest is told ("soldiers fired on a crowd of demonstrators"):
    ACLED codes the protest with its outcome, not an attack on civilians."""
    if frame.name not in DIRECT_VIOLENCE or agent_code != STATE or patient_code in NON_STATE_ARMED:
        return False
    return not lx.words("protest_settings").isdisjoint(sentence)


def protest_severity(sub_event_type: str, lx: EventLexicon) -> int:
    """How badly a protest ended: `protest_outcomes` lists the worst outcome first; one it does not list (a
    peaceful protest) is the mildest, 0."""
    outcomes = [outcome for _cues, _event_type, outcome in lx.protest_outcomes]
    return len(outcomes) - outcomes.index(sub_event_type) if sub_event_type in outcomes else 0


def protest_outcome(sub: str, sentence: frozenset[str], lx: EventLexicon) -> str:
    """How a protest ended, by the first outcome whose cue the sentence holds; `sub` when none does."""
    for cues, _event_type, outcome in lx.protest_outcomes:
        if any_cue(cues, sentence):
            return outcome
    return sub


def _targets_civilians(sub: str, patient: Party | None, lx: EventLexicon) -> bool:
    if patient is not None and patient.inter == CIVILIANS:
        return True
    return lx.event_type_of(sub) == "Violence against civilians"


def contexts(lemmas: frozenset[str], lx: EventLexicon) -> list[str]:
    found: list[str] = []
    for lemma in sorted(lemmas):
        for context in lx.context_cues.get(lemma, ()):
            if context not in found:
                found.append(context)
    return sorted(found)


def interaction(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two actor codes, lower first; a sole actor's code times ten."""
    if inter1 is None:
        return None
    if inter2 is None:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
