"""Who did what to whom: agent, patient and instrument of a trigger, read from the dependency parse of its
clause, and the actor each phrase names (the actors component's mentions, else the phrase itself)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING

from eventdesk.extract.acled_codes import ARMED, CIVILIAN_GROUP, CIVILIANS, IDENTITY_MILITIA, REBELS, STATE
from eventdesk.extract.actors import (
    counted_noun,
    generic_actor,
    is_country_or_capital,
    known_actors,
    mentions_in,
    state_forces,
)
from eventdesk.extract.event_detect import DASHES, PLACE_ENTS, Trigger, without_dateline
from eventdesk.geo.recognise import after_stance_prefix
from eventdesk.knowledge.event_types import EventLexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventdesk.analyse.pipeline import AnalysedArticle
    from eventdesk.extract.actors import Mention
    from eventdesk.knowledge.actors import ActorWords
    from eventdesk.records import Person

PATIENT_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into"})
COUNTERPART_PREPS = frozenset({"with"})
AGENT_PREPS = frozenset({"by"})
WEAPON_CONTENT_PREPS = frozenset({"of", "with"})  # "canisters of chloropicrin", "shells with chlorine"
# verbs by which a side meets an attack ("fought off an assault by X", "repelled an attack by Y")
REPELLING_VERBS = frozenset({"repel", "repulse", "resist", "fight", "fend", "ward", "beat", "withstand"})
ACCORD_VERBS = frozenset({"sign", "reach", "conclude", "agree", "accept"})  # "signed a truce"
NESTED_CUTS = frozenset({"relcl", "acl"})  # a clause inside a phrase's parts: where the phrase ends
PHRASE_CUTS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep"})
DROPPED_MODIFIERS = frozenset({"det", "nummod", "quantmod", "predet", "case"})
PRONOUNS = frozenset({"it", "they", "them", "its", "their"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
OTHERS = frozenset({"other", "others", "one", "ones"})
INDEFINITES = frozenset({"anyone", "anybody", "everyone", "everybody", "someone", "somebody", "nobody"})
OWNER_ENTS = frozenset({"NORP", "GPE", "ORG"})
NAMED_SIDE_ENTS = frozenset({"PERSON", "ORG", "NORP"})
ANTECEDENT_WINDOW = 60  # tokens before a pronoun searched for what it stands for
# armed men named by what they did to someone ("their attackers" are those who attacked them), not by
# whom they belong to ("their troops")
DEED_NOUNS = frozenset(
    {"attacker", "assailant", "kidnapper", "abductor", "captor", "killer", "gunman", "bomber", "shooter"}
)
# people who may belong to an armed side: not civilians by their noun alone ("arrested a suspect in the case")
UNSURE_PEOPLE = frozenset({"suspect", "member", "leader", "commander", "defender"})
COMMUNITY_NOUNS = frozenset({"community", "tribe", "clan"})  # "gunmen from the Fulani community"
UNIDENTIFIED = "Unidentified"  # the generic armed group's name ("Unidentified Armed Group (Mali)")
PERSON_ROLES = "event_roles.person_roles"  # annotation: person name -> words of its role and organisation
PERSON_WORDS = frozenset({"PROPN"})


@dataclass(slots=True)
class Party:
    """One side of an incident: the phrase that names it and what it is."""

    head: Token
    start: int  # normalised character offsets of the phrase
    end: int
    text: str
    name: str | None  # canonical actor name when the actor dictionary knows it
    inter: int | None
    armed_target: bool = False  # the phrase is a place an armed side holds ("an ISIS hideout")
    identity: str | None = None  # ACLED's associate of civilians hit: what they are ("Journalists (Somalia)")
    held: bool = False  # the name is the owner of the property named ("a police station": the police)
    others: list[str] = field(default_factory=list)  # more sides the phrase names ("the Kuki and Meitei")

    @property
    def is_actor(self) -> bool:
        return self.name is not None or self.inter is not None

    @property
    def is_side(self) -> bool:
        """Whether the phrase can stand as a side of an event: an actor the dictionary or the generic actor
        rules name, people or forces by what they are ("nurses", "soldiers"), or a person or organisation
        named by NER; never a pronoun left unresolved ("we", "those"), a date ("yesterday's bombings") or an
        activity ("part of their training", "multiple attacks")."""
        if self.name is not None:
            return True
        if self.head.pos_ == "NOUN" and self.inter is not None:  # "nurses", "soldiers"
            return True
        return self.head.pos_ == "PROPN" and self.head.ent_type_ in NAMED_SIDE_ENTS


@dataclass(slots=True)
class Roles:
    agent: Party | None = None
    patient: Party | None = None
    local_lemmas: set[str] = field(default_factory=set)  # the trigger's own words, modifiers and instruments
    thing_hit: Party | None = None  # a place or building hit, when the victims became the patient

    def take_victims(self, victims: Party, lx: EventLexicon) -> None:
        """The victims are the side hit; a place or thing the trigger named stays what was hit ("shells fell
        on a market, killing five people": the market)."""
        hit = self.patient
        if hit is not None and _a_thing(hit, lx):
            self.thing_hit = hit
        self.patient = victims


def _a_thing(side: Party, lx: EventLexicon) -> bool:
    return not side.is_actor and names_a_thing(side, lx)


def names_a_thing(side: Party, lx: EventLexicon) -> bool:
    """A place or thing that can be hit: not a pronoun ("him"), people counted ("5", "dozens of others")
    or left unnamed ("two others"), nor what was used ("machetes", "an explosive vest", "a weapons
    cache"); a place that holds weapons is still a place ("an arms depot")."""
    head = side.head
    if head.pos_ not in ("NOUN", "PROPN") or counted_noun(head).i != head.i or head.lemma_.lower() in OTHERS:
        return False
    if lx.object_kinds.get(head.lemma_.lower()) in ("place", "property"):
        return True
    return not any(lx.object_kinds.get(t.lemma_.lower()) == "weapon" for t in head.subtree)


def read_roles(art: AnalysedArticle, trigger: Trigger, lx: EventLexicon) -> Roles:
    head = trigger.head
    own_words = range(trigger.start, trigger.end)
    weapon_lemmas: set[str] = set()  # "fired shells at targets in X": the weapons are the trigger's own words
    if trigger.is_noun and (dead := dead_read_as_verb(head)) is not None:  # "gunmen shot dead a worker"
        agent_token, objects = _verb_objects(dead, own_words)
        patient_token = next((o for o in objects if not _is_weapon(o, lx)), None)
    elif trigger.is_noun:
        agent_token, patient_token = _noun_roles(head, lx)
        if agent_token is None and _is_weapon_object(head, lx):  # "assailants threw a grenade at a bus"
            agent_token, aimed_at = _verb_objects(head.head, range(head.i, head.i + 1))
            patient_token = patient_token or next((o for o in aimed_at if o.dep_ == "pobj"), None)
        if patient_token is None and head.dep_ == "nsubj":  # "shells fell on a market", "crashed into a bus"
            landed_on = _verb_objects(head.head, range(head.i, head.i + 1))[1]
            patient_token = next((o for o in landed_on if o.dep_ == "pobj"), None)
    else:
        agent_token, objects = _verb_objects(head, own_words)
        patient_token = next((o for o in objects if not _is_weapon(o, lx)), None)
        if agent_token is not None and (attacker := _author_of_attack_met(head, lx)) is not None:
            agent_token, patient_token = attacker, agent_token
        weapon_lemmas = {t.lemma_.lower() for o in objects if _is_weapon(o, lx) for t in o.subtree}
        intransitive = trigger.frame.name in lx.words("intransitive_frames")
        agent_token, patient_token = _participle_noun(head, agent_token, patient_token, intransitive)
    if agent_token is None:
        agent_token, patient_token = _sides_between(head, patient_token)
    if agent_token is None and trigger.is_noun:
        agent_token = _participant(head, lx) or _agent_of_participle(head)
    if trigger.is_noun and head.head.i != head.i and _author_of_attack_met(_verb_of(head), lx) is not None:
        patient_token = _subject(_verb_of(head)) or patient_token  # "police repelled an attack by gunmen"
    if agent_token is None and trigger.is_noun and (user := _weapon_verb(head, lx)) is not None:
        agent_token, aimed_at = _verb_objects(user, range(head.i, head.i + 1))
        agent_token = agent_token or _inherited_agent(user)  # "used a drone to drop a grenade"
        patient_token = patient_token or next((o for o in aimed_at if o.dep_ == "pobj"), None)
    if agent_token is None and trigger.is_noun and (accord := _accord_verb(head)) is not None:
        agent_token, patient_token = _parties_of_accord(accord, head, patient_token)
    if agent_token is None and trigger.is_noun and (subjecting := _subjecting_verb(head)) is not None:
        agent_token, patient_token = _verb_roles(subjecting, range(head.i, head.i + 1))
    if agent_token is None:
        agent_token = _phrase_owner(art, trigger, lx)
    if agent_token is not None and _is_incident_word(agent_token, lx):
        # "a car bomb exploded": the weapon is no actor; "Russian missiles", "a bomb planted by militants"
        agent_token = _owner(agent_token) or _agent_of_participle(agent_token)
    if agent_token is None and not trigger.is_noun:
        agent_token = _inherited_agent(head)
    if patient_token is not None and (
        trigger.start <= patient_token.i < trigger.end
        or _is_time(patient_token)
        or patient_token.lower_ in INDEFINITES
    ):
        patient_token = None
    if patient_token is None:
        patient_token = _object_of_phrase(trigger)
    if patient_token is None and not trigger.is_noun:
        patient_token = _purpose_object(head)
    roles = Roles(local_lemmas=_local_lemmas(trigger) | weapon_lemmas)
    if agent_token is not None:
        attack = trigger.frame.violent and trigger.frame.name not in lx.words("mutual_frames")
        roles.agent = _agent_party(art, agent_token, lx, trigger.frame.violent, attack)
        roles.local_lemmas |= {t.lemma_.lower() for t in agent_token.subtree}
    if patient_token is not None and _is_weapon(patient_token, lx):
        roles.local_lemmas |= {t.lemma_.lower() for t in patient_token.subtree}
    elif patient_token is not None:
        roles.patient = _placed(art, victim(art, _aimed_at(patient_token, lx), lx), lx)
        if trigger.frame.violent:
            _place_not_state(art, roles.patient)
    if roles.patient is not None and _property_hit_by_unarmed(roles.patient, roles.agent, lx):
        roles.patient.inter = None  # "rioters torched a police station": a building burnt, not a fight
        roles.patient.name = None
    return roles


def _place_not_state(art: AnalysedArticle, patient: Party) -> None:
    """ "a missile attack on Kyiv", "shelled Idlib": a country, capital or town hit is a place, the target,
    not the state it can stand for nor an actor of unknown kind."""
    place = (
        patient.head.ent_type_ in PLACE_ENTS
        or is_country_or_capital(art, patient.text)
        or _read_as_place(art, patient.start, patient.end)
    )
    if place and patient.name is not None and (patient.inter is None or state_forces(art, patient.name)):
        patient.name, patient.inter = None, None


def _read_as_place(art: AnalysedArticle, start: int, end: int) -> bool:
    """Whether the places component read a place in the phrase ("an attack on Idlib")."""
    return any(p.start < end and start < p.end for p in art.annotations.get("places") or ())


def _property_hit_by_unarmed(patient: Party, agent: Party | None, lx: EventLexicon) -> bool:
    """A building read as its owner only through a modifier ("a police station"), hit by someone unarmed:
    the building is the target (hit by gunmen, it is the owner that was fought)."""
    is_property = lx.object_kinds.get(patient.head.lemma_.lower()) == "property"
    unnamed = patient.name is None or patient.held
    return is_property and unnamed and agent is not None and not is_armed(agent)


def _aimed_at(patient: Token, lx: EventLexicon) -> Token:
    """ "thwarted an attempt to assassinate the governor", "foiled a plot to bomb the embassy": who the
    attempt was aimed at."""
    if patient.lemma_.lower() not in lx.words("attempt_nouns"):
        return patient
    for verb in (c for c in patient.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
    return patient


def note_people(art: AnalysedArticle, people: list[Person]) -> None:
    """What the people component read of each person ("journalist", "rebel commander of M23"), for the
    sides of events that name them again by name alone."""
    art.annotations[PERSON_ROLES] = {p.name: ((p.role or "").lower(), p.organization) for p in people}


def victim(art: AnalysedArticle, head: Token, lx: EventLexicon) -> Party:
    """The side hit: a private person named ("gunmen shot journalist Musa Ali") is a civilian, as ACLED codes
    unarmed victims, "Civilians (Somalia)", with what they are as associate ("Journalists (Somalia)") when
    ACLED has a group for it; so are people named by their trade ("five farmers", "a nurse")."""
    side = party(art, head, lx)
    dictionary = known_actors(art)
    if dictionary is None or side.name is not None:
        return side
    noun = counted_noun(side.head).lemma_.lower()
    person = side.inter is None and lx.object_kinds.get(noun) == "person" and noun not in UNSURE_PEOPLE
    if person or (_private_person(art, side, dictionary.words, lx) and not _armed_membership(art, side, lx)):
        found = generic_actor(art, side.head, CIVILIANS)  # "beat two suspected thieves": people hit
        if found is not None:
            side.name, side.inter = found
            _add_identity(art, side)
    return side


def _add_identity(art: AnalysedArticle, side: Party) -> None:
    """What civilians are, when ACLED has a group for it: "five farmers" -> "Farmers (Nigeria)", of the
    civilians' country."""
    dictionary = known_actors(art)
    generic = (side.name or "").partition(" (")[0] == CIVILIAN_GROUP
    if dictionary is None or side.inter != CIVILIANS or not generic:
        return
    identity = _identity(art, side, dictionary.words)
    country = (side.name or "").partition(" (")[2]
    side.identity = f"{identity} ({country}" if identity and country else identity


def _private_person(art: AnalysedArticle, side: Party, words: ActorWords, lx: EventLexicon) -> bool:
    """A person named by name, not a member of an armed side by rank or description ("Colonel X", "rebel
    commander X", "X, a police officer") nor the leader of a party or movement ("opposition leader X")."""
    head = side.head
    named = head.ent_type_ == "PERSON" or bool(mentions_in(art, head.idx, head.idx + len(head), "person"))
    if not named or head.pos_ not in PERSON_WORDS or _read_as_place(art, side.start, side.end):
        return False  # "captured Rubaya": a town the tagger took for a person
    role = _role_words(art, head)
    if any(lx.participants.get(word) in ARMED for word in role):
        return False
    return role.isdisjoint(words.armed_titles) and role.isdisjoint(words.leader_titles)


def _role_words(art: AnalysedArticle, head: Token) -> set[str]:
    """The lower-case words that say what a named person is: titles before the name, the head and modifiers
    of an apposition, and the role the people component read for the person elsewhere in the article."""
    found: set[str] = set()
    for child in head.children:
        if child.i < head.i and child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ != "PERSON":
            found |= {t.lower_ for t in child.subtree} | {t.lemma_.lower() for t in child.subtree}
        elif child.dep_ == "appos":
            kept = [child, *(c for c in child.children if c.dep_ in ("compound", "amod", "nmod"))]
            found |= {t.lower_ for t in kept} | {t.lemma_.lower() for t in kept}
    role, _ = _person_read(art, head)
    return found | set(role.split())


def _person_read(art: AnalysedArticle, head: Token) -> tuple[str, str | None]:
    """The role and organisation the people component read for the person a name stands for."""
    person = next(iter(mentions_in(art, head.idx, head.idx + len(head), "person")), None)
    roles: dict[str, tuple[str, str | None]] = art.annotations.get(PERSON_ROLES) or {}
    return roles.get(person.name, ("", None)) if person is not None else ("", None)


def _armed_membership(art: AnalysedArticle, side: Party, lx: EventLexicon) -> bool:
    """ "X, a suspected member of al-Shabaab", "M23's X": a person an armed actor's name describes."""
    _, organization = _person_read(art, side.head)
    dictionary = known_actors(art)
    entry = dictionary.get(organization) if dictionary is not None and organization else None
    if entry is not None and entry.inter in ARMED:
        return True
    described = [c for c in side.head.children if c.dep_ in ("appos", "compound", "poss", "nmod")]
    for part in described:
        start, end = part.left_edge.idx, part.right_edge.idx + len(part.right_edge)
        mentions = mentions_in(art, start, end, "actor")
        if any(lx.inter_by_actor_type.get(m.type or "") in ARMED for m in mentions):
            return True
    return False


def _identity(art: AnalysedArticle, side: Party, words: ActorWords) -> str | None:
    """ACLED's group for what civilians hit are: the head noun ("farmers"), a two-word name ("aid
    workers") or, for a named person, a title or apposition ("journalist Musa Ali") or the role the
    person was given where first named."""
    head = counted_noun(side.head)
    nouns = [head, *(c for c in head.children if c.dep_ == "appos")]
    if head.pos_ == "PROPN":
        nouns += [c for c in head.children if c.i < head.i and c.dep_ == "compound" and c.pos_ == "NOUN"]
    for noun in nouns:
        before = noun.doc[noun.i - 1].lower_ if noun.i > 0 else ""
        for key in (f"{before} {noun.lower_}", noun.lower_, noun.lemma_.lower()):
            if key in words.civilian_identities:
                return words.civilian_identities[key]
    role = _person_read(art, head)[0].split() if head.pos_ == "PROPN" else []
    keys = [" ".join(pair) for pair in pairwise(role)] + role
    return next((words.civilian_identities[k] for k in keys if k in words.civilian_identities), None)


def _placed(art: AnalysedArticle, side: Party, lx: EventLexicon) -> Party:
    """A vague target keeps the place that says what it is ("fired at targets in Jericho")."""
    if side.is_actor or side.head.lemma_.lower() not in lx.words("vague_targets"):
        return side
    prep = next((c for c in side.head.children if c.dep_ == "prep" and c.lower_ in ("in", "near")), None)
    place = _pobj(prep) if prep is not None else None
    if place is None or place.ent_type_ not in ("GPE", "LOC", "FAC"):
        return side
    last = max(t.i for t in place.subtree)
    side.end = place.doc[last].idx + len(place.doc[last])
    side.text = art.norm.text[side.start : side.end]
    return side


def victim_roles(art: AnalysedArticle, head: Token, lx: EventLexicon) -> tuple[Party | None, Party | None]:
    """Killer and victims of a casualty word: "gunmen killed five villagers", "two soldiers were killed"."""
    agent_token, hit = _verb_roles(head) if head.pos_ == "VERB" else (None, None)
    if agent_token is None and head.pos_ == "VERB":
        agent_token = _inherited_agent(head)
    if agent_token is not None and _is_incident_word(agent_token, lx):
        # "the attack killed three": the killer is the incident itself, or who it is told to be by
        agent_token = _agent_of_participle(agent_token)
    if head.lemma_.lower() in ("die", "dead") and hit is None:
        hit = next((c for c in head.children if c.dep_ == "nsubj"), None)
        agent_token = _custodian(head, lx)
    if hit is not None and (_is_time(hit) or hit.pos_ not in ("NOUN", "PROPN", "PRON", "NUM")):
        hit = None
    known_agent = agent_token is not None and not _is_time(agent_token)
    agent = _agent_party(art, agent_token, lx, True) if known_agent and agent_token is not None else None
    return agent, (victim(art, hit, lx) if hit is not None else None)


def _agent_party(
    art: AnalysedArticle, token: Token, lx: EventLexicon, violent: bool, attack: bool = False
) -> Party | None:
    """The doer's party; none for a thing a relative clause hangs on ("an attack on a church that killed
    five": the church did not kill). A state that strikes ("the US launched airstrikes", "US Predator
    attacks") strikes with its military forces; a few unnamed people who attack, bomb or shoot (not who
    fight each other) are armed."""
    side = party(art, token, lx)
    if token.tag_ in ("WP", "WDT") and not side.is_actor:
        return None
    forces = state_forces(art, side.name) if violent and side.name else None
    if forces is not None:
        side.name, side.inter = forces
    elif (
        attack
        and side.inter == CIVILIANS
        and _few(token)
        and (armed := generic_actor(art, token, armed=True))
    ):
        side.name, side.inter = armed  # "a man detonated a vest": unnamed people who attack are armed
    return side


def _few(token: Token) -> bool:
    """ "a man", "two men", unlike "hundreds of people": not a crowd, whose violence is a riot's."""
    return token.tag_ in ("NN", "NNP") or any(c.dep_ == "nummod" for c in token.children)


def _is_weapon_object(noun: Token, lx: EventLexicon) -> bool:
    """A weapon that is the object of a verb: who used it and at what are the verb's ("assailants threw a
    grenade at a bus station", "militants fired rockets at a base", "gunmen planted a bomb")."""
    return noun.dep_ == "dobj" and _is_weapon(noun, lx)


def _custodian(death: Token, lx: EventLexicon) -> Token | None:
    """Who held someone who died in their hands ("died in Israeli police custody", "died in army detention"):
    the body named before the custody word."""
    for prep in (c for c in death.children if c.dep_ == "prep" and c.lower_ == "in"):
        held = _pobj(prep)
        if held is None or held.lemma_.lower() not in lx.words("custody_nouns"):
            continue
        modifiers = [c for c in held.children if c.dep_ in ("compound", "poss", "amod")]
        nouns = [m for m in modifiers if m.dep_ != "amod"]  # "police" of "Israeli police custody"
        owners = [m for m in modifiers if m.dep_ == "amod" and m.ent_type_ in OWNER_ENTS]
        return (nouns + owners)[0] if nouns or owners else None
    return None


def _phrase_owner(art: AnalysedArticle, trigger: Trigger, lx: EventLexicon) -> Token | None:
    """Who a trigger phrase names as its doer by a modifier: "a Ukrainian drone attack", "a US airstrike",
    "US Predator attacks" (the owner may modify the weapon's name); a doer word of the phrase keeps its
    modifier ("Israeli tanks fired": the tanks, Israel's)."""
    owners = OWNER_ENTS if trigger.frame.name in lx.words("state_weapon_frames") else OWNER_ENTS - {"GPE"}
    for token in trigger.head.doc[trigger.start : trigger.end]:
        for child in token.children:
            if trigger.start <= child.i < trigger.end or child.dep_ not in ("amod", "compound"):
                continue
            named = [child, *(g for g in child.children if g.dep_ in ("amod", "compound"))]
            owner = next((m for m in named if m.ent_type_ in owners or _is_actor_word(art, m)), None)
            if owner is not None:
                return token if token.lemma_.lower() in lx.participants else owner
    return None


def _is_actor_word(art: AnalysedArticle, token: Token) -> bool:
    """A modifier the actors component read as an actor ("US" before a weapon's name), not a place ("the
    Kabul attack", "the Paris attacks")."""
    if token.ent_type_ in PLACE_ENTS or is_country_or_capital(art, token.text):
        return False
    return any(m.kind == "actor" for m in mentions_in(art, token.idx, token.idx + len(token)))


def _agent_of_participle(noun: Token) -> Token | None:
    """ "the attack, claimed by the Islamic State", "a bomb planted by militants", "a raid carried out by
    the army": the agent of a past participle that describes an incident or weapon."""
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None and (doer := _pobj(agent)) is not None:
            return doer
    return None


def _owner(weapon: Token) -> Token | None:
    """The country or group a weapon is said to belong to ("Russian missiles", "Hamas rockets")."""
    return next(
        (c for c in weapon.children if c.dep_ in ("amod", "compound", "poss") and c.ent_type_ in OWNER_ENTS),
        None,
    )


def _is_incident_word(token: Token, lx: EventLexicon) -> bool:
    lemma = token.lemma_.lower()
    return lemma not in lx.participants and (lemma in lx.triggers or _is_weapon(token, lx))


def _is_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME")


def _object_of_phrase(trigger: Trigger) -> Token | None:
    """ "opened fire on protesters": the preposition may hang on a word of the trigger phrase."""
    doc = trigger.head.doc
    for token in doc[trigger.start : trigger.end]:
        if token.i == trigger.head.i:
            continue
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in PATIENT_PREPS and (obj := _pobj(prep)) is not None:
                return obj
    return None


def _purpose_object(verb: Token) -> Token | None:
    """ "opened fire to disperse demonstrators": what the act was aimed at."""
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            return next((c for c in child.children if c.dep_ == "dobj"), None)
    return None


def _is_weapon(head: Token, lx: EventLexicon) -> bool:
    """ "exploded a series of bombs": what was used, not who was hit."""
    of_object = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = _pobj(of_object) if of_object is not None else None
    return any(lx.object_kinds.get(t.lemma_.lower()) == "weapon" for t in (head, obj) if t is not None)


def _verb_roles(verb: Token, skip: range = range(0)) -> tuple[Token | None, Token | None]:
    agent, objects = _verb_objects(verb, skip)
    return agent, (objects[0] if objects else None)


def _verb_objects(verb: Token, skip: range = range(0)) -> tuple[Token | None, list[Token]]:
    """Agent and objects of a verb, direct objects first (the first one nearest the verb: a later one is
    the parser's reading of a postposed reporter, "abused migrants, a rights group charged"), then
    "on/against/at/with" phrases. A trigger noun that is itself the verb's object is skipped ("the attack
    was carried out on a hideout": the patient is the hideout)."""
    agent = None
    direct: list[Token] = []
    oblique: list[Token] = []
    for child in verb.children:
        dep = child.dep_
        if child.i in skip:
            continue
        if dep == "nsubj" and (subject := _past_dateline(child)) is not None:
            agent = subject
        elif dep in ("nsubjpass", "dobj"):
            direct.append(child)
        elif dep == "prt" and child.lower_ == "up":  # "kidnapped up to 16 advisers", misparsed as a particle
            direct += [o for prep in child.children if prep.lower_ == "to" and (o := _pobj(prep)) is not None]
        elif dep == "agent":
            agent = _pobj(child) or agent
        elif dep == "prep" and child.lower_ in PATIENT_PREPS | COUNTERPART_PREPS:
            oblique += [c for c in child.children if c.dep_ == "pobj" and not _is_time(c)]
    return agent or _subject_of_participle(verb), direct + oblique


def _subject_of_participle(verb: Token) -> Token | None:
    """ "Farmers demanding pay attacked the office": the crowd a participle describes did what the past tense
    says, whether the parse makes the participle the sentence's head (the past tense its clause) or the
    past tense's clausal subject."""
    head = verb.head
    past = verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if past and verb.dep_ == "ccomp" and head.dep_ == "ROOT" and head.tag_ == "VBG":
        return _subject(head)
    clauses = (c for c in verb.children if c.dep_ == "csubj" and c.tag_ == "VBG")
    return next((s for c in clauses if (s := _subject(c)) is not None), None) if past else None


def _author_of_attack_met(verb: Token, lx: EventLexicon) -> Token | None:
    """ "Soldiers fought off an assault by ISWAP fighters", "police repelled an attack by gunmen": an attack
    the subject met has its own author, who struck first (ACLED's actor1); the subject is the side hit."""
    if verb.lemma_.lower() not in REPELLING_VERBS:
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [o for c in verb.children if c.dep_ in ("prep", "prt") and (o := _pobj(c)) is not None]
    for obj in objects:
        if obj.pos_ != "NOUN" or not _is_incident_word(obj, lx) or _is_weapon(obj, lx):
            continue
        by = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        author = _pobj(by) if by is not None else None
        if author is not None and not _is_time(author):
            return author
    return None


def dead_read_as_verb(noun: Token) -> Token | None:
    """ "Gunmen on a motorcycle shot dead a worker": the parser may read "shot" as a noun and "dead" as the
    verb that has the subject and the object; "dead" is then the clause of the shooting."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if after is None or after.lower_ != "dead" or noun.lower_ not in ("shot", "gunned", "stabbed", "beaten"):
        return None
    own = {c.dep_ for c in after.children}
    return after if "dobj" in own and "nsubj" in own else None


def _verb_of(noun: Token) -> Token:
    """The verb a noun is the object of, directly or through a preposition ("fought off an assault")."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head


def _subject(verb: Token) -> Token | None:
    subjects = (_past_dateline(c) for c in verb.children if c.dep_ == "nsubj")
    return next((s for s in subjects if s is not None), None)


def _participle_noun(
    verb: Token, agent: Token | None, patient: Token | None, intransitive: bool
) -> tuple[Token | None, Token | None]:
    """ "students protesting against fees": the noun a participle describes did it; "the village attacked by
    gunmen": it suffered it (unless nothing can suffer it: "people protested")."""
    if verb.dep_ != "acl":
        return agent, patient
    if (verb.tag_ == "VBG" or intransitive or _main_verb_of_noun_line(verb)) and agent is None:
        return verb.head, patient
    if verb.tag_ == "VBN" and patient is None:
        return agent, verb.head
    return agent, patient


def _main_verb_of_noun_line(verb: Token) -> bool:
    """ "On 26 April, a mob set upon two men" parsed as a noun with a participle: a past tense that describes
    the sentence's head noun and acts on an object of its own is the sentence's verb, the noun its doer."""
    if verb.tag_ not in ("VBD", "VBN") or verb.head.dep_ != "ROOT" or verb.i < verb.head.i:
        return False
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "upon") for c in verb.children)


