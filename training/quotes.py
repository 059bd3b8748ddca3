"""Corpus records to the quote format of `../shared/annotating.md`, for re-annotation.

A re-annotation pass edits quotes (span text plus a context that holds it once), never offsets;
the shared resolver turns the edited quotes back into offsets and checks them. Each entity gets
the shortest whitespace-bounded context around it that occurs once in the text, so an edited
file resolves to the same offsets it came from.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from nlp.io.records import ExhibitRecord, read_records, write_json_lines
from training.cli import run

# How far a context may grow on each side before the first-match `nth` fallback is used.
MAX_CONTEXT_WORDS = 12


def _loose_pattern(snippet: str) -> "re.Pattern[str]":
    """The resolver's matching rule: any whitespace run matches any whitespace run."""
    return re.compile(r"\s+".join(map(re.escape, snippet.split())))


def _count(pattern: "re.Pattern[str]", text: str) -> int:
    return sum(1 for _ in pattern.finditer(text))


def _word_edges(text: str, start: int, end: int, words: int) -> tuple:
    """(left, right) offsets `words` whitespace-separated words beyond the span on each side."""
    left = start
    for _ in range(words):
        left = text.rfind(" ", 0, max(left - 1, 0)) + 1 if left > 0 else 0
    right = end
    for _ in range(words):
        nxt = text.find(" ", right + 1)
        right = len(text) if nxt < 0 else nxt
    return left, right


def entity_quote(text: str, start: int, end: int, label: str) -> Dict[str, object]:
    """One quote entity that resolves back to exactly (start, end)."""
    span = text[start:end]
    quote: Dict[str, object] = {"label": label, "text": " ".join(span.split())}
    span_pattern = _loose_pattern(span)
    if _count(span_pattern, text) == 1:
        return quote
    for words in range(1, MAX_CONTEXT_WORDS + 1):
        left, right = _word_edges(text, start, end, words)
        context = text[left:right].strip()
        pattern = _loose_pattern(context)
        if _count(pattern, text) == 1 and _count(span_pattern, context) == 1:
            quote["context"] = " ".join(context.split())
            return quote
    # a repeated passage: fall back to the k-th match of the span itself
    starts = [m.start() for m in span_pattern.finditer(text)]
    quote["nth"] = starts.index(start) + 1
    return quote


def record_to_quotes(record: ExhibitRecord) -> Dict[str, object]:
    entities = sorted(record.entities)
    index = {e.offsets: k for k, e in enumerate(entities)}
    return {
        "id": record.id,
        "category": record.category,
        "entities": [entity_quote(record.text, e.start, e.end, e.label) for e in entities],
        "relations": [
            {"head": index[r.head], "child": index[r.child], "label": r.label}
            for r in sorted(record.relations)
            if r.head in index and r.child in index
        ],
    }


def write_quotes(records: Iterable[ExhibitRecord], path: Path) -> int:
    return write_json_lines((record_to_quotes(r) for r in records), path)


def main(
    corpus: Path,
    output: Path,
    ids: Optional[List[str]] = None,
) -> None:
    """Write the records of CORPUS (all, or only --ids) to OUTPUT in quote format."""
    wanted = set(ids or [])
    records = [r for r in read_records(corpus) if not wanted or r.id in wanted]
    print(f"wrote {write_quotes(records, output)} records to {output}")


if __name__ == "__main__":
    import typer

    run(main)
