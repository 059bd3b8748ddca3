from __future__ import annotations

import random

from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.io.wrapping import WIDTHS, wrap_record, wrap_text
from nlp.validation import validate_record

_PROSE = ("Quillon Holdings Inc. today announced the closing of its registered direct offering of "
          "1,500,000 shares of its common stock at a price of $4.00 per share, for gross proceeds "
          "of $6.0 million, before deducting placement agent fees and other offering expenses.")


def test_wrapping_only_turns_spaces_into_line_breaks():
    wrapped = wrap_text(_PROSE, 40)
    assert len(wrapped) == len(_PROSE)
    assert [a for a, b in zip(_PROSE, wrapped) if a != b] == [" "] * wrapped.count("\n")
    assert max(len(line) for line in wrapped.split("\n")) <= 40


def test_short_lines_and_existing_breaks_are_kept():
    block = "/s/ Jane Roe\nJane Roe\nChief Executive Officer"
    assert wrap_text(block, 30) == block
    assert wrap_text("A headline\n\n" + _PROSE, 60).startswith("A headline\n\n")


def test_a_wrapped_record_keeps_its_entities_and_relations_valid():
    issuer = (0, len("Quillon Holdings Inc."))
    security = (_PROSE.index("common stock"), _PROSE.index("common stock") + len("common stock"))
    record = ExhibitRecord("q", _PROSE, "offering", [Entity(*issuer, "ISSUER"), Entity(*security, "SECURITY")],
                           [Relation(issuer, security, "OFFERS")], {"sha256": "x", "company": "Quillon"})
    wrapped = wrap_record(record, random.Random(3))
    assert wrapped.text != record.text and "\n" in wrapped.text
    assert max(len(line) for line in wrapped.text.split("\n")) <= WIDTHS[1]
    assert wrapped.entities == record.entities and wrapped.relations == record.relations
    assert "sha256" not in wrapped.meta and wrapped.meta["company"] == "Quillon"
    assert not validate_record(wrapped)
    assert record.text == _PROSE  # the original is untouched


def test_the_corpus_reader_wraps_the_share_of_records_it_is_asked_to(tmp_path):
    import spacy

    from nlp.io.corpus_reader import create_guide_corpus_reader
    from nlp.io.records import write_records

    records = [ExhibitRecord(f"q{n}", _PROSE, "offering") for n in range(20)]
    write_records(records, tmp_path / "train.jsonl")
    nlp = spacy.blank("en")

    def wrapped_share(share):
        reader = create_guide_corpus_reader(tmp_path / "train.jsonl", augment_wrap=share, seed=1)
        return sum("\n" in example.reference.text for example in reader(nlp)) / len(records)

    assert wrapped_share(0.0) == 0
    assert wrapped_share(1.0) == 1
    assert 0 < wrapped_share(0.5) < 1