def _noun_roles(noun: Token, lx: EventLexicon) -> tuple[Token | None, Token | None]:
    agent = patient = None
    for child in noun.children:
        if child.dep_ == "poss" or (
            child.dep_ in ("compound", "amod") and child.ent_type_ in ("ORG", "NORP")
        ):
            agent = child
        elif child.dep_ == "prep" and child.lower_ in AGENT_PREPS:
            agent = _pobj(child) or agent
        elif child.dep_ == "prep" and child.lower_ == "between":
            sides = _coordinated(_pobj(child))
            agent, patient = sides[0], (sides[1] if len(sides) > 1 else None)
        elif child.dep_ == "prep" and patient is None and child.lower_ in PATIENT_PREPS | COUNTERPART_PREPS:
            patient = _pobj(child)
        elif child.dep_ == "prep" and patient is None and child.lower_ == "of" and _acts_on_of(noun, lx):
            patient = _pobj(child)  # "the invasion of South Lebanon", "the shelling of Kharkiv"
    verb = noun.head
    if patient is None and (taking_part := _participation_verb(noun, lx)) is not None:
        objects = _verb_objects(taking_part, range(noun.i, noun.i + 1))[1]  # "were engaged in X against Y"
        patient = next((o for o in objects if o.dep_ == "pobj"), None)
    if noun.dep_ in ("dobj", "nsubjpass") and verb.lemma_.lower() in lx.words("light_verbs"):
        verb_agent, verb_patient = _verb_roles(verb, range(noun.i, noun.i + 1))
        agent = agent or verb_agent
        patient = patient or verb_patient
    return agent, patient


