"""Component ablation over cross-validation folds: variants, paired deltas, settings, old models."""
from __future__ import annotations

import pytest
import spacy

from nlp.errors import InputError
from training.ablation import (default_variants, format_table, load_fold_model, paired_summary,
                               parse_setting, parse_variant)


def test_default_variants_leave_out_each_rule_and_keep_the_learned_components():
    variants = default_variants(["tok2vec", "ner", "exhibit_amounts", "exhibit_relations", "exhibit_offers"])
    assert variants["full"] == []
    assert variants["-exhibit_amounts"] == ["exhibit_amounts"] and variants["-exhibit_offers"] == ["exhibit_offers"]
    assert variants["learned-only"] == ["exhibit_amounts", "exhibit_offers"]
    assert "-ner" not in variants and "-tok2vec" not in variants


def test_paired_summary_compares_each_fold_with_its_own_full_pipeline():
    per_fold = [{"full": {"entities": 0.8}, "-x": {"entities": 0.7}},
                {"full": {"entities": 0.6}, "-x": {"entities": 0.6}}]
    summary = paired_summary(per_fold)
    assert summary["-x"]["entities"]["mean"] == pytest.approx(0.65)
    assert summary["-x"]["entities"]["delta_mean"] == pytest.approx(-0.05)
    assert summary["-x"]["entities"]["delta_std"] == pytest.approx(0.05)
    assert "| -x | 0.650 (-0.050 ± 0.050) |" in format_table(summary)


def test_variant_and_setting_syntax():
    assert parse_variant("rules=a, b") == ("rules", ["a", "b"])
    assert parse_setting("t=exhibit_relations.threshold=0.4") == ("t", ("exhibit_relations", "threshold", 0.4))
    with pytest.raises(InputError, match="NAME=component1,component2"):
        parse_variant("rules")
    with pytest.raises(InputError, match="NAME=component.key=number"):
        parse_setting("t=exhibit_relations.threshold=low")


def test_a_fold_model_loads_without_components_whose_factory_is_gone(tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "model")
    config = (tmp_path / "model" / "config.cfg").read_text()
    (tmp_path / "model" / "config.cfg").write_text(
        config.replace('pipeline = ["sentencizer"]', 'pipeline = ["sentencizer","gone"]')
        + '\n[components.gone]\nfactory = "no_such_factory_anywhere"\n')
    assert load_fold_model(tmp_path / "model").pipe_names == ["sentencizer"]
