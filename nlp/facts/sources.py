"""Where `exhibit records` reads predictions: a JSONL file, or standard input ("-").

The facts come from entities, so raw exhibits (text, HTML, EDGAR submissions, or JSONL of
id and text only) hold none: they are refused, with the `exhibit predict` command that makes
predictions of them, rather than read as exhibits with no facts. Running the model here instead
would duplicate predict's options (model, exhibit types, limits) and hide its cost.
"""
from __future__ import annotations

import io
import json
import shlex
import sys
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO, Dict, Iterator, Optional

from ..errors import InputError, shown_id
from ..io.records import OnBadLine
from ..readers.html import HTML_SUFFIXES
from ..readers.sgml import is_sgml_submission
from .reader import iter_fact_records

STDIN = "-"
STDIN_NAME = "<stdin>"
RAW_SUFFIXES = (".txt", ".text", ".sgml", ".nc", ".xml", *HTML_SUFFIXES)
SNIFF_BYTES = 4096
PREDICTIONS = "preds.jsonl"


def predict_first(predict_input: str) -> str:
    """The two commands that turn the exhibits into tables."""
    return (f"run `exhibit predict {predict_input} -o {PREDICTIONS}` first, "
            f"then `exhibit records {PREDICTIONS}`")


def looks_like_exhibit(head: bytes) -> bool:
    """True when the first bytes are an exhibit's text or markup, not a JSON record: markup or
    SGML (`<`), or readable text that does not open a JSON value. Binary or undecodable bytes
    are left to the JSONL reader, which names the line."""
    if is_sgml_submission(head):
        return True
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text or text[0] in "{[":
        return False
    if text[0] == "<":
        return True
    first_line = text.splitlines()[0]
    if "\ufffd" in first_line or any(ord(ch) < 32 and ch not in "\t\f" for ch in first_line):
        return False
    try:
        json.loads(first_line)  # a JSON value that is not an object: the reader says so
        return False
    except ValueError:
        return True


def _peekable(stream: BinaryIO) -> BinaryIO:
    return stream if hasattr(stream, "peek") else io.BufferedReader(stream)  # type: ignore[arg-type]


def refuse_raw_exhibits(path: Path, head: Optional[bytes] = None) -> None:
    """Raise E300 when path (or standard input, given its first bytes) holds raw exhibits."""
    stdin = str(path) == STDIN
    shown = STDIN_NAME if stdin else str(path)
    predict_input = STDIN if stdin else shlex.quote(str(path))
    if not stdin and path.is_dir():
        raise InputError("E300", f"{shown}: is a folder of exhibits, not predictions: "
                                 f"{predict_first(predict_input)}")
    if not stdin and path.suffix.lower() in RAW_SUFFIXES:
        raise InputError("E300", f"{shown}: is an exhibit ({path.suffix} file), not predictions: "
                                 f"{predict_first(predict_input)}")
    if head is None and not stdin and path.is_file():
        try:
            with path.open("rb") as handle:
                head = handle.read(SNIFF_BYTES)
        except OSError:
            return  # the reader names why the file cannot be read
    if head is not None and looks_like_exhibit(head):
        raise InputError("E300", f"{shown}: holds an exhibit's text, not prediction records: "
                                 f"{predict_first(predict_input)}")


def iter_predictions(path: Path, stdin: Optional[BinaryIO] = None,
                     on_bad_line: Optional[OnBadLine] = None) -> Iterator[Dict[str, Any]]:
    """The prediction (or gold) records of path, or of standard input when path is "-", each
    with its facts (computed when missing).

    Checked when called, before any output is begun: raw exhibits raise E300, JSONL exhibits
    without entities E301 (at the first such record), and the first record is read (so an
    empty or malformed start fails here too). Bad lines: see iter_fact_records."""
    path = Path(path)
    stream = None
    if str(path) == STDIN:
        stream = _peekable(stdin if stdin is not None else sys.stdin.buffer)
        refuse_raw_exhibits(path, stream.peek(SNIFF_BYTES)[:SNIFF_BYTES])
    else:
        refuse_raw_exhibits(path)
    records = _checked(path, stream, on_bad_line)
    first = next(records, None)  # an empty input raises E161 (no records) here
    return chain([first], records) if first is not None else iter(())


def _checked(path: Path, stream: Optional[BinaryIO], on_bad_line: Optional[OnBadLine]) -> Iterator[Dict[str, Any]]:
    name = Path(STDIN_NAME) if stream is not None else path
    for record in iter_fact_records(name, stream, on_bad_line):
        if "entities" not in record:
            if stream is not None:
                how = (f"save it as exhibits.jsonl, run `exhibit predict exhibits.jsonl -o {PREDICTIONS}` "
                       f"first, then `exhibit records {PREDICTIONS}`")
            else:
                how = predict_first(shlex.quote(str(path)))
            raise InputError("E301", f"{name}: record {shown_id(record.get('id'))}: an exhibit to predict on "
                                     f"(no `entities`), not a prediction: {how}")
        yield record
