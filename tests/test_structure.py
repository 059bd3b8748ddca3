from __future__ import annotations

import pytest

from nlp.errors import ConfigError
from nlp.structure import (
    doc_segment_ids, labelled_segments, segment_ranges, structure_cues, structure_regions,
)


def segments(text):
    return [text[a:b] for a, b in segment_ranges(text)]


def test_sentences_split_at_periods_but_not_at_abbreviations_or_initials():
    text = "Harriet P. Voss, Jr. signed for Tarnwell Group Inc. today. The Company agreed."
    assert segments(text) == [
        "Harriet P. Voss, Jr. signed for Tarnwell Group Inc. today.",
        " The Company agreed.",
    ]


def test_signature_block_lines_stay_one_segment_across_blank_lines():
    text = (
        "The report complies with the requirements of the Act in all respects.\n\n"
        "VORN MINERALS LTD.\n\n“Delia Brasker”\n\nDelia Brasker\n\nPresident & CEO\n\n"
        "Neither the exchange nor its regulation services provider accepts responsibility."
    )
    parts = segments(text)
    assert "VORN MINERALS LTD.\n\n“Delia Brasker”\n\nDelia Brasker\n\nPresident & CEO" in parts
    assert len(parts) == 3


def test_colon_list_continues_the_statement():
    text = "I, Jane Doe, certify that:\n\n1. I have reviewed this annual report on Form 10-K of X Corp.;"
    assert len(segments(text)) == 1


def test_enumerator_period_is_not_a_sentence_end():
    text = "certify that:\n1.\nI have reviewed this report."
    assert len(segments(text)) == 1


def test_segments_never_cut_protected_entity(blank_nlp):
    doc = blank_nlp("It was Mr. X. Y Corp sold shares.")
    span = doc.char_span(11, 20)  # "X. Y Corp" crosses the sentence end after "X."
    ids = doc_segment_ids(doc, protect=[span])
    assert len({ids[i] for i in range(span.start, span.end)}) == 1


def test_segmenter_component_sets_sentences(blank_nlp):
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_segmenter")
    doc = nlp("Acme Corp. sold stock. It raised $5 million.\n\nJohn Smith\n\nChief Executive Officer")
    assert [s.text.strip() for s in doc.sents] == [
        "Acme Corp. sold stock.", "It raised $5 million.", "John Smith\n\nChief Executive Officer",
    ]


# --- labelled regions (structure_regions) ---

PRESS_RELEASE = (
    "Exhibit 99.1\n\n"
    "Quillfeather Robotics Announces Pricing of $12 Million Public Offering\n\n"
    "LAKEMONT, Oregon, March 4, 2031 /Example Wire/ -- Quillfeather Robotics Inc. (the \"Company\") "
    "today announced the pricing of 3,000,000 shares at $4.00 per share. "
    "\u201cThis offering lets us build our second plant on schedule,\u201d said Odile Brancusi, "
    "Chief Executive Officer of the Company. The offering is expected to close on March 6, 2031.\n\n"
    "About Quillfeather Robotics\n\n"
    "Quillfeather Robotics designs warehouse robots.\n\n"
    "Forward-Looking Statements\n\n"
    "This press release contains forward-looking statements. Actual results may differ.\n\n"
    "Investor Contact:\n\nPerrin Alvaro\n\nir@quillfeather.example\n\n(555) 010-2233\n"
)

CERTIFICATION = (
    "EXHIBIT 31.1\n\n"
    "CERTIFICATION\n\n"
    "I, Odile Brancusi, certify that:\n\n"
    "1. I have reviewed this quarterly report on Form 10-Q of Quillfeather Robotics Inc.;\n\n"
    "2. Based on my knowledge, this report does not contain any untrue statement of a material fact.\n\n"
    "Date: May 9, 2031\n\n"
    "/s/ Odile Brancusi\n"
    "Odile Brancusi\n"
    "Chief Executive Officer\n"
)


def regions(text):
    return {(label, text[a:b]) for a, b, label in structure_regions(text)}


