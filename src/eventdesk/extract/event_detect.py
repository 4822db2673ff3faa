"""Event detection: trigger words found in one pass over a sentence's tokens, each given its frame, then read
with the dependency parse for what makes it no incident (modality, negation, intention, aggregate counts)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from eventdesk.analyse.pipeline import is_place_token
from eventdesk.knowledge.event_types import EventLexicon, Frame, TriggerEntry

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

CONTENT_POS = frozenset({"NOUN", "VERB"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PERSON_ENTS = frozenset({"PERSON", "NORP", "ORG"})
CLAUSE_EDGES = frozenset({"ccomp", "ROOT", "parataxis", "relcl"})
PAST_TAGS = frozenset({"VBD", "VBN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
SET_PRONOUNS = frozenset({"which", "whom", "them", "these", "those"})  # "one of which", "two of them"
FINAL_PUNCTUATION = frozenset({".", "!", "?", '"', "'", "”", "’", ":", ";", ")"})
HEADING_MAX_WORDS = 20
SENTENCE_MIN_WORDS = 10  # a verbless line this long ending in a full stop is a sentence, not a heading
DATELINE_MAX_TOKENS = 16
ADMIN_BRACKET_TOKENS = 10  # "(Masisi, Nord-Kivu)": the brackets of a note's place, up to this many tokens
DASHES = frozenset({"-", "--", "—", "–"})
NAME_PARTICLES = frozenset({"du", "de", "des", "la", "le", "el", "al", "es", "di", "da", "dos", "van", "der"})
LEFT_PREPS = frozenset({"from", "of"})  # "withdrew from", "pulled out of"
OBJECT_PREPS = frozenset({"of", "into", "as"})  # "named him as its new leader"
SPAN_PREPS = frozenset({"over", "during", "throughout", "in", "within"})
STRETCH_WORDS = frozenset({"past", "recent", "preceding", "previous"})  # "over the past month"
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "oprd"})  # "named a new spokesperson" may read as a predicate
PART_WORDS = frozenset({"part", "parts", "most", "much", "section", "half", "portion", "area", "rest"})
QUANTITY_WORDS = frozenset({"dozen", "hundred", "thousand", "score"})  # lemmas: "dozens of explosive devices"
# what holds or carries the thing named after "of": "a stockpile of explosives", "a cloud of gas"
CONTAINER_WORDS = frozenset({"stockpile", "stash", "haul", "consignment", "quantity", "cloud", "plume"})
ALIGHT_WORDS = frozenset({"ablaze", "alight", "afire"})
NOTHING_WORDS = frozenset({"nobody", "nothing", "none", "noone"})
PERSONAL_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they", "us", "we", "me", "i"})


@dataclass(slots=True)
class Trigger:
    """A trigger phrase: tokens [start, end) of the Doc, `head` its syntactic head."""

    head: Token
    start: int
    end: int
    frame: Frame
    word: str  # the phrase's lemmas, joined

    @property
    def is_noun(self) -> bool:
        return self.head.pos_ in ("NOUN", "PROPN")


def without_dateline(segment: SpacySpan) -> SpacySpan:
    """The sentence without a wire dateline ("KANO, Nigeria, March 4 (Reuters) - Gunmen killed..."): its
    place and date are where and when the report was filed, not the incident's."""
    if not segment[0].is_upper or len(segment[0]) < 2:  # "KANO, Nigeria ...", not "A gas attack ..."
        return segment
    for token in segment[:DATELINE_MAX_TOKENS]:
        if token.pos_ in ("VERB", "AUX"):
            return segment
        if token.text in DASHES and token.i > segment.start and _spaced(token):
            return token.doc[token.i + 1 : segment.end]
    return segment


def _spaced(dash: Token) -> bool:
    """A dash between words, not the hyphen inside one ("rebel-held")."""
    return bool(dash.doc[dash.i - 1].whitespace_) or dash.text != "-"


def is_heading(segment: SpacySpan) -> bool:
    """A title or section heading: no verb, or a short line without final punctuation before a break. A
    long line that ends in a full stop is a sentence whose verb the tagger took for a noun ("On 3 May, the
    army retook Ouro (Seno) from JNIM.")."""
    words = [t for t in segment if not t.is_space]
    if not words:
        return True
    if not any(t.pos_ in ("VERB", "AUX") for t in words):
        return len(words) < SENTENCE_MIN_WORDS or words[-1].text != "."
    short_line = len(words) <= HEADING_MAX_WORDS and words[-1].text not in FINAL_PUNCTUATION
    return short_line and _ends_a_line(words[-1])


