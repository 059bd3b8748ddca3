"""Line wrapping for training: plain-text filings (EDGAR .txt exhibits, older 8-Ks) break their
prose into lines of 60 to 80 characters, so a name or a security class may hold a line break
("Quillon Holdings\\nInc."). The annotated releases are mostly newswire copies with one line per
paragraph, so the model rarely sees that; wrapping a share of the training exhibits teaches it.

A space becomes a line break and nothing else moves, so every entity and relation offset stays
exact. Lines already short (headlines, signature and contact blocks) are left as they are.
"""
from __future__ import annotations

import dataclasses
import random

from .records import ExhibitRecord

WIDTHS = (60, 80)  # the range of line widths drawn, in characters


def wrap_text(text: str, width: int) -> str:
    """`text` with each line longer than `width` broken at its last space before the width."""
    characters = list(text)
    column, last_space = 0, -1
    for position, character in enumerate(text):
        if character == "\n":
            column, last_space = 0, -1
            continue
        if character == " ":
            last_space = position
        column += 1
        if column > width and last_space >= 0:
            characters[last_space] = "\n"
            column, last_space = position - last_space, -1
    return "".join(characters)


def wrap_record_at(record: ExhibitRecord, width: int) -> ExhibitRecord:
    """A copy of the record with its text wrapped at `width`; its text's sha256, no longer
    true, is left out of the meta."""
    meta = {key: value for key, value in record.meta.items() if key != "sha256"}
    return dataclasses.replace(record, text=wrap_text(record.text, width), meta=meta)


def wrap_record(record: ExhibitRecord, rng: random.Random) -> ExhibitRecord:
    """A copy of the record with its text wrapped at a width drawn from WIDTHS."""
    return wrap_record_at(record, rng.randint(*WIDTHS))
