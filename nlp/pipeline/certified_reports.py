"""The `reports` step of exhibit_entity_rules: the certified report's name wherever a certification gives it.

A certification names the report it certifies as "the Annual Report on Form 10-K", "this
quarterly report on Form 10-Q", "the Company's report on Form 10-K", "Form 10-K/A", and in
older filings "Annual Report Form 10-K" or "Form 10-QSB Quarterly Report". Inside a
document that holds a certifying statement these phrases are the certified report (on the
corpus 74 of 77 are gold REPORT spans); outside one, a "Form 10-Q" is a mere mention and the
rule stays silent.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from ..pattern_files import alternation, load_patterns
from .certifications import CERTIFYING_VERB
from .phrases import phrase_rule

_GAP = r"[ \t\xa0\n]+"
_PERIOD = alternation(load_patterns("certification_cues")["report_periods"])  # "Annual Report on Form"
_REPORT_WORD = r"(?:[Rr]eport|REPORT)"
_REPORT = re.compile(
    # "Annual Report on Form 10-K", also "Annual Report on the Form 20-F" and "Annual Report Form 10-K"
    rf"\b(?:(?:(?:{_PERIOD}){_GAP})?{_REPORT_WORD}{_GAP}(?:(?:on|ON){_GAP}(?:the{_GAP})?)?)?"
    rf"(?:Form|FORM){_GAP}\d{{1,2}}-[A-Z]{{1,3}}(?:/A)?\b"
    # the period after the form: "Form 10-QSB Quarterly Report", "Form 20-F annual report"
    rf"(?:{_GAP}(?:{_PERIOD}){_GAP}{_REPORT_WORD}\b)?"
)


def report_name_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the report names of a certification; none outside one."""
    if not CERTIFYING_VERB.search(text):
        return []
    return [m.span() for m in _REPORT.finditer(text)]


make_report_names = phrase_rule("REPORT", report_name_spans)
