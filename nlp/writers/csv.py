"""CSV output: one row per exhibit; entities, relations, meta and any other structured key as
JSON strings, text that a spreadsheet would run as a formula escaped (cells.py). Each row is
written whole and flushed; --resume drops a partial last row."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO

from .cells import escape_text
from .rows import BASE_COLUMNS, cell, columns_of
from .stream import LineWriter


def serialize_row(values: List[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


class CsvWriter(LineWriter):
    def __init__(self, path: Optional[Path] = None, stream: Optional[TextIO] = None,
                 columns: Optional[List[str]] = None):
        """columns: the header of an existing file being appended to (resume); else from the first record."""
        super().__init__(path, stream, append=columns is not None, newline="")
        self.columns = columns

    def write(self, record: Dict[str, Any]) -> None:
        if self.columns is None:
            self.columns = columns_of(record)
            self._put(serialize_row(self.columns))
        self._put(serialize_row([escape_text(cell(record.get(column))) for column in self.columns]))

    def close(self) -> None:
        if self.columns is None:  # no record: still a valid CSV with the guide's columns
            self.columns = list(BASE_COLUMNS)
            self._put(serialize_row(self.columns))
        super().close()
