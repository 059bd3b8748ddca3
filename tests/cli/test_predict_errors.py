from __future__ import annotations

from typer.testing import CliRunner

from nlp.cli import app

runner = CliRunner()


def test_missing_model_directory_is_exit_3(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Acme Corp. sold stock.")
    result = runner.invoke(app, ["predict", str(text), "--model", str(tmp_path / "nomodel")])
    assert result.exit_code == 3
    assert "nomodel: no model directory there" in result.output and "Traceback" not in result.output


def test_folder_that_is_not_a_model_is_exit_3(tmp_path):
    text = tmp_path / "a.txt"
    text.write_text("Acme Corp. sold stock.")
    (tmp_path / "junk").mkdir()
    result = runner.invoke(app, ["predict", str(text), "--model", str(tmp_path / "junk")])
    assert result.exit_code == 3 and "not a spaCy model directory" in result.output


def test_evaluate_predictions_without_gold_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["evaluate", "--predictions", str(tmp_path / "p.jsonl")])
    assert result.exit_code == 2 and "--predictions needs --gold" in result.output


def test_evaluate_prediction_file_against_gold(tmp_path, seeds_path):
    result = runner.invoke(app, ["evaluate", "--predictions", str(seeds_path), "--gold", str(seeds_path), "--json"])
    assert result.exit_code == 0
    import json

    data = json.loads(result.stdout)
    assert data["entities_strict"]["micro"]["f"] == 1.0
    assert data["relations_end_to_end"]["micro"]["f"] == 1.0
