"""Relation candidates: entity pairs of allowed types inside one segment, with pair features.

The pair features are the cheap, strong signals a small corpus cannot learn from token vectors
alone: order and distance, what lies between the two spans, and whether each is the other's
nearest entity of its type.
"""
from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Dict, List, Sequence, Tuple

import numpy

from ..issuer_names import is_definition  # a defined short name holds no relations; kept importable here
from ..structure import doc_segment_ids
from .structure_features import N_STRUCTURE_FEATURES, structure_pair_features

DISTANCE_BUCKETS = (1, 3, 7, 15, 31, 63)
BETWEEN_BUCKETS = (0, 1, 2)
NEWLINE_BUCKETS = (0, 1)
_OPENERS = {"(", "“", '"', "‘", "'"}


@dataclass
class DocCandidates:
    """Candidate pairs of one doc: entity spans and, per pair, their indices into `spans`."""

    spans: List = field(default_factory=list)
    pairs: List[Tuple[int, int]] = field(default_factory=list)
    segments: List[int] = field(default_factory=list)   # segment number of each span


@dataclass
class RelationBatch:
    """What the relation model consumes: docs, token ranges of each pair, pair features."""

    docs: List
    heads: List[numpy.ndarray]      # per doc: (n_pairs, 2) token [start, end)
    children: List[numpy.ndarray]
    features: numpy.ndarray         # (total pairs, n_features)

    @property
    def size(self) -> int:
        return int(sum(len(h) for h in self.heads))


def _bucket(value: int, bounds: Sequence[int]) -> int:
    for k, bound in enumerate(bounds):
        if value <= bound:
            return k
    return len(bounds)


def n_pair_features(entity_labels: Sequence[str], structure: bool = False) -> int:
    return (
        2 * len(entity_labels) + 1
        + len(DISTANCE_BUCKETS) + 1
        + len(BETWEEN_BUCKETS) + 1
        + 4
        + len(NEWLINE_BUCKETS) + 1
        + 6
        + (N_STRUCTURE_FEATURES if structure else 0)
    )


# "(each, a “Unit”)", "(the “Units”)", "or the “Notes”": a defined term of a security
_DEFINED_TERM_OPENING = re.compile(r"(?:\(\s*(?:each,?\s+)?(?:(?:the|a|an)\s+)?|\bor\s+(?:the\s+)?)[“\"]$")


def is_defined_term(text: str, start: int) -> bool:
    """Whether a security at `start` is a defined term, which by the guide holds no relations."""
    return bool(_DEFINED_TERM_OPENING.search(text[max(0, start - 20):start]))


def find_candidates(
    doc,
    spans: Sequence,
    allowed_pairs: Dict[Tuple[str, str], Sequence[str]],
    max_distance: int,
    doc_level_pairs: Sequence[Tuple[str, str]] = (),
) -> DocCandidates:
    """Ordered pairs (head, child) of spans whose labels a relation may join, in one segment.

    Type pairs in `doc_level_pairs` pair across the whole document: a certification whose body
    names no officer takes CERTIFIES from the signature blocks, far from the report's name.
    """
    spans = sorted(spans, key=lambda s: (s.start, s.end))
    segment = doc_segment_ids(doc, protect=spans)
    text = doc.text
    defined = {i for i, span in enumerate(spans) if span.label_ == "ISSUER" and is_definition(text, span.start_char)}
    doc_level = {tuple(p) for p in doc_level_pairs}
    pairs = []
    for i, a in enumerate(spans):
        for j, b in enumerate(spans):
            if i == j or (a.label_, b.label_) not in allowed_pairs or i in defined or j in defined:
                continue
            if (a.label_, b.label_) in doc_level:
                pairs.append((i, j))
                continue
            if segment[a.start] != segment[b.start]:
                continue
            gap = b.start - a.end if a.start < b.start else a.start - b.end
            if gap <= max_distance:
                pairs.append((i, j))
    return DocCandidates(list(spans), pairs, [segment[s.start] for s in spans])


