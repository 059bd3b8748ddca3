"""The `officer_titles` step of exhibit_entity_rules: the title written right after an officer's name.

Releases and certifications name an officer and then the title: "said NAME, CEO", "NAME, President
and Chief Executive Officer", "NAME (CFO)", "NAME - Chief Legal Officer", "NAME, Quillon's
President". The recognizer, trained on a few hundred titles, misses short and unusual ones
("CEO" after a quotation or in a contact block, "Managing Director and Chief Executive Officer"). Where an OFFICER is followed by a comma, a
dash or a parenthesis and then words shaped like a title (an opener such as Chief or President, up
to a title word such as Officer), those words are the TITLE; the normalizer then widens or splits
it by the guide's list rules. A title held at a company other than the issuer ("NAME, Partner at
Bellwood Advisors") is not the guide's TITLE, so a title followed by "of" or "at" a name that is no
ISSUER is left alone; and in a release the person named with it is no OFFICER there ("said Jane
Roe, CEO of Vorn Mining", a partner's chief): that mention and a TITLE guess on the title go, as
does any TITLE guess so held ("served as CEO of Vorn Mining"). A certification's signer stays an
officer, as the guide has it, whatever company the title names.
"""
from __future__ import annotations

import re
from typing import List, Optional, Set, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..issuer_names import same_company
from ..pattern_files import load_patterns
from ..structure import BLANK_LINE
from ..tokenizer import GLUED_WORD_BOUNDARY
from .appointments import is_appointee
from .certified_reports import is_certification
from .signature_titles import Entities, TitlesNearOfficers
from .text_cache import doc_text
from .titles import has_title_word, title_area_end, title_item_after, title_item_before

# what separates a name from its title: ", ", " - ", " (", and an issuer's possessive after it
_AFTER_NAME = re.compile(r",[ \t]+(?:as[ \t]+(?=[A-Z]))?|[ \t]+[-–—][ \t]+|[ \t]*\([ \t]*|(?<=[a-z])(?=[A-Z])")
_POSSESSIVE = re.compile(r"[’']s[ \t]+")
_POSSESSIVE_END = re.compile(r"[’']s$")
# the role an appointee is given: "appoints NAME as its new President", "the promotion of NAME to EVP"
_AS_ROLE = re.compile(r"[ \t]+(?:as|to)[ \t]+(?:(?:its|the|our|their)[ \t]+)?(?:new[ \t]+)?")
# a title does not run past a sentence end, a quotation, a parenthesis or a blank line
_TITLE_STOP = re.compile(rf"{BLANK_LINE.pattern}|[.;“”\"()|]")
_TITLE_REACH = 120
_HELD_AT = re.compile(r"[ \t]+(?:of|at)[ \t]+(?:the[ \t]+)?(?=[A-Z])")
_FIRST_WORD = re.compile(r"\w*")
# what may stand before a title written before the name: nothing on the line or in the sentence,
# a lower-case word ("said", "added"), or the issuer's name ("said Quillon CEO NAME")
_BEFORE_TITLE_OPEN = re.compile(r"(?:^|[\n.;:,“\"(]|\b[a-z]+)[ \t]*$")


def officer_title_spans(text: str, entities: Entities) -> List[Tuple[int, int]]:
    """Character offsets of the titles written right after OFFICER names."""
    label_at = {start: label for start, _, label in entities}
    end_at = {start: end for start, end, _ in entities}
    found = []
    for start, end, label in entities:
        if label != "OFFICER":
            continue
        gap = _AFTER_NAME.match(text, end) or (is_appointee(text, start) and _AS_ROLE.match(text, end))
        if not gap:
            continue
        begin = gap.end()
        if label_at.get(begin) == "ISSUER":  # "NAME, Quillon's President"
            possessive = _POSSESSIVE.match(text, end_at[begin])
            if possessive is None:
                continue
            begin = possessive.end()
        reach = min(len(text), begin + _TITLE_REACH)
        stop = _TITLE_STOP.search(text, begin, reach)
        # text extraction glues a contact line's next word to the title ("CEOTelephone:")
        glued = GLUED_WORD_BOUNDARY.search(text, begin + 1, stop.start() if stop else reach)
        title_end = title_item_after(text, begin, glued.start() if glued else stop.start() if stop else reach)
        if title_end is None:
            continue
        # not a title followed by "of" or "at" a name that is no ISSUER ("CEO of Vorn Mining", "to
        # its Board of Directors"), but the issuer's generic name ("Chief Executive Officer of the
        # Company") is the issuer's
        held_at = _HELD_AT.match(text, title_end)
        if held_at and label_at.get(held_at.end()) != "ISSUER" and _FIRST_WORD.match(text, held_at.end()).group() not in _SELF_NAMES:
            continue
        if not any(a < title_end and begin < b for a, b, _ in entities):
            found.append((begin, title_end))
    return found + _titles_before_names(text, entities)


# "CEO of the Company": the issuer's own generic names
_SELF_NAMES = set(load_patterns("companies")["generic_registrant_words"])
# the company name after "of": capitalized words, up to a possessive ("Quillon’s Audit Committee")
_COMPANY_WORD = r"[A-Z](?:[\w&.-]|['’](?!s\b))*"
_COMPANY_AFTER = re.compile(rf"{_COMPANY_WORD}(?:[ \t]+(?:{_COMPANY_WORD}|&|and|of))*")


