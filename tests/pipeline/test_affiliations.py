from __future__ import annotations

import spacy

from nlp.pipeline.affiliations import officer_of_pairs


def _ents(text, *items):
    out = []
    for phrase, label in items:
        start = text.index(phrase)
        out.append((start, start + len(phrase), label))
    return out


def _pairs(text, ents):
    return [(text[h[0]:h[1]], text[c[0]:c[1]]) for h, c in officer_of_pairs(text, ents)]


def test_name_title_of_company():
    text = "said Milton Lamb, President and CEO of Automotive Properties REIT."
    ents = _ents(text, ("Milton Lamb", "OFFICER"), ("President and CEO", "TITLE"),
                 ("Automotive Properties REIT", "ISSUER"))
    assert _pairs(text, ents) == [("Milton Lamb", "Automotive Properties REIT")]


def test_several_titles_and_a_comma_before_the_company():
    text = "Andrew Kalra, CFO & Corporate Secretary, Automotive Properties REIT\n"
    ents = _ents(text, ("Andrew Kalra", "OFFICER"), ("CFO", "TITLE"), ("Corporate Secretary", "TITLE"),
                 ("Automotive Properties REIT", "ISSUER"))
    assert _pairs(text, ents) == [("Andrew Kalra", "Automotive Properties REIT")]


def test_possessive_company_before_the_title():
    text = "said Michael Combs, CorVel’s President and CEO."
    ents = _ents(text, ("Michael Combs", "OFFICER"), ("CorVel", "ISSUER"), ("President and CEO", "TITLE"))
    assert _pairs(text, ents) == [("Michael Combs", "CorVel")]


def test_no_pair_without_the_title_between_or_with_other_words_between():
    text = "Jane Roe joined Acme Corp. Jane Roe, Chief Executive Officer, said that Acme Corp. grew."
    ents = [(0, 8, "OFFICER"), (16, 25, "ISSUER")]
    second = text.index("Jane Roe", 5)
    ents += [(second, second + 8, "OFFICER"), (second + 10, second + 33, "TITLE"),
             (text.rindex("Acme Corp."), text.rindex("Acme Corp.") + 9, "ISSUER")]
    assert _pairs(text, ents) == []


def test_component_adds_to_the_models_pairs():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("exhibit_officer_of")
    text = "Brian Hill, Founder and Executive Chair of Aritzia, said so."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 10, "OFFICER"), doc.char_span(12, 39, "TITLE"), doc.char_span(43, 50, "ISSUER")]
    doc._.relations = {((0, 10), (12, 39)): {"HAS_TITLE": 0.9}, ((0, 10), (43, 50)): {"OFFICER_OF": 0.2}}
    doc = component(doc)
    assert doc._.relations == {((0, 10), (12, 39)): {"HAS_TITLE": 0.9}, ((0, 10), (43, 50)): {"OFFICER_OF": 1.0}}
