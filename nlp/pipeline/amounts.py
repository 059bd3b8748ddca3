"""The `amounts` step of exhibit_entity_rules: the offering's aggregate sum where releases always state it.

"for gross proceeds of approximately $8.3 million", "$40 Million Convertible Notes Financing",
"$615 Million Strategic Investment", "approximately $13.9 million in gross proceeds", "an aggregate
principal amount of US$1.7 billion", "the offering of $400 million aggregate principal amount of",
"has secured an additional $0.482 million", "a $238 million public offering", "a private
placement for up to $350,000", "net proceeds of approximately $3.7 million", "net proceeds ... are
expected to be approximately $71.3 million", "to raise approximately A$19.6 million": money in
these phrases is the offering's AMOUNT, which the recognizer, trained on a hundred examples,
still misses in unfamiliar wording.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from ..pattern_files import alternation, load_patterns
from .phrases import phrase_rule

_CUES = load_patterns("offering_cues")
_OPTIONAL_SPACE = r"\s?"  # "USD 5 million" and "USD5 million"
_SPACE = r"\s+"
# "approximately ", "up to " before a sum, or nothing
_APPROXIMATELY = rf"(?:{alternation(word + _SPACE for word in _CUES['approximations'])})?"
_CURRENCY = alternation(
    [rf"(?:{alternation(_CUES['dollar_prefixes'])})?\$"]
    + [code + _OPTIONAL_SPACE for code in _CUES["currency_codes"]]
    + _CUES["currency_signs"]
)

_SPACED_PREFIXES = [p for p in _CUES["dollar_prefixes"] + _CUES["currency_codes"] if len(p) > 1]
MONEY = (
    # a sum starts where no word goes on (cheap to check first: patterns that open with a sum
    # try it at every character)
    r"(?<![A-Za-z])(?=[$€£]|[A-Za-z]{1,3}[ \t]?\$|[A-Za-z]{3}[ \t]?~?[ \t]?\d)"
    # "USD $4.37M", "US $10.0 million", "NOK ~210 million", "$ 1.206 million" (a one-letter
    # prefix only written against the sign: "A $55 Million" opens a sentence)
    rf"(?:(?-i:{alternation(_SPACED_PREFIXES)})[ \t]\$|{_CURRENCY})[ \t]?~?[ \t]?"
    rf"\d(?:[\d,]*\d)?(?:\.\d+)?"
    rf"(?:\s?(?:{alternation(_CUES['magnitudes'])})\b)?"
)
_PATTERNS = (
    # "gross proceeds of approximately $8.3 million", "aggregate gross proceeds to the Company of",
    # "Private Placement for Proceeds of $839,999" ("grossproceeds": words glued by extraction)
    re.compile(
        rf"(?:\b(?:aggregate\s+)?(?:{alternation(_CUES['proceeds_words'])})\s*|\bfor\s+)proceeds\s+(?:to\s+the\s+\w+\s+)?(?:of\s+)?"
        rf"{_APPROXIMATELY}({MONEY})",
        re.IGNORECASE,
    ),
    # "net proceeds from the offering, after deducting ..., are expected to be approximately $71.3 million"
    re.compile(
        rf"\bproceeds\b[^.;]{{0,200}}?\b(?:{alternation(_CUES['proceeds_statement_verbs'])})\s+"
        rf"{_APPROXIMATELY}({MONEY})",
        re.IGNORECASE,
    ),
    # "to raise approximately A$19.6 million", "raised a total of $5 million"
    re.compile(
        rf"\b(?:{alternation(_CUES['raise_words'])})\s+(?:(?:{alternation(_CUES['raise_fillers'])})\s+)*({MONEY})",
        re.IGNORECASE,
    ),
    # "approximately $13.9 million in gross proceeds", "an aggregate principal amount of US$1.7 billion",
    # "an aggregate offering amount of $115 million"
    re.compile(
        rf"({MONEY})\s+in\s+(?:(?:{alternation(_CUES['proceeds_words'])})\s+)?proceeds\b"
        rf"|\baggregate\s+principal\s+amount\s+of\s+({MONEY})"
        rf"|\b(?:aggregate\s+)?offering\s+amount\s+of\s+{_APPROXIMATELY}({MONEY})",
        re.IGNORECASE,
    ),
    # "the purchase and sale of approximately $17 million of Common Shares": a securities sale's
    # own wording (a bare "sale of $7.7 million of" is as often tax credits or assets)
    re.compile(
        rf"\b(?:purchase|issuance)\s+and\s+sale\s+of\s+"
        rf"{_APPROXIMATELY}({MONEY})\s+of\b",
        re.IGNORECASE,
    ),
    # "the offering of US$400 million aggregate principal amount of senior notes": the sum an
    # offering or issuance is "of", not a balance the issuer had ("$59 million in aggregate
    # principal amount of its notes") nor old notes ("... of outstanding 3.875% Senior Notes")
    re.compile(
        rf"\b(?:{alternation(_CUES['offering_nouns'] + _CUES['issuance_nouns'])})\s+(?:\([^()\n]{{0,40}}\)\s+)?"
        rf"of\s+{_APPROXIMATELY}"
        rf"({MONEY})\s+(?:in\s+)?aggregate\s+principal\s+amount\s+of\s+"
        rf"(?!(?:the\s+|its\s+|our\s+)?(?:{alternation(_CUES['old_security_words'])})\b)",
        re.IGNORECASE,
    ),
    # "$40 Million Convertible Notes Financing", "a $238 million public offering"
    re.compile(
        rf"({MONEY})\s+(?:[\w-]+\s+){{0,3}}?(?:{alternation(_CUES['offering_nouns'])})\b",
        re.IGNORECASE,
    ),
    # "Private Placement for up to $350,000", "Closed Private Placement – $320,000", "a financing of $2 million"
    re.compile(
        rf"\b(?:{alternation(_CUES['offering_nouns'])})\s+(?:for\s+|of\s+|[–—-]\s+)"
        rf"{_APPROXIMATELY}({MONEY})",
        re.IGNORECASE,
    ),
)


def amount_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the sums that proceeds and offering phrases state."""
    return sorted({m.span(m.lastindex) for pattern in _PATTERNS for m in pattern.finditer(text)})


make_amount_spans = phrase_rule("AMOUNT", amount_spans)