def test_press_release_regions():
    found = regions(PRESS_RELEASE)
    assert ("HEADLINE", "Quillfeather Robotics Announces Pricing of $12 Million Public Offering") in found
    assert ("DATELINE", "LAKEMONT, Oregon, March 4, 2031 /Example Wire/ --") in found
    assert ("QUOTE", "\u201cThis offering lets us build our second plant on schedule,\u201d said Odile "
            "Brancusi, Chief Executive Officer of the Company.") in found
    assert ("ABOUT", "About Quillfeather Robotics\n\n"
            "Quillfeather Robotics designs warehouse robots.") in found
    assert ("FORWARD_LOOKING", "Forward-Looking Statements\n\nThis press release contains "
            "forward-looking statements. Actual results may differ.") in found
    assert ("CONTACT_BLOCK", "Investor Contact:\n\nPerrin Alvaro\n\nir@quillfeather.example\n\n"
            "(555) 010-2233") in found
    # one region of each: the defined term ("Company") is no quote, the headline no signature
    assert sorted(label for label, _ in found) == sorted(
        ["HEADLINE", "DATELINE", "QUOTE", "ABOUT", "FORWARD_LOOKING", "CONTACT_BLOCK"])


def test_a_headline_ending_with_a_legal_suffix_is_still_a_headline():
    text = ("Quillfeather Robotics Inc. Signs Definitive Agreement to Acquire Vorn Precision Gears Inc.\n\n"
            "LAKEMONT, Oregon, March 4, 2031 /Example Wire/ -- Quillfeather Robotics Inc. announced "
            "today that it agreed to buy Vorn Gears. The deal closes in May.\n")
    found = regions(text)
    assert ("HEADLINE", "Quillfeather Robotics Inc. Signs Definitive Agreement to Acquire Vorn Precision Gears Inc.") in found
    assert ("DATELINE", "LAKEMONT, Oregon, March 4, 2031 /Example Wire/ --") in found
    # a first paragraph ending in a sentence is prose: no headline
    assert not any(label == "HEADLINE" for label, _ in regions("Quillfeather grew in 2031 and hired staff.\n\nMore text."))


def test_certification_regions():
    found = regions(CERTIFICATION)
    assert ("CERTIFYING_STATEMENT", "I, Odile Brancusi, certify that:\n\n1. I have reviewed this "
            "quarterly report on Form 10-Q of Quillfeather Robotics Inc.;") in found
    # the date line belongs to the block of short lines it opens
    assert ("SIGNATURE_BLOCK", "Date: May 9, 2031\n\n/s/ Odile Brancusi\nOdile Brancusi\n"
            "Chief Executive Officer") in found
    assert ("HEADLINE", "CERTIFICATION") in found  # the exhibit number line is left out
    assert {label for label, _ in found} == {"HEADLINE", "CERTIFYING_STATEMENT", "SIGNATURE_BLOCK"}


def test_signature_and_statement_inside_unbroken_text():
    # no blank lines at all: the signature lines sit inside a prose segment
    text = (
        "CERTIFICATION OF CHIEF FINANCIAL OFFICER\n"
        "I, Perrin Alvaro, hereby certify, pursuant to 18 U.S.C. Section 1350, that the report fully "
        "complies with the requirements of the Act.\n"
        "/s/ Perrin Alvaro\nPerrin Alvaro\nChief Financial Officer\n"
    )
    found = regions(text)
    assert ("SIGNATURE_BLOCK", "/s/ Perrin Alvaro\nPerrin Alvaro\nChief Financial Officer") in found
    statement = [t for label, t in found if label == "CERTIFYING_STATEMENT"]
    assert statement and statement[0].startswith("I, Perrin Alvaro, hereby certify")
    assert "/s/" not in statement[0]


def test_signature_block_by_name_title_layout():
    text = ("The parties signed this agreement on the date written above in two copies.\n\n"
            "LAKEMONT HOLDINGS INC.\nBy: /s/ Perrin Alvaro\nName: Perrin Alvaro\nTitle: Treasurer\n")
    assert ("SIGNATURE_BLOCK", "LAKEMONT HOLDINGS INC.\nBy: /s/ Perrin Alvaro\nName: Perrin Alvaro\n"
            "Title: Treasurer") in regions(text)


def test_quote_without_speech_verb_is_not_a_quote():
    text = ("Quillfeather Robotics sells the robot it calls \u201cthe fastest picker on any floor\u201d "
            "in four states. It opened a plant in May.")
    assert not [label for label, _ in regions(text) if label == "QUOTE"]


