"""Sentence starts from the exhibit's segments: `set_segment_sentences`, and the exhibit_segmenter component.

The exhibit_normalizer calls `set_segment_sentences` once the entities are final, so the default
pipeline needs no component of its own for it; `exhibit_segmenter` remains for pipelines saved
with one (models before v3.2) and for configs that want segments without the normalizer. It
reads the segments exhibit_structure put in doc.spans (or finds them in the text when that
component did not run), never cuts inside an entity, and shows in doc.sents exactly the
segments the relation component pairs entities within.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..structure import doc_segment_ids
from .stateless import Stateless


def set_segment_sentences(doc: Doc) -> Doc:
    ids = doc_segment_ids(doc, protect=doc.ents)
    starts = numpy.array(
        [1 if i == 0 or ids[i] != ids[i - 1] else -1 for i in range(len(ids))], dtype="int64"
    ).astype("uint64")  # spaCy stores -1 (not a start) as its unsigned wrap
    # one array write: setting token.is_sent_start one by one re-checks the doc each time
    if len(doc):
        doc.from_array([SENT_START], starts.reshape(-1, 1))
    return doc


class ExhibitSegmenter(Stateless):
    def __init__(self, name: str = "exhibit_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        return set_segment_sentences(doc)


@Language.factory("exhibit_segmenter", requires=["doc.ents", "doc.spans"], assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> ExhibitSegmenter:
    return ExhibitSegmenter(name)