def _ends_a_line(last: Token) -> bool:
    """Nothing follows the word on its line: the text ends or breaks there (a sentence the parser cut in
    the middle, "... in eastern Congo | on Saturday after ...", goes on)."""
    doc = last.doc
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    return after is None or "\n" in last.whitespace_ + (after.text if after.is_space else "")


def find_triggers(
    segment: SpacySpan,
    lx: EventLexicon,
    sentence_lemmas: frozenset[str],
    may_start: Sequence[bool] | None = None,
) -> list[Trigger]:
    """`may_start`: per Doc token, whether a trigger entry is keyed by its lemma or form (`trigger_starts`);
    tokens without one are skipped without a look-up."""
    found: list[Trigger] = []
    doc, i = segment.doc, segment.start
    while i < segment.end:
        match = match_at(doc, i, segment.end, lx) if may_start is None or may_start[i] else None
        if match is None:
            i += 1
            continue
        entry, head = match
        frame = resolve_frame(entry, head, lx, sentence_lemmas)
        if frame is not None:
            found.append(Trigger(head, i, i + len(entry.phrase), frame, " ".join(entry.phrase)))
        i += len(entry.phrase)
    return found


def trigger_starts(lemmas: Sequence[str], lowers: Sequence[str], lx: EventLexicon) -> list[bool]:
    """Per token (its `lemma_of` lemma and lower-case form), whether `match_at` finds entries to try."""
    pairs = zip(lemmas, lowers, strict=True)
    return [bool(lx.triggers.get(lemma) or lx.triggers.get(lower)) for lemma, lower in pairs]


def match_at(doc: object, i: int, end: int, lx: EventLexicon) -> tuple[TriggerEntry, Token] | None:
    token = doc[i]  # type: ignore[index]
    entries = lx.triggers.get(lx.lemma_of(token.lemma_, token.lower_)) or lx.triggers.get(token.lower_)
    if not entries:
        return None
    for entry in entries:
        size = len(entry.phrase)
        if i + size > end or not all(_is_word(doc[i + k], w, lx) for k, w in enumerate(entry.phrase)):  # type: ignore[index]
            continue
        head = _phrase_head(doc[i : i + size])  # type: ignore[index]
        if not _is_content(head) or (entry.pos and head.pos_ != entry.pos):
            continue
        return entry, head
    return None


def _is_content(token: Token) -> bool:
    """A noun or verb; an acronym tagged as a name counts as a noun ("an IED", "a VBIED")."""
    return token.pos_ in CONTENT_POS or (token.pos_ == "PROPN" and token.is_upper and len(token) > 1)


def _is_word(token: Token, word: str, lx: EventLexicon) -> bool:
    return lx.lemma_of(token.lemma_, token.lower_) == word or token.lower_ == word


