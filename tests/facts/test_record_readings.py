"""Readings the hand-checked records (corpus/records/) showed the facts need, each on a small
invented text: names of one company or security, which amount is the gross, and which
security a price or count belongs to."""
from __future__ import annotations

from fact_records import build_record

from nlp.facts import extract_facts


def facts_of(text, entities, relations=(), category=None):
    return extract_facts(build_record(text, entities, relations, category=category))


def securities(facts):
    return [(s["name"], s["quantity"], s["price"] and s["price"]["amount"],
             s["exercise_price"] and s["exercise_price"]["amount"]) for s in facts["record"]["securities"]]


def test_initials_in_capitals_name_the_company_they_abbreviate():
    text = "ABG PRICES OFFERING\n\nAcme Blue Group, Inc. (“ABG”) priced units."
    facts = facts_of(text, [("ABG", "ISSUER"), ("Acme Blue Group, Inc.", "ISSUER"), ("ABG#2", "ISSUER"),
                            ("units", "SECURITY")], [("ABG", "units", "OFFERS")])
    assert facts["record"]["offering"]["issuer"] == "Acme Blue Group, Inc."


def test_a_name_only_in_capitals_ranks_below_the_companys_name():
    text = "ACMX said ACMX and ACMX grew. Acme Widgets, Inc. thanks Acme Widgets, Inc. staff."
    facts = facts_of(text, [("ACMX", "ISSUER"), ("ACMX#2", "ISSUER"), ("ACMX#3", "ISSUER"),
                            ("Acme Widgets, Inc.", "ISSUER"), ("Acme Widgets, Inc.#2", "ISSUER")], category="other")
    assert facts["record"] == {"kind": "other", "company": "Acme Widgets, Inc."}


def test_a_foreign_legal_form_marks_the_legal_name():
    text = "Acme AB (publ) said Acme and Acme will issue notes."
    facts = facts_of(text, [("Acme AB", "ISSUER"), ("Acme", "ISSUER"), ("Acme#2", "ISSUER")], category="other")
    assert facts["record"]["company"] == "Acme AB"


def test_a_defined_term_is_the_security_it_defines():
    text = ("Acme Corp. sold 1,000 common shares (each, a “Share”) at a price of $0.10 per Share. "
            "An insider bought 200 Shares.")
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("1,000", "QUANTITY"), ("common shares", "SECURITY"),
                            ("Share", "SECURITY"), ("$0.10", "PRICE"), ("200", "QUANTITY"), ("Shares", "SECURITY")],
                     [("1,000", "common shares", "QUANTITY_OF"), ("$0.10", "common shares", "PRICE_OF"),
                      ("200", "Shares", "QUANTITY_OF")])
    assert securities(facts) == [("common shares", 1000, "0.10", None)]


def test_a_headline_shorthand_is_the_security_it_abbreviates():
    text = ("ACME PRICES CONVERTIBLE NOTES\n\nAcme Corp. priced $50 million of 5.0% senior convertible "
            "notes due 2030 at a conversion price of $12.00 per share.")
    facts = facts_of(text, [("ACME", "ISSUER"), ("CONVERTIBLE NOTES", "SECURITY"), ("Acme Corp.", "ISSUER"),
                            ("$50 million", "AMOUNT"), ("senior convertible notes due 2030", "SECURITY"),
                            ("$12.00", "PRICE")],
                     [("ACME", "CONVERTIBLE NOTES", "OFFERS"),
                      ("Acme Corp.", "senior convertible notes due 2030", "OFFERS"),
                      ("$12.00", "senior convertible notes due 2030", "PRICE_OF")])
    assert [s["name"] for s in facts["record"]["securities"]] == ["senior convertible notes due 2030"]
    assert facts["record"]["securities"][0]["conversion_price"]["amount"] == "12.00"


def test_spacing_lost_in_a_name_does_not_make_another_security():
    text = "Acme ASA allocated 4,000 Offer Shares. Acme ASA allocated 250 OfferShares to its chair."
    facts = facts_of(text, [("Acme ASA", "ISSUER"), ("4,000", "QUANTITY"), ("Offer Shares", "SECURITY"),
                            ("250", "QUANTITY"), ("OfferShares", "SECURITY")],
                     [("4,000", "Offer Shares", "QUANTITY_OF"), ("250", "OfferShares", "QUANTITY_OF")])
    assert securities(facts) == [("Offer Shares", 4000, None, None)]


