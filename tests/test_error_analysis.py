"""Error kinds, their context and the label confusion matrix on hand-made documents."""
from __future__ import annotations

from nlp.error_analysis import (
    classify_entities, confusion_matrix, context, entity_errors, error_report, limit_per_group, relation_errors,
)
from nlp.io.records import Entity, ExhibitRecord, Relation

TEXT = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share through Baxter Securities LLC."
ISSUER, QTY, SEC, PRICE = Entity(0, 10, "ISSUER"), Entity(16, 21, "QUANTITY"), Entity(32, 44, "SECURITY"), Entity(48, 53, "PRICE")
AGENT = Entity(72, 93, "AGENT")


def rec(rid, entities, relations=()):
    return ExhibitRecord(rid, TEXT, "offering", list(entities), list(relations))


GOLD = rec("a", [ISSUER, QTY, SEC, PRICE], [Relation((0, 10), (32, 44), "OFFERS"), Relation((48, 53), (32, 44), "PRICE_OF")])
PRED = rec("a", [
    ISSUER,                          # right
    Entity(16, 21, "PRICE"),         # wrong label
    Entity(39, 44, "SECURITY"),      # wrong boundary ("Stock")
    AGENT,                           # spurious
], [Relation((0, 10), (32, 44), "OFFERS"), Relation((16, 21), (39, 44), "QUANTITY_OF")])


def test_fixture_spans_are_what_they_say():
    assert [TEXT[e.start:e.end] for e in (ISSUER, QTY, SEC, PRICE, AGENT)] == [
        "Acme Corp.", "1,000", "Common Stock", "$2.00", "Baxter Securities LLC"]


def test_each_error_kind_is_classified():
    kinds = classify_entities(GOLD, PRED)
    assert kinds == [
        ("label", (16, 21, "QUANTITY"), (16, 21, "PRICE")),
        ("boundary", (32, 44, "SECURITY"), (39, 44, "SECURITY")),
        ("missed", (48, 53, "PRICE"), None),
        ("spurious", None, (72, 93, "AGENT")),
    ]


def test_overlap_with_another_label_is_a_miss_and_a_spurious_entity():
    pred = rec("a", [Entity(39, 53, "PRICE")])
    assert classify_entities(rec("a", [SEC]), pred) == [
        ("missed", (32, 44, "SECURITY"), None), ("spurious", None, (39, 53, "PRICE"))]


def test_entity_errors_carry_texts_labels_and_context():
    errors = entity_errors([(GOLD, PRED)], window=10)
    by_kind = {e["kind"]: e for e in errors}
    assert by_kind["label"]["label"] == "QUANTITY"
    assert by_kind["label"]["predicted"] == {"start": 16, "end": 21, "label": "PRICE", "text": "1,000"}
    assert by_kind["boundary"]["gold"]["text"] == "Common Stock" and by_kind["boundary"]["predicted"]["text"] == "Stock"
    assert by_kind["boundary"]["context"] == {"left": "…shares of ", "text": "Common Stock", "right": " at $2.00…"}
    assert by_kind["spurious"]["label"] == "AGENT" and by_kind["spurious"]["gold"] is None
    assert by_kind["missed"]["predicted"] is None and by_kind["missed"]["id"] == "a"


def test_context_folds_whitespace_and_marks_cut_ends():
    text = "Line one\n\nACME   CORP.\nsigned"
    assert context(text, 10, 22, window=4) == {"left": "…ne ", "text": "ACME CORP.", "right": " sig…"}
    assert context(text, 0, 4, window=100) == {"left": "", "text": "Line", "right": " one ACME CORP. signed"}


def test_relation_errors_are_missed_or_spurious_with_both_spans_text():
    errors = relation_errors([(GOLD, PRED)])
    assert [(e["kind"], e["label"], e["head"]["text"], e["child"]["text"]) for e in errors] == [
        ("spurious", "QUANTITY_OF", "1,000", "Stock"),
        ("missed", "PRICE_OF", "$2.00", "Common Stock"),
    ]


def test_confusion_matrix_counts_exact_and_overlapping_matches():
    second_gold = rec("b", [ISSUER, SEC])
    second_pred = rec("b", [Entity(0, 10, "AGENT"), Entity(39, 53, "PRICE"), Entity(39, 53, "PRICE")])
    confusion = confusion_matrix([(GOLD, PRED), (second_gold, second_pred)])
    labels = confusion["labels"]
    assert labels == ["AGENT", "ISSUER", "PRICE", "QUANTITY", "SECURITY", "none"]
    cells = {(g, p): n for g, row in confusion["matrix"].items() for p, n in row.items() if n}
    assert cells == {
        ("ISSUER", "ISSUER"): 1,      # exact
        ("ISSUER", "AGENT"): 1,       # same span, other label
        ("QUANTITY", "PRICE"): 1,     # same span, other label
        ("SECURITY", "SECURITY"): 1,  # overlapping, same label
        ("SECURITY", "PRICE"): 1,     # overlapping, other label (the duplicate counts once)
        ("PRICE", "none"): 1,         # missed
        ("none", "AGENT"): 1,         # spurious
    }
    assert all(set(row) == set(labels) for row in confusion["matrix"].values())


def test_report_counts_everything_and_limits_the_listing_per_group():
    many_gold = [rec(f"d{i}", [ISSUER, PRICE]) for i in range(4)]
    many_pred = [rec(f"d{i}", [ISSUER]) for i in range(4)]
    report = error_report(list(zip(many_gold, many_pred)) + [(GOLD, PRED)], limit=2)
    assert report["entities"]["counts"]["PRICE"] == {"boundary": 0, "label": 0, "missed": 5, "spurious": 0}
    assert report["entities"]["counts"]["QUANTITY"]["label"] == 1
    listed = [(e["label"], e["kind"]) for e in report["entities"]["items"]]
    assert listed.count(("PRICE", "missed")) == 2 and ("SECURITY", "boundary") in listed
    assert report["relations"]["counts"] == {"PRICE_OF": {"missed": 1, "spurious": 0}, "QUANTITY_OF": {"missed": 0, "spurious": 1}}
    assert report["documents_with_errors"] == ["d0", "d1", "d2", "d3", "a"]
    assert len(limit_per_group(entity_errors(list(zip(many_gold, many_pred))), None)) == 4


def test_a_perfect_prediction_has_no_errors():
    report = error_report([(GOLD, GOLD)])
    assert report["entities"] == {"counts": {}, "items": []} and report["documents_with_errors"] == []
