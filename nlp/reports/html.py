"""Evaluation reports as one self-contained HTML page.

`evaluation_page` draws a report of nlp.evaluation.analyze_system as a list of `Section`s:
micro scores and per-label P/R/F1 as bars with their bootstrap intervals as whiskers (inline
SVG), the label confusion matrix as shaded cells, the error counts, then each document with
errors as excerpts of its text where gold and predicted entities differ, each difference
marked by kind. Long tables and listings are folded (<details>). `render` lays out any
renderer-neutral document (nlp/reports/document.py), e.g. the comparison of two systems.

Viewable offline: inline CSS and SVG only; no scripts, fonts, images or links outside the page.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..io.records import ExhibitRecord
from .diff import Difference, entity_differences, excerpts, relation_differences
from .document import (BLOCK_TITLES, Block, Cell, Heading, Marked, Paragraph, Table, block_names,
                       error_count_tables, error_listing_tables, id_list, micro_table, number, per_label_table)

# One colour per guide label; labels outside the guide get grey.
LABEL_COLORS = {
    "ISSUER": "#7aecec", "SECURITY": "#bfeeb7", "QUANTITY": "#e4e7d2", "PRICE": "#feca74",
    "AMOUNT": "#ffeb80", "AGENT": "#aa9cfc", "OFFICER": "#ddd4ff", "TITLE": "#c887fb", "REPORT": "#9cc9cc",
}
OTHER_COLOR = "#dddddd"
FOLD_ROWS = 12      # tables longer than this are folded
METRICS = (("p", "precision"), ("r", "recall"), ("f", "F1"))
DIFFERENCE_TITLES = {
    "ok": "correct", "missed": "missed (gold only)", "spurious": "spurious (predicted only)",
    "label": "wrong label (same span)", "boundary": "wrong boundary (overlapping spans)",
}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em 2em; color: #222; max-width: 70em; line-height: 1.4; }
nav ol { columns: 2; font-size: 0.9em; }
section { margin-top: 2em; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 0.88em; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
details { margin: 0.4em 0; }
summary { cursor: pointer; color: #244; }
figure { margin: 0.5em 0 1em; }
figcaption { font-weight: bold; margin-bottom: 0.2em; }
svg text { font-family: system-ui, sans-serif; font-size: 11px; fill: #222; }
svg .grid { stroke: #ddd; stroke-width: 1; }
svg .bar-p { fill: #8fb8de; } svg .bar-r { fill: #9fd39a; } svg .bar-f { fill: #f2b279; }
svg .whisker { stroke: #333; stroke-width: 1.2; }
svg .micro text { font-weight: bold; }
table.confusion td { text-align: right; min-width: 2.5em; font-variant-numeric: tabular-nums; }
table.confusion th.gold { text-align: left; }
mark.error { background: #ffd6d6; padding: 0 0.1em; }
.excerpt { border-left: 3px solid #ccc; padding: 0.2em 0.8em; margin: 0.4em 0; overflow-wrap: anywhere; }
.ent { padding: 0.05em 0.25em; border-radius: 0.25em; line-height: 1.9; background: var(--c); }
.ent .tag { font-size: 0.7em; font-weight: bold; margin-left: 0.3em; text-transform: uppercase; }
.ent.missed { background: #fff; border: 2px dashed #c62828; }
.ent.spurious { background: repeating-linear-gradient(135deg, #ffe0e0, #ffe0e0 4px, #fff 4px, #fff 8px);
  border: 2px solid #c62828; }
.ent.label { border: 2px solid #6a1b9a; }
.ent.boundary { border: 2px dotted #1565c0; }
ul.relations { font-size: 0.9em; }
li.missed::marker { content: "− "; color: #c62828; }
li.spurious::marker { content: "+ "; color: #c62828; }
.legend { display: flex; flex-wrap: wrap; gap: 0.3em 1.5em; }
"""


@dataclass
class Section:
    """One part of the page: its anchor (for the contents), heading and HTML body."""

    anchor: str
    title: str
    body: str


# --- small pieces -------------------------------------------------------------------------------

def anchor(doc_id: str) -> str:
    return "doc-" + re.sub(r"[^A-Za-z0-9_-]", "-", doc_id)


def cell_html(cell: Cell) -> str:
    if isinstance(cell, Marked):
        return (f"{html.escape(cell.left)}<mark class=\"error\">{html.escape(cell.text)}</mark>"
                f"{html.escape(cell.right)}")
    return html.escape(cell)