def test_quote_over_two_sentences_is_one_region():
    text = ("\u201cWe grew fast. We will keep growing this year,\u201d said Odile Brancusi. "
            "The Company sold shares.")
    quotes = [t for label, t in regions(text) if label == "QUOTE"]
    assert quotes == ["\u201cWe grew fast. We will keep growing this year,\u201d said Odile Brancusi."]


def test_section_runs_to_the_next_heading_without_blank_line_after_heading():
    text = ("The Company sold shares to investors in a private placement today.\n\n"
            "About Quillfeather Robotics\nQuillfeather Robotics designs warehouse robots for shops.\n\n"
            "It has offices in two cities and employs many people across them.\n\n"
            "Safe Harbor Statement\n\nStatements about the future are uncertain and may differ.")
    found = regions(text)
    assert ("ABOUT", "About Quillfeather Robotics\nQuillfeather Robotics designs warehouse robots for "
            "shops.\n\nIt has offices in two cities and employs many people across them.") in found
    assert ("FORWARD_LOOKING", "Safe Harbor Statement\n\nStatements about the future are uncertain "
            "and may differ.") in found


def test_labelled_segments_agree_with_segment_ranges():
    for text in (PRESS_RELEASE, CERTIFICATION):
        assert [(a, b) for a, b, _ in labelled_segments(text)] == list(segment_ranges(text))
    kinds = {PRESS_RELEASE[a:b].strip(): kind for a, b, kind in labelled_segments(PRESS_RELEASE)}
    assert kinds["About Quillfeather Robotics"] == "block"
    assert kinds["Quillfeather Robotics designs warehouse robots."] == "sentence"


@pytest.mark.parametrize("data, code", [
    ({"_about": {}}, "E370"),
    ("not an object", "E370"),
    ("bad regex", "E371"),
])
def test_unusable_pattern_file_is_a_config_error(monkeypatch, data, code):
    import nlp.pattern_files as pattern_files
    from nlp.pattern_files import load_patterns

    if data == "bad regex":
        data = dict(load_patterns("structure"), about_heading="^(About")
    monkeypatch.setattr(pattern_files, "load_patterns", lambda name: data)
    structure_cues.cache_clear()
    try:
        with pytest.raises(ConfigError) as caught:
            structure_cues()
        assert caught.value.code == code and "structure.json" in caught.value.message
    finally:
        structure_cues.cache_clear()


def test_missing_pattern_file_is_a_config_error(monkeypatch, tmp_path):
    import nlp.pattern_files as pattern_files

    monkeypatch.setattr(pattern_files, "PATTERN_DIR", tmp_path)
    pattern_files.load_patterns.cache_clear()
    structure_cues.cache_clear()
    try:
        with pytest.raises(ConfigError) as caught:
            structure_cues()
        assert caught.value.code == "E380"  # pattern_files' code for an unreadable file
    finally:
        pattern_files.load_patterns.cache_clear()
        structure_cues.cache_clear()


# --- text-level look-ups: segment_at, sentence_start/sentence_end, paragraph_sentence_start ---

def test_segment_at_gives_the_sentence_holding_a_position_without_its_whitespace():
    from nlp.structure import segment_at, sentence_end, sentence_start

    text = "Tarnwell Group Inc. sold stock. It raised cash.\n\nJane Roe\n\nChief Executive Officer"
    second = (text.index("It raised"), text.index("cash.") + len("cash."))
    assert segment_at(text, text.index("Inc.")) == (0, text.index(" It"))
    assert segment_at(text, text.index("raised")) == second
    assert (sentence_start(text, text.index("raised")), sentence_end(text, text.index("raised"))) == second
    # the signature block is one segment across its blank line
    assert segment_at(text, text.index("Chief")) == (text.index("Jane"), len(text))


def test_whitespace_between_segments_belongs_to_the_segment_before():
    from nlp.structure import segment_at

    text = "  Ore was found. Drilling starts soon.\n\nThe Company thanks its staff."
    first = (2, text.index(" Drilling"))
    assert segment_at(text, 0) == first  # before the first segment: the first
    assert segment_at(text, first[1]) == first  # a span ending the sentence ends in it
    assert segment_at(text, text.index("\n")) == (text.index("Drilling"), text.index("\n"))
    assert segment_at("   ", 1) == (0, 3)


