from __future__ import annotations

from conftest import after_step, char_offsets, texts_at

from nlp.pipeline.officer_titles import officer_title_spans

# invented text: every way a release writes a title right after the name, and two it must not take
RELEASE = (
    "“We grew,” said Ada Quill, CEO. Tom Fry, President and Chief Executive Officer of Orvane Inc., "
    "spoke. Lena Berg (CFO) signed; Omar Diaz - Chief Legal Officer. Ivo Link, Orvane’s "
    "Chief Operating Officer, agreed. Rosa Vey, Partner at Bellwood Advisors, advised. "
    "Kai Moss, who joined in May, left."
)


def _entities(*guesses):
    return [(*char_offsets(RELEASE, phrase), label) for phrase, label in guesses]


def test_titles_after_a_comma_a_parenthesis_a_dash_and_an_issuer_possessive():
    ents = _entities(("Ada Quill", "OFFICER"), ("Tom Fry", "OFFICER"), ("Orvane Inc.", "ISSUER"),
                     ("Lena Berg", "OFFICER"), ("Omar Diaz", "OFFICER"), ("Ivo Link", "OFFICER"))
    # Ivo Link's employer is the second "Orvane" of the text
    ents.append((*char_offsets(RELEASE, "Orvane", 2), "ISSUER"))
    assert texts_at(RELEASE, officer_title_spans(RELEASE, ents)) == [
        "CEO", "President and Chief Executive Officer", "CFO", "Chief Legal Officer",
        "Chief Operating Officer"]


def test_a_title_held_at_another_company_and_words_that_are_no_title_give_nothing():
    ents = _entities(("Rosa Vey", "OFFICER"), ("Kai Moss", "OFFICER"))
    assert officer_title_spans(RELEASE, ents) == []


def test_a_person_named_with_a_title_held_at_another_company_is_no_officer_there():
    text = ("Ada Quill, CEO of Vorn Mining, said. Tom Fry, CFO of the Company, signed. "
            "Lena Berg, Chief Financial Officer of Orvane Inc., agreed. Ivo Link, Vice President of Finance, left. "
            "Rosa Vey, Chair of Orvane’s Audit Committee, spoke.")
    found = after_step("officer_titles", text, ("Ada Quill", "OFFICER"), ("CEO", "TITLE"), ("Tom Fry", "OFFICER"),
                       ("Lena Berg", "OFFICER"), ("Orvane", "ISSUER"), ("Ivo Link", "OFFICER"), ("Rosa Vey", "OFFICER"))
    # the issuer by its generic name, by a mention or by a name the recognizer missed keeps its officers
    assert {name for name, label in found if label == "OFFICER"} == {"Tom Fry", "Lena Berg", "Ivo Link", "Rosa Vey"}
    assert ("CEO", "TITLE") not in found


def test_a_title_the_recognizer_found_is_left_alone():
    ents = _entities(("Ada Quill", "OFFICER"), ("CEO", "TITLE"))
    assert officer_title_spans(RELEASE, ents) == []


def test_the_step_labels_the_title():
    assert after_step("officer_titles", RELEASE, ("Lena Berg", "OFFICER")) == {
        ("Lena Berg", "OFFICER"), ("CFO", "TITLE")}


def test_the_role_an_appointee_is_given():
    text = ("Orvane Appoints Ada Quill as Chief Financial Officer\n\nOrvane Inc. announced the promotion "
            "of Tom Fry to Executive Vice President. It appointed Lena Berg as its new Chief Operating "
            "Officer. Omar Diaz as Chief Legal Officer was not appointed.")
    ents = [(*char_offsets(text, name), "OFFICER") for name in ("Ada Quill", "Tom Fry", "Lena Berg", "Omar Diaz")]
    assert texts_at(text, officer_title_spans(text, ents)) == [
        "Chief Financial Officer", "Executive Vice President", "Chief Operating Officer"]


def test_an_appointment_to_the_board_names_no_title():
    text = "Orvane Appoints Ada Quill to Board of Directors"
    assert officer_title_spans(text, [(*char_offsets(text, "Ada Quill"), "OFFICER")]) == []


