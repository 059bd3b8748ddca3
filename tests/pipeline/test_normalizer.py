from __future__ import annotations

import pytest
import spacy

from nlp.pipeline.normalizer import trim_span
from conftest import char_offsets, doc_with_guesses


def _normalize(text, *guesses):
    """The entities the normalizer makes of the recognizer's `guesses` (as doc_with_guesses takes them)."""
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    return normalizer(doc_with_guesses(nlp, text, *guesses)).ents


def _normalized(text, *guesses):
    """The texts of the entities the normalizer keeps."""
    return [e.text for e in _normalize(text, *guesses)]


def _span(text, start_text, label="TITLE"):
    doc = spacy.blank("en")(text)
    return doc.char_span(text.index(start_text), len(text), label, alignment_mode="expand")


def test_a_price_or_sum_guess_leaves_out_the_per_of_its_unit():
    text = "Units sold at a price of USD$0.45 per share for $2 million per tranche."
    assert _normalized(text, ("USD$0.45 per", "PRICE"), ("$2 million per", "AMOUNT")) == ["USD$0.45", "$2 million"]


def test_an_entity_stops_at_a_blank_line():
    assert trim_span(_span("Lyle Brandt, Executive Chairman\n\nPhone", "Executive")).text == "Executive Chairman"
    assert trim_span(_span("By: Chief Executive\n \nOfficer", "Chief")).text == "Chief Executive"


def test_single_line_breaks_and_legal_periods_stay():
    assert trim_span(_span("Title: Chief Financial\nOfficer", "Chief")).text == "Chief Financial\nOfficer"
    assert trim_span(_span("shares of Acme Inc.", "Acme", "ISSUER")).text == "Acme Inc."


def test_edge_punctuation_is_trimmed_and_nothing_left_gives_none():
    assert trim_span(_span("the “Acme Corp”,", "“", "ISSUER")).text == "Acme Corp"
    assert trim_span(_span("text ,.", ",", "ISSUER")) is None


def test_a_leading_article_is_trimmed():
    assert trim_span(_span("of The Quillon Exploration Company", "The", "ISSUER")).text == "Quillon Exploration Company"
    assert trim_span(_span("of THE QUILLON TRUST", "THE", "ISSUER")).text == "QUILLON TRUST"
    assert trim_span(_span("report of Theron Mills", "Theron", "ISSUER")).text == "Theron Mills"


def test_the_component_sets_values():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    doc = nlp.make_doc("raising $9 million\n\nin gross proceeds")
    doc.ents = [doc.char_span(8, len(doc.text), "AMOUNT", alignment_mode="expand")]
    doc = normalizer(doc)
    assert [e.text for e in doc.ents] == ["$9 million"]
    assert doc.ents[0]._.value["amount"] == "9000000"


def test_a_security_keeps_the_series_and_maturity_that_follow_it():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = ("Acme sold 4.375% Senior Notes due 2029, Notes due March 15, 2031 and Notes due to demand, "
            "then Junior Notes, Series A due 2055 and Junior Notes, Series B in 2031.")
    doc = nlp.make_doc(text)
    starts = [text.index("4.375%"), text.index("Notes due March"), text.index("Notes due to"),
              text.index("Junior Notes, Series A"), text.index("Junior Notes, Series B")]
    ends = [text.index(" due 2029"), text.index(" due March"), text.index(" due to"),
            text.index(", Series A"), text.index(", Series B")]
    doc.ents = [doc.char_span(a, b, "SECURITY") for a, b in zip(starts, ends)]
    assert [e.text for e in normalizer(doc).ents] == [
        "4.375% Senior Notes due 2029", "Notes due March 15, 2031", "Notes", "Junior Notes, Series A due 2055",
        "Junior Notes, Series B"]


def test_a_sum_or_count_keeps_its_scale_word_and_a_price_so_scaled_is_a_sum():
    text = "Quillon sold 2,996,667  million\nshares at $3.00 per share, raising US$2.25 billion and $4.5\nMillion."
    guesses = [("2,996,667", "QUANTITY"), ("$3.00", "PRICE"), ("US$2.25", "PRICE"), ("$4.5", "AMOUNT")]
    assert [(e.text, e.label_) for e in _normalize(text, *guesses)] == [
        ("2,996,667  million", "QUANTITY"), ("$3.00", "PRICE"), ("US$2.25 billion", "AMOUNT"), ("$4.5\nMillion", "AMOUNT")]


