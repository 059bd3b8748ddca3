"""A readable listing of what the model found in an exhibit (for people, not programs)."""
from __future__ import annotations

from typing import Dict, List


def _quote(text: str) -> str:
    return " ".join(text.split())


def summarize_record(record: Dict) -> str:
    text = record["text"]
    lines: List[str] = [f"== {record['id']}: {len(record['entities'])} entities, "
                        f"{len(record['relations'])} relations"]
    for ent in record["entities"]:
        value = ent.get("value")
        shown = f"  -> {value}" if value not in (None, _quote(text[ent['start']:ent['end']])) else ""
        lines.append(f"  {ent['label']:<9} {_quote(text[ent['start']:ent['end']])}{shown}")
    for rel in record["relations"]:
        head = _quote(text[rel["head"][0]:rel["head"][1]])
        child = _quote(text[rel["child"][0]:rel["child"][1]])
        score = f"  ({rel['score']:.2f})" if rel.get("score") is not None else ""
        lines.append(f"  {rel['label']:<11} {head} -> {child}{score}")
    return "\n".join(lines)
