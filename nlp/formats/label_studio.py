"""Label Studio JSON: a list of tasks, for import (pre-annotated) and from its JSON export.

A task is `{"data": {"text", "exhibit_id", "category", "meta"}, "annotations": [{"result":
[...]}]}` (or "predictions", for pre-annotations to correct). An entity is a result of type
"labels" (`from_name` "label", `to_name` "text", `value` with start, end, text, labels); a
relation is a result of type "relation" with `from_id`, `to_id`, `direction` and `labels`.
The labeling config needs `<Labels name="label" toName="text">`, `<Text name="text"
value="$text"/>` and `<Relations>` with the relation labels; the export writes it beside
itself (OUT.config.xml). Offsets are code-point
indices, as Python's and Label Studio's current frontend count them.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from ..errors import InputError
from ..io import safe_json
from ..io.records import Entity, ExhibitRecord, Relation
from .base import (
    ConversionReport, FormatOptions, check_offsets, fallback_id, guide_fields, object_field,
    prepare_output, read_guide_fields, reference, string_list, text_of,
)
from .label_studio_annotations import (
    FIRST, SKIP_TASK, check_annotation_choice, choose_annotation, write_labeling_config,
)

FROM_NAME = "label"
TO_NAME = "text"


def record_to_task(record: ExhibitRecord, options: FormatOptions, report: ConversionReport) -> Dict[str, Any]:
    result: List[Dict[str, Any]] = []
    region_ids: Dict[tuple, str] = {}
    for k, ent in enumerate(sorted(record.entities)):
        region_ids[ent.offsets] = f"e{k}"
        result.append({
            "id": f"e{k}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": ent.start, "end": ent.end, "text": record.text[ent.start:ent.end],
                      "labels": [ent.label]},
        })
    for rel in sorted(record.relations):
        if rel.head not in region_ids or rel.child not in region_ids:
            report.warn(record.id, f"label-studio: relation {rel.label} {list(rel.head)}->{list(rel.child)} "
                                   "names a span that is not an entity; not written")
            continue
        result.append({"from_id": region_ids[rel.head], "to_id": region_ids[rel.child],
                       "type": "relation", "direction": "right", "labels": [rel.label]})
    data = {"text": record.text, **guide_fields(record)}
    if options.as_predictions:
        # Label Studio sorts tasks by prediction score: the most uncertain get the lowest
        uncertainty = record.meta.get("uncertainty")
        prediction = {"model_version": options.model_version, "result": result}
        if isinstance(uncertainty, (int, float)):
            prediction["score"] = round(1.0 - float(uncertainty), 4)
        return {"data": data, "predictions": [prediction]}
    return {"data": data, "annotations": [{"result": result}]}


def _pick_result(task: Dict[str, Any], rid: str, where: str, report: ConversionReport,
                 choice: str = FIRST) -> Optional[List[Any]]:
    """The result of the chosen annotation (label_studio_annotations), else of the first
    prediction; None when the task gives no gold record (every annotation cancelled...)."""
    chosen = choose_annotation(task, rid, choice, report)
    if chosen is SKIP_TASK:
        return None
    if chosen is None:
        predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
        chosen = predictions[0] if predictions else {"result": []}
    result = chosen.get("result") or []
    if not isinstance(result, list):
        raise InputError("E138", f"{where}: \"result\" must be a list")
    return result


def task_to_record(task: Any, default_id: str, where: str, report: ConversionReport,
                   choice: str = FIRST) -> Optional[ExhibitRecord]:
    if not isinstance(task, dict):
        raise InputError("E138", f"{where}: a task must be a JSON object")
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise InputError("E138", f"{where}: \"data\" must be an object")
    rid, category, meta = read_guide_fields(data, default_id if task.get("id") is None else str(task["id"]), where)
    text = text_of(data, where)
    for key in ("annotations", "predictions"):
        if not isinstance(task.get(key) or [], list):
            raise InputError("E225", f"{where}: {key!r} must be a list")
    picked = _pick_result(task, rid, where, report, choice)
    if picked is None:
        return None
    entities, regions, links = [], {}, []
    for k, item in enumerate(picked):
        at = f"{where}: result {k}"
        kind = item.get("type") if isinstance(item, dict) else None
        if kind == "relation":
            links.append((at, item))
            continue
        if kind != "labels":
            report.warn(rid, f"label-studio: result of type {kind!r} ({at}) is not an entity or relation; not kept")
            continue
        value = object_field(item, "value", at, "E225")
        start, end = check_offsets(value.get("start"), value.get("end"), text, at)
        labels = string_list(value.get("labels"), "labels", at, "E225")
        if not labels:
            report.warn(rid, f"label-studio: region at {start} ({at}) has no label; not kept")
            continue
        if len(labels) > 1:
            report.warn(rid, f"label-studio: region at {start} ({at}) has labels {labels}; the first is kept")
        entities.append(Entity(start, end, labels[0]))
        regions[reference(item.get("id"), "id", at, "E225")] = (start, end)
    relations = []
    for at, item in links:
        head = regions.get(reference(item.get("from_id"), "from_id", at, "E225"))
        child = regions.get(reference(item.get("to_id"), "to_id", at, "E225"))
        if head is None or child is None:
            report.warn(rid, f"label-studio: relation ({at}) joins a region that is not a kept entity; not kept")
            continue
        if item.get("direction") == "left":
            head, child = child, head
        elif item.get("direction") == "bi":
            report.warn(rid, f"label-studio: bidirectional relation ({at}) read as from_id -> to_id")
        labels = string_list(item.get("labels"), "labels", at, "E225")
        if not labels:
            report.warn(rid, f"label-studio: relation ({at}) has no label; not kept")
        relations.extend(Relation(head, child, label) for label in labels)
    return ExhibitRecord(rid, text, category, entities, relations, meta)


def read(path: Path, options: FormatOptions, report: ConversionReport) -> List[ExhibitRecord]:
    path = Path(path)
    try:
        tasks = safe_json.loads(path.read_text(encoding="utf-8-sig"))  # -sig: a BOM is no content
    except FileNotFoundError:
        raise InputError("E001", f"{path}: no such file") from None
    except UnicodeDecodeError as err:
        raise InputError("E138", f"{path}: not UTF-8 text (byte {err.start})") from None
    except safe_json.JsonProblem as err:
        where = f"{path}:{err.line}" if err.line else str(path)
        raise InputError(err.code or "E138", f"{where}: {err.reason}") from None
    if isinstance(tasks, dict):
        tasks = [tasks]
    if not isinstance(tasks, list):
        raise InputError("E138", f"{path}: expected a list of Label Studio tasks")
    choice = check_annotation_choice(options.annotation)
    records = (task_to_record(task, fallback_id(path, k), f"{path}: task {k}", report, choice)
               for k, task in enumerate(tasks, 1))
    return [record for record in records if record is not None]


def write(records: Sequence[ExhibitRecord], path: Path, options: FormatOptions, report: ConversionReport) -> None:
    path = prepare_output(path)
    tasks = [record_to_task(record, options, report) for record in records]
    tmp = path.with_name(path.name + ".part")
    tmp.write_text(json.dumps(tasks, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)
    write_labeling_config(records, path, FROM_NAME, TO_NAME)  # to create the project with
