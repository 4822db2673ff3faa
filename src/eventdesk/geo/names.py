"""Place-name keys: one normal form under which the gazetteer stores names and the text looks them up.

A key is the name transliterated to ASCII (anyascii), lower-cased, with everything but letters and digits
removed, doubled letters made single and a few spelling variants of transliteration merged, so that
"Kart-e Naw", "Karte Naw" and "KARTE-NAW" meet, and so do "al-Hol" and "Al Hol", "Tall Afar" and "Tal Afar".
"""

from __future__ import annotations

import re
from functools import lru_cache

from anyascii import anyascii

_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLED = re.compile(r"([a-z])\1+")
# Spellings that English transliterations of one name vary between (Arabic, Persian, Pashto, Somali):
# "Khan Younis"/"Khan Yunis", "Deir"/"Dayr", "Qandahar"/"Kandahar", "Shabeelle"/"Shabelle" (doubles).
_SPELLINGS = (("ou", "u"), ("q", "k"), ("ph", "f"), ("ei", "ay"), ("ey", "ay"), ("dh", "d"))
_LEADING_ARTICLE = re.compile(r"^(the|al|el|ad|ar|as|an|at|az|ash|ath)[\s\-‐'’]+", re.IGNORECASE)
_STATE_OF = re.compile(
    r"^(the\s+)?(republic|kingdom|state|commonwealth|sultanate|principality|federation|union)\s+of\s+(the\s+)?",
    re.IGNORECASE,
)
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_SAINT = re.compile(r"\b(st|ste)\.?\s", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")
# "Mt. Pleasant", "Ft. Worth": spelled out wherever they stand, in the gazetteer's names and in the text
_ABBREVIATIONS = (
    (re.compile(r"\bmt\.?\s+", re.IGNORECASE), "Mount "),
    (re.compile(r"\bft\.?\s+", re.IGNORECASE), "Fort "),
)


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    key = _DOUBLED.sub(r"\1", _NOT_ALNUM.sub("", anyascii(name).lower()))
    for spelling, common in _SPELLINGS:
        key = key.replace(spelling, common)
    return key


def key_variants(name: str) -> list[str]:
    """The keys a name in running text may be stored under: as written, without a leading article
    ("the Sahel", "al-Hol" ↔ "Hol"), without "Republic of" and the like, without a possessive, with "St."
    spelled out; "Mt." and "Ft." are always spelled out."""
    text = spelled_out(_THE.sub("", _POSSESSIVE.sub("", name.strip())))
    forms = [text]
    without_article = _LEADING_ARTICLE.sub("", text)
    if without_article != text and without_article:
        forms.append(without_article)
    without_state = _STATE_OF.sub("", text)
    if without_state != text and without_state:
        forms.append(without_state)
    if _SAINT.search(text):
        forms.append(_SAINT.sub("saint ", text))
    keys: list[str] = []
    for form in forms:
        key = name_key(form)
        if key and key not in keys:
            keys.append(key)
    return keys


def spelled_out(name: str) -> str:
    """ "Mt. Pleasant" → "Mount Pleasant", "Ft Worth" → "Fort Worth"."""
    for abbreviation, full in _ABBREVIATIONS:
        name = abbreviation.sub(full, name)
    return name


def is_latin_name(name: str) -> bool:
    """True for a name written in Latin script and capitalised, as in English news: GeoNames alternate
    names also hold lower-case machine transliterations ("esukarudesu") that would only add noise."""
    if not name or not name[0].isupper():
        return False
    return all(ch.isascii() or "\u00c0" <= ch <= "\u024f" or ch in "ʿʾ‘’" for ch in name)
