from __future__ import annotations

from nlp.pipeline.securities import security_spans
from conftest import after_step, texts_at


def test_the_class_a_count_counts_is_a_security():
    text = ("Quillon allocated 1,388,888 Offer Shares, issued 73.3 million new fully paid ordinary shares and "
            "111,230 non-transferable broker warrants, sold 2,500,000 shares of the Company’s common stock "
            "and 400,000 shares at $1.00.")
    assert texts_at(text, security_spans(text)) == ["Offer Shares", "fully paid ordinary shares", "broker warrants", "common stock"]


def test_the_class_a_sum_or_an_offering_is_of_is_a_security():
    text = ("Quillon Announces Issuance of $40 Million in Subordinated Notes\n\n"
            "It closed a private placement of Subscription Receipts and the sale of shares to insiders.")
    assert texts_at(text, security_spans(text)) == ["Subordinated Notes", "Subscription Receipts"]


def test_component_replaces_a_shorter_security_guess():
    text = "Investors were allocated 1,388,888 Offer Shares at NOK 72."
    found = after_step("securities", text, ("Shares", "SECURITY"), ("1,388,888", "QUANTITY"))
    assert found == {("Offer Shares", "SECURITY"), ("1,388,888", "QUANTITY")}
