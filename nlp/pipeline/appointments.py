"""The `appointments` step of exhibit_relation_rules: OFFICER_OF from the sentences that give a person a role.

A release that appoints, names, promotes or hires someone states whose officer they become in
one of two fixed ways: the company is the sentence's subject and the person the verb's object
("Quillon Appoints Jane Doe as Chief Financial Officer"; "Quillon, Inc. (NYSE: QLN), a maker of
..., today announced the appointment of Jane Doe and John Roe to its Board"), or the person joins
the company named right after the verb in a role ("Jane Doe will join Quillon as Chief Financial
Officer"). The relation model, which learned OFFICER_OF mostly from "NAME, Title of COMPANY" and
from certifications, misses both. The step adds its pairs to the model's; the verbs are data
(`appointment_verbs`, `joining_verbs` in names.json).
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from ..issuer_names import issuers_by_sentence, is_definition
from ..pattern_files import alternation, load_patterns
from ..structure import segment_ranges
from .relation_rules import Offsets, pair_rule

_NAMES = load_patterns("names")
# the verb and what may stand before its object ("appointed its new", "the appointment of")
_APPOINTS = re.compile(
    rf"\b(?:{alternation(_NAMES['appointment_verbs'])})\b(?:[ \t\n]+(?:its|their|the|a|new|as))*[ \t\n]+$"
)
# between two names of one list of appointees ("Jane Doe and John Roe", "A, B and C")
_LIST_JOINT = re.compile(r"^(?:,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+and[ \t\n]+)$")
# "will join", "initially joined", "returns to": between the person and the company
_JOINS = re.compile(
    rf"^,?[ \t\n]+(?:(?:{alternation(_NAMES['joining_auxiliaries'])})[ \t\n]+){{0,2}}"
    rf"(?:{alternation(_NAMES['joining_verbs'])})[ \t\n]+(?:the[ \t\n]+)?$",
    re.IGNORECASE,  # headlines capitalise every word ("Jane Doe Returns to Quillon as CFO")
)
# the role after the company: "as Chief Financial Officer", also after a date ("in May 2023, as")
_AS_ROLE = re.compile(r"^(?:['’]s[ \t\n]+[\w-]+)?(?:[ \t\n]+[\w.-]+,?){0,4}?,?[ \t\n]+as[ \t\n]")


def is_appointee(text: str, start: int, lowest: int = 0) -> bool:
    """Whether the name at `start` is the object of an appointment verb ("appoints NAME",
    "the promotion of NAME"), the verb standing at or after `lowest`."""
    return bool(_APPOINTS.search(text, max(lowest, start - 60), start))


def _appointees(text: str, officers: Sequence[Offsets], after: int, end: int) -> List[Offsets]:
    """The officers a sentence appoints after its subject ends at `after`: the verb's object and
    the names listed with it."""
    found: List[Offsets] = []
    for officer in officers:
        if not after <= officer[0] < end:
            continue
        if found:
            if _LIST_JOINT.match(text[found[-1][1]:officer[0]]):
                found.append(officer)
                continue
            break
        if is_appointee(text, officer[0], after):
            found.append(officer)
    return found


def appointment_pairs(text: str, officers: Sequence[Offsets], issuers: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(officer, issuer) pairs of the sentences that give an officer a role at the issuer."""
    officers = sorted(officers)
    named = sorted(i for i in issuers if not is_definition(text, i[0]))
    pairs = []
    for (_, end), heads in issuers_by_sentence(text, issuers, segment_ranges(text)):
        subject = heads[0]
        pairs.extend((officer, subject) for officer in _appointees(text, officers, subject[1], end))
    for officer in officers:
        company = next((i for i in named if i[0] >= officer[1]), None)
        if company is None or not _JOINS.match(text[officer[1]:company[0]]):
            continue
        if _AS_ROLE.match(text[company[1]:company[1] + 60]) and (officer, company) not in pairs:
            pairs.append((officer, company))
    return pairs


# adds to the model's OFFICER_OF, which covers the other ways of stating it
make_appointed_officers = pair_rule(
    label="OFFICER_OF", head_label="OFFICER", child_label="ISSUER",
    find=appointment_pairs, replaces=False,
)