def _phrase_head(span: SpacySpan) -> Token:
    """The phrase's word whose head lies outside it; of several ("CS gas" both modifying "grenades"), the
    first noun or verb."""
    heads = [t for t in span if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
    return next((t for t in heads if t.pos_ in CONTENT_POS), heads[0] if heads else span.root)


def resolve_frame(entry: TriggerEntry, head: Token, lx: EventLexicon, lemmas: frozenset[str]) -> Frame | None:
    rules = lx.senses.get(" ".join(entry.phrase))
    if not rules:
        return lx.frames[entry.frames[0]]
    kind = object_kind(head, lx)
    doer = _doer(head)
    for rule in rules:
        if rule.near and not (rule.near & lemmas):
            continue
        if rule.unless & lemmas:
            continue
        if rule.pos and rule.pos != head.pos_:
            continue
        if rule.object and rule.object != kind:
            continue
        if rule.objects and not object_heads(head) & rule.objects:
            continue
        if rule.subject and (doer is None or not {doer.ent_type_, doer.lemma_.lower()} & rule.subject):
            continue
        return lx.frames[rule.frame]
    return None


def _doer(head: Token) -> Token | None:
    """The subject of a verb, or of the verb a noun is the object of ("Serbia lodged a protest"); of a
    passive, who it was done by ("taken away by armed men")."""
    verb = head if head.pos_ == "VERB" else head.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None:
        return subject
    by = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    if by is None and verb.dep_ == "acl":  # "a group protesting ...": the noun it describes
        return verb.head
    if by is not None:
        return by
    shares_subject = verb.dep_ == "conj" and verb.head.pos_ == "VERB"  # "stopped a bus and took away ..."
    if (verb.dep_ in ("xcomp", "advcl") or shares_subject) and verb.head.i != verb.i:
        governed = (c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass"))  # "seen flying over"
        return next(governed, None)
    # "men believed to be agents took...", parsed with the participle as the clause's subject
    clause_subjects = (c for c in verb.children if c.dep_ == "csubj")
    return next((g for c in clause_subjects for g in c.children if g.dep_ == "nsubj"), None)


def object_heads(head: Token) -> set[str]:
    """Lemmas of what a verb or noun acts on and of their modifiers ("suspend its kidnapping operations",
    "the suspension of military operations", "set up a new base"), or what it makes of it ("turned the
    school into a base", "fired into the air")."""
    objects = [_counted(c) for c in head.children if c.dep_ in OBJECT_DEPS]
    objects += [
        _counted(g)
        for c in head.children
        if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS
        for g in c.children
    ]
    if head.dep_ == "acl" and head.tag_ == "VBN":
        objects.append(head.head)  # "mortar rounds fired by the group": the noun a participle describes
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]  # "a checkpoint and a camp"
    objects += [g for o in objects for c in o.children if c.dep_ == "acl" for g in _with_objects(c)]
    if (head.pos_ == "NOUN" and head.dep_ == "compound") or _is_misparsed_verb(head):
        objects.append(head.head)  # "weapons cache seizure", "the SDF fired mortar rounds" read as a noun
    if head.lemma_.lower() == "set":
        objects += _set_alight(head)
    lemmas = {o.lemma_.lower() for o in objects if o.dep_ != "prep"}
    return lemmas | {m.lemma_.lower() for o in objects for m in o.children if m.dep_ in ("compound", "amod")}


def _set_alight(verb: Token) -> list[Token]:
    """ "set the station ablaze", "set vehicles alight", "set two suspects on fire": the word of burning after
    what is set, wherever the parse attaches it."""
    after = (t for t in verb.subtree if t.i > verb.i)
    return [
        t for t in after if t.lower_ in ALIGHT_WORDS or (t.lower_ == "fire" and t.doc[t.i - 1].lower_ == "on")
    ]


def _with_objects(participle: Token) -> list[Token]:
    """ "a truck loaded with weapons": what the thing acted on carries."""
    return [g for p in participle.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children]


def object_kind(verb: Token, lx: EventLexicon) -> str | None:
    """What a verb acts on: "place", "weapon" or "person" (from the object's entity type or head noun); a
    verb of leaving acts on what it leaves ("withdrew from the town"), one of moving in where it goes
    ("advanced into the village"), after any object of its own."""
    candidates = [*verb.children, *_left(verb, lx)]
    acted_on = [c for c in candidates if c.dep_ in ("dobj", "nsubjpass", "pobj", "attr")]
    if _is_misparsed_verb(verb):
        acted_on.append(verb.head)  # "captured Kherson city" read as a modifier of "city"
    into = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "into" for g in c.children]
    for child in acted_on + _passive_subject_elided(verb) + [g for g in into if g.dep_ == "pobj"]:
        kind = _kind_of(_counted(child), lx)
        if kind:
            return kind
    return None


def _left(verb: Token, lx: EventLexicon) -> list[Token]:
    """What a verb of leaving leaves: "withdrew from the town", "pulled out of the town" (with "of" read
    under "out" for the verbs of leaving)."""
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in LEFT_PREPS]
    if verb.lemma_.lower() in {cue.split()[0] for cue in lx.words("leaving_cues")}:
        preps += [p for c in verb.children if c.lower_ == "out" for p in c.children if p.lower_ in LEFT_PREPS]
    return [g for p in preps for g in p.children]


def _kind_of(noun: Token, lx: EventLexicon) -> str | None:
    if noun.ent_type_ in PLACE_ENTS or is_place_token(noun) or _with_admin_areas(noun):
        return "place"
    kind = lx.object_kinds.get(noun.lemma_.lower())
    if kind:
        return kind
    if noun.ent_type_ in PERSON_ENTS or noun.lemma_.lower() in lx.participants:
        return "person"
    return "person" if noun.pos_ == "PRON" and noun.lower_ in PERSONAL_PRONOUNS else None


def _with_admin_areas(noun: Token) -> bool:
    """ "seized Kalembe (Walikale, Nord-Kivu)": a name followed by its districts in brackets, the way ACLED's
    notes place an incident, is a place."""
    doc, after = noun.doc, noun.i + 1
    if noun.pos_ != "PROPN" or after >= len(doc) or doc[after].text != "(":
        return False
    bracket = [t for t in doc[after + 1 : after + ADMIN_BRACKET_TOKENS]]
    words = [t.text for t in bracket]
    if ")" not in words or not _names_districts(noun, bracket[: words.index(")")]):
        return False
    # "John Okafor (45, a trader)": an age and a trade are no districts; "Boucle du Mouhoun" is one
    inside = bracket[: words.index(")")]
    return all(
        t.text == "," or (t.text[:1].isupper() and not t.like_num) or t.text in "-'" or _name_particle(t)
        for t in inside
    )


