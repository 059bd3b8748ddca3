from __future__ import annotations

from nlp.pipeline.securities import security_spans
from conftest import after_step, texts_at


def test_the_class_a_count_counts_is_a_security():
    text = ("Quillon allocated 1,388,888 Offer Shares, issued 73.3 million new fully paid ordinary shares and "
            "111,230 non-transferable broker warrants, sold 2,500,000 shares of the Company’s common stock "
            "and 400,000 shares at $1.00.")
    assert texts_at(text, security_spans(text)) == ["Offer Shares", "fully paid ordinary shares", "broker warrants", "common stock"]


def test_the_stock_a_count_of_shares_is_of_when_the_holder_is_named():
    text = ("Vorn sold 7,750,000 shares of Quillon Mining’s common stock and bought 120,000 shares of "
            "Quillon Class A Common Stock.")
    assert texts_at(text, security_spans(text)) == ["common stock", "Class A Common Stock"]


def test_the_class_a_sum_or_an_offering_is_of_is_a_security():
    text = ("Quillon Announces Issuance of $40 Million in Subordinated Notes\n\n"
            "It closed a private placement of Subscription Receipts and the sale of shares to insiders.")
    assert texts_at(text, security_spans(text)) == ["Subordinated Notes", "Subscription Receipts"]


def test_the_class_a_deal_is_named_after_is_a_security_without_the_headline_words_before_it():
    text = ("Quillon Announces a $75 Million Convertible Debenture Offering\n\n"
            "Vorn Closes Its Senior Unsecured Notes Private Placement and a Broker Warrants Financing; "
            "the Public Offering and the Notes Program go on.")
    assert texts_at(text, security_spans(text)) == ["Convertible Debenture", "Senior Unsecured Notes", "Broker Warrants"]


def test_component_replaces_a_title_guess_on_a_class_but_no_other_label():
    text = "Vorn Closes Its Senior Unsecured Notes Offering for Kestrel Preferred Stock Offering Inc."
    found = after_step("securities", text, ("Senior Unsecured Notes", "TITLE"),
                       ("Kestrel Preferred Stock Offering Inc.", "ISSUER"))
    assert found == {("Senior Unsecured Notes", "SECURITY"), ("Kestrel Preferred Stock Offering Inc.", "ISSUER")}


def test_component_replaces_a_shorter_security_guess():
    text = "Investors were allocated 1,388,888 Offer Shares at NOK 72."
    found = after_step("securities", text, ("Shares", "SECURITY"), ("1,388,888", "QUANTITY"))
    assert found == {("Offer Shares", "SECURITY"), ("1,388,888", "QUANTITY")}


DEFINED = ("Tarnwell Mining offered 9,000,000 subscription receipts (each, a “Subscription Receipt”) at $0.40 per "
           "Subscription Receipt. Each Subscription Receipt converts into one Tarnwell Share. The Vorn Notes "
           "(the “Existing Notes”) and the agents' option (the “Option”) are no classes; nor are the Offered "
           "Securities (the “Securities”). Holders of Subscription Receipts get the shares.")


def test_the_terms_a_text_defines_for_a_class_of_security():
    from nlp.pipeline.securities import defined_security_terms

    assert defined_security_terms(DEFINED) == ["Subscription Receipt"]


def test_a_defined_term_is_a_security_at_every_mention_but_a_pricing_unit():
    from nlp.pipeline.securities import defined_term_mentions

    starts = [a for a, _ in defined_term_mentions(DEFINED)]
    assert texts_at(DEFINED, defined_term_mentions(DEFINED)) == ["Subscription Receipt"] * 2 + ["Subscription Receipts"]
    assert starts[1] == DEFINED.index("Subscription Receipt converts")


def test_component_adds_defined_term_mentions_only_where_nothing_was_found():
    import spacy
    from conftest import add_rule_step, doc_with_guesses

    text = "Vorn sold units (each, a “Unit”) of one share and one Unit Warrant. Each Unit sold at $1. Each Unit closed."
    nlp = spacy.blank("en")
    doc = add_rule_step(nlp, "securities")(doc_with_guesses(nlp, text, ("units", "SECURITY"), ("Unit closed", "OFFICER")))
    found = [(e.start_char, e.text, e.label_) for e in doc.ents]
    assert found == [(text.index("units"), "units", "SECURITY"), (text.index("Unit”"), "Unit", "SECURITY"),
                     (text.index("Unit sold"), "Unit", "SECURITY"), (text.index("Unit closed"), "Unit closed", "OFFICER")]
