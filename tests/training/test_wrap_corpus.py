"""The wrapped copy of a corpus keeps every record and offset; bad arguments stop before writing."""
import json

import pytest

from nlp.errors import InputError
from nlp.io.records import Entity, ExhibitRecord, read_records, write_records
from training.wrap_corpus import wrap_corpus

TEXT = ("Quillon Holdings Inc. today announced the closing of its registered direct offering of "
        "1,500,000 shares of its common stock at a price of $4.00 per share.")


def _corpus(path):
    start = TEXT.index("common stock")
    write_records([ExhibitRecord("q", TEXT, "offering", [Entity(start, start + 12, "SECURITY")],
                                 meta={"sha256": "of the text as it was", "company": "Quillon"})], path)
    return path


def test_the_wrapped_copy_keeps_records_and_entities(tmp_path):
    source = _corpus(tmp_path / "test.jsonl")
    assert wrap_corpus(source, tmp_path / "wrapped.jsonl", 40) == 1
    [record] = read_records(tmp_path / "wrapped.jsonl")
    assert record.text != TEXT and record.text.replace("\n", " ") == TEXT
    assert max(len(line) for line in record.text.split("\n")) <= 40
    assert record.entities == read_records(source)[0].entities
    assert record.meta == {"company": "Quillon"}  # the old text's checksum is not carried over


def test_a_narrow_width_or_an_output_over_the_input_writes_nothing(tmp_path):
    source = _corpus(tmp_path / "test.jsonl")
    before = source.read_text()
    with pytest.raises(InputError, match="E181"):
        wrap_corpus(source, tmp_path / "wrapped.jsonl", 10)
    with pytest.raises(InputError, match="E200"):
        wrap_corpus(source, source, 72)
    assert source.read_text() == before and not (tmp_path / "wrapped.jsonl").exists()
