"""Which mentions name the same company, person, security or title, and which form to show.

A record names one company as "TARNWELL GROUP", "Tarnwell  Group Inc." and "Tarnwell Group", and
one officer as "HARRIET P. VOSS", "Harriet P. Voss" and "Voss"; the facts list each once,
under its fullest, not all-capitals form.
"""
from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Set

from ..names import LEGAL_SUFFIX, LEGAL_SUFFIXES_AT_END
from .view import Mention, RecordView

_PERSON_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
_HONORIFICS = {"dr", "mr", "mrs", "ms", "prof"}
# Typo-level spellings of one title ("Principal Exeuctive Officer") are merged, words are not
# ("Vice President" vs "Senior Vice President" stays two titles).
_SAME_TITLE_RATIO = 0.93


def fold_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def company_key(name: str) -> str:
    """'The Tarnwell Group, Inc.' and 'TARNWELL' share the key 'tarnwell'; '&' reads 'and'."""
    key = re.sub(r"^the\s+", "", fold_key(name))
    core = LEGAL_SUFFIXES_AT_END.sub("", key) or key
    return " ".join(re.sub(r"[^\w\s]", " ", core.replace("&", " and ")).split()) or key


def _merge_short_names(clusters: Dict[str, List[str]]) -> List[List[str]]:
    """A short name joins the longer name it begins: "Quillon" -> "Quillon Biotherapeutics,
    Inc.", "Hollisfield" -> "Hollisfield Capital Markets LLC". A short name that begins two
    different names ("Denholm" of "Denholm Brothers" and "Denholm Vance") stays apart."""
    words = {key: key.split() for key in clusters}
    merged = {key: list(names) for key, names in clusters.items()}
    for short in sorted(clusters, key=lambda k: len(words[k])):
        size = len(words[short])
        longer = sorted((k for k in merged if len(words[k]) > size and words[k][:size] == words[short]),
                        key=lambda k: len(words[k]))
        if longer and all(words[k][:len(words[longer[0]])] == words[longer[0]] for k in longer):
            merged[longer[0]] = merged.pop(short) + merged[longer[0]]
    return list(merged.values())


def _is_all_caps(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


# Legal forms of other countries that mark a full legal name ("Vesterling AB", "Skarvik ASA").
_MORE_LEGAL_FORMS = re.compile(
    r"\s(?:AB|ASA|AS|A/S|Oyj|Oy|GmbH|S\.p\.A\.?|B\.V\.?|Pty\.? Ltd\.?|SA|NV)(?:\s*\(publ\))?$")


def _has_legal_form(name: str) -> bool:
    return bool(LEGAL_SUFFIX.search(name) or _MORE_LEGAL_FORMS.search(name))


def company_form(names: Sequence[str]) -> str:
    """The legal name as written in running text: 'Tarnwell Group Inc.' over 'TARNWELL GROUP'."""
    counts = Counter(names)
    return max(counts, key=lambda n: (_has_legal_form(n), not _is_all_caps(n),
                                      counts[n], len(n), -names.index(n)))


def plain_form(names: Sequence[str]) -> str:
    """The first form not in all capitals (headlines shout), else the first."""
    for name in names:
        if not _is_all_caps(name):
            return name
    return names[0]


def pick_company(view: RecordView, labels: Set[str], as_head: bool) -> Optional[str]:
    """The company whose ISSUER mentions stand at that end of those relations, else the most named.

    Mentions are grouped by company (legal suffixes ignored), so a headline "TARNWELL GROUP" and
    a body "Tarnwell Group Inc." count for the same company.
    """
    issuers = view.of("ISSUER")
    if not issuers:
        return None
    companies = _companies(issuers)
    linked_names = Counter(m.name for m in view.relation_ends(labels, as_head) if m.label == "ISSUER")
    linked = [sum(linked_names[n] for n in set(names)) for names in companies]
    candidates = [k for k in range(len(companies)) if linked[k]] or range(len(companies))
    # a name only ever written in capitals ("QBXR") is likelier a ticker than the company's name
    best = max(candidates, key=lambda k: (linked[k], not all(_is_all_caps(n) for n in companies[k]),
                                          len(companies[k]), -k))
    return company_form(companies[best])


def _initials(name: str) -> Set[str]:
    """'Northfen Digital Group, Inc.' -> {'nd', 'ndg', 'ndgi'}: the initials of the name and of
    its shorter forms without the suffixes."""
    words = re.findall(r"[^\W\d_]+", re.sub(r"^the\s+", "", fold_key(name)))
    return {"".join(w[0] for w in words[:size]) for size in range(2, len(words) + 1)}


def _merge_initials(clusters: Dict[str, List[str]]) -> Dict[str, List[str]]:
    """An all-capitals short name made of another company's initials ("NDG", "NDGI" for
    "Northfen Digital Group, Inc.") names that company."""
    merged = {key: list(names) for key, names in clusters.items()}
    for key in list(merged):
        names = merged[key]
        if " " in key or not 2 <= len(key) <= 6 or not all(_is_all_caps(n) for n in names):
            continue
        owners = [k for k in merged if k != key and " " in k
                  and any(key in _initials(n) for n in merged[k])]
        if len(owners) == 1:
            merged[owners[0]] = merged.pop(key) + merged[owners[0]]
    return merged


def _companies(mentions: Sequence[Mention]) -> List[List[str]]:
    """The names of each company named, companies in order of first mention."""
    clusters: Dict[str, List[str]] = {}
    for mention in mentions:
        clusters.setdefault(company_key(mention.name), []).append(mention.name)
    first = {name: k for k, name in reversed(list(enumerate(m.name for m in mentions)))}
    return sorted(_merge_short_names(_merge_initials(clusters)), key=lambda names: min(first[n] for n in names))


def distinct_companies(mentions: Sequence[Mention]) -> List[str]:
    """One name per company (agents), in order of first mention."""
    return [company_form(names) for names in _companies(mentions)]


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
