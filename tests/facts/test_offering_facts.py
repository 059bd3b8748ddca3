"""Offering records from small hand-made guide records."""
from __future__ import annotations

from fact_records import build_record

from nlp.facts import extract_facts


def offering(facts):
    assert facts["record"]["kind"] == "offering"
    return facts["record"]


def test_gross_and_net_proceeds():
    text = ("Acme Corp. expects gross proceeds of $10.0 million from the offering. Net proceeds, "
            "after fees, are expected to be approximately $9.2 million.")
    rec = offering(extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("$10.0 million", "AMOUNT"),
                                                     ("$9.2 million", "AMOUNT")],
                                              [("Acme Corp.", "$10.0 million", "RAISES")])))
    assert (rec["offering"]["gross"], rec["offering"]["net"]) == (
        {"amount": "10000000", "currency": "USD"}, {"amount": "9200000", "currency": "USD"})


def test_gross_named_after_the_amount_and_net_alone():
    text = "Acme Corp. raised $5 million in gross proceeds. It received $4.6 million of net proceeds."
    rec = offering(extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("$5 million", "AMOUNT"),
                                                     ("$4.6 million", "AMOUNT")])))
    assert rec["offering"]["gross"]["amount"] == "5000000"
    assert rec["offering"]["net"]["amount"] == "4600000"


def test_an_amount_called_neither_is_the_gross_size():
    text = "ACME RAISES $9 MILLION IN PRIVATE PLACEMENT"
    rec = offering(extract_facts(build_record(text, [("ACME", "ISSUER"), ("$9 MILLION", "AMOUNT")],
                                              [("ACME", "$9 MILLION", "RAISES")])))
    assert (rec["offering"]["gross"], rec["offering"]["net"]) == ({"amount": "9000000", "currency": "USD"}, None)


def test_only_a_net_amount_leaves_gross_empty():
    text = "Acme Corp. expects net proceeds of CAD $2,500,000."
    rec = offering(extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("CAD $2,500,000", "AMOUNT")])))
    assert (rec["offering"]["gross"], rec["offering"]["net"]) == (None, {"amount": "2500000", "currency": "CAD"})
    assert (rec["offering"]["currency"], rec["offering"]["currency_assumed"]) == ("CAD", False)


def test_exercise_price_linked_to_a_warrant():
    text = ("Acme Corp. sold 1,000,000 units at $0.10 per unit. Each warrant entitles the holder "
            "to purchase one common share at a price of $0.15 per share.")
    rec = offering(extract_facts(build_record(
        text,
        [("Acme Corp.", "ISSUER"), ("1,000,000", "QUANTITY"), ("units", "SECURITY"),
         ("$0.10", "PRICE"), ("warrant", "SECURITY"), ("common share", "SECURITY"), ("$0.15", "PRICE")],
        [("Acme Corp.", "units", "OFFERS"), ("1,000,000", "units", "QUANTITY_OF"),
         ("$0.10", "units", "PRICE_OF"), ("$0.15", "warrant", "PRICE_OF")],
    )))
    units, warrant = rec["securities"]
    assert units["price"] == {"amount": "0.10", "currency": "USD"} and units["exercise_price"] is None
    assert warrant["name"] == "warrant" and warrant["price"] is None
    assert warrant["exercise_price"] == {"amount": "0.15", "currency": "USD"}


def test_exercise_price_stated_without_a_relation():
    text = ("Acme Corp. issued warrants to purchase 500,000 shares of common stock at an "
            "exercise price of $2.50 per share.")
    rec = offering(extract_facts(build_record(
        text,
        [("Acme Corp.", "ISSUER"), ("warrants", "SECURITY"), ("500,000", "QUANTITY"),
         ("common stock", "SECURITY"), ("$2.50", "PRICE")],
        [("Acme Corp.", "warrants", "OFFERS"), ("500,000", "common stock", "QUANTITY_OF")],
    )))
    # the count of shares the warrants buy is the warrants' quantity, not the stock's
    assert rec["securities"] == [{"name": "warrants", "quantity": 500000, "price": None,
                                  "exercise_price": {"amount": "2.50", "currency": "USD"},
                                  "conversion_price": None}]


