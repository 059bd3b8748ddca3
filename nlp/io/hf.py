"""Guide records <-> Hugging Face `datasets` (Dataset, DatasetDict, Parquet files)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List, Mapping, Sequence

from . import safe_json
from .records import ExhibitRecord


def _features():
    from datasets import Features, Sequence as Seq, Value

    return Features(
        {
            "id": Value("string"),
            "text": Value("string"),
            "category": Value("string"),
            "entities": [{"start": Value("int32"), "end": Value("int32"), "label": Value("string")}],
            "relations": [
                {"head": Seq(Value("int32")), "child": Seq(Value("int32")), "label": Value("string")}
            ],
            # meta differs between sources, so it travels as a JSON string
            "meta": Value("string"),
        }
    )


def records_to_dataset(records: Sequence[ExhibitRecord]):
    from datasets import Dataset

    rows: Dict[str, List] = {k: [] for k in ("id", "text", "category", "entities", "relations", "meta")}
    for record in records:
        data = record.to_dict()
        for key in ("id", "text", "category", "entities", "relations"):
            rows[key].append(data[key])
        rows["meta"].append(json.dumps(record.meta, ensure_ascii=False, sort_keys=True, allow_nan=False))
    return Dataset.from_dict(rows, features=_features())


def dataset_to_records(dataset) -> List[ExhibitRecord]:
    out = []
    for row in dataset:
        row = dict(row)
        row["meta"] = safe_json.loads(row.get("meta") or "{}")
        out.append(ExhibitRecord.from_dict(row))
    return out


def records_to_dataset_dict(splits: Mapping[str, Sequence[ExhibitRecord]]):
    from datasets import DatasetDict

    return DatasetDict({name: records_to_dataset(recs) for name, recs in splits.items()})


def save_parquet(splits: Mapping[str, Sequence[ExhibitRecord]], folder: Path) -> List[Path]:
    """One <split>.parquet per split in folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, dataset in records_to_dataset_dict(splits).items():
        path = folder / f"{name}.parquet"
        dataset.to_parquet(str(path))
        paths.append(path)
    return paths


def load_parquet(folder: Path):
    """The DatasetDict of a folder written by save_parquet."""
    from datasets import load_dataset

    files = {p.stem: str(p) for p in sorted(Path(folder).glob("*.parquet"))}
    return load_dataset("parquet", data_files=files, features=_features())


def load_corpus_splits(corpus: Path):
    """The corpus folder (exhibits.jsonl + splits.json) as a DatasetDict of train/dev/test."""
    from .corpus_reader import select_records

    corpus = Path(corpus)
    data, splits = corpus / "exhibits.jsonl", corpus / "splits.json"
    names = sorted(set(json.loads(splits.read_text(encoding="utf-8"))["assignments"].values()))
    return records_to_dataset_dict({name: select_records(data, name, splits) for name in names})
