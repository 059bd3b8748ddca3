"""The part every line-based writer shares: an owned file or a borrowed stream, each piece
written whole and flushed, so a killed run leaves only finished lines."""
from __future__ import annotations

from pathlib import Path
from typing import Optional, TextIO

from .failure import naming_write_errors


class LineWriter:
    def __init__(self, path: Optional[Path] = None, stream: Optional[TextIO] = None, append: bool = False,
                 newline: Optional[str] = None):
        self.path = Path(path) if path is not None else None
        self._own = stream is None  # a borrowed stream (stdout) is flushed, never closed
        self._handle = stream if stream is not None else self.path.open(
            "a" if append else "w", encoding="utf-8", newline=newline)

    def _put(self, text: str) -> None:
        with naming_write_errors(self.path):
            self._handle.write(text)
            self._handle.flush()

    def close(self) -> None:
        with naming_write_errors(self.path):
            if self._own:
                self._handle.close()
            else:
                self._handle.flush()

    def __enter__(self) -> "LineWriter":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
