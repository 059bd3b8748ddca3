"""`exhibit train --from MODEL`: the networks continue from MODEL's weights (training.warm_start)."""
from __future__ import annotations

import json

import pytest
from spacy.util import load_config

from conftest import ROOT
from nlp.errors import ConfigError
from training.warm_start import base_model_meta, check_base_labels, components_with_weights, warm_start

SHIPPED = ROOT / "models" / "exhibit-default"


def _default_config():
    return load_config(ROOT / "configs" / "default.cfg", interpolate=False)


def test_the_components_with_weights_are_sourced_and_the_rule_components_built():
    config = warm_start(_default_config(), SHIPPED)
    assert components_with_weights(_default_config()) == ["tok2vec", "ner", "exhibit_relations", "textcat"]
    for name in ("tok2vec", "ner", "exhibit_relations", "textcat"):
        assert dict(config["components"][name]) == {"source": str(SHIPPED)}
    assert config["components"]["exhibit_entity_rules"]["factory"] == "exhibit_entity_rules"
    assert "textcat" not in config["initialize"]["components"]  # its labels come with its weights


def test_a_folder_without_a_model_is_named(tmp_path):
    with pytest.raises(ConfigError) as err:
        warm_start(_default_config(), tmp_path)
    assert err.value.code == "E323" and str(tmp_path) in str(err.value)


def test_a_model_without_a_component_the_config_trains_is_named(tmp_path):
    (tmp_path / "config.cfg").write_text("[nlp]\n", encoding="utf-8")
    (tmp_path / "meta.json").write_text(json.dumps({"pipeline": ["tok2vec", "ner"]}), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        warm_start(_default_config(), tmp_path)
    assert err.value.code == "E324" and "'exhibit_relations'" in str(err.value)


def test_training_labels_the_base_recognizer_does_not_know_are_named():
    meta = base_model_meta(SHIPPED)
    check_base_labels(SHIPPED, meta, {"ISSUER", "OFFICER"})  # the guide's labels: no error
    with pytest.raises(ConfigError) as err:
        check_base_labels(SHIPPED, meta, {"ISSUER", "PER", "ORG"})
    assert err.value.code == "E325" and "ORG, PER" in str(err.value)


def test_a_config_without_initialize_components_is_sourced_too():
    config = _default_config()
    del config["initialize"]["components"]
    assert dict(warm_start(config, SHIPPED)["components"]["ner"]) == {"source": str(SHIPPED)}