def test_a_name_keeps_its_generational_suffix_and_stops_before_it_is_written_again():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "/s/ Odell J. Praske, Jr.\nLYLE BRANDT Lyle Brandt\nConrad Ashby\nConrad Ashby, Secretary"
    doc = nlp.make_doc(text)
    spans = [("Odell J. Praske", "Odell J. Praske"), ("LYLE BRANDT Lyle", "LYLE BRANDT Lyle"),
             ("Conrad Ashby\nConrad", "Conrad Ashby\nConrad")]
    doc.ents = [doc.char_span(text.index(a), text.index(a) + len(b), "OFFICER") for a, b in spans]
    assert [e.text for e in normalizer(doc).ents] == ["Odell J. Praske, Jr.", "LYLE BRANDT", "Conrad Ashby"]


def _normalized_securities(text, offsets):
    """The SECURITY spans at `offsets` after the normalizer."""
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(start, end, "SECURITY") for start, end in offsets]
    return [e.text for e in normalizer(doc).ents]


def test_a_security_takes_in_the_class_words_written_before_it():
    text = ("Each unit holds one Common Share purchase warrant and five-year warrants; Acme agreed to "
            "purchase warrants of a series of senior notes.")
    nouns = [("warrant and", "warrant"), ("warrants;", "warrants"), ("warrants of", "warrants"),
             ("senior notes", "senior notes")]
    offsets = [(text.index(a), text.index(a) + len(b)) for a, b in nouns]
    assert _normalized_securities(text, offsets) == [
        "Common Share purchase warrant", "five-year warrants", "warrants", "senior notes"]


def test_a_security_takes_in_the_words_of_the_term_the_text_defines_for_it():
    text = ("Quillon offers debentures (the “Offered Debentures”). The Offered Debentures bear interest; "
            "Old Debentures and Offered Shares do not.")
    offsets = [char_offsets(text, "Debentures", k) for k in (1, 2, 3)] + [char_offsets(text, "Shares")]
    assert _normalized_securities(text, offsets) == ["Offered Debentures", "Offered Debentures", "Debentures",
                                                     "Shares"]


def test_a_security_takes_in_the_broker_coupon_and_rate_words_before_it_but_not_transferability():
    text = ("Agents got non-transferable broker warrants and finder’s warrants; holders of warrants vote on "
            "7.125% fixed-to-fixed rate subordinated notes due 2055 and floating rate green notes.")
    offsets = [char_offsets(text, "warrants", k) for k in (1, 2, 3)] + [
        char_offsets(text, "subordinated notes"), char_offsets(text, "notes", 2)]
    assert _normalized_securities(text, offsets) == [
        "broker warrants", "finder’s warrants", "warrants", "7.125% fixed-to-fixed rate subordinated notes due 2055",
        "floating rate green notes"]


def test_a_security_takes_in_the_words_after_it_that_make_it_a_longer_class():
    text = ("Each unit holds one common share purchase warrant, Class A common stock-purchase warrants "
            "due 2030 and common stock equivalents; the common stock trades as usual.")
    guesses = ["common share", "Class A common stock", "common stock equivalents", "common stock trades"]
    offsets = [char_offsets(text, g) for g in guesses[:2]] + [
        (text.index("common stock equivalents"), text.index(" equivalents")),
        (text.index("common stock trades"), text.index(" trades"))]
    assert _normalized_securities(text, offsets) == [
        "common share purchase warrant", "Class A common stock-purchase warrants due 2030",
        "common stock equivalents", "common stock"]


def test_a_security_takes_in_the_words_after_it_of_the_term_the_text_defines():
    text = ("Quillon offers debentures convertible into its shares (the “Debenture Shares”) under a "
            "loan (the “Share Lending Agreement”). The Debenture Shares are listed; a Debenture Holder votes; "
            "the Share Lending Agreement ends.")
    offsets = [char_offsets(text, "Debenture", 2), char_offsets(text, "Debenture", 3),
               char_offsets(text, "Share", 4)]
    assert _normalized_securities(text, offsets) == ["Debenture Shares", "Debenture", "Share"]


