"""Bootstrap confidence intervals over documents for micro precision, recall and F1.

Documents are resampled with replacement; a resample's micro figures come from summing the
documents' (tp, fp, fn) counts, so nothing is re-scored. Every figure of one evaluation uses
the same resamples (drawn once from the seed), which also pairs the draws when two systems
are compared on the same gold documents.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Dict, List, Sequence, Tuple

import numpy as np

from .errors import InputError

Counts = Sequence[Tuple[int, int, int]]


@dataclass(frozen=True)
class BootstrapSettings:
    resamples: int = 1000
    seed: int = 0
    confidence: float = 0.95

    def __post_init__(self) -> None:
        if self.resamples < 1:
            raise InputError("E103", f"--resamples must be at least 1, not {self.resamples}")
        if not 0 < self.confidence < 1:
            raise InputError("E104", f"--confidence must be between 0 and 1, not {self.confidence}")

    def to_dict(self) -> Dict:
        return asdict(self)


def resample_weights(n_documents: int, settings: BootstrapSettings) -> np.ndarray:
    """(resamples, n_documents): how often each document is drawn in each resample."""
    rng = np.random.default_rng(settings.seed)
    if n_documents == 0:
        return np.zeros((settings.resamples, 0), dtype=np.int64)
    return rng.multinomial(n_documents, np.full(n_documents, 1 / n_documents), size=settings.resamples)


def micro_figures(counts: Counts, weights: np.ndarray) -> Dict[str, np.ndarray]:
    """Micro p, r, f of every resample (arrays of length resamples), with prf's zero rules."""
    matrix = np.asarray(counts, dtype=np.float64).reshape(-1, 3)
    tp, fp, fn = (weights @ matrix).T
    precision = _ratio(tp, tp + fp)
    recall = _ratio(tp, tp + fn)
    f1 = _ratio(2 * precision * recall, precision + recall)
    return {"p": precision, "r": recall, "f": f1}


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    out = np.zeros_like(num, dtype=np.float64)
    np.divide(num, den, out=out, where=den > 0)
    return out


def _interval(values: np.ndarray, confidence: float) -> List[float]:
    tail = (1 - confidence) / 2
    low, high = np.quantile(values, [tail, 1 - tail])
    return [float(low), float(high)]


def micro_intervals(counts: Counts, weights: np.ndarray, settings: BootstrapSettings) -> Dict[str, List[float]]:
    """Percentile intervals {"p": [low, high], "r": ..., "f": ...} of the micro figures."""
    figures = micro_figures(counts, weights)
    return {name: _interval(values, settings.confidence) for name, values in figures.items()}


def label_intervals(
    label_counts: Dict[str, Counts], weights: np.ndarray, settings: BootstrapSettings
) -> Dict[str, Dict[str, List[float]]]:
    """Per-label percentile intervals {label: {"p", "r", "f"}}, on the same resamples as the micro ones.

    A resample holding no gold and no predicted instance of a label says nothing about it (its
    0.0 would only widen the interval), so each label's interval is taken over the resamples
    that hold the label at all."""
    out = {}
    for label, counts in label_counts.items():
        matrix = np.asarray(counts, dtype=np.float64).reshape(-1, 3)
        present = (weights @ matrix).sum(axis=1) > 0
        kept = weights[present] if present.any() else weights
        out[label] = micro_intervals(counts, kept, settings)
    return out


def paired_difference(
    counts_a: Counts, counts_b: Counts, weights: np.ndarray, settings: BootstrapSettings
) -> Dict:
    """Micro F1 of B minus A on the same resampled documents: the point difference, its interval,
    and the share of resamples in which B scores higher than A."""
    full = np.ones((1, len(counts_a)), dtype=np.int64)
    f_a, f_b = (float(micro_figures(c, full)["f"][0]) for c in (counts_a, counts_b))
    delta = micro_figures(counts_b, weights)["f"] - micro_figures(counts_a, weights)["f"]
    return {
        "a_f": f_a,
        "b_f": f_b,
        "difference": f_b - f_a,
        "ci": _interval(delta, settings.confidence),
        "b_better_share": float(np.mean(delta > 0)),
    }