def _name_particle(token: Token) -> bool:
    """A particle between two capitalised words of a place name ("Boucle du Mouhoun", "Dar es Salaam")."""
    doc = token.doc
    if token.text not in NAME_PARTICLES or token.i == 0 or token.i + 1 >= len(doc):
        return False
    return doc[token.i - 1].text[:1].isupper() and doc[token.i + 1].text[:1].isupper()


def _names_districts(noun: Token, inside: list[Token]) -> bool:
    """ "(Walikale, Nord-Kivu)", or one district after a name that is no organisation: "Tidermene (Menaka)",
    not "Islamic State (Sahel)" nor "(RSF)"."""
    if any(t.text == "," for t in inside):
        return True
    names = [t for t in inside if t.text not in "-'"]
    organisation = noun.ent_type_ in ("ORG", "NORP")
    return 0 < len(names) <= 3 and not organisation and not any(t.is_upper for t in names)


def _passive_subject_elided(verb: Token) -> list[Token]:
    """ "a defender disappeared after being taken away": a passive clause without a subject acts on the
    subject of the clause it depends on."""
    if verb.dep_ not in ("advcl", "pcomp") or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return []
    governor = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]


def _counted(noun: Token) -> Token:
    """What a part, amount, number or container counts ("parts of the town", "2 tonnes of explosives", "80 of
    the drones", "a stash of rifles"), else the noun itself."""
    counts = noun.lemma_.lower() in PART_WORDS | QUANTITY_WORDS | CONTAINER_WORDS or noun.like_num
    if counts or any(c.dep_ == "nummod" for c in noun.children):
        return next((g for p in noun.children if p.lower_ == "of" for g in p.children), noun)
    return noun


def clause_root(token: Token) -> Token:
    """The head of the clause a token belongs to: climbing stops at coordinated or reported clauses."""
    while token.dep_ not in CLAUSE_EDGES and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ == "conj" and not _participles(token, token.head):
            break
        token = token.head
    return token


def _participles(token: Token, head: Token) -> bool:
    """ "stormed the village, shooting sporadically and setting houses on fire": participles joined to each
    other tell the manner of one act."""
    return token.tag_ == "VBG" and head.tag_ == "VBG"


def unreal_reason(trigger: Trigger, lx: EventLexicon) -> str | None:
    """Why a trigger is no incident (modal, negated, conditional, intended, predicted...), or None."""
    token: Token = trigger.head
    first, from_subject = True, False
    while True:
        # a verb does not govern the meaning of its own subject, nor of a clause told before it ("took an
        # activist; police denied holding him", read as the denial's complement)
        governed = not first and not from_subject and token.i < trigger.head.i
        reason = _own_modality(token, lx) or (_governor_modality(token, lx, trigger) if governed else None)
        reason = reason or ("negated" if first and _done_to_nobody(token) else None)
        if reason:
            return reason
        if not first and token.lemma_.lower() in lx.words("reporting_verbs"):
            return "denied report" if _denied_report(token, lx) else None
        if token.head.i == token.i or _after_a_semicolon(token):
            return None
        # a verb does not govern its subject, nor a verb coordinated with it ("stopped a bus and abducted")
        first, from_subject = False, token.dep_ in SUBJECT_DEPS or _is_coordinated_verb(token)
        token = token.head


def _after_a_semicolon(token: Token) -> bool:
    """ "detained a journalist; his family has not been told where he is held": a clause after a semicolon,
    parsed as the head of the one before it, says nothing of whether that one happened."""
    head = token.head
    return head.i > token.i and any(t.text == ";" for t in token.doc[token.i + 1 : head.i])


def _participle_misread_as_root(token: Token, verb: Token) -> bool:
    """A participle parsed as the sentence's verb: a past one with no subject of its own ("suspected rebels
    attacked ..." read as "suspected [that] rebels attacked"), or a present one with no auxiliary that
    describes its subject, when the trigger's verb is the real verb, a past tense after it ("protesters
    demanding jobs clashed with police"); not what the participle itself governs ("gunmen threatening to
    attack schools")."""
    if token.dep_ != "ROOT":
        return False
    subjects = any(c.dep_ in SUBJECT_DEPS for c in token.children)
    if token.tag_ == "VBN":
        return not subjects
    auxiliaries = any(c.dep_ in ("aux", "auxpass") for c in token.children)
    real_verb = verb.tag_ in ("VBD", "VBN") and verb.i > token.i
    return token.tag_ == "VBG" and not auxiliaries and subjects and real_verb