def test_pre_funded_warrant_purchase_price_is_its_price():
    text = ("Acme Corp. sold pre-funded warrants to purchase 300,000 shares at $1.0999 per "
            "pre-funded warrant.")
    rec = offering(extract_facts(build_record(
        text, [("Acme Corp.", "ISSUER"), ("pre-funded warrants", "SECURITY"), ("300,000", "QUANTITY"),
               ("$1.0999", "PRICE"), ("pre-funded warrant", "SECURITY")],
        [("$1.0999", "pre-funded warrants", "PRICE_OF")],
    )))
    assert rec["securities"][0]["price"] == {"amount": "1.0999", "currency": "USD"}
    assert rec["securities"][0]["exercise_price"] is None


def test_conversion_price_of_a_convertible():
    text = ("Acme Corp. issued $5,000,000 of convertible debentures. The debentures are "
            "convertible at $0.40 per share.")
    rec = offering(extract_facts(build_record(
        text, [("Acme Corp.", "ISSUER"), ("$5,000,000", "AMOUNT"), ("convertible debentures", "SECURITY"),
               ("debentures#2", "SECURITY"), ("$0.40", "PRICE")],
        [("Acme Corp.", "convertible debentures", "OFFERS"), ("$0.40", "debentures#2", "PRICE_OF")],
    )))
    names = [s["name"] for s in rec["securities"]]
    assert names == ["convertible debentures", "debentures"]
    assert rec["securities"][1]["conversion_price"] == {"amount": "0.40", "currency": "USD"}


def test_mentions_of_one_class_are_one_security():
    text = ("ACME PRICES OFFERING OF COMMON STOCK\nAcme Corp. priced 2,000,000 shares of its "
            "Common Stock at $5.00 per share. The common stock trades on Nasdaq.")
    rec = offering(extract_facts(build_record(
        text, [("ACME", "ISSUER"), ("COMMON STOCK", "SECURITY"), ("Acme Corp.", "ISSUER"),
               ("2,000,000", "QUANTITY"), ("Common Stock", "SECURITY"), ("$5.00", "PRICE"),
               ("common stock", "SECURITY")],
        [("ACME", "COMMON STOCK", "OFFERS"), ("Acme Corp.", "Common Stock", "OFFERS"),
         ("2,000,000", "Common Stock", "QUANTITY_OF"), ("$5.00", "Common Stock", "PRICE_OF")],
    )))
    assert rec["offering"]["issuer"] == "Acme Corp."
    assert rec["securities"] == [{"name": "Common Stock", "quantity": 2000000,
                                  "price": {"amount": "5.00", "currency": "USD"},
                                  "exercise_price": None, "conversion_price": None}]


def test_one_security_sold_in_tranches():
    text = ("Acme Corp. sold 300 shares of common stock consisting of 100 shares of common stock "
            "at $4.00 per share and 200 shares of common stock at $3.00 per share.")
    rec = offering(extract_facts(build_record(
        text, [("Acme Corp.", "ISSUER"), ("300", "QUANTITY"), ("common stock", "SECURITY"),
               ("100", "QUANTITY"), ("common stock#2", "SECURITY"), ("$4.00", "PRICE"),
               ("200", "QUANTITY"), ("common stock#3", "SECURITY"), ("$3.00", "PRICE")],
        [("300", "common stock", "QUANTITY_OF"), ("100", "common stock#2", "QUANTITY_OF"),
         ("$4.00", "common stock#2", "PRICE_OF"), ("200", "common stock#3", "QUANTITY_OF"),
         ("$3.00", "common stock#3", "PRICE_OF")],
    )))
    stock = rec["securities"][0]
    assert stock["quantity"] == 300
    assert stock["tranches"] == [{"quantity": 100, "price": {"amount": "4.00", "currency": "USD"}},
                                 {"quantity": 200, "price": {"amount": "3.00", "currency": "USD"}}]


def test_issuer_heads_the_offers_relation_over_a_more_named_company():
    text = "Beta LLC said Beta LLC and Beta LLC. Acme Corp. sold units."
    rec = offering(extract_facts(build_record(
        text, [("Beta LLC", "ISSUER"), ("Beta LLC#2", "ISSUER"), ("Beta LLC#3", "ISSUER"),
               ("Acme Corp.", "ISSUER"), ("units", "SECURITY")],
        [("Acme Corp.", "units", "OFFERS")],
    )))
    assert rec["offering"]["issuer"] == "Acme Corp."


def test_without_relations_the_most_named_issuer_and_its_legal_name():
    text = "Aardvark said Aardvark Therapeutics, Inc. sold common stock. Aardvark thanks Zeta Inc."
    rec = offering(extract_facts(build_record(
        text, [("Aardvark", "ISSUER"), ("Aardvark Therapeutics, Inc.", "ISSUER"),
               ("common stock", "SECURITY"), ("Aardvark#3", "ISSUER"), ("Zeta Inc.", "ISSUER")],
    )))
    assert rec["offering"]["issuer"] == "Aardvark Therapeutics, Inc."
    assert rec["securities"][0]["name"] == "common stock"


