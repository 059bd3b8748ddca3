from __future__ import annotations

import pytest
import spacy

from nlp.pipeline.text_cache import cached_text, doc_text
from conftest import add_rule_step


def test_the_text_is_kept_while_a_stage_runs_and_dropped_after():
    doc = spacy.blank("en")("Quillon Corp. sold 2,500,000 shares.")
    assert doc_text(doc) == doc.text and not doc.user_data
    with cached_text(doc):
        assert doc.user_data and doc_text(doc) == doc.text
    assert not doc.user_data
    with pytest.raises(ValueError), cached_text(doc):
        raise ValueError("a step failed")
    assert not doc.user_data


def test_a_rule_stage_leaves_no_user_data_behind():
    nlp = spacy.blank("en")
    add_rule_step(nlp, "quantities")
    doc = nlp("Quillon sold 2,500,000 shares of common stock.")
    assert [(e.text, e.label_) for e in doc.ents] == [("2,500,000", "QUANTITY")] and not doc.user_data
