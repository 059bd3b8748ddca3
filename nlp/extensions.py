"""The custom attributes exhibit-nlp adds to spaCy objects.

Doc._.relations: {((head_start, head_end), (child_start, child_end)): {label: probability}}
  keyed by character offsets, so it survives re-tokenization and never depends on token ids.
Span._.value: the normalized value of an entity (see nlp.values), set by exhibit_normalizer.
"""
from spacy.tokens import Doc, Span


def register_extensions() -> None:
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)


register_extensions()