def test_the_gross_is_what_the_offering_raises_not_what_an_option_may_add():
    text = ("Acme Corp. offers $75,000,000 principal amount of debentures. If the over-allotment option "
            "is exercised in full, the aggregate gross proceeds will be $86,250,000.")
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("$75,000,000", "AMOUNT"), ("debentures", "SECURITY"),
                            ("$86,250,000", "AMOUNT")], [("Acme Corp.", "debentures", "OFFERS")])
    assert facts["record"]["offering"]["gross"]["amount"] == "75000000"


def test_tranche_counts_add_up_unless_the_total_is_stated():
    tranches = ("Acme Ltd. places New Shares. Tranche one is the issue of 1.2 billion New Shares. "
                "Tranche two is the issue of 2.5 billion New Shares.")
    facts = facts_of(tranches, [("Acme Ltd.", "ISSUER"), ("New Shares", "SECURITY"), ("1.2 billion", "QUANTITY"),
                                ("New Shares#2", "SECURITY"), ("2.5 billion", "QUANTITY"),
                                ("New Shares#3", "SECURITY")],
                     [("Acme Ltd.", "New Shares", "OFFERS"), ("1.2 billion", "New Shares#2", "QUANTITY_OF"),
                      ("2.5 billion", "New Shares#3", "QUANTITY_OF")])
    assert facts["record"]["securities"][0]["quantity"] == 3_700_000_000
    total = ("Acme Ltd. issues 73.3 million New Shares. Tranche 1 is 68.3 million New Shares. "
             "Tranche 2 is 5.0 million New Shares.")
    facts = facts_of(total, [("Acme Ltd.", "ISSUER"), ("73.3 million", "QUANTITY"), ("New Shares", "SECURITY"),
                             ("68.3 million", "QUANTITY"), ("New Shares#2", "SECURITY"), ("5.0 million", "QUANTITY"),
                             ("New Shares#3", "SECURITY")],
                     [("73.3 million", "New Shares", "QUANTITY_OF"), ("68.3 million", "New Shares#2", "QUANTITY_OF"),
                      ("5.0 million", "New Shares#3", "QUANTITY_OF")])
    assert facts["record"]["securities"][0]["quantity"] == 73_300_000


def test_an_unlinked_price_goes_to_the_security_its_pricing_unit_names():
    text = ("Acme Inc. sold Common Units and Series A Warrants at a price of $4.17 per Common Unit. "
            "The exercise price of each Series A Warrant is $5.21 per Common Share.")
    facts = facts_of(text, [("Acme Inc.", "ISSUER"), ("Common Units", "SECURITY"), ("Series A Warrants", "SECURITY"),
                            ("$4.17", "PRICE"), ("Series A Warrant#2", "SECURITY"), ("$5.21", "PRICE")],
                     [("Acme Inc.", "Series A Warrants", "OFFERS"), ("$5.21", "Series A Warrant#2", "PRICE_OF")])
    assert securities(facts) == [("Common Units", None, "4.17", None), ("Series A Warrants", None, None, "5.21")]


def test_per_share_prices_go_to_the_one_class_of_shares_sold():
    text = ("Acme Ltd. placed 900 fully paid ordinary shares. The placement was priced at A$0.011 per share. "
            "Acme Corp. sold stock at $8.25 per share of common stock; 40 shares of common stock were issued.")
    facts = facts_of(text, [("Acme Ltd.", "ISSUER"), ("900", "QUANTITY"), ("fully paid ordinary shares", "SECURITY"),
                            ("A$0.011", "PRICE")],
                     [("900", "fully paid ordinary shares", "QUANTITY_OF")])
    assert securities(facts) == [("fully paid ordinary shares", 900, "0.011", None)]
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("$8.25", "PRICE"), ("40", "QUANTITY"),
                            ("common stock#2", "SECURITY")], [("40", "common stock#2", "QUANTITY_OF")])
    assert securities(facts) == [("common stock", 40, "8.25", None)]


