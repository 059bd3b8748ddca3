"""Reading output or gold JSONL for the facts: every line checked, facts added where missing."""
from __future__ import annotations

from pathlib import Path
from typing import Any, BinaryIO, Dict, Iterator, Optional

from ..io.records import ExhibitRecord, OnBadLine, iter_checked_lines
from . import KINDS, extract_facts
from .shape import check_facts, check_warnings


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
        check_facts(facts)
        check_warnings(data.get("warnings", []))


def _checked(data: Any) -> Dict[str, Any]:
    check_output_record(data)
    return data


def iter_fact_records(path: Path, stream: Optional[BinaryIO] = None,
                      on_bad_line: Optional[OnBadLine] = None) -> Iterator[Dict[str, Any]]:
    """The records of a JSONL file, each with `record` and `warnings` (computed when missing).

    A bad line raises InputError naming FILE:LINE (and the record id when it has one), or goes
    to on_bad_line and the reading goes on (nlp.io.records.iter_checked_lines).
    """
    # stream: standard input, named by path
    for _, data in iter_checked_lines(path, _checked, on_bad_line, "E120", "E121", stream):
        if "record" not in data:
            data.update(extract_facts(data))
        yield data
