"""The `quantities` and `counted_securities` steps of exhibit_entity_rules: what a sale counts.

"2,500,000 shares of common stock", "1.2 billion New Shares", "300,000 pre-funded warrants":
a count right before the securities it counts is the offering's QUANTITY, and the class it
counts ("common stock", "New Shares", "pre-funded warrants") a SECURITY, which the recognizer,
trained on a hundred releases, misses in unfamiliar layouts (allocation lists, tranche tables).
Counts of shares held, authorized or bought back share the shape; the `sale_context` step after
it drops those outside sentences that speak of a sale, as it does the recognizer's.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from ..pattern_files import alternation, load_patterns
from .phrases import phrase_rule

_CUES = load_patterns("offering_cues")
_COUNT = rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s+(?:{alternation(m for m in _CUES['magnitudes'] if m.isalpha())})"
_WORDS_BEFORE_NOUN = alternation(_CUES["count_fillers"] + _CUES["security_modifiers"])
# a count not inside a larger number or a sum ("$2,500,000 shares" is no count)
_COUNTED = re.compile(
    rf"(?<![\w$.,])({_COUNT})\s+(?:(?:{_WORDS_BEFORE_NOUN})[\s-]+){{0,4}}"
    rf"(?:{alternation(_CUES['counted_securities'])})\b",
    re.IGNORECASE,
)


# the security a count counts: its name right after the count ("1,388,888 Offer Shares",
# "73.3 million new fully paid ordinary shares"), or the stock a count of shares is of ("2,500,000
# shares of the Company's common stock")
_NAME_WORDS = alternation(_CUES["counted_security_words"] + _CUES["security_modifiers"])
_COUNTED_NAME = re.compile(
    rf"\s+(?:(?:{_WORDS_BEFORE_NOUN})[\s-]+)*?((?:(?:{_NAME_WORDS})[\s-]+){{0,4}}"
    rf"(?:{alternation(_CUES['counted_securities'])}))\b"
    rf"(?:\s+of\s+(?:the\s+Company['’]s\s+|its\s+|our\s+)?((?:(?:{_NAME_WORDS})[\s-]+){{0,3}}(?:stock|shares?))\b)?",
    re.IGNORECASE,
)
_BARE_NOUNS = {"share", "shares", "unit", "units"}  # "2,500,000 shares" alone names no class


def quantity_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the counts written right before the securities they count."""
    return sorted({m.span(1) for m in _COUNTED.finditer(text)})


def counted_security_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the securities that counts count (a bare "shares" left out)."""
    found = set()
    for _, end in quantity_spans(text):
        name = _COUNTED_NAME.match(text, end)
        if name is None:
            continue
        span = name.span(2) if name.group(2) else name.span(1)
        if text[span[0]:span[1]].lower() not in _BARE_NOUNS:
            found.add(span)
    return sorted(found)


make_quantity_spans = phrase_rule("QUANTITY", quantity_spans)
make_counted_securities = phrase_rule("SECURITY", counted_security_spans)
