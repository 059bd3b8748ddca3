"""`exhibit convert`: read records in one annotation format and write them in another.

Formats are named on the command line or inferred: from the file suffix where only one
format uses it (.json Label Studio, .conll/.iob/.bio CoNLL, .spacy DocBin, .parquet or a
folder Hugging Face datasets), and for a .jsonl input from its first record's fields (guide,
Prodigy or doccano). A .jsonl output is the guide's JSONL.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional

from .errors import InputError
from .formats import FORMATS, ConversionReport, FormatOptions, get_format
from .io.records import ExhibitRecord, iter_json_lines
from .writers.failure import naming_write_errors, removed_on_failure, temporary_sibling
from .writers.target import check_not_an_input


@dataclass
class ConversionResult:
    source_format: str
    target_format: str
    records: int
    warnings: List[str] = field(default_factory=list)


def sniff_jsonl(path: Path) -> Optional[str]:
    """The format of a JSONL file, told by the fields of its first record (None if unclear)."""
    for item in iter_json_lines(Path(path)):
        data = item.data
        if item.error:  # the reader reports (or stops at) an unreadable line: the next one tells
            continue
        if not isinstance(data, dict):
            return None
        if "tokens" in data or "spans" in data:
            return "prodigy"
        entities = data.get("entities")
        if isinstance(data.get("label"), list) or "exhibit_id" in data:
            return "doccano"
        if isinstance(entities, list) and entities and isinstance(entities[0], dict):
            if "start_offset" in entities[0]:
                return "doccano"
            if "start" in entities[0]:
                return "jsonl"
        if isinstance(data.get("id"), str) and "text" in data:
            return "jsonl"
        return None
    return None


def infer_format(path: Path, output: bool, other: Optional[str] = None) -> str:
    """The format a path names by its suffix (or, for input .jsonl, by its content)."""
    path = Path(path)
    suffix = path.suffix.lower()
    for fmt in FORMATS.values():
        if suffix in fmt.suffixes:
            return fmt.name
    if suffix == ".jsonl":
        if not output:
            found = sniff_jsonl(path) if path.is_file() else None
            if found:
                return found
            if path.is_file() and next(iter_json_lines(path), None) is None:
                raise InputError("E161", f"{path}: holds no records (the file is empty or blank)")
            raise InputError("E131", f"{path}: cannot tell whether this JSONL is guide, prodigy or doccano "
                                     "records; give --from")
        if other == "jsonl":
            raise InputError("E131", f"{path}: .jsonl is used by jsonl, prodigy and doccano; give --to")
        return "jsonl"
    if (not output and path.is_dir()) or (output and suffix == ""):
        return "hf"
    side = "--to" if output else "--from"
    raise InputError("E131", f"{path}: cannot tell the format from the name; give {side} "
                             f"({', '.join(FORMATS)})")


def read_any(path: Path, fmt: Optional[str] = None, options: Optional[FormatOptions] = None,
             report: Optional[ConversionReport] = None) -> List[ExhibitRecord]:
    """Records of a file in any registered format (inferred when fmt is None)."""
    path = Path(path)
    if not path.exists():
        raise InputError("E001", f"{path}: no such file")
    name = fmt or infer_format(path, output=False)
    return get_format(name).read(path, options or FormatOptions(), report or ConversionReport())


def write_any(records: List[ExhibitRecord], path: Path, fmt: str, options: Optional[FormatOptions] = None,
              report: Optional[ConversionReport] = None) -> None:
    """Formats write OUT.part and rename it; a failure (full disk) or an interrupt (Ctrl-C,
    SIGTERM) removes it, and a failed write names OUT."""
    path = Path(path)
    with naming_write_errors(path), removed_on_failure(temporary_sibling(path)):
        get_format(fmt).write(records, path, options or FormatOptions(), report or ConversionReport())


def convert(source: Path, target: Path, source_format: Optional[str] = None,
            target_format: Optional[str] = None, options: Optional[FormatOptions] = None) -> ConversionResult:
    """Convert a file; the result lists every warning about what the target could not hold."""
    options = options or FormatOptions()
    if source_format is not None:
        get_format(source_format)
    if target_format is not None:
        get_format(target_format)
    source, target = Path(source), Path(target)
    source_format = source_format or infer_format(source, output=False)
    target_format = target_format or infer_format(target, output=True, other=source_format)
    check_not_an_input([target], [source], code="E132")
    report = ConversionReport()
    records = read_any(source, source_format, options, report)
    if not records:  # an empty file or folder: nothing to convert is a mistake, not a result
        raise InputError("E161", f"{source}: holds no records to convert")
    write_any(records, target, target_format, options, report)
    return ConversionResult(source_format, target_format, len(records), report.warnings)
