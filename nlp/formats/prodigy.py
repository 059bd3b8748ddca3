"""Prodigy tasks as rel.manual produces them: `text`, `tokens`, `spans` and `relations`.

A span has character `start`/`end` and inclusive `token_start`/`token_end`; a relation names
its two spans by the index of their last token (`head`, `child`) and repeats them whole as
`head_span`/`child_span`. Character offsets are authoritative when reading, so a task
tokenized by another tokenizer still gives exact entities. The guide's id, category and
meta travel as `exhibit_id`, `category` and Prodigy's own `meta` (shown in the UI).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ..errors import InputError
from ..io.records import Entity, ExhibitRecord, Relation
from .base import (
    ConversionReport, FormatOptions, check_offsets, fallback_id, guide_fields,
    iter_jsonl_objects, list_field, read_guide_fields, reference, text_of, write_jsonl,
)

SKIPPED_ANSWERS = ("reject", "ignore")


def _tokens(doc) -> List[Dict[str, Any]]:
    tokens = []
    for token in doc:
        row = {"text": token.text, "start": token.idx, "end": token.idx + len(token.text),
               "id": token.i, "ws": bool(token.whitespace_)}
        if token.is_space:
            row["disabled"] = True  # whitespace cannot be part of a span or relation
        tokens.append(row)
    return tokens


def _span(doc, entity: Entity, record_id: str, report: ConversionReport) -> Dict[str, Any]:
    span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
    if span is None:  # only when the offsets fall inside whitespace; the guide forbids that
        token_start = token_end = 0
    else:
        token_start, token_end = span.start, span.end - 1
        if (span.start_char, span.end_char) != (entity.start, entity.end):
            report.warn(record_id, f"prodigy: {entity.label} at {entity.start} does not fall on token "
                                   f"boundaries; its tokens {token_start}-{token_end} cover {span.text!r}")
    return {"start": entity.start, "end": entity.end, "token_start": token_start,
            "token_end": token_end, "label": entity.label}


def record_to_task(record: ExhibitRecord, make_doc, report: ConversionReport) -> Dict[str, Any]:
    doc = make_doc(record.text)
    spans = {e.offsets: _span(doc, e, record.id, report) for e in sorted(record.entities)}
    relations = []
    for rel in sorted(record.relations):
        head, child = spans.get(rel.head), spans.get(rel.child)
        if head is None or child is None:
            report.warn(record.id, f"prodigy: relation {rel.label} {list(rel.head)}->{list(rel.child)} "
                                   "names a span that is not an entity; not written")
            continue
        relations.append({"head": head["token_end"], "child": child["token_end"],
                          "head_span": head, "child_span": child, "label": rel.label})
    task = {"text": record.text, "tokens": _tokens(doc), "spans": list(spans.values()),
            "relations": relations}
    task.update(guide_fields(record))
    return task


def _span_offsets(span: Any, text: str, where: str) -> Tuple[int, int]:
    if not isinstance(span, dict):
        raise InputError("E137", f"{where}: a span must be an object, got {span!r}")
    return check_offsets(span.get("start"), span.get("end"), text, where)


def task_to_record(task: Dict[str, Any], default_id: str, where: str,
                   report: ConversionReport) -> Optional[ExhibitRecord]:
    rid, category, meta = read_guide_fields(task, default_id, where)
    answer = task.get("answer")
    if answer in SKIPPED_ANSWERS:
        report.warn(rid, f"prodigy: task answered {answer!r} ({where}); skipped")
        return None
    text = text_of(task, where)
    entities, by_token_end = [], {}
    for k, span in enumerate(list_field(task, "spans", where, "E226")):
        start, end = _span_offsets(span, text, f"{where}: span {k}")
        if not isinstance(span.get("label"), str):
            raise InputError("E137", f"{where}: span {k} has no label")
        entities.append(Entity(start, end, span["label"]))
        if isinstance(span.get("token_end"), int):
            by_token_end[span["token_end"]] = (start, end)
    relations = []
    for k, rel in enumerate(list_field(task, "relations", where, "E226")):
        at = f"{where}: relation {k}"
        if not isinstance(rel, dict) or not isinstance(rel.get("label"), str):
            raise InputError("E137", f"{at} needs a label")
        ends = []
        for side in ("head", "child"):
            if isinstance(rel.get(f"{side}_span"), dict):
                ends.append(_span_offsets(rel[f"{side}_span"], text, f"{at} {side}_span"))
            elif reference(rel.get(side), side, at, "E226") in by_token_end:
                ends.append(by_token_end[rel[side]])
            else:
                ends.append(None)
        if None in ends:
            report.warn(rid, f"prodigy: relation {rel['label']} ({at}) names no span by its token; skipped")
            continue
        relations.append(Relation(ends[0], ends[1], rel["label"]))
    return ExhibitRecord(rid, text, category, entities, relations, meta)


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    records = []
    for number, (line, task) in enumerate(iter_jsonl_objects(path), 1):
        record = task_to_record(task, fallback_id(path, number), f"{path}:{line}", report)
        if record is not None:
            records.append(record)
    return records


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    make_doc = options.tokenizer()
    write_jsonl((record_to_task(r, make_doc, report) for r in records), path)
