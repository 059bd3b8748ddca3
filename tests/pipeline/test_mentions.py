from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from nlp.pipeline.mentions import first_name, issuer_seeds, short_forms
from conftest import add_rule_step, char_offsets, doc_with_guesses

TEXT = (
    "Vorn Minerals Closes Placement\n\n"
    "Vancouver — Vorn Minerals Ltd. (TSX-V: VRM) (“Vorn” or “the Company”) closed a placement. "
    "Vorn issued units, said Delia Brasker, CEO. Mr. Brasker thanked investors.\n\n"
    "About Vorn Minerals: visit www.vornminerals.com."
)


def _nlp():
    nlp = spacy.blank("en")
    add_rule_step(nlp, "mentions")
    return nlp


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_short_forms():
    assert short_forms("ISSUER", "Vorn Minerals Ltd.") == {"Vorn Minerals Ltd.", "Vorn Minerals"}
    assert short_forms("ISSUER", "Quillon Diagnostics, Inc.") == {"Quillon Diagnostics, Inc.", "Quillon Diagnostics"}
    assert short_forms("OFFICER", "Harriet P. Voss, Jr.") == {"Harriet P. Voss, Jr.", "Voss"}


def test_repeats_of_found_names_become_mentions_but_not_inside_urls():
    nlp = _nlp()
    doc = nlp.make_doc(TEXT)
    start = TEXT.index("Vorn Minerals Ltd.")
    officer = TEXT.index("Delia Brasker")
    doc.ents = [doc.char_span(start, start + 18, "ISSUER"), doc.char_span(officer, officer + 13, "OFFICER")]
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    found = _ents(doc)
    assert found.count(("Vorn Minerals", "ISSUER")) == 2  # headline and About section
    assert ("Brasker", "OFFICER") in found
    assert not any("vornminerals" in text for text, _ in found)


def test_issuer_seeds_from_the_names_the_text_marks_as_its_own():
    nlp = _nlp()
    doc = nlp(TEXT)  # no recognizer: no entities before the component
    seeds = [s.text for s in issuer_seeds(nlp.make_doc(TEXT))]
    assert seeds == ["Vorn Minerals Ltd.", "Vorn"]
    found = _ents(doc)
    assert ("Vorn Minerals Ltd.", "ISSUER") in found and found.count(("Vorn", "ISSUER")) == 2


def test_seeds_also_when_the_recognizer_took_another_name_for_the_issuer():
    nlp = _nlp()
    doc = nlp.make_doc(TEXT)
    doc.ents = [doc.char_span(*char_offsets(TEXT, "Vancouver"), "ISSUER"),
                doc.char_span(*char_offsets(TEXT, "Vorn", 4), "AGENT")]  # "Vorn issued units"
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc))
    assert ("Vorn Minerals Ltd.", "ISSUER") in found and ("Vancouver", "ISSUER") in found
    # a seed is only added where nothing was found; its repeats replace an AGENT guess
    assert found.count(("Vorn", "ISSUER")) == 2 and ("Vorn", "AGENT") not in found


@pytest.mark.parametrize("text, expected", [
    # a definition of many terms, generic words and terms after "the" left out
    ("TORONTO - Vorn Minerals Inc. (“Vorn”, “VMi”, the “Corporation”, or the “Company”) is pleased",
     ["Vorn Minerals Inc.", "Vorn", "VMi"]),
    # a definition before the exchange mark
    ("Feb. 3 — Quillon Brands, Inc. (“QBI”) (OTC PINK: QBIX), a maker of", ["QBI", "Quillon Brands, Inc."]),
    # a short name written as words right after the exchange mark; an abbreviation there is not taken
    ("Quillon Water Solutions Corporation (NYSE: QWS) (“Quillon Water”) today announced",
     ["Quillon Water Solutions Corporation", "Quillon Water"]),
    ("Quillon Brands Corporation (NYSE: QBC) (“QBC”) today announced", ["Quillon Brands Corporation"]),
])
def test_issuer_seeds_from_longer_definitions(text, expected):
    assert [s.text for s in issuer_seeds(spacy.blank("en").make_doc(text))] == expected


def test_a_seed_replaces_an_agent_guess_of_the_name():
    nlp = _nlp()
    text = "TORONTO - Vorn Minerals Inc. (“Vorn” or the “Company”) engaged Brask Capital. Vorn pays it."
    doc = doc_with_guesses(nlp, text, ("Vorn Minerals Inc.", "AGENT"), ("Brask Capital", "AGENT"))
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc))
    assert ("Vorn Minerals Inc.", "ISSUER") in found and ("Brask Capital", "AGENT") in found
    assert found.count(("Vorn", "ISSUER")) == 2


