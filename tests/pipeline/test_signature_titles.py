from __future__ import annotations

import spacy
from conftest import char_offsets

from nlp.pipeline.signature_titles import signature_title_spans

BLOCKS = ("/s/ Barry M. Portnoy\n\nBarry M. Portnoy\n\nManaging Trustee\n\n"
          "/s/ Jane Roe\nJane Roe\nChief Executive\nOfficer\n\n"
          "Mark Hughes said the Company grew.\nInvestor Relations\n")


def _entities(*names):
    return [(*char_offsets(BLOCKS, name, nth), "OFFICER") for name, nth in names]


def test_the_title_line_under_a_printed_name():
    ents = _entities(("Barry M. Portnoy", 1), ("Barry M. Portnoy", 2), ("Jane Roe", 1), ("Jane Roe", 2),
                     ("Mark Hughes", 1))
    found = [BLOCKS[a:b] for a, b in signature_title_spans(BLOCKS, ents)]
    # a wrapped title ("Chief Executive\nOfficer") and a name inside prose give nothing
    assert found == ["Managing Trustee"]


def test_a_line_already_labelled_is_left_alone():
    ents = _entities(("Barry M. Portnoy", 2)) + [(*char_offsets(BLOCKS, "Managing Trustee"), "TITLE")]
    assert signature_title_spans(BLOCKS, ents) == []


def test_component_adds_the_title():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("exhibit_signature_titles")
    doc = nlp.make_doc(BLOCKS)
    doc.ents = [doc.char_span(*char_offsets(BLOCKS, "Barry M. Portnoy", 2), "OFFICER")]
    assert [(e.text, e.label_) for e in component(doc).ents] == [
        ("Barry M. Portnoy", "OFFICER"), ("Managing Trustee", "TITLE")]
