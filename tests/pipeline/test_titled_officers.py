from __future__ import annotations

import pytest
import spacy
from conftest import add_rule_step, char_offsets, doc_with_guesses

from nlp.pipeline.titled_officers import titled_officer_pairs


def _entities(text, *items):
    """(start, end, label) of each (phrase, label) or (phrase, label, nth) item."""
    return [(*char_offsets(text, phrase, *nth), label) for phrase, label, *nth in items]


@pytest.mark.parametrize("text, items", [
    ("said Jane Roe, Chief Executive Officer of Quillon.",
     [("Jane Roe", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Quillon", "ISSUER")]),
    ("Jane Roe, President at the Quillon Bank, said.",
     [("Jane Roe", "OFFICER"), ("President", "TITLE"), ("Quillon Bank", "ISSUER")]),
    ("said Jane Roe, Quillon’s chief executive officer.",
     [("Jane Roe", "OFFICER"), ("Quillon", "ISSUER"), ("chief executive officer", "TITLE")]),
    ("Quillon's CEO, Jane Roe, said.", [("Quillon", "ISSUER"), ("CEO", "TITLE"), ("Jane Roe", "OFFICER")]),
    ("Quillon CFO Jane Roe added.", [("Quillon", "ISSUER"), ("CFO", "TITLE"), ("Jane Roe", "OFFICER")]),
])
def test_a_title_phrase_ties_the_name_to_the_issuer(text, items):
    entities = _entities(text, *items)
    officer = next((a, b) for a, b, label in entities if label == "OFFICER")
    issuer = next((a, b) for a, b, label in entities if label == "ISSUER")
    assert titled_officer_pairs(text, entities) == [(officer, issuer)]


@pytest.mark.parametrize("text, items", [
    # other words between: no fixed phrase
    ("Jane Roe, who was Chief Executive Officer of Quillon, left.",
     [("Jane Roe", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Quillon", "ISSUER")]),
    ("Jane Roe and Quillon's CEO met.", [("Jane Roe", "OFFICER"), ("Quillon", "ISSUER"), ("CEO", "TITLE")]),
    # the company after the title is no ISSUER
    ("Jane Roe, Chief Executive Officer of Vorn Capital, invested.",
     [("Jane Roe", "OFFICER"), ("Chief Executive Officer", "TITLE")]),
])
def test_no_pair_outside_the_fixed_phrases(text, items):
    assert titled_officer_pairs(text, _entities(text, *items)) == []


def test_step_adds_its_pairs_to_the_models():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "titled_officers")
    text = "Quillon CFO Jane Roe said Tom Fry, President of Quillon, agreed."
    doc = doc_with_guesses(nlp, text, ("Quillon", "ISSUER"), ("CFO", "TITLE"), ("Jane Roe", "OFFICER"),
                           ("Tom Fry", "OFFICER"), ("President", "TITLE"), ("Quillon", "ISSUER", 2))
    quillon, jane = char_offsets(text, "Quillon"), char_offsets(text, "Jane Roe")
    tom, quillon2 = char_offsets(text, "Tom Fry"), char_offsets(text, "Quillon", 2)
    doc._.relations = {(tom, quillon2): {"OFFICER_OF": 0.8}}
    assert step(doc)._.relations == {(tom, quillon2): {"OFFICER_OF": 1.0}, (jane, quillon): {"OFFICER_OF": 1.0}}
