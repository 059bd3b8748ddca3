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
from spacy.util import filter_spans

from .bootstrap import BootstrapSettings, label_intervals, micro_intervals, paired_difference, resample_weights
from .error_analysis import DEFAULT_CONTEXT, confusion_matrix, error_report
from .errors import InputError
from .fact_scoring import FactComparison, compare_facts, fact_errors, kind_document_counts, score_facts
from .io.docs import doc_to_record
from .io.records import ExhibitRecord, OnBadLine, check_unique_ids, read_records
from .scoring import ENTITY_MODES, block_scores, label_document_counts, pair_documents

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
    # Ids of the gold documents the model was trained on (None: its meta does not say).
    trained_on: Optional[List[str]] = None

    def overlap_warning(self, documents: int) -> Optional[str]:
        from .provenance import overlap_warning

        return overlap_warning(self.name, self.trained_on, documents)


def predict_records(nlp, records: Sequence[ExhibitRecord], batch_size: int = 8) -> List[ExhibitRecord]:
    """End to end: entities from raw text, relations on those predicted entities; a text longer
    than a window is predicted in windows, as `exhibit predict` does (nlp.windows)."""
    from .windows import MergedText, pipe_texts

    results = pipe_texts(nlp, ((r.text, r.id) for r in records), batch_size)
    return [result.to_record(rid) if isinstance(result, MergedText) else doc_to_record(result, rid)
            for result, rid in results]


def predict_relations_on_gold(nlp, records: Sequence[ExhibitRecord]) -> List[ExhibitRecord]:
    """Relations predicted with the gold entities in place of the recognizer's and its rules'."""
    out = []
    for record in records:
        doc = nlp.make_doc(record.text)
        spans = [doc.char_span(e.start, e.end, e.label, alignment_mode="expand") for e in record.entities]
        # two gold entities inside one token ("OfferShares") expand to overlapping spans: keep one
        doc.ents = filter_spans([s for s in spans if s is not None])
        for _, proc in nlp.pipeline:
            if not isinstance(proc, _ENTITY_MAKERS) and not getattr(proc, "finds_entities", False):
                doc = proc(doc)
        out.append(doc_to_record(doc, record.id))
    return out


def run_model(nlp, gold: Sequence[ExhibitRecord], batch_size: int = 8, name: str = "model") -> SystemOutput:
    from .limits import allow_length
    from .provenance import trained_on_overlap

    # gold texts are scored whole, as predict would take them: spaCy's default limit must not refuse one
    allow_length(nlp, max((len(record.text) for record in gold), default=0))
    predicted = predict_records(nlp, gold, batch_size)
    on_gold = None
    if any(hasattr(proc, "allowed_pairs") for _, proc in nlp.pipeline):
        on_gold = predict_relations_on_gold(nlp, gold)
    return SystemOutput(name, predicted, on_gold, trained_on_overlap(nlp.meta, gold))


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


def select_gold(path: Path, split: Optional[str] = None, splits_path: Optional[Path] = None,
                on_bad_line: Optional[OnBadLine] = None) -> List[ExhibitRecord]:
    """The gold records of `path` (only those of `split` when given), ready to score; a split
    that holds none of the records is named with the splits that do. Unreadable lines: see
    nlp.io.records.iter_checked_lines."""
    from .io.corpus_reader import select_records

    records = select_records(path, split, splits_path if split else None, on_bad_line)
    if split and not records:
        present = splits_present(read_records(Path(path), on_bad_line), Path(splits_path))
        if present:
            listed = ", ".join(f"{name} ({count})" for name, count in present.items())
            raise InputError("E320", f"{path}: no record is in split {split!r} of {splits_path}; "
                                     f"its records are in: {listed}")
    check_scorable(records, path, gold=True)
    return records


def splits_present(records: Sequence[ExhibitRecord], splits_path: Path) -> Dict[str, int]:
    """How many of the records each split of the splits file holds ("unassigned": in none)."""
    import json

    from .io.corpus_reader import load_split_ids

    load_split_ids(splits_path, "")  # the same checks (and errors) as the selection
    assignments = json.loads(splits_path.read_text(encoding="utf-8"))["assignments"]
    counts: Dict[str, int] = {}
    for record in records:
        name = assignments.get(record.id, "unassigned")
        counts[name] = counts.get(name, 0) + 1
    return dict(sorted(counts.items()))


def load_system(source: Path, gold: Sequence[ExhibitRecord], batch_size: int = 8,
                on_bad_line: Optional[OnBadLine] = None) -> SystemOutput:
    """A model directory (run on the gold texts) or a prediction JSONL file (its unreadable
    lines go to on_bad_line; without it the first stops the reading)."""
    from .models import load_model

    source = Path(source)
    if source.is_dir():
        return run_model(load_model(source), gold, batch_size, name=str(source))
    if source.is_file():
        predicted = read_records(source, on_bad_line)
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
    facts: List[FactComparison]  # each document's gold and predicted facts (nlp.fact_scoring)
    label_counts: Dict[str, Dict[str, Counts]]  # block name -> label -> each document's counts


