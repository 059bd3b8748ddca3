from __future__ import annotations

import spacy

from nlp.pipeline.securities import security_spans
from conftest import add_rule_step, doc_with_guesses


def _securities(text):
    return [text[a:b] for a, b in security_spans(text)]


def test_the_class_a_count_counts_is_a_security():
    text = ("Quillon allocated 1,388,888 Offer Shares, issued 73.3 million new fully paid ordinary shares and "
            "111,230 non-transferable broker warrants, sold 2,500,000 shares of the Company’s common stock "
            "and 400,000 shares at $1.00.")
    assert _securities(text) == ["Offer Shares", "fully paid ordinary shares", "broker warrants", "common stock"]


def test_the_class_a_sum_or_an_offering_is_of_is_a_security():
    text = ("Quillon Announces Issuance of $40 Million in Subordinated Notes\n\n"
            "It closed a private placement of Subscription Receipts and the sale of shares to insiders.")
    assert _securities(text) == ["Subordinated Notes", "Subscription Receipts"]


def test_component_replaces_a_shorter_security_guess():
    nlp = spacy.blank("en")
    securities = add_rule_step(nlp, "securities")
    text = "Investors were allocated 1,388,888 Offer Shares at NOK 72."
    doc = doc_with_guesses(nlp, text, ("Shares", "SECURITY"), ("1,388,888", "QUANTITY"))
    found = {(e.text, e.label_) for e in securities(doc).ents}
    assert found == {("Offer Shares", "SECURITY"), ("1,388,888", "QUANTITY")}
