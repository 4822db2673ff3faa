"""Who said it: the attribution lexicon, sentence units and speaker resolution shared by statements, claims
and media. All offsets here are normalised offsets (art.doc); `art.span` maps them to the original text.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from spacy.attrs import IDX

from eventdesk.analyse.pipeline import AnalysedArticle
from eventdesk.extract.actors import generic_actor, mentions_in
from eventdesk.records import Result, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

SENTENCE_FINAL = frozenset(".!?")
TOKEN_STARTS = "token_starts"  # key in AnalysedArticle.annotations: every token's start offset
UNITS = "sentence_units"  # key in AnalysedArticle.annotations: the article's sentence_units
PERSON_PRONOUNS = frozenset(["he", "she", "him", "her"])
GROUP_PRONOUNS = frozenset(["it", "they", "them"])
SUBJECTS = frozenset(("nsubj", "nsubjpass"))
NP_CORE_DEPS = frozenset(
    ("compound", "amod", "det", "poss", "nmod", "nummod", "punct", "case", "flat", "prt")
)
PERSON_LABELS = frozenset(("PERSON",))
GROUP_LABELS = frozenset(("ORG", "NORP", "GPE"))
ROLE_WINDOW = 5  # tokens around a name searched for the role word of "the secretary said"


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    reporting_verbs: frozenset[str]
    particle_verbs: dict[str, str]
    source_cues: tuple[tuple[str, ...], ...]
    vague_sources: frozenset[str]
    venue_nouns: frozenset[str]
    titles: frozenset[str]
    organisation_heads: frozenset[str] = frozenset()
    transcript_unnamed_labels: frozenset[str] = frozenset()
    transcript_markers: frozenset[str] = frozenset()
    object_content_verbs: frozenset[str] = frozenset()
    non_content_objects: frozenset[str] = frozenset()
    group_descriptions: frozenset[str] = frozenset()

    def is_reporting_verb(self, token: Token) -> bool:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.reporting_verbs:
            return False
        particle = self.particle_verbs.get(token.lemma_.lower())
        return particle is None or any(c.dep_ == "prt" and c.lower_ == particle for c in token.children)


@cache
def attribution_lexicon(user_files: tuple[str, ...] = ()) -> AttributionLexicon:
    """The packaged lexicon merged with the user's files (setting `user_reporting_verbs`)."""
    data = read_lexicon("reporting_verbs.yaml", user_files)
    return AttributionLexicon(
        reporting_verbs=_lower_set(data.get("reporting_verbs", [])),
        particle_verbs=_lower_map(data.get("particle_verbs")),
        source_cues=tuple(tuple(str(cue).lower().split()) for cue in data.get("source_cues", [])),
        vague_sources=_lower_set(data.get("vague_sources", [])),
        venue_nouns=_lower_set(data.get("venue_nouns", [])),
        titles=_lower_set(data.get("titles", [])),
        organisation_heads=_lower_set(data.get("organisation_heads", [])),
        transcript_unnamed_labels=_lower_set(data.get("transcript_unnamed_labels", [])),
        transcript_markers=_lower_set(data.get("transcript_markers", [])),
        object_content_verbs=_lower_set(data.get("object_content_verbs", [])),
        non_content_objects=_lower_set(data.get("non_content_objects", [])),
        group_descriptions=_lower_set(data.get("group_descriptions", [])),
    )


def read_lexicon(name: str, user_files: tuple[str, ...]) -> dict[str, Any]:
    """A lexicon file of knowledge/data merged with the user's files: lists are extended, mappings merged."""
    data = _read_yaml(resources.files("eventdesk.knowledge") / "data" / name)
    for path in user_files:
        _merge(data, _read_yaml(Path(path)))
    return data


