"""The money figures of a record: exact amounts, and currencies written or guessed.

A figure's amount is the normalized value's decimal string kept digit for digit; its currency
is the one written on it ("C$0.10") or, for a bare "$", the one its document suggests
(nlp/currency.py), then marked as assumed.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List, Optional, Tuple

from ..currency import document_currency, stated_currency
from .view import Mention, RecordView


def exact_amount(amount: Any) -> Optional[str]:
    """The amount as a plain decimal string, digits kept exactly: "1.09999", "0.00001" (never
    "1e-05", never rounded by a float)."""
    try:
        number = Decimal(repr(amount) if isinstance(amount, float) else str(amount))
    except (InvalidOperation, ValueError):
        return None
    return format(number, "f") if number.is_finite() else None


@dataclass(frozen=True)
class Figure:
    """A money figure of the record: its amount, its currency, and whether that currency was
    guessed (a bare "$" read by the document's cues) rather than written on the figure."""
    amount: str
    currency: Optional[str]
    assumed: bool

    def to_json(self) -> Dict[str, Optional[str]]:
        return {"amount": self.amount, "currency": self.currency}


def figure(view: RecordView, mention: Mention) -> Optional[Figure]:
    """The PRICE/AMOUNT mention's figure; None when its value could not be read."""
    value = mention.value
    if not isinstance(value, dict) or value.get("amount") is None:
        return None
    amount = exact_amount(value["amount"])
    if amount is None:
        return None
    stated = stated_currency(mention.name)
    if stated is not None:
        return Figure(amount, stated, False)
    return Figure(amount, document_currency(view.text).currency, True)


def offering_currency(figures: List[Optional[Figure]]) -> Tuple[Optional[str], Optional[bool]]:
    """The offering's currency: the first one written on one of its figures (gross, net,
    combined price, prices in that order), else the guess of the first; (None, None) without
    any figure."""
    present = [f for f in figures if f is not None]
    for item in present:
        if not item.assumed:
            return item.currency, False
    return (present[0].currency, True) if present else (None, None)
