"""`exhibit show`: one self-contained HTML page of a model's predictions, for a quick look.

Each exhibit shows its facts and warnings first (nlp.facts, as `exhibit predict` writes them),
then its text sentence by sentence (doc.sents, as the exhibit segmenter sets them), entities
marked, each sentence followed by the relations whose head stands in it. Rendering
(`exhibit_html`) works on the output record alone; `exhibit_section` adapts a Doc to it.
The page loads nothing from anywhere: no scripts, fonts or style sheets from outside.
"""
from __future__ import annotations

import html
import re
from bisect import bisect_right
from pathlib import Path
from typing import Any, Dict, Iterable, List, Sequence, Tuple

from .errors import InputError
from .formats.base import prepare_output
from .reports.readable import fact_lines, warning_lines

LABEL_COLORS = {
    "ISSUER": "#7aecec", "SECURITY": "#bfeeb7", "QUANTITY": "#feca74", "PRICE": "#ff9561",
    "AMOUNT": "#ffeb80", "AGENT": "#aa9cfc", "OFFICER": "#c887fb", "TITLE": "#9cc9cc",
    "REPORT": "#e4e7d2", "PER": "#c887fb", "ORG": "#7aecec", "LOC": "#ff9561", "MISC": "#e4e7d2",
}
OTHER_COLOR = "#ddd"
GUIDE_LABELS = ("ISSUER", "SECURITY", "QUANTITY", "PRICE", "AMOUNT", "AGENT", "OFFICER", "TITLE", "REPORT")

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; line-height: 1.5; color: #222; }
section.exhibit { border-top: 2px solid #999; margin-top: 2.5rem; padding-top: 0.5rem; }
p.source { color: #555; font-size: 0.9em; }
table.facts { border-collapse: collapse; margin: 0.3em 0 0.8em; }
table.facts th { text-align: left; font-weight: normal; color: #555; padding: 0.1em 1.5em 0.1em 0; }
table.facts td { padding: 0.1em 0; }
table.facts tr.depth-1 th { padding-left: 1.2em; }
table.facts tr.depth-2 th { padding-left: 2.4em; }
ul.warnings li { background: #fff3cd; border-left: 4px solid #e0a800; padding: 0.15em 0.5em; margin: 0.2em 0; list-style: none; }
ul.warnings { padding-left: 0; }
div.sentence { margin: 0.7em 0; }
p.text { margin: 0; }
mark.entity { padding: 0.05em 0.3em; border-radius: 0.3em; line-height: 1.9; }
.label { font-size: 0.7em; font-weight: bold; padding: 0 0.3em; border-radius: 0.3em; }
mark.entity .label { margin-left: 0.3em; padding: 0; }
ul.relations { margin: 0.2em 0 0.2em 1.5em; padding-left: 0.8em; border-left: 3px solid #cfd8dc; font-size: 0.92em; }
ul.relations li { list-style: none; }
.score { color: #555; font-size: 0.85em; }
.legend .label { margin-right: 0.6em; }
"""

Offsets = Tuple[int, int]


# --- from a Doc ---------------------------------------------------------------------------------

def sentence_ranges(doc) -> List[Offsets]:
    """Character ranges of the doc's sentences (the whole text when none are set)."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]


def exhibit_section(record_id: str, source: str, doc) -> str:
    """The section of one predicted doc: its output record (with facts) rendered by exhibit_html."""
    from .inference import doc_to_output

    return exhibit_html(record_id, source, doc_to_output(doc, record_id), sentence_ranges(doc))


# --- rendering ----------------------------------------------------------------------------------

def whole_sentences(ranges: Sequence[Offsets], entities: Iterable[Dict[str, Any]], length: int) -> List[Offsets]:
    """The sentence ranges, joined where an entity runs across a boundary (none is cut)."""
    cuts = sorted({start for start, _ in ranges if 0 < start < length})
    spans = [(e["start"], e["end"]) for e in entities]
    cuts = [c for c in cuts if not any(start < c < end for start, end in spans)]
    edges = [0] + cuts + [length]
    return [(a, b) for a, b in zip(edges, edges[1:]) if b > a]


def relations_by_sentence(relations: Iterable[Dict[str, Any]], ranges: Sequence[Offsets]) -> Dict[int, List[Dict[str, Any]]]:
    """The relations grouped by the sentence (index into `ranges`) their head stands in."""
    starts = [start for start, _ in ranges]
    grouped: Dict[int, List[Dict[str, Any]]] = {}
    for rel in sorted(relations, key=lambda r: (tuple(r["head"]), tuple(r["child"]), r["label"])):
        index = max(0, bisect_right(starts, rel["head"][0]) - 1)
        grouped.setdefault(index, []).append(rel)
    return grouped


def _folded(text: str) -> str:
    return html.escape(re.sub(r"\s+", " ", text))


def _chip(label: str) -> str:
    return (f'<span class="label" style="background: {LABEL_COLORS.get(label, OTHER_COLOR)}">'
            f"{html.escape(label)}</span>")


def sentence_html(text: str, span: Offsets, entities: Sequence[Dict[str, Any]]) -> str:
    """The sentence's text, whitespace folded, its entities marked with their labels."""
    start, end = span
    out, at = [], start
    for ent in entities:
        if ent["start"] < start or ent["end"] > end:
            continue
        color = LABEL_COLORS.get(ent["label"], OTHER_COLOR)
        out.append(_folded(text[at:ent["start"]]))
        out.append(f'<mark class="entity" style="background: {color}">{_folded(text[ent["start"]:ent["end"]])}'
                   f'<span class="label">{html.escape(ent["label"])}</span></mark>')
        at = ent["end"]
    out.append(_folded(text[at:end]))
    return "".join(out).strip()


def _mention(text: str, offsets: Sequence[int], labels: Dict[Offsets, str]) -> str:
    label = labels.get(tuple(offsets), "?")
    return f"<b>{_folded(text[offsets[0]:offsets[1]]).strip()}</b> {_chip(label)}"


def relation_html(text: str, rel: Dict[str, Any], labels: Dict[Offsets, str]) -> str:
    score = rel.get("score")
    shown = f' <span class="score">({score:.2f})</span>' if score is not None else ""
    return (f"<li>{_mention(text, rel['head'], labels)} → {html.escape(rel['label'])} → "
            f"{_mention(text, rel['child'], labels)}{shown}</li>")


def facts_html(output: Dict[str, Any]) -> str:
    """The facts table, then the warnings (highlighted), of an output record."""
    record = output.get("record") or {}
    rows = "".join(f'<tr class="depth-{f.depth}"><th>{html.escape(f.name)}</th><td>{html.escape(f.text)}</td></tr>'
                   for f in fact_lines(record))
    facts = f'<table class="facts">{rows}</table>' if rows else "<p>no facts found</p>"
    warnings = warning_lines(output.get("warnings") or [])
    if warnings:
        items = "".join(f"<li><code>{html.escape(code)}</code> {html.escape(message)}</li>" for code, message in warnings)
        warned = f'<ul class="warnings">{items}</ul>'
    else:
        warned = "<p>none</p>"
    kind = html.escape(str(record.get("kind") or "other"))
    return f'<h3>Facts ({kind})</h3>\n{facts}\n<h3>Warnings</h3>\n{warned}'


def exhibit_html(record_id: str, source: str, output: Dict[str, Any], sentences: Sequence[Offsets]) -> str:
    """One exhibit: facts and warnings, then each sentence with its relations right after it.
    `output` is a record as `exhibit predict` writes it (text, entities, relations, record, warnings)."""
    text = output.get("text") or ""
    entities = sorted(output.get("entities") or [], key=lambda e: (e["start"], e["end"]))
    relations = output.get("relations") or []
    labels = {(e["start"], e["end"]): e["label"] for e in entities}
    ranges = whole_sentences(sentences, entities, len(text))
    grouped = relations_by_sentence(relations, ranges)
    n_warnings = len(output.get("warnings") or [])
    parts = [
        f'<section class="exhibit" id="{html.escape(record_id, quote=True)}">',
        f"<h2>{html.escape(record_id)}</h2>",
        f'<p class="source">{html.escape(source)} · {len(entities)} entities · {len(relations)} relations'
        f" · {n_warnings} warning{'' if n_warnings == 1 else 's'}</p>",
        facts_html(output),
        "<h3>Text, each sentence followed by its relations</h3>",
    ]
    for index, span in enumerate(ranges):
        shown = sentence_html(text, span, entities)
        rels = grouped.get(index, [])
        if not shown and not rels:
            continue
        parts.append(f'<div class="sentence"><p class="text">{shown}</p>')
        if rels:
            parts.append('<ul class="relations">' + "".join(relation_html(text, r, labels) for r in rels) + "</ul>")
        parts.append("</div>")
    parts.append("</section>")
    return "\n".join(parts)


def render_page(sections: Iterable[str], title: str) -> str:
    body = "\n".join(sections)
    legend = " ".join(_chip(label) for label in GUIDE_LABELS)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f'<h1>{html.escape(title)}</h1>\n<p class="legend">{legend}</p>\n{body}\n</body>\n</html>\n'
    )


def show_exhibits(nlp, inputs: Sequence, batch_size: int = 8, title: str = "exhibit show") -> str:
    """The page for inputs (objects with id, text and source) run through the pipeline."""
    docs = nlp.pipe((item.text for item in inputs), batch_size=batch_size)
    return render_page((exhibit_section(item.id, item.source, doc) for item, doc in zip(inputs, docs)), title)


def check_page_path(path: Path) -> Path:
    """The page's path, once its folder is known to exist (checked before any exhibit is run)."""
    return prepare_output(path, missing_code="E150")


def write_page(page: str, path: Path) -> None:
    path = check_page_path(path)
    try:
        path.write_text(page, encoding="utf-8")
    except PermissionError:
        raise InputError("E151", f"{path}: permission denied") from None