def table_html(table: Table, linked_ids: Sequence[str] = (), fold: bool = True) -> str:
    """The table; one longer than FOLD_ROWS folded under its title."""
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
    rows = f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
    if fold and len(table.rows) > FOLD_ROWS:
        return folded(f"{table.title} ({len(table.rows)} rows)", f"<table>{rows}</table>")
    return f"<table><caption>{html.escape(table.title)}</caption>{rows}</table>"


def folded(summary: str, body: str, open_: bool = False) -> str:
    state = " open" if open_ else ""
    return f"<details{state}><summary>{html.escape(summary)}</summary>{body}</details>"


def blocks_html(blocks: Sequence[Block], linked_ids: Sequence[str] = ()) -> str:
    """Renderer-neutral blocks (headings below the page's own, paragraphs, tables) as HTML."""
    parts = []
    for block in blocks:
        if isinstance(block, Heading):
            ident = f' id="{html.escape(block.anchor, quote=True)}"' if block.anchor else ""
            parts.append(f"<h3{ident}>{html.escape(block.text)}</h3>")
        elif isinstance(block, Paragraph):
            parts.append(f"<p>{html.escape(block.text)}</p>")
        elif isinstance(block, Table):
            parts.append(table_html(block, linked_ids))
    return "\n".join(parts)


# --- bars with whiskers ---------------------------------------------------------------------------

@dataclass
class BarRow:
    name: str
    scores: Dict[str, float]                          # "p", "r", "f"
    intervals: Optional[Dict[str, Sequence[float]]]   # the same keys: [low, high]
    note: str = ""                                    # e.g. the counts
    emphasis: bool = False


def bars_svg(rows: Sequence[BarRow], caption: str) -> str:
    """P, R and F1 of each row as three horizontal bars on a 0-1 scale, the bootstrap interval
    drawn as a whisker over each bar; the figures also in each bar's tooltip (<title>)."""
    name_w = 12 + 7 * max([len(row.name) for row in rows] + [6])  # about 7 px a character at 11 px
    bar_w, gap, row_h, top = 150, 52, 20, 18
    note_x = name_w + 3 * (bar_w + gap)
    width, height = note_x + 130, top + row_h * len(rows) + 4
    out = [f'<svg width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(caption, quote=True)}">']
    for k, (_, title) in enumerate(METRICS):
        x0 = name_w + k * (bar_w + gap)
        out.append(f'<text x="{x0}" y="12">{title}</text>')
        for tick in (0.5, 1.0):
            x = x0 + tick * bar_w
            out.append(f'<line class="grid" x1="{x:.1f}" y1="{top - 2}" x2="{x:.1f}" y2="{height}"/>')
    for i, row in enumerate(rows):
        y = top + i * row_h
        group = ' class="micro"' if row.emphasis else ""
        out.append(f"<g{group}><text x=\"0\" y=\"{y + 13}\">{html.escape(row.name)}</text>")
        for k, (key, title) in enumerate(METRICS):
            x0 = name_w + k * (bar_w + gap)
            value = row.scores.get(key, 0.0)
            ci = (row.intervals or {}).get(key)
            tip = f"{row.name} {title} {number(value)}"
            if ci:
                tip += f" ({number(ci[0])}–{number(ci[1])})"
            out.append(f'<rect class="bar-{key}" x="{x0}" y="{y + 3}" width="{value * bar_w:.1f}" height="12">'
                       f"<title>{html.escape(tip)}</title></rect>")
            if ci:
                lo, hi = x0 + ci[0] * bar_w, x0 + ci[1] * bar_w
                mid = y + 9
                out.append(f'<path class="whisker" d="M{lo:.1f} {mid}H{hi:.1f}M{lo:.1f} {mid - 4}V{mid + 4}'
                           f'M{hi:.1f} {mid - 4}V{mid + 4}"/>')
            out.append(f'<text x="{x0 + bar_w + 4}" y="{y + 13}">{number(value)}</text>')
        out.append(f'<text x="{note_x}" y="{y + 13}">{html.escape(row.note)}</text></g>')
    out.append("</svg>")
    return (f'<figure class="bars"><figcaption>{html.escape(caption)}</figcaption>'
            + "".join(out) + "</figure>")


def _counts_note(scores: Dict) -> str:
    return f"tp {scores.get('tp', 0)} · fp {scores.get('fp', 0)} · fn {scores.get('fn', 0)}"


