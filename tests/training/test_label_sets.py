"""Other label sets (training.label_sets): a foreign set is detected and trained on with no flag,
the guide's components step aside; a mix of guide and other labels names --any-labels."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from conftest import ROOT, small_record, write_jsonl
from nlp.cli import app
from nlp.errors import InputError
from training import train as train_module
from training.label_sets import FOREIGN, GUIDE, MIXED, LabelSet, entity_labels
from training.train import check_training_data, load_training_config

runner = CliRunner()
CONFIG = ROOT / "configs" / "default.cfg"
TEXT = "Jane Roe joined Acme Corp. in Paris."


def _record(rid, labels, relations=()):
    spans = [(0, 8), (16, 26), (30, 35)]
    return {"id": rid, "text": TEXT, "entities": [{"start": a, "end": b, "label": label}
                                                  for (a, b), label in zip(spans, labels)],
            "relations": list(relations), "meta": {"company": rid}}


@pytest.fixture()
def foreign_file(tmp_path):
    return write_jsonl(tmp_path / "foreign.jsonl", [_record("a", ["PER", "ORG", "LOC"]), _record("b", ["PER", "ORG"])])


@pytest.fixture()
def mixed_file(tmp_path):
    return write_jsonl(tmp_path / "mixed.jsonl", [_record("a", ["OFFICER", "ORG", "LOC"])])


def test_label_set_kinds():
    assert LabelSet(frozenset({"PER", "ORG"})).kind == FOREIGN
    assert LabelSet(frozenset({"OFFICER", "ISSUER"})).kind == GUIDE
    assert LabelSet(frozenset()).kind == GUIDE  # no entity at all: nothing foreign about it
    mixed = LabelSet(frozenset({"OFFICER", "ORG", "LOC"}))
    assert mixed.kind == MIXED and mixed.unknown == ["LOC", "ORG"]


def test_entity_labels_read_every_file_and_pass_over_bad_lines(tmp_path, foreign_file):
    other = write_jsonl(tmp_path / "other.jsonl", ["{not json", _record("c", ["MISC"]), '"a string"'])
    labels = entity_labels([foreign_file, other])
    assert labels.labels == {"PER", "ORG", "LOC", "MISC"} and not labels.has_relations
    relations = [{"head": [0, 8], "child": [16, 26], "label": "WORKS_FOR"}]
    with_relations = write_jsonl(tmp_path / "rel.jsonl", [_record("d", ["PER", "ORG"], relations)])
    assert entity_labels([with_relations]).has_relations


def test_foreign_data_passes_the_check_with_no_flag(foreign_file):
    assert check_training_data(foreign_file, foreign_file).kind == FOREIGN


def test_mixed_labels_name_the_option_and_are_accepted_with_it(mixed_file):
    with pytest.raises(InputError) as err:
        check_training_data(mixed_file, mixed_file)
    assert err.value.code == "E061"
    assert "unknown label 'ORG'" in err.value.message
    assert "labels LOC, ORG are not the guide's: pass --any-labels to accept them" in err.value.message
    assert check_training_data(mixed_file, mixed_file, strict_schema=False).kind == MIXED


def test_guide_data_still_checked_by_the_guide(tmp_path):
    bad = write_jsonl(tmp_path / "bad.jsonl", [small_record(relations=[{"head": [0, 10], "child": [16, 21], "label": "OFFERS"}])])
    with pytest.raises(InputError, match="E061") as err:
        check_training_data(bad, bad)
    assert "--any-labels" not in err.value.message  # a wrong relation type is no label-set matter


def test_foreign_pipeline_keeps_the_recognizer_and_relations_only_when_there_are_some():
    pipeline = list(load_training_config(CONFIG, {})["nlp"]["pipeline"])
    assert LabelSet(frozenset({"ISSUER"})).fit_pipeline(load_training_config(CONFIG, {})) == pipeline
    config = load_training_config(CONFIG, {})
    assert LabelSet(frozenset({"PER", "ORG"})).fit_pipeline(config) == ["tok2vec", "ner"]
    assert config["nlp"]["pipeline"] == ["tok2vec", "ner"]
    kept = LabelSet(frozenset({"PER", "ORG"}), has_relations=True).fit_pipeline(load_training_config(CONFIG, {}))
    assert kept == ["exhibit_structure", "tok2vec", "ner", "exhibit_relations"]


@pytest.fixture()
def no_training(monkeypatch):
    """init_pipeline and spaCy's loop replaced: the pipeline asked for is recorded, nothing trains."""
    import spacy
    import spacy.training.loop

    built = []

    def fake_init(config, config_path, gpu_id=-1):
        built.append(list(config["nlp"]["pipeline"]))
        return spacy.blank("en")

    monkeypatch.setattr(train_module, "init_pipeline", fake_init)
    monkeypatch.setattr(spacy.training.loop, "train", lambda nlp, output, **kw: None)
    return built


def test_train_cli_detects_a_foreign_label_set_and_says_so(tmp_path, foreign_file, no_training):
    result = runner.invoke(app, ["train", str(CONFIG), "--train", str(foreign_file), "--dev", str(foreign_file),
                                 "--output", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    note = ("training data uses labels LOC, ORG, PER; not the guide's: guide-specific rule steps are off "
            "(pipeline: tok2vec, ner)")
    assert note in result.stderr
    assert no_training == [["tok2vec", "ner"]]


def test_train_cli_mixed_labels_exit_2_naming_any_labels_which_accepts_them(tmp_path, mixed_file, no_training):
    args = ["train", str(CONFIG), "--train", str(mixed_file), "--dev", str(mixed_file), "--output", str(tmp_path / "out")]
    result = runner.invoke(app, args)
    assert result.exit_code == 2 and "E061" in result.output and "pass --any-labels" in result.output
    assert no_training == []
    result = runner.invoke(app, [*args, "--any-labels"])
    assert result.exit_code == 0, result.output
    assert "not the guide's" not in result.stderr  # a mix keeps the pipeline: rules switch off per label
    assert no_training == [list(load_training_config(CONFIG, {})["nlp"]["pipeline"])]


def test_cross_validate_says_so_and_trains_each_fold_without_the_guides_components(tmp_path, monkeypatch):
    from training import cross_validate as cv_module

    rows = [_record(f"r{k}", ["PER", "ORG", "LOC"]) for k in range(6)]
    corpus = write_jsonl(tmp_path / "foreign.jsonl", rows)
    built = []

    class Stop(Exception):
        pass

    def fake_init(config, config_path, gpu_id=-1):
        built.append(list(config["nlp"]["pipeline"]))
        raise Stop  # the fold's pipeline is all this test needs

    monkeypatch.setattr(cv_module, "init_pipeline", fake_init)
    said = []
    with pytest.raises(Stop):
        cv_module.cross_validate(CONFIG, corpus, 2, output=tmp_path / "cv", progress=said.append)
    assert said[0].startswith("training data uses labels LOC, ORG, PER; not the guide's")
    assert built == [["tok2vec", "ner"]]
