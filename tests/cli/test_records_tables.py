"""`exhibit records --table` and `-o FOLDER`: tidy tables from predictions, standard input, and
raw exhibits refused with the command to run first."""
from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from conftest import write_jsonl
from nlp.cli import app

runner = CliRunner()


def money(amount):
    return {"amount": amount, "currency": "USD"}


def offering(rid, gross):
    securities = [{"name": name, "quantity": 100, "price": money("1.00"), "exercise_price": None,
                   "conversion_price": None} for name in ("Common Stock", "Warrants")]
    return {"id": rid, "text": "t", "category": "offering", "entities": [], "relations": [],
            "meta": {"accession": f"acc-{rid}", "form": "8-K", "filed": "20240105"}, "warnings": [],
            "record": {"kind": "offering", "securities": securities,
                       "offering": {"issuer": f"{rid} Inc.", "gross": money(gross), "net": None,
                                    "currency": "USD", "currency_assumed": False, "agents": ["Agent LLC"],
                                    "combined_price": None}}}


def certification(rid):
    return {"id": rid, "text": "t", "category": "certification", "entities": [], "relations": [],
            "warnings": [],
            "record": {"kind": "certification", "company": "Acme Corp.",
                       "report": {"form": "10-Q", "amendment": False, "period": None},
                       "officers": [{"name": "Jane Roe", "titles": ["Chief Executive Officer"]}]}}


@pytest.fixture
def predictions(tmp_path):
    return write_jsonl(tmp_path / "preds.jsonl",
                       [offering("a", "1000.50"), offering("b", "2000"), certification("c")])


def invoke(*args, **kwargs):
    return runner.invoke(app, ["records", *map(str, args)], **kwargs)


def test_offerings_table_sums_each_offering_once(predictions):
    result = invoke(predictions, "--table", "offerings")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["a", "b"]  # the certification has no offering row
    assert sum(Decimal(r["gross"]) for r in rows) == Decimal("3000.50")
    assert rows[0]["accession"] == "acc-a" and rows[0]["filed"] == "2024-01-05"


def test_securities_and_officers_tables(predictions):
    securities = list(csv.DictReader(io.StringIO(invoke(predictions, "--table", "securities").stdout)))
    assert [(r["id"], r["security"]) for r in securities] == [
        ("a", "Common Stock"), ("a", "Warrants"), ("b", "Common Stock"), ("b", "Warrants")]
    assert "gross" not in securities[0]
    result = invoke(predictions, "--table", "officers", "--format", "jsonl")
    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"id": "c", "name": "Jane Roe", "titles": "Chief Executive Officer", "company": "Acme Corp.",
         "report_form": "10-Q", "period": None}]


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_a_folder_gets_the_three_tables(predictions, tmp_path, fmt):
    folder = tmp_path / "tables"
    result = invoke(predictions, "-o", folder, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert "wrote 2 offerings, 4 securities, 1 officers rows" in result.output
    assert sorted(p.name for p in folder.iterdir()) == [f"offerings.{fmt}", f"officers.{fmt}", f"securities.{fmt}"]
    if fmt == "csv":
        assert (folder / "offerings.csv").read_bytes().startswith(b"\xef\xbb\xbfid,accession,")


def test_one_table_into_a_folder(predictions, tmp_path):
    result = invoke(predictions, "-o", tmp_path, "--table", "officers")
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.glob("*.csv")] == ["officers.csv"]


def test_an_xlsx_file_holds_a_sheet_per_table(predictions, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    result = invoke(predictions, "-o", tmp_path / "facts.xlsx")
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(tmp_path / "facts.xlsx")
    assert book.sheetnames == ["offerings", "securities", "officers"]
    assert [c.value for c in book["offerings"]["F"]][1:] == [1000.5, 2000]


def test_xlsx_without_openpyxl_names_the_pip_command(predictions, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    result = invoke(predictions, "-o", tmp_path / "facts.xlsx")
    assert result.exit_code == 2
    assert "[E303]" in result.output and "run `pip install openpyxl`" in result.output
    assert not (tmp_path / "facts.xlsx").exists()


def test_several_tables_need_a_folder_or_a_workbook(predictions, tmp_path):
    result = invoke(predictions, "-o", tmp_path / "facts.parquet")
    assert result.exit_code == 2 and "[E304]" in result.output and "--table" in result.output
    result = invoke(predictions, "--table", "offerings", "--format", "parquet")
    assert result.exit_code == 2 and "[E304] parquet cannot go to standard output" in result.output
    result = invoke(predictions, "-o", tmp_path / "facts.xlsx", "--format", "csv")
    assert result.exit_code == 2 and "[E304]" in result.output
    assert list(tmp_path.glob("facts.*")) == []


def test_standard_input(predictions):
    result = invoke("-", "--table", "securities", input=predictions.read_bytes())
    assert result.exit_code == 0, result.output
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 4


def test_a_bad_record_writes_no_table_with_fail_fast(tmp_path):
    source = write_jsonl(tmp_path / "preds.jsonl", [offering("a", "1"), "{cut off"])
    result = invoke(source, "-o", tmp_path / "tables", "--fail-fast")
    assert result.exit_code == 2 and f"{source}:2" in result.output
    assert not (tmp_path / "tables").exists()


RUN_PREDICT = "run `exhibit predict {0} -o preds.jsonl` first, then `exhibit records preds.jsonl`"


@pytest.mark.parametrize("name, content", [
    ("exhibit.txt", "EXHIBIT 99.1\nAcme Corp. sold 1,000 shares."),
    ("exhibit.htm", "<html><body>Acme Corp.</body></html>"),
    ("submission.nc", "<SEC-DOCUMENT>0000950123-24-000001.txt\n<SEC-HEADER>\n"),
    ("exhibit.dat", "EXHIBIT 99.1\nAcme Corp. sold 1,000 shares.\n"),  # told by its content
])
def test_raw_exhibits_are_refused_with_the_command_to_run_first(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = invoke(path, "--table", "offerings")
    assert result.exit_code == 2 and "[E300]" in result.output and result.stdout == ""
    assert RUN_PREDICT.format(path) in result.output


def test_a_folder_of_exhibits_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text("Acme", encoding="utf-8")
    result = invoke(tmp_path)
    assert result.exit_code == 2 and RUN_PREDICT.format(tmp_path) in result.output


def test_raw_text_on_standard_input_is_refused():
    result = invoke("-", input=b"EXHIBIT 32\nCertification of the Chief Executive Officer\n")
    assert result.exit_code == 2 and "[E300] <stdin>:" in result.output
    assert RUN_PREDICT.format("-") in result.output and result.stdout == ""


def test_jsonl_exhibits_without_entities_are_refused(tmp_path):
    source = write_jsonl(tmp_path / "exhibits.jsonl", [{"id": "x1", "text": "Acme Corp. sold shares."}])
    result = invoke(source, "-o", tmp_path / "rows.csv")
    assert result.exit_code == 2 and "[E301]" in result.output and "record x1" in result.output
    assert RUN_PREDICT.format(source) in result.output
    assert not (tmp_path / "rows.csv").exists()