def _held_elsewhere(text: str, start: int, end: int, label_at, issuers: Set[str], least_words: int = 1) -> bool:
    """Whether the title text[start:end] is held at a company other than the issuer: "of" or
    "at" a name of `least_words` words or more after it (its area taken in first, "Vice President
    of Finance") that is no ISSUER mention, no generic name of the issuer ("of the Company") and
    no board or title ("of the Board")."""
    end = title_area_end(text, start, end)  # "Vice President of Finance" heads an area, held nowhere else
    held_at = _HELD_AT.match(text, end)
    company = _COMPANY_AFTER.match(text, held_at.end()) if held_at else None
    if company is None or label_at.get(company.start()) == "ISSUER":
        return False
    name = company.group()
    if len(name.split()) < least_words or name.split()[0] in _SELF_NAMES or has_title_word(name):
        return False
    # the issuer's name the recognizer missed there is still the issuer's
    return not any(same_company(name, issuer, text) for issuer in issuers)


def held_elsewhere(text: str, entities: Entities) -> Set[Tuple[int, int]]:
    """The OFFICER mentions named with a title held at a company other than the issuer ("Jane
    Roe, CEO of Vorn Mining"), and the TITLE guesses of such titles ("served as CEO of Vorn
    Mining"): by the guide neither is the issuer's."""
    label_at = {start: label for start, _, label in entities}
    issuers = {text[a:b] for a, b, label in entities if label == "ISSUER"}
    # a title alone: one word after "of" is as often an area as a company ("Vice President of
    # Finance at ..."); after a name the title item already stops before an area
    dropped = {(a, b) for a, b, label in entities
               if label == "TITLE" and _held_elsewhere(text, a, b, label_at, issuers, least_words=2)}
    for start, end, label in entities:
        gap = _AFTER_NAME.match(text, end) if label == "OFFICER" else None
        if not gap or label_at.get(gap.end()) == "ISSUER":
            continue
        stop = _TITLE_STOP.search(text, gap.end(), min(len(text), gap.end() + _TITLE_REACH))
        title_end = title_item_after(text, gap.end(), stop.start() if stop else min(len(text), gap.end() + _TITLE_REACH))
        if title_end is not None and _held_elsewhere(text, gap.end(), title_end, label_at, issuers):
            dropped.add((start, end))
            dropped.update((a, b) for a, b, other in entities if other == "TITLE" and gap.end() <= a < title_end)
    return dropped | _named_after_another_companys_title(text, entities, issuers)


# the capitalized run right before a title written before a name: the company whose title it is
_COMPANY_BEFORE_TITLE = re.compile(r"([A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,4})(?:['’]s)?[ \t]*$")


def _named_after_another_companys_title(text: str, entities: Entities, issuers: Set[str]) -> Set[Tuple[int, int]]:
    """The OFFICER mentions a title held at another company precedes ("Vorn Capital President
    Jane Roe"; not "Quillon CEO Jane Roe" nor "said CFO Jane Roe")."""
    issuer_end = {end for _, end, label in entities if label == "ISSUER"}
    dropped = set()
    for start, end, label in entities:
        before = _title_before_name(text, start) if label == "OFFICER" else None
        if before is None or _BEFORE_TITLE_OPEN.search(text, *before):
            continue
        company = _COMPANY_BEFORE_TITLE.search(text, *before)
        if company is None or company.end(1) in issuer_end:
            continue
        name = company.group(1)
        # one capitalized word is as often a qualifier ("Current CFO Jane Roe") as a name; an
        # acronym ("QXR President Jane Roe") is a name
        if len(name.split()) == 1 and not name.isupper():
            continue
        if name.split()[0] in _SELF_NAMES or has_title_word(name) or any(same_company(name, issuer, text) for issuer in issuers):
            continue
        dropped.add((start, end))
    return dropped


class OfficerTitles(TitlesNearOfficers):
    """Titles after and before officers' names; an officer's mention with a title held elsewhere goes."""

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        # by the guide a certification's signer is an officer whatever company the title names
        # (one acting for a trustee, a depositor or a general partner)
        text = doc_text(doc)
        if not self.active or is_certification(text):
            return doc
        entities = [(e.start_char, e.end_char, "OFFICER" if e.label_ == self.officer_label else e.label_)
                    for e in doc.ents]
        dropped = held_elsewhere(text, entities)
        if dropped:
            doc.ents = [e for e in doc.ents if (e.start_char, e.end_char) not in dropped]
        return doc


def _title_before_name(text: str, start: int) -> Optional[Tuple[int, int]]:
    """(where the line starts, where the title starts) of a title written right before the name
    starting at `start` on its line ("Quillon CEO Jane Roe"), or None."""
    if not text.endswith(" ", 0, start):
        return None
    line_start = text.rfind("\n", 0, start) + 1
    begin = title_item_before(text, start - 1, max(line_start, start - _TITLE_REACH))
    return None if begin is None else (line_start, begin)


def _titles_before_names(text: str, entities: Entities) -> List[Tuple[int, int]]:
    """Titles written right before an OFFICER's name ("Quillon CEO Jane Roe said", "said CFO
    Jane Roe"), not one held at another company ("Vorn Capital CEO Jane Roe")."""
    issuer_end = {end for _, end, label in entities if label == "ISSUER"}
    found = []
    for start, _, label in entities:
        before = _title_before_name(text, start) if label == "OFFICER" else None
        if before is None:
            continue
        line_start, begin = before
        if any(a < start - 1 and begin < b for a, b, _ in entities):
            continue
        before_end = line_start + len(text[line_start:begin].rstrip(" \t"))
        possessive = _POSSESSIVE_END.search(text, line_start, before_end)
        issuer_before = before_end in issuer_end or (possessive and possessive.start() in issuer_end)
        if issuer_before or _BEFORE_TITLE_OPEN.search(text, line_start, begin):
            found.append((begin, start - 1))
    return found


def make_officer_titles(nlp: Language, name: str, officer_label: str = "OFFICER", label: str = "TITLE") -> OfficerTitles:
    return OfficerTitles(name, officer_label, label, officer_title_spans)
