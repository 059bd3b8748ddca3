"""`exhibit suggest`: pre-annotate new exhibits with a model, most uncertain first.

The uncertainty of an exhibit is the mean of up to three numbers in [0, 1], one per kind of
decision the pipeline makes (a part the pipeline has no component for is left out):

- relations: how close the relation decisions are to their threshold, on average. Every
  candidate pair's probability p for every schema-allowed label is compared with the
  component's threshold t as 1 - |p - t| / t when p < t, and 1 - (p - t) / (1 - t)
  otherwise: 1 at the threshold, 0 at a probability of 0 or 1. No candidate pair gives 0.
- issuer: the same closeness for the issuers step's best name (its logistic probability against
  its threshold), when the pipeline has a fitted issuer scorer.
- entities: spaCy's recognizer gives no probabilities, so its uncertainty is measured as
  disagreement: the share of entity spans that the components after it (mentions, issuers,
  normalizer) added, removed or changed, |recognizer's spans Δ final spans| / |union|.

The mean, not the largest part: on the corpus's dev and test exhibits the mean ranked the
shipped model's exhibits by their error (Spearman 0.38 with 1 - mean of entity and relation
F1); the largest part did not (-0.19), as long exhibits always hold some pair near the
threshold. Each record's meta holds `uncertainty` and its parts.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple

from spacy.pipeline import EntityRecognizer

from .io.docs import doc_to_record
from .io.records import ExhibitRecord

# While suggesting, the relation component keeps every candidate's probability above this
# (exactly 0 means the schema does not allow the label for that pair).
RELATION_FLOOR = 1e-6

SpanSet = Set[Tuple[int, int, str]]


def closeness(probability: float, threshold: float) -> float:
    """1 at the threshold, falling linearly to 0 at probability 0 or 1."""
    if not 0.0 < threshold < 1.0:
        return 0.0
    room = threshold if probability < threshold else 1.0 - threshold
    return max(0.0, 1.0 - abs(probability - threshold) / room)


@dataclass
class Uncertainty:
    """The parts; None where the pipeline has no component making that kind of decision."""

    relations: Optional[float] = None
    issuer: Optional[float] = None
    entities: Optional[float] = None

    def parts(self) -> Dict[str, float]:
        return {k: v for k, v in vars(self).items() if v is not None}

    @property
    def score(self) -> float:
        parts = list(self.parts().values())
        return sum(parts) / len(parts) if parts else 0.0

    def to_meta(self) -> Dict:
        return {"uncertainty": round(self.score, 4),
                "uncertainty_parts": {k: round(v, 4) for k, v in self.parts().items()}}


def relation_component(nlp):
    """The component that sets doc._.relations with a configurable threshold, or None."""
    for name, proc in nlp.pipeline:
        if "doc._.relations" in nlp.get_pipe_meta(name).assigns and "threshold" in getattr(proc, "cfg", {}):
            return proc
    return None


@contextmanager
def all_relation_scores(nlp) -> Iterator[Optional[float]]:
    """Let the relation component keep every candidate's probability; yields its threshold."""
    proc = relation_component(nlp)
    if proc is None:
        yield None
        return
    threshold = float(proc.cfg["threshold"])
    proc.cfg["threshold"] = RELATION_FLOOR
    try:
        yield threshold
    finally:
        proc.cfg["threshold"] = threshold


def _spans(doc) -> SpanSet:
    return {(e.start_char, e.end_char, e.label_) for e in doc.ents}


def annotate(nlp, texts: Sequence[str], batch_size: int = 8) -> Iterator[Tuple[object, Optional[SpanSet]]]:
    """(doc, the recognizer's own entity spans or None) per text: the pipeline is run one
    component at a time, so the spans can be taken right after the last recognizer."""
    last_ner = max((k for k, (_, proc) in enumerate(nlp.pipeline) if isinstance(proc, EntityRecognizer)), default=None)
    for begin in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(text) for text in texts[begin:begin + batch_size]]
        recognized: List[Optional[SpanSet]] = [None] * len(docs)
        for k, (_, proc) in enumerate(nlp.pipeline):
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
            if k == last_ner:
                recognized = [_spans(doc) for doc in docs]
        yield from zip(docs, recognized)


def relation_uncertainty(doc, threshold: Optional[float]) -> Optional[float]:
    if threshold is None:
        return None
    probabilities = [p for labels in (doc._.relations or {}).values() for p in labels.values()]
    return sum(closeness(p, threshold) for p in probabilities) / len(probabilities) if probabilities else 0.0


def issuer_uncertainty(nlp, doc) -> Optional[float]:
    from .pipeline.issuers import IssuerResolver
    from .pipeline.stages import components_and_steps

    for _, proc in components_and_steps(nlp):
        if isinstance(proc, IssuerResolver) and proc.cfg.get("weights"):
            best = proc.best_candidate(doc, doc.text)
            return 0.0 if best is None else closeness(best[0], float(proc.cfg["threshold"]))
    return None


def entity_disagreement(recognized: Optional[SpanSet], doc) -> Optional[float]:
    if recognized is None:
        return None
    final = _spans(doc)
    union = recognized | final
    return len(recognized ^ final) / len(union) if union else 0.0


def suggest_records(nlp, inputs: Iterable, batch_size: int = 8) -> List[ExhibitRecord]:
    """Predicted guide records of the inputs (objects with id, text, source, optional meta),
    ordered by uncertainty, highest first (ties keep the input order)."""
    inputs = list(inputs)
    scored = []
    with all_relation_scores(nlp) as threshold:
        for item, (doc, recognized) in zip(inputs, annotate(nlp, [i.text for i in inputs], batch_size)):
            uncertainty = Uncertainty(
                relations=relation_uncertainty(doc, threshold),
                issuer=issuer_uncertainty(nlp, doc),
                entities=entity_disagreement(recognized, doc),
            )
            record = doc_to_record(doc, item.id, threshold=threshold if threshold is not None else 0.5)
            record.meta = {**getattr(item, "meta", {}), "source": item.source, **uncertainty.to_meta()}
            scored.append((uncertainty.score, record))
    scored.sort(key=lambda pair: -pair[0])
    return [record for _, record in scored]