def _sides_between(head: Token, patient: Token | None) -> tuple[Token | None, Token | None]:
    """ "fighting between the army and the RSF", "clashes broke out between police and protesters": the
    first side named is actor1, the second actor2 (the "between" phrase may hang on the verb the trigger is
    the subject of)."""
    holders = [head] + ([head.head] if head.dep_ == "nsubj" else [])
    for holder in holders:
        prep = next((c for c in holder.children if c.dep_ == "prep" and c.lower_ == "between"), None)
        sides = _coordinated(_pobj(prep)) if prep is not None else []
        if sides:
            return sides[0], sides[1] if len(sides) > 1 else patient
    return None, patient


def _participant(noun: Token, lx: EventLexicon) -> Token | None:
    """ "Serb forces were engaged in ethnic cleansing", "militias took part in the fighting"."""
    verb = _participation_verb(noun, lx)
    if verb is None:
        return None
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _weapon_verb(noun: Token, lx: EventLexicon) -> Token | None:
    """The verb that fires, drops or uses what the trigger names: its subject did it, its "at" or "on" phrase
    was hit ("forces fired chemical munitions at positions"); also through the words that describe the
    weapon ("munitions containing chloropicrin", "canisters of chloropicrin", "a grenade filled with gas")."""
    token = noun
    for _ in range(4):
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in WEAPON_CONTENT_PREPS:
            token = head.head  # "canisters of X", "munitions with X", "filled with X"
        elif token.dep_ == "dobj" and head.pos_ == "VERB" and head.dep_ == "acl":
            token = head  # "munitions containing X"
        elif token.dep_ == "dobj" and head.pos_ == "VERB":
            return head if head.lemma_.lower() in lx.words("weapon_anchors") else None
        else:
            return None
        if token.dep_ == "acl" and token.pos_ == "VERB":
            token = token.head  # the participle's noun: "a grenade filled with X"
    return None


