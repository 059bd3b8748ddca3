"""exhibit_raises: RAISES from the issuer that states the proceeds in its sentence.

The guide labels an AMOUNT only where the issuer raises, receives or expects it, so an amount
needs no verb test: it is raised by the issuer the sentence (or headline) names, the first one
named before the amount, else the first in the sentence ("gross proceeds of $9 million to
Acme"). On the gold entities of the corpus this matches 93 of 94 RAISES with 4 extra pairs; it
replaces the model's RAISES.
"""
from __future__ import annotations

from typing import List, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from ..ml.candidates import is_definition
from .relation_rules import Offsets, RelationRule
from .segmentation import segment_ranges


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


class RaisedAmounts(RelationRule):
    replaces = True

    def __init__(self, name: str, label: str, issuer_label: str, amount_label: str, confidence: float):
        super().__init__(name, label, confidence)
        self.issuer_label = issuer_label
        self.amount_label = amount_label

    def find_pairs(self, doc: Doc) -> List[Tuple[Offsets, Offsets]]:
        return raise_pairs(doc.text, self.offsets(doc, self.issuer_label), self.offsets(doc, self.amount_label))


@Language.factory(
    "exhibit_raises",
    default_config={"label": "RAISES", "issuer_label": "ISSUER", "amount_label": "AMOUNT", "confidence": 1.0},
    requires=["doc.ents"],
    assigns=["doc._.relations"],
)
def make_raised_amounts(
    nlp: Language, name: str, label: str, issuer_label: str, amount_label: str, confidence: float
) -> RaisedAmounts:
    return RaisedAmounts(name, label, issuer_label, amount_label, confidence)
