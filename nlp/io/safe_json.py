"""The one JSON parser for untrusted input: every JSONL line and JSON file goes through `loads`.

`json.loads` alone lets a single hostile line end a whole run: a number of more than 4300
digits raises a bare ValueError, deep nesting a RecursionError, a lone surrogate escape
("\\ud800") gives a string that cannot be written as UTF-8 later, and NaN/Infinity give
values that standard JSON cannot hold. Here each is a JsonProblem with its own code, so
the caller skips (or reports) that line alone. NaN and Infinity are rejected, never turned
into null, so what is written back is always standard JSON.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any, Optional

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
BOM = "\ufeff"


class JsonProblem(ValueError):
    """Why a JSON text was refused. `code` is None for plain malformed JSON (each reader
    keeps its own code for that), else the code of the hazard."""

    def __init__(self, code: Optional[str], reason: str, line: Optional[int] = None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.line = line  # of a malformed JSON text, for files of several lines


def _refuse_constant(name: str) -> Any:
    raise JsonProblem("E223", f"{name} is not standard JSON (numbers must be finite)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 parses as inf
        raise JsonProblem("E223", f"number {text[:20]} is out of range (numbers must be finite)")
    return value


def loads(text: str) -> Any:
    """The value of a JSON text, or JsonProblem naming what is wrong with it."""
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except JsonProblem:
        raise
    except json.JSONDecodeError as err:
        raise JsonProblem(None, f"malformed JSON: {err.msg} (column {err.colno})", err.lineno) from None
    except RecursionError:
        raise JsonProblem("E221", f"nested deeper than {_max_depth()} levels") from None
    except ValueError:  # the int-digit limit of int(): the only other ValueError json raises
        raise JsonProblem("E220", f"a number has more than {_max_digits()} digits") from None
    # The cheap tests first: only a text with that many brackets or a surrogate escape can fail.
    deep = text.count("[") + text.count("{") > _max_depth()
    if deep or _SURROGATE_ESCAPE.search(text):
        check_value(value)
    return value


def _max_depth() -> int:
    from ..limits import MAX_JSON_DEPTH  # here: nlp.limits imports the readers, which import this

    return MAX_JSON_DEPTH


def _max_digits() -> int:
    import sys

    return sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 4300


def check_value(value: Any) -> None:
    """JsonProblem if a decoded value (from JSON, msgpack or Parquet) nests deeper than
    limits.MAX_JSON_DEPTH, holds a string with a lone surrogate or a float that is not finite."""
    max_depth = _max_depth()
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list, tuple)):
            if depth > max_depth:
                raise JsonProblem("E221", f"nested deeper than {max_depth} levels")
            if isinstance(item, dict):
                stack.extend((key, depth) for key in item)
                stack.extend((child, depth + 1) for child in item.values())
            else:
                stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, str):
            if _SURROGATE.search(item):
                raise JsonProblem("E222", "a string holds a lone surrogate (\\ud800-\\udfff), not a character")
        elif isinstance(item, float) and not math.isfinite(item):
            raise JsonProblem("E223", f"{item} is not standard JSON (numbers must be finite)")
