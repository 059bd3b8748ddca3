"""exhibit_segmenter: sets sentence starts from the exhibit segmentation rules.

Place it after the entity rules: it reads the segments exhibit_structure put in doc.spans (or
finds them in the text when that component did not run), never cuts inside an entity, and shows
in doc.sents exactly the segments the relation component pairs entities within.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..structure import doc_segment_ids
from .stateless import Stateless


class ExhibitSegmenter(Stateless):
    def __init__(self, name: str = "exhibit_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ids = doc_segment_ids(doc, protect=doc.ents)
        starts = numpy.array(
            [1 if i == 0 or ids[i] != ids[i - 1] else -1 for i in range(len(ids))], dtype="int64"
        ).astype("uint64")  # spaCy stores -1 (not a start) as its unsigned wrap
        # one array write: setting token.is_sent_start one by one re-checks the doc each time
        if len(doc):
            doc.from_array([SENT_START], starts.reshape(-1, 1))
        return doc


@Language.factory("exhibit_segmenter", requires=["doc.ents", "doc.spans"], assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> ExhibitSegmenter:
    return ExhibitSegmenter(name)
