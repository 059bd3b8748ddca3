from __future__ import annotations

import pytest
import spacy
from conftest import add_rule_step, char_offsets

from nlp.pipeline.counted_securities import counted_pairs


@pytest.mark.parametrize("text, quantity, security, paired", [
    ("Quillon sold 165,000 shares of the Company’s common stock at $9.00.", "165,000", "common stock", True),
    ("it issued 146,302 post-split shares of Class A common stock to Vorn.", "146,302", "Class A common stock", True),
    ("Investors were allocated 1,388,888 new Offer Shares.", "1,388,888", "Offer Shares", True),
    # a count of something else before the security is no count of it
    ("Quillon has 12 employees and sells its common stock.", "12", "common stock", False),
    ("Quillon issued 2,000 shares. The warrants expire in 2030.", "2,000", "warrants", False),
])
def test_a_count_counts_the_security_its_phrase_names(text, quantity, security, paired):
    pairs = counted_pairs(text, [char_offsets(text, quantity)], [char_offsets(text, security)])
    assert pairs == ([(char_offsets(text, quantity), char_offsets(text, security))] if paired else [])


def test_component_adds_the_pair_to_the_models_relations():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "quantity_of")
    text = "Quillon sold 165,000 shares of its common stock and 10,000 warrants."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(*char_offsets(text, t), label) for t, label in
                (("Quillon", "ISSUER"), ("165,000", "QUANTITY"), ("common stock", "SECURITY"),
                 ("10,000", "QUANTITY"), ("warrants", "SECURITY"))]
    model_pair = (char_offsets(text, "10,000"), char_offsets(text, "warrants"))
    doc._.relations = {model_pair: {"QUANTITY_OF": 0.9}}
    found = {pair for pair, scores in step(doc)._.relations.items() if scores.get("QUANTITY_OF", 0) >= 0.5}
    assert found == {model_pair, (char_offsets(text, "165,000"), char_offsets(text, "common stock"))}
