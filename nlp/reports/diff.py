"""Where a document's predicted entities and relations differ from the gold ones, for display.

Gold spans do not overlap each other, nor do predicted ones, so the spans of both sides fall
into disjoint clusters of overlapping spans. Each cluster is one `Difference`: "ok" (the same
span and label), "label" (the same span, another label), "missed" (gold only), "spurious"
(predicted only) or "boundary" (overlapping spans that differ).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from ..io.records import ExhibitRecord

CONTEXT = 160   # characters shown either side of a difference
Span = Tuple[int, int, str]


@dataclass(frozen=True)
class Difference:
    start: int
    end: int
    kind: str                      # ok, label, missed, spurious, boundary
    label: str                     # the gold label (the predicted one for a spurious span)
    predicted_label: Optional[str] = None
    gold_spans: Tuple[Span, ...] = ()
    predicted_spans: Tuple[Span, ...] = ()


@dataclass(frozen=True)
class RelationDifference:
    kind: str   # missed or spurious
    label: str
    head: str
    child: str


def _cluster_kind(gold: List[Span], pred: List[Span]) -> Difference:
    start = min(s[0] for s in gold + pred)
    end = max(s[1] for s in gold + pred)
    spans = {"gold_spans": tuple(gold), "predicted_spans": tuple(pred)}
    if not pred:
        return Difference(start, end, "missed", gold[0][2], **spans)
    if not gold:
        return Difference(start, end, "spurious", pred[0][2], **spans)
    if len(gold) == len(pred) == 1 and gold[0][:2] == pred[0][:2]:
        kind = "ok" if gold[0][2] == pred[0][2] else "label"
        return Difference(start, end, kind, gold[0][2], pred[0][2], **spans)
    return Difference(start, end, "boundary", gold[0][2], pred[0][2], **spans)


def entity_differences(gold: ExhibitRecord, predicted: ExhibitRecord) -> List[Difference]:
    """Every cluster of overlapping gold and predicted spans, in text order."""
    spans = sorted({(e.start, e.end, e.label, "gold") for e in gold.entities}
                   | {(e.start, e.end, e.label, "pred") for e in predicted.entities})
    diffs: List[Difference] = []
    cluster: List[tuple] = []
    cluster_end = -1
    for span in spans:
        if cluster and span[0] >= cluster_end:
            diffs.append(_cluster_kind([s[:3] for s in cluster if s[3] == "gold"],
                                       [s[:3] for s in cluster if s[3] == "pred"]))
            cluster = []
        cluster.append(span)
        cluster_end = max(cluster_end, span[1]) if len(cluster) > 1 else span[1]
    if cluster:
        diffs.append(_cluster_kind([s[:3] for s in cluster if s[3] == "gold"],
                                   [s[:3] for s in cluster if s[3] == "pred"]))
    return diffs


def relation_differences(gold: ExhibitRecord, predicted: ExhibitRecord) -> List[RelationDifference]:
    """Relations on one side only (same head and child offsets and label count as the same)."""
    def triples(record):
        return {(r.head, r.child, r.label) for r in record.relations}

    def text(offsets):
        return " ".join(gold.text[offsets[0]:offsets[1]].split())

    gold_set, pred_set = triples(gold), triples(predicted)
    out = [RelationDifference("missed", lab, text(h), text(c)) for h, c, lab in sorted(gold_set - pred_set)]
    out += [RelationDifference("spurious", lab, text(h), text(c)) for h, c, lab in sorted(pred_set - gold_set)]
    return out


def _snap(text: str, position: int, step: int) -> int:
    """Move a window edge outwards to the nearest whitespace (at most 30 characters)."""
    limit = 30
    while 0 < position < len(text) and not text[position].isspace() and limit:
        position += step
        limit -= 1
    return max(0, min(len(text), position))


def excerpts(text: str, differences: Sequence[Difference], context: int = CONTEXT) -> List[Tuple[int, int]]:
    """(start, end) windows of the text around the differences, overlapping windows merged."""
    windows: List[Tuple[int, int]] = []
    for diff in sorted(differences, key=lambda d: d.start):
        start = _snap(text, diff.start - context, -1)
        end = _snap(text, diff.end + context, 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows
