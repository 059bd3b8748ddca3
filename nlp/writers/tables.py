"""Tables (named lists of row dicts) as CSV, JSONL, Parquet or XLSX files, or CSV/JSONL on a stream.

- CSV: UTF-8 with a byte-order mark when written to a file, so spreadsheet programs read the
  accents right; RFC 4180 quoting (CRLF rows; cells holding a comma, quote or line break quoted).
- XLSX: one sheet per table, through openpyxl (the optional extra `xlsx`), header row frozen
  and filterable; numbers as number cells.
- Parquet and XLSX keep the column types the table declares (integer, decimal, boolean).
- CSV and XLSX text goes through the one spreadsheet escape (cells.py); Parquet and JSONL keep
  the text exact, since no spreadsheet evaluates them.

A file is written as NAME.part and renamed when whole; a folder of tables appears only when
every table of it was written, so a failure leaves the earlier files as they were.
"""
from __future__ import annotations

import csv
import json
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, TextIO

from ..errors import InputError
from .target import choose_format
from .cells import spreadsheet_value
from .failure import temporary_sibling, write_failed

TABLE_FORMATS = ("csv", "jsonl", "parquet", "xlsx")
STREAM_FORMATS = ("csv", "jsonl")
SUFFIX_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}
XLSX_INSTALL = "pip install openpyxl"  # what the extra `xlsx` of pyproject.toml installs
# Characters XML 1.0 (so XLSX) cannot hold: control characters other than tab, LF and CR.
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass
class Table:
    name: str
    columns: Sequence[str]
    rows: List[Dict[str, Any]]
    types: Mapping[str, str] = field(default_factory=dict)  # column -> integer, decimal or boolean


def table_format(output: Optional[Path], fmt: Optional[str] = None) -> str:
    """--format if given, else from the output file's suffix, else csv."""
    return choose_format(output, fmt, TABLE_FORMATS, SUFFIX_FORMATS, "csv", "E365")


def require_xlsx() -> None:
    """openpyxl is there, or an error that says how to install it (asked before any input is read)."""
    try:
        import openpyxl  # noqa: F401
    except ImportError:
        raise InputError("E303", f"--format xlsx needs the openpyxl package: run `{XLSX_INSTALL}` "
                                 f"(or install exhibit-nlp with its extra: pip install -e '.[xlsx]')") from None


# --- cells --------------------------------------------------------------------------------------

def csv_cell(value: Any) -> str:
    value = spreadsheet_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    return value


def xlsx_value(value: Any) -> Any:
    value = spreadsheet_value(value)
    return _NOT_IN_XML.sub("", value) if isinstance(value, str) else value


# --- writers ------------------------------------------------------------------------------------

def _write_csv(table: Table, handle: TextIO) -> None:
    writer = csv.writer(handle, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(row.get(c)) for c in table.columns])


def _write_jsonl(table: Table, handle: TextIO) -> None:
    for row in table.rows:
        handle.write(json.dumps({c: json_value(row.get(c)) for c in table.columns}, ensure_ascii=False) + "\n")


def write_table_stream(table: Table, stream: TextIO, fmt: str) -> None:
    """CSV (no byte-order mark: a pipe is not a spreadsheet) or JSONL on an open text stream."""
    if fmt not in STREAM_FORMATS:
        raise InputError("E304", f"{fmt} cannot go to standard output: give --output FILE.{fmt}")
    (_write_csv if fmt == "csv" else _write_jsonl)(table, stream)
    stream.flush()


def _arrow_table(table: Table):
    import pyarrow as pa

    kinds = {"integer": pa.int64(), "decimal": pa.float64(), "boolean": pa.bool_()}
    schema = pa.schema([(c, kinds.get(table.types.get(c, ""), pa.string())) for c in table.columns])

    def typed(column: str, value: Any) -> Any:
        if value is None:
            return None
        kind = table.types.get(column)
        if kind == "decimal":
            return float(value)
        return value if kind in kinds else str(value)

    rows = [{c: typed(c, row.get(c)) for c in table.columns} for row in table.rows]
    return pa.Table.from_pylist(rows, schema=schema)


def _write_parquet(table: Table, path: Path) -> None:
    import pyarrow.parquet as pq

    pq.write_table(_arrow_table(table), path)


def _write_xlsx(tables: Sequence[Table], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    for table in tables:
        sheet = book.create_sheet(table.name[:31])  # Excel's limit for sheet names
        sheet.freeze_panes = "A2"
        last = f"{get_column_letter(max(len(table.columns), 1))}{len(table.rows) + 1}"
        sheet.auto_filter.ref = f"A1:{last}"
        sheet.append([xlsx_value(c) for c in table.columns])
        for row in table.rows:
            sheet.append([xlsx_value(row.get(c)) for c in table.columns])
    book.save(path)


def _write_file(tables: Sequence[Table], path: Path, fmt: str) -> None:
    if fmt == "xlsx":
        _write_xlsx(tables, path)
        return
    table = tables[0]
    if fmt == "parquet":
        _write_parquet(table, path)
        return
    # utf-8-sig: the byte-order mark tells spreadsheet programs the file is UTF-8
    with path.open("w", encoding="utf-8-sig" if fmt == "csv" else "utf-8", newline="") as handle:
        (_write_csv if fmt == "csv" else _write_jsonl)(table, handle)


def write_files(files: Mapping[Path, Sequence[Table]], fmt: str) -> List[Path]:
    """Write each file (its tables) whole: all as .part first, then each renamed into place.

    A failure removes the .part files and leaves existing files untouched."""
    if fmt not in TABLE_FORMATS:
        raise InputError("E365", f"--format {fmt!r}: choose one of {', '.join(TABLE_FORMATS)}")
    if fmt == "xlsx":
        require_xlsx()
    for path, tables in files.items():
        if len(tables) != 1 and fmt != "xlsx":
            raise InputError("E304", f"{path}: a {fmt} file holds one table: choose one with --table, "
                                     f"or give an output folder for all of them")
    written: List[Path] = []
    try:
        for path, tables in files.items():
            _write_file(tables, temporary_sibling(path), fmt)
            written.append(path)
    except OSError as err:
        raise write_failed(path, err) from None
    finally:
        if len(written) < len(files):
            for path in files:
                temporary_sibling(path).unlink(missing_ok=True)
    for path in written:
        os.replace(temporary_sibling(path), path)
    return written


def table_paths(folder: Path, tables: Iterable[Table], fmt: str) -> Dict[Path, List[Table]]:
    """One file per table in folder: offerings.csv, securities.csv, ..."""
    return {Path(folder) / f"{table.name}.{fmt}": [table] for table in tables}
