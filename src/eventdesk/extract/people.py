"""Named people with their role and organisation, read from titles and appositions.

"Taliban spokesman Zabihullah Mujahid": the words before the name hold the role (a role word and what
follows it) and the organisation (an actor named there). "Grace Achieng, deputy spokesperson of the
African Union Commission,": an apposition gives the role (the phrase without its article) and the first
actor named in it is the organisation. Later mentions by a part of the name ("Achieng", "Abu Salima")
join the same person.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import numpy as np
from spacy.attrs import ORTH
from spacy.strings import get_string_id

from eventdesk.extract.place_names import InGazetteer, named_as_place
from eventdesk.records import Person

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from eventdesk.analyse.pipeline import AnalysedArticle
    from eventdesk.knowledge.actors import ActorDictionary, ActorWords


class _ActorMention(Protocol):
    start: int
    end: int
    name: str
    entry: object | None  # the dictionary entry; None for a name only the NER found


def _named_actor(mention: _ActorMention | None) -> bool:
    return mention is not None and mention.entry is not None


_PREFIX_POS = frozenset({"PROPN", "NOUN", "ADJ", "PUNCT"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_PLACE_PREPOSITIONS = frozenset({"in", "near", "outside", "inside", "around", "across", "towards", "toward"})
_ARTICLES = frozenset({"a", "an", "the"})
_NAME_PARTICLES = frozenset({"abu", "al", "bin", "ibn", "el", "umm", "van", "von", "de", "da", "del", "di"})

PersonFound = tuple[Person, list[tuple[int, int]]]  # the person and its mentions (normalised offsets)


def find_people(
    art: AnalysedArticle,
    dictionary: ActorDictionary,
    actors: list[_ActorMention],
    in_gazetteer: InGazetteer | None = None,
) -> list[PersonFound]:
    doc = art.doc
    actor_at = {i: a for a in actors for i in range(a.start, a.end)}
    people: dict[str, PersonFound] = {}
    places = {e.text for e in doc.ents if e.label_ in _PLACE_LABELS}
    words = dictionary.words
    countries = words.countries
    named_at = {i: a for i, a in actor_at.items() if _named_actor(a)}
    for ent in _person_names(doc, words, named_at):
        if ent.text in places or ent.text in countries:
            continue
        name_span = _name_part(ent, words.role_words, actor_at if ent.label_ == "PERSON" else named_at)
        if name_span is None or _named_as_place(doc, name_span.start, words.place_nouns):
            continue
        if named_as_place(name_span, words, in_gazetteer):
            continue
        known = _known_person(name_span.text, people)
        if known is not None:
            known[1].append((name_span.start_char, name_span.end_char))
            continue
        role, organization = _title_before(doc, name_span, dictionary, actor_at)
        if role is None:
            role, organization = _title_before_comma(doc, name_span, dictionary, actor_at)
        if role is None:
            role, organization = _apposition_after(doc, name_span, actor_at)
        person = Person(name=name_span.text, role=role, organization=organization)
        people[person.name] = (person, [(name_span.start_char, name_span.end_char)])
    _add_surname_mentions(doc, people, actor_at)
    for person, spans in people.values():
        spans.sort()
        person.mentions = [art.span(s, e) for s, e in spans]
    return list(people.values())


def _person_names(doc: Doc, words: ActorWords, actor_at: dict[int, _ActorMention]) -> list[SpacySpan]:
    """PERSON entities, next to each other joined ("Oleksandr" + "Prokudin"), and names the NER took for
    an organisation right after a title ("the state governor Uba Sani")."""
    names: list[SpacySpan] = []
    for ent in doc.ents:
        if ent.label_ == "PERSON" or (ent.label_ == "ORG" and _titled_name(ent, words, actor_at)):
            if names and names[-1].end == ent.start and ent.label_ == "PERSON":
                ent = doc[names.pop().start : ent.end]
            names.append(ent)
    return names


def _titled_name(ent: SpacySpan, words: ActorWords, actor_at: dict[int, _ActorMention]) -> bool:
    """An ORG of capitalised proper nouns, none a known actor or an organisation word, after a role."""
    if not ent.start or ent.doc[ent.start - 1].lower_ not in words.role_words:
        return False
    if any(t.i in actor_at or t.lower_ in words.organisation_words for t in ent):
        return False
    return all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in ent)


def _name_part(ent: SpacySpan, roles: frozenset[str], actor_at: dict[int, _ActorMention]) -> SpacySpan | None:
    """The name inside a PERSON entity, without the actor and title words the NER sometimes takes in
    ("Taliban spokesman Zabihullah Mujahid") or a possessive; None when no name is left or an actor sits
    inside the name."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end and (start in actor_at or doc[start].lower_ in roles or doc[start].text in _HYPHENS):
        start += 1
    if end > start and doc[end - 1].lower_ in _POSSESSIVES:
        end -= 1
    if start >= end or any(i in actor_at for i in range(start, end)):
        return None
    return doc[start:end]


_HYPHENS = frozenset({"-", "–"})
_POSSESSIVES = frozenset({"'s", "'", "’s", "’"})


