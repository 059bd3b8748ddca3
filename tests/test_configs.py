"""Every shipped training config resolves and builds its pipeline through the registries."""
from __future__ import annotations

import pytest
from spacy.util import load_config, load_model_from_config

from conftest import ROOT

CONFIGS = sorted((ROOT / "configs").glob("*.cfg"))


def test_there_is_a_default_and_an_accuracy_config():
    assert {"default.cfg", "accuracy.cfg"} <= {c.name for c in CONFIGS}


@pytest.mark.parametrize("path", CONFIGS, ids=lambda p: p.name)
def test_config_builds_its_pipeline(path):
    config = load_config(path)
    nlp = load_model_from_config(config, auto_fill=True)
    # structure first; the relation rules run after the relation model has scored pairs
    assert nlp.pipe_names == [
        "exhibit_structure", "tok2vec", "ner", "exhibit_entity_rules", "exhibit_normalizer",
        "exhibit_relations", "exhibit_relation_rules", "textcat"]
    assert config["corpora"]["train"]["@readers"] == "exhibit.GuideCorpus.v1"