def _denied_report(report: Token, lx: EventLexicon) -> bool:
    """ "The army denied reports that soldiers had burned houses": what a denied report tells did not happen
    for the extractor (a report noun is the object of a verb of denial)."""
    return report.pos_ == "NOUN" and report.head.lemma_.lower() in lx.words("denial_verbs")


def _is_coordinated_verb(token: Token) -> bool:
    return token.dep_ == "conj" and token.pos_ == "VERB" and token.head.pos_ == "VERB"


def _own_modality(token: Token, lx: EventLexicon) -> str | None:
    for child in token.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("aux", "auxpass") and lemma in lx.words("modal_verbs"):
            return f"modal {lemma}"
        if child.dep_ == "neg" or (child.dep_ == "det" and lemma == "no") or _names_nothing(child):
            return "negated"
        if child.dep_ == "mark" and lemma in lx.words("conditionals"):
            return "conditional"
        if child.dep_ in ("acomp", "attr") and lemma in lx.words("predictive_adjectives"):
            return "prediction"
        if child.dep_ in ("advmod", "amod", "det") and lemma in lx.words("habitual"):
            return "habitual"
        if child.dep_ == "amod" and lemma in lx.words("unreal_modifiers"):
            return f"{lemma} only"  # "a planned rally", "the proposed truce"
    return None


def _done_to_nobody(trigger: Token) -> bool:
    """ "none were detained", "no one was arrested": a passive whose subject is nobody did not happen (what
    the trigger governs, "nobody was hurt when a bomb exploded", did)."""
    subjects = (c for c in trigger.children if c.dep_ == "nsubjpass")
    return any(c.lower_ in NOTHING_WORDS or any(g.lower_ == "no" for g in c.children) for c in subjects)


def _names_nothing(child: Token) -> bool:
    """ "arrested no one", "foiled no plot", "found nothing": an act on nothing did not happen."""
    if child.dep_ != "dobj":
        return False
    return child.lower_ in NOTHING_WORDS or any(g.dep_ == "det" and g.lower_ == "no" for g in child.children)


def _governor_modality(token: Token, lx: EventLexicon, trigger: Trigger) -> str | None:
    lemma = token.lemma_.lower()
    if _participle_misread_as_root(token, trigger.head):
        return None  # "suspected NAS rebels raped ...": the participle describes the doers
    preventable = trigger.frame.name in lx.words("preventable_frames")
    if preventable and lemma in lx.words("prevention_governors") and _kept_from(trigger, token):
        return f"intention ({lemma!r})"  # "prevented supporters from holding a rally": a protest tried
    if lemma in lx.words("governors") or lemma in lx.words("negations"):
        return f"governed by {lemma!r}"
    if lemma in lx.words("failure_governors") and trigger.frame.acled is not None:
        return f"failed ({lemma!r})"  # "failed to agree on a ceasefire", "failed to take the town"
    if lemma in lx.words("non_past_governors") and token.tag_ not in PAST_TAGS:
        return f"intention ({lemma!r})"
    return None


def _kept_from(trigger: Trigger, governor: Token) -> bool:
    """ "kept teachers from marching", "blocked the rally": what a verb of prevention holds back, through
    'from' or as its object; "kept marching" went on."""
    if trigger.is_noun:
        return True
    for token in trigger.head.ancestors:
        if token.i == governor.i:
            return False
        if token.lower_ == "from":
            return True
    return False


def pledge_frame(trigger: Trigger, reason: str, lx: EventLexicon) -> Frame | None:
    """What an unreal trigger still says when a party commits to it: "Israel will evacuate the settlements",
    "Syria offered its troops" is a pledge (PLOVER AGREE); "they vowed to fight" a threat (THREATEN)."""
    word = reason.split()[-1].strip("'()")
    hostile = _is_hostile(trigger, lx)
    if word not in lx.words("pledge_cues") and not (hostile and word in lx.words("threat_cues")):
        return None
    return lx.frames["threaten" if hostile else "agree"]


def _is_hostile(trigger: Trigger, lx: EventLexicon) -> bool:
    """Violence, coercion, sanctions or a boycott to come, or anything to come "unless" the other side
    yields: a threat (PLOVER), not a pledge."""
    if trigger.frame.violent or trigger.frame.plover_event in lx.words("threat_events"):
        return True
    clauses = (c for c in trigger.head.children if c.dep_ == "advcl")
    return any(m.dep_ == "mark" and m.lower_ == "unless" for c in clauses for m in c.children)


