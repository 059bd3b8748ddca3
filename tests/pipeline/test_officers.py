from __future__ import annotations

import spacy
from spacy.training import Example

from nlp.pipeline.officers import officer_name_spans

CERT = (
    "CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350\n\n"
    "I, Nogi A. Asp, Chief Financial Officer of BSQUARE Corporation, certify that the report "
    "fully complies with the requirements.\n\n"
    "Date: November 14, 2003\n\n"
    "/s/ W. Thomas\nAmick\n"
    "Chief Executive Officer\n\n"
    "By: /s/ George W. Kinne, Jr.\n"
    "Name: Andrew J. McMonigle\n"
    "Title: Vice President and Treasurer\n"
)


def _names(text):
    return [text[s:e] for s, e in officer_name_spans(text)]


def test_finds_the_names_certification_phrases_mark():
    assert _names(CERT) == ["Nogi A. Asp", "W. Thomas\nAmick", "George W. Kinne, Jr.", "Andrew J. McMonigle"]


def test_a_title_on_the_next_line_is_not_taken_into_the_name():
    assert _names("/s/ John Sheffield\nChief Financial Officer\n") == ["John Sheffield"]
    assert _names("/s/ Craig G. Litchfield\nDate\n") == ["Craig G. Litchfield"]


def test_no_name_in_ordinary_prose():
    assert _names("I, too, think so. The /s/ mark is used in filings, said Mr. Smith.") == []


def test_replaces_a_shorter_officer_guess_but_not_another_label():
    nlp = spacy.blank("en")
    officers = nlp.add_pipe("exhibit_officers")
    doc = nlp.make_doc(CERT)
    w = CERT.index("W. Thomas")
    andrew = CERT.index("J. McMonigle")
    title = CERT.index("George")
    doc.ents = [doc.char_span(w, w + len("W. Thomas"), "OFFICER"),
                doc.char_span(andrew, andrew + len("J. McMonigle"), "OFFICER"),
                doc.char_span(title, title + len("George"), "TITLE")]
    doc = officers(doc)
    found = {(e.text, e.label_) for e in doc.ents}
    assert ("W. Thomas\nAmick", "OFFICER") in found
    assert ("Andrew J. McMonigle", "OFFICER") in found
    assert ("Nogi A. Asp", "OFFICER") in found
    assert ("George", "TITLE") in found and not any(t.startswith("George W.") for t, _ in found)


def test_stays_off_for_data_without_officers(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_officers")
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


def test_a_certifying_name_taken_for_an_issuer_becomes_an_officer():
    nlp = spacy.blank("en")
    officers = nlp.add_pipe("exhibit_officers")
    doc = nlp.make_doc(CERT)
    nogi = CERT.index("Nogi A. Asp")
    doc.ents = [doc.char_span(nogi, nogi + len("Nogi A. Asp"), "ISSUER")]
    assert [(e.text, e.label_) for e in officers(doc).ents if e.start_char == nogi] == [("Nogi A. Asp", "OFFICER")]
