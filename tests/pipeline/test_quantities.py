from __future__ import annotations

from nlp.pipeline.quantities import quantity_spans
from conftest import after_step, texts_at


def test_a_count_before_the_securities_it_counts_is_a_quantity():
    text = ("Quillon will issue approximately 73.3 million new fully paid ordinary shares, sell "
            "80,826,225 of its ordinary shares, 300,000 pre-funded warrants and 1,500 units, and "
            "has been allocated 3,472 Offer Shares.")
    assert texts_at(text, quantity_spans(text)) == ["73.3 million", "80,826,225", "300,000", "1,500", "3,472"]


def test_sums_years_and_other_numbers_are_no_count():
    text = "It raised $2,500,000 shares aside, in 2,025 days, 12.5% of 4,000 employees and 1 share."
    assert texts_at(text, quantity_spans(text)) == []


def test_component_adds_the_count_and_keeps_other_labels():
    text = "Quillon sold 2,396,348 shares of common stock at $4.00 per share."
    found = after_step("quantities", text, ("$4.00", "PRICE"), ("shares of common stock", "SECURITY"))
    assert found == {("2,396,348", "QUANTITY"), ("$4.00", "PRICE"), ("shares of common stock", "SECURITY")}
