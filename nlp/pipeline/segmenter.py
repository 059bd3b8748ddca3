"""exhibit_segmenter: sets sentence starts from the exhibit segmentation rules.

Place it after the entity recognizer: it never cuts inside an entity, and it shows in
doc.sents exactly the segments the relation component pairs entities within.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .segmentation import doc_segment_ids


class ExhibitSegmenter:
    def __init__(self, name: str = "exhibit_segmenter"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ids = doc_segment_ids(doc, protect=doc.ents)
        for i, token in enumerate(doc):
            token.is_sent_start = i == 0 or ids[i] != ids[i - 1]
        return doc

    def to_disk(self, path, *, exclude=tuple()):
        pass

    def from_disk(self, path, *, exclude=tuple()):
        return self

    def to_bytes(self, *, exclude=tuple()):
        return b""

    def from_bytes(self, data, *, exclude=tuple()):
        return self


@Language.factory("exhibit_segmenter", requires=["doc.ents"], assigns=["token.is_sent_start"])
def make_segmenter(nlp: Language, name: str) -> ExhibitSegmenter:
    return ExhibitSegmenter(name)
