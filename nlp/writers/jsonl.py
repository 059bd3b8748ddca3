"""JSON Lines output: one record per line, each line written whole and flushed, so a killed run
leaves only finished lines (and at most one partial last line, which --resume cuts off)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional, TextIO


class JsonlWriter:
    def __init__(self, path: Optional[Path] = None, stream: Optional[TextIO] = None, append: bool = False):
        self.path = Path(path) if path is not None else None
        self._own = stream is None
        self._handle = stream if stream is not None else self.path.open("a" if append else "w", encoding="utf-8")

    def write(self, record: Dict[str, Any]) -> None:
        self._handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._handle.flush()

    def close(self) -> None:
        if self._own:
            self._handle.close()
        else:
            self._handle.flush()

    def __enter__(self) -> "JsonlWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
