from __future__ import annotations

from nlp.structure import doc_segment_ids, segment_ranges


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
