"""The per-exhibit size limit for commands that read exhibits all at once (suggest, show).

`exhibit predict` reports and skips an empty or overlong exhibit; these commands stop at the
first one instead, with the same code and message (nlp.readers.dispatch.check_exhibit).
"""
from __future__ import annotations

from typing import Iterable, List

from .readers import DEFAULT_MAX_CHARS, ExhibitInput, SkippedInput
from .readers.dispatch import check_exhibit

__all__ = ["DEFAULT_MAX_CHARS", "allow_length", "checked_exhibits"]


def checked_exhibits(items: Iterable[ExhibitInput], max_chars: int = DEFAULT_MAX_CHARS) -> List[ExhibitInput]:
    """The exhibits, or InputError naming the first empty one or one above `max_chars`."""
    kept = []
    for item in items:
        checked = check_exhibit(item, max_chars)
        if isinstance(checked, SkippedInput):
            raise checked.to_error()
        kept.append(checked)
    return kept


def allow_length(nlp, max_chars: int) -> None:
    """Let the pipeline take texts up to the limit: spaCy refuses texts above nlp.max_length
    (1,000,000 characters by default) with an error of its own."""
    nlp.max_length = max(nlp.max_length, max_chars)