def block_bars(key: str, block: Dict) -> str:
    intervals = block.get("per_label_ci") or {}
    rows = [BarRow(label, scores, intervals.get(label), _counts_note(scores))
            for label, scores in block["per_label"].items()]
    rows.append(BarRow("micro", block["micro"], block.get("micro_ci"), _counts_note(block["micro"]), True))
    rows.append(BarRow("macro", {"p": block.get("macro_p", 0.0), "r": block.get("macro_r", 0.0),
                                 "f": block["macro_f"]}, None, "", True))
    return bars_svg(rows, f"{BLOCK_TITLES.get(key, key)}: per label")


# --- sections -------------------------------------------------------------------------------------

def _bootstrap_note(report: Dict) -> str:
    settings = report.get("bootstrap")
    if not settings:
        return "No bootstrap intervals were computed."
    return (f"Whiskers: {settings['confidence']:.0%} bootstrap intervals over documents "
            f"({settings['resamples']} resamples, seed {settings['seed']}).")


def overview_section(report: Dict) -> Section:
    parts = [f"<p>{report['documents']} gold documents. {html.escape(_bootstrap_note(report))}</p>"]
    if report.get("missing_ids"):
        parts.append(f"<p>Missing from the predictions (counted as all missed): "
                     f"{html.escape(id_list(report['missing_ids']))}</p>")
    if report.get("extra_ids"):
        parts.append(f"<p>Predicted documents not in the gold data (ignored): "
                     f"{html.escape(id_list(report['extra_ids']))}</p>")
    rows = [BarRow(BLOCK_TITLES[key], report[key]["micro"], report[key].get("micro_ci"),
                   f"macro F1 {number(report[key]['macro_f'])}") for key in block_names(report)]
    parts.append(bars_svg(rows, "micro precision, recall and F1 of each block"))
    parts.append(folded("the figures as a table", table_html(micro_table(report), fold=False)))
    return Section("overview", "overview", "\n".join(parts))


def per_label_section(report: Dict) -> Section:
    """One chart per block; only the first (strict entities) open, each with its table folded."""
    parts = []
    for k, key in enumerate(block_names(report)):
        block = report[key]
        body = block_bars(key, block) + folded("the figures as a table", table_html(per_label_table(key, block), fold=False))
        parts.append(folded(BLOCK_TITLES[key], body, open_=k == 0))
    return Section("per-label", "per label", "\n".join(parts))


def _shade(count: int, biggest: int, diagonal: bool) -> str:
    if not count:
        return ""
    alpha = 0.12 + 0.78 * count / max(biggest, 1)
    rgb = "46, 125, 50" if diagonal else "198, 40, 40"
    return f' style="background: rgba({rgb}, {alpha:.2f})"'


def confusion_html(confusion: Dict) -> str:
    """Gold labels (rows) against predicted labels (columns), with the unmatched as a "missed"
    column and a "spurious" row; agreement shaded green, confusion red, darker for more."""
    labels = confusion["labels"]
    matrix = confusion["matrix"]
    none = labels[-1]
    agree = max([matrix[g][g] for g in labels if g != none] + [0])
    disagree = max([matrix[g][p] for g in labels for p in labels if g != p] + [0])
    head = "".join(f'<th scope="col">{html.escape("missed" if p == none else p)}</th>' for p in labels)
    rows = []
    for gold in labels:
        cells = []
        for pred in labels:
            count = matrix[gold][pred]
            if gold == none and pred == none:
                cells.append("<td></td>")
                continue
            diagonal = gold == pred
            title = (f"gold {gold}, predicted {pred}: {count}" if none not in (gold, pred)
                     else f"{'missed' if pred == none else 'spurious'} {pred if pred != none else gold}: {count}")
            cells.append(f'<td class="cell" title="{html.escape(title, quote=True)}"'
                         f'{_shade(count, agree if diagonal else disagree, diagonal)}>{count or ""}</td>')
        name = "spurious" if gold == none else gold
        rows.append(f'<tr><th class="gold" scope="row">{html.escape(name)}</th>{"".join(cells)}</tr>')
    return (f'<table class="confusion"><caption>rows: gold label, columns: predicted label</caption>'
            f'<thead><tr><th>gold \\ predicted</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')


def confusion_section(report: Dict) -> Optional[Section]:
    if "confusion" not in report:
        return None
    return Section("confusion", "entity label confusion", confusion_html(report["confusion"]))


