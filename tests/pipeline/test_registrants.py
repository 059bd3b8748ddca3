from __future__ import annotations

import pytest
import spacy

from nlp.pipeline.registrants import registrant_name_spans
from conftest import add_rule_step, doc_with_guesses


def _names(text):
    return [text[a:b] for a, b in registrant_name_spans(text)]


@pytest.mark.parametrize("text, expected", [
    ("In connection with the Quarterly Report of Northfen Savings Bancorp, Inc. (the\n“Company”) on Form 10-Q",
     ["Northfen Savings Bancorp, Inc."]),
    ("1. I have reviewed this annual report on Form 10-K of Quillon Corporation;\n", ["Quillon Corporation"]),
    ("I, Jane Roe, Chief Executive Officer of Wexmoor, Inc. (the \"Company\"), certify",
     ["Wexmoor, Inc."]),
    ("has been provided to Halvern Corporation and will be retained by Halvern Corporation and furnished",
     ["Halvern Corporation", "Halvern Corporation"]),
    ("the financial condition and results of operations of Bexley\nMinerals, Inc.\nBy:\n/s/ Lyle Brandt",
     ["Bexley\nMinerals, Inc."]),
    # generic words for the registrant and a sentence end are not names
    ("results of operations of the Company.\nNovember 6, 2008", []),
    ("the Quarterly Report of the Trust on Form 10-Q", []),
    ("Interim Chief Financial Officer of the Issuer, hereby certify", []),
    # a no-break space, a defined term for the report, the filing company, a name before the dates
    ("this annual report on Form\xa010-K of Quillon,\xa0Inc.;\n", ["Quillon,\xa0Inc."]),
    ("Annual Report on Form 10-K for the year ended May 2, 2021 (the “report”) of Marlow & Finch (the "
     "“Company”);", ["Marlow & Finch"]),
    ("In connection with the filing by Tarnwell Realty Trust (the “Trust”) of the Annual Report",
     ["Tarnwell Realty Trust"]),
    ("the financial condition and results of operations of Bexley\nMinerals Company at the dates and for "
     "the periods", ["Bexley\nMinerals Company"]),
    # another title of an officer before "of" the registrant, with its defined term
    ("The undersigned, Jane Roe, President of Tarnwell Income Fund (the “Fund”), hereby certifies",
     ["Tarnwell Income Fund"]),
    ("Quillon appointed Tom Fry to its Board of Directors (the “Board”) and named him Chair of Audit.", []),
    # a name in capitals keeps its suffix after the comma, and its period
    ("In connection with the Quarterly Report of QUILLON MEDICAL SYSTEMS, INC. (the \"Company\") on Form 10-Q",
     ["QUILLON MEDICAL SYSTEMS, INC."]),
    ("1. I have reviewed this annual report on Form 10-K of VORN MINING LTD.;\n2. Based on my knowledge",
     ["VORN MINING LTD."]),
    # a name opening with a lower-case prefix before a capital
    ("1. I have reviewed this report on Form 10-K of iQuill Inc.;\n2. Based on my knowledge", ["iQuill Inc."]),
    # an employee plan's annual report on Form 11-K
    ("In connection with the annual report on Form 11-K of the Quillon, Inc. 401(k) Plan (the Plan) for the year",
     ["Quillon, Inc. 401(k) Plan"]),
    ("fairly presents the net assets available for benefits of the Vorn Corporation Savings and Investment Plan.\n",
     ["Vorn Corporation Savings and Investment Plan"]),
])
def test_certification_phrases_name_the_registrant(text, expected):
    assert _names(text) == expected


@pytest.mark.parametrize("text, name, guessed_label", [
    ("In connection with the filing of the Annual Report of Senior Care Realty Trust (the “Company”)",
     "Senior Care Realty Trust", "TITLE"),
    ("I have reviewed this report on Form 10-Q of Marlow & Finch (the “Company”);", "Marlow & Finch", "AGENT"),
    ("I have reviewed this annual report on Form 10-K of Quillon Corporation;", "Quillon Corporation", "OFFICER"),
    ("I have reviewed this annual report on Form 10-K of Quillon Water Company, Inc.;",
     "Quillon Water Company, Inc.", "SECURITY"),
])
def test_the_registrant_replaces_a_title_bank_or_person_guess(text, name, guessed_label):
    nlp = spacy.blank("en")
    registrants = add_rule_step(nlp, "registrants")
    doc = doc_with_guesses(nlp, text, (name, guessed_label))
    assert [(e.text, e.label_) for e in registrants(doc).ents] == [(name, "ISSUER")]