def is_anchored(trigger: Trigger, lx: EventLexicon) -> bool:
    """A noun trigger is an occurrence when a verb states it; a weapon noun needs a verb of use."""
    token: Token = trigger.head
    if not trigger.is_noun:  # "the targeted neighbourhood": a description, not an occurrence
        return token.dep_ != "amod" or _is_misparsed_verb(token)
    if token.lower_ in lx.words("verb_forms"):
        return True  # "the army retook Bunagana" with "retook" tagged a noun: only ever a verb
    if _names_a_kind(trigger, lx):
        return False  # "battle zones", "invasion forces": a kind of thing, not an occurrence
    if token.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in token.children):
        return True  # a past tense read as the sentence's noun ("the army retook Bunagana")
    anchors = lx.frame_anchors.get(trigger.frame.name)
    if lx.object_kinds.get(token.lemma_.lower()) == "weapon":
        anchors = lx.words("weapon_anchors")
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return anchors is None or token.lemma_.lower() in anchors
    verb = _main_verb_read_as_participle(token)
    if verb is not None:
        return anchors is None or verb.lemma_.lower() in anchors
    return token.pos_ in ("VERB", "AUX") and anchors is None


def _main_verb_read_as_participle(root: Token) -> Token | None:
    """ "A series of blasts killed seven people" parsed as a noun phrase: the past tense with an object,
    read as describing the sentence's head noun, is its verb; so is a simple past read as the modifier of
    its object ("Forces of Pakistan targeted posts ... with mortars")."""
    if root.pos_ not in ("NOUN", "PROPN"):
        return None
    verbs = (c for c in root.children if c.dep_ == "acl" and c.tag_ in PAST_TAGS and c.i > root.i)
    verb = next((v for v in verbs if any(g.dep_ == "dobj" for g in v.children)), None)
    # "Al Shabaab lobbed mortar rounds": the past tense may hang on the compound before the noun
    modifiers = [root, *(c for c in root.children if c.dep_ == "compound")]
    return verb or next((c for m in modifiers for c in m.children if _is_misparsed_verb(c)), None)


def _names_a_kind(trigger: Trigger, lx: EventLexicon) -> bool:
    token: Token = trigger.head
    modifier = token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN")
    return modifier and not _names_the_weapon(trigger, lx)


