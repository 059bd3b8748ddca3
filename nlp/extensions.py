"""The custom attributes exhibit-nlp adds to spaCy objects.

Doc._.relations: {((head_start, head_end), (child_start, child_end)): {label: probability}}
  keyed by character offsets, so it survives re-tokenization and never depends on token ids.
Span._.value: the normalized value of an entity (see nlp.values), set by exhibit_normalizer.

Read-only views, computed from doc.ents and Doc._.relations on each access (see docs/python-api.md):
Doc._.relation_spans: [(head Span, label, child Span, score)], in text order.
Doc._.relation_offsets: [((head_start, head_end), label, (child_start, child_end), score)], same order.
Doc._.facts: {"record": {...}, "warnings": [...]}, the structured facts (nlp.facts) of the doc.
"""
from typing import Dict, List, Tuple

from spacy.tokens import Doc, Span

Offsets = Tuple[int, int]


def relation_offsets(doc: Doc) -> List[Tuple[Offsets, str, Offsets, float]]:
    items = [(head, label, child, score) for (head, child), labels in (doc._.relations or {}).items()
             for label, score in labels.items()]
    return sorted(items, key=lambda r: (r[0], r[2], r[1]))


def relation_spans(doc: Doc) -> List[Tuple[Span, str, Span, float]]:
    """The relations with their ends as the doc's entity Spans (label and _.value included);
    an end that is not an entity is the Span of its characters, a relation whose end is
    not on token boundaries is left out."""
    ents: Dict[Offsets, Span] = {(e.start_char, e.end_char): e for e in doc.ents}

    def span(offsets: Offsets):
        return ents.get(tuple(offsets)) or doc.char_span(*offsets)

    out = []
    for head, label, child, score in relation_offsets(doc):
        head_span, child_span = span(head), span(child)
        if head_span is not None and child_span is not None:
            out.append((head_span, label, child_span, score))
    return out


def doc_facts(doc: Doc) -> Dict:
    from .inference import doc_to_output  # imports this module

    output = doc_to_output(doc, doc.user_data.get("exhibit_id") or "")
    return {"record": output["record"], "warnings": output["warnings"]}


def register_extensions() -> None:
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
    for name, getter in (("relation_offsets", relation_offsets), ("relation_spans", relation_spans),
                         ("facts", doc_facts)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, getter=getter)


register_extensions()
