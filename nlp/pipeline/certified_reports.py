"""The `reports` step of exhibit_entity_rules: the certified report's name wherever a certification gives it.

A certification names the report it certifies as "the Annual Report on Form 10-K", "this
quarterly report on Form 10-Q", "the Company's report on Form 10-K", "Form 10-K/A", and in
older filings "Annual Report Form 10-K" or "Form 10-QSB Quarterly Report". Inside a
document that holds a certifying statement these phrases are the certified report (on the
corpus 74 of 77 are gold REPORT spans); outside one, a "Form 10-Q" is a mere mention and the
rule stays silent. In an exhibit that certifies nothing (no certifying verb, no certification
law cited) a REPORT guess of the recognizer goes too: a release citing its annual report names
no certified report.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..pattern_files import alternation, load_patterns
from .certifications import CERTIFYING_VERB
from .phrases import PhraseLabeler
from .text_cache import doc_text

_GAP = r"[ \t\xa0\n]+"
_PERIOD = alternation(load_patterns("certification_cues")["report_periods"])  # "Annual Report on Form"
_REPORT_WORD = r"(?:[Rr]eport|REPORT)"
_REPORT = re.compile(
    # "Annual Report on Form 10-K", also "Annual Report on the Form 20-F" and "Annual Report Form 10-K"
    rf"\b(?:(?:(?:{_PERIOD}){_GAP})?{_REPORT_WORD}{_GAP}(?:(?:on|ON){_GAP}(?:the{_GAP})?)?)?"
    # a company's form ("10-K", "20-F") or an investment company's ("N-CSR")
    rf"(?:Form|FORM){_GAP}(?:\d{{1,2}}-[A-Z]{{1,3}}|N-[A-Z]{{1,4}})(?:/A)?\b"
    # the period after the form: "Form 10-QSB Quarterly Report", "Form 20-F annual report"
    rf"(?:{_GAP}(?:{_PERIOD}){_GAP}{_REPORT_WORD}\b)?"
)


_CERTIFICATION_LAW = re.compile(alternation(load_patterns("certification_cues")["certification_laws"]), re.IGNORECASE)


def is_certification(text: str) -> bool:
    """Whether the exhibit certifies a report: it states the certifying verb or cites the law a
    certification is made under ("certified, by resolution, ... pursuant to Section 906")."""
    return bool(CERTIFYING_VERB.search(text) or _CERTIFICATION_LAW.search(text))


def report_name_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the report names of a certification; none outside one."""
    if not CERTIFYING_VERB.search(text):
        return []
    return [m.span() for m in _REPORT.finditer(text)]


class ReportNames(PhraseLabeler):
    """The report names of a certification; outside one a REPORT guess goes, as by the guide a
    release's "Annual Report on Form 10-K" is a mere mention of a filing."""

    def __call__(self, doc: Doc) -> Doc:
        doc = super().__call__(doc)
        if self.active and any(e.label_ == self.label for e in doc.ents) and not is_certification(doc_text(doc)):
            doc.ents = [e for e in doc.ents if e.label_ != self.label]
        return doc


def make_report_names(nlp: Language, name: str, label: str = "REPORT") -> ReportNames:
    return ReportNames(name, label, report_name_spans)
