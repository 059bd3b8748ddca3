"""The `raises` step of exhibit_relation_rules: RAISES from the issuer that states the proceeds in its sentence.

The guide labels an AMOUNT only where the issuer raises, receives or expects it, so an amount
needs no verb test: it is raised by the issuer the sentence (or headline) names, the first one
named before the amount, else the first in the sentence ("gross proceeds of $9 million to
Acme"). On the gold entities of the corpus this matches 93 of 94 RAISES with 4 extra pairs; it
replaces the model's RAISES.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from ..issuer_names import issuers_by_sentence
from .relation_rules import Offsets, pair_rule
from ..structure import segment_ranges


def raise_pairs(text: str, issuers: Sequence[Offsets], amounts: Sequence[Offsets]) -> List[Tuple[Offsets, Offsets]]:
    """(issuer, amount) pairs: each amount with the issuer its sentence names."""
    pairs = []
    for (start, end), named in issuers_by_sentence(text, issuers, segment_ranges(text)):
        for amount in sorted(a for a in amounts if start <= a[0] < end):
            before = [i for i in named if i[1] <= amount[0]]
            pairs.append((before[0] if before else named[0], amount))
    return pairs


make_raised_amounts = pair_rule(
    label="RAISES", head_label="ISSUER", child_label="AMOUNT",
    find=raise_pairs, replaces=True,
)
