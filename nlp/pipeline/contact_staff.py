"""The `contact_staff` step of exhibit_entity_rules: press and investor-relations contacts are no officers.

A release ends with the people to contact: an officer with a title ("Jane Doe, Chief Financial
Officer") or the staff of the company's press office or of an investor-relations agency ("Media
Contact: Jane Doe, Quillon Communications"). By the guide only the officers are OFFICER. A
name in a contact block with no TITLE beside it (after it, or right before it) that the release
names nowhere else is such a contact: the recognizer's or a rule's OFFICER there is dropped. So
is a name whose contact entry (the lines between the headings ending in ":" and the other
names) names another company and not the issuer ("Investor Relations Contact: / Jane Doe, CEO /
Vorn Advisory, Inc."): an agency's chief is no officer of the issuer.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..issuer_names import same_company
from ..ml.structure_features import doc_regions
from ..pattern_files import alternation, load_patterns
from ..structure import CONTACT_BLOCK
from .switch import ActiveSwitch
from .text_cache import doc_text
from .titles import has_title_word

TITLE_REACH = 60  # characters after a contact's name in which its title stands
# a title the recognizer did not find still opens with a title word ("Jane Doe, Group Head of Treasury")
_TITLE_OPENING = re.compile(rf"[ \t\n,;|–—-]*(?:{alternation(load_patterns('titles')['title_openers'])})\b")


def _titled(text: str, ents: List[Span], k: int) -> bool:
    """Whether ents[k] has a TITLE right after it, or one right before it on nothing but space,
    or title words follow it."""
    ent = ents[k]
    if _TITLE_OPENING.match(text, ent.end_char):
        return True
    after = ents[k + 1] if k + 1 < len(ents) else None
    if after is not None and after.label_ == "TITLE" and after.start_char < ent.end_char + TITLE_REACH:
        return True
    before = ents[k - 1] if k else None
    return (before is not None and before.label_ == "TITLE"
            and not text[before.end_char:ent.start_char].strip())


def contact_staff(text: str, ents: List[Span], contacts: List[Tuple[int, int]], label: str = "OFFICER") -> List[Span]:
    """The OFFICER spans of `ents` (in text order) that name a contact, not an officer; `text` is
    the doc's text, built once by the caller (Doc.text joins every token)."""
    officers = [e for e in ents if e.label_ == label]
    staff = []
    for k, ent in enumerate(ents):
        if ent.label_ != label or not any(a <= ent.start_char < b for a, b in contacts):
            continue
        surname = ent.text.split()[-1]
        if not _titled(text, ents, k) and not any(o is not ent and surname in o.text for o in officers):
            staff.append(ent)
    return staff


# a capitalized run ending in a company word ("Vorn Advisory, Inc.", "The Tarnwell Group")
_COMPANY_WORDS = set(load_patterns("companies")["company_name_words"])
_CAPITALIZED_RUN = re.compile(r"[A-Z][\w&.'’-]*(?:,?[ \t]+(?:[A-Z][\w&.'’-]*|&|of|and))*")
# a heading of a contact entry: "Investor Relations Contact:", "Media Inquiries:"
_HEADING = re.compile(r"[^\n]*:[ \t]*(?:\n|$)")


def _entry(text: str, officers: List[Span], ent: Span, block: Tuple[int, int]) -> Tuple[int, int]:
    """The contact entry of `ent` inside its block: from the last heading or other name before it
    to the next heading or other name after it."""
    start = max([o.end_char for o in officers if block[0] <= o.start_char and o.end_char <= ent.start_char], default=block[0])
    end = min([o.start_char for o in officers if ent.end_char <= o.start_char < block[1]], default=block[1])
    for heading in _HEADING.finditer(text, start, ent.start_char):
        start = max(start, heading.end())
    heading = _HEADING.search(text, ent.end_char, end)
    return start, heading.start() if heading else end


def _names_a_company(name: str) -> bool:
    return name.split()[-1].lower().rstrip(".,") in _COMPANY_WORDS and not has_title_word(name)


def other_company_staff(text: str, ents: List[Span], contacts: List[Tuple[int, int]], label: str = "OFFICER") -> List[Span]:
    """The OFFICER spans of `ents` whose contact entry names a company other than the issuer and
    no ISSUER mention."""
    officers = [e for e in ents if e.label_ == label]
    issuers = [e.text for e in ents if e.label_ == "ISSUER"]
    staff = []
    for ent in officers:
        block = next((c for c in contacts if c[0] <= ent.start_char < c[1]), None)
        if block is None:
            continue
        start, end = _entry(text, officers, ent, block)
        if any(e.label_ == "ISSUER" and start <= e.start_char < end for e in ents):
            continue
        companies = [m.group() for m in _CAPITALIZED_RUN.finditer(text, start, end)
                     if not (m.start() < ent.end_char and ent.start_char < m.end()) and _names_a_company(m.group())]
        if any(not any(same_company(name, issuer, text) for issuer in issuers) for name in companies):
            staff.append(ent)
    return staff


class ContactStaff(ActiveSwitch):
    def __init__(self, name: str, label: str = "OFFICER", title_label: str = "TITLE"):
        self.name = name
        self.label = label
        self.title_label = title_label
        self.active = True

    def initialize(self, get_examples=None, nlp=None) -> None:
        """Stay off for training data without officers' titles: a name there needs none."""
        self.stay_on_for(get_examples, self.title_label)

    def __call__(self, doc: Doc) -> Doc:
        if not self.active or not any(e.label_ == self.label for e in doc.ents):
            return doc
        contacts = [(a, b) for a, b, region in doc_regions(doc) if region == CONTACT_BLOCK]
        if contacts:
            ents = sorted(doc.ents, key=lambda e: e.start_char)
            text = doc_text(doc)
            staff = {(e.start_char, e.end_char) for e in contact_staff(text, ents, contacts, self.label)
                     + other_company_staff(text, ents, contacts, self.label)}
            doc.ents = [e for e in ents if (e.start_char, e.end_char) not in staff]
        return doc


def make_contact_staff(nlp: Language, name: str, label: str = "OFFICER", title_label: str = "TITLE") -> ContactStaff:
    return ContactStaff(name, label, title_label)
