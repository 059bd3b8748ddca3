"""The annotated-exhibit data model and its JSON Lines form (the annotation guide's record)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from ..errors import InputError

Offsets = Tuple[int, int]


@dataclass(frozen=True, order=True)
class Entity:
    start: int
    end: int
    label: str

    @property
    def offsets(self) -> Offsets:
        return (self.start, self.end)

    def to_dict(self) -> Dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label}


@dataclass(frozen=True, order=True)
class Relation:
    head: Offsets
    child: Offsets
    label: str

    def to_dict(self) -> Dict[str, Any]:
        return {"head": list(self.head), "child": list(self.child), "label": self.label}


@dataclass
class ExhibitRecord:
    """One exhibit: its exact text, the entity spans and the relations between them."""

    id: str
    text: str
    category: Optional[str] = None
    entities: List[Entity] = field(default_factory=list)
    relations: List[Relation] = field(default_factory=list)
    meta: Dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: Any) -> "ExhibitRecord":
        """Build a record; raises ValueError naming the first structural problem."""
        if not isinstance(data, dict):
            raise ValueError("a record must be a JSON object")
        for key, kind in (("id", str), ("text", str)):
            if not isinstance(data.get(key), kind):
                raise ValueError(f"field {key!r} must be a string")
        for key in ("entities", "relations"):
            if not isinstance(data.get(key) or [], list):
                raise ValueError(f"field {key!r} must be a list")
        entities = []
        for k, ent in enumerate(data.get("entities") or []):
            try:
                entities.append(Entity(_int(ent["start"]), _int(ent["end"]), str(ent["label"])))
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"entity {k} needs integer start/end and a label: {ent!r}") from None
        relations = []
        for k, rel in enumerate(data.get("relations") or []):
            try:
                head = (_int(rel["head"][0]), _int(rel["head"][1]))
                child = (_int(rel["child"][0]), _int(rel["child"][1]))
                relations.append(Relation(head, child, str(rel["label"])))
            except (KeyError, TypeError, ValueError, IndexError):
                raise ValueError(
                    f"relation {k} needs head/child [start, end] and a label: {rel!r}"
                ) from None
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise ValueError("field 'meta' must be an object")
        category = data.get("category")
        return cls(data["id"], data["text"], category, entities, relations, dict(meta))

    def to_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "category": self.category,
            "entities": [e.to_dict() for e in sorted(self.entities)],
            "relations": [r.to_dict() for r in sorted(self.relations)],
            "meta": self.meta,
        }

    def span_text(self, offsets: Offsets) -> str:
        return self.text[offsets[0]:offsets[1]]

    @property
    def company(self) -> Optional[str]:
        return self.meta.get("company")


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(value)
    return value


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class JsonLine:
    """One non-blank line of a JSONL file: its parsed value, or why it could not be parsed."""

    path: Path
    line: int
    data: Any = None
    error: Optional[str] = None


def iter_json_lines(path: Path) -> Iterator[JsonLine]:
    """Every non-blank line of a JSONL file, parsed; bad lines carry an error, not an exception.

    A missing or non-UTF-8 file raises InputError naming the file (and the line).
    """
    path = Path(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        raise InputError("E001", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("E002", f"{path}: is a folder, expected a JSONL file") from None
    except PermissionError:
        raise InputError("E003", f"{path}: permission denied") from None
    with handle:
        for number, raw in enumerate(handle, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(
                    "E004", f"{path}:{number}: not UTF-8 text (byte {err.start} of the line)"
                ) from None
            if not line.strip():
                continue
            try:
                yield JsonLine(path, number, json.loads(line))
            except json.JSONDecodeError as err:
                yield JsonLine(path, number, error=f"malformed JSON: {err.msg} (column {err.colno})")


def read_records(path: Path) -> List[ExhibitRecord]:
    """All records of a guide JSONL file; the first bad line raises InputError with FILE:LINE,
    and so does a file without any record (an empty file is a mistake, never a valid corpus)."""
    records = []
    for item in iter_json_lines(path):
        if item.error:
            raise InputError("E005", f"{item.path}:{item.line}: {item.error}")
        try:
            records.append(ExhibitRecord.from_dict(item.data))
        except ValueError as err:
            rid = item.data.get("id", "?") if isinstance(item.data, dict) else "?"
            raise InputError("E006", f"{item.path}:{item.line}: {rid}: {err}") from None
    if not records:
        raise InputError("E161", f"{path}: holds no records (the file is empty or blank)")
    return records


def check_unique_ids(records: Iterable[ExhibitRecord], source: Path) -> None:
    """Raise InputError naming the first id that two records of `source` share."""
    seen = set()
    for record in records:
        if record.id in seen:
            raise InputError("E162", f"{source}: record {record.id}: duplicate id (each record needs its own)")
        seen.add(record.id)


def read_many(paths: Iterable[Path]) -> List[ExhibitRecord]:
    records: List[ExhibitRecord] = []
    for path in expand_jsonl_paths(paths):
        records.extend(read_records(path))
    return records


def expand_jsonl_paths(paths: Iterable[Path]) -> List[Path]:
    """Files as given; folders replaced by the *.jsonl files they hold (sorted)."""
    out: List[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.jsonl"))
            if not found:
                raise InputError("E007", f"{path}: folder holds no .jsonl file")
            out.extend(found)
        else:
            out.append(path)
    return out


def write_records(records: Iterable[ExhibitRecord], path: Path) -> int:
    """Write records as JSONL through a temporary file, so a crash never leaves half a file."""
    return write_json_lines((record.to_dict() for record in records), path)


def write_json_lines(rows: Iterable[Dict[str, Any]], path: Path) -> int:
    """Write one JSON object per line through a temporary file, so a crash never leaves half a
    file; the number of lines written."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    count = 0
    with tmp.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    tmp.replace(path)
    return count
