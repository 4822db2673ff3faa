"""Media: releases of armed groups and governments (videos, audio, magazines, statements, photos) and
claims of responsibility, with the releasing actor, title, issue, duration, language, what they show
(`about`) and an evidence span that covers the depicted or claimed attack words, so that the events
extractor can tell propaganda from a new incident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from spacy.attrs import LEMMA, LOWER

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.analyse.quantities import ORDINALS, parse_number
from eventdesk.extract.actors import mentions_in
from eventdesk.extract.attribution import SUBJECTS, article_units, noun_phrase, read_lexicon, strip_article
from eventdesk.knowledge import Knowledge
from eventdesk.records import Media, Result

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

DURATION = re.compile(r"(\d+(?:\.\d+)?)[- ]?(second|sec|minute|min|hour|hr)s?\b", re.IGNORECASE)
QUOTED = re.compile(r'"([^"]{2,80})"')
RELATIVE_TAGS = frozenset(("WDT", "WP", "WP$"))
UNIT_MINUTES = {"second": 1 / 60, "sec": 1 / 60, "minute": 1, "min": 1, "hour": 60, "hr": 60}


@dataclass(frozen=True, slots=True)
class MediaLexicon:
    kind_of_noun: dict[str, str]
    kind_of_modifier: dict[str, str]
    generic_nouns: frozenset[str]
    needs_release: frozenset[str]
    release_verbs: frozenset[str]
    depiction_verbs: frozenset[str]
    depiction_nouns: frozenset[str]
    claim_verbs: frozenset[str]
    responsibility_nouns: frozenset[str]
    issue_nouns: frozenset[str]
    languages: frozenset[str]
    excluded_modifiers: frozenset[str]
    attack_nouns: frozenset[str] = frozenset()  # what a claim of responsibility claims (claim counts)


@cache
def media_lexicon(user_files: tuple[str, ...] = ()) -> MediaLexicon:
    """The packaged media lexicon merged with the user's files (setting `user_media_lexicon`)."""
    data = read_lexicon("media_releases.yaml", user_files)
    kinds: dict[str, Any] = data.get("kinds") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or [])

    return MediaLexicon(
        kind_of_noun={str(n).lower(): k for k, v in kinds.items() for n in v.get("nouns") or []},
        kind_of_modifier={str(m).lower(): k for k, v in kinds.items() for m in v.get("modifiers") or []},
        generic_nouns=words("generic_nouns"),
        needs_release=words("needs_release"),
        release_verbs=words("release_verbs"),
        depiction_verbs=words("depiction_verbs"),
        depiction_nouns=words("depiction_nouns"),
        claim_verbs=words("claim_verbs"),
        responsibility_nouns=words("responsibility_nouns"),
        issue_nouns=words("issue_nouns"),
        languages=words("languages"),
        excluded_modifiers=words("excluded_modifiers"),
    )


def extract_media(art: AnalysedArticle, kb: Knowledge, result: Result) -> None:
    lex = kb.media_words
    may_name = _may_name_media(art.doc, lex)
    for unit in article_units(art):
        for token in (art.doc[i] for i in range(unit.start, unit.end) if may_name[i]):
            media = _release(art, token, unit, lex) or _claim_of_responsibility(art, token, unit, lex)
            if media is not None:
                result.media.append(media)


def _may_name_media(doc: Doc, lex: MediaLexicon) -> list[bool]:
    """Per token, from the Doc's arrays: whether its words could make it a release's noun (`_kind`) or a
    claim's verb; the rest are passed over without building their Token."""
    strings, rows = doc.vocab.strings, doc.to_array([LEMMA, LOWER]).tolist()
    nouns, lemma_words = lex.kind_of_noun, lex.generic_nouns | lex.claim_verbs

    def may_name(lemma: str, lower: str) -> bool:
        return lemma in nouns or lemma in lemma_words or lower in nouns

    return [may_name(strings[lemma].lower(), strings[lower]) for lemma, lower in rows]


# releases


