"""The `quantities` step of exhibit_entity_rules: the number of securities a sale counts.

"2,500,000 shares of common stock", "1.2 billion New Shares", "300,000 pre-funded warrants":
a count right before the securities it counts is the offering's QUANTITY, which the recognizer,
trained on a hundred releases, misses in unfamiliar layouts (allocation lists, tranche tables).
Counts of shares held, authorized or bought back share the shape; the `sale_context` step after
it drops those outside sentences that speak of a sale, as it does the recognizer's.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Tuple

from ..pattern_files import alternation, load_patterns
from .phrases import phrase_rule

_CUES = load_patterns("offering_cues")
_COUNT = rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s+(?:{alternation(m for m in _CUES['magnitudes'] if m.isalpha())})"
COUNT_FILLERS = alternation(_CUES["count_fillers"] + _CUES["security_modifiers"])
# a count not inside a larger number or a sum ("$2,500,000 shares" is no count)
_COUNTED = re.compile(
    rf"(?<![\w$.,])({_COUNT})\s+(?:(?:{COUNT_FILLERS})[\s-]+){{0,4}}"
    rf"(?:{alternation(_CUES['counted_securities'])})\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4)  # the securities step right after reads the same text's counts
def quantity_spans(text: str) -> Tuple[Tuple[int, int], ...]:
    """Character offsets of the counts written right before the securities they count."""
    return tuple(sorted({m.span(1) for m in _COUNTED.finditer(text)}))


make_quantity_spans = phrase_rule("QUANTITY", quantity_spans)
