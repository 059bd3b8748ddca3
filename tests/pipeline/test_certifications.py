from __future__ import annotations

import spacy
from spacy.training import Example

from conftest import char_offsets
from nlp.pipeline.certifications import certified_issuer_pairs, certifying_pairs
from conftest import add_rule_step


def _spans(text, *phrases):
    """Offsets of each phrase; "phrase#2" is its second occurrence."""
    return [char_offsets(text, p.partition("#")[0], int(p.partition("#")[2] or 1)) for p in phrases]


def _named(text, pairs):
    return sorted((text[o[0]:o[1]], text[r[0]:r[1]]) for o, r in pairs)


SECTION_302 = (
    "CERTIFICATION OF JANE Q. ROE PURSUANT TO RULE 13a-14(a)\n\n"
    "I, Jane Q. Roe, certify that:\n\n"
    "1. I have reviewed this quarterly report on Form 10-Q of Acme Widgets, Inc.;\n\n"
    "2. Based on my knowledge, this report does not contain any untrue statement.\n\n"
    "/s/ Jane Q. Roe\nJane Q. Roe\nChief Executive Officer\n"
)


def test_the_officer_named_in_the_statement_certifies_the_first_report_it_names():
    officers = _spans(SECTION_302, "JANE Q. ROE", "Jane Q. Roe", "Jane Q. Roe#2", "Jane Q. Roe#3")
    reports = _spans(SECTION_302, "quarterly report on Form 10-Q")
    pairs = certifying_pairs(SECTION_302, officers, reports)
    # the heading and the signature block mentions get no CERTIFIES
    assert pairs == [(officers[1], reports[0])]


UNDERSIGNED = (
    "In connection with the Annual Report of Acme Widgets, Inc. on Form 10-K for the year ended "
    "December 31, 2008 (the \"Report\"), each of the undersigned hereby certifies, that:\n\n"
    "(1) The Report fully complies with the Exchange Act; and\n\n"
    "(2) The information in the Report fairly presents the financial condition.\n\n"
    "/s/ John Smith\n\n/s/ Mary Jones\n\nJohn Smith\n\nMary Jones\n\n"
    "Chief Executive Officer\n\nChief Financial Officer\n"
)


def test_with_nobody_named_each_signature_blocks_printed_name_certifies():
    officers = _spans(UNDERSIGNED, "John Smith", "Mary Jones", "John Smith#2", "Mary Jones#2")
    reports = _spans(UNDERSIGNED, "Form 10-K")
    pairs = certifying_pairs(UNDERSIGNED, officers, reports)
    assert sorted(pairs) == [(officers[2], reports[0]), (officers[3], reports[0])]


def test_a_signature_mark_certifies_where_no_printed_name_follows():
    text = UNDERSIGNED.replace("John Smith\n\nMary Jones\n\n", "")
    officers = _spans(text, "John Smith", "Mary Jones")
    pairs = certifying_pairs(text, officers, _spans(text, "Form 10-K"))
    assert _named(text, pairs) == [("John Smith", "Form 10-K"), ("Mary Jones", "Form 10-K")]


TWO_STATEMENTS = (
    "I, Harriet P. Voss, certify that the Annual Report of Quillon Biotherapeutics, Inc. on Form 10-K "
    "fully complies with the Exchange Act.\n"
    "By:\n/s/\nHARRIET P. VOSS\nHarriet P. Voss\nChief Executive Officer\n"
    "I,\nConrad McAlistair, certify that the Annual Report of Quillon Biotherapeutics, Inc. on Form 10-K "
    "fully complies with the Exchange Act.\n"
    "By:\n/s/\nCONRAD MCALISTAIR\nConrad McAlistair\nChief Financial Officer\n"
)


def test_each_statement_pairs_its_own_officer_with_its_own_report():
    officers = _spans(TWO_STATEMENTS, "Harriet P. Voss", "HARRIET P. VOSS", "Harriet P. Voss#2",
                      "Conrad McAlistair", "CONRAD MCALISTAIR", "Conrad McAlistair#2")
    reports = _spans(TWO_STATEMENTS, "Form 10-K", "Form 10-K#2")
    pairs = certifying_pairs(TWO_STATEMENTS, officers, reports)
    assert sorted(pairs) == [(officers[0], reports[0]), (officers[3], reports[1])]


def test_a_report_named_in_the_introducing_sentence_counts():
    text = (
        "This Certification accompanies the Report of Tarnwell Corporation on Form 10-Q for the "
        "period ended September 30, 2009. The undersigned hereby certifies, with respect to the "
        "Report, that it fully complies.\n/s/Odell R. Praske\nOdell R. Praske\nChief Executive Officer\n"
    )
    officers = _spans(text, "Odell R. Praske", "Odell R. Praske#2")
    pairs = certifying_pairs(text, officers, _spans(text, "Form 10-Q"))
    assert _named(text, pairs) == [("Odell R. Praske", "Form 10-Q")]
    assert pairs[0][0] == officers[1]


