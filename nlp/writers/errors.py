"""Skipped inputs: one line each on stderr, and one JSON line each (source, id, code, reason) in
the errors file. The errors file is rewritten by every run, resumed ones too, so it always
lists exactly the skipped inputs of the whole batch."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Optional

from ..readers.items import SkippedInput
from .failure import naming_write_errors


class ErrorLog:
    def __init__(self, path: Optional[Path] = None, echo: Optional[Callable[[str], None]] = None):
        self.path = Path(path) if path is not None else None
        self.echo = echo
        self._handle = None
        if self.path is not None and self.path.exists():
            self.path.unlink()  # a stale list from an earlier run

    def report(self, item: SkippedInput) -> None:
        if self.echo is not None:
            self.echo(f"skipped [{item.code}] {item.message()}")
        if self.path is not None:
            with naming_write_errors(self.path):
                if self._handle is None:
                    self._handle = self.path.open("w", encoding="utf-8")
                self._handle.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
                self._handle.flush()

    def close(self) -> None:
        if self._handle is not None:
            with naming_write_errors(self.path):
                self._handle.close()

    def __enter__(self) -> "ErrorLog":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
