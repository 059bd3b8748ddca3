"""The `quantity_of` step of exhibit_relation_rules: which security a count counts, by the phrase that states it.

"2,500,000 shares of the Company's common stock", "1,388,888 new Offer Shares", "146,302
post-split shares of Class A common stock": a QUANTITY followed by the security it counts, with
nothing between but count fillers, a few words and "shares of (the Company's|its)", is that
security's quantity. The model finds most of these pairs; the rule adds those it misses (on the
train+dev gold entities the phrase states 128 QUANTITY_OF pairs, all gold) and keeps the rest.
"""
from __future__ import annotations

import re
from typing import List, Sequence, Tuple

from .quantities import COUNT_FILLERS
from .relation_rules import Offsets, pair_rule

_REACH = 80  # characters from a count to the security it counts
_COUNTING = re.compile(
    rf"\s+(?:(?:{COUNT_FILLERS})[\s-]+)*(?:(?:[\w-]+\s+){{0,2}}?(?:shares?|units?)\s+of\s+"
    r"(?:the\s+Company['’]s\s+|its\s+|our\s+|the\s+)?(?:[\w-]+\s+){0,2}?)?", re.IGNORECASE)


def counted_pairs(text: str, quantities: Sequence[Offsets], securities: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(quantity, security) pairs the counting phrases of `text` state."""
    securities = sorted(securities)
    pairs = []
    for quantity in sorted(quantities):
        counted = next((s for s in securities if s[0] >= quantity[1]), None)
        if counted is None or counted[0] - quantity[1] > _REACH:
            continue
        if _COUNTING.fullmatch(text, quantity[1], counted[0]):
            pairs.append((quantity, counted))
    return pairs


# adds to the model's QUANTITY_OF: the model keeps the pairs a phrase states otherwise
make_counted_securities = pair_rule(
    label="QUANTITY_OF", head_label="QUANTITY", child_label="SECURITY",
    find=counted_pairs, replaces=False,
)