def test_no_certifying_statement_gives_no_pairs():
    text = "Jane Roe, Chief Executive Officer, discussed the Quarterly Report on Form 10-Q."
    assert certifying_pairs(text, _spans(text, "Jane Roe"), _spans(text, "Form 10-Q")) == []


def test_a_certifying_verb_in_a_heading_is_no_statement():
    text = ("I HEREBY CERTIFY: FORM 10-Q OF ACME\n\n"
            "Jane Roe signed the Form 10-Q, which the company filed with the commission in May.\n")
    assert certifying_pairs(text, _spans(text, "Jane Roe"), _spans(text, "FORM 10-Q")) == []


def _doc_with(nlp, text, ents, relations):
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(s, e, label) for s, e, label in ents]
    doc._.relations = relations
    return doc


def test_component_replaces_the_models_certifies_and_keeps_other_labels():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "certifies")
    (name, heading, sig, printed), = [_spans(SECTION_302, "Jane Q. Roe", "JANE Q. ROE",
                                             "Jane Q. Roe#2", "Jane Q. Roe#3")]
    report, = _spans(SECTION_302, "quarterly report on Form 10-Q")
    title, = _spans(SECTION_302, "Chief Executive Officer")
    ents = [(*s, "OFFICER") for s in (heading, name, sig, printed)] + [(*report, "REPORT"), (*title, "TITLE")]
    wrong = {(sig, report): {"CERTIFIES": 0.9}, (printed, title): {"HAS_TITLE": 0.8}}
    doc = component(_doc_with(nlp, SECTION_302, ents, wrong))
    assert doc._.relations == {(printed, title): {"HAS_TITLE": 0.8}, (name, report): {"CERTIFIES": 1.0}}


def test_component_stays_off_for_data_without_the_relation():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "certifies")
    reference = nlp.make_doc("Barack Obama visited Paris.")
    reference._.relations = {((0, 12), (21, 26)): {"VISITED": 1.0}}
    component.initialize(lambda: [Example(nlp.make_doc(reference.text), reference)])
    assert not component.active
    doc = _doc_with(nlp, SECTION_302, [], {((0, 1), (2, 3)): {"CERTIFIES": 0.7}})
    assert component(doc)._.relations == {((0, 1), (2, 3)): {"CERTIFIES": 0.7}}


def test_component_round_trips_its_switch(tmp_path):
    nlp = spacy.blank("en")
    add_rule_step(nlp, "certifies").active = False
    nlp.to_disk(tmp_path / "model")
    assert spacy.load(tmp_path / "model").get_pipe("rules_certifies").step("certifies").active is False


JOINT = (
    "In connection with the Quarterly Report of Quillon Corp. (the “Company”) on Form 10-Q, I, Jane Q. Roe, "
    "Chief Executive Officer of the Company, and I, John Smith, Chief Financial Officer of Quillon Corp., "
    "certify that the Report fully complies with the Exchange Act.\n\n"
    "/s/ Jane Q. Roe\n/s/ John Smith\n\n"
    "A signed original has been provided to Quillon Corp.\n"
)


def test_certifying_officers_are_officers_of_the_issuer_their_statement_names():
    officers = _spans(JOINT, "Jane Q. Roe", "John Smith", "Jane Q. Roe#2", "John Smith#2")
    issuers = _spans(JOINT, "Quillon Corp.", "Quillon Corp.#2", "Quillon Corp.#3")
    pairs = certified_issuer_pairs(JOINT, officers, issuers)
    # the first naming in the statement, unless the officer's own words name the issuer
    assert pairs == [(officers[0], issuers[0]), (officers[1], issuers[1])]
    # a statement that names nobody leaves OFFICER_OF to the model
    assert certified_issuer_pairs(UNDERSIGNED, _spans(UNDERSIGNED, "John Smith", "Mary Jones"),
                                  _spans(UNDERSIGNED, "Form 10-K")) == []


def test_certified_issuers_step_decides_only_for_the_officers_it_pairs():
    nlp = spacy.blank("en")
    component = add_rule_step(nlp, "certified_issuers")
    roe, smith, sig_roe, sig_smith = _spans(JOINT, "Jane Q. Roe", "John Smith", "Jane Q. Roe#2", "John Smith#2")
    first, second, footer = _spans(JOINT, "Quillon Corp.", "Quillon Corp.#2", "Quillon Corp.#3")
    ents = [(*s, "OFFICER") for s in (roe, smith, sig_roe, sig_smith)] + [(*s, "ISSUER") for s in (first, second, footer)]
    model = {(roe, footer): {"OFFICER_OF": 0.7}, (sig_smith, footer): {"OFFICER_OF": 0.6}}
    doc = component(_doc_with(nlp, JOINT, ents, model))
    assert doc._.relations == {(sig_smith, footer): {"OFFICER_OF": 0.6}, (roe, first): {"OFFICER_OF": 1.0},
                               (smith, second): {"OFFICER_OF": 1.0}}
