"""`exhibit show`: one self-contained HTML page of a model's predictions, for a quick look.

Entities are rendered by displaCy; under each exhibit its relations are listed sentence by
sentence (doc.sents, as the exhibit segmenter sets them). The page loads nothing from
anywhere: no scripts, fonts or style sheets from outside.
"""
from __future__ import annotations

import html
from bisect import bisect_right
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple

from .errors import InputError
from .formats.base import prepare_output

LABEL_COLORS = {
    "ISSUER": "#7aecec", "SECURITY": "#bfeeb7", "QUANTITY": "#feca74", "PRICE": "#ff9561",
    "AMOUNT": "#ffeb80", "AGENT": "#aa9cfc", "OFFICER": "#c887fb", "TITLE": "#9cc9cc",
    "REPORT": "#e4e7d2", "PER": "#c887fb", "ORG": "#7aecec", "LOC": "#ff9561", "MISC": "#e4e7d2",
}

STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; }
section.exhibit { border-top: 2px solid #999; margin-top: 2.5rem; padding-top: 0.5rem; }
p.source { color: #555; font-size: 0.9em; }
p.sentence { color: #333; margin: 0.6em 0 0.2em 0; }
.label { font-size: 0.75em; font-weight: bold; padding: 0 0.3em; border-radius: 0.3em; }
.score { color: #555; font-size: 0.85em; }
"""

Relation = Tuple[Tuple[int, int], Tuple[int, int], str, float]


def _sentences(doc) -> List[Tuple[int, int]]:
    """Character ranges of the doc's sentences (the whole text when none are set)."""
    if doc.has_annotation("SENT_START"):
        return [(s.start_char, s.end_char) for s in doc.sents]
    return [(0, len(doc.text))]


def relations_by_sentence(doc, ranges: List[Tuple[int, int]]) -> Dict[int, List[Relation]]:
    """Relations of doc._.relations, grouped by the sentence (of `ranges`) their head stands in."""
    starts = [start for start, _ in ranges]
    grouped: Dict[int, List[Relation]] = {}
    for (head, child), labels in sorted((doc._.relations or {}).items()):
        for label, prob in sorted(labels.items()):
            index = max(0, bisect_right(starts, head[0]) - 1)
            grouped.setdefault(index, []).append((tuple(head), tuple(child), label, float(prob)))
    return grouped


def _mention(text: str, offsets: Tuple[int, int], labels: Dict[Tuple[int, int], str]) -> str:
    label = labels.get(offsets, "?")
    color = LABEL_COLORS.get(label, "#ddd")
    text = html.escape(" ".join(text[offsets[0]:offsets[1]].split()))
    return f'<b>{text}</b> <span class="label" style="background: {color}">{html.escape(label)}</span>'


def exhibit_section(record_id: str, source: str, doc) -> str:
    from spacy import displacy

    labels = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
    ranges = _sentences(doc)
    grouped = relations_by_sentence(doc, ranges)
    text = doc.text  # Doc.text joins every token: once per exhibit, not per mention
    n_relations = sum(len(v) for v in grouped.values())
    parts = [
        f'<section class="exhibit" id="{html.escape(record_id, quote=True)}">',
        f"<h2>{html.escape(record_id)}</h2>",
        f'<p class="source">{html.escape(source)} · {len(doc.ents)} entities · {n_relations} relations</p>',
        displacy.render(doc, style="ent", page=False, options={"colors": LABEL_COLORS}),
        "<h3>Relations by sentence</h3>",
    ]
    if not grouped:
        parts.append("<p>none</p>")
    else:
        parts.append('<ol class="relations">')
        for index in sorted(grouped):
            start, end = ranges[index]
            sentence = html.escape(" ".join(text[start:end].split()))
            parts.append(f'<li value="{index + 1}"><p class="sentence">{sentence}</p><ul>')
            for head, child, label, prob in grouped[index]:
                parts.append(f"<li>{_mention(text, head, labels)} → {html.escape(label)} → "
                             f'{_mention(text, child, labels)} <span class="score">({prob:.2f})</span></li>')
            parts.append("</ul></li>")
        parts.append("</ol>")
    parts.append("</section>")
    return "\n".join(parts)


def render_page(sections: Iterable[str], title: str) -> str:
    body = "\n".join(sections)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(title)}</h1>\n{body}\n</body>\n</html>\n"
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
