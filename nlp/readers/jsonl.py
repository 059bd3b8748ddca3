"""JSONL exhibits: one JSON object per line with string `id` and `text` (and an optional `meta`
object). A bad line becomes a SkippedInput naming FILE:LINE; the lines after it are still read."""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, List, Optional, Tuple

from ..errors import InputError
from ..io import safe_json
from .items import ExhibitInput, InputItem, SkippedInput
from .text import decode

JSONL_SUFFIXES = (".jsonl",)


def _open(path: Path):
    try:
        return Path(path).open("rb")
    except FileNotFoundError:
        raise InputError("E053", f"{path}: no such file") from None
    except PermissionError:
        raise InputError("E054", f"{path}: permission denied") from None


def parse_exhibit_line(line: str, source: str) -> InputItem:
    """The exhibit of one decoded JSONL line, or why that line gives none."""
    try:
        data = safe_json.loads(line.rstrip("\r\n"))
    except safe_json.JsonProblem as err:
        return SkippedInput(source, err.code or "E055", err.reason)
    if not isinstance(data, dict):
        return SkippedInput(source, "E056", "a line must be a JSON object with `id` and `text`")
    rid, text, meta = data.get("id"), data.get("text"), data.get("meta", {})
    if not isinstance(rid, str) or not rid:
        return SkippedInput(source, "E056", "`id` must be a non-empty string")
    if not isinstance(text, str):
        return SkippedInput(source, "E056", "`text` must be a string", rid)
    if not isinstance(meta, dict):
        return SkippedInput(source, "E056", "`meta` must be an object", rid)
    return ExhibitInput(rid, text, source, dict(meta))


def iter_jsonl_exhibits(
    path: Path, encoding: str = "utf-8", start: int = 0, stop: Optional[int] = None, first_line: int = 1
) -> Iterator[InputItem]:
    """Exhibits of the lines starting in bytes [start, stop) of the file (all lines by default).

    `first_line` is the line number at `start`, so a chunk read by a worker still names FILE:LINE.
    Lines are split on b"\\n" before decoding: the encoding must be ASCII-compatible (UTF-8, Latin-1...).
    """
    with _open(path) as handle:
        if start:
            handle.seek(start)
        offset, number = start, first_line
        for raw in handle:
            if stop is not None and offset >= stop:
                break
            source = f"{path}:{number}"
            try:
                line = decode(raw, encoding, source)
            except InputError as err:
                yield SkippedInput(source, err.code, err.message.split(": ", 1)[1] + " of the line")
            else:
                if offset == 0:
                    line = line.removeprefix(safe_json.BOM)  # utf-8-sig: a byte-order mark is not content
                if line.strip():
                    yield parse_exhibit_line(line, source)
            offset += len(raw)
            number += 1


def count_jsonl_lines(path: Path) -> int:
    """Non-blank lines (each gives a record or a skip), for the progress bar."""
    with _open(path) as handle:
        return sum(1 for raw in handle if raw.strip())


def jsonl_chunks(path: Path, lines_per_chunk: int) -> List[Tuple[int, int, int, int]]:
    """(start, stop, first_line, non_blank_lines) byte ranges of about `lines_per_chunk` lines each."""
    chunks: List[Tuple[int, int, int, int]] = []
    with _open(path) as handle:
        start = offset = 0
        first_line = number = 1
        count = 0
        for raw in handle:
            offset += len(raw)
            number += 1
            count += bool(raw.strip())
            if count >= lines_per_chunk:
                chunks.append((start, offset, first_line, count))
                start, first_line, count = offset, number, 0
        if count:
            chunks.append((start, offset, first_line, count))
    return chunks