def _release(art: AnalysedArticle, noun: Token, unit: SpacySpan, lex: MediaLexicon) -> Media | None:
    kind = _kind(noun, lex)
    if kind is None:
        return None
    phrase_head = _phrase_head(noun, lex)
    verb = _governing_verb(phrase_head)
    releasing = verb is not None and verb.lemma_.lower() in lex.release_verbs
    agent = _agent(phrase_head, verb if releasing else None, unit)
    if kind in lex.needs_release and not (releasing and agent is not None and agent.ent_type_ != "PERSON"):
        return None
    actor = _actor(art, agent) if agent is not None else None
    if actor is None and not releasing:
        actor = _speaker_actor(art, phrase_head) or _sentence_actor(art, unit, noun)
    if actor is None:
        return None
    phrase = art.doc[phrase_head.left_edge.i : phrase_head.right_edge.i + 1]
    about = _about(phrase_head, verb, lex)
    first_words = [phrase[0], verb if releasing else None, *(_words(agent, unit)[:1] if agent else [])]
    start = min(t.idx for t in first_words if t is not None and t.i >= unit.start)
    end = max(phrase.end_char, about.end_char if about is not None else 0)
    return Media(
        actor=actor,
        kind=kind,
        evidence=art.span(start, end),
        title=_title(phrase, noun),
        issue=_issue(phrase, lex),
        duration_minutes=_duration(phrase.text),
        language=_language(phrase, lex),
        about=about.text if about is not None else None,
    )


def _kind(noun: Token, lex: MediaLexicon) -> str | None:
    if noun.pos_ not in ("NOUN", "PROPN") or (noun.dep_ == "compound" and _kind(noun.head, lex)):
        return None
    lemma, lower = noun.lemma_.lower(), noun.lower_
    if any(c.lower_ in lex.excluded_modifiers for c in noun.children if c.dep_ in ("amod", "compound")):
        return None
    kind = lex.kind_of_noun.get(lower) or lex.kind_of_noun.get(lemma)
    if kind is not None:
        return kind
    if lemma not in lex.generic_nouns:
        return None
    for child in noun.children:
        if child.dep_ in ("amod", "compound") and child.lower_ in lex.kind_of_modifier:
            return lex.kind_of_modifier[child.lower_]
    return None


