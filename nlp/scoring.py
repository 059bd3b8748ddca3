"""Precision, recall and F1 for entities and relations between gold and predicted records.

Pure functions, no printing. Documents are matched by id; a gold document with no prediction
counts as all-missed and is listed in `missing_ids`. Spans (and relation triples) are sets:
a duplicate counts once. `*_document_counts` give each document's micro (tp, fp, fn), which
nlp.bootstrap resamples.
"""
from __future__ import annotations

from collections import Counter
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from .io.records import ExhibitRecord

ENTITY_MODES = ("strict", "partial", "span")


def prf(tp: int, fp: int, fn: int) -> Dict[str, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f": f1, "tp": tp, "fp": fp, "fn": fn}


def _summarize(tp: Counter, fp: Counter, fn: Counter) -> Dict:
    labels = sorted(set(tp) | set(fp) | set(fn))
    per_label = {label: prf(tp[label], fp[label], fn[label]) for label in labels}
    micro = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"micro": micro, **macro_scores(per_label), "per_label": per_label}


def macro_scores(per_label: Dict[str, Dict[str, float]]) -> Dict[str, float]:
    """Unweighted means over the labels seen in gold or predictions (0.0 when there are none)."""
    n = len(per_label)
    mean = {k: sum(v[k] for v in per_label.values()) / n if n else 0.0 for k in ("p", "r", "f")}
    return {"macro_f": mean["f"], "macro_p": mean["p"], "macro_r": mean["r"]}


def _entity_counts(gold: ExhibitRecord, pred: ExhibitRecord, mode: str) -> Tuple[Counter, Counter, Counter]:
    tp, fp, fn = Counter(), Counter(), Counter()
    gold_set = {(e.start, e.end, e.label) for e in gold.entities}
    pred_set = {(e.start, e.end, e.label) for e in pred.entities}
    if mode == "strict":
        for _, _, label in gold_set & pred_set:
            tp[label] += 1
        for _, _, label in pred_set - gold_set:
            fp[label] += 1
        for _, _, label in gold_set - pred_set:
            fn[label] += 1
        return tp, fp, fn
    # partial: overlap + same label; span: exact offsets, any label (counted under the gold label)
    used: Set = set()
    for g in sorted(gold_set):
        match = None
        for p in sorted(pred_set - used):
            if mode == "partial" and p[2] == g[2] and p[0] < g[1] and g[0] < p[1]:
                match = p
            elif mode == "span" and (p[0], p[1]) == (g[0], g[1]):
                match = p
            if match:
                break
        if match:
            used.add(match)
            tp[g[2]] += 1
        else:
            fn[g[2]] += 1
    for p in pred_set - used:
        fp[p[2]] += 1
    return tp, fp, fn


def _relation_counts(gold: ExhibitRecord, pred: ExhibitRecord) -> Tuple[Counter, Counter, Counter]:
    gold_set = {(r.head, r.child, r.label) for r in gold.relations}
    pred_set = {(r.head, r.child, r.label) for r in pred.relations}
    tp = Counter(t[2] for t in gold_set & pred_set)
    fp = Counter(t[2] for t in pred_set - gold_set)
    fn = Counter(t[2] for t in gold_set - pred_set)
    return tp, fp, fn


def pair_documents(
    gold: Sequence[ExhibitRecord], predicted: Iterable[ExhibitRecord]
) -> Tuple[List[Tuple[ExhibitRecord, ExhibitRecord]], List[str], List[str]]:
    """(gold, prediction) pairs by id; ids of gold docs with no prediction; extra predicted ids."""
    by_id = {p.id: p for p in predicted}
    pairs, missing = [], []
    for g in gold:
        p = by_id.get(g.id)
        if p is None:
            missing.append(g.id)
            p = ExhibitRecord(g.id, g.text, g.category)
        pairs.append((g, p))
    extra = sorted(set(by_id) - {g.id for g in gold})
    return pairs, missing, extra


def score_pairs(pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]], entity_mode: str = "strict") -> Dict:
    counts = [Counter(), Counter(), Counter()]
    rel_counts = [Counter(), Counter(), Counter()]
    for gold, pred in pairs:
        for total, part in zip(counts, _entity_counts(gold, pred, entity_mode)):
            total.update(part)
        for total, part in zip(rel_counts, _relation_counts(gold, pred)):
            total.update(part)
    return {"entities": _summarize(*counts), "relations": _summarize(*rel_counts)}


def block_scores(
    pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]], entity_mode: Optional[str] = "strict"
) -> Tuple[Dict, List[Tuple[int, int, int]]]:
    """The scores of one block (entities in entity_mode, or relations when it is None) and each
    document's micro (tp, fp, fn), what the bootstrap resamples: every document counted once."""
    per_document = [
        _relation_counts(gold, pred) if entity_mode is None else _entity_counts(gold, pred, entity_mode)
        for gold, pred in pairs
    ]
    totals = [Counter(), Counter(), Counter()]
    for counts in per_document:
        for total, part in zip(totals, counts):
            total.update(part)
    return _summarize(*totals), [_totals(counts) for counts in per_document]


def label_document_counts(
    pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]], entity_mode: Optional[str] = "strict"
) -> Dict[str, List[Tuple[int, int, int]]]:
    """Each document's (tp, fp, fn) for every label of one block (entities in entity_mode, or
    relations when it is None): what the bootstrap resamples for per-label intervals."""
    per_document = [
        _relation_counts(gold, pred) if entity_mode is None else _entity_counts(gold, pred, entity_mode)
        for gold, pred in pairs
    ]
    labels = sorted({label for counts in per_document for part in counts for label in part})
    return {label: [(tp[label], fp[label], fn[label]) for tp, fp, fn in per_document] for label in labels}


def entity_document_counts(
    pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]], mode: str = "strict"
) -> List[Tuple[int, int, int]]:
    """Micro (tp, fp, fn) of each document in one entity match mode."""
    return block_scores(pairs, mode)[1]


def relation_document_counts(pairs: Sequence[Tuple[ExhibitRecord, ExhibitRecord]]) -> List[Tuple[int, int, int]]:
    """Micro (tp, fp, fn) of each document's relations."""
    return block_scores(pairs, None)[1]


def _totals(counts: Tuple[Counter, Counter, Counter]) -> Tuple[int, int, int]:
    tp, fp, fn = counts
    return sum(tp.values()), sum(fp.values()), sum(fn.values())


def score_records(
    gold: Sequence[ExhibitRecord], predicted: Iterable[ExhibitRecord], entity_mode: str = "strict"
) -> Dict:
    pairs, missing, extra = pair_documents(gold, predicted)
    result = score_pairs(pairs, entity_mode)
    result.update({"documents": len(gold), "missing_ids": missing, "extra_ids": extra})
    return result