def pair_features(doc, cands: DocCandidates, entity_labels: Sequence[str],
                  structure: bool = False) -> numpy.ndarray:
    """(n_pairs, n_pair_features) float32 features of the candidate pairs of one doc; with
    `structure`, the structure features (structure_features.py) follow the base ones."""
    index = {label: k for k, label in enumerate(entity_labels)}
    n_labels = len(entity_labels)
    width = n_pair_features(entity_labels, structure)
    out = numpy.zeros((len(cands.pairs), width), dtype="float32")
    spans = cands.spans
    starts = [s.start for s in spans]
    nearest = _nearest_distances(spans, starts)
    seen_labels: set = set()
    first_of_label = []
    for span in spans:
        first_of_label.append(span.label_ not in seen_labels)
        seen_labels.add(span.label_)
    text = doc.text  # Doc.text joins every token: once per doc, not once per pair
    for row, (i, j) in enumerate(cands.pairs):
        head, child = spans[i], spans[j]
        col = 0
        if head.label_ in index:
            out[row, col + index[head.label_]] = 1
        col += n_labels
        if child.label_ in index:
            out[row, col + index[child.label_]] = 1
        col += n_labels
        out[row, col] = float(head.start < child.start)
        col += 1
        first, second = (head, child) if head.start < child.start else (child, head)
        gap = max(0, second.start - first.end)
        out[row, col + _bucket(gap, DISTANCE_BUCKETS)] = 1
        col += len(DISTANCE_BUCKETS) + 1
        lo, hi = min(i, j), max(i, j)
        between = spans[lo + 1:hi]
        out[row, col + _bucket(len(between), BETWEEN_BUCKETS)] = 1
        col += len(BETWEEN_BUCKETS) + 1
        out[row, col] = float(any(s.label_ == child.label_ for s in between))
        out[row, col + 1] = float(any(s.label_ == head.label_ for s in between))
        out[row, col + 2] = float(abs(starts[j] - starts[i]) <= nearest[i][child.label_])
        out[row, col + 3] = float(abs(starts[i] - starts[j]) <= nearest[j][head.label_])
        col += 4
        newlines = text.count("\n", first.end_char, second.start_char)
        out[row, col + _bucket(newlines, NEWLINE_BUCKETS)] = 1
        col += len(NEWLINE_BUCKETS) + 1
        out[row, col] = float(head.start > 0 and doc[head.start - 1].text in _OPENERS)
        out[row, col + 1] = float(child.start > 0 and doc[child.start - 1].text in _OPENERS)
        out[row, col + 2] = float(_after_signature_mark(doc, head))
        out[row, col + 3] = float(cands.segments[i] == cands.segments[j])
        out[row, col + 4] = float(first_of_label[i])
        out[row, col + 5] = float(first_of_label[j])
    if structure:
        out[:, width - N_STRUCTURE_FEATURES:] = structure_pair_features(doc, cands)
    return out


def _nearest_distances(spans, starts) -> List[Dict[str, float]]:
    """Per span, the token distance to the nearest other span of each label: a pair (i, j) has
    j as i's nearest of its label when their distance is at most that minimum."""
    positions = numpy.asarray(starts, dtype="float64")
    by_label: Dict[str, List[int]] = {}
    for k, span in enumerate(spans):
        by_label.setdefault(span.label_, []).append(k)
    out: List[Dict[str, float]] = [{} for _ in spans]
    for label, members in by_label.items():
        dist = numpy.abs(positions[:, None] - positions[members][None, :])
        dist[members, numpy.arange(len(members))] = numpy.inf  # a span is not its own neighbour
        for k, value in enumerate(dist.min(axis=1)):
            out[k][label] = float(value)
    return out


def _after_signature_mark(doc, span) -> bool:
    """A name signed as "/s/ NAME" (signature mentions usually carry no relations)."""
    start = max(0, span.start - 3)
    return any(t.text.lower() in ("/s/", "s/", "/s") for t in doc[start:span.start])


def build_batch(docs, doc_candidates: Sequence[DocCandidates], entity_labels,
                structure: bool = False) -> RelationBatch:
    heads, children, features = [], [], []
    for doc, cands in zip(docs, doc_candidates):
        h = numpy.array([[cands.spans[i].start, cands.spans[i].end] for i, _ in cands.pairs], dtype="int32").reshape(-1, 2)
        c = numpy.array([[cands.spans[j].start, cands.spans[j].end] for _, j in cands.pairs], dtype="int32").reshape(-1, 2)
        heads.append(h)
        children.append(c)
        features.append(pair_features(doc, cands, entity_labels, structure))
    width = n_pair_features(entity_labels, structure)
    feats = numpy.vstack(features) if features else numpy.zeros((0, width), dtype="float32")
    return RelationBatch(list(docs), heads, children, feats.reshape(-1, width))