def test_a_definition_after_the_article_seeds_its_short_name():
    text = "Delia Brasker Corporation (NYSE: DBC) (the “Company” or “Delia Brasker”) priced shares."
    assert [s.text for s in issuer_seeds(spacy.blank("en").make_doc(text))] == [
        "Delia Brasker Corporation", "Delia Brasker"]


def test_a_company_word_outside_the_quoted_terms_defines_nothing():
    text = 'sold 900 shares at NOK 72.00 per Offer Share (the "Offer Price"), raising gross proceeds to the Company of NOK 9.'
    assert issuer_seeds(spacy.blank("en").make_doc(text)) == []


def test_a_company_named_after_a_person_takes_its_officer_guesses():
    # the text's own definition outweighs the recognizer's person at every repeat
    nlp = _nlp()
    text = ("Delia Brasker Corporation (NYSE: DBC) (the “Company” or “Delia Brasker”) priced shares. "
            "Delia Brasker will not receive proceeds. Harriet Voss, CEO, said so.")
    doc = doc_with_guesses(nlp, text, ("Delia Brasker Corporation", "OFFICER"), ("Delia Brasker", "OFFICER", 2),
                           ("Delia Brasker", "OFFICER", 3), ("Harriet Voss", "OFFICER"))
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc))
    assert ("Delia Brasker Corporation", "ISSUER") in found
    assert found.count(("Delia Brasker", "ISSUER")) == 2 and ("Delia Brasker", "OFFICER") not in found
    assert ("Harriet Voss", "OFFICER") in found


def test_the_issuer_cut_short_wins_over_an_earlier_officer_guess_of_the_same_words():
    nlp = _nlp()
    text = "Tarnwell Brands Repays Notes\n\nTarnwell Brands Inc. (NASDAQ: TBI) repaid notes. About Tarnwell Brands."
    doc = doc_with_guesses(nlp, text, ("Tarnwell Brands", "OFFICER"), ("Tarnwell Brands Inc.", "ISSUER"),
                           ("Tarnwell Brands", "OFFICER", 3))
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc))
    assert found.count(("Tarnwell Brands", "ISSUER")) == 2 and ("Tarnwell Brands", "OFFICER") not in found


@pytest.mark.parametrize("text, guess, expected", [
    # the recognizer cut the name's first word off: the seed lengthens it
    ("VANCOUVER - Blue Vorn Minerals Inc. (“Blue Vorn” or the “Company”) closed. Blue Vorn Minerals Inc. grew.",
     "Vorn Minerals Inc.", "Blue Vorn Minerals Inc."),
    # a heading word or a document phrase before the name is no part of it
    ("About Vorn Minerals Inc. (CSE: VRM) Vorn mines.", "Vorn Minerals Inc.", "Vorn Minerals Inc."),
    ("In connection with the Quarterly Report of Vorn Minerals Inc. (the “Company”) on Form 10-Q",
     "Vorn Minerals Inc.", "Vorn Minerals Inc."),
])
def test_a_seed_lengthens_an_issuer_guess_only_with_name_words(text, guess, expected):
    nlp = _nlp()
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc_with_guesses(nlp, text, (guess, "ISSUER"))))
    assert (expected, "ISSUER") in found
    assert not any(label == "ISSUER" and name.startswith(("About", "Quarterly")) for name, label in found)


def test_an_issuer_first_word_used_alone_is_a_short_form():
    from nlp.issuer_names import leading_word_forms

    text = ("Kestrow Aerospace Inc. priced its offering. Kestrow will list its shares. "
            "Kestrow builds rockets. First Capital Corp. advised; it was the first deal.")
    forms = {"Kestrow Aerospace": "ISSUER", "First Capital": "ISSUER", "Jane Doe": "OFFICER"}
    assert leading_word_forms(forms, text) == {"Kestrow"}   # "first" is an ordinary word here
    # three capitals are an abbreviation; three letters in title case are too often a word
    text = "VXR Holdings, LLC bought a shredder. VXR grew. VXR's clients stay. Ana Corp. met Ana."
    assert leading_word_forms({"VXR Holdings": "ISSUER", "Ana Corp.": "ISSUER"}, text) == {"VXR"}
    # a sum taken for a name gives no short form: "NOK" is no company
    text = "at NOK 72.00 per share. NOK is the currency. NOK 5 million."
    assert leading_word_forms({"NOK 72.00": "ISSUER"}, text) == set()
    # capitals with a digit are no ordinary word, however short ("Q7" of "Q7 Labs")
    text = "Q7 Labs opened a gym. Q7 members train daily. Q7 grew; see q7labs.com."
    assert leading_word_forms({"Q7 Labs": "ISSUER"}, text) == {"Q7"}


