"""A tiny model trained for a few steps through the CLI: it predicts, saves and reloads."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from conftest import ROOT, TINY
from nlp.cli import app

runner = CliRunner()



@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory, seeds_path):
    out = tmp_path_factory.mktemp("train")
    result = runner.invoke(
        app,
        ["train", str(ROOT / "configs" / "default.cfg"), "--train", str(seeds_path),
         "--dev", str(seeds_path), "--output", str(out), *TINY],
    )
    assert result.exit_code == 0, result.output
    return out


def test_train_writes_models_and_metrics(tiny_model):
    assert (tiny_model / "model-best" / "meta.json").exists()
    metrics = json.loads((tiny_model / "metrics.json").read_text())
    assert {"entities_strict", "relations_end_to_end", "relations_given_gold_entities"} <= set(metrics["dev"])
    assert metrics["alignment"].startswith("51 entity spans")


def _weights(model) -> list:
    return [(node.name, name, node.get_param(name).round(6).tolist())
            for node in model.walk() for name in node.param_names if node.has_param(name)]


def test_train_from_a_model_continues_its_weights(tiny_model, tmp_path, seeds_path):
    # with a learning rate of 0 (and no averaging, whose averages start at zero) the continued
    # networks keep the base model's weights exactly
    base = tiny_model / "model-best"
    out = tmp_path / "continued"
    result = runner.invoke(app, ["train", "--train", str(seeds_path), "--dev", str(seeds_path), "--output", str(out),
                                 "--from", str(base), *TINY, "--training.optimizer.learn_rate", "0",
                                 "--training.optimizer.use_averages", "false"])
    assert result.exit_code == 0, result.output
    continued, started = spacy.load(out / "model-last"), spacy.load(base)
    for component in ("tok2vec", "ner", "exhibit_relations"):
        assert _weights(continued.get_pipe(component).model) == _weights(started.get_pipe(component).model)
    meta = json.loads((out / "model-last" / "meta.json").read_text())
    assert meta["exhibit_nlp"]["continued_from"]["name"] == json.loads((base / "meta.json").read_text())["name"]
    result = runner.invoke(app, ["train", "--train", str(seeds_path), "--dev", str(seeds_path),
                                 "--output", str(tmp_path / "none"), "--from", str(tmp_path)])
    assert result.exit_code != 0 and "E323" in result.output


def test_predict_writes_one_guide_record_per_exhibit(tiny_model, tmp_path):
    texts = sorted((ROOT / "corpus" / "examples").glob("*.txt"))
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["predict", *map(str, texts), "--model", str(tiny_model / "model-best"),
                                 "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in rows] == [t.stem for t in texts]
    for row, path in zip(rows, texts):
        assert row["text"] == path.read_text(encoding="utf-8")
        spans = {(e["start"], e["end"]) for e in row["entities"]}
        for e in row["entities"]:
            assert 0 <= e["start"] < e["end"] <= len(row["text"])
        for rel in row["relations"]:
            assert tuple(rel["head"]) in spans and tuple(rel["child"]) in spans


def test_model_loads_in_a_fresh_interpreter_without_importing_the_package(tiny_model):
    code = (
        "import sys, spacy; nlp = spacy.load(sys.argv[1]); "
        "doc = nlp('Acme Corp. sold 1,000 shares of Common Stock at $2.00 per share.'); "
        "print(nlp.pipe_names, type(doc._.relations).__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tiny_model / "model-best")],
        capture_output=True, text=True, cwd="/",
    )
    assert done.returncode == 0, done.stderr
    assert "exhibit_relations" in done.stdout and "dict" in done.stdout


def test_train_rejects_invalid_training_data(tmp_path, seeds_path):
    bad = tmp_path / "bad.jsonl"
    row = json.loads(seeds_path.read_text().splitlines()[0])
    row["entities"][0]["label"] = "COMPANY"
    bad.write_text(json.dumps(row) + "\n")
    result = runner.invoke(app, ["train", str(ROOT / "configs" / "default.cfg"), "--train", str(bad),
                                 "--dev", str(bad), "--output", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "bad.jsonl:1: seed_innovo_ex99_20031202: entity at 62: unknown label 'COMPANY'" in result.output


def test_train_with_config_typo_is_a_config_error(tmp_path, seeds_path):
    cfg = tmp_path / "typo.cfg"
    cfg.write_text((ROOT / "configs" / "default.cfg").read_text().replace("[training.optimizer]", "[training.optimiser"))
    result = runner.invoke(app, ["train", str(cfg), "--train", str(seeds_path), "--dev", str(seeds_path),
                                 "--output", str(tmp_path / "o")])
    assert result.exit_code == 4 and "invalid config" in result.output