def test_a_price_or_sum_guess_without_a_figure_is_dropped_but_a_count_in_words_stays():
    text = "Prices assume CAD $3.00/Mcf and US$ 70 per barrel; four million shares were sold for $ in cash."
    guesses = [("CAD $", "PRICE"), ("US$ 70", "PRICE"), ("four million", "QUANTITY"), ("$", "AMOUNT", 3)]
    assert _normalized(text, *guesses) == ["US$ 70", "four million"]


def test_a_security_guess_ends_at_its_noun_and_goes_without_one():
    text = ("Each Unit Carries One Class A Share and one warrant to buy one Class B Share per warrant at "
            "USD$0.40 per share, paid from the Term Loan facility; the Notes due 2031 and PreferredShares follow.")
    guesses = ["Unit Carries One", "Class B Share per warrant", "USD$0.40 per share", "Term Loan", "Notes due 2031",
               "PreferredShares"]
    assert _normalized_securities(text, [char_offsets(text, g) for g in guesses]) == [
        "Unit", "Class B Share", "Notes due 2031", "PreferredShares"]


def test_an_agent_guess_describing_the_firm_before_it_is_dropped():
    text = "placed by Corby & Vorn, A Tarnwell Company, and Lisle Capital, a leading bank, with Harbor Securities."
    names = ("Corby & Vorn", "Tarnwell Company", "Lisle Capital", "Harbor Securities")
    assert _normalized(text, *[(name, "AGENT") for name in names]) == ["Corby & Vorn", "Lisle Capital", "Harbor Securities"]


def test_no_entity_stands_in_a_releases_dateline():
    text = ("Quillon Appoints Jane Roe as President\n\nWEST ORRIN PARK, Mich., June 03, 2025 (GLOBE NEWSWIRE) -- "
            "Quillon Inc. named Jane Roe its President.")
    guesses = [("WEST ORRIN PARK", "TITLE"), ("Quillon Inc.", "ISSUER"), ("Jane Roe", "OFFICER", 2)]
    assert _normalized(text, *guesses) == ["Quillon Inc.", "Jane Roe"]


def test_an_officer_guess_holding_a_company_or_document_word_is_dropped():
    text = "Signed by Odell A. Praske for Quillon Royalty Trust under 18 U.S.C. Section 1350, with Vorn Capital."
    names = ["Odell A. Praske", "Royalty Trust", "U.S.C. Section", "Vorn Capital"]
    assert _normalized(text, *[(name, "OFFICER") for name in names]) == ["Odell A. Praske"]


def test_an_officer_guess_on_a_firm_named_after_people_is_dropped():
    text = ("Jane Roe, P.C. and Tarnwell Lafren, LLP are counsel; Vorn & Company, Inc. advised. "
            "Orrin Vale, CEO, and Ida Lafren, Jr. signed.")
    names = ["Jane Roe", "Tarnwell Lafren", "Vorn", "Orrin Vale", "Ida Lafren, Jr."]
    assert _normalized(text, *[(name, "OFFICER") for name in names]) == ["Orrin Vale", "Ida Lafren, Jr."]


def test_an_issuer_guess_that_is_a_generic_word_alone_is_dropped():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "The Registrant, Quillon Bank and the Bank filed."
    doc = nlp.make_doc(text)
    names = [("Registrant", "Registrant"), ("Quillon Bank", "Quillon Bank"), ("Bank filed", "Bank")]
    doc.ents = [doc.char_span(text.index(a), text.index(a) + len(b), "ISSUER") for a, b in names]
    assert [e.text for e in normalizer(doc).ents] == ["Quillon Bank"]


def _issuer_guesses(text, guesses):
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(a), text.index(a) + len(b), "ISSUER") for a, b in guesses]
    return [e.text for e in normalizer(doc).ents]


def test_an_issuer_guess_opening_a_longer_company_name_takes_the_whole_name():
    text = "Zephrany said so. Shares of Zephrany Pharmaceuticals AG rose."
    assert _issuer_guesses(text, [("Zephrany said", "Zephrany"), ("Zephrany Pharma", "Zephrany")]) == [
        "Zephrany", "Zephrany Pharmaceuticals AG"]
    # the longer name is one the exhibit gives its issuer: "Vornex Therapeutics" of "... Holding AG"
    text = "Vornex Therapeutics Holding AG announced. Vornex Therapeutics said."
    guesses = [("Vornex Therapeutics Holding AG", "Vornex Therapeutics Holding AG"), ("Vornex Therapeutics said", "Vornex")]
    assert _issuer_guesses(text, guesses) == ["Vornex Therapeutics Holding AG", "Vornex Therapeutics"]


