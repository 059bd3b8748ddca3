"""Structure features of a candidate pair: where each entity stands in the exhibit's layout.

The relation model learns from these what the relation rules state by hand: an officer and a
report in the same certifying statement, the nth printed name and the nth title of a signature
block, the first issuer a sentence names, the security stated just before a price. The regions
come from doc.spans (exhibit_structure) when the doc has them, else from the same function on the
text, so training docs (which no earlier component has run on) and predicted docs agree.
"""
from __future__ import annotations

from typing import Dict, List, Sequence, Tuple

import numpy

from ..structure import REGION_LABELS, STRUCTURE_KEY, structure_regions

# region multi-hot of head and of child; same region; same rank in the segment; first of its
# label in the segment (head, child); nearest of its label before the other (head, child)
N_STRUCTURE_FEATURES = 2 * len(REGION_LABELS) + 1 + 1 + 2 + 2
_REGION_INDEX = {label: k for k, label in enumerate(REGION_LABELS)}


def doc_regions(doc) -> List[Tuple[int, int, str]]:
    """(start_char, end_char, label) of the doc's structure regions."""
    if STRUCTURE_KEY in doc.spans:
        return [(s.start_char, s.end_char, s.label_) for s in doc.spans[STRUCTURE_KEY]]
    return list(structure_regions(doc.text))


def _region_sets(regions: Sequence[Tuple[int, int, str]], positions: Sequence[int]) -> List[frozenset]:
    """Per character position, the set of region indices (into `regions`) that hold it."""
    return [frozenset(k for k, (a, b, _) in enumerate(regions) if a <= p < b) for p in positions]


def _ranks_in_segment(spans, segments: Sequence[int]) -> Tuple[List[int], List[bool]]:
    """Each span's rank among the spans of its label in its segment, and whether it is first."""
    seen: Dict[Tuple[int, str], int] = {}
    ranks = []
    for span, segment in zip(spans, segments):
        key = (segment, span.label_)
        ranks.append(seen.get(key, 0))
        seen[key] = ranks[-1] + 1
    return ranks, [rank == 0 for rank in ranks]


class _NearestBefore:
    """Whether span j is the last span of its label that ends before span i starts (cached per
    (i, label): a doc has many pairs and few labels)."""

    def __init__(self, spans):
        self.spans = spans
        self.cache: Dict[Tuple[int, str], int] = {}

    def __call__(self, i: int, j: int) -> bool:
        key = (i, self.spans[j].label_)
        if key not in self.cache:
            start = self.spans[i].start
            before = [k for k, s in enumerate(self.spans) if s.label_ == key[1] and s.end <= start]
            self.cache[key] = before[-1] if before else -1
        return self.cache[key] == j


def structure_pair_features(doc, cands) -> numpy.ndarray:
    """(n_pairs, N_STRUCTURE_FEATURES) float32 features of one doc's candidate pairs."""
    out = numpy.zeros((len(cands.pairs), N_STRUCTURE_FEATURES), dtype="float32")
    if not cands.pairs:
        return out
    spans = cands.spans
    regions = doc_regions(doc)
    inside = _region_sets(regions, [s.start_char for s in spans])
    ranks, first = _ranks_in_segment(spans, cands.segments)
    nearest_before = _NearestBefore(spans)
    n_regions = len(REGION_LABELS)
    for row, (i, j) in enumerate(cands.pairs):
        for column_offset, k in ((0, i), (n_regions, j)):
            for region in inside[k]:
                index = _REGION_INDEX.get(regions[region][2])
                if index is not None:
                    out[row, column_offset + index] = 1
        col = 2 * n_regions
        out[row, col] = float(bool(inside[i] & inside[j]))
        out[row, col + 1] = float(ranks[i] == ranks[j] and cands.segments[i] == cands.segments[j])
        out[row, col + 2] = float(first[i])
        out[row, col + 3] = float(first[j])
        out[row, col + 4] = float(nearest_before(j, i))
        out[row, col + 5] = float(nearest_before(i, j))
    return out
