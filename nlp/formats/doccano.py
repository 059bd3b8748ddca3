"""doccano JSONL, as its relation-extraction projects import and export it.

`{"text", "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": [{"id",
"from_id", "to_id", "type"}]}`. doccano keeps other keys as the example's metadata and puts
them back on export, so the guide's id, category and meta travel as `exhibit_id`,
`category` and `meta`. Reading also accepts sequence-labeling exports (`label`: [[start,
end, label], ...]); other keys doccano adds are kept in meta, its comments are not.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, List, Sequence

from ..errors import InputError
from ..io.records import Entity, ExhibitRecord, Relation
from .base import (
    CATEGORY_KEY, ID_KEY, META_KEY, ConversionReport, FormatOptions, check_offsets, fallback_id,
    guide_fields, iter_jsonl_objects, list_field, read_guide_fields, reference, text_of, write_jsonl,
)

_OWN_KEYS = {"id", "text", "entities", "relations", "label", "Comments", "comments",
             ID_KEY, CATEGORY_KEY, META_KEY}


def record_to_row(record: ExhibitRecord, counter: List[int], report: ConversionReport) -> Dict[str, Any]:
    """One doccano line; entity and relation ids run on through the file (counter)."""
    entity_ids: Dict[tuple, int] = {}
    entities = []
    for ent in sorted(record.entities):
        counter[0] += 1
        entity_ids[ent.offsets] = counter[0]
        entities.append({"id": counter[0], "label": ent.label, "start_offset": ent.start, "end_offset": ent.end})
    relations = []
    for rel in sorted(record.relations):
        if rel.head not in entity_ids or rel.child not in entity_ids:
            report.warn(record.id, f"doccano: relation {rel.label} {list(rel.head)}->{list(rel.child)} "
                                   "names a span that is not an entity; not written")
            continue
        counter[1] += 1
        relations.append({"id": counter[1], "from_id": entity_ids[rel.head],
                          "to_id": entity_ids[rel.child], "type": rel.label})
    return {"text": record.text, "entities": entities, "relations": relations, **guide_fields(record)}


def _entity(item: Any, text: str, at: str) -> tuple:
    if isinstance(item, (list, tuple)) and len(item) == 3:  # sequence labeling: [start, end, label]
        start, end, label = item
    elif isinstance(item, dict):
        start, end, label = item.get("start_offset"), item.get("end_offset"), item.get("label")
    else:
        raise InputError("E139", f"{at}: expected an entity object or [start, end, label]")
    start, end = check_offsets(start, end, text, at)
    if not isinstance(label, str):
        raise InputError("E139", f"{at}: entity has no label")
    return start, end, label


def row_to_record(row: Dict[str, Any], default_id: str, where: str, report: ConversionReport) -> ExhibitRecord:
    if ID_KEY not in row and row.get("id") is not None:
        default_id = str(row["id"])
    rid, category, meta = read_guide_fields(row, default_id, where)
    for key in sorted(set(row) - _OWN_KEYS):  # doccano's metadata columns
        meta.setdefault(key, row[key])
    text = text_of(row, where)
    items = list_field(row, "entities" if "entities" in row else "label", where, "E227")
    entities, by_id = [], {}
    for k, item in enumerate(items):
        start, end, label = _entity(item, text, f"{where}: entity {k}")
        entities.append(Entity(start, end, label))
        if isinstance(item, dict):
            by_id[reference(item.get("id"), "id", f"{where}: entity {k}", "E227")] = (start, end)
    relations = []
    for k, rel in enumerate(list_field(row, "relations", where, "E227")):
        at = f"{where}: relation {k}"
        if not isinstance(rel, dict) or not isinstance(rel.get("type"), str):
            raise InputError("E139", f"{at}: a relation needs from_id, to_id and type")
        head = by_id.get(reference(rel.get("from_id"), "from_id", at, "E227"))
        child = by_id.get(reference(rel.get("to_id"), "to_id", at, "E227"))
        if head is None or child is None:
            report.warn(rid, f"doccano: relation {rel['type']} ({at}) names an entity id that is not in the record; not kept")
            continue
        relations.append(Relation(head, child, rel["type"]))
    return ExhibitRecord(rid, text, category, entities, relations, meta)


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    return [row_to_record(row, fallback_id(path, number), f"{path}:{line}", report)
            for number, (line, row) in enumerate(iter_jsonl_objects(path), 1)]


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    counter = [0, 0]
    write_jsonl((record_to_row(r, counter, report) for r in records), path)
