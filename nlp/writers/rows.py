"""Records as flat rows for tabular formats: guide columns first, then any other keys
(added by doc_to_output) in the order the first record has them."""
from __future__ import annotations

import json
from typing import Any, Dict, List

BASE_COLUMNS = ("id", "text", "category", "entities", "relations", "meta")


def columns_of(record: Dict[str, Any]) -> List[str]:
    return list(BASE_COLUMNS) + [key for key in record if key not in BASE_COLUMNS]


def as_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False)


def cell(value: Any) -> str:
    """A CSV cell: strings as they are, nothing as empty, everything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return as_json(value)