def _named_as_place(doc: Doc, start: int, place_nouns: frozenset[str]) -> bool:
    """A name after 'the town of' ("Karte Naw") or after 'in', 'near'... ("Near Raqqah") is a place,
    whatever the NER says."""
    if doc[start].lower_ in _PLACE_PREPOSITIONS:
        return True
    if start >= 1 and doc[start - 1].lower_ in _PLACE_PREPOSITIONS:
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in place_nouns


def _known_person(text: str, people: dict[str, PersonFound]) -> PersonFound | None:
    """A person already found whose full name ends with (or equals) this name."""
    words = text.split()
    for name, found in people.items():
        full = name.split()
        if len(words) <= len(full) and full[-len(words) :] == words:
            return found
    return None


def _title_before(
    doc: Doc, ent: SpacySpan, dictionary: ActorDictionary, actor_at: dict[int, _ActorMention]
) -> tuple[str | None, str | None]:
    """'Taliban spokesman', 'UN Secretary-General', "the Taliban's spokesman" right before the name:
    (role, organisation)."""
    start = ent.start
    while start > 0 and start > ent.start - 6 and doc[start - 1].pos_ in _PREFIX_POS:
        if doc[start - 1].is_punct and doc[start - 1].text not in _HYPHENS:
            break
        start -= 1
    owner = start - 2 if start >= 2 and doc[start - 1].tag_ == "POS" else start  # "the Taliban's"
    roles = dictionary.words.role_words
    for i in range(start, ent.start):
        if doc[i].lower_ in roles or doc[i : ent.start].text.lower() in roles:
            organization = next((actor_at[j].name for j in range(owner, i + 1) if j in actor_at), None)
            return doc[_qualified(doc, i, actor_at) : ent.start].text, organization
    return None, None


def _qualified(doc: Doc, role: int, actor_at: dict[int, _ActorMention]) -> int:
    """Start of a role with its lower-case qualifiers: "regional governor", "state governor", "police
    spokesman" (not an actor's name, an article or a possessive)."""
    start = role
    while start > 0 and start > role - 3:
        token = doc[start - 1]
        if token.i in actor_at or not token.is_lower or token.pos_ not in ("ADJ", "NOUN"):
            break
        start -= 1
    return start


def _title_before_comma(
    doc: Doc, ent: SpacySpan, dictionary: ActorDictionary, actor_at: dict[int, _ActorMention]
) -> tuple[str | None, str | None]:
    """'the police spokesman, Abubakar Sadiq,': a role ending right before a comma and the name."""
    if ent.start < 2 or doc[ent.start - 1].text != ",":
        return None, None
    role_end = ent.start - 1
    role = doc[role_end - 1]
    if role.lower_ not in dictionary.words.role_words or role.pos_ != "NOUN":
        return None, None
    start = _qualified(doc, role.i, actor_at)
    owner = start - 1 if start and doc[start - 1].i in actor_at else start
    organization = actor_at[owner].name if owner in actor_at else None
    return doc[start:role_end].text, organization


def _apposition_after(
    doc: Doc, ent: SpacySpan, actor_at: dict[int, _ActorMention]
) -> tuple[str | None, str | None]:
    """'NAME, a researcher of Afghan affairs,': (role, organisation named in it)."""
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None, None
    heads = [t for t in ent.root.children if t.dep_ == "appos" and t.i > ent.end and t.pos_ == "NOUN"]
    if not heads:
        return None, None
    phrase = doc[heads[0].left_edge.i : heads[0].right_edge.i + 1]
    start = phrase.start
    while start < phrase.end and _leads_role(doc[start], actor_at):
        start += 1
    if start >= phrase.end:
        return None, None
    organization = next((actor_at[i].name for i in range(phrase.start, phrase.end) if i in actor_at), None)
    return doc[start : phrase.end].text, organization


def _leads_role(token: Token, actor_at: dict[int, _ActorMention]) -> bool:
    """Words before the role proper: an article or an owner ("the Taliban's spokesman")."""
    return token.lower_ in _ARTICLES or token.i in actor_at or token.tag_ == "POS"


def _add_surname_mentions(
    doc: Doc, people: dict[str, PersonFound], actor_at: dict[int, _ActorMention]
) -> None:
    """Mentions of a known person by surname that the NER missed ("Mills confirmed...")."""
    surnames: dict[str, PersonFound] = {}
    for name, found in people.items():
        words = name.split()
        if len(words) > 1:
            surnames[words[-1]] = found
    if not surnames:
        return
    taken = {s for _, spans in people.values() for s, _ in spans}
    covered = {c for _, spans in people.values() for s, e in spans for c in range(s, e)}
    hashes = np.array([get_string_id(name) for name in surnames], dtype=np.uint64)
    for i in np.flatnonzero(np.isin(doc.to_array(ORTH), hashes)).tolist():
        token = doc[i]
        found = surnames.get(token.text)
        if found is None or token.idx in covered or not token.text[:1].isupper():
            continue
        if _named_actor(actor_at.get(token.i)):
            continue
        start = token.i - 1 if token.i > 0 and doc[token.i - 1].lower_ in _NAME_PARTICLES else token.i
        first = doc[start].idx
        if first not in taken and first >= found[1][0][0]:
            found[1].append((first, token.idx + len(token)))
            taken.add(first)
