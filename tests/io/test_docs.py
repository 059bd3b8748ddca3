from __future__ import annotations

import pytest

from nlp.errors import InputError
from nlp.io.docs import AlignmentReport, doc_to_record, record_to_doc, records_to_docbin
from nlp.io.records import Entity, ExhibitRecord, Relation


def test_seed_records_round_trip_through_docbin(blank_nlp, seed_records):
    docbin, report = records_to_docbin(blank_nlp.make_doc, seed_records)
    assert report.moved == [] and report.dropped == []
    docs = list(docbin.get_docs(blank_nlp.vocab))
    for doc, record in zip(docs, seed_records):
        back = doc_to_record(doc)
        assert back.id == record.id and back.category == record.category
        assert sorted(back.entities) == sorted(record.entities)
        assert sorted(back.relations) == sorted(record.relations)


def _misaligned() -> ExhibitRecord:
    # "Acme" ends inside the token "Acmeco"
    text = "Acmeco sold Common Stock."
    return ExhibitRecord(
        "m", text, "offering",
        [Entity(0, 4, "ISSUER"), Entity(12, 24, "SECURITY")],
        [Relation((0, 4), (12, 24), "OFFERS")],
    )


def test_expand_alignment_moves_span_and_keeps_relation(blank_nlp):
    report = AlignmentReport(mode="expand")
    doc = record_to_doc(blank_nlp.make_doc, _misaligned(), "expand", report)
    assert [e.text for e in doc.ents] == ["Acmeco", "Common Stock"]
    assert len(report.moved) == 1 and "Acmeco" in report.moved[0]
    assert doc._.relations == {((0, 6), (12, 24)): {"OFFERS": 1.0}}


def test_strict_alignment_reports_dropped_span(blank_nlp):
    report = AlignmentReport(mode="strict")
    doc = record_to_doc(blank_nlp.make_doc, _misaligned(), "strict", report)
    assert [e.text for e in doc.ents] == ["Common Stock"]
    assert len(report.dropped) == 1 and "'Acme'" in report.dropped[0]
    assert doc._.relations == {}
    assert "1 could not be aligned" in report.summary()


def test_unknown_alignment_mode_is_an_input_error(blank_nlp):
    with pytest.raises(InputError, match="alignment mode"):
        record_to_doc(blank_nlp.make_doc, _misaligned(), "nearest")


def test_doc_to_record_applies_threshold(blank_nlp, seed_records):
    doc = record_to_doc(blank_nlp.make_doc, seed_records[0])
    key = next(iter(doc._.relations))
    doc._.relations[key] = {label: 0.3 for label in doc._.relations[key]}
    assert len(doc_to_record(doc, threshold=0.5).relations) == len(seed_records[0].relations) - 1


def test_the_reference_doc_carries_the_exhibits_kind_for_the_textcat(blank_nlp):
    text = "Acme Corp. sold shares."
    doc = record_to_doc(blank_nlp.make_doc, ExhibitRecord("r", text, "offering"))
    assert doc.cats == {"offering": 1.0, "certification": 0.0, "other": 0.0}
    assert record_to_doc(blank_nlp.make_doc, ExhibitRecord("r", text, None)).cats == {}


def test_a_record_keeps_the_text_as_given_when_the_tokenizer_read_breaks_as_spaces():
    import spacy

    text = ("Quillon Holdings Inc. today announced that it priced its public offering of\n"
            "Vorn Holdings shares, which is expected to close on March 3, subject to customary\n"
            "closing conditions.")
    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "exhibit.Tokenizer.v5"}}})
    doc = nlp.make_doc(text)
    start = text.index("Vorn")
    doc.ents = [doc.char_span(start, start + len("Vorn Holdings"), "SECURITY")]
    assert "\n" not in doc.text
    record = doc_to_record(doc, "q1")
    assert record.text == text and record.entities == [Entity(start, start + len("Vorn Holdings"), "SECURITY")]
