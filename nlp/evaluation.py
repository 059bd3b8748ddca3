"""Evaluate a pipeline, or any system's prediction file, against gold guide records."""
from __future__ import annotations

from typing import Dict, List, Sequence

from spacy.pipeline import EntityRecognizer, EntityRuler, SpanCategorizer

from .io.docs import doc_to_record
from .io.records import ExhibitRecord
from .scoring import ENTITY_MODES, pair_documents, score_pairs, score_records

_ENTITY_MAKERS = (EntityRecognizer, EntityRuler, SpanCategorizer)


def predict_records(nlp, records: Sequence[ExhibitRecord], batch_size: int = 8) -> List[ExhibitRecord]:
    """End to end: entities from raw text, relations on those predicted entities."""
    docs = nlp.pipe((r.text for r in records), batch_size=batch_size)
    return [doc_to_record(doc, r.id) for doc, r in zip(docs, records)]


def predict_relations_on_gold(nlp, records: Sequence[ExhibitRecord]) -> List[ExhibitRecord]:
    """Relations predicted with the gold entities in place of the recognizer's."""
    out = []
    for record in records:
        doc = nlp.make_doc(record.text)
        spans = [doc.char_span(e.start, e.end, e.label, alignment_mode="expand") for e in record.entities]
        doc.ents = [s for s in spans if s is not None]
        for _, proc in nlp.pipeline:
            if not isinstance(proc, _ENTITY_MAKERS):
                doc = proc(doc)
        out.append(doc_to_record(doc, record.id))
    return out


def evaluate_model(nlp, gold: Sequence[ExhibitRecord], batch_size: int = 8) -> Dict:
    """Entity scores in every match mode, end-to-end relations, and relations given gold entities."""
    predicted = predict_records(nlp, gold, batch_size)
    result = {"documents": len(gold)}
    pairs, _, _ = pair_documents(gold, predicted)
    for mode in ENTITY_MODES:
        result[f"entities_{mode}"] = score_pairs(pairs, mode)["entities"]
    result["relations_end_to_end"] = score_pairs(pairs)["relations"]
    if any(name for name, proc in nlp.pipeline if hasattr(proc, "allowed_pairs")):
        on_gold = predict_relations_on_gold(nlp, gold)
        result["relations_given_gold_entities"] = score_records(gold, on_gold)["relations"]
    return result


def evaluate_predictions(gold: Sequence[ExhibitRecord], predicted: Sequence[ExhibitRecord]) -> Dict:
    pairs, missing, extra = pair_documents(gold, predicted)
    result = {"documents": len(gold), "missing_ids": missing, "extra_ids": extra}
    for mode in ENTITY_MODES:
        result[f"entities_{mode}"] = score_pairs(pairs, mode)["entities"]
    result["relations_end_to_end"] = score_pairs(pairs)["relations"]
    return result
