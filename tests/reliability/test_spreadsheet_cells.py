"""CSV and XLSX cells never run as spreadsheet formulas ("CSV injection").

Ids come from file names and SGML headers, names from the exhibits: a cell starting with =, +,
-, @, a tab or a carriage return would be evaluated by a spreadsheet program. Every CSV and XLSX
writer escapes such text with a leading quote (nlp/writers/cells.py); numbers stay numbers.
"""
from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from conftest import small_record, write_jsonl
from nlp.writers import CsvWriter, prepare_resume
from nlp.writers.cells import escape_text, spreadsheet_value, unescape_cell
from nlp.writers.tables import Table, write_files
from reliability_support import invoke

FORMULAS = ["=HYPERLINK(\"http://example.invalid\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
            "\t=1", "\r=1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_formula_text_gets_a_leading_quote_and_comes_back_exactly(text):
    assert escape_text(text) == "'" + text
    assert unescape_cell(escape_text(text)) == text


@pytest.mark.parametrize("text", ["-5.00", "+5", "-1,000.50", "-1e5", "Acme Corp.", "a=b", "'quoted", ""])
def test_numbers_and_plain_text_are_left_alone(text):
    assert escape_text(text) == text and unescape_cell(text) == text


def test_numbers_stay_numbers():
    assert spreadsheet_value(-5) == -5 and spreadsheet_value(Decimal("-5.00")) == Decimal("-5.00")
    assert spreadsheet_value(None) is None and spreadsheet_value(True) is True


def test_text_already_quoted_before_a_formula_keeps_its_quote():
    assert escape_text("'=1") == "''=1" and unescape_cell("''=1") == "'=1"


def test_prediction_csv_escapes_ids_text_and_meta_cells(tmp_path):
    path = tmp_path / "out.csv"
    with CsvWriter(path) as writer:
        writer.write({"id": "=cmd|' /C calc'!A0", "text": "@SUM(1+1)", "category": None, "entities": [],
                      "relations": [], "meta": {"company": "=evil"}, "note": "-2+3"})
    with path.open(newline="", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert row["id"] == "'=cmd|' /C calc'!A0" and row["text"] == "'@SUM(1+1)" and row["note"] == "'-2+3"
    assert row["meta"] == '{"company": "=evil"}'  # a JSON cell starts with { and is safe as it is


def test_resume_reads_escaped_prediction_ids_back(tmp_path):
    path = tmp_path / "out.csv"
    with CsvWriter(path) as writer:
        for rid in ("=a", "-b", "'=c", "plain"):
            writer.write({"id": rid, "text": "x"})
    state = prepare_resume(path, "csv")
    assert all(state.already_done(rid) for rid in ("=a", "-b", "'=c", "plain"))
    assert not state.already_done("=a")  # each once


def test_combined_records_table_escapes_ids_and_names(tmp_path):
    record = small_record(id="=1+2", meta={"company": "x"})
    record["text"] = record["text"].replace("Acme Corp.", "@Acme Corp")
    source = write_jsonl(tmp_path / "pred.jsonl", [record])
    result = invoke(["records", source, "-o", tmp_path / "rows.csv"])
    assert result.exit_code == 0, result.output
    with (tmp_path / "rows.csv").open(newline="", encoding="utf-8") as handle:
        row = next(csv.DictReader(handle))
    assert row["id"] == "'=1+2" and row["company"] == "'@Acme Corp"
    assert row["quantity"] == "1000" and row["price"] == "2.00"


def _table() -> Table:
    rows = [{"id": "=1+2", "name": "\tTab", "amount": Decimal("-5.00"), "count": -3},
            {"id": "-7", "name": "Plain", "amount": Decimal("12.50"), "count": 4}]
    return Table("things", ["id", "name", "amount", "count"], rows, {"amount": "decimal", "count": "integer"})


def test_table_csv_escapes_text_and_keeps_negative_numbers(tmp_path):
    path = tmp_path / "things.csv"
    write_files({path: [_table()]}, "csv")
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[1] == ["'=1+2", "'\tTab", "-5.00", "-3"]
    assert rows[2] == ["-7", "Plain", "12.50", "4"]


def test_table_xlsx_cells_are_text_not_formulas_and_numbers_are_numbers(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "things.xlsx"
    write_files({path: [_table()]}, "xlsx")
    sheet = openpyxl.load_workbook(path)["things"]
    first = [cell for cell in sheet[2]]
    assert [c.value for c in first[:2]] == ["'=1+2", "'\tTab"]
    assert all(c.data_type == "s" for c in first[:2])  # never "f" (formula)
    assert first[2].value == -5 and first[2].data_type == "n" and first[3].value == -3
