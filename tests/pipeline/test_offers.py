from __future__ import annotations

import spacy
from conftest import char_offsets

from nlp.pipeline.offers import offer_pairs
from conftest import add_rule_step


def _named(text, pairs):
    return [(text[i[0]:i[1]], text[s[0]:s[1]], s[0]) for i, s in pairs]


def test_the_issuer_offers_the_securities_named_after_a_word_of_sale():
    text = ("Veritone, Inc. today announced the pricing of an underwritten public offering of 9,505,705 "
            "shares of its common stock. Veritone has granted the underwriters a 30-day option to "
            "purchase up to an additional 1,425,855 shares of its common stock.")
    issuers = [char_offsets(text, "Veritone, Inc."), char_offsets(text, "Veritone", 2)]
    securities = [char_offsets(text, "common stock"), char_offsets(text, "common stock", 2)]
    assert [(i, s) for i, s, _ in _named(text, offer_pairs(text, issuers, securities))] == [
        ("Veritone, Inc.", "common stock"), ("Veritone", "common stock")]


def test_described_securities_defined_terms_and_repeats_hold_no_offers():
    text = ("Acme Corp. closed its offering of 1,000,000 units (the “Units”), each unit consisting of one "
            "share and one warrant to purchase common stock; the units were sold at $1.00.")
    issuers = [char_offsets(text, "Acme Corp.")]
    securities = [char_offsets(text, "units"), char_offsets(text, "Units"), char_offsets(text, "common stock"),
                  char_offsets(text, "units", 2)]
    assert [(i, s) for i, s, _ in _named(text, offer_pairs(text, issuers, securities))] == [("Acme Corp.", "units")]
    assert offer_pairs(text, issuers, securities)[0][1] == char_offsets(text, "units")


def test_no_offers_without_a_word_of_sale_or_before_the_issuer():
    text = "The common stock of Acme Corp. trades on Nasdaq. Acme Corp. reported common stock dividends."
    issuers = [char_offsets(text, "Acme Corp."), char_offsets(text, "Acme Corp.", 2)]
    securities = [char_offsets(text, "common stock"), char_offsets(text, "common stock", 2)]
    assert offer_pairs(text, issuers, securities) == []


def test_the_issuer_named_after_the_security_as_its_seller_offers_it():
    text = ("The offering consists of 5,000,000 shares of common stock to be issued and sold by Quillon and "
            "1,000,000 shares of common stock to be sold by the selling stockholder. The underwriters have an "
            "option to purchase up to 750,000 additional shares of common stock from Quillon. The common stock "
            "of Quillon trades on Nasdaq.")
    issuers = [char_offsets(text, "Quillon", k) for k in (1, 2, 3)]
    securities = [char_offsets(text, "common stock", k) for k in (1, 2, 3, 4)]
    assert _named(text, offer_pairs(text, issuers, securities)) == [
        ("Quillon", "common stock", char_offsets(text, "common stock", 1)[0]),
        ("Quillon", "common stock", char_offsets(text, "common stock", 3)[0])]


def test_a_parenthesised_issuer_definition_is_not_the_head():
    text = "Quillon Inc. (“Quillon”) announced a secondary offering of subordinate voting shares."
    issuers = [char_offsets(text, "Quillon Inc."), char_offsets(text, "Quillon", 2)]
    pairs = offer_pairs(text, issuers, [char_offsets(text, "subordinate voting shares")])
    assert [(i, s) for i, s, _ in _named(text, pairs)] == [("Quillon Inc.", "subordinate voting shares")]


def test_component_replaces_the_models_offers():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "offers")
    text = "Acme Corp. priced its offering of common stock."
    doc = nlp.make_doc(text)
    acme, stock = char_offsets(text, "Acme Corp."), char_offsets(text, "common stock")
    doc.ents = [doc.char_span(*acme, "ISSUER"), doc.char_span(*stock, "SECURITY")]
    doc._.relations = {((0, 4), stock): {"OFFERS": 0.6}}
    assert component(doc)._.relations == {(acme, stock): {"OFFERS": 1.0}}
