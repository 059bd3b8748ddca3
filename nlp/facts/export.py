"""What `exhibit records` writes where: the tidy tables (nlp/facts/tables.py) to a file, a folder
or standard output, or the combined table of earlier versions (nlp/facts/flatten.py).

Every choice is checked before a record is read, so a wrong option costs nothing.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, Optional, TextIO, Tuple

from ..errors import InputError
from ..writers.tables import (
    STREAM_FORMATS,
    SUFFIX_FORMATS,
    Table,
    require_xlsx,
    table_format,
    table_paths,
    write_files,
    write_table_stream,
)
from ..writers.target import check_output_file, check_writable_folder
from .tables import COLUMN_TYPES, TABLES, table_rows

TABLE_NAMES = tuple(TABLES)


@dataclass(frozen=True)
class TablesTarget:
    output: Optional[Path]  # None: standard output
    fmt: str
    names: Tuple[str, ...]  # the tidy tables to write; empty for the combined table
    folder: bool = False

    @property
    def combined(self) -> bool:
        return not self.names


def is_folder_target(output: Optional[Path]) -> bool:
    """An existing folder, or a new name without a suffix (tables/): one file per table in it."""
    return output is not None and (output.is_dir() or (not output.exists() and not output.suffix))


def plan_tables(output: Optional[Path], fmt: Optional[str], table: Optional[str]) -> TablesTarget:
    """Where the tables go and in which format, checked (E303, E304, E365, E366, and the output checks).

    Without --table: every tidy table into a folder or an XLSX workbook (one sheet each); to
    one CSV/JSONL file or standard output, the combined table (one row per security or officer).
    """
    folder = is_folder_target(output)
    fmt = table_format(None if folder else output, fmt)
    if table is not None and table not in TABLE_NAMES:
        raise InputError("E366", f"--table {table!r}: choose one of {', '.join(TABLE_NAMES)}")
    if table is None and not folder and fmt in STREAM_FORMATS:
        target = TablesTarget(output, fmt, ())
    else:
        target = TablesTarget(output, fmt, (table,) if table else TABLE_NAMES, folder)
    said = SUFFIX_FORMATS.get(output.suffix.lower()) if output is not None and not folder else None
    if said is not None and said != fmt:
        raise InputError("E304", f"{output}: a {output.suffix} file cannot hold {fmt}: "
                                 f"name it *.{fmt}, or leave --format out")
    if target.combined:
        return target  # write_table checks its output itself (E124, E125)
    if fmt == "xlsx":
        require_xlsx()
    if output is None:
        if fmt not in STREAM_FORMATS:
            raise InputError("E304", f"{fmt} cannot go to standard output: give --output FILE.{fmt} or a folder")
    elif folder:
        check_writable_folder(output if output.exists() else output.parent, output)
    else:
        check_output_file(output)
        if len(target.names) > 1 and fmt != "xlsx":
            raise InputError("E304", f"{output}: a {fmt} file holds one table: choose one with --table "
                                     f"{'|'.join(TABLE_NAMES)}, or give an output folder for all of them")
    return target


def tidy_tables(outputs: Iterable[Dict[str, Any]], names: Iterable[str] = TABLE_NAMES) -> list:
    """The named tables of the records, as writer tables (columns and types declared)."""
    rows = table_rows(outputs)
    return [Table(name, TABLES[name], rows[name], COLUMN_TYPES) for name in names]


def write_tables(outputs: Iterable[Dict[str, Any]], target: TablesTarget,
                 stream: Optional[TextIO] = None) -> Dict[str, int]:
    """Read every record, then write the target's tables; returns the row count of each table.

    Nothing is written when a record cannot be read (the rows are all made first)."""
    tables = tidy_tables(outputs, target.names)
    if target.output is None:
        write_table_stream(tables[0], stream or sys.stdout, target.fmt)
    elif target.folder:
        target.output.mkdir(exist_ok=True)
        write_files(table_paths(target.output, tables, target.fmt), target.fmt)
    else:
        write_files({target.output: tables}, target.fmt)
    return {table.name: len(table.rows) for table in tables}