def test_a_surname_counts_alone_but_not_inside_another_name():
    nlp = _nlp()
    text = "Harry Voss sells shares. Voss said so. The Voss Entities and the Voss family hold shares."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 10, "OFFICER")]
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert [(e.start_char, e.text) for e in doc.ents] == [(0, "Harry Voss"), (text.index("Voss said"), "Voss")]


@pytest.mark.parametrize("name, text, expected", [
    ("Harriet Voss", "Harriet joined in May.", "Harriet"),
    ("Harriet Voss, Jr.", "Harriet joined in May.", "Harriet"),
    # a word the text also writes in lower case is no first name there; nor is an initial
    ("Will Voss", "Will Voss will lead the team.", None),
    # an e-mail address is no use of the word in lower case
    ("Harriet Voss", "Harriet joined. harriet.voss@quillon.com, harriet@quillon.com", "Harriet"),
    ("Will Voss", "Will will lead. will.voss@quillon.com", None),
    ("W. Voss", "W. joined.", None),
    ("HARRIET VOSS", "HARRIET joined.", None),
    ("Voss", "Voss joined.", None),
])
def test_first_name(name, text, expected):
    assert first_name(name, text) == expected


def test_a_first_name_counts_alone_but_not_before_another_name():
    nlp = _nlp()
    text = "Harriet Voss joins Quillon. “Harriet brings depth,” he said. Harriet Lane agreed; Harriet’s plan."
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc_with_guesses(nlp, text, ("Harriet Voss", "OFFICER")))
    assert [(e.start_char, e.text) for e in doc.ents] == [
        (0, "Harriet Voss"), (text.index("Harriet brings"), "Harriet"), (text.index("Harriet’s"), "Harriet")]


def test_a_first_name_that_is_a_word_of_a_company_name_is_left_to_the_company():
    nlp = _nlp()
    text = "Quillon Voss spoke for Quillon Mining Corp. Quillon grew."
    doc = doc_with_guesses(nlp, text, ("Quillon Voss", "OFFICER"), ("Quillon Mining Corp.", "ISSUER"))
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert ("Quillon", "OFFICER") not in {(e.text, e.label_) for e in doc.ents}


def test_a_first_name_takes_the_place_of_one_word_issuer_guesses_on_it_and_elsewhere():
    nlp = _nlp()
    text = "Harriet Voss joins. Harriet said so. Harriet agreed."
    doc = doc_with_guesses(nlp, text, ("Harriet Voss", "OFFICER"), ("Harriet", "ISSUER", 2))
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Harriet Voss", "OFFICER"), ("Harriet", "OFFICER"), ("Harriet", "OFFICER")]


def test_a_shorter_guess_inside_a_repeat_of_the_name_gives_way_to_it():
    nlp = _nlp()
    text = "/s/ Delia\nR. Brasker\nDelia\nR. Brasker\nPresident; Vorn Minerals and Vorn are one."
    doc = nlp.make_doc(text)
    second = text.index("R. Brasker\nPresident")
    vorn = text.index("Vorn")
    doc.ents = [doc.char_span(4, 4 + len("Delia\nR. Brasker"), "OFFICER"),
                doc.char_span(second, second + len("R. Brasker"), "OFFICER"),
                doc.char_span(vorn, vorn + 4, "TITLE")]
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert ("Delia\nR. Brasker", "OFFICER") in _ents(doc)
    assert ("R. Brasker", "OFFICER") not in _ents(doc)
    assert [e.start_char for e in doc.ents if e.label_ == "OFFICER"] == [4, second - len("Delia\n")]
    assert ("Vorn", "TITLE") in _ents(doc)  # another label is never replaced


def test_a_repeat_of_an_officer_name_replaces_an_agent_guess():
    nlp = _nlp()
    text = "/s/ Delia R. Brasker\nDelia R. Brasker\nPresident"
    doc = nlp.make_doc(text)
    second = text.rindex("Delia")
    doc.ents = [doc.char_span(4, 4 + 16, "OFFICER"), doc.char_span(second, second + 16, "AGENT")]
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert _ents(doc) == [("Delia R. Brasker", "OFFICER"), ("Delia R. Brasker", "OFFICER")]