def test_agents_attach_to_the_offering_once_each():
    text = ("Acme Corp. sold stock. Roth Capital Partners, LLC and Berenberg acted as placement "
            "agents. Roth Capital\nPartners, LLC and Berenberg Capital Markets LLC were paid fees.")
    rec = offering(extract_facts(build_record(
        text, [("Acme Corp.", "ISSUER"), ("Roth Capital Partners, LLC", "AGENT"), ("Berenberg", "AGENT"),
               ("Roth Capital\nPartners, LLC", "AGENT"), ("Berenberg Capital Markets LLC", "AGENT")],
    )))
    assert rec["offering"]["agents"] == ["Roth Capital Partners, LLC", "Berenberg Capital Markets LLC"]


def test_kind_from_category_over_entities():
    text = "Acme Corp. reported revenue of $5 million."
    built = build_record(text, [("Acme Corp.", "ISSUER"), ("$5 million", "AMOUNT")], category="other")
    assert extract_facts(built)["record"] == {"kind": "other", "company": "Acme Corp."}
    built["category"] = None
    assert extract_facts(built)["record"]["kind"] == "offering"


def test_with_relations_only_an_offering_relation_makes_an_offering():
    text = ("Acme Corp. reported revenue of $5 million. Its common stock trades on Nasdaq, "
            "said Ann Lee, Chief Executive Officer of Acme Corp.")
    entities = [("Acme Corp.", "ISSUER"), ("$5 million", "AMOUNT"), ("common stock", "SECURITY"),
                ("Ann Lee", "OFFICER"), ("Chief Executive Officer", "TITLE")]
    built = build_record(text, entities, [("Ann Lee", "Chief Executive Officer", "HAS_TITLE")])
    assert extract_facts(built)["record"]["kind"] == "other"
    built = build_record(text, entities, [("Ann Lee", "Chief Executive Officer", "HAS_TITLE"),
                                          ("Acme Corp.", "$5 million", "RAISES")])
    assert extract_facts(built)["record"]["kind"] == "offering"


def test_a_cited_report_is_no_certification_but_a_certified_one_is():
    cited = "Acme Corp. filed its Annual Report on Form 10-K, said Ann Lee, its Chief Executive Officer."
    entities = [("Acme Corp.", "ISSUER"), ("Annual Report on Form 10-K", "REPORT"), ("Ann Lee", "OFFICER"),
                ("Chief Executive Officer", "TITLE")]
    relations = [("Ann Lee", "Chief Executive Officer", "HAS_TITLE")]
    assert extract_facts(build_record(cited, entities, relations))["record"]["kind"] == "other"
    certified = ("I, Ann Lee, Chief Executive Officer of Acme Corp., certify that the Annual Report on "
                 "Form 10-K of Acme Corp. fully complies with the requirements of Section 13(a).")
    assert extract_facts(build_record(certified, entities, relations))["record"]["kind"] == "certification"


def test_the_textcat_decides_the_kind_and_an_offering_still_needs_an_offering_relation():
    text = ("Acme Corp. reported revenue of $5 million. Its common stock trades on Nasdaq, "
            "said Ann Lee, Chief Executive Officer of Acme Corp.")
    entities = [("Acme Corp.", "ISSUER"), ("$5 million", "AMOUNT"), ("common stock", "SECURITY"),
                ("Ann Lee", "OFFICER"), ("Chief Executive Officer", "TITLE")]
    raises = [("Ann Lee", "Chief Executive Officer", "HAS_TITLE"), ("Acme Corp.", "$5 million", "RAISES")]
    built = build_record(text, entities, raises)
    # a spurious offering relation in a release the textcat reads as "other"
    built["kind_scores"] = {"certification": 0.05, "offering": 0.15, "other": 0.8}
    assert extract_facts(built)["record"]["kind"] == "other"
    built["kind_scores"] = {"certification": 0.05, "offering": 0.8, "other": 0.15}
    assert extract_facts(built)["record"]["kind"] == "offering"
    # the textcat says offering, but no relation offers anything
    no_offer = build_record(text, entities, raises[:1])
    no_offer["kind_scores"] = built["kind_scores"]
    assert extract_facts(no_offer)["record"]["kind"] == "other"
    # a record's own category still wins
    built["category"] = "certification"
    assert extract_facts(built)["record"]["kind"] == "certification"
