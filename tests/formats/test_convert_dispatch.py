"""nlp.convert: formats inferred from suffixes and content, conversions between any two."""
from __future__ import annotations

import json

import pytest

from nlp.convert import convert, infer_format, sniff_jsonl
from nlp.errors import InputError
from nlp.io.records import read_records

from format_samples import ROOT

SEEDS = ROOT / "tests" / "data" / "seeds.jsonl"


@pytest.mark.parametrize("name,fmt", [
    ("a.json", "label-studio"), ("a.conll", "conll"), ("a.iob", "conll"), ("a.spacy", "docbin"),
    ("a.parquet", "hf"), ("dataset", "hf"), ("a.jsonl", "jsonl"),
])
def test_output_format_from_suffix(name, fmt, tmp_path):
    assert infer_format(tmp_path / name, output=True, other="conll") == fmt


def test_jsonl_to_jsonl_needs_to(tmp_path):
    with pytest.raises(InputError, match=r"\[E131\].*give --to"):
        infer_format(tmp_path / "out.jsonl", output=True, other="jsonl")


def test_txt_is_ambiguous(tmp_path):
    with pytest.raises(InputError, match=r"\[E131\] .*train.txt: cannot tell the format from the name; give --from"):
        infer_format(tmp_path / "train.txt", output=False)


@pytest.mark.parametrize("fmt", ["jsonl", "prodigy", "doccano"])
def test_jsonl_input_format_is_told_by_its_fields(fmt, tmp_path):
    path = tmp_path / f"{fmt}.jsonl"
    convert(SEEDS, path, "jsonl", fmt)
    assert sniff_jsonl(path) == fmt
    assert infer_format(path, output=False) == fmt


def test_convert_between_two_foreign_formats(tmp_path):
    convert(SEEDS, tmp_path / "a.json")                       # guide -> Label Studio
    result = convert(tmp_path / "a.json", tmp_path / "b.jsonl", target_format="doccano")
    assert (result.source_format, result.target_format, result.records) == ("label-studio", "doccano", 2)
    convert(tmp_path / "b.jsonl", tmp_path / "c.jsonl", target_format="jsonl")
    assert [r.to_dict() for r in read_records(tmp_path / "c.jsonl")] == [r.to_dict() for r in read_records(SEEDS)]


def test_unknown_format_and_overwriting_the_input_are_errors(tmp_path):
    with pytest.raises(InputError, match=r"\[E130\] unknown format 'brat'"):
        convert(SEEDS, tmp_path / "x.ann", "jsonl", "brat")
    with pytest.raises(InputError, match=r"\[E132\]"):
        convert(SEEDS, SEEDS, "jsonl", "prodigy")


def test_missing_input_and_output_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        convert(tmp_path / "none.json", tmp_path / "out.jsonl")
    with pytest.raises(InputError, match=r"\[E135\] .*folder .*nowhere does not exist"):
        convert(SEEDS, tmp_path / "nowhere" / "out.json")


def test_malformed_label_studio_json_names_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('[{"data": {"text": "x"}},\n  {"data": ')
    with pytest.raises(InputError, match=r"broken.json:2: malformed JSON"):
        convert(path, tmp_path / "out.jsonl")
    path.write_text(json.dumps([{"data": {"txt": "x"}}]))
    with pytest.raises(InputError, match=r'broken.json: task 1: no "text" string'):
        convert(path, tmp_path / "out.jsonl")
