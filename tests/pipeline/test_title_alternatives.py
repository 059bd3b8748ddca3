"""The title_alternatives step: the officer holds a title's parenthesised alternative too."""
from __future__ import annotations

import spacy

from conftest import add_rule_step, char_offsets

TEXT = ("/s/ Jane Q. Roe\nJane Q. Roe\nChief Financial Officer (Principal Financial Officer)\n\n"
        "/s/ John Smith\nJohn Smith\nPresident\nChief Executive Officer\n")


def _doc(nlp, relations):
    doc = nlp.make_doc(TEXT)
    ents = [("Jane Q. Roe", 2, "OFFICER"), ("Chief Financial Officer", 1, "TITLE"),
            ("Principal Financial Officer", 1, "TITLE"), ("John Smith", 2, "OFFICER"), ("President", 1, "TITLE"),
            ("Chief Executive Officer", 1, "TITLE")]
    doc.ents = [doc.char_span(*char_offsets(TEXT, phrase, nth), label) for phrase, nth, label in ents]
    doc._.relations = relations
    return doc


def test_the_parenthesised_alternative_of_a_held_title_is_held_too():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "title_alternatives")
    roe, smith = char_offsets(TEXT, "Jane Q. Roe", 2), char_offsets(TEXT, "John Smith", 2)
    cfo, pfo = char_offsets(TEXT, "Chief Financial Officer"), char_offsets(TEXT, "Principal Financial Officer")
    president = char_offsets(TEXT, "President")
    model = {(roe, cfo): {"HAS_TITLE": 0.9}, (smith, president): {"HAS_TITLE": 0.8}}
    doc = step(_doc(nlp, model))
    # a title on the next line is no parenthesised alternative: the model's pairs stay as they are
    assert doc._.relations == {**model, (roe, pfo): {"HAS_TITLE": 1.0}}


def test_nothing_is_added_without_a_held_title():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "title_alternatives")
    assert step(_doc(nlp, {}))._.relations == {}
