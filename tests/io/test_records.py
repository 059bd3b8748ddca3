from __future__ import annotations

import pytest

from conftest import small_record, write_jsonl
from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, iter_json_lines, read_records, write_records


def test_record_round_trips_through_jsonl(tmp_path, seed_records):
    path = tmp_path / "out.jsonl"
    write_records(seed_records, path)
    again = read_records(path)
    assert [r.to_dict() for r in again] == [r.to_dict() for r in seed_records]
    assert not (tmp_path / "out.jsonl.part").exists()


def test_from_dict_rejects_entity_without_integer_offsets():
    row = small_record()
    row["entities"][0]["start"] = "0"
    with pytest.raises(ValueError, match="entity 0 needs integer start/end"):
        ExhibitRecord.from_dict(row)


def test_from_dict_rejects_bad_relation():
    row = small_record()
    row["relations"][0]["head"] = [0]
    with pytest.raises(ValueError, match="relation 0 needs head/child"):
        ExhibitRecord.from_dict(row)


def test_malformed_line_is_yielded_with_error_not_raised(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [small_record(), "{oops", ""])
    lines = list(iter_json_lines(path))
    assert [item.line for item in lines] == [1, 2]
    assert lines[1].error.startswith("malformed JSON")


def test_read_records_names_file_and_line_of_bad_record(tmp_path):
    path = write_jsonl(tmp_path / "x.jsonl", [small_record(), {"id": 3, "text": "t"}])
    with pytest.raises(InputError, match=r"x.jsonl:2: 3: field 'id' must be a string"):
        read_records(path)


def test_non_utf8_file_raises_with_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"id": "a", "text": "ok"}\n{"id": "b", "text": "caf\xe9"}\n')
    with pytest.raises(InputError, match=r"latin.jsonl:2: not UTF-8"):
        list(iter_json_lines(path))


def test_missing_file_raises_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_records(tmp_path / "missing.jsonl")
