"""A builder for small guide records, naming spans by their text instead of offsets.

(Not a conftest.py: tests import `from conftest import ...`, which must stay tests/conftest.py.)
"""
from __future__ import annotations

from typing import Dict, List, Optional, Sequence, Tuple


def _offsets(text: str, phrase: str) -> Tuple[int, int]:
    """'Common Stock#2' is the second occurrence of 'Common Stock'."""
    words, _, nth = phrase.partition("#")
    start = -1
    for _ in range(int(nth or 1)):
        start = text.index(words, start + 1)
    return start, start + len(words)


def build_record(
    text: str,
    entities: Sequence[Tuple[str, str]],
    relations: Sequence[Tuple[str, str, str]] = (),
    category: Optional[str] = None,
    record_id: str = "test",
) -> Dict:
    """entities as (phrase, LABEL); relations as (head phrase, child phrase, LABEL)."""
    ents: List[Dict] = []
    for phrase, label in entities:
        start, end = _offsets(text, phrase)
        ents.append({"start": start, "end": end, "label": label})
    rels = [{"head": list(_offsets(text, h)), "child": list(_offsets(text, c)), "label": label}
            for h, c, label in relations]
    return {"id": record_id, "text": text, "category": category, "entities": ents, "relations": rels}
