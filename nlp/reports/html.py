"""A report document as one self-contained HTML page: the tables, then displaCy renderings of the
gold and the predicted entities side by side for each document with errors.

Viewable offline: inline CSS only, no scripts, fonts, images or links outside the page.
"""
from __future__ import annotations

import html
import re
from typing import Dict, List, Sequence, Tuple

from ..io.records import ExhibitRecord
from .document import Block, Cell, Heading, Marked, Paragraph, Table

# One colour per guide label; labels outside the guide get displaCy's grey.
LABEL_COLORS = {
    "ISSUER": "#7aecec", "SECURITY": "#bfeeb7", "QUANTITY": "#e4e7d2", "PRICE": "#feca74",
    "AMOUNT": "#ffeb80", "AGENT": "#aa9cfc", "OFFICER": "#ddd4ff", "TITLE": "#c887fb", "REPORT": "#9cc9cc",
}

STYLE = """
body { font-family: sans-serif; margin: 2em; color: #222; max-width: 110em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
mark.error { background: #ffd6d6; padding: 0 0.1em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; }
.pair > div { border: 1px solid #ddd; padding: 0.5em 1em; overflow-wrap: anywhere; }
h4 { margin: 0.3em 0; }
"""


def anchor(doc_id: str) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]", "-", doc_id)


def cell_html(cell: Cell) -> str:
    if isinstance(cell, Marked):
        return (f"{html.escape(cell.left)}<mark class=\"error\">{html.escape(cell.text)}</mark>"
                f"{html.escape(cell.right)}")
    return html.escape(cell)


def table_html(table: Table, linked_ids: Sequence[str] = ()) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = []
    for row in table.rows:
        cells = []
        for i, cell in enumerate(row):
            content = cell_html(cell)
            if table.columns[i] == "document" and cell in linked_ids:
                content = f"<a href=\"#{anchor(cell)}\">{content}</a>"
            attr = ' class="num"' if i in table.numeric else ""
            cells.append(f"<td{attr}>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f"<table><caption>{html.escape(table.title)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(body)}</tbody></table>")


def _displacy(record: ExhibitRecord) -> str:
    from spacy import displacy

    # displaCy escapes the text but not labels, which come from the data
    ents = [{"start": e.start, "end": e.end, "label": html.escape(e.label)} for e in sorted(set(record.entities))]
    colors = {html.escape(k): v for k, v in LABEL_COLORS.items()}
    return displacy.render({"text": record.text, "ents": ents}, style="ent", manual=True, page=False,
                           jupyter=False, options={"colors": colors})


def exhibit_html(gold: ExhibitRecord, predicted: ExhibitRecord) -> str:
    return (f"<section id=\"{anchor(gold.id)}\"><h3>{html.escape(gold.id)}</h3><div class=\"pair\">"
            f"<div><h4>gold</h4>{_displacy(gold)}</div>"
            f"<div><h4>predicted</h4>{_displacy(predicted)}</div></div></section>")


def render(
    document: Sequence[Block],
    title: str = "exhibit evaluation",
    exhibits: Sequence[Tuple[ExhibitRecord, ExhibitRecord]] = (),
) -> str:
    """The page; `exhibits` are the (gold, predicted) records to show rendered, in order."""
    linked = [gold.id for gold, _ in exhibits]
    parts: List[str] = []
    first = True
    for block in document:
        if isinstance(block, Heading):
            tag = "h1" if first else "h2"
            first = False
            ident = f' id="{block.anchor}"' if block.anchor else ""
            parts.append(f"<{tag}{ident}>{html.escape(block.text)}</{tag}>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Table):
            parts.append(table_html(block, linked))
    if exhibits:
        parts.append('<h2 id="exhibits">documents with errors: gold and predicted entities</h2>')
        parts += [exhibit_html(gold, pred) for gold, pred in exhibits]
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(parts) + "\n</body></html>\n")


def exhibits_with_errors(report: Dict, pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]]):
    """The (gold, predicted) pairs of the documents the report lists errors for."""
    wanted = set(report.get("errors", {}).get("documents_with_errors", ()))
    return [(gold, pred) for gold, pred in pairs if gold.id in wanted]
