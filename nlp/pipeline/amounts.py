"""exhibit_amounts: the offering's aggregate sum where releases always state it.

"for gross proceeds of approximately $9.1 million", "$40 Million Convertible Notes Financing",
"a $252 million public offering": money in these phrases is the offering's AMOUNT, which the
recognizer, trained on a hundred examples, still misses in unfamiliar wording.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from .phrases import register_phrase_rule

_MONEY = (
    r"(?:(?:US|C|CA|CDN|A|AU)?\$|USD\s?|CAD\s?|€|£)\s?\d(?:[\d,]*\d)?(?:\.\d+)?"
    r"(?:\s?(?:million|billion|thousand|[MB])\b)?"
)
_PATTERNS = (
    # "gross proceeds of approximately $9.1 million", "aggregate gross proceeds to the Company of"
    re.compile(
        rf"\b(?:aggregate\s+)?(?:gross|total)\s+proceeds\s+(?:to\s+the\s+\w+\s+)?(?:of\s+)?"
        rf"(?:approximately\s+|about\s+|up\s+to\s+)?({_MONEY})",
        re.IGNORECASE,
    ),
    # "$40 Million Convertible Notes Financing", "a $252 million public offering"
    re.compile(
        rf"({_MONEY})\s+(?:\w+\s+){{0,3}}?(?:private\s+placement|public\s+offering|offering|financing|"
        rf"bought\s+deal)\b",
        re.IGNORECASE,
    ),
)


def amount_spans(text: str) -> List[Tuple[int, int]]:
    """Character offsets of the sums that proceeds and offering phrases state."""
    return sorted({m.span(1) for pattern in _PATTERNS for m in pattern.finditer(text)})


make_amount_spans = register_phrase_rule("exhibit_amounts", "AMOUNT", amount_spans)
