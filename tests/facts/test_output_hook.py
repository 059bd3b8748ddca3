"""`exhibit predict` output records carry the facts (nlp/inference.py doc_to_output)."""
from __future__ import annotations

from nlp.inference import doc_to_output


def test_predicted_record_gains_record_and_warnings(blank_nlp):
    doc = blank_nlp("Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.")
    ents = [doc.char_span(0, 10, "ISSUER"), doc.char_span(16, 21, "QUANTITY"),
            doc.char_span(32, 44, "SECURITY"), doc.char_span(48, 53, "PRICE")]
    doc.ents = ents
    ents[3]._.value = {"amount": "2.00", "currency": "USD", "scale": None}  # as exhibit_normalizer sets it
    doc._.relations = {((16, 21), (32, 44)): {"QUANTITY_OF": 0.9}, ((48, 53), (32, 44)): {"PRICE_OF": 0.8}}
    out = doc_to_output(doc, "acme")
    assert out["record"]["kind"] == "offering" and out["record"]["offering"]["issuer"] == "Acme Corp."
    assert out["record"]["securities"] == [{"name": "Common Stock", "quantity": 1000,
                                           "price": {"amount": "2.00", "currency": "USD"},
                                           "exercise_price": None, "conversion_price": None}]
    assert out["warnings"] == []
    assert {"id", "text", "entities", "relations"} <= set(out)
