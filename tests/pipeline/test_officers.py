from __future__ import annotations

import pytest
import spacy
from spacy.training import Example

from nlp.pipeline.officers import officer_name_spans
from conftest import add_rule_step, doc_with_guesses

CERT = (
    "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350\n\n"
    "I, Harriet P. Voss, Chief Financial Officer of QUILLON Corporation, certify that the report "
    "fully complies with the requirements.\n\n"
    "Date: November 14, 2003\n\n"
    "/s/ R. Ellis\nTamworth\n"
    "Chief Executive Officer\n\n"
    "By: /s/ Conrad W. Ashby, Jr.\n"
    "Name: Odell J. McAlistair\n"
    "Title: Vice President and Treasurer\n"
)


def _names(text):
    return [text[s:e] for s, e in officer_name_spans(text)]


def test_finds_the_names_certification_phrases_mark():
    assert _names(CERT) == ["Harriet P. Voss", "R. Ellis\nTamworth", "Conrad W. Ashby, Jr.", "Odell J. McAlistair"]


def test_a_title_on_the_next_line_is_not_taken_into_the_name():
    assert _names("/s/ Lyle Brandt\nChief Financial Officer\n") == ["Lyle Brandt"]
    assert _names("/s/ Teodor G. Brask\nDate\n") == ["Teodor G. Brask"]


def test_a_signature_after_a_date_on_its_line_and_in_accented_capitals():
    assert _names("Date: May 2, 2023 /S/ HARRIET P. VOSS\nHarriet P. Voss\n") == ["HARRIET P. VOSS"]
    assert _names("/s/ ÉLODIE BRASK\nName: Élodie Brask\n") == ["ÉLODIE BRASK", "Élodie Brask"]
    assert _names("I, Ángel Tamworth Ruiz, certify that") == ["Ángel Tamworth Ruiz"]


def test_a_signature_name_on_the_next_line_or_wrapped_after_its_first_word():
    assert _names("/s/\nLyle Brandt\nChief Executive Officer\n") == ["Lyle Brandt"]
    assert _names("/s/ Lyle\nG. Brandt\n/s/Odell\nMcAlistair\n") == ["Lyle\nG. Brandt", "Odell\nMcAlistair"]
    # a lone surname over a title is no wrapped name
    assert _names("/s/ Brandt\nChief Executive Officer\n") == []


def test_a_name_typed_again_under_the_signature_does_not_continue_it():
    assert _names("/s/ Lyle Brandt\nLyle\nBrandt\nChief Financial Officer\n") == ["Lyle Brandt"]


def test_no_name_in_ordinary_prose():
    assert _names("I, too, think so. The /s/ mark is used in filings, said Mr. Smith.") == []


def test_replaces_a_shorter_officer_guess_but_not_another_label():
    nlp = spacy.blank("en")
    officers = add_rule_step(nlp, "officers")
    doc = nlp.make_doc(CERT)
    w = CERT.index("R. Ellis")
    odell = CERT.index("J. McAlistair")
    title = CERT.index("Conrad")
    doc.ents = [doc.char_span(w, w + len("R. Ellis"), "OFFICER"),
                doc.char_span(odell, odell + len("J. McAlistair"), "OFFICER"),
                doc.char_span(title, title + len("Conrad"), "TITLE")]
    doc = officers(doc)
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("R. Ellis\nTamworth", "OFFICER") in found
    assert ("Odell J. McAlistair", "OFFICER") in found
    assert ("Harriet P. Voss", "OFFICER") in found
    assert ("Conrad", "TITLE") in found and not any(t.startswith("Conrad W.") for t, _ in found)


def test_stays_off_for_data_without_officers(tmp_path):
    nlp = spacy.blank("en")
    add_rule_step(nlp, "officers")
    reference = nlp.make_doc("Barack Obama visited Paris.")
    reference.ents = [reference.char_span(0, 12, "PER")]
    nlp.initialize(lambda: [Example(nlp.make_doc(reference.text), reference)])
    assert list(nlp(CERT).ents) == []
    nlp.to_disk(tmp_path / "m")
    assert list(spacy.load(tmp_path / "m")(CERT).ents) == []


