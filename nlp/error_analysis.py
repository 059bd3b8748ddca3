"""What a system got wrong, document by document: entity and relation errors classified by kind,
with the text around them, and a gold-versus-predicted label confusion matrix.

Entity errors, after exact matches (same span, same label) are set aside:
  label     same span, another label
  boundary  same label, overlapping span
  missed    a gold entity with neither
  spurious  a predicted entity with neither
Relation errors are missed or spurious (head, child, label) triples.
Pure functions, no printing; duplicated spans count once, as in nlp.scoring.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .io.records import ExhibitRecord

ENTITY_KINDS = ("boundary", "label", "missed", "spurious")
RELATION_KINDS = ("missed", "spurious")
NONE = "none"
DEFAULT_CONTEXT = 40  # characters of text shown on each side of an error
_MAX_MIDDLE = 160     # longer stretches between a relation's two spans are elided

Span = Tuple[int, int, str]  # start, end, label
Pairs = Sequence[Tuple[ExhibitRecord, ExhibitRecord]]


def _overlap(a: Span, b: Span) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def context(text: str, start: int, end: int, window: int = DEFAULT_CONTEXT) -> Dict[str, str]:
    """The text of [start, end) and `window` characters either side, whitespace folded."""
    left = text[max(0, start - window):start]
    right = text[end:end + window]
    middle = text[start:end]
    if len(middle) > _MAX_MIDDLE:
        half = _MAX_MIDDLE // 2
        middle = middle[:half] + " … " + middle[-half:]
    return {
        "left": ("…" if start > window else "") + _fold(left).lstrip(),
        "text": _fold(middle),
        "right": _fold(right).rstrip() + ("…" if end + window < len(text) else ""),
    }


def _entity(record: ExhibitRecord, span: Optional[Span]) -> Optional[Dict]:
    if span is None:
        return None
    return {"start": span[0], "end": span[1], "label": span[2], "text": record.text[span[0]:span[1]]}


def _pick(candidates: Iterable[Span], anchor: Span) -> Optional[Span]:
    """The candidate overlapping `anchor` most (earliest on ties), or None."""
    best = None
    for cand in sorted(candidates):
        if _overlap(cand, anchor) > 0 and (best is None or _overlap(cand, anchor) > _overlap(best, anchor)):
            best = cand
    return best


def classify_entities(gold: ExhibitRecord, pred: ExhibitRecord) -> List[Tuple[str, Optional[Span], Optional[Span]]]:
    """(kind, gold span, predicted span) for every entity error of one document, in text order."""
    gold_left = {(e.start, e.end, e.label) for e in gold.entities}
    pred_left = {(e.start, e.end, e.label) for e in pred.entities}
    exact = gold_left & pred_left
    gold_left -= exact
    pred_left -= exact
    errors = []
    for g in sorted(gold_left):
        same_span = [p for p in pred_left if p[:2] == g[:2]]
        if same_span:
            p = min(same_span)
            errors.append(("label", g, p))
            gold_left.discard(g)
            pred_left.discard(p)
    for g in sorted(gold_left):
        p = _pick((p for p in pred_left if p[2] == g[2]), g)
        if p is not None:
            errors.append(("boundary", g, p))
            gold_left.discard(g)
            pred_left.discard(p)
    errors += [("missed", g, None) for g in sorted(gold_left)]
    errors += [("spurious", None, p) for p in sorted(pred_left)]
    errors.sort(key=lambda e: min(s[0] for s in e[1:] if s is not None))
    return errors


def entity_errors(pairs: Pairs, window: int = DEFAULT_CONTEXT) -> List[Dict]:
    """Every entity error: {"id", "kind", "label", "gold", "predicted", "context"}.

    `label` is the gold label, or the predicted one for a spurious entity."""
    out = []
    for gold, pred in pairs:
        for kind, g, p in classify_entities(gold, pred):
            spans = [s for s in (g, p) if s is not None]
            start, end = min(s[0] for s in spans), max(s[1] for s in spans)
            out.append({
                "id": gold.id,
                "kind": kind,
                "label": (g or p)[2],
                "gold": _entity(gold, g),
                "predicted": _entity(gold, p),
                "context": context(gold.text, start, end, window),
            })
    return out


def relation_errors(pairs: Pairs, window: int = DEFAULT_CONTEXT) -> List[Dict]:
    """Every missed or spurious relation: {"id", "kind", "label", "head", "child", "context"}."""
    out = []
    for gold, pred in pairs:
        gold_set = {(r.head, r.child, r.label) for r in gold.relations}
        pred_set = {(r.head, r.child, r.label) for r in pred.relations}
        found = [("missed", t) for t in gold_set - pred_set] + [("spurious", t) for t in pred_set - gold_set]
        # a total order: sets of (span, span, label) iterate in a different order every run
        for kind, (head, child, label) in sorted(found, key=lambda item: (min(item[1][0], item[1][1]), item[0], item[1])):
            start, end = min(head[0], child[0]), max(head[1], child[1])
            out.append({
                "id": gold.id,
                "kind": kind,
                "label": label,
                "head": {"start": head[0], "end": head[1], "text": gold.text[head[0]:head[1]]},
                "child": {"start": child[0], "end": child[1], "text": gold.text[child[0]:child[1]]},
                "context": context(gold.text, start, end, window),
            })
    return out


def count_by_label_and_kind(errors: Sequence[Dict], kinds: Sequence[str]) -> Dict[str, Dict[str, int]]:
    """{label: {kind: n}} over every label with an error, every kind listed (zeros included)."""
    counts = Counter((e["label"], e["kind"]) for e in errors)
    labels = sorted({label for label, _ in counts})
    return {label: {kind: counts[(label, kind)] for kind in kinds} for label in labels}


def limit_per_group(errors: Sequence[Dict], limit: Optional[int]) -> List[Dict]:
    """At most `limit` errors of each (label, kind) group, in their order; None keeps all."""
    if limit is None:
        return list(errors)
    seen: Counter = Counter()
    kept = []
    for error in errors:
        key = (error["label"], error["kind"])
        if seen[key] < limit:
            kept.append(error)
        seen[key] += 1
    return kept


def confusion_matrix(pairs: Pairs) -> Dict:
    """Gold label (rows) against predicted label (columns) over matched entities.

    Entities are matched one to one: same span first, then the most-overlapping remaining
    span of any label; the unmatched go to the "none" column (missed) or row (spurious).
    Returns {"labels": [... , "none"], "matrix": {gold: {predicted: n}}}.
    """
    counts: Counter = Counter()
    labels: Set[str] = set()
    for gold, pred in pairs:
        gold_left = {(e.start, e.end, e.label) for e in gold.entities}
        pred_left = {(e.start, e.end, e.label) for e in pred.entities}
        labels |= {s[2] for s in gold_left | pred_left}
        for g in sorted(gold_left):
            same = sorted(p for p in pred_left if p[:2] == g[:2])
            same.sort(key=lambda p: p[2] != g[2])  # the gold label's own prediction first
            if same:
                counts[(g[2], same[0][2])] += 1
                gold_left.discard(g)
                pred_left.discard(same[0])
        for g in sorted(gold_left):
            p = _pick(pred_left, g)
            counts[(g[2], p[2] if p else NONE)] += 1
            if p is not None:
                pred_left.discard(p)
        for p in pred_left:
            counts[(NONE, p[2])] += 1
    names = sorted(labels) + [NONE]
    return {"labels": names, "matrix": {g: {p: counts[(g, p)] for p in names} for g in names}}


def error_report(pairs: Pairs, limit: Optional[int] = None, window: int = DEFAULT_CONTEXT) -> Dict:
    """Counts by label and kind (always complete) and the listing (at most `limit` per group)."""
    ents, rels = entity_errors(pairs, window), relation_errors(pairs, window)
    with_errors = {e["id"] for e in ents + rels}
    return {
        "entities": {"counts": count_by_label_and_kind(ents, ENTITY_KINDS), "items": limit_per_group(ents, limit)},
        "relations": {"counts": count_by_label_and_kind(rels, RELATION_KINDS), "items": limit_per_group(rels, limit)},
        "documents_with_errors": [gold.id for gold, _ in pairs if gold.id in with_errors],
    }