def _score_blocks(gold: Sequence[ExhibitRecord], output: SystemOutput) -> _Scored:
    pairs, missing, extra = pair_documents(gold, output.predicted)
    sources = {f"entities_{mode}": (pairs, mode) for mode in ENTITY_MODES}  # block -> (pairs, entity mode)
    sources["relations_end_to_end"] = (pairs, None)
    if output.on_gold_entities is not None:
        on_gold, _, _ = pair_documents(gold, output.on_gold_entities)
        sources["relations_given_gold_entities"] = (on_gold, None)
    blocks = {key: block_scores(*source) for key, source in sources.items()}
    label_counts = {key: label_document_counts(*source) for key, source in sources.items()}
    return _Scored(pairs, missing, extra, blocks, compare_facts(pairs), label_counts)


def _report(gold: Sequence[ExhibitRecord], scored: _Scored, bootstrap: Optional[BootstrapSettings], weights) -> Dict:
    result: Dict = {"documents": len(gold), "missing_ids": scored.missing, "extra_ids": scored.extra}
    if bootstrap:
        result["bootstrap"] = bootstrap.to_dict()
    for key, (summary, counts) in scored.blocks.items():
        if bootstrap:
            summary["micro_ci"] = micro_intervals(counts, weights, bootstrap)
            summary["per_label_ci"] = label_intervals(scored.label_counts[key], weights, bootstrap)
        result[key] = summary
    # the facts block is reported like the others but kept out of `blocks`, which --compare pairs
    facts, counts = score_facts(scored.facts)
    if bootstrap:
        facts["micro_ci"] = micro_intervals(counts, weights, bootstrap)
        facts["per_label_ci"] = label_intervals(kind_document_counts(scored.facts), weights, bootstrap)
    result["facts"] = facts
    return result


def score_system(
    gold: Sequence[ExhibitRecord], output: SystemOutput, bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP
) -> Dict:
    """{"documents", "missing_ids", "extra_ids", "bootstrap", <block>: {"micro", "macro_f", "macro_p",
    "macro_r", "per_label", "micro_ci", "per_label_ci"}}, "facts" (the same shape, per_label keyed by fact kind); no
    intervals (nor "bootstrap") when bootstrap is None."""
    weights = resample_weights(len(gold), bootstrap) if bootstrap else None
    return _report(gold, _score_blocks(gold, output), bootstrap, weights)


def analyze_system(
    gold: Sequence[ExhibitRecord],
    output: SystemOutput,
    bootstrap: Optional[BootstrapSettings] = DEFAULT_BOOTSTRAP,
    errors_limit: Optional[int] = None,
    window: int = DEFAULT_CONTEXT,
) -> Dict:
    """score_system plus "errors" (by label and kind, at most errors_limit listed per group), the
    entity label "confusion" matrix and the "fact_errors" per exhibit, all of the end-to-end output."""
    scored = _score_blocks(gold, output)
    weights = resample_weights(len(gold), bootstrap) if bootstrap else None
    result = _report(gold, scored, bootstrap, weights)
    result["errors"] = error_report(scored.pairs, errors_limit, window)
    result["confusion"] = confusion_matrix(scored.pairs)
    result["fact_errors"] = fact_errors(scored.facts, errors_limit)
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
    report_a, report_b = _report(gold, scored_a, bootstrap, weights), _report(gold, scored_b, bootstrap, weights)
    return {
        "documents": len(gold),
        "bootstrap": bootstrap.to_dict(),
        "systems": {"a": a.name, "b": b.name},
        "comparison": comparison,
        "per_label_differences": {key: per_label_differences(report_a[key], report_b[key]) for key in comparison},
        "a": report_a,
        "b": report_b,
    }


def per_label_differences(block_a: Dict, block_b: Dict) -> Dict[str, Dict[str, float]]:
    """{label: {"a_p", "a_r", "a_f", "b_p", "b_r", "b_f", "d_p", "d_r", "d_f"}} (d = B - A) for every
    label either system's block scores; a label one system never meets counts 0 there."""
    zero = {"p": 0.0, "r": 0.0, "f": 0.0}
    labels = sorted(set(block_a["per_label"]) | set(block_b["per_label"]))
    out = {}
    for label in labels:
        sa, sb = block_a["per_label"].get(label, zero), block_b["per_label"].get(label, zero)
        row = {f"{side}_{m}": float(scores[m]) for side, scores in (("a", sa), ("b", sb)) for m in ("p", "r", "f")}
        row.update({f"d_{m}": float(sb[m]) - float(sa[m]) for m in ("p", "r", "f")})
        out[label] = row
    return out


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
