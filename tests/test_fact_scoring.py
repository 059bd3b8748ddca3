"""Fact-level evaluation: facts built by nlp.facts from gold and predicted records, compared as sets."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from conftest import char_offsets, write_jsonl
from nlp.bootstrap import BootstrapSettings
from nlp.cli import app
from nlp.evaluation import evaluate_predictions
from nlp.fact_scoring import Money, compare_facts, exhibit_facts, fact_errors, record_facts, score_facts
from nlp.io.records import ExhibitRecord
from training.card import render_card

FAST = BootstrapSettings(resamples=50)


def _record(text: str, entities, relations=(), rid: str = "acme", category=None) -> ExhibitRecord:
    """A record from (phrase, label[, nth]) entities and (head phrase, child phrase, label) relations."""
    ents, where = [], {}
    for phrase, label, *nth in entities:
        start, end = char_offsets(text, phrase, *nth)
        where[phrase] = [start, end]
        ents.append({"start": start, "end": end, "label": label})
    rels = [{"head": where[h], "child": where[c], "label": label} for h, c, label in relations]
    return ExhibitRecord.from_dict({"id": rid, "text": text, "category": category,
                                    "entities": ents, "relations": rels})


PRICED = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share. The shares last traded at $2.50."


def _priced(price: str) -> ExhibitRecord:
    return _record(PRICED, [("Acme Corp.", "ISSUER"), ("1,000", "QUANTITY"), ("Common Stock", "SECURITY"),
                            (price, "PRICE")],
                   [("Acme Corp.", "Common Stock", "OFFERS"), ("1,000", "Common Stock", "QUANTITY_OF"),
                    (price, "Common Stock", "PRICE_OF")])


def test_identical_gold_and_prediction_score_one(seed_records):
    facts, counts = score_facts(compare_facts([(r, r) for r in seed_records]))
    assert facts["micro"]["f"] == 1.0 and facts["micro"]["fp"] == facts["micro"]["fn"] == 0
    assert facts["micro"]["tp"] > 10 and all(tp > 0 and fp == fn == 0 for tp, fp, fn in counts)
    assert {"issuer", "security", "quantity", "price", "exercise_price", "gross_amount", "agent",
            "officer", "title", "certifies"} <= set(facts["per_label"])


def test_a_wrong_price_is_one_false_and_one_missed_price():
    comparison = compare_facts([(_priced("$2.00"), _priced("$2.50"))])
    facts, counts = score_facts(comparison)
    assert facts["per_label"]["price"] == {"p": 0.0, "r": 0.0, "f": 0.0, "tp": 0, "fp": 1, "fn": 1}
    assert facts["micro"]["fp"] == facts["micro"]["fn"] == 1  # every other fact agrees
    assert comparison[0].missed == [("price", "common stock", Money(Decimal("2"), "USD"))]
    assert comparison[0].false == [("price", "common stock", Money(Decimal("2.5"), "USD"))]
    listing = fact_errors(comparison)
    assert listing["counts"] == {"price": {"missed": 1, "false": 1}}
    assert listing["documents"] == [{"id": "acme", "missed": [{"kind": "price", "fact": "common stock · 2 USD"}],
                                     "false": [{"kind": "price", "fact": "common stock · 2.5 USD"}]}]


def test_money_written_in_words_or_digits_is_one_fact():
    text = "Acme Corp. raised $9 million ($9,000,000) in a private placement."
    gold = _record(text, [("Acme Corp.", "ISSUER"), ("$9,000,000", "AMOUNT")], [("Acme Corp.", "$9,000,000", "RAISES")])
    pred = _record(text, [("Acme Corp.", "ISSUER"), ("$9 million", "AMOUNT")], [("Acme Corp.", "$9 million", "RAISES")])
    assert ("gross_amount", Money(Decimal(9000000), "USD")) in exhibit_facts(gold)
    assert exhibit_facts(gold) == exhibit_facts(pred)
    # and the decimal spelling of a value in an nlp.facts record does not matter either
    assert record_facts({"kind": "offering", "amount": {"gross": {"amount": "9000000.00", "currency": "usd"}}}) == \
        record_facts({"kind": "offering", "amount": {"gross": {"amount": "9E+6", "currency": "USD"}}})


def test_an_officer_named_twice_is_one_fact():
    text = ("I, John Smith, Chief Executive Officer of Acme Corp., certify that I have reviewed this annual "
            "report on Form 10-K of Acme Corp. for the fiscal year ended December 31, 2020.\n\n"
            "/s/ JOHN SMITH\nJohn  Smith")
    twice = _record(text, [("John Smith", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Acme Corp.", "ISSUER"),
                           ("annual report on Form 10-K", "REPORT"), ("JOHN SMITH", "OFFICER"), ("John  Smith", "OFFICER")],
                    [("John Smith", "Chief Executive Officer", "HAS_TITLE"), ("John Smith", "Acme Corp.", "OFFICER_OF"),
                     ("John Smith", "annual report on Form 10-K", "CERTIFIES")], category="certification")
    facts = exhibit_facts(twice)
    assert [f for f in facts if f[0] == "officer"] == [("officer", "john smith", "acme corp")]
    assert ("certifies", "john smith", "10-K", "2020-12-31") in facts
    # the same officer listed twice in a record, spelled differently, still gives one fact each
    record = {"kind": "certification", "company": "Acme Corp.", "report": None,
              "officers": [{"name": "John Smith", "titles": ["CEO"]}, {"name": "JOHN  SMITH.", "titles": ["ceo"]}]}
    assert sorted(record_facts(record)) == [("issuer", "acme corp"), ("officer", "john smith", "acme corp"),
                                            ("title", "john smith", "ceo")]


def test_facts_block_has_bootstrap_intervals_and_listing_limit(seed_records):
    worse = [ExhibitRecord(r.id, r.text, r.category) for r in seed_records]  # nothing predicted
    result = evaluate_predictions(seed_records, worse, FAST)
    facts = result["facts"]
    assert facts["micro"]["tp"] == 0 and facts["micro"]["fn"] > 10
    assert set(facts["micro_ci"]) == {"p", "r", "f"} and facts["micro_ci"]["r"] == [0.0, 0.0]
    assert set(facts["per_label_ci"]) == set(facts["per_label"]) and facts["per_label_ci"]["issuer"]["r"] == [0.0, 0.0]
    limited = fact_errors(compare_facts(zip(seed_records, worse)), limit=1)
    assert all(sum(1 for d in limited["documents"] for f in d["missed"] if f["kind"] == kind) == 1
               for kind in limited["counts"])


def _perturbed_seeds(tmp_path, seeds_path):
    """The seeds with the first record's share price (entity and relations) removed."""
    rows = [json.loads(line) for line in seeds_path.read_text().splitlines()]
    start = rows[0]["text"].index("$3.00")
    rows[0]["entities"] = [e for e in rows[0]["entities"] if e["start"] != start]
    rows[0]["relations"] = [r for r in rows[0]["relations"] if start not in (r["head"][0], r["child"][0])]
    return rows, write_jsonl(tmp_path / "pred.jsonl", rows)


