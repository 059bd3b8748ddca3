"""What readers yield: an exhibit to predict on, or an input that was skipped and why."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Dict, Optional, Union

from ..errors import ExhibitError, InputError, shown_id


@dataclass
class ExhibitInput:
    """One exhibit: its id, the text offsets will point into, where it came from, extra facts."""

    id: str
    text: str
    source: str
    meta: Dict[str, Any] = field(default_factory=dict)


@dataclass
class SkippedInput:
    """An input that gives no record: `source` names the file (and line or document)."""

    source: str
    code: str
    reason: str
    id: Optional[str] = None

    @classmethod
    def from_error(cls, err: ExhibitError, id: Optional[str] = None) -> "SkippedInput":
        # Reader errors already start with the file name; keep it as the source.
        source, _, reason = err.message.partition(": ")
        return cls(source, err.code, reason or err.message, id)

    def message(self) -> str:
        named = f"{shown_id(self.id)}: " if self.id else ""
        return f"{self.source}: {named}{self.reason}"

    def to_error(self) -> InputError:
        return InputError(self.code, self.message())

    def to_dict(self) -> Dict[str, Any]:
        return {"source": self.source, "id": self.id, "code": self.code, "reason": self.reason}


InputItem = Union[ExhibitInput, SkippedInput]
