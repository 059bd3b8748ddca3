"""The `prices` step of exhibit_entity_rules: a price per security where releases always state it.

"at a public offering price of $4.00 per share", "the exercise price of each warrant is $5.20",
"1,000,000 units at $0.10 per unit", "at a price per share of $0.142", "expected to be between
$17.00 and $19.00 per share": money in these phrases is
a PRICE by the guide (an offering, purchase, exercise or conversion price). The recognizer,
trained on about a hundred prices, misses some in unfamiliar wording. Not a market or reference
price ("the closing price of $1.25", "the 5-day VWAP of A$0.335"), and never a sum: money with a
scale word ("$10 million") or of an acquisition's size is an AMOUNT or nothing.
"""
from __future__ import annotations

import re
from typing import List, Optional, Tuple

from ..pattern_files import alternation, load_patterns
from ..values import parse_money
from .amounts import MONEY
from .phrases import phrase_rule

_CUES = load_patterns("offering_cues")
_APPROXIMATELY = rf"(?:(?:{alternation(_CUES['approximations'])})\s+)?"
_PATTERNS = (
    # "offering price of $4.00", "price to the public of $6.50", "exercise price of each Series A
    # warrant is $5.20", "price per share of $0.142"
    re.compile(
        rf"\b(?:(?:{alternation(_CUES['price_kinds'])})\s+)?price\s+(?:to\s+the\s+public\s+)?(?:per\s+[\w-]+(?:\s+[\w-]+)?\s+)?"
        rf"(?:of\s+(?:each\s+[\w-]+(?:\s+[\w-]+){{0,3}}\s+)?)?(?:(?:is|was|will\s+be|equal\s+to)\s+)?{_APPROXIMATELY}({MONEY})",
        re.IGNORECASE,
    ),
    # "at $0.10 per unit", "priced at $3.00", "between $17.00 and $19.00 per share"
    re.compile(rf"\b(?:at|for)\s+{_APPROXIMATELY}({MONEY})\s+per\s+", re.IGNORECASE),
    re.compile(rf"\bpriced\s+at\s+{_APPROXIMATELY}({MONEY})", re.IGNORECASE),
    re.compile(rf"\bbetween\s+({MONEY})\s+and\s+({MONEY})\s+per\s+", re.IGNORECASE),
)
# a market or reference price is no price of the offered security
_REFERENCE = re.compile(rf"(?:{alternation(_CUES['reference_price_words'])})[^.;]{{0,40}}$", re.IGNORECASE)
_REFERENCE_REACH = 40
_MAX_PRICE = 100_000  # a larger sum is a deal's size, not a price per security


def after_reference_words(text: str, start: int, floor: Optional[int] = None) -> bool:
    """Whether a market or reference price word ("closing", "VWAP") stands in the clause before
    `start`, from `floor` (40 characters before it by default): "the last closing price of A$0.335"."""
    floor = max(0, start - _REFERENCE_REACH) if floor is None else max(0, floor)
    return bool(_REFERENCE.search(text, floor, start))


def _is_price_sized(money: str) -> bool:
    """Whether the money reads as a price: no scale word ("$10 million") and under 100,000."""
    value = parse_money(money)
    return value is not None and value.scale is None and value.amount < _MAX_PRICE


def price_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the prices per security that price phrases state."""
    found = set()
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if after_reference_words(text, match.start(1), match.start() - _REFERENCE_REACH):
                continue
            found.update(match.span(k) for k in range(1, pattern.groups + 1) if _is_price_sized(match.group(k)))
    return sorted(found)


make_price_spans = phrase_rule("PRICE", price_spans)
