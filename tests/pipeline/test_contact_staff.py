"""The contact_staff step: names in a contact block with no title and no other mention are no officers."""
from __future__ import annotations

from spacy.training import Example

import spacy
from conftest import add_rule_step, after_step, doc_with_guesses

RELEASE = (
    "Quillon Mining Inc. announced today that it closed its offering.\n\n"
    "“We are pleased,” said Harriet Voss, Chief Executive Officer.\n\n"
    "Contacts\n\nTeodor Brask\nVorn Communications\ntbrask@vorncomms.example\n\n"
    "Lyle Brandt, Chief Financial Officer\n414-555-0100\n\n"
    "Élodie Roe\nGroup Head of Treasury\n\n"
    "Harriet Voss\nhvoss@quillon.example\n"
)
GUESSES = [("Harriet Voss", "OFFICER"), ("Chief Executive Officer", "TITLE"), ("Teodor Brask", "OFFICER"),
           ("Lyle Brandt", "OFFICER"), ("Chief Financial Officer", "TITLE"), ("Élodie Roe", "OFFICER"),
           ("Harriet Voss", "OFFICER", 2)]


def test_an_untitled_contact_named_nowhere_else_is_dropped_and_officers_stay():
    found = after_step("contact_staff", RELEASE, *GUESSES)
    officers = sorted(text for text, label in found if label == "OFFICER")
    # the agency's contact goes; a title found, title words the recognizer missed, or the name
    # quoted as an officer elsewhere keep the others
    assert officers == ["Harriet Voss", "Lyle Brandt", "Élodie Roe"]


def test_names_outside_contact_blocks_are_left_alone():
    text = "Teodor Brask of Vorn Communications attended the meeting.\n"
    assert after_step("contact_staff", text, ("Teodor Brask", "OFFICER")) == {("Teodor Brask", "OFFICER")}


def test_stays_off_for_training_data_without_titles():
    nlp = spacy.blank("en")
    step = add_rule_step(nlp, "contact_staff")
    reference = doc_with_guesses(nlp, "Jane Roe spoke.", ("Jane Roe", "OFFICER"))
    step.initialize(lambda: [Example(nlp.make_doc("Jane Roe spoke."), reference)])
    assert step.active is False
    doc = doc_with_guesses(nlp, RELEASE, *GUESSES)
    assert len([e for e in step(doc).ents if e.label_ == "OFFICER"]) == 5


def test_a_titled_contact_of_another_company_is_no_officer():
    text = ("Quillon Mining Inc. announced today that it closed its offering.\n\n"
            "Investor Relations Contact:\n\nTeodor Brask, CEO\n\nVorn Advisory, Inc.\n\ntbrask@vorn.example\n\n"
            "Company Contact:\n\nLyle Brandt, Chief Financial Officer\n\nQuillon Mining Inc.\n\n"
            "Media Contact:\n\nÉlodie Roe, Director\n\nQuillon\n")
    found = after_step("contact_staff", text, ("Quillon Mining Inc.", "ISSUER"), ("Teodor Brask", "OFFICER"),
                       ("CEO", "TITLE"), ("Lyle Brandt", "OFFICER"), ("Chief Financial Officer", "TITLE"),
                       ("Quillon Mining Inc.", "ISSUER", 2), ("Élodie Roe", "OFFICER"), ("Director", "TITLE"))
    # the agency's chief goes; the issuer's entry keeps its officer, and a word without a company word names no company
    assert sorted(name for name, label in found if label == "OFFICER") == ["Lyle Brandt", "Élodie Roe"]