def _accord_verb(noun: Token) -> Token | None:
    """The verb by which parties conclude what the noun names: "signed a ceasefire", "reached a truce",
    "agreed to a four-day pause"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in ACCORD_VERBS:
        return head
    agreed_to = noun.dep_ == "pobj" and head.lower_ in ("to", "on") and head.head.lemma_.lower() == "agree"
    return head.head if agreed_to else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _subjecting_verb(noun: Token) -> Token | None:
    """ "gunmen subjected 6 women to sexual violence": the verb whose subject did what the noun names to
    its object."""
    prep = noun.head
    to_verb = noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() == "subject"
    return prep.head if to_verb else None


def _parties_of_accord(verb: Token, noun: Token, patient: Token | None) -> tuple[Token | None, Token | None]:
    """ "Israel and Hamas agreed to a pause": the first party and the second; "the army agreed a truce with
    the rebels": the subject and whom it agreed with."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    parties = _coordinated(subject)
    if len(parties) > 1:
        return parties[0], parties[1]
    objects = _verb_objects(verb, range(noun.i, noun.i + 1))[1]
    return subject, patient or next((o for o in objects if o.dep_ == "pobj"), None)


def _participation_verb(noun: Token, lx: EventLexicon) -> Token | None:
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.lower_ != "in":
        return None
    return verb if verb.lemma_.lower() in lx.words("participation_verbs") else None


