"""Scoring against hand-computed figures on small fixtures."""
from __future__ import annotations

import pytest

from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.scoring import prf, score_records

TEXT = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share."
ISSUER, QTY, SEC, PRICE = Entity(0, 10, "ISSUER"), Entity(16, 21, "QUANTITY"), Entity(32, 44, "SECURITY"), Entity(48, 53, "PRICE")
OFFERS = Relation((0, 10), (32, 44), "OFFERS")
PRICE_OF = Relation((48, 53), (32, 44), "PRICE_OF")


def rec(rid, entities, relations=()):
    return ExhibitRecord(rid, TEXT, "offering", list(entities), list(relations))


def test_prf_hand_computed():
    assert prf(3, 1, 2) == pytest.approx({"p": 0.75, "r": 0.6, "f": 2 * 0.75 * 0.6 / 1.35, "tp": 3, "fp": 1, "fn": 2})
    assert prf(0, 0, 0)["f"] == 0.0


def test_strict_partial_and_span_modes():
    gold = [rec("a", [ISSUER, QTY, SEC, PRICE])]
    # wrong boundary on the security, wrong label on the price
    pred = [rec("a", [ISSUER, QTY, Entity(39, 44, "SECURITY"), Entity(48, 53, "AMOUNT")])]
    strict = score_records(gold, pred)["entities"]["micro"]
    assert (strict["tp"], strict["fp"], strict["fn"]) == (2, 2, 2)
    partial = score_records(gold, pred, "partial")["entities"]["micro"]
    assert (partial["tp"], partial["fp"], partial["fn"]) == (3, 1, 1)
    span = score_records(gold, pred, "span")["entities"]["micro"]
    assert (span["tp"], span["fp"], span["fn"]) == (3, 1, 1)


def test_relations_strict_need_both_spans_and_label():
    gold = [rec("a", [ISSUER, SEC, PRICE], [OFFERS, PRICE_OF])]
    pred = [rec("a", [ISSUER, SEC, PRICE], [OFFERS, Relation((48, 53), (0, 10), "PRICE_OF")])]
    rel = score_records(gold, pred)["relations"]
    assert rel["micro"]["tp"] == 1 and rel["micro"]["fp"] == 1 and rel["micro"]["fn"] == 1
    assert rel["per_label"]["OFFERS"]["f"] == 1.0 and rel["per_label"]["PRICE_OF"]["f"] == 0.0


def test_document_missing_from_predictions_counts_as_all_missed():
    gold = [rec("a", [ISSUER, SEC], [OFFERS]), rec("b", [QTY])]
    result = score_records(gold, [rec("b", [QTY])])
    assert result["missing_ids"] == ["a"]
    assert result["entities"]["micro"]["fn"] == 2 and result["relations"]["micro"]["fn"] == 1


def test_empty_predictions_and_empty_gold():
    assert score_records([rec("a", [ISSUER])], [rec("a", [])])["entities"]["micro"]["r"] == 0.0
    empty = score_records([rec("a", [])], [rec("a", [ISSUER])])["entities"]["micro"]
    assert (empty["tp"], empty["fp"], empty["p"]) == (0, 1, 0.0)


def test_duplicated_predicted_span_counts_once():
    result = score_records([rec("a", [ISSUER])], [rec("a", [ISSUER, ISSUER])])["entities"]["micro"]
    assert (result["tp"], result["fp"]) == (1, 0)
