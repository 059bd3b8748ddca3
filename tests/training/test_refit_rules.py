"""Fitting a saved model's learned rule steps again on annotated records."""
from __future__ import annotations

import json

import pytest
import spacy

from nlp.errors import ConfigError, ModelError
from training.refit_rules import refit_rule_steps


def _saved_model(path):
    """A saved pipeline whose issuers step was never fitted (no training examples)."""
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_entity_rules", config={"steps": ["mentions", "issuers"]})
    nlp.initialize()
    nlp.to_disk(path)
    return path


def _weights(model):
    return json.loads((model / "exhibit_entity_rules" / "issuers" / "cfg.json").read_text())["weights"]


def test_the_issuer_scorer_is_fitted_on_the_records_and_nothing_else_changes(tmp_path, seeds_path):
    model = _saved_model(tmp_path / "model")
    assert _weights(model) == []
    done = refit_rule_steps(model, seeds_path, tmp_path / "refit", ["issuers"])
    assert done == ["exhibit_entity_rules.issuers"]
    assert len(_weights(tmp_path / "refit")) > 0 and _weights(model) == []
    refit = spacy.load(tmp_path / "refit")
    assert refit.pipe_names == ["exhibit_entity_rules"]
    assert refit.get_pipe("exhibit_entity_rules").step_names == ["mentions", "issuers"]


def test_an_unknown_step_or_a_used_folder_is_refused(tmp_path, seeds_path):
    model = _saved_model(tmp_path / "model")
    with pytest.raises(ModelError, match=r"E393.*no rule step 'officers'"):
        refit_rule_steps(model, seeds_path, tmp_path / "out", ["officers"])
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "file").write_text("x")
    with pytest.raises(ConfigError, match="E388"):
        refit_rule_steps(model, seeds_path, tmp_path / "used", ["issuers"])


def test_a_refit_like_training_fits_on_the_training_tokens_and_lists_the_records(tmp_path, seeds_path):
    from nlp.io.records import read_records
    from nlp.provenance import record_trained_on, trained_on_overlap

    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_entity_rules", config={"steps": ["mentions", "issuers"]})
    nlp.initialize()
    record_trained_on(nlp.meta, [])  # a model that says what it was trained on: nothing yet
    nlp.to_disk(tmp_path / "model")
    refit_rule_steps(tmp_path / "model", seeds_path, tmp_path / "refit", ["issuers"], like_training=True)
    assert len(_weights(tmp_path / "refit")) == 12
    records = read_records(seeds_path)
    # scoring the refitted model on the records it was fitted on now warns
    assert trained_on_overlap(spacy.load(tmp_path / "refit").meta, records) == [r.id for r in records]
