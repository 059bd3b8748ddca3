"""The annotated-exhibit data model and its JSON Lines form (the annotation guide's record)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from contextlib import nullcontext
from typing import Any, BinaryIO, Callable, Dict, Iterable, Iterator, List, Optional, Tuple, TypeVar

from ..errors import InputError, shown_id
from . import safe_json
from .safe_json import BOM

Offsets = Tuple[int, int]
T = TypeVar("T")


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
                entities.append(Entity(_int(ent["start"]), _int(ent["end"]), _str(ent["label"])))
            except (KeyError, TypeError, ValueError):
                raise ValueError(f"entity {k} needs integer start/end and a label: {ent!r}") from None
        relations = []
        for k, rel in enumerate(data.get("relations") or []):
            try:
                head = (_int(rel["head"][0]), _int(rel["head"][1]))
                child = (_int(rel["child"][0]), _int(rel["child"][1]))
                relations.append(Relation(head, child, _str(rel["label"])))
            except (KeyError, TypeError, ValueError, IndexError):
                raise ValueError(
                    f"relation {k} needs head/child [start, end] and a label: {rel!r}"
                ) from None
        meta = data.get("meta") or {}
        if not isinstance(meta, dict):
            raise ValueError("field 'meta' must be an object")
        category = data.get("category")
        if category is not None and not isinstance(category, str):
            raise ValueError("field 'category' must be a string or null")
        meta = dict(meta)
        if isinstance(data.get("kind_scores"), dict):  # predict's output: the facts weigh them
            meta.setdefault("kind_scores", data["kind_scores"])
        return cls(data["id"], data["text"], category, entities, relations, meta)

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


def _str(value: Any) -> str:
    if not isinstance(value, str):  # str() would turn 5 or None into a label
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
    code: Optional[str] = None  # the hazard's code (nlp.io.safe_json); None: plain malformed JSON


def iter_json_lines(path: Path, stream: Optional[BinaryIO] = None) -> Iterator[JsonLine]:
    """Every non-blank line of a JSONL file, parsed; bad lines carry an error, not an exception.

    A missing or non-UTF-8 file raises InputError naming the file (and the line). With a stream
    (standard input), the lines are read from it (left open) and path only names it in messages.
    """
    path = Path(path)
    try:
        handle = path.open("rb") if stream is None else nullcontext(stream)
    except FileNotFoundError:
        raise InputError("E001", f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError("E002", f"{path}: is a folder, expected a JSONL file") from None
    except PermissionError:
        raise InputError("E003", f"{path}: permission denied") from None
    with handle as lines:
        for number, raw in enumerate(lines, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                raise InputError(
                    "E004", f"{path}:{number}: not UTF-8 text (byte {err.start} of the line)"
                ) from None
            if number == 1:
                line = line.removeprefix(BOM)  # utf-8-sig: a byte-order mark is not content
            if not line.strip():
                continue
            try:
                yield JsonLine(path, number, safe_json.loads(line))
            except safe_json.JsonProblem as err:
                yield JsonLine(path, number, error=err.reason, code=err.code)


@dataclass
class SkippedLine:
    """A JSONL line that gives no record: where it is, its code, why, and the record id if known."""

    path: Path
    line: int
    code: str
    reason: str
    id: Optional[str] = None

    def message(self) -> str:
        named = f"{shown_id(self.id)}: " if self.id is not None else ""
        return f"{self.path}:{self.line}: {named}{self.reason}"

    def to_error(self) -> InputError:
        return InputError(self.code, self.message())

    def to_dict(self) -> Dict[str, Any]:
        return {"file": str(self.path), "line": self.line, "code": self.code, "reason": self.reason, "id": self.id}


OnBadLine = Callable[[SkippedLine], None]


def stop_at_bad_line(item: SkippedLine) -> None:
    """The default: the first bad line ends the read with its InputError."""
    raise item.to_error()


def iter_checked_lines(
    path: Path, check: Callable[[Any], T], on_bad_line: Optional[OnBadLine] = None,
    malformed_code: str = "E005", shape_code: str = "E006", stream: Optional[BinaryIO] = None,
) -> Iterator[Tuple[int, T]]:
    """(line number, check(data)) of every line of a JSONL file: the one reader of the record
    commands.

    A line that is not JSON (malformed_code), hostile JSON (E220-E223) or whose check raises
    ValueError (shape_code) goes to on_bad_line and the reading goes on; without on_bad_line it
    raises its InputError. A file without any line raises E161; one whose every line was bad,
    E350 (nothing is read, whatever on_bad_line did). Undecodable bytes (E004) always stop: a
    file in the wrong encoding is not one bad line.
    """
    report = stop_at_bad_line if on_bad_line is None else on_bad_line
    lines = skipped = 0
    for item in iter_json_lines(path, stream):
        lines += 1
        if item.error:
            bad = SkippedLine(item.path, item.line, item.code or malformed_code, item.error)
        else:
            try:
                value = check(item.data)
            except ValueError as err:
                rid = item.data.get("id") if isinstance(item.data, dict) else None
                bad = SkippedLine(item.path, item.line, shape_code, str(err), None if rid is None else str(rid))
            else:
                yield item.line, value
                continue
        skipped += 1
        report(bad)
    if not lines:
        raise InputError("E161", f"{path}: holds no records (the file is empty or blank)")
    if skipped == lines:
        raise InputError("E350", f"{path}: no readable record ({skipped} {_lines(skipped)} skipped)")


def _lines(count: int) -> str:
    return "line" if count == 1 else "lines"


class SkippedLines:
    """An on_bad_line that keeps every skipped line (and echoes it as it comes); with fail_fast
    it stops at the first instead."""

    def __init__(self, echo: Optional[Callable[[str], None]] = None, fail_fast: bool = False):
        self.items: List[SkippedLine] = []
        self.echo = echo
        self.fail_fast = fail_fast
        self._seen: set = set()

    def __call__(self, item: SkippedLine) -> None:
        if self.fail_fast:
            raise item.to_error()
        if (item.path, item.line) in self._seen:
            return  # a file read twice (evaluate's split listing): each line is named once
        self._seen.add((item.path, item.line))
        self.items.append(item)
        if self.echo is not None:
            self.echo(f"skipped [{item.code}] {item.message()}")

    def in_file(self, path: Path) -> List[SkippedLine]:
        return [item for item in self.items if item.path == Path(path)]

    def summary(self) -> str:
        return f"{len(self.items)} {_lines(len(self.items))} skipped"


def read_records(path: Path, on_bad_line: Optional[OnBadLine] = None) -> List[ExhibitRecord]:
    """All records of a guide JSONL file; the first bad line raises InputError with FILE:LINE
    (or goes to on_bad_line, see iter_checked_lines), and so does a file without any record
    (an empty file is a mistake, never a valid corpus)."""
    return [record for _, record in iter_checked_lines(path, ExhibitRecord.from_dict, on_bad_line)]


def check_unique_ids(records: Iterable[ExhibitRecord], source: Path) -> None:
    """Raise InputError naming the first id that two records of `source` share."""
    seen = set()
    for record in records:
        if record.id in seen:
            raise InputError("E162", f"{source}: record {shown_id(record.id)}: duplicate id (each record needs its own)")
        seen.add(record.id)


def read_many(paths: Iterable[Path], on_bad_line: Optional[OnBadLine] = None) -> List[ExhibitRecord]:
    records: List[ExhibitRecord] = []
    for path in expand_jsonl_paths(paths):
        records.extend(read_records(path, on_bad_line))
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
            out.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
            count += 1
    tmp.replace(path)
    return count
