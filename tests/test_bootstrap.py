"""Bootstrap intervals over documents and the paired comparison of two systems."""
from __future__ import annotations

import numpy as np
import pytest

from nlp.bootstrap import (
    BootstrapSettings, micro_figures, micro_intervals, paired_difference, resample_weights,
)
from nlp.errors import InputError
from nlp.evaluation import evaluate_predictions
from nlp.io.records import Entity, ExhibitRecord
from nlp.scoring import prf

# per-document (tp, fp, fn) of a system on eight documents
COUNTS = [(3, 1, 0), (0, 0, 2), (5, 0, 1), (1, 2, 1), (2, 0, 0), (0, 1, 3), (4, 1, 1), (2, 2, 0)]


def test_weights_draw_each_resample_as_many_documents_as_there_are():
    weights = resample_weights(8, BootstrapSettings(resamples=50, seed=1))
    assert weights.shape == (50, 8)
    assert (weights.sum(axis=1) == 8).all() and (weights >= 0).all()


def test_micro_figures_sum_the_drawn_documents_counts():
    weights = np.array([[2, 0], [0, 1], [1, 1]])
    figures = micro_figures([(1, 0, 1), (2, 1, 0)], weights)
    # resample 1: doc 1 twice -> tp 2 fp 0 fn 2; 2: tp 2 fp 1 fn 0; 3: tp 3 fp 1 fn 1
    for i, (tp, fp, fn) in enumerate([(2, 0, 2), (2, 1, 0), (3, 1, 1)]):
        expected = prf(tp, fp, fn)
        assert (figures["p"][i], figures["r"][i], figures["f"][i]) == pytest.approx((expected["p"], expected["r"], expected["f"]))


def test_micro_figures_are_zero_where_prf_is():
    figures = micro_figures([(0, 0, 0), (0, 2, 0)], np.array([[2, 0], [1, 1]]))
    assert figures["p"].tolist() == [0.0, 0.0] and figures["f"].tolist() == [0.0, 0.0]


def test_interval_brackets_the_point_estimate_and_is_seeded():
    settings = BootstrapSettings(resamples=1000, seed=7)
    totals = prf(*map(sum, zip(*COUNTS)))
    ci = micro_intervals(COUNTS, resample_weights(len(COUNTS), settings), settings)
    for name in ("p", "r", "f"):
        low, high = ci[name]
        assert low <= totals[name] <= high and low < high
    again = micro_intervals(COUNTS, resample_weights(len(COUNTS), settings), settings)
    assert again == ci
    other = BootstrapSettings(resamples=1000, seed=8)
    assert micro_intervals(COUNTS, resample_weights(len(COUNTS), other), other) != ci


def test_a_lower_confidence_gives_a_narrower_interval():
    wide, narrow = BootstrapSettings(confidence=0.95), BootstrapSettings(confidence=0.5)
    weights = resample_weights(len(COUNTS), wide)
    w_low, w_high = micro_intervals(COUNTS, weights, wide)["f"]
    n_low, n_high = micro_intervals(COUNTS, weights, narrow)["f"]
    assert w_low <= n_low <= n_high <= w_high


def test_paired_bootstrap_of_identical_systems_is_zero():
    settings = BootstrapSettings(resamples=200)
    result = paired_difference(COUNTS, COUNTS, resample_weights(len(COUNTS), settings), settings)
    assert result["difference"] == 0.0 and result["ci"] == [0.0, 0.0]
    assert result["b_better_share"] == 0.0 and result["a_f"] == result["b_f"]


def test_paired_bootstrap_of_a_system_better_on_every_document():
    settings = BootstrapSettings(resamples=200)
    worse = [(tp, fp + 1, fn) for tp, fp, fn in COUNTS]
    result = paired_difference(worse, COUNTS, resample_weights(len(COUNTS), settings), settings)
    assert result["difference"] == pytest.approx(result["b_f"] - result["a_f"]) and result["difference"] > 0
    assert result["b_better_share"] == 1.0 and 0 < result["ci"][0] <= result["difference"] <= result["ci"][1]


def test_settings_are_checked():
    with pytest.raises(InputError, match="E103"):
        BootstrapSettings(resamples=0)
    with pytest.raises(InputError, match="E104"):
        BootstrapSettings(confidence=1.0)


def test_every_micro_figure_of_an_evaluation_gets_an_interval():
    text = "Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share."
    gold = [ExhibitRecord(f"d{i}", text, "offering", [Entity(0, 10, "ISSUER"), Entity(16, 21, "QUANTITY")]) for i in range(4)]
    pred = [ExhibitRecord(f"d{i}", text, "offering", [Entity(0, 10, "ISSUER")] if i % 2 else []) for i in range(4)]
    result = evaluate_predictions(gold, pred, BootstrapSettings(resamples=100, seed=3))
    assert result["bootstrap"] == {"resamples": 100, "seed": 3, "confidence": 0.95}
    for key in ("entities_strict", "entities_partial", "entities_span", "relations_end_to_end"):
        assert set(result[key]["micro_ci"]) == {"p", "r", "f"}
    assert result["entities_strict"]["micro_ci"]["p"][1] == 1.0  # nothing predicted is ever wrong
    low, high = result["entities_strict"]["micro_ci"]["r"]
    assert 0.0 <= low <= 0.25 <= high <= 0.5
    assert "micro_ci" not in evaluate_predictions(gold, pred, None)["entities_strict"]
