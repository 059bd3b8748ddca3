"""The prices step: money in price phrases is a PRICE; market prices and sums are not."""
from __future__ import annotations

from conftest import after_step

from nlp.pipeline.price_phrases import price_spans


def _prices(text):
    return [text[s:e] for s, e in price_spans(text)]


def test_price_phrases_state_the_price_per_security():
    text = ("Quillon priced 2,000,000 shares at a public offering price of $4.00 per share, sold units at "
            "$0.10 per unit and shares at a price to the public of $6.50 per share. The exercise price of each "
            "Series A Common Warrant is $5.20; the placement sold shares at a price per share of $0.142, each Unit "
            "priced at $0.06. The initial public offering price is expected to be between $17.00 and $19.00 per share.")
    assert _prices(text) == ["$4.00", "$0.10", "$6.50", "$5.20", "$0.142", "$0.06", "$17.00", "$19.00"]


def test_market_prices_and_sums_are_no_prices():
    text = ("The price is a 10% discount to the last closing price of A$0.335 and to the 5-day VWAP of A$0.34. "
            "Quillon bought the property for a purchase price of $46.0 million, at a price of $1,000,000, "
            "subject to a minimum price of $0.01.")
    assert _prices(text) == []


def test_the_step_labels_the_price_and_keeps_other_labels():
    text = "Quillon sold 1,000,000 units at $0.10 per unit for gross proceeds of $100,000."
    assert after_step("prices", text, ("$100,000", "AMOUNT")) == {("$0.10", "PRICE"), ("$100,000", "AMOUNT")}
