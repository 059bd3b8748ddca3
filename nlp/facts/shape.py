"""The types a `record` (the facts of an output line) must have before it becomes table rows.

A record read from a file is whatever the file holds: a string where a list belongs would be
joined character by character ("ab" -> "a; b"), an object where a name belongs written as
its repr. Keys are checked wherever they appear, as the facts nest them.
"""
from __future__ import annotations

from typing import Any, Dict, List

from .offering import PRICE_KINDS

LISTS_OF_STRINGS = {"agents", "titles"}
LISTS_OF_OBJECTS = {"securities", "officers", "tranches"}
OBJECTS = {"offering", "gross", "net", "report", "period", "combined_price", *PRICE_KINDS}
SCALARS = {"kind", "name", "quantity", "currency", "form", "date", "text", "issuer", "company"}


def check_facts(record: Dict[str, Any]) -> None:
    """Raise ValueError naming the first field of `record` whose value has the wrong type."""
    stack: List[tuple] = [("record", record)]
    while stack:
        where, data = stack.pop()
        for key, value in data.items():
            at = f"{where}.{key}"
            if value is None:
                continue
            if key in LISTS_OF_STRINGS:
                if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                    raise ValueError(f"field {at!r} must be a list of strings")
            elif key in LISTS_OF_OBJECTS:
                if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                    raise ValueError(f"field {at!r} must be a list of objects")
                stack.extend((f"{at}[{k}]", v) for k, v in enumerate(value))
            elif key in OBJECTS and not isinstance(value, dict):
                raise ValueError(f"field {at!r} must be an object")
            elif key in SCALARS and isinstance(value, (dict, list)):
                raise ValueError(f"field {at!r} must be a string or number")
            elif isinstance(value, dict):
                stack.append((at, value))
            elif isinstance(value, list):  # "amount" is an object of gross/net or a money amount
                raise ValueError(f"field {at!r} must not be a list")


def check_warnings(warnings: Any) -> None:
    """Raise ValueError unless `warnings` is a list of objects with a string `code`."""
    if not isinstance(warnings, list) or not all(
        isinstance(w, dict) and isinstance(w.get("code"), str) for w in warnings
    ):
        raise ValueError("field 'warnings' must be a list of objects with a string 'code'")
