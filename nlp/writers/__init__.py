"""Prediction outputs: JSONL, CSV and Parquet writers that stream, never leave a half record,
and can resume an interrupted run; plus the log of skipped inputs."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional, TextIO

from ..errors import InputError
from .csv import CsvWriter
from .errors import ErrorLog
from .jsonl import JsonlWriter
from .parquet import ParquetWriter, iter_parquet_records, partial_path
from .resume import ResumeState, prepare_resume
from .target import (
    FORMATS,
    check_not_an_input,
    check_output_file,
    check_output_folder,
    default_errors_path,
    output_format,
)


def open_writer(output: Optional[Path], fmt: str, resume: Optional[ResumeState] = None,
                stream: Optional[TextIO] = None):
    """A writer for output (a file), or for stream (standard output by default) when output is None.

    With a resume state of an existing file, JSONL and CSV append to it and Parquet copies it.
    """
    appending = resume is not None and resume.exists
    if output is None:
        if fmt == "parquet":
            raise InputError("E065", "Parquet cannot go to standard output: give --output FILE.parquet")
        stream = stream or sys.stdout
        return JsonlWriter(stream=stream) if fmt == "jsonl" else CsvWriter(stream=stream)
    if fmt == "jsonl":
        return JsonlWriter(output, append=appending)
    if fmt == "csv":
        return CsvWriter(output, columns=resume.columns if appending else None)
    writer = ParquetWriter(output, columns=resume.columns if appending else None)
    if appending:
        writer.copy_from(output)
    return writer


__all__ = [
    "FORMATS", "CsvWriter", "ErrorLog", "JsonlWriter", "ParquetWriter", "ResumeState", "check_not_an_input",
    "check_output_file", "check_output_folder", "default_errors_path", "iter_parquet_records", "open_writer",
    "output_format", "partial_path", "prepare_resume",
]
