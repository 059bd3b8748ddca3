"""The facts read sentences as the pipeline's rules do: the segments of nlp/structure.py."""
from __future__ import annotations

from fact_records import build_record

from nlp import structure
from nlp.facts.view import RecordView

TEXT = ("Orvel Mining Corp. sold 100 shares at $5.00 each. The price was set today.\n\n"
        "Jane Roe\n\nChief Executive Officer")


def view():
    return RecordView(build_record(TEXT, [
        ("100 shares", "QUANTITY"), ("$5.00", "PRICE"), ("Jane Roe", "OFFICER"),
        ("Chief Executive Officer", "TITLE")]))


def test_a_signature_block_is_one_sentence_across_its_blank_lines():
    record = view()
    officer, title = record.of("OFFICER")[0], record.of("TITLE")[0]
    assert record.same_sentence(officer, title)
    assert record.sentence(officer) == "jane roe chief executive officer"


def test_view_sentences_are_the_structure_segments():
    record = view()
    for mention in record.mentions:
        start, end = structure.segment_at(TEXT, mention.start)
        assert record.sentence_start(mention.start) == start
        assert record.sentence_end(mention.end) == end
    price = record.of("PRICE")[0]
    assert record.after(price) == "each."  # stops at the sentence end, "Corp." is no end
    assert record.before(price) == "orvel mining corp. sold 100 shares at"
