"""Whether a name the NER took for an organisation or a person is a place, from the words around it.

Used by the actors and people components before they accept an ORG or PERSON entity:
- ACLED-style location chains "Boni (Hombori, Douentza, Mopti)": every name in them is a place;
- "the village of X", "a resident of X", "X district", "Katsina State", "the Gossi military base";
- a name the gazetteer knows, after a place preposition ("in Gossi", "near Tal Afar") or before a comma
  and another place ("Kuriga, Kaduna State"), modifying an event noun ("the Chibok kidnapping"), or the
  object of a verb done to places ("rebels captured Saraqib").
The gazetteer is asked only when the words already point to a place (it is a callable, looked up lazily).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from eventdesk.geo.recognise import object_of_place_verb

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from eventdesk.knowledge.actors import ActorWords

InGazetteer = Callable[[str], bool]

_PLACE_PREPOSITIONS = frozenset(
    {"in", "near", "at", "outside", "inside", "around", "across", "towards", "toward", "into", "from",
     "through", "via"}
)
_OF_PLACE = frozenset({"resident", "residents", "native", "natives", "inhabitants", "outskirts", "people",
                       "suburbs", "north", "south", "east", "west", "parts"})
_CHAIN_REACH = 10  # tokens searched for the brackets of a location chain


def named_as_place(span: SpacySpan, words: ActorWords, in_gazetteer: InGazetteer | None) -> bool:
    doc = span.doc
    if in_location_chain(doc, span.start, span.end) or _place_word_context(doc, span, words):
        return True
    if in_gazetteer is None or not _gazetteer_context(doc, span, words):
        return False
    return in_gazetteer(_name_text(span))


def in_location_chain(doc: Doc, start: int, end: int) -> bool:
    """A name heading "(A, B, C)" or listed inside such brackets; "Khartoum (Khartoum)" too, but not an
    acronym in brackets ("Ansar Dine (AD)")."""
    inner = next((t.i for t in doc[start:end] if t.text == "("), None)  # the NER took in the brackets
    if inner is not None:
        return _bracketed_places(doc, inner + 1, doc[start:inner].text)
    if end < len(doc) and doc[end].text == "(" and _bracketed_places(doc, end + 1, doc[start:end].text):
        return True
    earlier = range(start - 1, max(start - _CHAIN_REACH, -1), -1)
    opening = next((i for i in earlier if doc[i].text in ("(", ")")), None)
    return opening is not None and doc[opening].text == "(" and _bracketed_places(doc, opening + 1, None)


def _bracketed_places(doc: Doc, start: int, name: str | None) -> bool:
    """Capitalised names up to the closing bracket, with a comma between them or repeating `name`."""
    for i in range(start, min(start + _CHAIN_REACH, len(doc))):
        token = doc[i]
        if token.text == ")":
            inside = doc[start:i]
            return any(t.text == "," for t in inside) or (name is not None and inside.text == name)
        if not (token.text in (",", "-") or token.text[:1].isupper() or token.lower_ in ("al", "el")):
            return False
    return False


def _place_word_context(doc: Doc, span: SpacySpan, words: ActorWords) -> bool:
    """ "the town of X", "a resident of X", "X district", "Katsina State", "the X military base"."""
    start, end = span.start, span.end
    if start >= 2 and doc[start - 1].lower_ == "of":
        governor = doc[start - 2].lower_
        if governor in words.place_nouns or governor in _OF_PLACE:
            return True
    last = doc[end - 1]
    if end - start >= 2 and last.lower_ in words.place_nouns and last.text[:1].isupper():
        return not any(t.lower_ in words.organisation_words for t in span)
    head = span.root.head
    modifies = span.root.dep_ in _MODIFIER_DEPS and head.i >= end and span.text not in words.demonyms
    return modifies and head.lower_ in words.place_nouns and head.lower_ not in words.member_nouns


_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _gazetteer_context(doc: Doc, span: SpacySpan, words: ActorWords) -> bool:
    """Words around a name that make it a place if the gazetteer knows it."""
    start, end = span.start, span.end
    before = doc[start - 1].lower_ if start else ""
    if before in _PLACE_PREPOSITIONS or before == "of":
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].ent_type_ in ("GPE", "LOC"):
        return True
    if object_of_place_verb(span):  # "rebels captured X", "airstrikes hit X and Y"
        return True
    root = span.root
    return root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lower_ not in words.member_nouns


def _name_text(span: SpacySpan) -> str:
    tokens = [t for t in span if not t.is_punct and t.tag_ != "POS" and t.lower_ != "the"]
    return " ".join(t.text for t in tokens)