def _acts_on_of(noun: Token, lx: EventLexicon) -> bool:
    """Whether a trigger noun's "of" phrase names what it acts on ("the bombing of the market"), unlike
    "the fighters of ISIS"."""
    return noun.lemma_.lower() in lx.words("of_patient_nouns")


def _inherited_agent(token: Token) -> Token | None:
    """The subject of the verb a participle or a coordinated verb hangs on ("opened fire, killing one",
    "entered the town after driving out the rebels")."""
    while token.head.i != token.i:
        if token.dep_ == "pcomp" and token.head.head.pos_ == "VERB" and not _passive(token):
            token = token.head.head  # not "died after being tortured": the one who died was the victim
        elif token.dep_ in ("advcl", "xcomp", "conj") and token.head.pos_ == "VERB":
            token = token.head
        else:
            return None
        subject = _subject(token)
        if subject is not None:
            return subject
    return None


def _past_dateline(subject: Token) -> Token | None:
    """The subject itself, or when the parser made a wire dateline's place the subject ("MOGADISHU,
    Somalia (AP) — Gunmen killed ...", with "Gunmen" hung on the place), the words after the dateline that
    it hung there; None when there are none."""
    if not _in_dateline(subject):
        return subject
    start = without_dateline(subject.sent).start
    hung = (c for c in subject.children if c.i >= start and c.dep_ in ("appos", "conj", "npadvmod", "dep"))
    return next(hung, None)


