"""A readable listing of what the model found in an exhibit (for people, not programs).

The facts and warnings come first, then the entities grouped by label and text with their
counts, then the relations once each; values are written as people write them
(nlp/reports/readable.py).
"""
from __future__ import annotations

from typing import Any, Dict, List

from .reports.readable import fact_lines, group_entities, group_relations, warning_lines


def _facts(record: Dict[str, Any]) -> Dict[str, Any]:
    """The record's facts and warnings: those `exhibit predict` wrote, else computed."""
    if "record" in record:
        return {"record": record["record"], "warnings": record.get("warnings") or []}
    from .facts import extract_facts

    return extract_facts(record)


def _times(count: int) -> str:
    return f" ×{count}" if count > 1 else ""


def summarize_record(record: Dict[str, Any]) -> str:
    text = record["text"]
    facts = _facts(record)
    kind = (facts["record"] or {}).get("kind") or "other"
    entities, relations = record.get("entities") or [], record.get("relations") or []
    lines: List[str] = [f"== {record['id']} ({kind}): {len(entities)} entities, {len(relations)} relations"]

    facts_shown = fact_lines(facts["record"])
    lines.append("facts" + ("" if facts_shown else ": none"))
    width = max([2 * f.depth + len(f.name) for f in facts_shown] + [0]) + 2
    for fact in facts_shown:
        lines.append(f"  {'  ' * fact.depth}{fact.name:<{width - 2 * fact.depth}}{fact.text}".rstrip())

    warnings = warning_lines(facts["warnings"])
    lines.append("warnings" + ("" if warnings else ": none"))
    lines += [f"  {code}: {message}" for code, message in warnings]

    groups = group_entities(text, entities)
    lines.append("entities" + ("" if groups else ": none"))
    label_width = max([len(g.label) for g in groups] + [0]) + 2
    for group in groups:
        value = f" = {group.value}" if group.value else ""
        lines.append(f"  {group.label:<{label_width}}{group.text}{value}{_times(group.count)}")

    rel_groups = group_relations(text, relations)
    lines.append("relations" + ("" if rel_groups else ": none"))
    label_width = max([len(g.label) for g in rel_groups] + [0]) + 2
    for rel in rel_groups:
        score = f" ({rel.score:.2f})" if rel.score is not None else ""
        lines.append(f"  {rel.label:<{label_width}}{rel.head} -> {rel.child}{score}{_times(rel.count)}")
    return "\n".join(lines)
