"""spaCy DocBin (`.spacy`), the training format of `spacy train`.

Entities are doc.ents, so they must fall on tokens of the exhibit tokenizer: a span that
does not is widened to the tokens it touches, with a warning. Relations travel in
doc._.relations, the guide's id, category and meta in doc.user_data.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

from ..errors import InputError
from ..io.docs import AlignmentReport, docbin_to_records, record_to_doc
from ..io.records import ExhibitRecord
from ..io.safe_json import JsonProblem, check_value
from .base import ConversionReport, FormatOptions, fallback_id, prepare_output


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    from spacy.vocab import Vocab

    path = Path(path)
    if not path.is_file():
        raise InputError("E001", f"{path}: no such file")
    try:
        records = docbin_to_records(path, Vocab())  # id, category and meta travel in user_data
    except InputError:
        raise
    except Exception as err:  # msgpack and zlib raise many kinds on a file that is no DocBin
        raise InputError("E145", f"{path}: not a spaCy DocBin file ({type(err).__name__})") from None
    for k, record in enumerate(records, 1):
        record.id = record.id or fallback_id(path, k)
        _check_types(record, f"{path}: doc {k}")
    return records


def _check_types(record: ExhibitRecord, where: str) -> None:
    """user_data is whatever the file holds: the guide fields must have the guide's types."""
    if not isinstance(record.id, str):
        raise InputError("E230", f"{where}: exhibit_id must be a string, got {type(record.id).__name__}")
    if record.category is not None and not isinstance(record.category, str):
        raise InputError("E230", f"{where}: category must be a string or null, got {type(record.category).__name__}")
    if not isinstance(record.meta, dict):
        raise InputError("E230", f"{where}: meta must be an object, got {type(record.meta).__name__}")
    try:
        check_value(record.meta)
    except JsonProblem as err:
        raise InputError(err.code or "E230", f"{where}: meta: {err.reason}") from None


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    from spacy.tokens import DocBin

    path = prepare_output(path)
    make_doc = options.tokenizer()
    docbin = DocBin(store_user_data=True)
    for record in records:
        alignment = AlignmentReport(mode="expand")
        doc = record_to_doc(make_doc, record, "expand", alignment)
        for message in alignment.moved:
            report.warn(record.id, f"docbin: entity widened to token boundaries: {message.split(': ', 1)[1]}")
        for message in alignment.dropped:
            report.warn(record.id, f"docbin: entity not kept: {message.split(': ', 1)[1]}")
        docbin.add(doc)
    tmp = path.with_name(path.name + ".part")
    docbin.to_disk(tmp)
    tmp.replace(path)
