"""Name substitution for training: the model must learn that "X Announces ..." or
"X (NASDAQ: ...)" makes X the issuer from the context, not from having seen X before.

Every ISSUER and OFFICER name of a record is consistently replaced by an invented one (short
names keep matching their full names, case style and legal suffixes are kept), and all offsets
are recomputed, so entities and relations stay exact.
"""
from __future__ import annotations

import random
import re
from typing import Dict, List, Tuple

from ..names import LEGAL_SUFFIXES_AT_END as _LEGAL
from .records import Entity, ExhibitRecord, Relation

_ONSETS = ["b", "br", "c", "ch", "d", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "qu", "r",
           "s", "st", "t", "tr", "v", "w", "z", "x", ""]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "y"]
_CODAS = ["", "", "n", "r", "s", "x", "l", "m", "nt", "rk"]
_WORDS = [
    "Summit", "Harbor", "Crescent", "Northwind", "Granite", "Meridian", "Pioneer", "Atlas",
    "Beacon", "Cedar", "Falcon", "Horizon", "Keystone", "Liberty", "Maple", "Orion", "Pinnacle",
    "Quantum", "Ridge", "Sterling", "Titan", "Vertex", "Willow", "Apex", "Bluewater", "Cobalt",
    "Delta", "Evergreen", "Frontier", "Golden", "Highland", "Iron", "Jade", "Lakeshore", "Nova",
    "Oak", "Prairie", "Redwood", "Silver", "Trident", "Union", "Vantage", "Westfield", "Zenith",
    "Therapeutics", "Mining", "Resources", "Energy", "Technologies", "Capital", "Bancorp",
    "Biosciences", "Minerals", "Holdings", "Systems", "Medical", "Gold", "Networks", "Brands",
]
_KEEP_WORDS = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "the", "of", "and", "&"}


def _invented_word(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(_WORDS)
    syllables = rng.randint(2, 3)
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(syllables))
    return word[:1].upper() + word[1:]


def _match_case(new: str, old: str) -> str:
    if old.isupper() and any(c.isalpha() for c in old):
        return new.upper()
    if old[:1].islower():
        return new.lower()
    return new


def _split_core(name: str) -> Tuple[str, str]:
    """('Bexley Minerals Resources', ' Inc.') for 'Bexley Minerals Resources Inc.'."""
    match = _LEGAL.search(name)
    if match and match.start() > 0:
        return name[:match.start()], name[match.start():]
    return name, ""


class NameSubstituter:
    """Consistent invented replacements for one record's names."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.words: Dict[str, str] = {}

    def word(self, word: str) -> str:
        key = word.lower()
        if key not in self.words:
            self.words[key] = _invented_word(self.rng)
        return _match_case(self.words[key], word)

    def name(self, text: str) -> str:
        core, suffix = _split_core(text)
        parts = re.split(r"(\s+)", core)
        out = []
        for part in parts:
            if not part.strip() or part.lower() in _KEEP_WORDS or not part[:1].isalpha():
                out.append(part)
            elif re.fullmatch(r"[A-Za-z]\.", part):  # an initial
                out.append(self.word(part[0])[0] + ".")
            else:
                trail = re.search(r"[^\w]*$", part).group()
                body = part[: len(part) - len(trail)] if trail else part
                out.append(self.word(body) + trail if body else part)
        return "".join(out) + suffix


def substitute_names(
    record: ExhibitRecord, rng: random.Random, labels=("ISSUER", "OFFICER")
) -> ExhibitRecord:
    """A copy of the record with every name of `labels` replaced consistently."""
    names = NameSubstituter(rng)
    pieces: List[str] = []
    moved: Dict[Tuple[int, int], Tuple[int, int]] = {}
    entities = []
    cursor = 0
    length = 0
    for ent in sorted(record.entities):
        before = record.text[cursor:ent.start]
        pieces.append(before)
        length += len(before)
        old = record.text[ent.start:ent.end]
        new = names.name(old) if ent.label in labels else old
        pieces.append(new)
        moved[(ent.start, ent.end)] = (length, length + len(new))
        entities.append(Entity(length, length + len(new), ent.label))
        length += len(new)
        cursor = ent.end
    pieces.append(record.text[cursor:])
    relations = [
        Relation(moved[tuple(r.head)], moved[tuple(r.child)], r.label)
        for r in record.relations
        if tuple(r.head) in moved and tuple(r.child) in moved
    ]
    meta = {k: v for k, v in record.meta.items() if k != "sha256"}
    return ExhibitRecord(record.id, "".join(pieces), record.category, entities, relations, meta)
