"""Hugging Face `datasets`: a save_to_disk folder or a Parquet file of guide records.

The columns are the guide record's, meta as a JSON string (nlp/io/hf.py). Reading also
takes a DatasetDict folder or a folder of <split>.parquet files: their splits are read one
after the other.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

from .. import limits
from ..errors import InputError, shown_id
from ..io import safe_json
from ..io.hf import records_to_dataset
from ..io.records import ExhibitRecord
from .base import ConversionReport, FormatOptions, prepare_output

COLUMNS = ("id", "text", "category", "entities", "relations", "meta")


def _records(rows, where: str) -> List[ExhibitRecord]:
    records = []
    for k, row in enumerate(rows):
        missing = [c for c in ("id", "text") if c not in row]
        if missing:
            raise InputError("E146", f"{where}: not a dataset of guide records (no column {missing[0]!r}; "
                                     f"columns: {', '.join(sorted(row))})")
        row = dict(row)
        try:
            meta = row.get("meta")
            row["meta"] = safe_json.loads(meta or "{}") if isinstance(meta, (str, type(None))) else meta
            safe_json.check_value(row)
            record = ExhibitRecord.from_dict(row)
        except safe_json.JsonProblem as err:
            raise InputError(err.code or "E146", f"{where}: row {k}: {err.reason}") from None
        except ValueError as err:
            raise InputError("E146", f"{where}: row {k}: {err}") from None
        _check_offsets(record, f"{where}: row {k}: {shown_id(record.id)}")
        records.append(record)
    return records


def _check_offsets(record: ExhibitRecord, where: str) -> None:
    """Offsets inside the text: Parquet columns can hold any integer (10**15 included)."""
    size = len(record.text)
    spans = [(f"entity {e.label}", e.offsets) for e in record.entities]
    spans += [(f"relation {r.label} {side}", span) for r in record.relations
              for side, span in (("head", r.head), ("child", r.child))]
    for what, (start, end) in spans:
        if not 0 <= start < end <= size:
            raise InputError("E229", f"{where}: {what} [{start}, {end}] is out of range (text length {size})")


def _read_parquet(path: Path) -> List[ExhibitRecord]:
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        meta = parquet.metadata
    except Exception as err:  # pyarrow's errors for a file that is not Parquet
        raise InputError("E146", f"{path}: not a Parquet file ({type(err).__name__})") from None
    # The footer says how many rows and bytes the file expands to: refuse a bomb before reading,
    # and count again while reading, in case the footer lies.
    limits.check_record_count(meta.num_rows, str(path))
    limits.check_decoded_bytes(sum(meta.row_group(i).total_byte_size for i in range(meta.num_row_groups)), str(path))
    rows, size = [], 0
    try:
        for i in range(meta.num_row_groups):
            table = parquet.read_row_group(i)
            size += table.nbytes
            limits.check_decoded_bytes(size, str(path))
            rows.extend(table.to_pylist())
            limits.check_record_count(len(rows), str(path))
    except InputError:
        raise
    except Exception as err:  # pyarrow's errors for a damaged file
        raise InputError("E146", f"{path}: not a Parquet file ({type(err).__name__})") from None
    return _records(rows, str(path))


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    path = Path(path)
    if path.is_file():
        return _read_parquet(path)
    if not path.is_dir():
        raise InputError("E001", f"{path}: no such file or folder")
    parquet_files = sorted(path.glob("*.parquet"))
    if (path / "dataset_dict.json").exists() or (path / "state.json").exists():
        from datasets import DatasetDict, load_from_disk

        try:
            loaded = load_from_disk(str(path))
        except Exception as err:  # datasets raises several kinds on a damaged folder
            raise InputError("E146", f"{path}: cannot load the dataset ({type(err).__name__})") from None
        parts = list(loaded.items()) if isinstance(loaded, DatasetDict) else [("", loaded)]
        limits.check_record_count(sum(len(part) for _, part in parts), str(path))
        records = [r for name, part in parts for r in _records(part, f"{path} {name}".strip())]
    elif parquet_files:
        parts = [(p.stem, None) for p in parquet_files]
        records = [r for p in parquet_files for r in _read_parquet(p)]
    else:
        raise InputError("E146", f"{path}: neither a save_to_disk folder nor a folder of .parquet files")
    if len(parts) > 1:
        names = ", ".join(name for name, _ in parts)
        report.warnings.append(f"{path}: splits {names} are read one after the other; the split names are not kept")
    return records


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    from datasets.utils.logging import disable_progress_bar

    path = prepare_output(path)
    disable_progress_bar()  # progress bars would drown the warning lines on stderr
    dataset = records_to_dataset(list(records))
    if path.suffix == ".parquet":
        dataset.to_parquet(str(path))
    else:
        dataset.save_to_disk(str(path))
