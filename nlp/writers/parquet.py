"""Parquet output, written a row group at a time as records stream in.

The file is written as OUT.partial and renamed to OUT when closed (also on Ctrl-C, SIGTERM or a
stop at the first bad input), so OUT is never a half file. When writing fails (a full disk) the
partial file, which cannot be finished, is removed and the error names OUT. Entities and
relations are typed nested columns; an entity's `value`, `meta` and any other structured key
are JSON strings.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional

from .failure import remove_quietly, write_failed
from .rows import BASE_COLUMNS, as_json, columns_of

DEFAULT_ROW_GROUP = 256


def _schema(columns: List[str]):
    import pyarrow as pa

    entity = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("label", pa.string()),
                        ("value", pa.string())])
    relation = pa.struct([("head", pa.list_(pa.int64())), ("child", pa.list_(pa.int64())),
                          ("label", pa.string()), ("score", pa.float64())])
    typed = {"entities": pa.list_(entity), "relations": pa.list_(relation)}
    return pa.schema([(name, typed.get(name, pa.string())) for name in columns])


def _row(record: Dict[str, Any], columns: List[str]) -> Dict[str, Any]:
    row: Dict[str, Any] = {}
    for name in columns:
        value = record.get(name)
        if name == "entities":
            value = [{"start": e["start"], "end": e["end"], "label": e["label"],
                      "value": None if e.get("value") is None else as_json(e["value"])} for e in value or []]
        elif name == "relations":
            value = [{"head": list(r["head"]), "child": list(r["child"]), "label": r["label"],
                      "score": r.get("score")} for r in value or []]
        elif value is not None and not isinstance(value, str):
            value = as_json(value)
        row[name] = value
    return row


def partial_path(path: Path) -> Path:
    return Path(path).with_name(Path(path).name + ".partial")


class ParquetWriter:
    def __init__(self, path: Path, row_group_size: int = DEFAULT_ROW_GROUP, columns: Optional[List[str]] = None):
        self.path = Path(path)
        self.row_group_size = row_group_size
        self.columns = columns
        self._rows: List[Dict[str, Any]] = []
        self._writer = None
        self._failed = False

    @contextlib.contextmanager
    def _removed_if_writing_fails(self) -> Iterator[None]:
        try:
            yield
        except OSError as err:
            self._failed = True
            if self._writer is not None:
                with contextlib.suppress(Exception):
                    self._writer.close()
            remove_quietly(partial_path(self.path))
            raise write_failed(self.path, err) from None

    def _open(self) -> None:
        import pyarrow.parquet as pq

        self._writer = pq.ParquetWriter(partial_path(self.path), _schema(self.columns))

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._writer.write_table(pa.Table.from_pylist(self._rows, schema=self._writer.schema))
            self._rows = []

    def copy_from(self, earlier: Path) -> None:
        """Start with the rows of an earlier, finished output (--resume), a row group at a time."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        with self._removed_if_writing_fails():
            if self._writer is None:
                self.columns = self.columns or list(pq.ParquetFile(earlier).schema_arrow.names)
                self._open()
            for batch in pq.ParquetFile(earlier).iter_batches():
                self._writer.write_table(pa.Table.from_batches([batch]).cast(self._writer.schema))

    def write(self, record: Dict[str, Any]) -> None:
        with self._removed_if_writing_fails():
            if self._writer is None:
                self.columns = self.columns or columns_of(record)
                self._open()
            self._rows.append(_row(record, self.columns))
            if len(self._rows) >= self.row_group_size:
                self._flush()

    def close(self) -> None:
        if self._failed:  # the partial file is gone already; nothing to finish
            return
        with self._removed_if_writing_fails():
            if self._writer is None:  # no record: still a valid, empty file
                self.columns = self.columns or list(BASE_COLUMNS)
                self._open()
            self._flush()
            self._writer.close()
            os.replace(partial_path(self.path), self.path)

    def __enter__(self) -> "ParquetWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def iter_parquet_records(path: Path) -> Iterator[Dict[str, Any]]:
    """Rows of a finished Parquet output, a row group at a time (the JSON columns left as strings)."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches():
        yield from batch.to_pylist()
