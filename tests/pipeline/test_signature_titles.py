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


COLUMNS = ("each of the undersigned certifies.\n\n/s/ Barry M. Portnoy\n\n/s/ David J. Hegarty\n\n"
           "Barry M. Portnoy\n\nDavid J. Hegarty\n\nManaging Trustee\n\nPresident and Chief Operating Officer\n")


def test_block_pairs_the_nth_printed_name_with_the_nth_title():
    from nlp.pipeline.signature_titles import block_title_pairs

    officers = [char_offsets(COLUMNS, n, k) for n in ("Barry M. Portnoy", "David J. Hegarty") for k in (1, 2)]
    titles = [char_offsets(COLUMNS, "Managing Trustee"), char_offsets(COLUMNS, "President and Chief Operating Officer")]
    pairs = [(COLUMNS[h[0]:h[1]], h[0], COLUMNS[t[0]:t[1]]) for h, t in block_title_pairs(COLUMNS, officers, titles)]
    # the "/s/" marks hold no title; the printed names pair with the titles in order
    assert pairs == [("Barry M. Portnoy", officers[1][0], "Managing Trustee"),
                     ("David J. Hegarty", officers[3][0], "President and Chief Operating Officer")]


def test_block_titles_replace_the_models_pairs_for_those_titles_only():
    nlp = spacy.blank("en")
    component = nlp.add_pipe("exhibit_block_titles")
    doc = nlp.make_doc(COLUMNS)
    barry, david = char_offsets(COLUMNS, "Barry M. Portnoy", 2), char_offsets(COLUMNS, "David J. Hegarty", 2)
    trustee = char_offsets(COLUMNS, "Managing Trustee")
    president = char_offsets(COLUMNS, "President and Chief Operating Officer")
    doc.ents = [doc.char_span(*span, label) for span, label in
                ((barry, "OFFICER"), (david, "OFFICER"), (trustee, "TITLE"), (president, "TITLE"))]
    doc._.relations = {(david, trustee): {"HAS_TITLE": 0.9}, (barry, (0, 4)): {"OFFICER_OF": 0.8}}
    assert component(doc)._.relations == {
        (barry, (0, 4)): {"OFFICER_OF": 0.8},
        (barry, trustee): {"HAS_TITLE": 1.0}, (david, president): {"HAS_TITLE": 1.0}}


def test_stays_off_for_data_without_titles(tmp_path):
    from spacy.training import Example

    nlp = spacy.blank("en")
    component = nlp.add_pipe("exhibit_signature_titles")
    reference = nlp.make_doc("Barack Obama visited Paris.")
    reference.ents = [reference.char_span(0, 12, "OFFICER")]
    component.initialize(lambda: [Example(nlp.make_doc(reference.text), reference)])
    assert not component.active
    nlp.to_disk(tmp_path / "model")
    assert spacy.load(tmp_path / "model").get_pipe("exhibit_signature_titles").active is False
