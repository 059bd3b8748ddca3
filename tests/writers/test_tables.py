"""Table writers: CSV for spreadsheets (BOM, RFC 4180 quoting), JSONL, typed Parquet, XLSX with a
sheet per table; files appear whole or not at all."""
from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from nlp.errors import InputError
from nlp.writers import tables as table_writers
from nlp.writers.tables import Table, require_xlsx, table_format, table_paths, write_files, write_table_stream

TYPES = {"quantity": "integer", "price": "decimal", "assumed": "boolean"}


def things(name="things") -> Table:
    rows = [
        {"id": "a", "name": "Société Générale, \"SG\"\r\nParis", "quantity": 1000, "price": Decimal("2.50"),
         "assumed": True},
        {"id": "b", "name": None, "quantity": None, "price": Decimal("1E+3"), "assumed": False},
    ]
    return Table(name, ["id", "name", "quantity", "price", "assumed"], rows, TYPES)


def test_csv_file_has_a_bom_crlf_rows_and_quoted_line_breaks(tmp_path):
    path = tmp_path / "things.csv"
    write_files({path: [things()]}, "csv")
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,quantity,price,assumed\r\n")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[1] == ["a", "Société Générale, \"SG\"\r\nParis", "1000", "2.50", "true"]
    assert rows[2] == ["b", "", "", "1000", "false"]  # no exponent for spreadsheets to misread
    assert len(rows) == 3


def test_csv_on_a_stream_has_no_bom():
    out = io.StringIO()
    write_table_stream(things(), out, "csv")
    assert out.getvalue().startswith("id,name")


def test_jsonl_keeps_numbers_as_numbers():
    out = io.StringIO()
    write_table_stream(things(), out, "jsonl")
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["quantity"] == 1000 and first["price"] == 2.5 and first["assumed"] is True
    assert second["price"] == 1000 and second["name"] is None


def test_parquet_columns_are_typed(tmp_path):
    path = tmp_path / "things.parquet"
    write_files({path: [things()]}, "parquet")
    table = pq.read_table(path)
    assert table.schema.field("quantity").type == pa.int64()
    assert table.schema.field("price").type == pa.float64()
    assert table.schema.field("assumed").type == pa.bool_()
    assert table.schema.field("name").type == pa.string()
    assert table.column("price").to_pylist() == [2.5, 1000.0]
    assert table.column("name").to_pylist()[0].startswith("Société")


def test_xlsx_has_one_sheet_per_table_with_typed_cells(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "facts.xlsx"
    write_files({path: [things("first"), things("second")]}, "xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["first", "second"]
    sheet = book["second"]
    assert [c.value for c in sheet[1]] == ["id", "name", "quantity", "price", "assumed"]
    assert [c.value for c in sheet[2]][2:] == [1000, 2.5, True]
    assert sheet.freeze_panes == "A2"


def test_xlsx_drops_control_characters_xml_cannot_hold(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    table = Table("t", ["name"], [{"name": "page\x0cbreak\x00"}])
    write_files({tmp_path / "t.xlsx": [table]}, "xlsx")
    assert openpyxl.load_workbook(tmp_path / "t.xlsx")["t"]["A2"].value == "pagebreak"


def test_xlsx_without_openpyxl_says_which_pip_command_to_run(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "openpyxl", None)  # import openpyxl now raises ImportError
    with pytest.raises(InputError) as err:
        require_xlsx()
    assert err.value.code == "E303" and "run `pip install openpyxl`" in err.value.message
    with pytest.raises(InputError):
        write_files({tmp_path / "t.xlsx": [things()]}, "xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_of_tables_appears_whole_or_not_at_all(monkeypatch, tmp_path):
    (tmp_path / "a.csv").write_text("earlier\n", encoding="utf-8")
    files = table_paths(tmp_path, [things("a"), things("b")], "csv")
    real = table_writers._write_file

    def fail_on_b(tables, path, fmt):
        if tables[0].name == "b":
            raise OSError(28, "No space left on device")
        real(tables, path, fmt)

    monkeypatch.setattr(table_writers, "_write_file", fail_on_b)
    with pytest.raises(InputError) as err:
        write_files(files, "csv")
    assert err.value.code == "E205" and "b.csv" in err.value.message and "No space left" in err.value.message
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8") == "earlier\n"


def test_one_table_per_csv_parquet_or_jsonl_file(tmp_path):
    with pytest.raises(InputError) as err:
        write_files({tmp_path / "t.parquet": [things("a"), things("b")]}, "parquet")
    assert err.value.code == "E304"


def test_format_from_option_then_suffix_then_csv(tmp_path):
    assert table_format(tmp_path / "t.parquet") == "parquet"
    assert table_format(tmp_path / "t.XLSX") == "xlsx"
    assert table_format(tmp_path / "t.csv", "jsonl") == "jsonl"
    assert table_format(None) == "csv"
    with pytest.raises(InputError) as err:
        table_format(None, "ods")
    assert err.value.code == "E365"


def test_binary_formats_do_not_go_to_a_stream():
    with pytest.raises(InputError) as err:
        write_table_stream(things(), io.StringIO(), "parquet")
    assert err.value.code == "E304"
