"""--resume: find the exhibits an earlier, interrupted run already wrote, so a rerun skips them
and the output ends up as an uninterrupted run's (same records, same order, none twice).

Ids are counted, not just remembered: inputs listed in the same order meet their earlier records
in the same order, so two exhibits sharing an id are both accounted for.

- JSONL: whole lines are kept; a partial last line (a kill mid-write) is cut off.
- CSV: complete rows are kept; a partial last row is dropped (the file is rewritten without it).
- Parquet: a file closed by an earlier run (finished, Ctrl-C, --fail-fast) is read back and
  copied; a run killed outright leaves only OUT.partial, which cannot be read, so its exhibits
  are predicted again.
"""
from __future__ import annotations

import csv
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from ..errors import InputError
from .cells import unescape_cell
from .csv import serialize_row


@dataclass
class ResumeState:
    done: Counter = field(default_factory=Counter)
    columns: Optional[List[str]] = None  # the existing CSV/Parquet header, kept when appending
    exists: bool = False

    def already_done(self, record_id: str) -> bool:
        """True (once per earlier record) when an exhibit with this id was written before."""
        if self.done[record_id] > 0:
            self.done[record_id] -= 1
            return True
        return False


def _bad_output(path: Path, where: str, why: str) -> InputError:
    return InputError("E067", f"{path}:{where}: cannot resume, {why} (move the file away to start over)")


def resume_jsonl(path: Path) -> ResumeState:
    path = Path(path)
    state = ResumeState(exists=path.exists())
    if not state.exists:
        return state
    keep = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, 1):
            if not raw.endswith(b"\n"):
                break  # a line the killed run did not finish
            try:
                state.done[json.loads(raw)["id"]] += 1
            except (ValueError, KeyError, TypeError):
                raise _bad_output(path, str(number), "the line is not a whole output record") from None
            keep += len(raw)
    if keep < path.stat().st_size:
        os.truncate(path, keep)
    return state


def resume_csv(path: Path) -> ResumeState:
    path = Path(path)
    state = ResumeState(exists=path.exists())
    if not state.exists or path.stat().st_size == 0:
        return state
    csv.field_size_limit(sys.maxsize)  # exhibit texts are far above csv's default cell limit
    with path.open("rb") as handle:
        handle.seek(-1, os.SEEK_END)
        ends_whole = handle.read(1) == b"\n"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle)
        state.columns = next(rows, None)
        if not state.columns or "id" not in state.columns:
            raise _bad_output(path, "1", "no header with an `id` column")
        id_at, width = state.columns.index("id"), len(state.columns)
        last: Optional[List[str]] = None
        kept = 0
        for number, row in enumerate(rows, 2):
            if last is not None:  # a row followed by another one was written whole
                if len(last) != width:
                    raise _bad_output(path, f"row {number - 1}", f"{len(last)} cells where the header has {width}")
                state.done[unescape_cell(last[id_at])] += 1
                kept += 1
            last = row
    if last is not None:
        if ends_whole and len(last) == width:
            state.done[unescape_cell(last[id_at])] += 1
        else:  # the row the killed run did not finish
            _rewrite_csv(path, kept)
    return state


def _rewrite_csv(path: Path, keep_rows: int) -> None:
    """The header and the first keep_rows rows, streamed into a new file that replaces the old."""
    tmp = path.with_name(path.name + ".resume")
    with path.open(encoding="utf-8", newline="") as source, tmp.open("w", encoding="utf-8", newline="") as out:
        for number, row in enumerate(csv.reader(source)):
            if number > keep_rows:
                break
            out.write(serialize_row(row))
    os.replace(tmp, path)


def resume_parquet(path: Path) -> ResumeState:
    import pyarrow.parquet as pq

    path = Path(path)
    state = ResumeState(exists=path.exists())
    if not state.exists:
        return state
    try:
        table = pq.ParquetFile(path)
        state.columns = list(table.schema_arrow.names)
        for batch in table.iter_batches(columns=["id"]):
            state.done.update(batch.column(0).to_pylist())
    except Exception as err:  # pyarrow raises several kinds for a file that is not Parquet
        raise _bad_output(path, "0", f"not a readable Parquet file ({type(err).__name__})") from None
    return state


def prepare_resume(path: Path, fmt: str) -> ResumeState:
    """What the output at path already holds; fixes a partial last record in place."""
    return {"jsonl": resume_jsonl, "csv": resume_csv, "parquet": resume_parquet}[fmt](path)
