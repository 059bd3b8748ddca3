"""The annotation guide's own JSONL records (the hub every conversion passes through)."""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

from ..io.records import ExhibitRecord, read_records, write_records
from .base import ConversionReport, FormatOptions, prepare_output


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    return read_records(Path(path), options.on_bad_line)


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    write_records(records, prepare_output(path))
