"""The text of a Doc built once while a rule stage runs: Doc.text joins every token on each call,
and every step of a stage reads it."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from spacy.tokens import Doc

_KEY = "exhibit_text"


def doc_text(doc: Doc) -> str:
    """doc.text, from the stage's cache while one runs."""
    text = doc.user_data.get(_KEY)
    return text if text is not None else doc.text


@contextmanager
def cached_text(doc: Doc) -> Iterator[Doc]:
    """Keep doc.text in the doc's user data for the duration (the text of a Doc never changes)."""
    doc.user_data[_KEY] = doc.text
    try:
        yield doc
    finally:
        doc.user_data.pop(_KEY, None)