def _in_dateline(token: Token) -> bool:
    """ "KABUL (Reuters) — A car bomb exploded": the parser may make a wire dateline's place the verb's
    subject, but it is where the report was filed, no doer."""
    return token.is_upper and token.i < without_dateline(token.sent).start


def clause_subject(token: Token) -> Token | None:
    """The subject of the nearest verb above a word ("ISIS is going through its worst time, in contrast to
    only two attacks": the attacks are ISIS's)."""
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def other_side(trigger: Trigger, lx: EventLexicon) -> Token | None:
    """Who territory was taken from ("retook the town from M23 rebels") or handed to ("handed over the
    base to the Malian army")."""
    frame = trigger.frame.name
    if frame in lx.words("from_side_frames"):
        wanted = "from"
    elif frame in lx.words("to_side_frames"):
        wanted = "to"
    else:
        return None
    head = trigger.head
    preps = [t for t in head.subtree if t.dep_ == "prep" and t.lower_ == wanted and _same_clause(t, head)]
    return _pobj(preps[0]) if preps else None


def _same_clause(token: Token, head: Token) -> bool:
    """Whether a word hangs on `head` through nouns and prepositions only ("retook the town in Rutshuru
    territory from M23": the "from" phrase may attach to the place)."""
    while token.head.i != head.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return False
    return True


def partners(head: Token) -> list[Token]:
    """Sides named together with a phrase's head: "Sudan's army and the RSF", "US and British warplanes"."""
    found = [c for c in head.children if c.dep_ == "conj"]
    for modifier in (c for c in head.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
        joined = [c for c in modifier.children if c.dep_ == "conj"]
        found += [modifier, *joined] if joined else []
    return found


def _pobj(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ == "pobj"), None)


def _coordinated(token: Token | None) -> list[Token]:
    if token is None:
        return []
    return [token, *(c for c in token.children if c.dep_ == "conj")]


def _local_lemmas(trigger: Trigger) -> set[str]:
    head = trigger.head
    doc = head.doc
    lemmas = {doc[i].lemma_.lower() for i in range(trigger.start, trigger.end)}
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod", "dobj", "npadvmod") or (
            child.dep_ == "prep" and child.lower_ in ("with", "using", "by", "in")
        ):
            lemmas |= {t.lemma_.lower() for t in child.subtree}
    if head.dep_ in ("compound", "pobj", "dobj", "nsubj", "nsubjpass"):
        lemmas |= {t.lemma_.lower() for t in head.head.children if t.dep_ in ("compound", "amod")}
    return lemmas