def _read_yaml(path: Any) -> dict[str, Any]:
    with path.open("r", encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def _merge(into: dict[str, Any], extra: dict[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, list):
            into[key] = list(into.get(key) or []) + value
        elif isinstance(value, dict):
            merged = dict(into.get(key) or {})
            _merge(merged, value)
            into[key] = merged
        else:
            into[key] = value


def _lower_map(items: dict[str, Any] | None) -> dict[str, str]:
    return {str(k).lower(): str(v).lower() for k, v in (items or {}).items()}


def _lower_set(items: Iterable[Any]) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items)


def token_starts(art: AnalysedArticle) -> list[int]:
    """Every token's start offset, read once per article from the Doc's IDX array; shared, so callers
    must not change the list."""
    if TOKEN_STARTS not in art.annotations:
        art.annotations[TOKEN_STARTS] = art.doc.to_array(IDX).tolist()
    return art.annotations[TOKEN_STARTS]


def article_units(art: AnalysedArticle) -> list[SpacySpan]:
    """The article's sentence_units, cut once and shared by every component through its annotations."""
    if UNITS not in art.annotations:
        art.annotations[UNITS] = sentence_units(art.doc)
    return art.annotations[UNITS]


def sentence_units(doc: Doc) -> list[SpacySpan]:
    """spaCy sentences, further cut at paragraph breaks and at a bare sentence-final mark followed by a
    capital (the small model sometimes runs two sentences, or a heading and a paragraph, together)."""
    units: list[SpacySpan] = []
    for sent in doc.sents:
        start = sent.start
        for token in sent:
            if token.i == start:
                continue
            if token.is_space and "\n" in token.text:
                units.append(doc[start : token.i])
                start = token.i + 1
            elif _ends_sentence_inside(token, sent):
                units.append(doc[start : token.i + 1])
                start = token.i + 1
        units.append(doc[start : sent.end])
    return _joined_after_titles([unit for unit in units if unit.text.strip()])


def _joined_after_titles(units: list[SpacySpan]) -> list[SpacySpan]:
    """Units the parser cut after a title's full stop ("director Navy Capt. | Jeff Davis said") joined."""
    joined: list[SpacySpan] = []
    for unit in units:
        if joined and joined[-1].end == unit.start and _cut_after_title(joined[-1]):
            joined[-1] = unit.doc[joined[-1].start : unit.end]
        else:
            joined.append(unit)
    return joined


def _cut_after_title(unit: SpacySpan) -> bool:
    last = unit[-1]
    return last.text == "." and not ends_sentence(last)


def ends_sentence(token: Token) -> bool:
    """A sentence-final mark, not the period of an abbreviation split off by the tokenizer ("Spc .")."""
    if token.text not in SENTENCE_FINAL:
        return False
    if token.text != "." or token.i == 0:
        return True
    previous = token.doc[token.i - 1]
    attached = previous.idx + len(previous) == token.idx
    titles = attribution_lexicon().titles
    abbreviation = previous.lower_ + "." in titles or (len(previous) == 1 and previous.is_upper)
    return not (attached and abbreviation)


def _ends_sentence_inside(token: Token, sent: SpacySpan) -> bool:
    if not ends_sentence(token) or token.i + 1 >= sent.end:
        return False
    following = token.doc[token.i + 1]
    return following.text[:1].isupper() and following.idx > token.idx + 1


def trimmed(text: str, start: int, end: int, tail: str = ",;:-–—.") -> tuple[int, int]:
    """Character offsets [start, end) without surrounding spaces, commas and dangling punctuation."""
    while start < end and (text[start].isspace() or text[start] in ",;:-–—"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in tail):
        end -= 1
    return start, end


@dataclass(slots=True)
class Resolved:
    speaker: Speaker
    span: Span
    start: int  # normalised offsets of the speaker words
    end: int


@dataclass(slots=True)
class SpeakerResolver:
    """Turns the subject of a reporting verb into a Speaker: a named person (with role and organisation),
    an organisation, or an unnamed source; pronouns and "the secretary" go to the last fitting person."""

    art: AnalysedArticle
    result: Result
    lex: AttributionLexicon
    units: list[SpacySpan] = field(default_factory=list)
    people: dict[str, Speaker] = field(default_factory=dict)
    person_mentions: list[tuple[int, str]] = field(default_factory=list)
    group_mentions: list[tuple[int, str]] = field(default_factory=list)
    _token_starts: list[int] = field(default_factory=list)
    person_speakers: list[tuple[int, Speaker]] = field(default_factory=list)  # (offset, speaker) for "he"

    def __post_init__(self) -> None:
        self._token_starts = token_starts(self.art)
        for person in self.result.people:
            self.people[person.name] = Speaker(person.name, person.role, person.organization)
        doc = self.art.doc
        for mention in mentions_in(self.art, 0, len(self.art.norm.text)):
            target = self.person_mentions if mention.kind == "person" else self.group_mentions
            target.append((mention.start, mention.name))
        if not self.person_mentions:
            persons = [e for e in doc.ents if e.label_ == "PERSON"]
            self.person_mentions = [(e.start_char, self._person_name(e)) for e in persons]

    def resolve(self, head: Token, before: int | None = None) -> Resolved | None:
        """The speaker named by the subject whose head token is `head`; a pronoun goes to a person or
        group named before `before` (the start of the quotation it attributes) or before itself."""
        if head.pos_ == "PRON":
            return self._pronoun(head, head.idx if before is None else min(before, head.idx))
        appositions = [c for c in head.children if c.dep_ == "appos"]
        named = next((a for a in appositions if _entity_at(a, PERSON_LABELS) is not None), None)
        if named is not None and _entity_at(head, PERSON_LABELS) is None:
            resolved = self._titled_person(head, named)
        else:
            resolved = self.resolve_phrase(noun_phrase(head), appositions[0] if appositions else None)
            unnamed = resolved is not None and resolved.speaker.name is None
            if unnamed and resolved.speaker.organization is None:
                resolved.speaker.organization = self._represented(head)
        if resolved is not None and self._one_person(head, resolved.speaker):
            self.person_speakers.append((head.idx, resolved.speaker))
        return resolved

    def _one_person(self, head: Token, speaker: Speaker) -> bool:
        """A speaker "he" or "she" can refer back to: a named person or one unnamed official."""
        if speaker.name is not None:
            return speaker.name in self.people
        lemma = head.lemma_.lower()
        singular = head.tag_ in ("NN", "NNP")
        return singular and lemma not in self.lex.organisation_heads and (
            lemma in self.lex.vague_sources or head.lower_ in self.lex.titles
        )

    def _represented(self, head: Token) -> str | None:
        """ "a spokesman for the group", "an official of the ministry": the organisation the unnamed speaker
        stands for, named there or referred to by a description of a group named before."""
        prepositions = [c for c in head.children if c.dep_ == "prep" and c.lower_ in ("for", "of", "from")]
        for preposition in prepositions:
            owner = next((c for c in preposition.children if c.dep_ == "pobj"), None)
            if owner is None:
                continue
            words = noun_phrase(owner)
            found = mentions_in(self.art, words[0].idx, owner.idx + len(owner), kind="actor")
            if found:
                return found[-1].name
            definite = any(c.lower_ in ("the", "this") for c in owner.children)
            if definite and owner.lemma_.lower() in self.lex.group_descriptions:
                earlier = [name for start, name in self.group_mentions if start < owner.idx]
                return earlier[-1] if earlier else None
        return None

    def _titled_person(self, title: Token, name: Token) -> Resolved | None:
        """ "The Combined Joint Task Force Commander, Lt. Gen. Stephen J. Townsend, said": the title first."""
        resolved = self.resolve_phrase(noun_phrase(name))
        if resolved is None:
            return None
        words = [t for t in noun_phrase(title) if not (t.dep_ == "det" and t == title.left_edge)]
        speaker = resolved.speaker
        speaker.role = _text(self.art.norm.text, words) or speaker.role
        speaker.organization = speaker.organization or self._group_name_at(title)
        return resolved

    def resolve_phrase(self, core: list[Token], apposition: Token | None = None) -> Resolved | None:
        """The speaker named by a noun phrase given as tokens ("the independent newspaper Hasht-e Subh")."""
        breaks = [i for i, t in enumerate(core) if "\n" in t.text or "\n" in t.whitespace_]
        core = [t for t in core[breaks[-1] + 1 if breaks else 0 :] if not t.is_space]
        if not core:
            return None
        start, end = core[0].idx, core[-1].idx + len(core[-1])
        speaker = self._named_person(core, apposition) or self._group(core) or self._by_role(core[-1])
        speaker = speaker or self._state_body(core)
        speaker = speaker or self._unnamed(core) or self._bare_name(core) or self._described(core)
        if speaker is None or not any(c.isalpha() for c in (speaker.name or speaker.role or "")):
            return None  # punctuation the parser took for a noun
        return Resolved(speaker, self.art.span(start, end), start, end)

    def _pronoun(self, token: Token, limit: int) -> Resolved | None:
        lower = token.lower_
        if lower in GROUP_PRONOUNS:
            return self._group_pronoun(token, limit)
        if lower not in PERSON_PRONOUNS:
            return None
        previous = [(start, name) for start, name in self.person_mentions if start < limit]
        people = [(start, self.people.get(name) or Speaker(name=name)) for start, name in previous
                  if self._subject_at(start)]
        people += [(start, speaker) for start, speaker in self.person_speakers if start < limit]
        if not people:
            people = [(start, self.people.get(name) or Speaker(name=name)) for start, name in previous]
        if not people:
            return None
        speaker = max(people, key=lambda item: item[0])[1]
        span = self.art.span(token.idx, token.idx + len(token))
        return Resolved(Speaker(speaker.name, speaker.role, speaker.organization), span, token.idx, span.end)

    def _subject_at(self, start: int) -> bool:
        """The name starting at normalised offset `start` is a subject (or its apposition): "he" refers to
        people who act or speak, not to a name the tagger found in "a resident of Tal Afar"."""
        doc = self.art.doc
        token = doc[max(0, bisect_right(self._token_starts, start) - 1)]
        while token.dep_ in ("compound", "flat") and token.head.i > token.i:
            token = token.head
        if token.dep_ == "appos":
            token = token.head
        return token.dep_ in SUBJECTS

    def _group_pronoun(self, token: Token, limit: int) -> Resolved | None:
        """ "it said" / "they said": the noun subject of a recent sentence of the same paragraph ("The
        interior ministry issued a statement. ... it said"), else a group named earlier in the paragraph."""
        text = self.art.norm.text
        paragraph_start = text.rfind("\n\n", 0, limit) + 1
        recent = [u for u in self.units if paragraph_start <= u.start_char and u.end_char <= limit]
        for unit in reversed(recent):
            subject = next((c for c in unit.root.children if c.dep_ in SUBJECTS), None)
            singular = subject is not None and subject.tag_ not in ("NNS", "NNPS")
            if subject is not None and singular and subject.pos_ in ("NOUN", "PROPN"):
                resolved = self.resolve_phrase(noun_phrase(subject))
                if resolved is not None:
                    span = self.art.span(token.idx, token.idx + len(token))
                    return Resolved(resolved.speaker, span, token.idx, token.idx + len(token))
        names = [name for start, name in self.group_mentions if paragraph_start <= start < limit]
        if not names:
            return None
        span = self.art.span(token.idx, token.idx + len(token))
        return Resolved(Speaker(name=names[-1]), span, token.idx, token.idx + len(token))

    def _named_person(self, core: list[Token], apposition: Token | None) -> Speaker | None:
        start, end = core[0].idx, core[-1].idx + len(core[-1])
        names = mentions_in(self.art, start, end, kind="person")
        ent = next((e for t in reversed(core) if (e := _entity_at(t, PERSON_LABELS)) is not None), None)
        if not names and ent is None:
            return None
        name = names[-1].name if names else self._person_name(ent)
        name_start = names[-1].start if names else ent.start_char
        name_end = names[-1].end if names else ent.end_char
        head = core[-1]
        if name_end <= head.idx and head.pos_ == "NOUN" and head.lower_ not in self.lex.titles:
            return None  # a name before a common noun names a thing: "the al-Naba newsletter"
        if not names:
            name_start = self._first_names_start(core, name_start)
            if name_start < ent.start_char:
                name = self.art.norm.text[name_start : ent.end_char]
        known = self._known_person(name)
        role, organization = self._role_and_organization(core, apposition, name_start)
        speaker = Speaker(
            known.name if known else name,
            _last_line((known.role if known else None) or role),  # people records may carry a heading
            (known.organization if known else None) or organization,
        )
        self.people[speaker.name] = speaker
        return speaker

    def _first_names_start(self, core: list[Token], name_start: int) -> int:
        """Where the name starts with capitalised words the tagger left out ("Dmitry" of "Dmitry Peskov")."""
        before = [t for t in core if t.idx < name_start]
        while before and self._first_name(before[-1]):
            name_start = before.pop().idx
        return name_start

    def _first_name(self, token: Token) -> bool:
        plain = token.pos_ == "PROPN" and token.is_title and not token.ent_type_ and token.whitespace_ == " "
        return plain and not token.is_sent_start and token.lower_ not in self.lex.titles

    def _person_name(self, ent: SpacySpan) -> str:
        tokens = list(ent)
        while len(tokens) > 1 and tokens[0].lower_ in self.lex.titles:
            tokens = tokens[1:]
        return self.art.norm.text[tokens[0].idx : tokens[-1].idx + len(tokens[-1])].replace('"', "")

    def _known_person(self, name: str) -> Speaker | None:
        """A person seen before under this name, or whose full name ends with it ("Abu Salima")."""
        if name in self.people:
            return self.people[name]
        return next((p for full, p in reversed(self.people.items()) if full.endswith(" " + name)), None)

    def _role_and_organization(
        self, core: list[Token], apposition: Token | None, name_start: int
    ) -> tuple[str | None, str | None]:
        before = [t for t in core if t.idx < name_start and t.dep_ not in ("det", "case") and not t.is_punct]
        organization = None
        for token in before:
            group = self._group_name_at(token)
            if group:
                organization = group
                break
        role_words = [t for t in before if not (organization and self._group_name_at(t) == organization)]
        role = _text(self.art.norm.text, role_words)
        if apposition is not None and not apposition.like_num:  # "Andre Wilson, 38,": an age, not a role
            phrase = [t for t in apposition.subtree if not (t.dep_ == "det" and t == apposition.left_edge)]
            role = _text(self.art.norm.text, phrase) or role
            organization = organization or next(
                (g for t in phrase if t.ent_type_ not in ("NORP", "GPE") and (g := self._group_name_at(t))),
                None,
            )
        return role, organization

    def _group_name_at(self, token: Token) -> str | None:
        found = mentions_in(self.art, token.idx, token.idx + len(token), kind="actor")
        if found:
            return found[0].name
        ent = _entity_at(token, GROUP_LABELS)
        return strip_article(ent.text) if ent is not None else None

    def _group(self, core: list[Token]) -> Speaker | None:
        start, end = core[0].idx, core[-1].idx + len(core[-1])
        if self._is_description(core):
            return None
        found = mentions_in(self.art, start, end, kind="actor")
        name = found[-1].name if found else None
        if name is None:
            ent = next((e for t in reversed(core) if (e := _entity_at(t, GROUP_LABELS)) is not None), None)
            if ent is None or (ent.label_ == "NORP" and ent.end < core[-1].i + 1):
                return None
            name = strip_article(ent.text)
        head = core[-1]
        if self._member_head(head):
            return self._unnamed_member(core, name)  # "a Foreign Office spokesman", "the Taliban commander"
        named = {t.i for t in core if t.ent_type_ in GROUP_LABELS - {"NORP"} or t.pos_ == "PROPN"}
        if found:
            named = {t.i for t in core if found[-1].start <= t.idx < found[-1].end} | named
        rest = [t for t in core if t.dep_ not in ("det", "case") and t.i not in named and not t.is_punct]
        name_words = self._name_words(core, found[-1] if found else None)
        common = head.pos_ == "NOUN" or head.is_lower  # the tagger may call "ministry" a proper noun
        if common and name_words and max(name_words) < head.i:
            rest = [t for t in core if t.i > max(name_words) and not t.is_punct and t.dep_ != "case"]
            role = _text(self.art.norm.text, rest)
            if any(t.dep_ == "poss" and t.i in name_words for t in core):
                return Speaker(name=None, role=role, organization=name)  # "Mexico's security ministry"
            return Speaker(name=name, role=role)
        return Speaker(name=name, role=_text(self.art.norm.text, rest))

    def _name_words(self, core: list[Token], found: Any) -> set[int]:
        """Token indices of the organisation's name inside the phrase: its actor mention, else its proper
        nouns that are names, not adjectives ("interior" of "Mexico's interior ministry")."""
        proper = {t.i for t in core if t.pos_ == "PROPN" and t.dep_ in ("compound", "poss", "flat")}
        if found is None:
            return proper
        inside = {t.i for t in core if found.start <= t.idx < found.end}
        return inside if core[-1].i not in inside else inside & proper  # "Saba news agency" as one name

    def _state_body(self, core: list[Token]) -> Speaker | None:
        """ "the army said", "Malian troops said": the state forces of the country the article names."""
        head = core[-1]
        if head.pos_ != "NOUN" or head.lemma_.lower() not in self.lex.organisation_heads:
            return None
        generic = generic_actor(self.art, head)
        if generic is None or generic[1] != 1:
            return None
        words = [t for t in core if not (t.dep_ == "det" and t.i == core[0].i)]
        return Speaker(name=generic[0], role=_text(self.art.norm.text, words))

    def _member_head(self, head: Token) -> bool:
        lemma = head.lemma_.lower()
        person_like = lemma in self.lex.vague_sources or head.lower_ in self.lex.titles
        return head.pos_ == "NOUN" and person_like and lemma not in self.lex.organisation_heads

    def _unnamed_member(self, core: list[Token], organization: str) -> Speaker:
        words = [t for t in core if t.dep_ != "det" and t.pos_ != "PROPN" and t.ent_type_ not in GROUP_LABELS]
        role = _text(self.art.norm.text, words) or core[-1].text
        return Speaker(name=None, role=role, organization=organization)

    def _is_description(self, core: list[Token]) -> bool:
        """ "residents", "local officials": an unnamed source, even when a dictionary maps it to a generic
        actor."""
        head = core[-1]
        return head.lemma_.lower() in self.lex.vague_sources and not any(t.pos_ == "PROPN" for t in core)

    def _by_role(self, head: Token) -> Speaker | None:
        """ "the secretary added" -> the last person before it introduced as a secretary
        ("Defense Secretary Ash Carter", "Ash Carter, the defense secretary")."""
        word = head.lower_
        definite = any(c.lower_ == "the" for c in head.children)
        if head.pos_ != "NOUN" or word not in self.lex.titles or not definite:
            return None
        for speaker in reversed(list(self.people.values())):
            if speaker.role and word in speaker.role.lower().replace("-", " ").split():
                return speaker
        doc = head.doc
        for ent in reversed([e for e in doc.ents if e.label_ == "PERSON" and e.end <= head.i]):
            window = doc[max(0, ent.start - ROLE_WINDOW) : min(len(doc), ent.end + ROLE_WINDOW)]
            if any(t.lower_ == word and t.i < head.left_edge.i for t in window):
                name = self._person_name(ent)
                known = self._known_person(name)
                return known or Speaker(name=name, role=head.text)
        return None

    def _described(self, core: list[Token]) -> Speaker | None:
        """Any other noun subject of a reporting verb ("the group", "the report"): kept unnamed."""
        if core[-1].pos_ not in ("NOUN", "PROPN"):
            return None
        words = [t for t in core if not (t.dep_ == "det" and t.i == core[0].i)]
        return Speaker(name=None, role=_text(self.art.norm.text, words))

    def _bare_name(self, core: list[Token]) -> Speaker | None:
        """A capitalised subject the tagger missed as a name ("Lyons said"): known people first."""
        head = core[-1]
        if not head.is_title or head.pos_ not in ("NOUN", "PROPN"):
            return None
        if head.lower_ in self.lex.titles or head.lemma_.lower() in self.lex.vague_sources:
            return None
        if head.ent_type_ in ("NORP", "GPE", "LOC", "DATE"):
            return None  # "the Emirati added": a nationality, not a name
        if head.is_sent_start:
            return self._known_person(head.text) or self._earlier_full_name(head)  # "Mehmud says"
        whole = all(t.is_title for t in core)
        name = self.art.norm.text[core[0].idx : head.idx + len(head)] if whole else head.text
        return self._known_person(name) or Speaker(name=name)

    def _earlier_full_name(self, head: Token) -> Speaker | None:
        """A surname standing alone: the longer name ending with it earlier in the text."""
        for ent in reversed([e for e in head.doc.ents if e.end <= head.i and e.label_ in ("PERSON", "ORG")]):
            if ent.text.endswith(" " + head.text):
                return self._known_person(ent.text) or Speaker(name=self._person_name(ent))
        return None

    def _unnamed(self, core: list[Token]) -> Speaker | None:
        head = next((t for t in reversed(core) if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.lemma_.lower() not in self.lex.vague_sources:
            return None
        words = [t for t in core if not (t.dep_ == "det" and t.i == core[0].i)]
        return Speaker(name=None, role=_text(self.art.norm.text, words))


def noun_phrase(head: Token) -> list[Token]:
    """The head noun with its premodifiers and flat name parts; appositions and clauses left out."""
    tokens = [head]
    for child in head.lefts:
        if child.dep_ in NP_CORE_DEPS:
            tokens.extend(child.subtree)
    for child in head.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == tokens[-1].i + 1:
            tokens.append(child)
    tokens.sort(key=lambda t: t.i)
    first = tokens[0].i
    return [t for t in head.doc[first : tokens[-1].i + 1]]


def _entity_at(token: Token, labels: frozenset[str]) -> SpacySpan | None:
    if token.ent_type_ not in labels:
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def _last_line(text: str | None) -> str | None:
    """A description cut to its last line: a heading run into it ("Baghdad\n\nForeign Office Minister")."""
    return text.split("\n")[-1].strip() or None if text else None


def strip_article(text: str) -> str:
    first, _, rest = text.partition(" ")
    return rest if rest and first.lower() in ("the", "a", "an") else text


def _text(text: str, tokens: list[Token]) -> str | None:
    if not tokens:
        return None
    start, end = trimmed(text, tokens[0].idx, tokens[-1].idx + len(tokens[-1]), tail=",;:-–—")
    return _last_line(text[start:end])


def actor_names_in(art: AnalysedArticle, start: int, end: int) -> list[str]:
    """Canonical names of the actors mentioned in normalised [start, end), first mention first."""
    names: list[str] = []
    for mention in mentions_in(art, start, end, kind="actor"):
        if mention.name not in names:
            names.append(mention.name)
    return names


def statement_source(art: AnalysedArticle, start: int, end: int) -> str | None:
    """Who the text credits with normalised [start, end): the speaker of the statement whose content covers
    it (the name, or for an unnamed source its description)."""
    for content_start, content_end, statement in art.annotations.get("statements", []):
        if content_start <= start and end <= content_end:
            return statement.speaker.name or statement.speaker.role
    return None