def _names_the_weapon(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "chlorine barrel bombs", "CS gas canisters": an agent named before its munition is what was used."""
    return trigger.frame.name in lx.words("agent_modifier_frames")


def _is_misparsed_verb(token: Token) -> bool:
    """A simple past taken for a modifier ("fighters gang-raped three women" read as a noun phrase), also
    as a participle with a subject of its own ("Military Forces of Russia (2000-) captured Kherson city")."""
    if token.dep_ != "amod" or token.tag_ not in PAST_TAGS:
        return False
    return token.tag_ == "VBD" or any(c.dep_ == "nsubj" for c in token.children)


def is_background(trigger: Trigger, lx: EventLexicon) -> bool:
    """An incident named as the setting of what the sentence reports: in an adjunct ("agreed after two days
    of fighting", "as battles raged") or as a modifier ("invasion forces")."""
    token: Token = trigger.head
    modifier = token.dep_ in ("compound", "amod") and token.head.pos_ in ("NOUN", "PROPN")
    modifier = modifier and not _is_misparsed_verb(token) and not _names_the_weapon(trigger, lx)
    if modifier and trigger.frame.acled is not None:
        return True
    while token.head.i != token.i:
        if token.dep_ == "pobj" and token.head.lower_ in lx.words("background_preps"):
            return True
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("prep", "relcl", "acl"):
            break
        token = token.head
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lx.words("background_marks") for c in token.children
    )


def governing_trigger(trigger: Trigger, heads: dict[int, Trigger], lx: EventLexicon) -> Trigger | None:
    """The nearest trigger above this one in the parse, up to an attribution verb of the main clauses (one
    inside a relative clause, "raids in which it said 20 were killed", does not stop the climb). A clause
    coordinated with another ("militants withdrew and troops entered the town") is a report of its own."""
    token: Token = trigger.head
    if token.dep_ == "advcl" and token.tag_ == "VBG":
        return None  # "welcomed back a breakaway wing, reuniting the movement": a result, no object
    while token.head.i != token.i:
        if token.dep_ == "conj" and token.pos_ == "VERB":
            return None
        below, token = token, token.head
        if token.i in heads:  # the doer is no object; nor is a clause told before ("took him; police denied")
            before = below.dep_ in SUBJECT_DEPS or token.i > trigger.head.i
            return None if before or _participle_misread_as_root(token, trigger.head) else heads[token.i]
        if token.lemma_.lower() in lx.words("reporting_verbs") and token.dep_ not in ("relcl", "acl"):
            return None
    return None


def is_aggregate(trigger: Trigger, lx: EventLexicon) -> bool:
    """A count or trend of incidents ("24 attacks last year", "fewer attacks"), not one incident."""
    head: Token = trigger.head
    if not trigger.is_noun:
        return False
    counted_once = trigger.frame.name in lx.words("counted_once_frames")
    # "threw two grenades": weapons counted are one incident
    counted_once = counted_once or lx.object_kinds.get(head.lemma_.lower()) == "weapon"
    if not counted_once and head.tag_ in ("NNS", "NNPS") and any(_is_plural_amount(c) for c in head.children):
        return True
    governor = head.head.head if head.dep_ == "pobj" else head.head
    # "a rise in attacks", "attacks dropped", not "dropped grenades"
    counting = governor.i != head.i and (governor.pos_ in ("NOUN", "PROPN") or head.dep_ in SUBJECT_DEPS)
    counting = counting and governor.lemma_.lower() in lx.words("aggregate_heads")
    return counting and not _is_burst(trigger, governor, lx)


def _is_burst(trigger: Trigger, governor: Token, lx: EventLexicon) -> bool:
    """ "a series of blasts", "a string of explosions": blasts or shells in a burst are one incident."""
    burst = governor.lemma_.lower() in lx.words("burst_heads")
    return burst and trigger.frame.name in lx.words("burst_frames")


def _is_plural_amount(child: Token) -> bool:
    if child.dep_ == "nummod":
        return child.lower_ not in ("one", "1", "a")
    return child.dep_ == "amod" and child.lower_ in ("many", "several", "numerous", "multiple", "countless")


def enumerated_items(trigger: Trigger, lx: EventLexicon) -> list[tuple[Token, Token]]:
    """The individual incidents an aggregate lists ("two attacks, one of which was on X and the other on Y"):
    for each, the word that opens it ("one", "the other") and the head of its target."""
    enumerators = lx.words("enumerators")
    for clause in trigger.head.children:
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if clause.dep_ != "relcl" or subject is None or subject.lower_ not in enumerators:
            continue
        targets = [
            c for prep in clause.children if prep.dep_ == "prep" for c in prep.children if c.dep_ == "pobj"
        ]
        openers = [
            subject,
            *(c for t in targets for c in t.children if c.dep_ == "conj" and c.lower_ in enumerators),
        ]
        targets = [t for t in targets if t.lower_ not in enumerators]
        return [(openers[k] if k < len(openers) else target.head, target) for k, target in enumerate(targets)]
    return []


def is_depicted(trigger: Trigger, lx: EventLexicon) -> bool:
    """An incident a party's release shows ("IS released a video showing its fighters attacking a convoy",
    "its newsletter featured..."): what the release depicts, whatever the attachment of the depiction verb,
    is no new incident. Footage nobody is said to have released ("CCTV footage showed...") is evidence."""
    if not any(a.lemma_.lower() in lx.words("depiction_verbs") for a in governors(trigger.head)):
        return False
    return any(_released(t, lx) for t in trigger.head.sent)


def _released(token: Token, lx: EventLexicon) -> bool:
    """A party's media: a media noun it owns ("its video") or releases ("the group published photos")."""
    if token.lemma_.lower() not in lx.words("media_nouns"):
        return False
    if any(c.dep_ == "poss" for c in token.children):
        return True
    if any(_released_by_someone(c, lx) for c in token.children if c.dep_ == "acl"):
        return True  # "a video released by the group shows..."
    verb = token.head
    released = verb.lemma_.lower() in lx.words("release_verbs") and token.dep_ in ("dobj", "nsubjpass")
    return released and any(c.dep_ in ("nsubj", "agent") for c in verb.children)


def _released_by_someone(participle: Token, lx: EventLexicon) -> bool:
    return participle.lemma_.lower() in lx.words("release_verbs") and any(
        c.dep_ == "agent" for c in participle.children
    )


def is_recalled(trigger: Trigger, lx: EventLexicon) -> bool:
    """An incident recalled, not reported: an anniversary, a commemoration, one years ago or years before
    ("marks five years since gunmen killed...", "ten years after the village was first attacked")."""
    words, units = lx.words("recall_words"), lx.words("year_units")
    above = governors(trigger.head)
    if any(t.lemma_.lower() in words or t.lemma_.lower() in units for t in above):
        return True
    chain = (trigger.head, *above)
    if any(_in_the_past(t) for t in chain):
        return True
    return any(_years_ago(c, units) or _years_since(c, units) for t in chain for c in (t, *t.children))


def is_counted_over_a_period(trigger: Trigger, lx: EventLexicon) -> bool:
    """ "have abducted dozens over the past month", "seized 2,000 weapons this year": incidents counted over
    a stretch of time, not one incident ("last week" and "since Sunday" can date one)."""
    verb: Token = trigger.head if trigger.head.pos_ == "VERB" else trigger.head.head
    adjuncts = [c for t in (trigger.head, verb) for c in t.children]
    adjuncts += [g for c in adjuncts if c.dep_ == "prep" and c.lower_ in SPAN_PREPS for g in c.children]
    units = lx.words("period_units")
    for noun in (a for a in adjuncts if a.lemma_.lower() in units):
        modifiers = {c.lower_ for c in noun.children}
        this_year = "this" in modifiers and noun.lemma_.lower() in lx.words("year_units")
        if modifiers & STRETCH_WORDS or (this_year and not modifiers & lx.words("vague_date_words")):
            return True
    return False


def _in_the_past(token: Token) -> bool:
    """ "has used chemical weapons in the past": an undated past, not an incident ("in the past week" is a
    period, whose head is the unit)."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "in"]
    return any(o.dep_ == "pobj" and o.lower_ == "past" for p in preps for o in p.children)


def _years_since(clause: Token, units: frozenset[str]) -> bool:
    """ "marks five years since gunmen killed...": a clause since which years have passed."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("since", "after")]
    if clause.dep_ != "advcl" or not marks:
        return False
    return any(c.lemma_.lower() in units for c in clause.head.children if c.i != clause.i)


def is_practice(trigger: Trigger, lx: EventLexicon) -> bool:
    """A drill, not an occurrence: a practice word governs the trigger ("training to fight"), is what it
    acts on ("targeting the training"), or is the subject of a verb above it ("the exercise covered
    responding to a gas attack")."""
    practice = lx.words("practice_words")
    head: Token = trigger.head
    if any(t.lemma_.lower() in practice for t in governors(head)):
        return True
    if any(c.dep_ == "dobj" and c.lemma_.lower() in practice for c in head.children):
        return True
    verbs = [t for t in (head, *governors(head)) if t.pos_ in ("VERB", "AUX")]
    subjects = [c for verb in verbs for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return any(t.lemma_.lower() in practice for subject in subjects for t in _head_and_of_object(subject))


def _head_and_of_object(noun: Token) -> list[Token]:
    """ "part of their training": the noun and what it is part of, not its modifiers ("a training camp")."""
    found = [noun]
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        found += [c for c in prep.children if c.dep_ == "pobj"]
    return found


def governors(token: Token) -> list[Token]:
    """The words above a token in the parse that govern its meaning: a verb does not govern its subject."""
    found = []
    while token.head.i != token.i:
        if token.dep_ not in SUBJECT_DEPS:
            found.append(token.head)
        token = token.head
    return found


def _years_ago(token: Token, units: frozenset[str]) -> bool:
    """ "five years ago": "ago" and a unit of years, in either order of attachment."""
    pair = [token, *token.children]
    return any(t.lower_ == "ago" for t in pair) and any(t.lemma_.lower() in units for t in pair)


def claimed_by(trigger: Trigger, lx: EventLexicon) -> tuple[Token | None, bool] | None:
    """A claim of responsibility for an incident, or None: (who claims it, None when "no group" does; whether
    the incident is one already told: "the attack", "Monday's bombing")."""
    claims = lx.words("responsibility_verbs")
    described = (c for c in trigger.head.children if c.dep_ == "acl" and c.lemma_.lower() in claims)
    governing = (g for g in governors(trigger.head) if g.pos_ in ("VERB", "AUX"))
    verb = next(described, None) or next(governing, None)
    if verb is None or verb.lemma_.lower() not in claims:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or _claimed_by_agent(verb)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in trigger.head.children)
    return (None if _denied(verb, subject) else subject), definite


def _claimed_by_agent(verb: Token) -> Token | None:
    """ "a blast claimed by the group": the claimant of a passive claim."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def _denied(verb: Token, subject: Token | None) -> bool:
    """ "No group (immediately) claimed", "nobody has claimed", "did not claim"."""
    if subject is None or subject.lower_ in ("nobody", "none") or any(c.dep_ == "neg" for c in verb.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def is_aggregate_item(trigger: Trigger) -> bool:
    """ "14 attacks in March, one of which killed a governor": what one of a counted set did is part of the
    count, not an incident reported on its own."""
    token: Token = trigger.head
    verbs = (t for t in (token, *token.ancestors) if t.pos_ in ("VERB", "AUX"))
    verb = next(verbs, None)
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None) if verb is not None else None
    if subject is None:
        return False
    of_phrases = (c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of")
    return any(g.lower_ in SET_PRONOUNS for p in of_phrases for g in p.children if g.dep_ == "pobj")