def test_a_title_written_before_the_name_after_the_issuer_or_a_verb():
    text = ("“We grew,” said Orvane CEO Ada Quill. The board thanked CFO Tom Fry. "
            "Bellwood Advisors CEO Rosa Vey advised.")
    ents = [(*char_offsets(text, phrase), label) for phrase, label in (
        ("Orvane", "ISSUER"), ("Ada Quill", "OFFICER"), ("Tom Fry", "OFFICER"), ("Rosa Vey", "OFFICER"))]
    # Rosa Vey's title is held at another company: no TITLE
    assert texts_at(text, officer_title_spans(text, ents)) == ["CEO", "CFO"]


def test_a_certifications_signer_stays_an_officer_whatever_company_the_title_names():
    import spacy

    from conftest import add_rule_step, doc_with_guesses

    text = ("CERTIFICATION PURSUANT TO 18 U.S.C. SECTION 1350\n\n"
            "I, Ada Quill, Vice President of Vorn Trust Company, as Trustee of the Quillon Royalty Trust, "
            "certify that the Annual Report of the Trust on Form 10-K fully complies with Section 13(a).\n\n"
            "/s/ Ada Quill\n")
    nlp = spacy.blank("en")
    marker = nlp.add_pipe("exhibit_structure")
    rule = add_rule_step(nlp, "officer_titles")
    doc = marker(doc_with_guesses(nlp, text, ("Ada Quill", "OFFICER"), ("Quillon Royalty Trust", "ISSUER")))
    assert ("Ada Quill", "OFFICER") in {(e.text, e.label_) for e in rule(doc).ents}


def test_a_title_guess_held_at_another_company_goes_in_a_release():
    text = ("Quillon Mining Inc. named Ada Quill Chair of the Board. She served as Chief Executive Officer of "
            "Vorn Metals and as Vice President of Finance at Quillon.")
    found = after_step("officer_titles", text, ("Quillon Mining Inc.", "ISSUER"), ("Ada Quill", "OFFICER"),
                       ("Chair", "TITLE"), ("Chief Executive Officer", "TITLE"), ("Vice President", "TITLE"))
    titles = {name for name, label in found if label == "TITLE"}
    assert "Chief Executive Officer" not in titles and {"Chair", "Vice President"} <= titles


def test_a_title_glued_to_the_name_or_to_the_next_contact_word_by_text_extraction():
    text = ("For further information:\n\nAda QuillPresident and CEOTelephone: 555-0100Email: ada@orvane.com\n\n"
            "Orvane Inc.Tom Fry, Chief Financial OfficerPhone: 555-0101")
    ents = [(*char_offsets(text, name), "OFFICER") for name in ("Ada Quill", "Tom Fry")]
    assert texts_at(text, officer_title_spans(text, ents)) == ["President and CEO", "Chief Financial Officer"]


def test_a_title_of_the_issuers_generic_name_is_taken_one_of_another_body_is_not():
    text = "I, Ada Quill, Chief Executive Officer of the Company, certify. Vorn named Tom Fry, Chair of Lafren Mining."
    ents = [(*char_offsets(text, name), "OFFICER") for name in ("Ada Quill", "Tom Fry")]
    assert texts_at(text, officer_title_spans(text, ents)) == ["Chief Executive Officer"]


def test_an_employee_plans_certifying_titles():
    text = ("I, Ada Quill, Administrative Trustee of the Plan, certify. Tom Fry, as Administrator of the Plan, "
            "and Omar Diaz, as a member, certify.")
    ents = [(*char_offsets(text, name), "OFFICER") for name in ("Ada Quill", "Tom Fry", "Omar Diaz")]
    assert texts_at(text, officer_title_spans(text, ents)) == ["Administrative Trustee", "Administrator"]


def test_a_person_after_another_companys_title_is_no_officer_in_a_release():
    text = ("“We grew,” said Quillon CEO Ada Quill. The team, with Vorn Capital President Tom Fry and LFR "
            "President Lena Berg, met. * Current CFO Omar Diaz stays.")
    found = after_step("officer_titles", text, ("Quillon", "ISSUER"), ("Ada Quill", "OFFICER"), ("Tom Fry", "OFFICER"),
                       ("Lena Berg", "OFFICER"), ("Omar Diaz", "OFFICER"))
    assert {name for name, label in found if label == "OFFICER"} == {"Ada Quill", "Omar Diaz"}
