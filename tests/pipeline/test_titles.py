from __future__ import annotations

import pytest
import spacy

from nlp.pipeline.titles import has_title_word, is_area_title_line, title_area_end, title_list, title_parts


def _parts(text, phrase, issuers=frozenset()):
    start = text.index(phrase)
    return [text[a:b] for a, b in title_parts(text, start, start + len(phrase), issuers)]


@pytest.mark.parametrize("text, found, expected", [
    # a dangling joiner before the line break ends the title at its last word
    ("Title: Chairman of the Board and\nChief Executive Officer", "Chairman of the Board and", ["Chairman of the Board"]),
    ("Chairman and Co-Chief Operating\nOfficer and Joseph J. Praske", "Chairman and Co-Chief Operating\nOfficer and Joseph",
     ["Chairman and Co-Chief Operating\nOfficer"]),
    ("Vice President of Finance and Treasurer", "Vice President of Finance and Treasurer",
     ["Vice President of Finance and Treasurer"]),
    # the company a title is held at is not part of it
    ("as President of the company's division", "President of the company", ["President"]),
    # a comma list without "and" is one title per item
    ("Executive Vice President, Chief Financial\nOfficer", "Executive Vice President, Chief Financial\nOfficer",
     ["Executive Vice President", "Chief Financial\nOfficer"]),
    # a list closed by "and" stays one title
    ("President, Chief Executive Officer and Director", "President, Chief Executive Officer and Director",
     ["President, Chief Executive Officer and Director"]),
    # an "and" before the comma closes no list: the comma splits
    ("President\nand Chief Executive Officer, Director", "President\nand Chief Executive Officer, Director",
     ["President\nand Chief Executive Officer", "Director"]),
    # "and the" joins two officers' titles, never one title
    ("the Chief Executive Officer and the Chief Financial Officer of Quillon",
     "Chief Executive Officer and the Chief Financial Officer", ["Chief Executive Officer", "Chief Financial Officer"]),
    # a signer's name before the comma is dropped
    ("Thomas\nGranville, Chief Executive Officer", "Thomas\nGranville, Chief Executive Officer", ["Chief Executive Officer"]),
    # "Interim" belongs to the title
    ("was named Interim Chief Financial Officer today", "Chief Financial Officer", ["Interim Chief Financial Officer"]),
    # and so do "Deputy" and "First"
    ("Jane Roe, Deputy CEO and CFO", "CEO and CFO", ["Deputy CEO and CFO"]),
    ("Jane Roe, First Vice President", "Vice President", ["First Vice President"]),
    # a plain title is left alone
    ("Vice President of Labor Relations", "Vice President of Labor Relations", ["Vice President of Labor Relations"]),
    # the name written after the title is no part of it
    ("said Quillon Holdings Executive Chairman Jane Roe.", "Executive Chairman Jane Roe", ["Executive Chairman"]),
    ("the Chief Financial Officer Board", "Chief Financial Officer Board", ["Chief Financial Officer Board"]),
    # after an area, the word past the joiner names more of the area ...
    ("Tom Fry, Head of Research and Design\n", "Head of Research and Design", ["Head of Research and Design"]),
    ("Tom Fry, Director of Sales & Marketing\n", "Director of Sales & Marketing", ["Director of Sales & Marketing"]),
    ("Tom Fry, vice president, global sales and service.", "vice president, global sales and service",
     ["vice president, global sales and service"]),
    # ... but not after a title's last word, singular or plural, nor in another case
    ("the Co-Lead Agents and Quillon will", "Co-Lead Agents and Quillon", ["Co-Lead Agents"]),
    ("Tom Fry, Head of Research and the board", "Head of Research and the", ["Head of Research"]),
    ("thanked the board members, and coaches", "board members, and coaches", ["board members"]),
])
def test_title_edges_follow_the_guide(text, found, expected):
    assert _parts(text, found) == expected