def _phrase_head(noun: Token, lex: MediaLexicon) -> Token:
    """ "the fourth issue of the magazine": the issue is what was released."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in lex.issue_nouns:
        return noun.head.head
    return noun


def _governing_verb(noun: Token) -> Token | None:
    if noun.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and noun.head.pos_ in ("VERB", "AUX"):
        return noun.head
    return None


def _agent(noun: Token, release_verb: Token | None, unit: SpacySpan) -> Token | None:
    """Who released it: the subject of the release verb, "by X", or a possessor ("its video")."""
    if release_verb is not None and noun.dep_ == "dobj":
        subject = next((c for c in release_verb.children if c.dep_ in SUBJECTS and c.i >= unit.start), None)
        if subject is not None:
            return subject
    for child in noun.children:
        if child.dep_ in ("prep", "agent") and child.lower_ == "by":
            by = next((c for c in child.children if c.dep_ == "pobj"), None)
            if by is not None:
                return by
        if child.dep_ == "poss":
            return child
    return None


def _actor(art: AnalysedArticle, token: Token) -> str | None:
    """The canonical actor a token refers to: its mention ("the ISIS branch" -> ISKP), or for "its" and
    "it" the last actor named before it."""
    phrase = noun_phrase(token) if token.pos_ != "PRON" else [token]
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    found = mentions_in(art, start, end, kind="actor")
    if found:
        return found[-1].name
    if token.pos_ == "PRON" and token.lower_ in ("it", "its", "they", "their", "them"):
        return _antecedent(art, token)
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return strip_article(art.norm.text[start:end])
    return None


def _antecedent(art: AnalysedArticle, pronoun: Token) -> str | None:
    """The actor "its" stands for: the last subject named earlier in its sentence ("The Islamic State released
    a video of an attack on a Nigerian army convoy, and its weekly newsletter ..."), else any actor named
    there, else the subject of its sentence ("In its weekly newsletter, the Islamic State said ..."), else the
    last one named before."""
    sentence = pronoun.sent
    before = [m for m in mentions_in(art, 0, pronoun.idx, kind="actor") if m.end <= pronoun.idx]
    in_sentence = [m for m in before if m.start >= sentence.start_char]
    subjects = [m for m in in_sentence if _is_subject(art, m.end)]
    if subjects or in_sentence:
        return (subjects or in_sentence)[-1].name  # "its" refers back to the one who acts
    subject = next((c for c in sentence.root.children if c.dep_ in SUBJECTS and c.i > pronoun.i), None)
    if subject is not None and subject.pos_ != "PRON":
        found = mentions_in(art, subject.left_edge.idx, subject.idx + len(subject), kind="actor")
        if found:
            return found[-1].name
    return before[-1].name if before else None


def _is_subject(art: AnalysedArticle, end: int) -> bool:
    """The mention ending at normalised offset `end` heads a subject."""
    token = art.doc.char_span(end - 1, end, alignment_mode="expand")
    head = token.root if token is not None else None
    while head is not None and head.dep_ in ("compound", "flat", "amod") and head.head.i > head.i:
        head = head.head
    return head is not None and head.dep_ in SUBJECTS


def _speaker_actor(art: AnalysedArticle, noun: Token) -> str | None:
    """ "a spokesman for the group said in an audio message": the release is the speaker's, and the speaker
    speaks for the group named in "for"/"of" or, for "the group", the one named before."""
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in ("in", "during", "through") else None
    if verb is None or verb.pos_ != "VERB":
        return None
    subject = next((c for c in verb.children if c.dep_ in SUBJECTS), None)
    if subject is None:
        return None
    actor = _actor(art, subject)
    if actor is not None:
        return actor
    owner = next((c for p in subject.children if p.lower_ in ("for", "of") for c in p.children
                  if c.dep_ == "pobj"), None)
    if owner is None:
        return None
    named = _actor(art, owner)
    if named is not None or not any(c.lower_ == "the" for c in owner.children):
        return named
    before = [m for m in mentions_in(art, 0, owner.idx, kind="actor") if m.end <= owner.idx]
    return before[-1].name if before else None


def _sentence_actor(art: AnalysedArticle, unit: SpacySpan, noun: Token) -> str | None:
    """The actor the sentence is about, when it is the subject of the main verb before the release
    ("the group keeps publishing ..., the latest being the ninth issue ...")."""
    root = unit.root
    subject = next((c for c in root.children if c.dep_ in SUBJECTS and c.i < noun.i), None)
    return _actor(art, subject) if subject is not None else None


def _about(noun: Token, verb: Token | None, lex: MediaLexicon) -> SpacySpan | None:
    """What the release shows: the object of "showed", "included scenes of", or of a relative clause
    ("a video in which it depicted attacks on ...")."""
    depiction = verb if verb is not None and noun.dep_ == "nsubj" else None
    if depiction is None or depiction.lemma_.lower() not in lex.depiction_verbs:
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl")]
        if verb is not None and noun.dep_ == "dobj":  # "released a video on Monday showing ..."
            clauses += [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "acl") and c.i > noun.i]
        depiction = next((c for c in clauses if c.lemma_.lower() in lex.depiction_verbs), None)
    if depiction is None or depiction.lemma_.lower() not in lex.depiction_verbs:
        return None
    shown = [c for c in depiction.children if c.dep_ in ("dobj", "attr", "ccomp", "xcomp")]
    if not shown:
        return None
    start = shown[0].left_edge.i
    if shown[0].lemma_.lower() in lex.depiction_nouns:
        inner = _object_of(shown[0], "of")
        start = inner.left_edge.i if inner is not None else start
    return noun.doc[start : max(c.right_edge.i for c in shown) + 1]


def _title(phrase: SpacySpan, noun: Token) -> str | None:
    quoted = QUOTED.search(phrase.text)
    if quoted:
        return quoted.group(1).strip()
    doc = noun.doc
    after = [c for c in noun.rights if c.pos_ == "PROPN" and c.dep_ in ("appos", "npadvmod")]
    if after:
        words = noun_phrase(after[0])  # "the magazine Dabiq"
    else:
        names = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        words = sorted((t for c in names for t in c.subtree if t.i < noun.i), key=lambda t: t.i)
    if not words:
        return None
    return doc[words[0].i : words[-1].i + 1].text


def _issue(phrase: SpacySpan, lex: MediaLexicon) -> int | None:
    for token in phrase:
        if token.lemma_.lower() not in lex.issue_nouns:
            continue
        ordinal = next((c for c in token.children if c.lower_ in ORDINALS or c.ent_type_ == "ORDINAL"), None)
        if ordinal is not None:
            return ORDINALS.get(ordinal.lower_) or _ordinal_number(ordinal.text)
        window = token.doc[token.i + 1 : token.i + 4]
        following = [t for t in window if t.lower_ not in ("no", "no.", "number", "#")]
        if following and following[0].like_num:
            value = parse_number(following[0].text)
            return int(value) if value is not None else None
    return None


def _ordinal_number(text: str) -> int | None:
    digits = re.match(r"\d+", text)
    return int(digits.group()) if digits else None


def _duration(text: str) -> float | None:
    match = DURATION.search(text)
    if match is None:
        return None
    minutes = float(match.group(1)) * UNIT_MINUTES[match.group(2).lower()]
    return int(minutes) if minutes.is_integer() else round(minutes, 2)


def _language(phrase: SpacySpan, lex: MediaLexicon) -> str | None:
    for token in phrase:
        if token.lower_ in lex.languages:
            return token.text.capitalize()
    following = phrase.doc[phrase.end : phrase.end + 2]
    if len(following) == 2 and following[0].lower_ == "in" and following[1].lower_ in lex.languages:
        return following[1].text.capitalize()
    return None


# claims of responsibility


def _claim_of_responsibility(
    art: AnalysedArticle, verb: Token, unit: SpacySpan, lex: MediaLexicon
) -> Media | None:
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.claim_verbs:
        return None
    claimed = _claimed_attack(verb, lex)
    if claimed is None:
        return None
    agent = next((c for c in verb.children if c.dep_ in SUBJECTS - {"nsubjpass"} and c.i >= unit.start), None)
    if agent is None:
        by = next((c for c in verb.children if c.dep_ == "agent"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    actor = _actor(art, agent) if agent is not None else None
    if actor is None:
        return None
    tokens = [t for t in (*_words(agent, unit)[:1], verb, claimed[0], claimed[-1]) if t.i >= unit.start]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    evidence = art.span(start, end)
    return Media(actor=actor, kind="claim_of_responsibility", evidence=evidence, about=claimed.text)


def _claimed_attack(verb: Token, lex: MediaLexicon) -> SpacySpan | None:
    """The attack claimed: "claimed responsibility for the bombing", "claimed the attack", "the attack,
    claimed by ISKP", "attacks, for which Da'esh has claimed responsibility"."""
    attacks = lex.attack_nouns
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in lex.responsibility_nouns:
            target = _object_of(child, "for") or _object_of(verb, "for")
            if (target is None or target.tag_ in RELATIVE_TAGS) and verb.dep_ == "relcl":
                target = verb.head
            return _phrase(target) if target is not None else None
        if child.dep_ == "dobj" and child.lemma_.lower() in attacks:
            return _phrase(child)
    if verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in attacks:
        return _phrase(verb.head)
    return None


def _words(head: Token, unit: SpacySpan) -> list[Token]:
    """The noun phrase of `head` inside its sentence unit (the parse may run across a missed full stop)."""
    return [t for t in noun_phrase(head) if unit.start <= t.i < unit.end] or [head]


def _object_of(token: Token, preposition: str) -> Token | None:
    """The object of a preposition attached to `token` ("scenes of X" -> X)."""
    prepositions = [p for p in token.children if p.lower_ == preposition]
    return next((c for p in prepositions for c in p.children if c.dep_ == "pobj"), None)


def _phrase(head: Token) -> SpacySpan:
    words = noun_phrase(head)
    return head.doc[words[0].i : max(words[-1].i, head.i) + 1]
