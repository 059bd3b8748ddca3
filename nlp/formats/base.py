"""What every interchange format shares: conversion options, the loss report, the tokenizer.

A format module offers `read(path, options, report) -> records` and
`write(records, path, options, report)`. Whatever a format cannot hold is never dropped
silently: the module adds a warning line naming the record to the report.
"""
from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

from ..errors import InputError, shown_id
from ..io.records import ExhibitRecord, write_json_lines

# The guide fields a foreign record carries beside its own annotation fields, so that a
# round trip through the tool gives back the same guide record.
ID_KEY = "exhibit_id"
CATEGORY_KEY = "category"
META_KEY = "meta"


@dataclass
class FormatOptions:
    """Settings some formats use; the others ignore them."""

    scheme: Optional[str] = None          # CoNLL tags: iob1, iob2, biluo (None: detect / iob2)
    conll_docs: str = "auto"              # CoNLL documents: docstart, block, auto (read only)
    as_predictions: bool = False          # Label Studio: write model predictions, not annotations
    model_version: str = "exhibit"        # Label Studio: the predictions' model_version
    tokenizer_name: str = "exhibit"       # token-based formats: "exhibit" or "whitespace"
    make_doc: Optional[Callable] = None   # a model's tokenizer, in place of tokenizer_name
    annotation: str = "first"             # Label Studio import: first, latest or an annotator
    on_bad_line: Optional[Callable] = None  # guide JSONL: gets each unreadable line (None: stop at it)

    def tokenizer(self) -> Callable:
        if self.make_doc is not None:
            return self.make_doc
        if self.tokenizer_name not in TOKENIZERS:
            raise InputError("E147", f"tokenizer {self.tokenizer_name!r} is not one of {', '.join(TOKENIZERS)}")
        return exhibit_make_doc() if self.tokenizer_name == "exhibit" else whitespace_make_doc


@dataclass
class ConversionReport:
    """Warnings about what a format could not hold or read; one line each, naming the record."""

    warnings: List[str] = field(default_factory=list)

    def warn(self, record_id: str, message: str) -> None:
        self.warnings.append(f"{shown_id(record_id)}: {message}")


@functools.lru_cache(maxsize=1)
def _exhibit_nlp():
    import spacy

    from ..tokenizer import FORMATS_TOKENIZER  # registers the exhibit tokenizers

    return spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": FORMATS_TOKENIZER}}})


def exhibit_make_doc() -> Callable:
    """The exhibit tokenizer (FORMATS_TOKENIZER, the shipped model's but keeping every line
    break, so a doc's text is the text given), without loading a model."""
    return _exhibit_nlp().make_doc


_PIECES = re.compile(r"\S+|\s+")


def whitespace_make_doc(text: str):
    """A Doc split at whitespace only: the exact inverse of text rebuilt from CoNLL tokens."""
    from spacy.tokens import Doc

    words: List[str] = []
    spaces: List[bool] = []
    for piece in _PIECES.findall(text):
        if piece.isspace():
            if words and not spaces[-1] and piece[0] == " ":
                spaces[-1], piece = True, piece[1:]  # one space after a word is its trailing space
            if not piece:
                continue
        words.append(piece)
        spaces.append(False)
    return Doc(_exhibit_nlp().vocab, words=words, spaces=spaces)


TOKENIZERS = ("exhibit", "whitespace")


def fallback_id(path: Path, number: int) -> str:
    """The id of a foreign record that carries none: FILE-STEM-N (1-based)."""
    return f"{Path(path).stem}-{number}"


def guide_fields(record: ExhibitRecord) -> Dict[str, Any]:
    """The guide fields that travel beside a tool's own fields (see ID_KEY)."""
    return {ID_KEY: record.id, CATEGORY_KEY: record.category, META_KEY: record.meta}


def read_guide_fields(data: Dict[str, Any], default_id: str, where: str) -> tuple:
    """(id, category, meta) from a foreign record written with guide_fields, or defaults."""
    rid = data.get(ID_KEY)
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))):
        raise InputError("E224", f"{where}: {ID_KEY!r} must be a string, got {_shown(rid)}")
    rid = str(rid) if rid is not None else default_id
    category = data.get(CATEGORY_KEY)
    if category is not None and not isinstance(category, str):
        raise InputError("E133", f"{where}: {CATEGORY_KEY!r} must be a string or null")
    meta = data.get(META_KEY) or {}
    if not isinstance(meta, dict):
        raise InputError("E133", f"{where}: {META_KEY!r} must be an object")
    return rid, category, dict(meta)


def check_offsets(start: Any, end: Any, text: str, where: str) -> tuple:
    """Integer offsets inside the text, or InputError naming the place."""
    if isinstance(start, bool) or isinstance(end, bool) or not isinstance(start, int) or not isinstance(end, int):
        raise InputError("E134", f"{where}: start and end must be integers, got {start!r} and {end!r}")
    if not 0 <= start < end <= len(text):
        raise InputError("E134", f"{where}: span [{start}, {end}] is out of range (text length {len(text)})")
    return start, end


def string_list(value: Any, what: str, where: str, code: str) -> List[str]:
    """A list of strings (None: empty), or InputError: a bare string would be read as a list
    of its characters, and str() would turn null into the label "None"."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise InputError(code, f"{where}: {what!r} must be a list of strings, got {_shown(value)}")
    return value


def list_field(data: Dict[str, Any], key: str, where: str, code: str) -> List[Any]:
    """data[key] when it is a list (absent or null: empty), or InputError."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(code, f"{where}: {key!r} must be a list, got {_shown(value)}")
    return value


def object_field(data: Dict[str, Any], key: str, where: str, code: str) -> Dict[str, Any]:
    """data[key] when it is an object (absent or null: empty), or InputError."""
    value = data.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(code, f"{where}: {key!r} must be an object, got {_shown(value)}")
    return value


def reference(value: Any, what: str, where: str, code: str) -> Any:
    """An id that points at another item: a string, an integer or null (a list or object
    cannot be looked up), or InputError."""
    if value is not None and not isinstance(value, (str, int)):
        raise InputError(code, f"{where}: {what!r} must be a string or integer id, got {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    """A wrong value as messages show it: its type and the start of its JSON form."""
    text = repr(value)
    return f"{type(value).__name__} {text if len(text) <= 40 else text[:39] + chr(0x2026)}"


def prepare_output(path: Path, missing_code: str = "E135") -> Path:
    """The output path, after checking that its folder exists and can be written in."""
    path = Path(path)
    if not path.parent.exists():
        raise InputError(missing_code, f"{path}: folder {path.parent} does not exist")
    if not path.parent.is_dir():
        raise InputError("E163", f"{path}: {path.parent} is a file, not a folder")
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise InputError("E169", f"{path}: cannot write in folder {path.parent} (permission denied)")
    return path


def iter_jsonl_objects(path: Path):
    """(line number, object) for every non-blank line; a bad line raises InputError FILE:LINE."""
    from ..io.records import iter_json_lines

    for item in iter_json_lines(Path(path)):
        if item.error:
            raise InputError(item.code or "E136", f"{path}:{item.line}: {item.error}")
        if not isinstance(item.data, dict):
            raise InputError("E136", f"{path}:{item.line}: expected a JSON object")
        yield item.line, item.data


def write_jsonl(rows, path: Path) -> None:
    """Write JSON lines through a temporary file, so a failure never leaves half a file."""
    write_json_lines(rows, prepare_output(path))


def text_of(data: Dict[str, Any], where: str) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError("E133", f"{where}: no \"text\" string in this record")
    return text
