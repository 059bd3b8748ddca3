"""JSON Lines output: one record per line, each line written whole and flushed, so a killed run
leaves only finished lines (and at most one partial last line, which --resume cuts off)."""
from __future__ import annotations

import json
from typing import Any, Dict

from .stream import LineWriter


class JsonlWriter(LineWriter):
    def write(self, record: Dict[str, Any]) -> None:
        self._put(json.dumps(record, ensure_ascii=False) + "\n")
