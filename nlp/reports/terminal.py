"""A report document as plain aligned text for the terminal."""
from __future__ import annotations

from typing import List, Sequence

from .document import Block, Cell, Heading, Marked, Paragraph, Table


def cell_text(cell: Cell) -> str:
    if isinstance(cell, Marked):
        return f"{cell.left}[{cell.text}]{cell.right}"
    return cell


def table_lines(table: Table) -> List[str]:
    cells = [[cell_text(c) for c in row] for row in table.rows]
    widths = [max([len(col)] + [len(row[i]) for row in cells]) for i, col in enumerate(table.columns)]

    def line(values: Sequence[str]) -> str:
        parts = [v.rjust(w) if i in table.numeric else v.ljust(w) for i, (v, w) in enumerate(zip(values, widths))]
        return "  ".join(parts).rstrip()

    lines = [table.title, line(table.columns), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    return lines


def render(document: Sequence[Block]) -> str:
    lines: List[str] = []
    for block in document:
        if isinstance(block, Heading):
            lines += ([""] if lines else []) + [block.text, "=" * len(block.text)]
        elif isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            lines += [""] + table_lines(block)
    return "\n".join(lines)