@pytest.mark.parametrize("text, guesses, expected", [
    # an officer's full name recurs in capitals over the signature, not in lower case
    ("/S/ DELIA R. BRASKER\nDelia R. Brasker\nPresident of the delia r. brasker fund",
     [("Delia R. Brasker", "OFFICER")],
     [("DELIA R. BRASKER", "OFFICER"), ("Delia R. Brasker", "OFFICER")]),
    # an issuer name of two words or more recurs in capitals; a one-word name does not
    ("VORN MINERALS LTD.\nVorn Minerals Ltd. and Quarto report. QUARTO is a fund.",
     [("Vorn Minerals Ltd.", "ISSUER"), ("Quarto", "ISSUER")],
     [("VORN MINERALS LTD.", "ISSUER"), ("Vorn Minerals Ltd.", "ISSUER"), ("Quarto", "ISSUER")]),
])
def test_a_name_of_two_words_or_more_recurs_in_another_case(text, guesses, expected):
    nlp = _nlp()
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc_with_guesses(nlp, text, *guesses))
    assert _ents(doc) == expected


def test_the_issuer_name_without_its_suffix_replaces_an_officer_guess_but_a_full_name_does_not():
    nlp = _nlp()
    text = ("Tarnwell Brands Corporation priced notes. Tarnwell Brands will use the proceeds. "
            "Harriet Voss said Harriet Voss agreed.")
    doc = doc_with_guesses(nlp, text, ("Tarnwell Brands Corporation", "ISSUER"), ("Tarnwell Brands", "OFFICER", 2),
                           ("Harriet Voss", "ISSUER"), ("Harriet Voss", "OFFICER", 2))
    found = _ents(nlp.get_pipe("rules_mentions").step("mentions")(doc))
    assert ("Tarnwell Brands", "ISSUER") in found and ("Tarnwell Brands", "OFFICER") not in found
    assert ("Harriet Voss", "OFFICER") in found  # the guess equals an issuer guess as written: kept


@pytest.mark.parametrize("text, officer, expected", [
    # a board or committee list: every name listed with the officer's is an officer's
    ("The committee now comprises Mr. Ada Quill (Chair), Mr. Tom Fry, and Mr. Omar Diaz.", "Ada Quill",
     ["Tom Fry", "Omar Diaz"]),
    ("Lena Berg, Ivo Link and Rosa Vey will serve as directors.", "Ivo Link", ["Lena Berg", "Rosa Vey"]),
    # a list of investors or of contact lines names no role: nothing is added
    ("Investors included Ada Quill, Vorn Capital and Tom Fry.", "Ada Quill", []),
    ("The Board thanked Ada Quill, Investor Relations, Tarnwell Communications.", "Ada Quill", []),
])
def test_names_listed_with_an_officers_in_a_sentence_about_a_role(text, officer, expected):
    from nlp.pipeline.mentions import listed_names

    found = listed_names(text, [char_offsets(text, officer)], [char_offsets(text, officer)])
    assert [text[a:b] for a, b in found] == expected


def test_the_step_labels_the_names_listed_with_an_officers_and_their_repeats():
    nlp = _nlp()
    text = "Lena Berg, Ivo Link and Rosa Vey will serve as directors. Rosa Vey chairs the audit committee."
    doc = doc_with_guesses(nlp, text, ("Ivo Link", "OFFICER"))
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc)
    assert [e.text for e in doc.ents if e.label_ == "OFFICER"] == ["Lena Berg", "Ivo Link", "Rosa Vey", "Rosa Vey"]


def test_a_name_printed_twice_without_a_space_is_two_mentions():
    # a heading "About Vorn" run into its paragraph by text extraction; the exhibit tokenizer
    # splits the glued words, and each half is a mention of the issuer, also where the
    # recognizer took both halves for one name
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v4"}}})
    add_rule_step(nlp, "mentions")
    text = "Vorn closed a placement.\n\nAbout VornVorn is a miner. Not VornadoVornado or VornVorns."
    doc = nlp.get_pipe("rules_mentions").step("mentions")(doc_with_guesses(nlp, text, ("Vorn", "ISSUER"), ("VornVorn", "ISSUER")))
    assert [(e.start_char, e.text) for e in doc.ents] == [
        (0, "Vorn"), (32, "Vorn"), (36, "Vorn")]
