"""The spreadsheet rows: one per offered security or certifying officer."""
from __future__ import annotations

import csv
import io
import json

import pytest

from nlp.errors import InputError
from nlp.facts import extract_facts
from nlp.facts.flatten import COLUMNS, record_rows, write_table


@pytest.fixture(scope="module")
def seeds(seeds_path):
    return [json.loads(line) for line in seeds_path.read_text(encoding="utf-8").splitlines()]


def test_offering_rows(seeds):
    rows = record_rows(seeds[0])
    assert [r["security"] for r in rows] == ["Common Stock", "Common Stock purchase warrants"]
    assert rows[0] == dict.fromkeys(COLUMNS) | {
        "id": "seed_innovo_ex99_20031202", "kind": "offering", "company": "Innovo Group Inc.",
        "security": "Common Stock", "quantity": 2996667, "price": "3.00", "currency": "USD",
        "amount_gross": "9000000", "agents": "SunTrust Robinson Humphrey Capital Markets",
        "warnings": "implausible_scale", "currency_assumed": True, "combined_price": "3.20"}
    assert rows[1]["exercise_price"] == "4.00" and rows[1]["price"] is None and rows[1]["quantity"] == 599333


def test_offering_figures_fill_one_row_so_a_column_sum_counts_the_offering_once(seeds):
    rows = record_rows(seeds[0])
    assert [r["amount_gross"] for r in rows] == ["9000000", None]
    assert [r["agents"] for r in rows] == ["SunTrust Robinson Humphrey Capital Markets", None]
    assert [r["combined_price"] for r in rows] == ["3.20", None]


def test_certification_rows(seeds):
    rows = record_rows(seeds[1])
    assert [(r["officer"], r["titles"]) for r in rows] == [
        ("Samuel J. Furrow, Jr.", "Chief Executive Officer; Principal Executive Officer"),
        ("Marc B. Crossman", "Chief Financial Officer; Principal Financial Officer"),
    ]
    assert all(r["report_form"] == "10-K/A" and r["period"] == "2003-11-29" for r in rows)
    assert all(r["company"] == "Innovo Group Inc." and r["security"] is None for r in rows)


def test_record_with_facts_is_taken_as_it_is(seeds):
    given = dict(seeds[1], record={"kind": "certification", "company": "X Corp.", "report": None,
                                   "officers": []}, warnings=[{"code": "no_officer", "message": "m"}])
    assert record_rows(given) == [dict.fromkeys(COLUMNS) | {
        "id": "seed_innovo_ex32_20040329", "kind": "certification", "company": "X Corp.",
        "warnings": "no_officer"}]


def test_record_with_no_entities_is_one_row():
    rows = record_rows({"id": "blank", "text": "Nothing here.", "entities": [], "relations": []})
    assert rows == [dict.fromkeys(COLUMNS) | {"id": "blank", "kind": "other"}]


def test_csv_file(tmp_path, seeds):
    out = tmp_path / "facts.csv"
    outputs = [dict(s, **extract_facts(s)) for s in seeds]
    assert write_table(outputs, out, "csv") == 4
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert list(rows[0]) == COLUMNS
    assert [(r["kind"], r["security"] or r["officer"]) for r in rows] == [
        ("offering", "Common Stock"), ("offering", "Common Stock purchase warrants"),
        ("certification", "Samuel J. Furrow, Jr."), ("certification", "Marc B. Crossman")]
    assert rows[0]["quantity"] == "2996667" and rows[0]["exercise_price"] == ""


def test_a_failing_input_leaves_no_file(tmp_path, seeds):
    out = tmp_path / "facts.csv"

    def outputs():
        yield seeds[0]
        raise InputError("E121", "bad line")

    with pytest.raises(InputError):
        write_table(outputs(), out, "jsonl")
    assert list(tmp_path.iterdir()) == []


def test_unknown_format_and_missing_folder(tmp_path, seeds):
    with pytest.raises(InputError, match="E123"):
        write_table(seeds, tmp_path / "x.csv", "xlsx")
    with pytest.raises(InputError, match=r"E124.*nofolder does not exist"):
        write_table(seeds, tmp_path / "nofolder" / "x.csv", "csv")
