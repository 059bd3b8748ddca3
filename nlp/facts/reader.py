"""Reading output or gold JSONL for the facts: every line checked, facts added where missing."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterator

from ..errors import InputError
from ..io.records import ExhibitRecord, iter_json_lines
from . import KINDS, extract_facts


def check_output_record(data: Any) -> None:
    """Raise ValueError naming the first problem that keeps the facts from being read."""
    record = ExhibitRecord.from_dict(data)  # id, text, entity and relation shapes
    for ent in record.entities:
        if not 0 <= ent.start < ent.end <= len(record.text):
            raise ValueError(f"entity {ent.label} [{ent.start}, {ent.end}] lies outside the text "
                             f"({len(record.text)} characters)")
    if "record" in data:
        facts = data["record"]
        if not isinstance(facts, dict) or facts.get("kind") not in KINDS:
            raise ValueError(f"field 'record' must be an object with a kind of {', '.join(KINDS)}")
        if not isinstance(data.get("warnings", []), list):
            raise ValueError("field 'warnings' must be a list")


def iter_fact_records(path: Path) -> Iterator[Dict[str, Any]]:
    """The records of a JSONL file, each with `record` and `warnings` (computed when missing).

    The first bad line raises InputError naming FILE:LINE (and the record id when it has one).
    """
    empty = True
    for item in iter_json_lines(path):
        empty = False
        if item.error:
            raise InputError("E120", f"{item.path}:{item.line}: {item.error}")
        data = item.data
        try:
            check_output_record(data)
        except ValueError as err:
            rid = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
            where = f"{item.path}:{item.line}: {rid}" if rid else f"{item.path}:{item.line}"
            raise InputError("E121", f"{where}: {err}") from None
        if "record" not in data:
            data.update(extract_facts(data))
        yield data
    if empty:
        raise InputError("E161", f"{path}: holds no records (the file is empty or blank)")