def party(art: AnalysedArticle, head: Token, lx: EventLexicon) -> Party:
    head = _named_after_adjective(art, _antecedent_token(art, head))
    tokens = phrase_tokens(head, keep_name=lx.object_kinds.get(head.lemma_.lower()) == "place")
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = art.norm.text[start:end]
    mention = _mention_for(art, head, start, end)
    inter = _inter_of(mention, head, lx)
    people = _people_by_nationality(mention, head, inter)
    name = mention.name if mention is not None and not people else None
    armed_target = _is_armed_target(head, lx)
    code = inter if people else lx.participants.get(counted_noun(head).lemma_.lower())
    unnamed = name is None or name.startswith(UNIDENTIFIED)
    if unnamed and code in ARMED and (owner := _owner_of_forces(art, head, lx)) is not None:
        name, inter = owner  # "Rwandan forces said their troops clashed with insurgents": Rwanda's
    named = generic_actor(art, head, code) or (_position_owner(art, head, lx) if armed_target else None)
    if name is None and named is not None:  # "gunmen", "Turkish drone", "an army checkpoint"
        name, inter = named[0], named[1] if named[1] is not None else inter
    held = name is None and inter in ARMED and lx.object_kinds.get(head.lemma_.lower()) == "property"
    owner = _position_owner(art, head, lx) if held else None  # "a police station": the police
    if owner is not None:
        name = owner[0]
    militias = _community_militias(head, name)
    if militias:  # "armed men from the Kuki and Meitei communities"
        name, inter = militias[0], IDENTITY_MILITIA
    side = Party(head, start, end, text, name, inter, armed_target=armed_target, held=owner is not None)
    side.others = militias[1:]
    _add_identity(art, side)
    return side


