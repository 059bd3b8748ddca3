import pytest
from conftest import char_offsets

from nlp.names import alone_word_spans, halves, is_common_word, is_ticker, printed_twice


@pytest.mark.parametrize("text, word, expected", [
    ("Quillon Inc. (NASDAQ: QBXR) said", "QBXR", True),
    ("Quillon Inc. (CSE: QBX, OTC: QBXRF, FWB: 9QB) said", "QBXRF", True),
    ("Quillon Inc. (NYSE American: QBX) said", "QBX", True),
    ("trades under the symbol “QBX.”", "QBX", True),
    ("listed under the ticker symbol \"QBX\" today", "QBX", True),
    # the company's own abbreviation, and a name after a colon outside an exchange mark
    ("Quillon Inc. (“QBX”) said QBX grew.", "QBX", False),
    ("Company Contact: QBX Holdings", "QBX", False),
    # a ticker is written in capitals
    ("(NASDAQ: Quillon)", "Quillon", False),
])
def test_is_ticker(text, word, expected):
    # the word's last occurrence: the one after the mark
    assert is_ticker(text, *char_offsets(text, word, text.count(word))) is expected


@pytest.mark.parametrize("after, taken", [
    (" Inc. (NASDAQ: QBXR)", " Inc."),
    ("® Inc. (NASDAQ: QBXR)", "® Inc."),        # a registered mark before the suffix
    (", INC. AND SUBSIDIARIES", ", INC."),     # a statement heading in capitals
    ("® and Vorn", None),                       # a mark alone is no suffix
    (" company said", None),                    # a lower-case word is no suffix
])
def test_legal_suffixes_taken_after_an_issuer_mention(after, taken):
    from nlp.names import LEGAL_SUFFIXES_TAKEN

    match = LEGAL_SUFFIXES_TAKEN.match(after)
    assert (match.group() if match else None) == taken


@pytest.mark.parametrize("name, text, expected", [
    ("Fan", "Quillon Launches Fan Week\n\nEvery fan can join.", True),
    ("Summit", "Quillon attends the Vorn Summit. The summit opens today.", True),
    # a name the text writes in lower case only in a web or mail address, or never
    ("Quillon", "Quillon grew. Visit quillon.com or write to ir@quillon.example.", False),
    ("Quillon", "Quillon grew. Quillon Inc. is based in Ohio.", False),
    # a word the text defines in quotes is a name
    ("Vertical", "Vertical Lift Ltd. (“Vertical”) flies. Its vertical take-off works.", False),
    # more than one word, or not written as one capitalized word
    ("Fan Week", "Fan Week opens; every fan can join.", False),
    ("QXR", "QXR grew; qxr is its handle.", False),
])
def test_is_common_word(name, text, expected):
    assert is_common_word(name, text) is expected


def test_a_word_stands_alone_before_a_title_but_not_before_another_name():
    text = "Kestrow CFO Jane Roe said. Kestrow Water grew. Kestrow Chief Executive Officer Tom Fry. kestrow.com"
    assert [text[a:b + 4] for a, b in alone_word_spans(text, "Kestrow")] == ["Kestrow CFO", "Kestrow Chi"]


@pytest.mark.parametrize("text, expected", [
    ("About VornVorn is a miner.", [(6, 10), (10, 14)]),
    ("About Vorn LtdVorn Ltd is", [(6, 14), (14, 22)]),
    # not where a letter touches the pair from outside, nor inside an address
    ("VornVorns, AVornVorn, www.VornVorn.com", []),
])
def test_a_name_printed_twice_gives_both_halves(text, expected):
    assert halves(printed_twice(text, "Vorn Ltd" if "Ltd" in text else "Vorn")) == expected
