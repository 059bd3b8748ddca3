"""A report document as GitHub-flavoured Markdown: headings, paragraphs and pipe tables."""
from __future__ import annotations

import re
from typing import List, Sequence

from .document import Block, Cell, Heading, Marked, Paragraph, Table

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def escape(text: str) -> str:
    """Backslash-escape what Markdown would read as markup (and | inside tables)."""
    return _SPECIAL.sub(r"\\\1", text)


_LINE_BREAK = re.compile(r"\r\n|[\r\n\u2028\u2029]")


def cell_markdown(cell: Cell) -> str:
    """A table cell on one line: a line break (in an id, a quote) would end the table row."""
    if isinstance(cell, Marked):
        text = f"{escape(cell.left)}**{escape(cell.text)}**{escape(cell.right)}"
    else:
        text = escape(cell)
    return _LINE_BREAK.sub("<br>", text)


def table_markdown(table: Table) -> List[str]:
    align = ["---:" if i in table.numeric else "---" for i in range(len(table.columns))]
    lines = [f"**{escape(table.title)}**", ""]
    lines.append("| " + " | ".join(escape(c) for c in table.columns) + " |")
    lines.append("| " + " | ".join(align) + " |")
    lines += ["| " + " | ".join(cell_markdown(c) for c in row) + " |" for row in table.rows]
    return lines


def render(document: Sequence[Block]) -> str:
    chunks: List[str] = []
    first = True
    for block in document:
        if isinstance(block, Heading):
            chunks.append(("# " if first else "## ") + escape(block.text))
            first = False
        elif isinstance(block, Paragraph):
            chunks.append(escape(block.text))
        elif isinstance(block, Table):
            chunks.append("\n".join(table_markdown(block)))
    return "\n\n".join(chunks) + "\n"