def test_a_company_name_taken_longer_leaves_the_sentence_its_period():
    text = "Zephrany said so. It is a trademark of Zephrany Pharmaceuticals. Shares of Zephrany Labs Co. rose."
    guesses = [("Zephrany said", "Zephrany"), ("Zephrany Pharma", "Zephrany"), ("Zephrany Labs", "Zephrany")]
    assert _issuer_guesses(text, guesses) == ["Zephrany", "Zephrany Pharmaceuticals", "Zephrany Labs Co."]


def test_a_company_name_taken_twice_in_one_span_is_two_mentions():
    text = "About Zephrany Mining\nZephrany Mining is an explorer. About ZEPHRANY Zephrany: none."
    guesses = [("Zephrany Mining\nZephrany Mining", "Zephrany Mining\nZephrany Mining"),
               ("ZEPHRANY Zephrany", "ZEPHRANY Zephrany")]
    assert _issuer_guesses(text, guesses) == ["Zephrany Mining", "Zephrany Mining", "ZEPHRANY", "Zephrany"]
    # a name whose halves differ stays whole
    assert _issuer_guesses("Zephrany Zephrany Mining", [("Zephrany Zephrany Mining", "Zephrany Zephrany Mining")]) == [
        "Zephrany Zephrany Mining"]


def test_an_issuer_short_form_opening_another_company_name_is_dropped():
    text = "Tarnwell Bankshares, Inc. owns Tarnwell Bank & Trust. Tarnwell grew."
    guesses = [("Tarnwell Bankshares, Inc.", "Tarnwell Bankshares, Inc."), ("Tarnwell Bank &", "Tarnwell"),
               ("Tarnwell grew", "Tarnwell")]
    assert _issuer_guesses(text, guesses) == ["Tarnwell Bankshares, Inc.", "Tarnwell"]


def test_the_component_sets_sentences_from_segments_without_cutting_an_entity():
    text = "Acme Corp. sold stock. It raised $5 million.\n\nJohn Smith\n\nChief Executive Officer"
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_normalizer")
    assert [s.text.strip() for s in nlp(text).sents] == [
        "Acme Corp. sold stock.", "It raised $5 million.", "John Smith\n\nChief Executive Officer"]
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("stock."), text.index(" $5"), "TITLE")]  # across the first end
    doc = nlp.get_pipe("exhibit_normalizer")(doc)
    assert [s.text.strip() for s in doc.sents][0].endswith("sold stock. It raised")
    off = spacy.blank("en")
    off.add_pipe("exhibit_normalizer", config={"segments": False})
    assert not off(text).has_annotation("SENT_START")


def test_titles_joined_by_a_slash_are_one_title():
    text = "Ada Quill, CEO/CTO of Quillon, and Tom Fry, President / Director, spoke."
    guesses = [("CEO", "TITLE"), ("CTO", "TITLE"), ("President", "TITLE"), ("Director", "TITLE")]
    assert _normalized(text, *guesses) == ["CEO/CTO", "President", "Director"]


def test_an_agent_guess_joining_two_firms_with_and_is_two_agents():
    text = "The offering was led by Vorn Securities and Tarnwell & Co. LLC. Lafren and Company advised."
    assert _normalized(text, ("Vorn Securities and Tarnwell & Co. LLC", "AGENT"), ("Lafren and Company", "AGENT")) == [
        "Vorn Securities", "Tarnwell & Co. LLC", "Lafren and Company"]


def test_a_joined_title_of_the_undersigned_two_officers_is_two_titles():
    statement = "Certification of Chief Executive Officer and Chief Financial Officer\n\n"
    signatures = "/s/ Ada Quill\nAda Quill\n\n/s/ Tom Fry\nTom Fry\nChief Executive Officer and Chief Medical Officer\n"
    guesses = [("Chief Executive Officer and Chief Financial Officer", "TITLE"), ("Ada Quill", "OFFICER", 2),
               ("Tom Fry", "OFFICER", 2), ("Chief Executive Officer and Chief Medical Officer", "TITLE")]
    assert _normalized(statement + signatures, *guesses) == [
        "Chief Executive Officer", "Chief Financial Officer", "Ada Quill", "Tom Fry",
        "Chief Executive Officer and Chief Medical Officer"]
    # with one officer, the joined title is that officer's
    one = statement + "/s/ Ada Quill\nAda Quill\n"
    assert _normalized(one, guesses[0], guesses[1]) == ["Chief Executive Officer and Chief Financial Officer", "Ada Quill"]