@pytest.mark.parametrize("text, found, expected", [
    # items before the found one, after a comma or an "and" on the line before
    ("Wanda Quill\nSenior Vice President,\nChief Financial Officer and Treasurer\n(Principal",
     "Chief Financial Officer and Treasurer", "Senior Vice President,\nChief Financial Officer and Treasurer"),
    ("/s/ Odell Praske\nDate\nTreasurer\nand Chief Financial\nOfficer\nThese", "Chief Financial\nOfficer",
     "Treasurer\nand Chief Financial\nOfficer"),
    # items after it, a title cut by a line break included; the signer's name is no item
    ("and Wanda Quill, Vice President, Chief Financial Officer, and Secretary, of Quillon", "Vice President",
     "Vice President, Chief Financial Officer, and Secretary"),
    ("Wanda Quill, Chief Executive Officer and Chief\nOperating Officer\nDate", "Chief Executive Officer",
     "Chief Executive Officer and Chief\nOperating Officer"),
    # the company after the last item, another person, and a blank line end the list
    ("Odell Praske, President and Chairman of the Board of Quillon Corp.", "President",
     "President and Chairman of the Board"),
    ("Odell Praske, President and Wanda Quill", "President", "President"),
    ("Chief Executive Officer\n\nand President", "Chief Executive Officer", "Chief Executive Officer"),
])
def test_title_list_bounds(text, found, expected):
    start = text.index(found)
    low, high = title_list(text, start, start + len(found))
    assert text[low:high] == expected


def test_the_issuer_named_after_of_is_cut_off():
    text = "Odell Praske, CEO and President of Quillon, said"
    assert _parts(text, "CEO and President of Quillon", {"Quillon"}) == ["CEO and President"]


def test_a_comma_list_with_a_non_title_item_stays_whole():
    text = "Senior Manager, Corporate Communications"
    assert _parts(text, text) == [text]


def test_title_words():
    assert has_title_word("Co-Chief Operating Officer") and has_title_word("CFO")
    assert not has_title_word("Corporate Communications")


def test_normalizer_applies_title_edges():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "Name: Jane Roe\nTitle: Executive Vice President, Chief Financial Officer and\n"
    doc = nlp.make_doc(text)
    start = text.index("Executive")
    doc.ents = [doc.char_span(start, text.index(" and\n") + 4, "TITLE")]
    doc = normalizer(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Executive Vice President", "TITLE"), ("Chief Financial Officer", "TITLE")]


def test_normalizer_widens_a_title_to_its_list():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "/s/ Odell Praske\nChairman,\nPresident and Chief Executive Officer\nDate: May 1, 2024\n"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("President"), text.index("\nDate"), "TITLE")]
    doc = normalizer(doc)
    assert [e.text for e in doc.ents] == ["Chairman,\nPresident and Chief Executive Officer"]


@pytest.mark.parametrize("text, title, expected", [
    # the area a title heads, after "of", a comma or a dash, to the line's or sentence's end
    ("Ada Quill, Executive Vice President of Product. She", "Executive Vice President",
     "Executive Vice President of Product"),
    ("Contact:\nTom Fry\nVice President, Investor Relations\n", "Vice President", "Vice President, Investor Relations"),
    ("appoints Lena Berg as Senior Vice President – Commercial Sales (SVP)", "Senior Vice President",
     "Senior Vice President – Commercial Sales"),
    # no area: a company (the issuer, a legal suffix, an employer word) or a further title
    ("Ivo Link, Vice President of Quillon Widgets.", "Vice President", "Vice President"),
    ("Ivo Link, Vice President of Bellwood Holdings.", "Vice President", "Vice President"),
    ("Ivo Link, Vice President of the Company.", "Vice President", "Vice President"),
    ("Kai Moss, Vice President, Chief Financial Officer\n", "Vice President", "Vice President"),
    # a title that heads no area
    ("Rosa Vey, Chief Financial Officer of Operations.", "Chief Financial Officer", "Chief Financial Officer"),
    # a title cut inside its area goes on to the area's end; "for" opens no area (it often names
    # the organization served: "Vice President for Quenby Arts")
    ("hired Ada Quill as Vice President for Quenby Arts.", "Vice President", "Vice President"),
    ("named Ada Quill as Vice President of Client Success.", "Vice President of Client",
     "Vice President of Client Success"),
    ("named Ada Quill its Director of Field Sales and Service, a", "Director of Field",
     "Director of Field Sales and Service"),
    ("Ivo Link, Vice President of Quillon Widgets Inc. said", "Vice President of Quillon", "Vice President of Quillon"),
])
def test_title_area(text, title, expected):
    start = text.index(title)
    end = title_area_end(text, start, start + len(title), {"Quillon Widgets"})
    assert text[start:end] == expected


