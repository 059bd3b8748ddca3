"""One test per validation rule: a record breaking it is reported with its file and line."""
from __future__ import annotations

import hashlib

import pytest

from conftest import small_record, write_jsonl
from nlp.validation import validate_files


def problems_for(tmp_path, *rows):
    path = write_jsonl(tmp_path / "data.jsonl", rows)
    return [str(p) for p in validate_files([path])]


def test_valid_record_has_no_problems(tmp_path):
    assert problems_for(tmp_path, small_record()) == []


def test_seed_records_are_valid(seeds_path):
    assert validate_files([seeds_path]) == []


def test_malformed_json_line_is_reported_with_its_line(tmp_path):
    found = problems_for(tmp_path, small_record(), "{not json", small_record(id="b"))
    assert len(found) == 1 and ":2: ?: malformed JSON" in found[0]


def test_missing_text_field(tmp_path):
    row = small_record()
    del row["text"]
    found = problems_for(tmp_path, row)
    assert found and ":1: acme: field 'text' must be a string" in found[0]


def test_offset_out_of_range(tmp_path):
    row = small_record()
    row["entities"].append({"start": 60, "end": 99, "label": "AMOUNT"})
    found = problems_for(tmp_path, row)
    assert any(":1: acme: entity AMOUNT [60, 99] is out of range" in p for p in found)


def test_span_with_edge_whitespace(tmp_path):
    row = small_record()
    row["entities"][0] = {"start": 0, "end": 11, "label": "ISSUER"}  # "Acme Corp. "
    row["relations"][0]["head"] = [0, 11]
    assert any("starts or ends with whitespace" in p for p in problems_for(tmp_path, row))


def test_span_with_edge_punctuation(tmp_path):
    row = small_record()
    row["entities"][3] = {"start": 48, "end": 54, "label": "PRICE"}  # "$2.00 " -> use "2.00 p"? no: ends in space
    row["entities"][3] = {"start": 47, "end": 53, "label": "PRICE"}  # " $2.00" starts with space
    assert any("whitespace" in p for p in problems_for(tmp_path, row))
    text = "Acme sold (Common Stock) today."
    row = {"id": "p", "text": text, "entities": [{"start": 10, "end": 24, "label": "SECURITY"}], "relations": []}
    assert any("starts or ends with punctuation" in p for p in problems_for(tmp_path, row))


def test_abbreviation_period_is_allowed_at_span_end(tmp_path):
    text = "Sold by Innovo Group Inc. today."
    row = {"id": "a", "text": text, "entities": [{"start": 8, "end": 25, "label": "ISSUER"}], "relations": []}
    assert problems_for(tmp_path, row) == []


def test_span_crossing_blank_line(tmp_path):
    text = "Acme Corp.\n\nCommon Stock"
    row = {"id": "b", "text": text, "entities": [{"start": 5, "end": 18, "label": "ISSUER"}], "relations": []}
    assert any("crosses a blank line" in p for p in problems_for(tmp_path, row))


def test_overlapping_spans(tmp_path):
    row = small_record()
    row["entities"].append({"start": 39, "end": 44, "label": "SECURITY"})  # "Stock" inside "Common Stock"
    assert any("entities overlap" in p for p in problems_for(tmp_path, row))


def test_span_listed_twice(tmp_path):
    row = small_record()
    row["entities"].append({"start": 0, "end": 10, "label": "ISSUER"})
    assert any("listed twice" in p for p in problems_for(tmp_path, row))


def test_unknown_entity_label(tmp_path):
    row = small_record()
    row["entities"][1]["label"] = "NUMBER"
    found = problems_for(tmp_path, row)
    assert any("unknown label 'NUMBER'" in p for p in found)


def test_unknown_relation_label(tmp_path):
    row = small_record()
    row["relations"][0]["label"] = "SELLS"
    assert any("unknown relation label 'SELLS'" in p for p in problems_for(tmp_path, row))


def test_relation_with_wrong_head_and_child_types(tmp_path):
    row = small_record()
    row["relations"][0] = {"head": [32, 44], "child": [0, 10], "label": "OFFERS"}
    found = problems_for(tmp_path, row)
    assert any("joins SECURITY->ISSUER, the schema allows ISSUER->SECURITY" in p for p in found)


def test_relation_to_missing_entity(tmp_path):
    row = small_record()
    row["relations"].append({"head": [0, 4], "child": [32, 44], "label": "OFFERS"})
    assert any("head [0, 4] is not a listed entity" in p for p in problems_for(tmp_path, row))


def test_duplicate_relation(tmp_path):
    row = small_record()
    row["relations"].append(dict(row["relations"][0]))
    assert any("is listed twice" in p for p in problems_for(tmp_path, row))


def test_duplicate_ids_across_lines(tmp_path):
    found = problems_for(tmp_path, small_record(), small_record())
    assert found == [f"{tmp_path / 'data.jsonl'}:2: acme: duplicate id (first at {tmp_path / 'data.jsonl'}:1)"]


def test_text_differs_from_source(tmp_path):
    row = small_record()
    row["meta"]["sha256"] = hashlib.sha256(b"another text").hexdigest()
    assert any("differs from its source exhibit" in p for p in problems_for(tmp_path, row))


def test_text_matching_source_hash_passes(tmp_path):
    row = small_record()
    row["meta"]["sha256"] = hashlib.sha256(row["text"].encode()).hexdigest()
    assert problems_for(tmp_path, row) == []


def test_unknown_category(tmp_path):
    assert any("category 'press'" in p for p in problems_for(tmp_path, small_record(category="press")))


@pytest.mark.parametrize("line", [2, 3])
def test_problem_names_the_line_of_the_broken_record(tmp_path, line):
    rows = [small_record(id=f"r{k}") for k in range(3)]
    rows[line - 1]["entities"][0]["label"] = "BAD"
    found = problems_for(tmp_path, *rows)
    assert found and all(f":{line}: r{line - 1}:" in p for p in found)
