"""The facts as tidy tables: one offerings row per offering, one securities row per security,
one officers row per officer; an offering's amounts appear once."""
from __future__ import annotations

from decimal import Decimal

from conftest import small_record
from nlp.facts import extract_facts
from nlp.facts.tables import TABLES, facts_of, table_rows


def money(amount, currency="USD"):
    return {"amount": amount, "currency": currency}


def offering_output(rid, gross="1000000", securities=None, meta=None, **offering):
    facts = {"issuer": f"{rid} Inc.", "gross": money(gross) if gross else None, "net": None,
             "currency": "USD", "currency_assumed": False, "agents": ["First Agent", "Second Agent"],
             "combined_price": None}
    facts.update(offering)
    if securities is None:
        securities = [
            {"name": "Common Stock", "quantity": 1000, "price": money("2.00"), "exercise_price": None,
             "conversion_price": None},
            {"name": "Warrants", "quantity": 500, "price": None, "exercise_price": money("3.50"),
             "conversion_price": None},
        ]
    return {"id": rid, "text": "t", "entities": [], "relations": [], "meta": meta or {},
            "record": {"kind": "offering", "offering": facts, "securities": securities}, "warnings": []}


def certification_output(rid):
    return {"id": rid, "text": "t", "entities": [], "relations": [], "warnings": [],
            "record": {"kind": "certification", "company": "Acme Corp.",
                       "report": {"form": "10-K", "amendment": False,
                                  "period": {"text": "year ended December 31, 2023", "date": "2023-12-31"}},
                       "officers": [{"name": "Jane Roe", "titles": ["Chief Executive Officer", "President"]},
                                    {"name": "John Doe", "titles": []}]}}


def test_amounts_are_per_offering_so_a_sum_counts_each_offering_once():
    tables = table_rows([offering_output("a", gross="1000000"), offering_output("b", gross="250000.50")])
    assert [r["id"] for r in tables["offerings"]] == ["a", "b"]
    assert sum(r["gross"] for r in tables["offerings"]) == Decimal("1250000.50")
    assert len(tables["securities"]) == 4
    assert not set(TABLES["securities"]) & {"gross", "net"}  # no amount to double count


def test_offering_row_reads_the_filing_from_meta():
    meta = {"accession": "0000950123-24-000001", "form": "8-K", "filed": "20240105"}
    row = table_rows([offering_output("a", meta=meta)])["offerings"][0]
    assert row == {"id": "a", "accession": "0000950123-24-000001", "form": "8-K", "filed": "2024-01-05",
                   "issuer": "a Inc.", "gross": Decimal("1000000"), "net": None, "combined_price": None,
                   "currency": "USD", "currency_assumed": False, "agents": "First Agent; Second Agent"}
    assert list(row) == TABLES["offerings"]


def test_security_rows_have_typed_prices_and_the_offering_currency_when_theirs_is_missing():
    securities = [{"name": "Units", "quantity": 10, "price": None, "exercise_price": None,
                   "conversion_price": {"amount": "0.75", "currency": None}}]
    out = offering_output("a", securities=securities, currency="CAD")
    assert table_rows([out])["securities"] == [{
        "id": "a", "issuer": "a Inc.", "security": "Units", "quantity": 10, "price": None,
        "exercise_price": None, "conversion_price": Decimal("0.75"), "currency": "CAD"}]


def test_offering_without_securities_still_has_its_row():
    tables = table_rows([offering_output("a", securities=[])])
    assert len(tables["offerings"]) == 1 and tables["securities"] == []


def test_officer_rows_one_per_officer():
    rows = table_rows([certification_output("c")])["officers"]
    assert rows == [
        {"id": "c", "name": "Jane Roe", "titles": "Chief Executive Officer; President", "company": "Acme Corp.",
         "report_form": "10-K", "period": "2023-12-31"},
        {"id": "c", "name": "John Doe", "titles": None, "company": "Acme Corp.", "report_form": "10-K",
         "period": "2023-12-31"},
    ]


def test_other_exhibits_give_no_row():
    other = {"id": "o", "text": "t", "entities": [], "record": {"kind": "other", "company": None}}
    assert table_rows([other]) == {"offerings": [], "securities": [], "officers": []}


def test_records_without_facts_get_them_computed():
    tables = table_rows([small_record()])
    assert [(r["id"], r["security"], r["quantity"], r["price"]) for r in tables["securities"]] == [
        ("acme", "Common Stock", 1000, Decimal("2.00"))]


def test_an_offering_of_the_earlier_layout_is_read_again_from_its_entities():
    old = small_record()
    old["record"] = {"kind": "offering", "issuer": "Old", "securities": [], "amount": {"gross": None}}
    assert facts_of(old) == extract_facts(small_record())["record"]


def test_amounts_that_are_not_numbers_are_left_empty():
    row = table_rows([offering_output("a", gross="NaN")])["offerings"][0]
    assert row["gross"] is None