def test_finds_officers_quoted_in_press_releases():
    text = ("“We are pleased,” said Jane Q. Public, Chief Executive Officer of Acme Corp. "
            "Dr. John Roe, the Company's President, added that the offering closed.\n"
            "Vice President, Chief Financial Officer\n")
    assert _names(text) == ["Jane Q. Public", "John Roe"]


@pytest.mark.parametrize("text, names", [
    # a title held at a company named before it
    ("Lyle Brandt, Quillon’s President and Chief Executive Officer, said", ["Lyle Brandt"]),
    # the title before the name
    ("commented Quillon CEO and Founder Élodie Brask. “We", ["Élodie Brask"]),
    ("will report to Chief Executive Officer Teodor Brask and", ["Teodor Brask"]),
    # a new role
    ("Quillon Appoints Harriet Voss as Chief Product Officer\n", ["Harriet Voss"]),
    ("announced the election of Conrad Ashby to its Board of Directors", ["Conrad Ashby"]),
    # the title in parentheses
    ("the shares went to a company held by Lyle Brandt (CEO) and to", ["Lyle Brandt"]),
    ("Chief Financial Officer (CFO) Lyle", []),
    # several new roles at once
    ("Quillon Appoints Harriet Voss and Conrad Ashby to Board of Directors\n", ["Harriet Voss", "Conrad Ashby"]),
    ("announced the appointments of Harriet Voss, Lyle Brandt and Conrad Ashby to the board",
     ["Harriet Voss", "Lyle Brandt", "Conrad Ashby"]),
    # a contact block: the title on the next line or after a semicolon, not a heading line
    ("Contacts\n\nMr. Teodor Brask\n\nChief Financial Officer\n\n414-555-0100", ["Teodor Brask"]),
    ("CONTACTS\n\nHarriet Voss; EVP, Chief Financial Officer & Treasurer", ["Harriet Voss"]),
    ("Investor Relations Contact\nVice President\nQuillon Mining Inc.\nChief Executive Officer", []),
    # the title glued to the name by text extraction, after a dash, "its", credentials, or opened
    # by a word such as Head, VP or Independent
    ("COMPANY CONTACT\n\nHarriet VossChief Financial OfficerTel: 414-555-0100", ["Harriet Voss"]),
    ("INVESTOR CONTACT:Teodor Brask - Head of Investor Relations", ["Teodor Brask"]),
    ("the team is led by Lyle Brandt, its Chief Executive Officer, and", ["Lyle Brandt"]),
    ("announced that Conrad Ashby, Ph.D., President and Chief Executive Officer, will", ["Conrad Ashby"]),
    ("Contacts: Élodie Brask, CFA Vice President, Investor Relations", ["Élodie Brask"]),
    ("with Odell Praske, Independent director for Quillon", ["Odell Praske"]),
    ("thanked Harriet Voss, VP of Sales", ["Harriet Voss"]),
    # no name: a title followed by its company or a first name alone, a verb other than an appointment's
    ("said the Chief Executive Officer of Quillon Mining.", []),
    ("thanked President Lyle, who", []),
    ("Quillon acquires Vorn Minerals as a subsidiary", []),
])
def test_finds_officers_named_in_release_phrases(text, names):
    assert _names(text) == names


@pytest.mark.parametrize("guess, label", [("P. Voss", "AGENT"), ("Harriet P. Voss", "ISSUER")])
def test_a_certifying_name_taken_for_a_bank_or_issuer_becomes_an_officer(guess, label):
    nlp = spacy.blank("en")
    officers = add_rule_step(nlp, "officers")
    doc = officers(doc_with_guesses(nlp, CERT, (guess, label)))
    signer = CERT.index("Harriet P. Voss")
    assert [(e.text, e.label_) for e in doc.ents if e.end_char == signer + len("Harriet P. Voss")] == [
        ("Harriet P. Voss", "OFFICER")]


def test_the_members_of_a_board_listed_in_one_sentence_are_officers():
    text = ("Quillon Acquisition Corp. is led by its CEO. In addition, the Board includes Jane Doe, "
            "John Roe, Ann Poe and Kai Moss.\nIts board of advisors includes Vorn Capital and Bexley.")
    found = [text[a:b] for a, b in officer_name_spans(text)]
    assert found == ["Jane Doe", "John Roe", "Ann Poe", "Kai Moss"]