def errors_section(report: Dict, linked_ids: Sequence[str]) -> Optional[Section]:
    if "errors" not in report:
        return None
    parts = [table_html(t) for t in error_count_tables(report["errors"])]
    listing = error_listing_tables(report["errors"])
    if listing:
        parts.append("<p>The errors listed by label and kind, each in its context:</p>")
        parts += [folded(t.title, table_html(t, linked_ids, fold=False)) for t in listing]
    return Section("errors", "errors", "\n".join(parts) or "<p>none</p>")


def fact_sections(report: Dict) -> List[Section]:
    """The fact-level error counts and listing (nlp/reports/facts.py), when the report has them."""
    from .facts import fact_error_blocks

    blocks = [b for b in fact_error_blocks(report) if not (isinstance(b, Heading) and b.anchor == "fact-errors")]
    if not blocks:
        return []
    return [Section("fact-errors", "fact errors", blocks_html(blocks))]


# --- documents ------------------------------------------------------------------------------------

def legend_html() -> str:
    marks = [_mark(kind, "text", "LABEL", "PREDICTED" if kind == "label" else None)
             for kind in DIFFERENCE_TITLES]
    items = "".join(f"<span>{mark} {html.escape(DIFFERENCE_TITLES[kind])}</span>"
                    for mark, kind in zip(marks, DIFFERENCE_TITLES))
    return f'<p class="legend">{items}</p>'


def _mark(kind: str, text: str, label: str, predicted: Optional[str] = None, detail: str = "") -> str:
    color = LABEL_COLORS.get(label, OTHER_COLOR)
    relabel = f" → {predicted}" if predicted and predicted != label else ""
    tag = {"missed": f"{label} missed", "spurious": f"{label} spurious",
           "label": f"{label} → {predicted}", "boundary": f"{label}{relabel} boundary"}.get(kind, label)
    title = DIFFERENCE_TITLES[kind] + (f": {detail}" if detail else "")
    return (f'<mark class="ent {kind}" style="--c: {color}" title="{html.escape(title, quote=True)}">'
            f'{html.escape(text)}<span class="tag">{html.escape(tag)}</span></mark>')


def _spans_detail(text: str, diff: Difference) -> str:
    """Which spans a boundary difference is made of, for its tooltip."""
    if diff.kind != "boundary":
        return ""

    def listed(spans):
        return ", ".join(f"“{' '.join(text[a:b].split())}” {label}" for a, b, label in spans)

    return f"gold {listed(diff.gold_spans)}; predicted {listed(diff.predicted_spans)}"


def _plain(text: str) -> str:
    return html.escape(re.sub(r"\s+", " ", text))


def excerpt_html(text: str, window: Tuple[int, int], marks: Sequence[Difference]) -> str:
    start, end = window
    out, at = [], start
    for diff in marks:
        if diff.end <= start or diff.start >= end:
            continue
        out.append(_plain(text[at:diff.start]))
        out.append(_mark(diff.kind, " ".join(text[diff.start:diff.end].split()), diff.label, diff.predicted_label,
                         _spans_detail(text, diff)))
        at = diff.end
    out.append(_plain(text[at:end]))
    lead = "… " if start > 0 else ""
    tail = " …" if end < len(text) else ""
    return f'<p class="excerpt">{lead}{"".join(out).strip()}{tail}</p>'


def exhibit_html(gold: ExhibitRecord, predicted: ExhibitRecord, open_: bool = False) -> str:
    """The document's differences: excerpts of its text around them, every entity in an excerpt
    marked (correct ones by label, differences by kind), then the relations that differ."""
    diffs = entity_differences(gold, predicted)
    errors = [d for d in diffs if d.kind != "ok"]
    counts: Dict[str, int] = {}
    for d in errors:
        counts[d.kind] = counts.get(d.kind, 0) + 1
    relations = relation_differences(gold, predicted)
    summary = ", ".join(f"{n} {DIFFERENCE_TITLES[k].split(' (')[0]}" for k, n in sorted(counts.items()))
    summary = summary or "no entity differences"
    if relations:
        summary += f"; {len(relations)} relation{'s' if len(relations) > 1 else ''} on one side only"
    parts = [excerpt_html(gold.text, window, diffs) for window in excerpts(gold.text, errors)]
    if relations:
        items = "".join(f'<li class="{r.kind}">{html.escape(r.kind)} {html.escape(r.label)}: '
                        f'“{html.escape(r.head)}” → “{html.escape(r.child)}”</li>' for r in relations)
        parts.append(f'<ul class="relations">{items}</ul>')
    state = " open" if open_ else ""
    return (f'<details class="exhibit" id="{anchor(gold.id)}"{state}><summary>{html.escape(gold.id)}: '
            f'{html.escape(summary)}</summary>{"".join(parts)}</details>')


