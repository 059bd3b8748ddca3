"""Evaluate a pipeline, or any system's prediction file, against gold guide records.

A system's output is scored in blocks: entities in each match mode, relations end to end and,
for a model, relations predicted on the gold entities. Each block has per-label and micro/macro
P/R/F1 and a bootstrap interval for every micro figure; `analyze_system` adds the error listing
and the label confusion matrix, `compare_systems` a paired bootstrap of two systems.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.pipeline import EntityRecognizer, EntityRuler, SpanCategorizer

from .bootstrap import BootstrapSettings, micro_intervals, paired_difference, resample_weights
from .error_analysis import DEFAULT_CONTEXT, confusion_matrix, error_report
from .errors import InputError
from .io.docs import doc_to_record
from .io.records import ExhibitRecord, check_unique_ids, read_records
from .scoring import ENTITY_MODES, block_scores, pair_documents

_ENTITY_MAKERS = (EntityRecognizer, EntityRuler, SpanCategorizer)
DEFAULT_BOOTSTRAP = BootstrapSettings()
Counts = List[Tuple[int, int, int]]


@dataclass
class SystemOutput:
    """What one system produced for the gold documents: its end-to-end records and, for a model,
    the relations it predicts when given the gold entities."""

    name: str
    predicted: List[ExhibitRecord]
    on_gold_entities: Optional[List[ExhibitRecord]] = None


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


def run_model(nlp, gold: Sequence[ExhibitRecord], batch_size: int = 8, name: str = "model") -> SystemOutput:
    predicted = predict_records(nlp, gold, batch_size)
    on_gold = None
    if any(hasattr(proc, "allowed_pairs") for _, proc in nlp.pipeline):
        on_gold = predict_relations_on_gold(nlp, gold)
    return SystemOutput(name, predicted, on_gold)


def check_scorable(records: Sequence[ExhibitRecord], source: Path, gold: bool) -> None:
    """Raise InputError naming the record when scoring these records would mislead or crash:
    none at all, an id twice (documents are paired by id), a span outside its text, or (gold)
    overlapping entities, which no Doc can hold when relations are predicted on gold entities."""
    from .schema import Schema
    from .validation import check_offsets, check_overlaps

    if not records:
        raise InputError("E161", f"{source}: holds no records to score")
    check_unique_ids(records, source)
    rules = (check_offsets, check_overlaps) if gold else (check_offsets,)
    schema = Schema.guide()
    for record in records:
        for rule in rules:
            for message in rule(record, schema):
                raise InputError("E165", f"{source}: record {record.id}: {message}")


def load_system(source: Path, gold: Sequence[ExhibitRecord], batch_size: int = 8) -> SystemOutput:
    """A model directory (run on the gold texts) or a prediction JSONL file."""
    from .models import load_model

    source = Path(source)
    if source.is_dir():
        return run_model(load_model(source), gold, batch_size, name=str(source))
    if source.is_file():
        predicted = read_records(source)
        check_scorable(predicted, source, gold=False)
        return SystemOutput(str(source), predicted)
    raise InputError("E106", f"{source}: no such model directory or prediction file")


@dataclass
class _Scored:
    """One system's scores on the gold data, each document counted once."""

    pairs: List[Tuple[ExhibitRecord, ExhibitRecord]]
    missing: List[str]
    extra: List[str]
    blocks: Dict[str, Tuple[Dict, Counts]]  # block name -> (its scores, each document's micro counts)


def _score_blocks(gold: Sequence[ExhibitRecord], output: SystemOutput) -> _Scored:
    pairs, missing, extra = pair_documents(gold, output.predicted)
    blocks = {f"entities_{mode}": block_scores(pairs, mode) for mode in ENTITY_MODES}
    blocks["relations_end_to_end"] = block_scores(pairs, None)
    if output.on_gold_entities is not None:
        on_gold, _, _ = pair_documents(gold, output.on_gold_entities)
        blocks["relations_given_gold_entities"] = block_scores(on_gold, None)
    return _Scored(pairs, missing, extra, blocks)


def _report(gold: Sequence[ExhibitRecord], scored: _Scored, bootstrap: Optional[BootstrapSettings], weights) -> Dict:
    result: Dict = {"documents": len(gold), "missing_ids": scored.missing, "extra_ids": scored.extra}
    if bootstrap:
        result["bootstrap"] = bootstrap.to_dict()
    for key, (summary, counts) in scored.blocks.items():
        if bootstrap:
            summary["micro_ci"] = micro_intervals(counts, weights, bootstrap)
        result[key] = summary
    return result


def score_system(
    gold: Sequence[ExhibitRecord], output: SystemOutput, bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP
) -> Dict:
    """{"documents", "missing_ids", "extra_ids", "bootstrap", <block>: {"micro", "macro_f", "macro_p",
    "macro_r", "per_label", "micro_ci"}}; no intervals (nor "bootstrap") when bootstrap is None."""
    weights = resample_weights(len(gold), bootstrap) if bootstrap else None
    return _report(gold, _score_blocks(gold, output), bootstrap, weights)


def analyze_system(
    gold: Sequence[ExhibitRecord],
    output: SystemOutput,
    bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP,
    errors_limit: Optional[int] = None,
    window: int = DEFAULT_CONTEXT,
) -> Dict:
    """score_system plus "errors" (by label and kind, at most errors_limit listed per group) and
    the entity label "confusion" matrix, both of the end-to-end output."""
    scored = _score_blocks(gold, output)
    weights = resample_weights(len(gold), bootstrap) if bootstrap else None
    result = _report(gold, scored, bootstrap, weights)
    result["errors"] = error_report(scored.pairs, errors_limit, window)
    result["confusion"] = confusion_matrix(scored.pairs)
    return result


def compare_systems(
    gold: Sequence[ExhibitRecord], a: SystemOutput, b: SystemOutput,
    bootstrap: BootstrapSettings = DEFAULT_BOOTSTRAP,
) -> Dict:
    """Both systems' scores and, for every block both have, the paired bootstrap of micro F1 B - A."""
    weights = resample_weights(len(gold), bootstrap)
    scored_a, scored_b = _score_blocks(gold, a), _score_blocks(gold, b)
    comparison = {
        key: paired_difference(scored_a.blocks[key][1], scored_b.blocks[key][1], weights, bootstrap)
        for key in scored_a.blocks if key in scored_b.blocks
    }
    return {
        "documents": len(gold),
        "bootstrap": bootstrap.to_dict(),
        "systems": {"a": a.name, "b": b.name},
        "comparison": comparison,
        "a": _report(gold, scored_a, bootstrap, weights),
        "b": _report(gold, scored_b, bootstrap, weights),
    }


def evaluate_model(
    nlp, gold: Sequence[ExhibitRecord], batch_size: int = 8,
    bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP,
) -> Dict:
    """Entity scores in every match mode, end-to-end relations, and relations given gold entities."""
    return score_system(gold, run_model(nlp, gold, batch_size), bootstrap)


def evaluate_predictions(
    gold: Sequence[ExhibitRecord], predicted: Sequence[ExhibitRecord],
    bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP,
) -> Dict:
    return score_system(gold, SystemOutput("predictions", list(predicted)), bootstrap)
