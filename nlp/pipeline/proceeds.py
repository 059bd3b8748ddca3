"""exhibit_raises: RAISES from the issuer that states the proceeds in its sentence.

The guide labels an AMOUNT only where the issuer raises, receives or expects it, so an amount
needs no verb test: it is raised by the issuer the sentence (or headline) names, the first one
named before the amount, else the first in the sentence ("gross proceeds of $9 million to
Acme"). On the gold entities of the corpus this matches 93 of 94 RAISES with 4 extra pairs; it
replaces the model's RAISES.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from ..ml.candidates import is_definition
from .relation_rules import Offsets, register_pair_rule
from ..structure import segment_ranges


def raise_pairs(text: str, issuers: Sequence[Offsets], amounts: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(issuer, amount) pairs: each amount with the issuer its sentence names."""
    issuers = sorted(i for i in issuers if not is_definition(text, i[0]))
    pairs = []
    for start, end in segment_ranges(text):
        named = [i for i in issuers if start <= i[0] < end]
        if not named:
            continue
        for amount in sorted(a for a in amounts if start <= a[0] < end):
            before = [i for i in named if i[1] <= amount[0]]
            pairs.append((before[0] if before else named[0], amount))
    return pairs


make_raised_amounts = register_pair_rule(
    "exhibit_raises", label="RAISES", head_label="ISSUER", child_label="AMOUNT",
    find=raise_pairs, replaces=True,
)