def documents_section(exhibits: Sequence[Tuple[ExhibitRecord, ExhibitRecord]]) -> Optional[Section]:
    if not exhibits:
        return None
    body = (legend_html() + "<p>Only the passages around a difference are shown; open a document to see them.</p>\n"
            + "\n".join(exhibit_html(gold, pred, open_=k == 0) for k, (gold, pred) in enumerate(exhibits)))
    return Section("exhibits", f"documents with errors ({len(exhibits)})", body)


# --- the pages ------------------------------------------------------------------------------------

def evaluation_sections(
    report: Dict, exhibits: Sequence[Tuple[ExhibitRecord, ExhibitRecord]] = (),
) -> List[Section]:
    """The page's sections in order; callers may insert their own into the list."""
    linked = [gold.id for gold, _ in exhibits]
    sections = [overview_section(report), per_label_section(report), confusion_section(report),
                errors_section(report, linked)]
    # Insertion point for fact-level sections: they stand after the entity and relation errors.
    sections += fact_sections(report)
    sections.append(documents_section(exhibits))
    return [s for s in sections if s is not None]


def page(sections: Sequence[Section], title: str) -> str:
    """The page: title, contents, then each section."""
    contents = "".join(f'<li><a href="#{s.anchor}">{html.escape(s.title)}</a></li>' for s in sections)
    body = "\n".join(f'<section id="{s.anchor}"><h2>{html.escape(s.title)}</h2>\n{s.body}\n</section>'
                     for s in sections)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
            f"<h1>{html.escape(title)}</h1>\n<nav><ol>{contents}</ol></nav>\n{body}\n</body></html>\n")


def evaluation_page(
    report: Dict, title: str = "exhibit evaluation",
    exhibits: Sequence[Tuple[ExhibitRecord, ExhibitRecord]] = (),
    sections: Optional[Sequence[Section]] = None,
) -> str:
    """The page of an analyze_system report; `exhibits` are the (gold, predicted) records of the
    documents to show (exhibits_with_errors); `sections` replaces evaluation_sections' list."""
    return page(evaluation_sections(report, exhibits) if sections is None else sections, title)


def render(
    document: Sequence[Block],
    title: str = "exhibit evaluation",
    exhibits: Sequence[Tuple[ExhibitRecord, ExhibitRecord]] = (),
) -> str:
    """Any renderer-neutral document (e.g. a comparison) as a page: each top heading starts a
    section; `exhibits` are (gold, predicted) records to show with their differences marked."""
    linked = [gold.id for gold, _ in exhibits]
    sections: List[Section] = []
    current: List[Block] = []
    heading: Optional[Heading] = None

    def close():
        if heading is not None or current:
            name = heading.text if heading else "summary"
            ident = heading.anchor if heading and heading.anchor else re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
            sections.append(Section(ident or "part", name, blocks_html(current, linked)))

    blocks = list(document)
    if blocks and isinstance(blocks[0], Heading):  # the document's title heads the page
        title = blocks[0].text
        blocks = blocks[1:]
    for block in blocks:
        if isinstance(block, Heading):
            close()
            heading, current = block, []
        else:
            current.append(block)
    close()
    documents = documents_section(exhibits)
    if documents:
        sections.append(documents)
    return page(sections, title)


def report_page(report: Dict, document: Sequence[Block], pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]] = ()) -> str:
    """The page of `exhibit evaluate --html`: the evaluation page of one system (titled as its
    document), or the document of a comparison as it is."""
    if "systems" in report:
        return render(document)
    title = document[0].text if document and isinstance(document[0], Heading) else "exhibit evaluation"
    return evaluation_page(report, title, exhibits_with_errors(report, pairs))


def exhibits_with_errors(report: Dict, pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]]):
    """The (gold, predicted) pairs of the documents the report lists errors for."""
    wanted = set(report.get("errors", {}).get("documents_with_errors", ()))
    return [(gold, pred) for gold, pred in pairs if gold.id in wanted]
