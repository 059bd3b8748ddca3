import pytest

from nlp.names import is_ticker


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
    start = text.rindex(word) if text.count(word) > 1 else text.index(word)
    assert is_ticker(text, start, start + len(word)) is expected
