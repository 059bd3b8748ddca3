from __future__ import annotations

import pytest
import spacy
from conftest import char_offsets

from nlp.pipeline.prices import price_pairs
from conftest import add_rule_step


def _named(text, pairs):
    return [(text[p[0]:p[1]], text[s[0]:s[1]]) for p, s in pairs]


@pytest.mark.parametrize("text, securities, price, expected", [
    # the nearest security before the price, not the defined term
    ("sold 1,000,000 units (each, a “Unit”) at a price of $0.10 per Unit.",
     ["units", "Unit"], "$0.10", "units"),
    # an exercise price belongs to the warrant
    ("Each Warrant entitles the holder to purchase one common share at a price of $0.15 for two years.",
     ["Warrant", "common share"], "$0.15", "Warrant"),
    ("2,000,000 shares of Common Stock at $3.00 per share.", ["Common Stock"], "$3.00", "Common Stock"),
])
def test_price_goes_to_the_security_the_phrase_prices(text, securities, price, expected):
    pairs = price_pairs(text, [char_offsets(text, price)], [char_offsets(text, s) for s in securities])
    assert _named(text, pairs) == [(price, expected)]


@pytest.mark.parametrize("text, securities, price", [
    ("shares of common stock and warrants at a combined purchase price of $0.63 per share.",
     ["common stock"], "$0.63"),
    # the cue stands far before the price
    ("The weighted average combined price of the Ordinary Shares and the Tarnwell warrants is $2.70 per share.",
     ["Ordinary Shares", "Tarnwell warrants"], "$2.70"),
    # the cue follows the price
    ("sold 800,000 ordinary shares and warrants at a purchase price of $1.10 per ordinary share and "
     "associated warrant.", ["ordinary shares", "warrants"], "$1.10"),
])
def test_a_combined_price_prices_no_single_security(text, securities, price):
    assert price_pairs(text, [char_offsets(text, price)], [char_offsets(text, s) for s in securities]) == []


def test_a_price_in_another_sentence_is_not_paired():
    text = "The company sold common stock.\n\nThe price was $5.00 per share."
    assert price_pairs(text, [char_offsets(text, "$5.00")], [char_offsets(text, "common stock")]) == []


def test_each_price_prices_the_security_before_it():
    text = "common shares at $1.00 per share and warrants to purchase shares at an exercise price of $1.50."
    pairs = price_pairs(text, [char_offsets(text, "$1.00"), char_offsets(text, "$1.50")],
                        [char_offsets(text, "common shares"), char_offsets(text, "warrants")])
    assert _named(text, pairs) == [("$1.00", "common shares"), ("$1.50", "warrants")]


def test_component_replaces_the_models_price_of():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "price_of")
    text = "2,000,000 shares of Common Stock at $3.00 per share."
    doc = nlp.make_doc(text)
    stock, price = char_offsets(text, "Common Stock"), char_offsets(text, "$3.00")
    doc.ents = [doc.char_span(*stock, "SECURITY"), doc.char_span(*price, "PRICE")]
    doc._.relations = {(price, (0, 9)): {"PRICE_OF": 0.7}}
    assert component(doc)._.relations == {(price, stock): {"PRICE_OF": 1.0}}


@pytest.mark.parametrize("text, securities, price, expected", [
    # the unit the price is stated for names the security among those before it
    ("sold ordinary shares and pre-funded warrants at a price of $1.10 per ordinary share.",
     ["ordinary shares", "pre-funded warrants"], "$1.10", "ordinary shares"),
    # a price per share is one of the stock, sold in shares
    ("sold 90,000 shares of its common stock (or pre-funded warrants in lieu thereof) at a price of $2.50 per share.",
     ["common stock", "pre-funded warrants"], "$2.50", "common stock"),
    # a price per ADS is one of the depositary shares, not of the ordinary shares each represents
    ("sold 900,000 American Depositary Shares, each representing two ordinary shares, at a price of $8.00 per ADS.",
     ["American Depositary Shares", "ordinary shares"], "$8.00", "American Depositary Shares"),
    # an exercise price may name its security after it
    ("pre-funded warrants priced at the share price minus $0.001, which is the exercise price of each "
     "Tarnwell warrant.", ["pre-funded warrants", "Tarnwell warrant"], "$0.001", "Tarnwell warrant"),
    ("less the $0.0001 per share exercise price of each pre-funded warrant, before fees.",
     ["pre-funded warrant"], "$0.0001", "pre-funded warrant"),
])
def test_a_price_goes_to_the_security_its_phrase_names(text, securities, price, expected):
    pairs = price_pairs(text, [char_offsets(text, price)], [char_offsets(text, s) for s in securities])
    assert _named(text, pairs) == [(price, expected)]
