from __future__ import annotations

import spacy

from nlp.pipeline.amounts import amount_spans
from conftest import add_rule_step, doc_with_guesses


def _amounts(text):
    return [text[s:e] for s, e in amount_spans(text)]


def test_proceeds_and_offering_phrases_state_the_amount():
    text = ("Quillon Orthopedics Announces Closing of a $40 Million Convertible Notes Financing\n\n"
            "The Company closed a private placement of units for gross proceeds of approximately "
            "$1,535,325, and expects aggregate gross proceeds to the Company of up to US$5.0 million.")
    assert _amounts(text) == ["$40 Million", "$1,535,325", "US$5.0 million"]


def test_what_the_proceeds_come_to_and_the_sum_raised_are_amounts():
    text = ("The net proceeds from the offering, after deducting the underwriting discounts, are "
            "expected to be approximately $71.3 million. Acme expects to raise approximately "
            "A$19.6 million and has raised a total of $5 million so far, with estimated net proceeds of "
            "approximately $3.7 million.")
    assert _amounts(text) == ["$71.3 million", "A$19.6 million", "$5 million", "$3.7 million"]


def test_more_currency_forms_and_phrases_state_the_amount():
    text = ("Quillon Closes $615 Million Strategic Investment and Completion of USD $4.37M (CDN $6M). "
            "It raised gross proceeds to the Company of NOK ~210 million, closed a $1M Non-Brokered Private "
            "Placement, received approximately $13.9 million in gross proceeds, has secured an additional "
            "$0.482 million and offered notes with an aggregate principal amount of US$1.7 billion. "
            "A $55 Million Convertible Debenture Offering followed.")
    assert _amounts(text) == ["$615 Million", "NOK ~210 million", "$1M", "$13.9 million", "$0.482 million",
                              "US$1.7 billion", "$55 Million"]


def test_the_principal_sum_an_offering_is_of_is_the_amount():
    text = ("Quillon Inc. announced the offering of US$2.25 billion aggregate principal amount of "
            "Junior Subordinated Notes. It closed the issuance and sale of $65 million aggregate "
            "principal amount of Senior Notes and a public offering (the “Offering”) of "
            "$75,000,000 aggregate principal amount of debentures.")
    assert _amounts(text) == ["US$2.25 billion", "$65 million", "$75,000,000"]


def test_the_sum_an_offering_is_for_is_the_amount():
    text = ("Quillon Announces Private Placement for up to $350,000\n\nQuillon Closed Private Placement – "
            "$320,000. It priced a public offering of US$1.7 billion of notes and a financing of approximately $5 million.")
    assert _amounts(text) == ["$350,000", "$320,000", "US$1.7 billion", "$5 million"]


def test_proceeds_for_an_offering_amount_and_a_securities_sale_state_the_amount():
    text = ("Vorn Minerals Completes Private Placement for Proceeds of $839,000. It sold units for "
            "grossproceeds of $1,155,000, an aggregate offering amount of $11.5 million, and agreed to "
            "the purchase and sale of approximately $17 million of Common Shares.")
    assert _amounts(text) == ["$839,000", "$1,155,000", "$11.5 million", "$17 million"]


def test_a_bare_sale_of_a_sum_of_something_is_no_amount():
    text = "Quillon Receives Proceeds from the sale of $7.7 million of tax credits and the sale of $2 million of land."
    assert _amounts(text) == []


def test_balances_ratios_and_old_notes_are_no_principal_amount():
    text = ("At year end Quillon had $59.2 million in aggregate principal amount of its 5.25% notes. "
            "It offers to exchange any and all of the $750,000,000 in aggregate principal amount of "
            "outstanding 4.375% Senior Notes, paying for each $1,000 in aggregate principal amount "
            "of Existing Notes $1,000 in aggregate principal amount of New Notes.")
    assert _amounts(text) == []


def test_prices_and_other_money_are_not_amounts():
    text = "Units were sold at $0.25 per unit. Revenue was $11,330,000 and net income rose by $155,000."
    assert _amounts(text) == []


def test_component_adds_the_amount_and_keeps_other_labels():
    nlp = spacy.blank("en")
    amounts = add_rule_step(nlp, "amounts")
    text = "It announced a $238 million public offering at $25.00 per share."
    doc = doc_with_guesses(nlp, text, ("$25.00", "PRICE"))
    found = {(e.text, e.label_) for e in amounts(doc).ents}
    assert found == {("$238 million", "AMOUNT"), ("$25.00", "PRICE")}