def test_a_name_closed_by_its_legal_suffix_takes_no_company_word_and_a_place_is_no_company():
    text = "Quillon Banc, Inc. Company Contact: Jane Roe. Quillon Banc, Inc., headquartered in Quillon, Ohio, grew."
    guesses = [("Quillon Banc, Inc.", "ISSUER"), ("Quillon", "ISSUER", 3)]
    assert _normalized(text, *guesses) == ["Quillon Banc, Inc."]


def test_a_title_guess_on_an_agents_role_goes_but_a_trusts_general_agent_stays():
    text = "Vorn Securities and the Co-Lead Agents agreed. Roy Fry, General Agent, signed. The Co-Lead Agents closed."
    guesses = [("Co-Lead Agents", "TITLE"), ("General Agent", "TITLE"), ("Co-Lead", "TITLE", 2)]
    assert _normalized(text, *guesses) == ["General Agent"]


def test_a_title_guess_across_a_blank_line_is_two_titles_when_the_second_part_is_one():
    text = "Name: Ada Quill\n\nTitle: Chairman of the Board and\n\n  Chief Executive Officer\n\n  Dated: May 1"
    guesses = [("Chairman of the Board and\n\n  Chief Executive Officer\n\n  Dated", "TITLE")]
    assert _normalized(text, *guesses) == ["Chairman of the Board", "Chief Executive Officer"]


def test_a_security_guess_opening_with_the_issuers_possessive_name_is_the_issuer_and_the_security():
    text = "Quillon Holdings grew. The shares of Quillon Holdings’s Common Stock and of Vorn's Class B Shares rose."
    guesses = [("Quillon Holdings", "ISSUER"), ("Quillon Holdings’s Common Stock", "SECURITY"),
               ("Vorn's Class B Shares", "SECURITY")]
    assert [(e.text, e.label_) for e in _normalize(text, *guesses)] == [
        ("Quillon Holdings", "ISSUER"), ("Quillon Holdings", "ISSUER"), ("Common Stock", "SECURITY"),
        ("Vorn's Class B Shares", "SECURITY")]


def test_an_officer_guess_after_the_article_names_a_party_not_a_person():
    text = 'It leases from Vorn Park (the "Landlord"). The Landlord agreed, said Ada Quill.'
    guesses = [("Landlord", "OFFICER"), ("Landlord", "OFFICER", 2), ("Ada Quill", "OFFICER")]
    assert _normalized(text, *guesses) == ["Ada Quill"]


def test_a_one_word_officer_guess_takes_its_hyphened_first_name_whole():
    # the accent as a combining mark, as some exhibits write it
    text = "Contact: Mr. Jean-Se\u0301verin Quill\nVice President. Ada Quill-Roe said."
    guesses = [("Jean", "OFFICER"), ("Ada Quill", "OFFICER")]
    assert _normalized(text, *guesses) == ["Jean-Se\u0301verin Quill", "Ada Quill"]


def test_a_one_word_officer_guess_after_an_honorific_takes_the_surname_after_it():
    text = "It announced the resignation of Ms. Lee Vorn. We thank Ms. Lee Vorn's team. Mr. Tom Announces more."
    guesses = [("Lee", "OFFICER"), ("Lee", "OFFICER", 2), ("Tom", "OFFICER")]
    assert _normalized(text, *guesses) == ["Lee Vorn", "Lee Vorn", "Tom"]


def test_a_one_word_officer_guess_takes_a_first_name_glued_to_the_company_before_it():
    text = "Company Contact:\n\nQuillon Mining Corp.Ada Roe, ChairE-mail: ada@quillon.com"
    assert _normalized(text, ("Roe", "OFFICER")) == ["Ada Roe"]


def test_an_officer_guess_opening_with_a_glued_contact_heading_starts_after_it():
    from spacy.util import registry

    nlp = spacy.blank("en")
    nlp.tokenizer = registry.tokenizers.get("exhibit.Tokenizer.v4")()(nlp)  # splits "MediaAda"
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "For further information, please contact:\n\nMediaAda Roe, CEO of Quillon."
    doc = normalizer(doc_with_guesses(nlp, text, ("MediaAda Roe", "OFFICER")))
    assert [e.text for e in doc.ents] == ["Ada Roe"]


