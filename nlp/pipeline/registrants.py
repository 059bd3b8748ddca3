"""The `registrants` step of exhibit_entity_rules: the company a certification names in its fixed phrases.

Section 302/906 certifications name their registrant in a handful of phrases: "the Quarterly
Report of Tarnwell & Ashby Corporation (the “Corporation”)", "this annual report on Form
10-K of Quillon Corporation;", "Chief Executive Officer of Wexmoor, Inc. (the "Company")",
"has been provided to Halvern Corporation and will be retained by Halvern Corporation",
"the results of operations of Bexley Minerals, Inc.", "the filing by Tarnwell Realty Trust (the
“Trust”)" The recognizer, trained mostly on press
releases, misses or cuts many of these; on the corpus 78 of the 78 names these phrases hold
are gold ISSUER spans.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, Tuple

from ..names import KEEPS_PERIOD
from ..pattern_files import alternation, load_patterns
from .phrases import phrase_rule

_COMPANIES = load_patterns("companies")

# a capitalized word, a lower-case prefix before a capital ("eQuill", "iQuill"), a plan's "401(k)" or
# another number
_WORD = r"(?:[A-Z][\w&'’\-\.]*|[a-z]{1,2}[A-Z][\w&'’\-\.]*|[0-9]+\([a-z]\)|[0-9][\w\-]*)"
_GAP = r"(?:[ \t\xa0]+|[ \t\xa0]*\n[ \t\xa0]*)"
_SUFFIX = rf"(?:,?{_GAP}(?:{alternation(_COMPANIES['registrant_legal_suffixes'])}))"
# a legal suffix may stand inside the name of a company's plan ("Quillon, Inc. 401(k) Plan")
_NAME = rf"(?!The\b){_WORD}(?:{_GAP}(?:{_WORD}|of|and|&)|{_SUFFIX}(?={_GAP}[0-9]))*?{_SUFFIX}?"
_NAME_TO_LINE_END = rf"(?!The\b){_WORD}(?:{_GAP}(?:{_WORD}|of|and|&))*{_SUFFIX}?"
_S = r"[ \t\n\xa0]+"
_THE = rf"(?:(?:the|The){_S})?"
# a comma ends the name unless a legal suffix follows it ("Northfen Savings Bancorp, Inc.")
_COMMA = rf",(?!{_GAP}?(?:{alternation(_COMPANIES['suffixes_after_comma'])}))"

# the last word of an officer's title other than "Officer" ("President", "Treasurer"); not a
# board's, a fund manager's or a partner's ("Board of Directors (the “Board”)")
_TITLE_END = alternation(load_patterns("titles")["registrant_title_endings"])

_PATTERNS = [re.compile(p) for p in (
    # "... Form 10-K (the “Report”) of Tarnwell & Ashby (the “Company”)": the defined term between
    rf"(?:\b[Rr]eport|\bForm{_S}\d+-[A-Z]+(?:/A)?|\((?:the{_S})?[“\"][Rr]eport[”\"]\)){_S}of{_S}{_THE}({_NAME})"
    rf"(?=[ \t\n]*(?:\(|;|{_COMMA}|on{_S}Form|for{_S}the|as{_S}filed))",
    rf"\b(?:[Oo]fficers?|OFFICER)\)?{_S}of{_S}{_THE}({_NAME})(?=[ \t\n]*(?:\(|{_COMMA}|certif|hereby|does))",
    # "President of Tarnwell Income Fund (the “Fund”)": another title's last word, before a
    # defined term only
    rf"\b(?:{_TITLE_END}){_S}of{_S}{_THE}({_NAME})(?=[ \t\n]*\((?:the{_S})?[“\"])",
    rf"\bprovided{_S}(?:to|by){_S}({_NAME})(?={_S}and{_S}will)",
    rf"\bretained{_S}by{_S}({_NAME})(?={_S}and{_S}furnished)",
    rf"\bresults{_S}of{_S}operations{_S}of{_S}{_THE}({_NAME_TO_LINE_END})"
    rf"(?=[ \t]*(?:\.?[ \t]*\n|\.?$)|{_S}(?:at|as{_S}of|for){_S}the{_S}(?:dates?|periods?)\b)",
    rf"\bfiling{_S}by{_S}{_THE}({_NAME})(?=[ \t\n]*\()",
    # an employee plan's annual report (Form 11-K): "the net assets available for benefits of the
    # Quillon Savings and Investment Plan."
    rf"\bnet{_S}assets{_S}available{_S}for{_S}benefits{_S}of{_S}{_THE}({_NAME_TO_LINE_END})"
    rf"(?=[ \t]*(?:\.?[ \t]*\n|\.?$)|{_S}(?:at|as{_S}of|for){_S}the{_S}(?:dates?|periods?|years?)\b)",
)]
# words that stand for the registrant without naming it
_GENERIC = set(_COMPANIES["generic_registrant_words"])


def _names(text: str) -> Iterator[Tuple[int, int]]:
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span(1)
            cut = re.search(r"\.[ \t]*\n", text[start:end])  # a sentence ended inside the run
            if cut:
                end = start + cut.start() + 1
            if text[end - 1] == "." and not KEEPS_PERIOD.search(text[start:end]):
                end -= 1
            if text[start:end] not in _GENERIC:
                yield start, end


@lru_cache(maxsize=4)  # the issuers step reads the same text's names again
def registrant_name_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Character offsets of the company names certification phrases hold, each once."""
    return tuple(sorted(set(_names(text))))


# a name such as "Senior Care Realty Trust" is sometimes taken for a title, or the registrant
# for a bank
make_registrant_names = phrase_rule("ISSUER", registrant_name_spans, overrides=("TITLE", "AGENT", "OFFICER", "SECURITY"))
