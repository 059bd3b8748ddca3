"""The per-exhibit size limit for commands that read exhibits all at once (suggest, show), and
the limits on what one input file may expand to (JSON nesting, decoded bytes, records).

`exhibit predict` reports and skips an empty or overlong exhibit; these commands stop at the
first one instead, with the same code and message (nlp.readers.dispatch.check_exhibit).
"""
from __future__ import annotations

from typing import Iterable, List

from .readers import DEFAULT_MAX_CHARS, ExhibitInput, InputItem, SkippedInput
from .readers.dispatch import check_exhibit

__all__ = [
    "DEFAULT_MAX_CHARS", "MAX_DECODED_BYTES", "MAX_JSON_DEPTH", "MAX_READ_RECORDS", "allow_length",
    "checked_exhibits", "check_decoded_bytes", "check_record_count",
]

# Limits on what one input file may expand to, so that a small hostile file (deeply nested
# JSON, a zlib or Parquet "bomb") is refused with a coded error instead of eating the memory.
MAX_JSON_DEPTH = 64                 # nesting of a JSON value; a guide record needs 4
MAX_DECODED_BYTES = 512 * 1024**2   # decompressed size of a .spacy or Parquet file
MAX_READ_RECORDS = 500_000          # records in one .spacy or Parquet file


def checked_exhibits(items: Iterable[InputItem], max_chars: int = DEFAULT_MAX_CHARS) -> List[ExhibitInput]:
    """The exhibits, or InputError naming the first skipped input (as a reader yields it), empty
    exhibit or one above `max_chars`."""
    kept = []
    for item in items:
        checked = item if isinstance(item, SkippedInput) else check_exhibit(item, max_chars)
        if isinstance(checked, SkippedInput):
            raise checked.to_error()
        kept.append(checked)
    return kept


def allow_length(nlp, max_chars: int) -> None:
    """Let the pipeline take texts up to the limit: spaCy refuses texts above nlp.max_length
    (1,000,000 characters by default) with an error of its own."""
    nlp.max_length = max(nlp.max_length, max_chars)


def check_decoded_bytes(size: int, where: str) -> None:
    """InputError when a file decodes to more than MAX_DECODED_BYTES."""
    from .errors import InputError

    if size > MAX_DECODED_BYTES:
        raise InputError("E232", f"{where}: decodes to more than {MAX_DECODED_BYTES:,} bytes "
                                 "(the limit nlp.limits.MAX_DECODED_BYTES); split the file")


def check_record_count(count: int, where: str) -> None:
    """InputError when a file holds more than MAX_READ_RECORDS records."""
    from .errors import InputError

    if count > MAX_READ_RECORDS:
        raise InputError("E233", f"{where}: holds {count:,} records, more than {MAX_READ_RECORDS:,} "
                                 "(the limit nlp.limits.MAX_READ_RECORDS); split the file")
