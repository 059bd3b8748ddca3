from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from nlp.writers import CsvWriter, JsonlWriter, ParquetWriter, iter_parquet_records, open_writer, partial_path
from nlp.errors import InputError


def record(rid: str, **extra) -> dict:
    text = f"{rid}: Photronics, Inc. sold 1,000 shares\nof Common Stock at $2.00 per share."
    out = {
        "id": rid,
        "text": text,
        "category": None,
        "entities": [{"start": len(rid) + 2, "end": len(rid) + 18, "label": "ISSUER", "value": "Photronics, Inc."},
                     {"start": text.index("$"), "end": text.index("$") + 5, "label": "PRICE",
                      "value": {"amount": "2.00", "currency": "USD", "scale": None}}],
        "relations": [{"head": [len(rid) + 2, len(rid) + 18], "child": [0, 2], "label": "OFFERS", "score": 0.75}],
    }
    out.update(extra)
    return out


def test_jsonl_writes_whole_lines_with_every_key(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write(record("a", meta={"accession": "0001047469-04-035975"}))
        writer.write(record("b", warnings=["no issuer"]))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [
        record("a", meta={"accession": "0001047469-04-035975"}), record("b", warnings=["no issuer"])]


def test_csv_is_one_row_per_exhibit_with_json_cells_and_extra_keys(tmp_path):
    path = tmp_path / "out.csv"
    facts = {"offering": {"issuer": "Photronics, Inc."}}
    with CsvWriter(path) as writer:
        writer.write(record("a", record=facts, warnings=[]))
        writer.write(record("b", record=None, warnings=["no amount"]))
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["id", "text", "category", "entities", "relations", "meta", "record", "warnings"]
    assert rows[0]["text"] == record("a")["text"]  # newlines inside a quoted cell
    assert json.loads(rows[0]["entities"]) == record("a")["entities"]
    assert json.loads(rows[0]["relations"])[0]["score"] == 0.75
    assert json.loads(rows[0]["record"]) == facts and rows[1]["record"] == ""
    assert rows[0]["meta"] == "" and rows[0]["category"] == ""
    assert json.loads(rows[1]["warnings"]) == ["no amount"]


def test_csv_without_records_still_has_its_header(tmp_path):
    path = tmp_path / "out.csv"
    CsvWriter(path).close()
    assert path.read_bytes() == b"id,text,category,entities,relations,meta\r\n"


def test_parquet_streams_row_groups_with_typed_entities_and_relations(tmp_path):
    path = tmp_path / "out.parquet"
    with ParquetWriter(path, row_group_size=2) as writer:
        for rid in "abcde":
            writer.write(record(rid, meta={"type": "EX-32.1"}, warnings=["w"]))
        assert partial_path(path).exists() and not path.exists()  # only complete files get the name
    assert not partial_path(path).exists()
    parquet = pq.ParquetFile(path)
    assert parquet.metadata.num_row_groups == 3
    assert parquet.schema_arrow.names == ["id", "text", "category", "entities", "relations", "meta", "warnings"]
    rows = list(iter_parquet_records(path))
    assert [r["id"] for r in rows] == list("abcde")
    first = rows[0]
    assert first["entities"][1]["label"] == "PRICE" and json.loads(first["entities"][1]["value"])["amount"] == "2.00"
    assert first["relations"] == [{"head": [3, 19], "child": [0, 2], "label": "OFFERS", "score": 0.75}]
    assert json.loads(first["meta"]) == {"type": "EX-32.1"} and json.loads(first["warnings"]) == ["w"]


def test_parquet_keeps_finished_records_when_interrupted(tmp_path):
    path = tmp_path / "out.parquet"
    with pytest.raises(KeyboardInterrupt):
        with ParquetWriter(path, row_group_size=100) as writer:
            writer.write(record("a"))
            raise KeyboardInterrupt
    assert [r["id"] for r in iter_parquet_records(path)] == ["a"]


def test_parquet_without_records_is_a_valid_empty_file(tmp_path):
    path = tmp_path / "out.parquet"
    ParquetWriter(path).close()
    assert pq.read_table(path).num_rows == 0


def test_standard_output_takes_jsonl_and_csv_but_not_parquet():
    stream = io.StringIO()
    with open_writer(None, "jsonl", stream=stream) as writer:
        writer.write(record("a"))
    assert json.loads(stream.getvalue())["id"] == "a"
    with pytest.raises(InputError) as err:
        open_writer(None, "parquet")
    assert err.value.code == "E065"
