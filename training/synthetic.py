"""Synthetic exhibits: written to cover structures the real corpus has few of, used for training only.

A synthetic record carries meta.synthetic = true. It may add to what a model trains on, never to
what a model is chosen or scored on: cross-validation adds such records to the training part of
every fold (`extra_training_records`), and the corpus splits put them in train (see
training.split). They must not share an id or a company with the real corpus, or a fold's test
company would be seen in training.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Sequence

from nlp.errors import InputError, shown_id
from nlp.io.records import ExhibitRecord, check_unique_ids, read_records


def is_synthetic(record: ExhibitRecord) -> bool:
    return record.meta.get("synthetic") is True


def refuse_synthetic_in_corpus(records: Sequence[ExhibitRecord], corpus: Path) -> None:
    """A corpus to fold must be real: a synthetic record there could land in a test fold."""
    for record in records:
        if is_synthetic(record):
            raise InputError("E403", f"{corpus}: record {shown_id(record.id)} is synthetic (meta.synthetic): "
                                     "synthetic records are training-only, pass them with --extra-train")


def extra_training_records(path: Path, corpus: Sequence[ExhibitRecord]) -> List[ExhibitRecord]:
    """The records of `path`, checked to be synthetic and apart from `corpus` by id and company."""
    from training.split import company_key  # training.split imports this module's is_synthetic

    extra = read_records(path)
    check_unique_ids(extra, path)
    ids = {r.id for r in corpus}
    companies = {company_key(r) for r in corpus}
    for record in extra:
        name = shown_id(record.id)
        if not is_synthetic(record):
            raise InputError("E400", f"{path}: record {name} lacks meta.synthetic = true: "
                                     "--extra-train takes synthetic training-only records")
        if record.id in ids:
            raise InputError("E401", f"{path}: record {name}: the corpus has a record with the same id")
        if company_key(record) in companies:
            raise InputError("E402", f"{path}: record {name}: its company {record.company!r} is a company "
                                     "of the corpus (it could be in a test fold)")
    return extra
