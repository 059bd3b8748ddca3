"""CSV output: one row per exhibit; entities, relations, meta and any other structured key as
JSON strings. Each row is written whole and flushed; --resume drops a partial last row."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any, Dict, List, Optional, TextIO

from .rows import BASE_COLUMNS, cell, columns_of


def serialize_row(values: List[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer).writerow(values)
    return buffer.getvalue()


class CsvWriter:
    def __init__(self, path: Optional[Path] = None, stream: Optional[TextIO] = None,
                 columns: Optional[List[str]] = None):
        """columns: the header of an existing file being appended to (resume); else from the first record."""
        self.path = Path(path) if path is not None else None
        self.columns = columns
        self._own = stream is None
        appending = columns is not None
        self._handle = stream if stream is not None else self.path.open(
            "a" if appending else "w", encoding="utf-8", newline="")

    def write(self, record: Dict[str, Any]) -> None:
        if self.columns is None:
            self.columns = columns_of(record)
            self._handle.write(serialize_row(self.columns))
        self._handle.write(serialize_row([cell(record.get(column)) for column in self.columns]))
        self._handle.flush()

    def close(self) -> None:
        if self.columns is None:  # no record: still a valid CSV with the guide's columns
            self.columns = list(BASE_COLUMNS)
            self._handle.write(serialize_row(self.columns))
        if self._own:
            self._handle.close()
        else:
            self._handle.flush()

    def __enter__(self) -> "CsvWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
