"""`exhibit records`: facts as spreadsheet rows, from predict output or gold JSONL.

(Named test_records_command.py: tests/io/test_records.py already holds the basename.)
"""
from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from nlp.cli import app
from nlp.facts import extract_facts

from conftest import small_record, write_jsonl

runner = CliRunner()


def test_gold_jsonl_to_csv(seeds_path):
    result = runner.invoke(app, ["records", str(seeds_path)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["id"], r["security"] or r["officer"]) for r in rows] == [
        ("seed_innovo_ex99_20031202", "Common Stock"),
        ("seed_innovo_ex99_20031202", "Common Stock purchase warrants"),
        ("seed_innovo_ex32_20040329", "Samuel J. Furrow, Jr."),
        ("seed_innovo_ex32_20040329", "Marc B. Crossman"),
    ]
    assert rows[1]["exercise_price"] == "4.00" and rows[2]["period"] == "2003-11-29"


def test_predict_output_keeps_its_facts_and_writes_jsonl(tmp_path):
    output = small_record(id="acme")
    output.update(extract_facts(output))
    output["record"]["offering"]["issuer"] = "Acme (as predicted)"
    source = write_jsonl(tmp_path / "pred.jsonl", [output, small_record(id="gold")])
    out = tmp_path / "rows.jsonl"
    result = runner.invoke(app, ["records", str(source), "--format", "jsonl", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "wrote 2 rows" in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["company"], r["security"], r["quantity"], r["price"]) for r in rows] == [
        ("acme", "Acme (as predicted)", "Common Stock", 1000, "2.00"),
        ("gold", "Acme Corp.", "Common Stock", 1000, "2.00"),
    ]


def test_malformed_line_names_file_and_line(tmp_path):
    source = write_jsonl(tmp_path / "bad.jsonl", [small_record(), "{not json"])
    result = runner.invoke(app, ["records", str(source), "-o", str(tmp_path / "out.csv"), "--fail-fast"])
    assert result.exit_code == 2
    assert f"[E120] {source}:2: malformed JSON" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "out.csv").exists()
    result = runner.invoke(app, ["records", str(source), "-o", str(tmp_path / "out.csv")])  # skipped: exit 1
    assert result.exit_code == 1
    assert f"skipped [E120] {source}:2: malformed JSON" in result.output and "1 line skipped" in result.output
    assert [r["id"] for r in csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig")))] == ["acme"]


def test_record_that_cannot_be_read_names_the_record(tmp_path):
    source = write_jsonl(tmp_path / "bad.jsonl", [
        small_record(),
        small_record(id="far", entities=[{"start": 50, "end": 500, "label": "ISSUER"}]),
    ])
    result = runner.invoke(app, ["records", str(source)])
    assert result.exit_code == 1  # the line is skipped, the first record's rows are written
    assert f"[E121] {source}:2: far: entity ISSUER [50, 500] lies outside the text" in result.output
    source = write_jsonl(tmp_path / "bad2.jsonl", [dict(small_record(), record="offering")])
    result = runner.invoke(app, ["records", str(source)])
    assert result.exit_code == 2 and f"{source}:1: acme: field 'record' must be an object" in result.output


def test_missing_input_and_bad_format(tmp_path):
    result = runner.invoke(app, ["records", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "none.jsonl: no such file" in result.output
    result = runner.invoke(app, ["records", str(tmp_path / "none.jsonl"), "--format", "xlsx"])
    assert result.exit_code == 2
