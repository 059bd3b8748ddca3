"""Which annotation of a Label Studio task becomes the gold record, and the labeling config a
project needs to take the exported tasks.

A task can carry several annotations (several annotators, or one annotator's redo) and
cancelled ones (`was_cancelled`: the annotator skipped the task). Cancelled annotations are
never gold. Of the others, `--annotation` chooses: "first" (in the export's order), "latest"
(by `updated_at`, else `created_at`) or an annotator (`completed_by`: the user's id, or the
email where the export holds the user object). The choice is named in a warning whenever
there was one to make.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence
from xml.sax.saxutils import quoteattr

from ..errors import InputError
from ..io.records import ExhibitRecord
from ..schema import GUIDE_ENTITY_LABELS, GUIDE_RELATIONS
from .base import ConversionReport

FIRST, LATEST = "first", "latest"
SKIP_TASK = object()  # what choose_annotation returns when the task gives no gold record


def check_annotation_choice(choice: str) -> str:
    if not isinstance(choice, str) or not choice.strip():
        raise InputError("E330", "--annotation: give first, latest or an annotator (completed_by id or email)")
    return choice.strip()


def _annotators(annotation: Dict[str, Any]) -> List[str]:
    """The names --annotation may give for the annotation's author."""
    user = annotation.get("completed_by")
    if isinstance(user, dict):
        return [str(user[key]) for key in ("id", "email") if user.get(key) is not None]
    return [] if user is None else [str(user)]


def _annotation_id(annotation: Dict[str, Any], position: int) -> str:
    return str(annotation["id"]) if annotation.get("id") is not None else f"#{position}"


def choose_annotation(task: Dict[str, Any], rid: str, choice: str, report: ConversionReport) -> Any:
    """The chosen annotation, None when the task has none (its predictions are then read), or
    SKIP_TASK when every annotation was cancelled or none is by the chosen annotator."""
    task_name = f"task {task['id']}" if task.get("id") is not None else "task"
    annotations = [(k, a) for k, a in enumerate(task.get("annotations") or [], 1) if isinstance(a, dict)]
    kept = []
    for position, annotation in annotations:
        if annotation.get("was_cancelled"):
            report.warn(rid, f"label-studio: {task_name}: annotation {_annotation_id(annotation, position)} "
                             "was cancelled; not imported")
        else:
            kept.append((position, annotation))
    if not kept:
        if annotations:
            report.warn(rid, f"label-studio: {task_name}: every annotation was cancelled; task not imported")
            return SKIP_TASK
        return None
    if choice == FIRST:
        chosen = kept[0]
    elif choice == LATEST:
        chosen = max(kept, key=lambda pair: (str(pair[1].get("updated_at") or pair[1].get("created_at") or ""),
                                             pair[0]))
    else:
        by_annotator = [pair for pair in kept if choice in _annotators(pair[1])]
        if not by_annotator:
            report.warn(rid, f"label-studio: {task_name}: no annotation by {choice!r} (--annotation); task not imported")
            return SKIP_TASK
        chosen = by_annotator[-1]  # the annotator's last one in the export
    if len(kept) > 1:
        others = ", ".join(_annotation_id(a, k) for k, a in kept if a is not chosen[1])
        report.warn(rid, f"label-studio: {task_name}: {len(kept)} annotations; annotation "
                         f"{_annotation_id(chosen[1], chosen[0])} taken (--annotation {choice}), not {others}")
    return chosen[1]


# --- the labeling config ----------------------------------------------------------------------

def config_path(export: Path) -> Path:
    """Where the labeling config goes: beside the export, OUT.config.xml."""
    export = Path(export)
    return export.with_name(f"{export.stem}.config.xml")


def _labels(present: Iterable[str], guide: Sequence[str]) -> List[str]:
    """The guide's labels in the guide's order, then any other label the records use."""
    return [*guide, *sorted(set(present) - set(guide))]


def labeling_config(records: Sequence[ExhibitRecord], from_name: str, to_name: str) -> str:
    """Label Studio's labeling config XML for the guide's labels and those the records hold."""
    entities = _labels((e.label for r in records for e in r.entities), GUIDE_ENTITY_LABELS)
    relations = _labels((rel.label for r in records for rel in r.relations), tuple(GUIDE_RELATIONS))
    lines = ["<View>", "  <Relations>"]
    lines += [f"    <Relation value={quoteattr(label)}/>" for label in relations]
    lines += ["  </Relations>", f"  <Labels name={quoteattr(from_name)} toName={quoteattr(to_name)}>"]
    lines += [f"    <Label value={quoteattr(label)}/>" for label in entities]
    lines += ["  </Labels>", f'  <Text name={quoteattr(to_name)} value="$text"/>', "</View>"]
    return "\n".join(lines) + "\n"


def write_labeling_config(records: Sequence[ExhibitRecord], export: Path, from_name: str, to_name: str) -> Path:
    path = config_path(export)
    try:
        path.write_text(labeling_config(records, from_name, to_name), encoding="utf-8")
    except OSError as err:
        raise InputError("E331", f"{path}: cannot write the Label Studio labeling config ({err.strerror})") from None
    return path
