"""Running a pipeline over exhibits: inputs in, guide records (with values and scores) out."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, Iterator

from .errors import InputError
from .io.docs import doc_to_record


@dataclass
class ExhibitInput:
    id: str
    text: str
    source: str


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError("E050", f"{path}: not UTF-8 text (byte {err.start})") from None
    except PermissionError:
        raise InputError("E003", f"{path}: permission denied") from None


def iter_text_inputs(paths: Iterable[Path], glob: str = "*.txt") -> Iterator[ExhibitInput]:
    """.txt files as given, folders searched recursively with `glob`; id = file name without extension."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.rglob(glob) if p.is_file())
            if not files:
                raise InputError("E051", f"{path}: no file matching {glob!r} in this folder")
            for file in files:
                yield ExhibitInput(file.stem, _read_text(file), str(file))
        elif path.exists():
            yield ExhibitInput(path.stem, _read_text(path), str(path))
        else:
            raise InputError("E001", f"{path}: no such file")


def doc_to_output(doc, record_id: str) -> Dict:
    """The guide record of a predicted doc, entities with `value`, relations with `score`."""
    record = doc_to_record(doc, record_id, threshold=0.0)
    values = {(e.start_char, e.end_char): e._.value for e in doc.ents}
    scores = {
        (tuple(h), tuple(c), label): prob
        for (h, c), labels in (doc._.relations or {}).items()
        for label, prob in labels.items()
    }
    out = record.to_dict()
    out.pop("meta")
    out["category"] = None
    for ent in out["entities"]:
        ent["value"] = values.get((ent["start"], ent["end"]))
    for rel in out["relations"]:
        rel["score"] = scores.get((tuple(rel["head"]), tuple(rel["child"]), rel["label"]))
    return out


def predict_exhibits(
    nlp, inputs: Iterable[ExhibitInput], batch_size: int = 8, n_process: int = 1
) -> Iterator[Dict]:
    """Output records in input order, streamed."""
    pairs = ((item.text, item.id) for item in inputs)
    for doc, record_id in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size, n_process=n_process):
        yield doc_to_output(doc, record_id)


def write_jsonl_stream(records: Iterable[Dict], path: Path, progress=None) -> int:
    """Write records one whole line at a time (flushed), so an interrupted run keeps finished lines."""
    count = 0
    path = Path(path)
    if not path.parent.exists():
        raise InputError("E052", f"{path}: folder {path.parent} does not exist")
    try:
        handle = path.open("w", encoding="utf-8")
    except PermissionError:
        raise InputError("E003", f"{path}: permission denied") from None
    with handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            handle.flush()
            count += 1
            if progress is not None:
                progress(record)
    return count
