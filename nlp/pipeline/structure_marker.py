"""exhibit_structure: marks the exhibit's structure once, in doc.spans, for later components.

Place it first: it reads only the text and the tokens. It writes
- doc.spans["exhibit_segments"]: one span per segment of nlp.structure ("sentence" or "block"),
  the token runs that share a segment number, so doc_segment_ids reads them instead of
  scanning the text again;
- doc.spans["exhibit_structure"]: the labelled regions of nlp.structure.structure_regions
  (HEADLINE, DATELINE, QUOTE, CONTACT_BLOCK, SIGNATURE_BLOCK, CERTIFYING_STATEMENT, ABOUT,
  FORWARD_LOOKING), expanded to whole tokens.
"""
from __future__ import annotations

from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..structure import (
    SEGMENTS_KEY, STRUCTURE_KEY, labelled_segments, structure_regions, token_segment_ids,
)
from .stateless import Stateless


def segment_spans(doc: Doc) -> list:
    """The segments as spans: each run of tokens with one segment number (by token start, as
    doc_segment_ids numbers them from the text), labelled with the segment's kind."""
    segments = labelled_segments(doc.text)
    ids = token_segment_ids(doc.to_array(IDX).tolist(), [(a, b) for a, b, _ in segments])
    spans, start = [], 0
    for i in range(1, len(ids) + 1):
        if i == len(ids) or ids[i] != ids[start]:
            spans.append(Span(doc, start, i, label=segments[ids[start]][2] if segments else "block"))
            start = i
    return spans


def region_spans(doc: Doc) -> list:
    """The labelled regions as spans over whole tokens (a region no token overlaps is left out)."""
    spans = (
        doc.char_span(start, end, label=label, alignment_mode="expand")
        for start, end, label in structure_regions(doc.text)
    )
    return [span for span in spans if span is not None]


class ExhibitStructure(Stateless):
    def __init__(self, name: str = "exhibit_structure"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SEGMENTS_KEY] = segment_spans(doc)
        doc.spans[STRUCTURE_KEY] = region_spans(doc)
        return doc


@Language.factory("exhibit_structure", assigns=["doc.spans"])
def make_structure_marker(nlp: Language, name: str) -> ExhibitStructure:
    return ExhibitStructure(name)
