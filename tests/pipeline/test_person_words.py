from __future__ import annotations

import pytest

from nlp.pipeline.person_words import may_be_name_word


@pytest.mark.parametrize("word, expected", [
    ("Roe", True), ("Quillon", True),
    ("President", False),      # a title
    ("Capital", False),        # a company word
    ("Relations", False),      # a contact line's
    ("Announces", False),      # a headline's verb
])
def test_may_be_name_word(word, expected):
    assert may_be_name_word(word) is expected
