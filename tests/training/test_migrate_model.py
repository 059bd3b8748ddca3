"""Migrating a model saved with one component per rule to the staged pipeline."""
from __future__ import annotations

import json

import pytest
import spacy

from nlp.errors import ConfigError, ModelError
from training.migrate_model import migrate

TARGET = """
[nlp]
lang = "en"
pipeline = ["sentencizer","exhibit_relation_rules"]

[components]

[components.sentencizer]
factory = "sentencizer"

[components.exhibit_relation_rules]
factory = "exhibit_relation_rules"
steps = ["certifies","offers"]
"""


def _old_model(path):
    """A saved pipeline as older versions wrote it: a rule component with its own folder."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    config = (path / "config.cfg").read_text()
    (path / "config.cfg").write_text(
        config.replace('pipeline = ["sentencizer"]', 'pipeline = ["sentencizer","exhibit_offers"]')
        + '\n[components.exhibit_offers]\nfactory = "exhibit_offers"\n')
    (path / "exhibit_offers").mkdir()
    (path / "exhibit_offers" / "cfg.json").write_text(json.dumps({"active": False}))
    return path


def test_a_rule_components_saved_state_moves_into_its_step(tmp_path):
    target = tmp_path / "target.cfg"
    target.write_text(TARGET)
    assert migrate(_old_model(tmp_path / "old"), target, tmp_path / "new") == ["sentencizer", "exhibit_relation_rules"]
    stage = spacy.load(tmp_path / "new").get_pipe("exhibit_relation_rules")
    assert stage.step("offers").active is False       # carried over from exhibit_offers/
    assert stage.step("certifies").active is True      # no saved state: as configured


def test_migration_refuses_a_non_model_and_a_used_output_folder(tmp_path):
    target = tmp_path / "target.cfg"
    target.write_text(TARGET)
    with pytest.raises(ModelError, match="E387"):
        migrate(tmp_path, target, tmp_path / "new")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "keep.txt").write_text("mine")
    with pytest.raises(ConfigError, match="E388"):
        migrate(_old_model(tmp_path / "old"), target, tmp_path / "used")
    assert (tmp_path / "used" / "keep.txt").read_text() == "mine"
