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
from .base import ConversionReport, FormatOptions, fallback_id, prepare_output


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    from spacy.vocab import Vocab

    path = Path(path)
    if not path.is_file():
        raise InputError("E001", f"{path}: no such file")
    try:
        records = docbin_to_records(path, Vocab())  # id, category and meta travel in user_data
    except Exception as err:  # msgpack and zlib raise many kinds on a file that is no DocBin
        raise InputError("E145", f"{path}: not a spaCy DocBin file ({type(err).__name__})") from None
    for k, record in enumerate(records, 1):
        record.id = record.id or fallback_id(path, k)
    return records


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
