"""The rule stages: steps in order, checked settings, state saved per step, declared attributes."""
from __future__ import annotations

import pytest
import spacy
from spacy.util import load_config, load_model_from_config

from conftest import ROOT
from nlp.errors import ConfigError

TEXT = "I, Jane Roe, certify that the Company raised gross proceeds of $5.0 million."


def test_steps_run_in_the_configured_order_and_only_those():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("exhibit_entity_rules", config={"steps": ["amounts"]})
    assert stage.step_names == ["amounts"]
    assert [(e.text, e.label_) for e in nlp(TEXT).ents] == [("$5.0 million", "AMOUNT")]


def test_an_unknown_step_is_a_config_error_naming_the_known_ones():
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError) as caught:
        nlp.add_pipe("exhibit_entity_rules", config={"steps": ["officers", "oficers"]})
    assert caught.value.code == "E385" and "'oficers'" in caught.value.message
    assert "officers" in caught.value.message.split("steps are")[1]


def test_settings_for_an_absent_step_or_an_unknown_argument_are_config_errors():
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="E385"):
        nlp.add_pipe("exhibit_relation_rules", config={"steps": ["offers"], "settings": {"raise": {}}})
    with pytest.raises(ConfigError) as caught:
        nlp.add_pipe("exhibit_relation_rules", config={"steps": ["offers"], "settings": {"offers": {"treshold": 1}}})
    assert caught.value.code == "E386" and "offers" in caught.value.message


def test_each_steps_state_is_saved_in_its_own_folder(tmp_path):
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("exhibit_relation_rules", config={"steps": ["certifies", "offers"]})
    stage.step("offers").active = False
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "exhibit_relation_rules" / "offers" / "cfg.json").exists()
    loaded = spacy.load(tmp_path / "model").get_pipe("exhibit_relation_rules")
    assert loaded.step("offers").active is False and loaded.step("certifies").active is True


def test_skipping_leaves_steps_out_for_a_while_only():
    nlp = spacy.blank("en")
    stage = nlp.add_pipe("exhibit_entity_rules", config={"steps": ["officers", "amounts"]})
    with stage.skipping(["amounts"]):
        assert {e.label_ for e in nlp(TEXT).ents} == {"OFFICER"}
    assert {e.label_ for e in nlp(TEXT).ents} == {"OFFICER", "AMOUNT"}


def test_the_default_pipeline_has_eight_components_whose_requirements_are_met():
    nlp = load_model_from_config(load_config(ROOT / "configs" / "default.cfg"), auto_fill=True)
    assert len(nlp.pipe_names) <= 8
    analysis = nlp.analyze_pipes()
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    for name in nlp.pipe_names:
        meta = nlp.get_pipe_meta(name)
        assert meta.assigns, f"{name} declares nothing it assigns"