def _community_militias(head: Token, name: str | None) -> list[str]:
    """ "Armed men from the Kuki and Meitei communities", "gunmen from the Fulani community": unnamed armed
    men a community is named for are its militia, ACLED's "<Name> Ethnic Militia (<country>)"."""
    if name is None or not name.startswith(UNIDENTIFIED):
        return []
    origin = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    group = _pobj(origin) if origin is not None else None
    if group is None or group.lemma_.lower() not in COMMUNITY_NOUNS:
        return []
    names = [c for c in group.children if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    names += [j for n in names for j in n.children if j.dep_ == "conj" and j.pos_ == "PROPN"]
    country = name.partition(" (")[2]
    return [f"{n.text} Ethnic Militia" + (f" ({country}" if country else "") for n in names]


def _owner_of_forces(art: AnalysedArticle, head: Token, lx: EventLexicon) -> tuple[str, int | None] | None:
    """The armed actor a possessive pronoun before a force noun stands for ("their troops", "its fighters"),
    named earlier in the text."""
    owner = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
    if owner is None or head.lemma_.lower() in DEED_NOUNS:
        return None
    for candidate in (_speaker_of(head), _antecedent_token(art, owner)):
        if candidate is None or candidate.i >= owner.i:
            continue
        side = party(art, candidate, lx)
        if side.name and side.inter in ARMED:
            return side.name, side.inter
    return None


def _speaker_of(token: Token) -> Token | None:
    """Who says the clause a word is in ("Rwandan forces, deployed to help Mozambique, said that their troops
    ..."): the subject of the verb the clause is the complement of."""
    while token.dep_ != "ccomp" and token.head.i != token.i:
        token = token.head
    return _subject(token.head) if token.dep_ == "ccomp" else None


def _named_after_adjective(art: AnalysedArticle, head: Token) -> Token:
    """ "shells fired by the paramilitary Rapid Support Forces": the parser may leave the adjective as the
    phrase and the name outside it; an adjective directly followed by an actor's name describes that name."""
    if head.pos_ != "ADJ" or head.i + 1 >= len(head.doc):
        return head
    after = head.doc[head.i + 1]
    named = [m for m in mentions_in(art, after.idx, after.idx + len(after), "actor") if m.start == after.idx]
    if not named:
        return head
    last = art.doc.char_span(named[0].start, named[0].end, alignment_mode="expand")
    return last.root if last is not None else head


def _people_by_nationality(mention: Mention | None, head: Token, inter: int | None) -> bool:
    """ "killed four Iraqis", "ethnic Albanians": people named by nationality alone are civilians, whom ACLED
    names "Civilians (<country>)"."""
    unknown = mention is not None and mention.type is None
    return unknown and inter == CIVILIANS and counted_noun(head).ent_type_ == "NORP"


def _position_owner(art: AnalysedArticle, head: Token, lx: EventLexicon) -> tuple[str, int | None] | None:
    """Who holds a position named by its modifiers ("an army checkpoint", "a FAMa position"), also when
    only part of it is named ("part of a rebel stronghold")."""
    of_object = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    held = _pobj(of_object) if of_object is not None else None
    position = held if held is not None and held.lemma_.lower() in lx.armed_targets else head
    for modifier in (c for c in position.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
        mentions = mentions_in(art, modifier.idx, modifier.idx + len(modifier), kind="actor")
        if mentions:
            return mentions[0].name, None
        if (generic := generic_actor(art, modifier)) is not None:
            return generic
    return None


def _antecedent_token(art: AnalysedArticle, head: Token) -> Token:
    """A relative or personal pronoun stands for the phrase it refers to, when no actor mention covers it."""
    if head.tag_ in ("WP", "WDT") and head.head.dep_ in ("relcl", "acl"):
        return head.head.head
    if head.lower_ not in PRONOUNS or mentions_in(art, head.idx, head.idx + len(head)):
        return head
    before = head.doc[max(0, head.i - ANTECEDENT_WINDOW) : head.i]
    plural = head.lower_ in PLURAL_PRONOUNS
    subjects = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and _could_be(t, plural, art)]
    return subjects[-1] if subjects else head


def _could_be(token: Token, plural: bool, art: AnalysedArticle) -> bool:
    """Whether a subject can be what a pronoun stands for: a group (not a person), of the right number."""
    if token.pos_ == "PRON" or token.ent_type_ == "PERSON":
        return False
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return True
    return (token.tag_ in ("NNS", "NNPS")) == plural


def phrase_tokens(head: Token, keep_name: bool = False) -> list[Token]:
    """The words of a noun phrase without relative clauses, appositions and leading determiners or numbers;
    with `keep_name`, a name in apposition stays ("the capital Kyiv")."""
    kept = [head]
    for child in head.children:
        name = keep_name and child.dep_ == "appos" and child.pos_ == "PROPN"
        if (
            child.dep_ in PHRASE_CUTS
            and not (child.dep_ == "prep" and child.lower_ in ("of", "for"))
            and not name
        ):
            continue
        if (child.dep_ in DROPPED_MODIFIERS or child.tag_ == "PRP$") and child.i < head.i:
            continue
        if child.dep_ == "case":  # "the army's offensive": the army
            continue
        kept.extend(child.subtree)
    kept = _without_nested_clauses(head, kept)
    first, last = kept[0].i, kept[-1].i
    if head.doc[first].lower_ == "dead" and first - 1 == head.head.i and first < head.i:
        first += 1  # "shot dead journalist X": the word belongs to the verb
    dashes = [t.i for t in head.doc[first : head.i] if t.text in DASHES and t.whitespace_]
    if dashes:  # "KABUL, Afghanistan - Gunmen ...": the phrase starts after a dateline's dash
        first = dashes[-1] + 1
    words = [t for t in head.doc[first : last + 1] if not (t.is_punct and t.i in (first, last))] or [head]
    after = words[-1].i + 1
    opened = sum(t.text == "(" for t in words) > sum(t.text == ")" for t in words)
    if opened and after < len(head.doc) and head.doc[after].text == ")":
        words.append(head.doc[after])  # "the Syrian Democratic Forces (SDF)": the bracket closes
    return words


def _without_nested_clauses(head: Token, kept: list[Token]) -> list[Token]:
    """The phrase up to a clause inside one of its parts ("a district of Nyala, which the RSF
    has held since last year": the RSF is no part of what was bombed)."""
    kept.sort(key=lambda t: t.i)
    nested = (t for t in kept if t.dep_ in NESTED_CUTS and t.head.i != head.i and t.i > head.i)
    cut = min((t.left_edge.i for t in nested), default=None)
    if cut is None:
        return kept
    inside = [t for t in kept if t.i < cut]
    while len(inside) > 1 and inside[-1].is_punct:
        inside.pop()
    return inside or kept


def _mention_for(art: AnalysedArticle, head: Token, start: int, end: int) -> Mention | None:
    mentions = [m for m in mentions_in(art, start, end) if m.kind == "actor" and not _stance_of(art, m)]
    if not mentions and head.lower_ in PRONOUNS:
        return _antecedent(art, head)
    if not mentions:
        return None
    on_head = [m for m in mentions if m.start <= head.idx < m.end]
    return (on_head or mentions)[0]


def _stance_of(art: AnalysedArticle, mention: Mention) -> bool:
    """ "an anti-Iran lawyer", "pro-Russian separatists": the name says what the party is for or
    against, not what it is."""
    words = art.doc.char_span(mention.start, mention.end)
    return words is not None and after_stance_prefix(art.doc, words.start)


def _after_stance(token: Token) -> bool:
    return after_stance_prefix(token.doc, token.i)


def _antecedent(art: AnalysedArticle, pronoun: Token) -> Mention | None:
    """The nearest actor mentioned shortly before a pronoun."""
    window_start = pronoun.doc[max(0, pronoun.i - ANTECEDENT_WINDOW)].idx
    earlier = [m for m in mentions_in(art, window_start, pronoun.idx) if m.kind == "actor"]
    return earlier[-1] if earlier else None


def _inter_of(mention: Mention | None, head: Token, lx: EventLexicon) -> int | None:
    if mention is not None and mention.type in lx.inter_by_actor_type:
        return lx.inter_by_actor_type[mention.type]
    if _unknown_named_force(mention, head, lx):
        return REBELS
    if head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS"):  # "ethnic Albanians", "Iraqis"
        return lx.participants.get("civilian")
    modifiers = [c for c in head.children if c.dep_ in ("compound", "amod") and not _after_stance(c)]
    phrases = [f"{m.lower_} {head.lower_}" for m in modifiers] + [head.lemma_.lower(), head.lower_]
    for phrase in phrases:
        if phrase in lx.participants:
            return lx.participants[phrase]
    for token in modifiers:
        code = lx.participants.get(token.lemma_.lower()) or lx.participants.get(token.lower_)
        if code is not None:
            return code
    of_object = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of_object is not None and (obj := _pobj(of_object)) is not None:
        return lx.participants.get(obj.lemma_.lower())
    return None


def _unknown_named_force(mention: Mention | None, head: Token, lx: EventLexicon) -> bool:
    """ "the Zomi Revolutionary Army", "the Karenni Defence Force": a name the dictionary does not know
    whose head is a force word is a non-state group (a state's forces are in the dictionary)."""
    known = mention is not None and mention.type is not None
    if known or head.pos_ != "PROPN" or lx.participants.get(head.lower_) != STATE:
        return False
    return any(c.dep_ == "compound" and c.pos_ == "PROPN" and c.ent_type_ != "GPE" for c in head.children)


def _is_armed_target(head: Token, lx: EventLexicon) -> bool:
    if head.lemma_.lower() in lx.armed_targets:
        return True
    of_object = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = _pobj(of_object) if of_object is not None else None
    return obj is not None and obj.lemma_.lower() in lx.armed_targets


def is_armed(side: Party | None) -> bool:
    return side is not None and (side.armed_target or side.inter in ARMED)


def instrument_phrase(
    art: AnalysedArticle, root: Token, heads: frozenset[str], modifiers: frozenset[str], lx: EventLexicon
) -> Party | None:
    """The first instrument, or the blast it made, in a clause ("a roadside bomb", "a car bomb
    explosion", "struck a landmine", "a suicide attack"): the phrase an unnamed perpetrator is read from."""
    for token in root.subtree:
        if token.pos_ not in ("NOUN", "PROPN") or not _names_instrument(token, heads, modifiers, lx):
            continue
        while token.dep_ in ("compound", "amod") and token.head.lemma_.lower() in heads:
            token = token.head  # "car bomb explosion": the whole phrase
        tokens = phrase_tokens(token)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        return Party(token, start, end, art.norm.text[start:end], None, None)
    return None


def _names_instrument(
    token: Token, heads: frozenset[str], modifiers: frozenset[str], lx: EventLexicon
) -> bool:
    if lx.lemma_of(token.lemma_, token.lower_) in heads:
        return True
    return any(c.dep_ in ("amod", "compound") and c.lower_ in modifiers for c in token.children)