def test_evaluate_cli_reports_the_facts_in_every_format(tmp_path, seeds_path):
    rows, pred = _perturbed_seeds(tmp_path, seeds_path)
    base = ["evaluate", "--predictions", str(pred), "--gold", str(seeds_path), "--resamples", "50"]
    html = tmp_path / "report.html"
    text = CliRunner().invoke(app, base + ["--html", str(html)])
    assert text.exit_code == 0, text.output
    facts_row = next(line for line in text.stdout.splitlines() if line.startswith("facts "))
    assert facts_row.split()[-7:-5] == ["1.000", "1.000–1.000"]  # precision and its interval: nothing false
    assert "fact errors by kind" in text.stdout
    assert f"{rows[0]['id']}  missed (gold only)  price  common stock · 3 USD" in text.stdout
    assert "missed and false facts by exhibit (1)" in html.read_text(encoding="utf-8")
    markdown = CliRunner().invoke(app, base + ["--markdown"]).stdout
    assert "**fact errors by kind**" in markdown and "| price | 1 | 0 |" in markdown
    data = json.loads(CliRunner().invoke(app, base + ["--json"]).stdout)
    assert data["facts"]["per_label"]["price"]["fn"] == 1 and data["facts"]["micro"]["fp"] == 0
    assert data["fact_errors"]["documents"][0]["missed"] == [{"kind": "price", "fact": "common stock · 3 USD"}]


def test_model_card_has_the_facts_section(seed_records):
    result = evaluate_predictions(seed_records, seed_records, FAST)
    card = render_card(result, 1.0, 1.0, "m", ["ner"])
    assert "## Facts (end to end)" in card and "| **micro** | 1.000 | 1.000 | **1.000** |" in card
    assert "| price | 1.000 | 1.000 | 1.000 | 1 |" in card


def test_other_records_have_no_facts_and_unreadable_values_are_left_out():
    assert record_facts({"kind": "other", "company": "Acme"}) == frozenset()
    record = {"kind": "offering", "issuer": None, "securities": [{"name": "Units", "quantity": True,
                                                                  "price": {"amount": "n/a"}}]}
    assert record_facts(record) == {("security", "unit")}


@pytest.mark.parametrize("name, folded", [("Samuel J. Furrow, Jr.", "samuel j furrow jr"),
                                          ("Finder’s  Warrants", "finders warrant")])
def test_names_fold_case_space_and_punctuation(name, folded):
    from nlp.fact_scoring import fold_name, fold_security

    assert (fold_security if "Warrant" in name else fold_name)(name) == folded


def test_nested_and_flat_offering_layouts_give_the_same_facts():
    security = {"name": "Units", "quantity": 10, "price": {"amount": "1.0", "currency": "USD"}}
    nested = {"kind": "offering", "securities": [security],
              "offering": {"issuer": "Acme Corp.", "gross": {"amount": "10", "currency": "USD"}, "net": None,
                           "agents": ["Roth Capital"], "combined_price": {"amount": "1.25", "currency": "USD"}}}
    flat = {"kind": "offering", "issuer": "ACME CORP", "securities": [security], "agents": ["Roth  Capital"],
            "amount": {"gross": {"amount": "10.00", "currency": "USD"}, "net": None},
            "combined_price": {"amount": "1.250", "currency": "USD"}}
    assert record_facts(nested) == record_facts(flat)
    assert ("combined_price", Money(Decimal("1.25"), "USD")) in record_facts(nested)
    assert ("price", "unit", Money(Decimal(1), "USD")) in record_facts(nested)
