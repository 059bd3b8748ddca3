from __future__ import annotations

import spacy
from conftest import char_offsets

from nlp.pipeline.signature_titles import signature_title_spans
from conftest import add_rule_step

BLOCKS = ("/s/ Harriet P. Voss\n\nHarriet P. Voss\n\nManaging Trustee\n\n"
          "/s/ Jane Roe\nJane Roe\nChief Executive\nOfficer\n\n"
          "Lyle Brandt said the Company grew.\nInvestor Relations\n")


def _entities(*names):
    return [(*char_offsets(BLOCKS, name, nth), "OFFICER") for name, nth in names]


def test_the_title_line_under_a_printed_name():
    ents = _entities(("Harriet P. Voss", 1), ("Harriet P. Voss", 2), ("Jane Roe", 1), ("Jane Roe", 2),
                     ("Lyle Brandt", 1))
    found = [BLOCKS[a:b] for a, b in signature_title_spans(BLOCKS, ents)]
    # a wrapped title ("Chief Executive\nOfficer") and a name inside prose give nothing
    assert found == ["Managing Trustee"]


def test_the_title_line_heading_an_area_under_a_contacts_name():
    text = "Media Contact\nTom Fry\nDirector of Sales & Marketing\ntom@quillon.example\n"
    ents = [(*char_offsets(text, "Tom Fry"), "OFFICER")]
    assert [text[a:b] for a, b in signature_title_spans(text, ents)] == ["Director of Sales & Marketing"]


def test_a_line_already_labelled_is_left_alone():
    ents = _entities(("Harriet P. Voss", 2)) + [(*char_offsets(BLOCKS, "Managing Trustee"), "TITLE")]
    assert signature_title_spans(BLOCKS, ents) == []


def test_component_adds_the_title():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "signature_titles")
    doc = nlp.make_doc(BLOCKS)
    doc.ents = [doc.char_span(*char_offsets(BLOCKS, "Harriet P. Voss", 2), "OFFICER")]
    assert [(e.text, e.label_) for e in component(doc).ents] == [
        ("Harriet P. Voss", "OFFICER"), ("Managing Trustee", "TITLE")]


COLUMNS = ("each of the undersigned certifies.\n\n/s/ Harriet P. Voss\n\n/s/ Conrad J. McAlistair\n\n"
           "Harriet P. Voss\n\nConrad J. McAlistair\n\nManaging Trustee\n\nPresident and Chief Operating Officer\n")


def test_block_pairs_the_nth_printed_name_with_the_nth_title():
    from nlp.pipeline.signature_titles import block_title_pairs

    officers = [char_offsets(COLUMNS, n, k) for n in ("Harriet P. Voss", "Conrad J. McAlistair") for k in (1, 2)]
    titles = [char_offsets(COLUMNS, "Managing Trustee"), char_offsets(COLUMNS, "President and Chief Operating Officer")]
    pairs = [(COLUMNS[h[0]:h[1]], h[0], COLUMNS[t[0]:t[1]]) for h, t in block_title_pairs(COLUMNS, officers, titles)]
    # the "/s/" marks hold no title; the printed names pair with the titles in order
    assert pairs == [("Harriet P. Voss", officers[1][0], "Managing Trustee"),
                     ("Conrad J. McAlistair", officers[3][0], "President and Chief Operating Officer")]


def test_block_titles_replace_the_models_pairs_for_those_titles_only():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "block_titles")
    doc = nlp.make_doc(COLUMNS)
    harriet, conrad = char_offsets(COLUMNS, "Harriet P. Voss", 2), char_offsets(COLUMNS, "Conrad J. McAlistair", 2)
    trustee = char_offsets(COLUMNS, "Managing Trustee")
    president = char_offsets(COLUMNS, "President and Chief Operating Officer")
    doc.ents = [doc.char_span(*span, label) for span, label in
                ((harriet, "OFFICER"), (conrad, "OFFICER"), (trustee, "TITLE"), (president, "TITLE"))]
    doc._.relations = {(conrad, trustee): {"HAS_TITLE": 0.9}, (harriet, (0, 4)): {"OFFICER_OF": 0.8}}
    assert component(doc)._.relations == {
        (harriet, (0, 4)): {"OFFICER_OF": 0.8},
        (harriet, trustee): {"HAS_TITLE": 1.0}, (conrad, president): {"HAS_TITLE": 1.0}}


def test_stays_off_for_data_without_titles(tmp_path):
    from spacy.training import Example

    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "signature_titles")
    reference = nlp.make_doc("Barack Obama visited Paris.")
    reference.ents = [reference.char_span(0, 12, "OFFICER")]
    component.initialize(lambda: [Example(nlp.make_doc(reference.text), reference)])
    assert not component.active
    nlp.to_disk(tmp_path / "model")
    assert spacy.load(tmp_path / "model").get_pipe("rules_signature_titles").step("signature_titles").active is False


SIDE_BY_SIDE = ("each of the undersigned certifies.\n\n/s/ Ada Quill\t\t/s/ Tom Fry\nAda Quill\t\tTom Fry\n"
                "Chief Executive Officer\t\tChief Financial Officer\n\n"
                "/s/ Lena Berg                      /s/ Ivo Link\n"
                "Name: Lena Berg                    Name: Ivo Link\n"
                "Title: Managing Trustee            Title: President\n")


def test_titles_under_names_printed_side_by_side():
    from nlp.pipeline.signature_titles import column_title_spans

    # the recognizer took both printed names for one guess, which the normalizer splits later
    ents = [(*char_offsets(SIDE_BY_SIDE, "Ada Quill\t\tTom Fry"), "OFFICER"),
            (*char_offsets(SIDE_BY_SIDE, "Chief Executive Officer"), "TITLE"),
            (*char_offsets(SIDE_BY_SIDE, "Lena Berg", 2), "OFFICER"), (*char_offsets(SIDE_BY_SIDE, "Ivo Link", 2), "OFFICER")]
    found = [SIDE_BY_SIDE[a:b] for a, b in column_title_spans(SIDE_BY_SIDE, ents)]
    assert found == ["Chief Financial Officer"]


def test_block_pairs_names_and_titles_printed_side_by_side_by_column():
    from nlp.pipeline.signature_titles import block_title_pairs, column_title_pairs

    officers = [char_offsets(SIDE_BY_SIDE, n, k) for n in ("Ada Quill", "Tom Fry", "Lena Berg", "Ivo Link") for k in (1, 2)]
    titles = [char_offsets(SIDE_BY_SIDE, t) for t in
              ("Chief Executive Officer", "Chief Financial Officer", "Managing Trustee", "President")]
    pairs = [(SIDE_BY_SIDE[h[0]:h[1]], h[0], SIDE_BY_SIDE[t[0]:t[1]])
             for h, t in column_title_pairs(SIDE_BY_SIDE, officers, titles)]
    # the printed names, not the "/s/" signatures, hold the titles in their columns
    assert pairs == [("Ada Quill", officers[1][0], "Chief Executive Officer"), ("Tom Fry", officers[3][0], "Chief Financial Officer"),
                     ("Lena Berg", officers[5][0], "Managing Trustee"), ("Ivo Link", officers[7][0], "President")]
    # nothing stands alone on its line: the stacked-block finder pairs none of them
    assert block_title_pairs(SIDE_BY_SIDE, officers, titles) == []
