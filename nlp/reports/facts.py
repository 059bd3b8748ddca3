"""The fact-level part of an evaluation report: missed and false facts, counted and listed per exhibit.

The facts' P/R/F1 table comes with the other blocks (document.BLOCK_TITLES["facts"]); these are
the blocks that follow the entity and relation errors.
"""
from __future__ import annotations

from typing import Dict, List

from .document import Block, Heading, Table

ERROR_TITLES = {"missed": "missed (gold only)", "false": "false (predicted only)"}


def fact_error_blocks(report: Dict) -> List[Block]:
    """A count table by fact kind, then one row per listed fact, grouped by exhibit."""
    errors = report.get("fact_errors")
    if not errors or not errors["counts"]:
        return []
    counts = errors["counts"]
    rows = [[kind, str(c["missed"]), str(c["false"])] for kind, c in counts.items()]
    blocks: List[Block] = [Heading("fact errors", anchor="fact-errors"),
                           Table("fact errors by kind", ["kind", "missed", "false"], rows, numeric=(1, 2))]
    listed = [[doc["id"], ERROR_TITLES[error], item["kind"], item["fact"]]
              for doc in errors["documents"] for error in ("missed", "false") for item in doc[error]]
    if listed:
        total = sum(c["missed"] + c["false"] for c in counts.values())
        shown = f"{total}" if total == len(listed) else f"{total}, {len(listed)} shown"
        blocks.append(Table(f"missed and false facts by exhibit ({shown})",
                            ["document", "error", "kind", "fact"], listed))
    return blocks
