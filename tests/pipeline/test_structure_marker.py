"""exhibit_structure: the segments and labelled regions in doc.spans, and doc_segment_ids
reading them back exactly as the text scan numbers the tokens."""
from __future__ import annotations

import pytest
import spacy

from nlp.structure import SEGMENTS_KEY, STRUCTURE_KEY, doc_segment_ids, ids_from_segment_spans

TEXTS = [
    "Acme Corp. sold stock. It raised $5 million.\n\nJohn Smith\n\nChief Executive Officer",
    "It sold to Tarrow. Beta Corp bought shares. Then it closed.",
    "I, Jane Doe, certify that:\n\n1. I have reviewed this annual report on Form 10-K of X Corp.;\n\n"
    "2. The report is true.\n\n/s/ Jane Doe\nJane Doe\nChief Financial Officer",
    "Dalewood Pumps Prices Offering\n\nRIVERTON, Utah, June 2, 2030 /Example Wire/ -- Dalewood Pumps "
    "Inc. priced 500 notes. \u201cWe are glad to fund the new plant this year,\u201d said Ada Lin.\n\n"
    "Media Contact:\nAda Lin\nada@dalewood.example\n",
    "   \n\n  Leading blanks. And a trailing one.  \n\n",
    "",
]


@pytest.fixture(scope="module")
def marker_nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_structure")
    return nlp


def groups(equal_ids):
    """Which tokens share a segment: the partition, independent of the numbers used."""
    return [[j for j, other in enumerate(equal_ids) if other == value] for value in equal_ids]


def test_component_writes_segments_and_regions(marker_nlp):
    doc = marker_nlp(TEXTS[3])
    segments = doc.spans[SEGMENTS_KEY]
    assert [s.label_ for s in segments] == ["block", "sentence", "sentence", "block"]
    assert segments[0].text.strip() == "Dalewood Pumps Prices Offering"
    regions = {s.label_: s.text for s in doc.spans[STRUCTURE_KEY]}
    assert regions == {
        "HEADLINE": "Dalewood Pumps Prices Offering",
        "DATELINE": "RIVERTON, Utah, June 2, 2030 /Example Wire/ --",
        "QUOTE": "\u201cWe are glad to fund the new plant this year,\u201d said Ada Lin.",
        "CONTACT_BLOCK": "Media Contact:\nAda Lin\nada@dalewood.example",
    }


def test_segment_spans_cover_every_token_once(marker_nlp):
    for text in TEXTS:
        doc = marker_nlp(text)
        covered = [i for span in doc.spans[SEGMENTS_KEY] for i in range(span.start, span.end)]
        assert covered == list(range(len(doc)))


@pytest.mark.parametrize("text", TEXTS)
def test_segment_ids_from_spans_equal_the_text_scan(marker_nlp, text):
    marked, plain = marker_nlp(text), marker_nlp.make_doc(text)
    assert SEGMENTS_KEY not in plain.spans
    assert groups(doc_segment_ids(marked)) == groups(doc_segment_ids(plain))


def test_protected_entity_across_a_period_same_both_ways(marker_nlp):
    text = TEXTS[1]
    start, end = text.index("Tarrow."), text.index(" bought")  # "Tarrow. Beta Corp" crosses a cut
    marked, plain = marker_nlp(text), marker_nlp.make_doc(text)
    entity = marked.char_span(start, end)
    unprotected = doc_segment_ids(marked)
    assert len({unprotected[i] for i in range(entity.start, entity.end)}) == 2  # cut inside
    with_spans = doc_segment_ids(marked, protect=[entity])
    assert with_spans == doc_segment_ids(plain, protect=[plain.char_span(start, end)])
    assert len({with_spans[i] for i in range(entity.start, entity.end)}) == 1


def test_segment_ids_are_read_from_the_spans_not_the_text(marker_nlp):
    doc = marker_nlp(TEXTS[0])
    assert len(set(doc_segment_ids(doc))) == 3
    doc.spans[SEGMENTS_KEY] = [doc[:]]  # one segment over everything: the spans decide
    assert set(doc_segment_ids(doc)) == {0}


def test_tokens_outside_the_spans_take_the_segment_before(blank_nlp):
    doc = blank_nlp("a b c d e f")
    assert ids_from_segment_spans([doc[1:2], doc[3:5]], len(doc)) == [0, 0, 0, 1, 1, 1]


def test_component_survives_to_disk_and_spacy_load(marker_nlp, tmp_path):
    marker_nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert loaded.pipe_names == ["exhibit_structure"]
    doc, expected = loaded(TEXTS[2]), marker_nlp(TEXTS[2])
    assert [(s.start, s.end, s.label_) for s in doc.spans[STRUCTURE_KEY]] == [
        (s.start, s.end, s.label_) for s in expected.spans[STRUCTURE_KEY]]
    assert {s.label_ for s in doc.spans[STRUCTURE_KEY]} == {"CERTIFYING_STATEMENT", "SIGNATURE_BLOCK"}
    assert loaded.from_bytes(marker_nlp.to_bytes()).pipe_names == ["exhibit_structure"]
