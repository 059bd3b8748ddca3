"""Right values in offering facts (issue 17, item 3): combined prices, implausible scales,
pre-funded warrants, currencies, and offering amounts that belong to the offering."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from fact_records import build_record

import nlp.currency
from nlp.currency import document_currency, stated_currency
from nlp.errors import ConfigError
from nlp.facts import extract_facts
from nlp.facts.flatten import record_rows


def offering_of(text, entities, relations=()):
    facts = extract_facts(build_record(text, entities, relations))
    assert facts["record"]["kind"] == "offering"
    return facts


def prices_of(security):
    return [security[k] and security[k]["amount"] for k in ("price", "exercise_price", "conversion_price")]


# a. A combined price belongs to no security, even when a model links it to one.
def test_combined_price_is_the_offerings_never_an_exercise_price():
    text = ("Acme Corp. sold 100 shares of Common Stock at $3.00 per share and warrants to buy 20 "
            "shares. The weighted average combined price of the Common Stock and the warrants is "
            "$3.20 per share.")
    facts = offering_of(
        text,
        [("Acme Corp.", "ISSUER"), ("100", "QUANTITY"), ("Common Stock", "SECURITY"), ("$3.00", "PRICE"),
         ("warrants", "SECURITY"), ("Common Stock#2", "SECURITY"), ("warrants#2", "SECURITY"), ("$3.20", "PRICE")],
        [("Acme Corp.", "Common Stock", "OFFERS"), ("Acme Corp.", "warrants", "OFFERS"),
         ("100", "Common Stock", "QUANTITY_OF"), ("$3.00", "Common Stock", "PRICE_OF"),
         ("$3.20", "warrants#2", "PRICE_OF")],  # a predicted link the guide forbids
    )
    record = facts["record"]
    assert [prices_of(s) for s in record["securities"]] == [["3.00", None, None], [None, None, None]]
    assert record["offering"]["combined_price"] == {"amount": "3.20", "currency": "USD"}


def test_combined_offering_price_per_share_and_accompanying_warrant():
    text = ("Acme Corp. priced 500 shares of common stock and warrants at a combined public offering "
            "price of $1.00 per share and accompanying warrant.")
    facts = offering_of(
        text, [("Acme Corp.", "ISSUER"), ("500", "QUANTITY"), ("common stock", "SECURITY"),
               ("warrants", "SECURITY"), ("$1.00", "PRICE")],
        [("Acme Corp.", "common stock", "OFFERS"), ("500", "common stock", "QUANTITY_OF"),
         ("$1.00", "warrants", "PRICE_OF")])
    record = facts["record"]
    assert all(prices_of(s) == [None, None, None] for s in record["securities"])
    assert record["offering"]["combined_price"]["amount"] == "1.00"


# b. "2,996,667 million" reads alike however the scale word is separated, and always warns.
@pytest.mark.parametrize("gap, span", [
    ("  ", "2,996,667  million"),     # the HTML copy: the span took the scale word
    ("\n", "2,996,667"),              # the EDGAR copy: the scale word on the next line
    ("\u00a0", "2,996,667\u00a0million"),
    (" \n ", "2,996,667"),
])
def test_implausible_scale_reads_the_same_from_every_format(gap, span):
    text = f"Acme Corp. sold 2,996,667{gap}million shares of Common Stock at $3.00 per share for $9 million."
    facts = offering_of(
        text, [("Acme Corp.", "ISSUER"), (span, "QUANTITY"), ("Common Stock", "SECURITY"),
               ("$3.00", "PRICE"), ("$9 million", "AMOUNT")],
        [("Acme Corp.", "Common Stock", "OFFERS"), (span, "Common Stock", "QUANTITY_OF"),
         ("$3.00", "Common Stock", "PRICE_OF")])
    assert facts["record"]["securities"][0]["quantity"] == 2_996_667
    assert [w["code"] for w in facts["warnings"]] == ["implausible_scale"]


def test_a_plausible_scale_on_the_next_line_is_applied():
    text = "Acme Corp. sold 1.5\nmillion shares of Common Stock."
    facts = offering_of(text, [("Acme Corp.", "ISSUER"), ("1.5", "QUANTITY"), ("Common Stock", "SECURITY")],
                        [("1.5", "Common Stock", "QUANTITY_OF")])
    assert facts["record"]["securities"][0]["quantity"] == 1_500_000
    assert facts["warnings"] == []


# c. Pre-funded warrants: purchase price and nominal exercise price kept apart, exactly.
PRE_FUNDED_TEXT = (
    "Acme Ltd. announced the sale of ordinary shares and pre-funded warrants at a price of $1.10 per "
    "ordinary share. The offering consisted of 2,000 ordinary shares and 300 pre-funded warrants at a "
    "public offering price of $1.10 per ordinary share (or $1.09999 for each pre-funded warrant, which "
    "is the price per ordinary share minus an exercise price of $0.00001 per pre-funded warrant).")
PRE_FUNDED_ENTITIES = [
    ("Acme Ltd.", "ISSUER"), ("ordinary shares", "SECURITY"), ("pre-funded warrants", "SECURITY"),
    ("$1.10", "PRICE"), ("2,000", "QUANTITY"), ("ordinary shares#2", "SECURITY"), ("300", "QUANTITY"),
    ("pre-funded warrants#2", "SECURITY"), ("$1.10#2", "PRICE"), ("$1.09999", "PRICE"), ("$0.00001", "PRICE")]


def test_pre_funded_warrants_keep_purchase_and_exercise_price_apart():
    # the links a model made: both $1.10 to the warrants named just before them
    facts = offering_of(PRE_FUNDED_TEXT, PRE_FUNDED_ENTITIES, [
        ("Acme Ltd.", "ordinary shares", "OFFERS"), ("Acme Ltd.", "pre-funded warrants", "OFFERS"),
        ("$1.10", "pre-funded warrants", "PRICE_OF"), ("2,000", "ordinary shares#2", "QUANTITY_OF"),
        ("300", "pre-funded warrants#2", "QUANTITY_OF"), ("$1.10#2", "pre-funded warrants#2", "PRICE_OF"),
        ("$1.09999", "pre-funded warrants#2", "PRICE_OF"), ("$0.00001", "pre-funded warrants#2", "PRICE_OF")])
    shares, warrants = facts["record"]["securities"]
    assert (shares["name"], shares["quantity"], prices_of(shares)) == ("ordinary shares", 2000, ["1.10", None, None])
    assert (warrants["quantity"], prices_of(warrants)) == (300, ["1.09999", "0.00001", None])


def test_a_pre_funded_warrant_price_without_telling_words_is_its_purchase_price():
    text = "Acme Ltd. sold 300 pre-funded warrants at $0.9999 each."
    facts = offering_of(text, [("Acme Ltd.", "ISSUER"), ("300", "QUANTITY"), ("pre-funded warrants", "SECURITY"),
                               ("$0.9999", "PRICE")],
                        [("300", "pre-funded warrants", "QUANTITY_OF"), ("$0.9999", "pre-funded warrants", "PRICE_OF")])
    assert prices_of(facts["record"]["securities"][0]) == ["0.9999", None, None]


def test_values_given_as_floats_keep_their_exact_digits():
    built = build_record(PRE_FUNDED_TEXT, PRE_FUNDED_ENTITIES,
                         [("$0.00001", "pre-funded warrants#2", "PRICE_OF"),
                          ("$1.09999", "pre-funded warrants#2", "PRICE_OF")])
    for ent in built["entities"]:
        if ent["label"] == "PRICE":  # a JSON writer that turned the amounts into floats
            ent["value"] = {"amount": float(Decimal(PRE_FUNDED_TEXT[ent["start"] + 1:ent["end"]])),
                            "currency": "USD"}
    securities = json.loads(json.dumps(extract_facts(built)))["record"]["securities"]
    warrants = next(s for s in securities if s["name"] == "pre-funded warrants")
    assert prices_of(warrants) == ["1.09999", "0.00001", None]


# d. Currency from the text; a bare "$" is a guess, marked as assumed.
@pytest.mark.parametrize("text, money, currency, assumed", [
    ("Acme Mining Corp. (TSXV: ACM) closed a private placement for gross proceeds of $500,000.",
     "$500,000", "CAD", True),
    ("Acme Mining Corp. (CSE: ACM) closed a private placement for gross proceeds of $500,000.",
     "$500,000", "CAD", True),
    ("All amounts are in Canadian dollars. Acme Corp. raised gross proceeds of $2 million.",
     "$2 million", "CAD", True),
    ("Acme Corp. (TSX: ACM) raised gross proceeds of US$2 million.", "US$2 million", "USD", False),
    ("Acme Corp. (TSX: ACM) raised gross proceeds of C$2 million.", "C$2 million", "CAD", False),
    ("Acme Corp. raised gross proceeds of $2 million; the units were priced at C$0.10.", "$2 million", "CAD", True),
    ("Acme ASA raised gross proceeds of NOK 350 million.", "NOK 350 million", "NOK", False),
    ("Acme N.V. raised gross proceeds of €12 million.", "€12 million", "EUR", False),
    ("Acme Inc. (Nasdaq: ACME) raised gross proceeds of $2 million.", "$2 million", "USD", True),
])
def test_currency_comes_from_the_text_and_a_guess_is_marked(text, money, currency, assumed):
    facts = offering_of(text, [(money, "AMOUNT")])
    offering = facts["record"]["offering"]
    assert offering["gross"]["currency"] == currency
    assert (offering["currency"], offering["currency_assumed"]) == (currency, assumed)


def test_cue_lexicon_is_data():
    assert stated_currency("Cdn$1.0 billion") == "CAD" and stated_currency("$1.0 billion") is None
    assert document_currency("listed on the TSX Venture Exchange").cue == "a TSX Venture Exchange listing"


def test_missing_cue_file_is_a_config_error(monkeypatch):
    monkeypatch.setattr(nlp.currency, "CUES_FILE", "facts/no_such_cues.json")
    nlp.currency.load_cues.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"E280.*no_such_cues.json"):
            nlp.currency.load_cues()
    finally:
        monkeypatch.undo()
        nlp.currency.load_cues.cache_clear()


# e. An offering's amounts are the offering's: once per exhibit, not on every security.
def test_offering_amounts_belong_to_the_offering_once():
    text = ("Acme Corp. sold units, each of one share of Common Stock and one warrant, for gross proceeds "
            "of $5 million and net proceeds of $4.5 million. H.C. Wainwright & Co. was the agent.")
    built = build_record(text, [("Acme Corp.", "ISSUER"), ("units", "SECURITY"), ("Common Stock", "SECURITY"),
                                ("warrant", "SECURITY"), ("$5 million", "AMOUNT"), ("$4.5 million", "AMOUNT"),
                                ("H.C. Wainwright & Co.", "AGENT")],
                         [("Acme Corp.", "units", "OFFERS"), ("Acme Corp.", "Common Stock", "OFFERS"),
                          ("Acme Corp.", "warrant", "OFFERS")])
    record = extract_facts(built)["record"]
    assert set(record) == {"kind", "offering", "securities"}
    assert record["offering"]["gross"] == {"amount": "5000000", "currency": "USD"}
    assert all(set(s) == {"name", "quantity", "price", "exercise_price", "conversion_price"}
               for s in record["securities"])
    rows = record_rows(built)
    assert len(rows) == 3
    assert sum(Decimal(r["amount_gross"]) for r in rows if r["amount_gross"]) == Decimal(5_000_000)
    assert sum(Decimal(r["amount_net"]) for r in rows if r["amount_net"]) == Decimal(4_500_000)
    assert [bool(r["agents"]) for r in rows] == [True, False, False]
