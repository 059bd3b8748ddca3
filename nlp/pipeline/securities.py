"""The `securities` step of exhibit_entity_rules: the class of security a sale is of.

"1,388,888 Offer Shares", "2,500,000 shares of the Company's common stock", "$40 Million in
Subordinated Notes", "a private placement of Subscription Receipts": the class a count counts,
or that an offering or a sum is of, is the offering's SECURITY, which the recognizer misses in
headlines and allocation lists. A bare "shares" names no class and is left to the recognizer;
the `sale_context` step after it drops what stands outside sentences that speak of a sale.
"""
from __future__ import annotations

import re
from typing import Iterator, List, Tuple

from ..pattern_files import alternation, load_patterns
from .amounts import MONEY
from .phrases import phrase_rule
from .quantities import COUNT_FILLERS, quantity_spans

_CUES = load_patterns("offering_cues")
_NAME_WORDS = alternation(_CUES["counted_security_words"] + _CUES["security_modifiers"])
_OF_HOLDER = r"(?:the\s+Company['’]s\s+|its\s+|our\s+)?"
# after a count: its fillers, then the name ("73.3 million new fully paid ordinary shares"), or
# the stock a count of shares is of ("2,500,000 shares of the Company's common stock")
_COUNTED_NAME = re.compile(
    rf"\s+(?:(?:{COUNT_FILLERS})[\s-]+)*?((?:(?:{_NAME_WORDS})[\s-]+){{0,4}}"
    rf"(?:{alternation(_CUES['counted_securities'])}))\b"
    rf"(?:\s+of\s+{_OF_HOLDER}((?:(?:{_NAME_WORDS})[\s-]+){{0,3}}(?:stock|shares?))\b)?",
    re.IGNORECASE,
)
# a name after a sum or an offering may hold capitalized words of its own ("Senior Secured Notes")
_OFFERED_NAME = (rf"((?:(?:{_NAME_WORDS}|(?-i:[A-Z][a-z]+))[\s-]+){{0,4}}"
                 rf"(?:{alternation(_CUES['offered_security_nouns'])}))\b")
_OFFERED = re.compile(
    rf"{MONEY}\s+(?:in|of)\s+(?:aggregate\s+principal\s+amount\s+of\s+)?{_OFFERED_NAME}"
    rf"|\b(?:offering|placement|issuance|sale)\s+of\s+{_OF_HOLDER}{_OFFERED_NAME}",
    re.IGNORECASE,
)
_BARE_NOUNS = {"share", "shares", "unit", "units", "stock"}  # no class: "2,500,000 shares"


def _candidates(text: str) -> Iterator[Tuple[int, int]]:
    for _, end in quantity_spans(text):
        name = _COUNTED_NAME.match(text, end)
        if name is not None:
            yield name.span(2) if name.group(2) else name.span(1)
    for offered in _OFFERED.finditer(text):
        yield offered.span(offered.lastindex)


def security_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the securities that counts count and that sums and offerings are of."""
    return sorted({(a, b) for a, b in _candidates(text) if text[a:b].lower() not in _BARE_NOUNS})


make_security_spans = phrase_rule("SECURITY", security_spans)
