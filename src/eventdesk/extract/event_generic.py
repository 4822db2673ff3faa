"""Words of violence that report no incident of their own: a weapon platform ("attack, bomber and fighter
aircraft"), a description of a side ("forces fighting IS"), a campaign ("joined the fight against IS"), a
definition ("a strike means one or more engagements"), a running tally ("the strikes have destroyed 90 tanks,
40 tunnels and 12 bunkers"), a drill ("before the exercise") and a mention of an incident already told
("this attack"), and an activity or any one incident of a kind ("have conducted strikes", "every strike").
Each test reads one trigger with the dependency parse; the word lists are data
(`modality` in event_types.yaml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventdesk.extract.event_detect import SUBJECT_DEPS, Trigger

if TYPE_CHECKING:
    from spacy.tokens import Token

    from eventdesk.knowledge.event_types import EventLexicon

COMPLEMENT_DEPS = frozenset({"dobj", "pobj"})  # what a verb or preposition takes
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "conj"})
BACK_REFERENCE_DETERMINERS = frozenset({"this", "these", "those", "such"})
PRESENT_HAVE = frozenset({"have", "has", "'ve"})
DISTRIBUTIVES = frozenset({"every", "any"})


def is_generic_mention(trigger: Trigger, lx: EventLexicon) -> bool:
    """A mention that names no incident (any of the readings in this module's docstring but the last)."""
    return (
        names_a_platform(trigger, lx)
        or describes_a_side(trigger, lx)
        or names_a_campaign(trigger, lx)
        or is_defined(trigger, lx)
        or is_running_tally(trigger, lx)
        or is_habitual(trigger)
        or tells_who_took_part(trigger, lx)
        or is_a_practice(trigger, lx)
        or is_any_one(trigger)
        or is_during_a_drill(trigger, lx)
    )


def names_a_platform(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "strikes using attack, bomber and fighter aircraft": a word of violence in a coordination that ends
    in a weapon platform names a kind of platform."""
    if not trigger.is_noun:
        return False
    platforms = lx.words("platform_nouns")
    head: Token = trigger.head
    if head.lemma_.lower() in platforms:
        return False
    group = [head, *head.conjuncts]
    return any(t.lemma_.lower() in platforms for t in group + [_modified_noun(t) for t in group])


def _modified_noun(token: Token) -> Token:
    """The noun a chain of noun modifiers describes ("attack" in "attack and transport helicopters")."""
    while token.dep_ in MODIFIER_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head.i != token.i:
        token = token.head
    return token


def describes_a_side(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "forces fighting IS need ammunition": a participle of fighting that describes a noun says who the
    noun is, not that a clash took place."""
    head: Token = trigger.head
    if head.tag_ != "VBG" or head.dep_ != "acl":
        return False
    return trigger.frame.name in lx.words("descriptive_participle_frames")


def names_a_campaign(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "joined the fight against IS", "the ongoing battle for Mosul": a war or campaign joined, backed or
    going on, not one engagement."""
    head: Token = trigger.head
    if not trigger.is_noun or head.lemma_.lower() not in lx.words("campaign_nouns"):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in lx.words("campaign_modifiers") for c in head.children):
        return True
    if head.dep_ not in COMPLEMENT_DEPS:
        return False
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return verb.pos_ == "VERB" and verb.lemma_.lower() in lx.words("campaign_verbs")


def is_defined(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "A strike, as defined in the releases, means one or more kinetic events": the word defined and the
    words that define it."""
    head: Token = trigger.head
    verb = head.head.head if head.dep_ == "pobj" else head.head
    if head.dep_ not in SUBJECT_DEPS | COMPLEMENT_DEPS or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return verb.lemma_.lower() in lx.words("definition_verbs")


def is_running_tally(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "The airstrikes have destroyed 90 tanks, 40 tunnels and 12 bunkers": strikes (a plural with no
    number) that have, by now, done several counted things are a campaign's tally, not one incident."""
    verb = _clause_verb(trigger.head)
    if verb is None or not any(c.dep_ == "aux" and c.lower_ in PRESENT_HAVE for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.tag_ != "NNS" or any(c.dep_ == "nummod" for c in subject.children):
        return False
    if subject.lemma_.lower() not in lx.triggers and subject.lower_ not in lx.triggers:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    counted = [t for o in objects for t in (o, *o.conjuncts) if any(c.dep_ == "nummod" for c in t.children)]
    return len(counted) >= 2


def is_habitual(trigger: Trigger) -> bool:
    """ "nations which have conducted strikes in Iraq": a bare plural of incidents, with no number and no
    determiner, done by now (present perfect) in a clause that describes who did them is their record, not
    an incident ("activists have staged rallies in Gaza" still reports one)."""
    head: Token = trigger.head
    if not trigger.is_noun or head.tag_ != "NNS" or head.dep_ != "dobj":
        return False
    if any(c.dep_ in ("det", "nummod", "poss", "amod") for c in head.children):
        return False
    verb = head.head
    if verb.dep_ != "relcl":
        return False
    return any(c.dep_ == "aux" and c.lower_ in PRESENT_HAVE for c in verb.children) and not any(
        t.ent_type_ in ("DATE", "TIME") for t in verb.subtree
    )


def is_a_practice(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "Militias in the hills have recruited hundreds of teenagers": forces grown by unnamed groups (a bare
    plural subject) by now (present perfect) is a practice, not one change (`practice_frames`); "the army has
    deployed 900 troops" still reports one."""
    verb: Token = trigger.head
    if trigger.frame.name not in lx.words("practice_frames") or verb.pos_ != "VERB":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in PRESENT_HAVE for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    bare = subject is not None and subject.tag_ == "NNS"
    return bare and not any(c.dep_ in ("det", "nummod", "poss") for c in subject.children)


def tells_who_took_part(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "Serb forces were engaged in ethnic cleansing": a verb of taking part, with no object of its own,
    says who took part in what follows "in"; that is the incident, if any ("took the town in a raid" is
    no taking part)."""
    head: Token = trigger.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in lx.words("participation_verbs"):
        return False
    if any(c.dep_ == "dobj" for c in head.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "in" for c in head.children)


def is_any_one(trigger: Trigger) -> bool:
    """ "the munitions dropped in every strike": any one incident of a kind, not a given one."""
    return trigger.is_noun and any(
        c.dep_ == "det" and c.lower_ in DISTRIBUTIVES for c in trigger.head.children
    )


def is_during_a_drill(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "we got to shoot with them before this exercise": a drill named in an adjunct of the verb."""
    verb = _clause_verb(trigger.head) or trigger.head
    practice = lx.words("drill_nouns")
    preps = [c for t in {trigger.head, verb} for c in t.children if c.dep_ == "prep"]
    return any(g.dep_ == "pobj" and g.lemma_.lower() in practice for p in preps for g in p.children)


def refers_back(trigger: Trigger) -> bool:
    """ "This attack shows...", "these acts of murder": a demonstrative names an incident already told."""
    head: Token = trigger.head
    if not trigger.is_noun:
        return False
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        head = head.head.head  # "these acts of mass murder"
    return any(c.dep_ == "det" and c.lower_ in BACK_REFERENCE_DETERMINERS for c in head.children)


def _clause_verb(token: Token) -> Token | None:
    """The verb a trigger is, or the verb its noun is the subject or object of."""
    if token.pos_ == "VERB":
        return token
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.i != token.i else None
