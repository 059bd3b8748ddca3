"""Which mentions name the same company, person, security or title, and which form to show.

A record names one company as "TARNWELL GROUP", "Tarnwell  Group Inc." and "Tarnwell Group", and
one officer as "HARRIET P. VOSS", "Harriet P. Voss" and "Voss"; the facts list each once,
under its fullest, not all-capitals form.
"""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set

from ..issuer_names import company_form, group_companies, resolve_issuer
from ..issuer_names import is_all_caps as _is_all_caps
from .view import Mention, RecordView

_PERSON_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HONORIFICS = {"dr", "mr", "mrs", "ms", "prof"}
# Typo-level spellings of one title ("Principal Exeuctive Officer") are merged, words are not
# ("Vice President" vs "Senior Vice President" stays two titles).
_SAME_TITLE_RATIO = 0.93


def plain_form(names: Sequence[str]) -> str:
    """The first form not in all capitals (headlines shout), else the first."""
    for name in names:
        if not _is_all_caps(name):
            return name
    return names[0]


def pick_company(view: RecordView, labels: Set[str], as_head: bool) -> Optional[str]:
    """The company whose ISSUER mentions stand at that end of those relations, else the most
    named (nlp.issuer_names.resolve_issuer: a headline "TARNWELL GROUP" and a body "Tarnwell
    Group Inc." count for the same company)."""
    linked = [m.offsets for m in view.relation_ends(labels, as_head) if m.label == "ISSUER"]
    return resolve_issuer(view.text, [m.offsets for m in view.of("ISSUER")], linked)


def distinct_companies(mentions: Sequence[Mention]) -> List[str]:
    """One name per company (agents), in order of first mention."""
    return [company_form(names) for names in group_companies([m.name for m in mentions])]


@dataclass
class Person:
    key: tuple
    mentions: List[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        names = [m.name for m in self.mentions]
        counts = Counter(names)
        return max(counts, key=lambda n: (not _is_all_caps(n), len(_name_words(n)), counts[n],
                                          -names.index(n)))


def _name_words(name: str) -> List[str]:
    words = [w.strip(",.").casefold() for w in name.replace(",", " ").split()]
    return [w for w in words if w and w not in _PERSON_SUFFIXES and w not in _HONORIFICS]


def group_people(mentions: Iterable[Mention]) -> List[Person]:
    """OFFICER mentions grouped by person: first and last name, surname or first name alone."""
    people: Dict[tuple, Person] = {}
    single: List[Mention] = []
    for mention in mentions:
        words = _name_words(mention.name)
        if len(words) >= 2:
            key = (words[0], words[-1])
            people.setdefault(key, Person(key)).mentions.append(mention)
        elif words:
            single.append(mention)
    for mention in single:
        word = _name_words(mention.name)[0]
        matches = [p for key, p in people.items() if len(key) == 2 and word in key]
        if len(matches) == 1:
            matches[0].mentions.append(mention)
        else:
            people.setdefault((word,), Person((word,))).mentions.append(mention)
    for person in people.values():
        person.mentions.sort(key=lambda m: m.start)
    return sorted(people.values(), key=lambda p: p.mentions[0].start)


def distinct_titles(titles: Iterable[str]) -> List[str]:
    """Titles in order of first use, one per title: case and typo-level spellings merged."""
    groups: List[List[str]] = []
    for title in titles:
        for group in groups:
            if difflib.SequenceMatcher(None, group[0].casefold(), title.casefold()).ratio() >= _SAME_TITLE_RATIO:
                group.append(title)
                break
        else:
            groups.append([title])
    return [_title_form(group) for group in groups]


def _title_form(group: List[str]) -> str:
    counts = Counter(group)
    return max(counts, key=lambda t: (counts[t], -group.index(t)))