def test_an_officer_guess_leaves_out_its_honorific_as_the_guide_asks():
    text = "Dr. Ada Quill, Chief Executive Officer, and Dr Tom Fry joined. Dr. Quill spoke at Dr. Pepper Arena."
    assert _normalized(text, ("Dr. Ada Quill", "OFFICER"), ("Dr Tom Fry", "OFFICER"), ("Dr. Quill", "OFFICER"),
                       ("Dr. Pepper Arena", "ISSUER")) == ["Ada Quill", "Tom Fry", "Quill", "Dr. Pepper Arena"]


def test_a_guess_across_a_column_gap_is_one_per_column():
    text = ("/s/ Ada Quill            /s/ Tom Fry\n"
            "Ada Quill\t\tTom Fry\n"
            "Chief Executive Officer      Chief Financial Officer\n"
            "Quillon Inc.\n           Vice President\n")
    guesses = [("Ada Quill\t\tTom Fry", "OFFICER"), ("Chief Executive Officer      Chief Financial Officer", "TITLE"),
               ("Vice President", "TITLE")]
    # a line's indentation is no column gap
    assert _normalized(text, *guesses) == ["Ada Quill", "Tom Fry", "Chief Executive Officer", "Chief Financial Officer",
                                           "Vice President"]


@pytest.mark.parametrize("text, guess, expected", [
    ("Quillon has appointed Ada Roe as Chief Marketing Officer and Tom Fry as Chief Revenue Officer.",
     "Chief Marketing Officer and Tom Fry", [("Chief Marketing Officer", "TITLE"), ("Tom Fry", "OFFICER")]),
    ("Quillon named Ada Roe, CEO & Founder, and Tom Fry, Chief Growth Officer, to its board.",
     "CEO & Founder, and Tom Fry, Chief Growth Officer",
     [("CEO & Founder", "TITLE"), ("Tom Fry", "OFFICER"), ("Chief Growth Officer", "TITLE")]),
    # a company after the joiner is cut off the title but is no officer
    ("Ada Roe served Vorn (as Chairman, and Tarnwell Holdings) for years.",
     "Chairman, and Tarnwell Holdings", [("Chairman", "TITLE")]),
])
def test_a_title_guess_running_into_the_next_persons_name_stops_before_it(text, guess, expected):
    assert [(e.text, e.label_) for e in _normalize(text, (guess, "TITLE"))] == expected


def test_a_title_guess_takes_its_last_word_unless_another_entity_holds_it():
    text = "Quillon named Ada Roe Chief Human Resources Officer and sold Officer Warrants."
    assert _normalized(text, ("Chief Human Resources", "TITLE")) == ["Chief Human Resources Officer"]
    text = "Quillon sold Chief Human Resources Officer Warrants."  # an entity on the word keeps it
    assert _normalized(text, ("Chief Human Resources", "TITLE"), ("Officer Warrants", "SECURITY")) == [
        "Chief Human Resources", "Officer Warrants"]


@pytest.mark.parametrize("text, guess, expected", [
    # a first name before the one-word guess inside a sentence is the name's
    ("Quillon appointed clinical psychologist Ada Roe, PsyD, as its director.", "Roe", "Ada Roe"),
    ("Grounded in these principles, Ada Roe is well suited to lead Quillon.", "Roe", "Ada Roe"),
    ("Quillon has named Chief Financial Officer Ada Roe to its board.", "Roe", "Ada Roe"),
    # at a sentence's start a capitalized word is no first name, nor is a title or company word
    ("Quillon grew. With Roe’s appointment it will grow more.", "Roe", "Roe"),
    ("Quillon appointed Chief Roe and Vorn Capital Roe.", "Roe", "Roe"),
    # nor one after an article, in title-case text, a possessive or an honorific without its period
    ("Quillon funds the Heart Association every year.", "Association", "Association"),
    ("Quillon Unveils Vorn Center for Research", "Vorn", "Vorn"),
    ("Quillon opened the Botanist’s Solon store.", "Solon", "Solon"),
    ("He will report to Mr Roe from June.", "Roe", "Roe"),
])
def test_a_one_word_officer_guess_takes_the_first_name_before_it_inside_a_sentence(text, guess, expected):
    assert _normalized(text, (guess, "OFFICER")) == [expected]
