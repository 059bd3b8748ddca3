"""Scoring against hand-computed figures on small fixtures."""
from __future__ import annotations

import pytest

from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.scoring import (
    ENTITY_MODES, entity_document_counts, pair_documents, prf, relation_document_counts, score_pairs, score_records,
)

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


def test_duplicated_gold_span_counts_once():
    result = score_records([rec("a", [ISSUER, ISSUER, QTY])], [rec("a", [ISSUER])])["entities"]["micro"]
    assert (result["tp"], result["fp"], result["fn"]) == (1, 0, 1)


def test_empty_gold_and_empty_predictions_score_zero_without_labels():
    result = score_records([rec("a", [])], [rec("a", [])])
    assert result["entities"]["micro"] == prf(0, 0, 0)
    assert result["entities"]["per_label"] == {}
    assert (result["entities"]["macro_f"], result["entities"]["macro_p"], result["entities"]["macro_r"]) == (0.0, 0.0, 0.0)


def test_macro_is_the_unweighted_mean_over_labels():
    # ISSUER found (p 1, r 1); SECURITY missed (p 0, r 0); PRICE predicted as an extra AMOUNT (p 0, r 0)
    gold = [rec("a", [ISSUER, SEC])]
    pred = [rec("a", [ISSUER, Entity(48, 53, "AMOUNT")])]
    block = score_records(gold, pred)["entities"]
    assert sorted(block["per_label"]) == ["AMOUNT", "ISSUER", "SECURITY"]
    assert block["macro_p"] == pytest.approx(1 / 3)
    assert block["macro_r"] == pytest.approx(1 / 3)
    assert block["macro_f"] == pytest.approx(1 / 3)
    assert block["micro"]["p"] == pytest.approx(0.5) and block["micro"]["r"] == pytest.approx(0.5)


def test_document_counts_add_up_to_the_micro_totals():
    gold = [rec("a", [ISSUER, QTY, SEC], [OFFERS]), rec("b", [PRICE]), rec("c", [ISSUER])]
    pred = [rec("a", [ISSUER, Entity(39, 44, "SECURITY")], [OFFERS, PRICE_OF]), rec("b", [PRICE, QTY])]
    pairs, missing, _ = pair_documents(gold, pred)
    assert missing == ["c"]
    for mode in ENTITY_MODES:
        counts = entity_document_counts(pairs, mode)
        micro = score_pairs(pairs, mode)["entities"]["micro"]
        assert tuple(map(sum, zip(*counts))) == (micro["tp"], micro["fp"], micro["fn"])
    assert entity_document_counts(pairs, "strict") == [(1, 1, 2), (1, 1, 0), (0, 0, 1)]
    assert entity_document_counts(pairs, "partial") == [(2, 0, 1), (1, 1, 0), (0, 0, 1)]
    assert relation_document_counts(pairs) == [(1, 1, 0), (0, 0, 0), (0, 0, 0)]