def test_normalizer_gives_a_title_its_area_where_no_entity_stands():
    nlp = spacy.blank("en")
    normalizer = nlp.add_pipe("exhibit_normalizer")
    text = "Tom Fry, Vice President of Labor Relations. Ann Lee, Vice President of Bellwood Labs."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index("Vice"), text.index(" of Labor"), "TITLE"),
                doc.char_span(text.index("Vice", 40), text.index(" of Bellwood"), "TITLE"),
                doc.char_span(text.index("Bellwood Labs"), text.index("Labs.") + 4, "ISSUER")]
    assert [(e.text, e.label_) for e in normalizer(doc).ents] == [
        ("Vice President of Labor Relations", "TITLE"), ("Vice President", "TITLE"), ("Bellwood Labs", "ISSUER")]


@pytest.mark.parametrize("line, expected", [
    ("Director of Sales & Marketing", True),
    ("Vice President, Investor Relations", True),
    ("VP, Treasury and Tax", True),
    ("Managing Director", True),
    # an area that is a company, a name before the title, a line that goes on in prose
    ("President, Quillon Inc.", False),
    ("Tom Fry, Director of Sales", False),
    ("Director of Sales at Quillon", False),
])
def test_a_whole_line_heading_an_area(line, expected):
    assert is_area_title_line(line) is expected


@pytest.mark.parametrize("found, expected, holders", [
    # a title span that ran on into the next person's name stops before the joiner
    ("Chief Marketing Officer and Tom Fry", ["Chief Marketing Officer"], ["Tom Fry"]),
    ("Executive Chairman, and Tom Fry", ["Executive Chairman"], ["Tom Fry"]),
    # that person's own title after a comma is a title of its own
    ("President\nand Chief Operating Officer, and Tom Quill Fry,\nChief Accounting Officer",
     ["President\nand Chief Operating Officer", "Chief Accounting Officer"], ["Tom Quill Fry"]),
    # words after the joiner that hold a title word or open a title are the title's
    ("Chief Executive Officer and Managing Member", ["Chief Executive Officer and Managing Member"], []),
    ("Chief Financial Officer and Corporate Secretary", ["Chief Financial Officer and Corporate Secretary"], []),
    # an area that goes on after "and" is no name
    ("Head of Research and Product Development", ["Head of Research and Product Development"], []),
])
def test_a_title_stops_before_the_next_persons_name(found, expected, holders):
    from nlp.pipeline.titles import title_holders

    assert _parts(found, found) == expected
    assert [found[a:b] for a, b in title_holders(found, 0, len(found))] == holders


@pytest.mark.parametrize("text, found, expected", [
    # the title's last word, left out by the recognizer, goes back on
    ("appointed Ada Roe as Chief Human Resources Officer (CHRO).", "Chief Human Resources", "Chief Human Resources Officer"),
    # a title that already ends on its last word takes nothing more
    ("Ada Roe, Chief Executive Officer Director of Quillon", "Chief Executive Officer", "Chief Executive Officer"),
    ("Ada Roe, Chief Human Resources, Officer", "Chief Human Resources", "Chief Human Resources"),
])
def test_a_title_takes_its_last_word_written_right_after_it(text, found, expected):
    from nlp.pipeline.titles import title_end_word_after

    start = text.index(found)
    assert text[start:title_end_word_after(text, start, start + len(found))] == expected
