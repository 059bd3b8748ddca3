"""Check annotated records against the annotation guide's rules.

Each rule is a small function over one record; `validate_files` reports every problem as
`FILE:LINE: id: what is wrong`, reading on after bad lines so one run shows them all.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, List, Optional

from .errors import shown_id
from .io.records import ExhibitRecord, expand_jsonl_paths, iter_json_lines, text_sha256
from .schema import CATEGORIES, Schema

# "Inc.", "Jr.", "S.A.": a span may end on the period of such an abbreviation.
_ABBREVIATION_END = re.compile(
    r"(?:\b[A-Za-z]{1,4}|(?:[A-Za-z]\.)+[A-Za-z]|(?i:inc|corp|ltd|plc|llc|jr|sr))\.$"
)
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    record_id: str
    message: str

    def __str__(self) -> str:
        if not self.line:  # a problem of the whole file
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {shown_id(self.record_id)}: {self.message}"


def _is_punct(char: str) -> bool:
    return unicodedata.category(char).startswith("P")


def check_category(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    if record.category is not None and schema.strict_labels and record.category not in CATEGORIES:
        yield f"category {record.category!r} is not one of {', '.join(CATEGORIES)}"


def check_offsets(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    n = len(record.text)
    for e in record.entities:
        if not 0 <= e.start < e.end <= n:
            yield f"entity {e.label} [{e.start}, {e.end}] is out of range (text length {n})"


def _valid_spans(record: ExhibitRecord):
    n = len(record.text)
    return [e for e in record.entities if 0 <= e.start < e.end <= n]


def check_span_edges(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    for e in _valid_spans(record):
        span = record.text[e.start:e.end]
        if span != span.strip():
            yield f"entity {e.label} {span!r} at {e.start} starts or ends with whitespace"
        elif _is_punct(span[0]) or (
            _is_punct(span[-1]) and not (span[-1] == "." and _ABBREVIATION_END.search(span))
        ):
            yield f"entity {e.label} {span!r} at {e.start} starts or ends with punctuation"


def check_blank_lines(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    for e in _valid_spans(record):
        if _BLANK_LINE.search(record.text, e.start, e.end):
            yield f"entity {e.label} at {e.start} crosses a blank line"


def check_overlaps(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    spans = sorted(_valid_spans(record))
    for a, b in zip(spans, spans[1:]):
        if (a.start, a.end) == (b.start, b.end):
            yield f"span [{a.start}, {a.end}] is listed twice ({a.label}, {b.label})"
        elif b.start < a.end:
            yield (
                f"entities overlap: {a.label} [{a.start}, {a.end}] and "
                f"{b.label} [{b.start}, {b.end}]"
            )


def check_entity_labels(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    if not schema.strict_labels:
        return
    for e in record.entities:
        if e.label not in schema.entity_labels:
            yield f"entity at {e.start}: unknown label {e.label!r}"


def check_relations(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    by_span = {(e.start, e.end): e.label for e in record.entities}
    seen = set()
    for r in record.relations:
        key = (r.head, r.child, r.label)
        if key in seen:
            yield f"relation {r.label} {list(r.head)}->{list(r.child)} is listed twice"
        seen.add(key)
        missing = [name for name, span in (("head", r.head), ("child", r.child)) if span not in by_span]
        if missing:
            for name in missing:
                span = r.head if name == "head" else r.child
                yield f"relation {r.label}: {name} {list(span)} is not a listed entity"
            continue
        problem = schema.check_relation(r.label, by_span[r.head], by_span[r.child])
        if problem:
            yield problem


def check_source_text(record: ExhibitRecord, schema: Schema) -> Iterable[str]:
    expected = record.meta.get("sha256")
    if expected and text_sha256(record.text) != expected:
        yield "text differs from its source exhibit (sha256 in meta does not match)"


RULES: List[Callable[[ExhibitRecord, Schema], Iterable[str]]] = [
    check_category,
    check_offsets,
    check_span_edges,
    check_blank_lines,
    check_overlaps,
    check_entity_labels,
    check_relations,
    check_source_text,
]


def validate_record(record: ExhibitRecord, schema: Optional[Schema] = None) -> List[str]:
    """Every rule's problems with one record, as messages."""
    schema = schema or Schema.guide()
    return [message for rule in RULES for message in rule(record, schema)]


def validate_files(paths: Iterable[Path], schema: Optional[Schema] = None) -> List[Problem]:
    """Problems in every record of the files (folders give their *.jsonl), ids unique across all."""
    schema = schema or Schema.guide()
    problems: List[Problem] = []
    first_seen = {}
    for path in expand_jsonl_paths(paths):
        lines = 0
        for item in iter_json_lines(path):
            lines += 1
            if item.error:
                coded = f"[{item.code}] {item.error}" if item.code else item.error
                problems.append(Problem(path, item.line, "?", coded))
                continue
            try:
                record = ExhibitRecord.from_dict(item.data)
            except ValueError as err:
                rid = item.data.get("id", "?") if isinstance(item.data, dict) else "?"
                problems.append(Problem(path, item.line, str(rid), str(err)))
                continue
            if record.id in first_seen:
                where = first_seen[record.id]
                problems.append(
                    Problem(path, item.line, record.id, f"duplicate id (first at {where})")
                )
            else:
                first_seen[record.id] = f"{path}:{item.line}"
            for message in validate_record(record, schema):
                problems.append(Problem(path, item.line, record.id, message))
        if not lines:
            problems.append(Problem(path, 0, "", "holds no records (the file is empty or blank)"))
    return problems
