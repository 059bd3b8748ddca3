"""Pretrained tok2vec weights named in [initialize] reach the tok2vec component."""
from __future__ import annotations

from conftest import ROOT
from training.train import load_training_config


def test_pretrained_tok2vec_weights_get_the_pretraining_block_spacy_needs_to_load_them():
    config_path = ROOT / "configs" / "default.cfg"
    plain = load_training_config(config_path, {})
    assert not plain.get("pretraining")  # nothing added when no weights are named
    config = load_training_config(config_path, {"initialize.init_tok2vec": "weights.bin"})
    assert config["pretraining"]["component"] == "tok2vec"
    assert config["initialize"]["init_tok2vec"] == "weights.bin"
    assert config["nlp"]["pipeline"] == plain["nlp"]["pipeline"]