def test_an_exercise_price_named_after_the_figure():
    text = ("Acme Inc. sold pre-funded warrants at $3.9999 per pre-funded warrant, the public offering price "
            "per share less the $0.0001 per share exercise price of each pre-funded warrant.")
    facts = facts_of(text, [("Acme Inc.", "ISSUER"), ("pre-funded warrants", "SECURITY"), ("$3.9999", "PRICE"),
                            ("$0.0001", "PRICE"), ("pre-funded warrant#3", "SECURITY")],
                     [("$3.9999", "pre-funded warrants", "PRICE_OF"), ("$0.0001", "pre-funded warrant#3", "PRICE_OF")])
    assert securities(facts) == [("pre-funded warrants", None, "3.9999", "0.0001")]


def test_a_dual_listing_leaves_a_bare_dollar_to_the_default():
    text = "Acme Corp. (TSX: ACM) (Nasdaq: ACMC) sold common shares for gross proceeds of $20 million."
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("common shares", "SECURITY"), ("$20 million", "AMOUNT")],
                     [("Acme Corp.", "common shares", "OFFERS")])
    offering = facts["record"]["offering"]
    assert (offering["currency"], offering["currency_assumed"]) == ("USD", True)


def test_definitions_after_of_the_company_or_inside_a_parenthesis():
    text = ("Acme Corp. sold 500 Class A subordinate voting shares of the Company (the “Voting Shares”) and "
            "one-half of one common share purchase warrant (each whole common share purchase warrant, a "
            "“Warrant”). Each Warrant is exercisable at $0.50.")
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("500", "QUANTITY"),
                            ("Class A subordinate voting shares", "SECURITY"), ("Voting Shares", "SECURITY"),
                            ("common share purchase warrant", "SECURITY"),
                            ("common share purchase warrant#2", "SECURITY"), ("Warrant", "SECURITY"),
                            ("Warrant#2", "SECURITY"), ("$0.50", "PRICE")],
                     [("500", "Voting Shares", "QUANTITY_OF"), ("$0.50", "Warrant#2", "PRICE_OF")])
    assert securities(facts) == [("Class A subordinate voting shares", 500, None, None),
                                 ("common share purchase warrant", None, None, "0.50")]


def test_shares_issued_for_debt_at_a_deemed_price_are_no_tranche_of_the_sale():
    text = ("Acme Corp. issued 600 Voting Shares at a price of $0.55 per share. To settle debt, 200 Voting "
            "Shares will be issued at a deemed price of $0.46 per share.")
    facts = facts_of(text, [("Acme Corp.", "ISSUER"), ("600", "QUANTITY"), ("Voting Shares", "SECURITY"),
                            ("$0.55", "PRICE"), ("200", "QUANTITY"), ("Voting Shares#2", "SECURITY"),
                            ("$0.46", "PRICE")],
                     [("600", "Voting Shares", "QUANTITY_OF"), ("$0.55", "Voting Shares", "PRICE_OF"),
                      ("200", "Voting Shares#2", "QUANTITY_OF"), ("$0.46", "Voting Shares#2", "PRICE_OF")])
    assert "tranches" not in facts["record"]["securities"][0]
    assert securities(facts) == [("Voting Shares", 600, "0.55", None)]


def test_the_issuer_is_named_by_the_legal_name_the_text_writes():
    text = "Xandor prices offering\n\nXandor Brands, Inc. (Nasdaq: XDB) said Xandor sold shares."
    facts = facts_of(text, [("Xandor", "ISSUER"), ("Xandor#3", "ISSUER"), ("shares", "SECURITY")],
                     [("Xandor#3", "shares", "OFFERS")])
    assert facts["record"]["offering"]["issuer"] == "Xandor Brands, Inc."


def test_the_issuer_is_named_without_a_leading_the():
    text = "I certify the report of The Marrow Field Company."
    facts = facts_of(text, [("The Marrow Field Company", "ISSUER")], category="other")
    assert facts["record"]["company"] == "Marrow Field Company"
