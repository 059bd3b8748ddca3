from __future__ import annotations

import spacy
from conftest import char_offsets

from nlp.pipeline.proceeds import raise_pairs
from conftest import add_rule_step


def test_each_amount_goes_to_the_issuer_named_before_it_in_its_sentence():
    text = ("TARNWELL GROUP RAISES $9 MILLION\n\n"
            "Tarnwell Group Inc. (“Tarnwell”) expects gross proceeds of $9.0 million. Investors paid $3 million.")
    issuers = [char_offsets(text, "TARNWELL GROUP"), char_offsets(text, "Tarnwell Group Inc."), char_offsets(text, "Tarnwell", 2)]
    amounts = [char_offsets(text, "$9 MILLION"), char_offsets(text, "$9.0 million"), char_offsets(text, "$3 million")]
    pairs = raise_pairs(text, issuers, amounts)
    # the definition "(“Tarnwell”)" heads nothing; the sentence without an issuer gives no pair
    assert pairs == [(issuers[0], amounts[0]), (issuers[1], amounts[1])]


def test_an_amount_before_the_issuer_goes_to_the_first_issuer_named():
    text = "Gross proceeds of $5 million will be received by Acme Corp. at closing."
    assert raise_pairs(text, [char_offsets(text, "Acme Corp.")], [char_offsets(text, "$5 million")]) == [
        (char_offsets(text, "Acme Corp."), char_offsets(text, "$5 million"))]


def test_component_replaces_the_models_raises():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "raises")
    text = "Acme Corp. raised $5 million."
    doc = nlp.make_doc(text)
    acme, amount = char_offsets(text, "Acme Corp."), char_offsets(text, "$5 million")
    doc.ents = [doc.char_span(*acme, "ISSUER"), doc.char_span(*amount, "AMOUNT")]
    doc._.relations = {((0, 4), amount): {"RAISES": 0.8}, (acme, amount): {"RAISES": 0.6}}
    assert component(doc)._.relations == {(acme, amount): {"RAISES": 1.0}}
