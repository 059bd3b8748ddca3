"""One small record per warning, and records that must not warn."""
from __future__ import annotations

from fact_records import build_record

from nlp.facts import extract_facts
from nlp.facts.checks import check_record

SALE = "Acme Corp. sold 1,000,000 shares of Common Stock at $2.00 per share for gross proceeds of {}."


def codes(facts):
    return [w["code"] for w in facts["warnings"]]


def sale(amount):
    text = SALE.format(amount)
    return build_record(text, [("Acme Corp.", "ISSUER"), ("1,000,000", "QUANTITY"), ("Common Stock", "SECURITY"),
                               ("$2.00", "PRICE"), (amount, "AMOUNT")],
                        [("Acme Corp.", "Common Stock", "OFFERS"), ("1,000,000", "Common Stock", "QUANTITY_OF"),
                         ("$2.00", "Common Stock", "PRICE_OF"), ("Acme Corp.", amount, "RAISES")])


def test_quantity_times_price_matches_the_gross_amount():
    assert codes(extract_facts(sale("$2.0 million"))) == []
    assert codes(extract_facts(sale("$2.09 million"))) == []  # within 5%


def test_quantity_times_price_far_from_the_gross_amount():
    facts = extract_facts(sale("$2.5 million"))
    assert codes(facts) == ["amount_mismatch"]
    assert facts["warnings"][0]["message"] == (
        "Common Stock 1,000,000 x 2.00 = 2,000,000.00 USD, but the gross amount is "
        "2,500,000 USD (off by 20%)")


def test_no_amount_check_across_currencies():
    assert codes(extract_facts(sale("CAD $2.5 million"))) == []


def test_no_amount_check_when_a_sold_security_has_no_price():
    record = {"kind": "offering",
              "securities": [{"name": "Common Stock", "quantity": 10, "price": {"amount": "2", "currency": "USD"}},
                             {"name": "pre-funded warrants", "quantity": 5, "price": None}],
              "offering": {"issuer": "Acme Corp.", "gross": {"amount": "30", "currency": "USD"},
                           "net": None, "agents": []}}
    assert check_record(record) == []  # the warrants' price is unknown: the sum is incomplete
    record["securities"][1]["price"] = {"amount": "2", "currency": "USD"}
    assert [w["code"] for w in check_record(record)] == []
    record["securities"][1]["quantity"] = 50
    assert [w["code"] for w in check_record(record)] == ["amount_mismatch"]


def test_offering_with_no_issuer():
    text = "The company sold Common Stock for $5 million."
    facts = extract_facts(build_record(text, [("Common Stock", "SECURITY"), ("$5 million", "AMOUNT")]))
    assert facts["record"]["offering"]["issuer"] is None
    assert codes(facts) == ["no_issuer", "security_without_quantity_or_price"]


def test_security_with_neither_quantity_nor_price():
    text = "Acme Corp. announced a proposed public offering of common stock."
    facts = extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("common stock", "SECURITY")],
                                       [("Acme Corp.", "common stock", "OFFERS")]))
    assert facts["warnings"] == [{"code": "security_without_quantity_or_price",
                                  "message": "common stock: no quantity and no price"}]


def test_notes_are_sized_by_the_amount():
    text = "Acme Corp. priced $500 million of 5.25% Senior Notes due 2030."
    facts = extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("$500 million", "AMOUNT"),
                                              ("5.25% Senior Notes due 2030", "SECURITY")],
                                       [("Acme Corp.", "5.25% Senior Notes due 2030", "OFFERS")]))
    assert codes(facts) == []


def test_offering_with_only_an_agent():
    text = "Acme Corp. thanks Roth Capital Partners."
    facts = extract_facts(build_record(text, [("Acme Corp.", "ISSUER"), ("Roth Capital Partners", "AGENT")]))
    assert codes(facts) == ["no_security_or_amount"]


def test_certification_with_no_officer():
    text = "The undersigned certifies the Annual Report on Form 10-K of Acme Corp."
    facts = extract_facts(build_record(text, [("Annual Report on Form 10-K", "REPORT"), ("Acme Corp.", "ISSUER")]))
    assert codes(facts) == ["no_officer"]


def test_officer_with_no_title_and_no_company():
    text = "I, Ann Lee, certify this report on Form 10-Q. Ann Lee, Chief Executive Officer. Bo Chan"
    facts = extract_facts(build_record(
        text, [("Ann Lee", "OFFICER"), ("Form 10-Q", "REPORT"), ("Ann Lee#2", "OFFICER"),
               ("Chief Executive Officer", "TITLE"), ("Bo Chan", "OFFICER")],
        [("Ann Lee#2", "Chief Executive Officer", "HAS_TITLE")]))
    assert facts["warnings"] == [
        {"code": "no_company", "message": "certification with no company"},
        {"code": "officer_without_title", "message": "Bo Chan: no title"},
    ]


def test_certification_with_no_report_form():
    text = "I, Ann Lee, Chief Executive Officer of Acme Corp., certify the report."
    built = build_record(text, [("Ann Lee", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Acme Corp.", "ISSUER")],
                         [("Ann Lee", "Chief Executive Officer", "HAS_TITLE"), ("Ann Lee", "Acme Corp.", "OFFICER_OF")],
                         category="certification")
    facts = extract_facts(built)
    assert facts["record"]["report"] == {"form": None, "amendment": None, "period": None}
    assert codes(facts) == ["no_report"]


def test_record_with_no_entities():
    facts = extract_facts(build_record("Nothing to see here.", []))
    assert facts == {"record": {"kind": "other", "company": None}, "warnings": []}
    assert extract_facts({"id": "empty", "text": "", "entities": [], "relations": []})["record"]["kind"] == "other"