def test_segment_at_agrees_with_segment_ranges_at_every_character():
    from nlp.structure import segment_at

    text = ("I, Jane Roe, certify that:\n\n1. I have reviewed this report on Form 10-K of Orvel Co.;\n\n"
            "2. The report is true. Dated: May 1.\n\n/s/ Jane Roe\nJane Roe\nChief Financial Officer")
    for start, end in segment_ranges(text):
        trimmed = (start + len(text[start:end]) - len(text[start:end].lstrip()),
                   start + len(text[start:end].rstrip()))
        assert all(segment_at(text, p) == trimmed for p in range(*trimmed))


def test_paragraph_sentence_start_reads_a_joined_colon_list_item_apart():
    from nlp.structure import paragraph_sentence_start, sentence_start

    text = "I, Jane Roe, certify that:\n\n1. I have reviewed this report.\n\n2. The report is true."
    reviewed = text.index("reviewed")
    assert sentence_start(text, reviewed) == 0  # the list is joined to its statement
    assert paragraph_sentence_start(text, reviewed) == text.index("1. I have")
    assert paragraph_sentence_start(text, text.index("true")) == text.index("2. The")


def test_paragraph_sentence_start_splits_prose_wrapped_into_short_lines():
    from nlp.structure import paragraph_sentence_start, sentence_start

    text = "Report Filed With the Commission.\nJane Roe certifies\nthat the report is true"
    certifies = text.index("certifies")
    assert sentence_start(text, certifies) == 0  # short lines read as one block
    assert paragraph_sentence_start(text, certifies) == text.index("Jane")


def test_prose_wrapped_into_short_lines_splits_into_sentences():
    # plain-text filings wrap prose at a fixed width: short lines, but running words
    text = ("Quillon Holdings Inc. today announced the pricing of its underwritten public\n"
            "offering of 2,000,000 shares of its common stock at $10.00 per share. The\n"
            "offering is expected to close on March 3, subject to customary closing\n"
            "conditions.")
    assert segments(text) == [
        text[:text.index(" The\n")],
        text[text.index(" The\n"):],
    ]


def test_a_signature_block_of_short_lines_stays_one_block():
    text = "/s/ Jane Roe\nJane Roe\nPresident and Chief Executive Officer\n(Principal Executive Officer)"
    assert segments(text) == [text]


WRAPPED_RELEASE = (
    "Quillon Holdings Inc. today announced the pricing of its public offering of\n"
    "2,000,000 shares of its common stock at $10.00 per share, with Vorn Capital\n"
    "Markets, LLC acting as sole placement agent for the offering. The offering is\n"
    "expected to close on March 3.\n"
    "\n"
    "Contact:\n"
    "Jane Roe\n"
    "Quillon Holdings Inc.\n"
)


def test_soft_line_breaks_are_the_breaks_wrapping_put_inside_prose():
    from nlp.structure import soft_line_breaks

    breaks = soft_line_breaks(WRAPPED_RELEASE)
    assert [WRAPPED_RELEASE[b - 2:b + 3] for b in breaks] == ["of\n2,", "al\nMa", "is\nex"]
    contact = WRAPPED_RELEASE.index("Contact:")
    assert all(b < contact for b in breaks)  # the contact block keeps its lines


@pytest.mark.parametrize("text", [
    # a sentence ends at the line's end
    "The offering was made under the shelf registration statement filed in May.\nThe shares were sold.",
    # a signature and a dated line stand on their own lines
    "In witness whereof the undersigned officer has signed this certification below\n/s/ Jane Roe",
    "The report fairly presents the financial condition of Quillon Holdings Inc.\nDate: March 3, 2025",
    # list items, a heading in capitals, table rows
    "The offering consists of the following securities sold to the investors now:\n(a) common stock",
    "CERTIFICATION PURSUANT TO SECTION 906 OF THE SARBANES-OXLEY ACT OF 2002\nI, Jane Roe, certify that",
    "Net proceeds to the company after the placement agent fees | 9,300 | 8,100\nper share | 1.00 | 2.00",
    # a short line is no wrapped one
    "Quillon Prices Offering\nof 2,000,000 shares of its common stock at a price of $10.00 per share",
])
def test_line_breaks_that_are_layout_stay(text):
    from nlp.structure import soft_line_breaks

    assert soft_line_breaks(text) == ()
