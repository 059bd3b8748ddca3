from __future__ import annotations

import json
from pathlib import Path

import pytest
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


# --- batch robustness (issue 10) ----------------------------------------------------------------

SEED = Path(__file__).resolve().parents[2] / "corpus" / "examples" / "seed_innovo_ex32_20040329.txt"


def test_output_in_a_missing_folder_fails_before_the_model_is_loaded(tmp_path):
    out = tmp_path / "nowhere" / "pred.jsonl"
    result = runner.invoke(app, ["predict", str(SEED), "-o", str(out), "--model", str(tmp_path / "nomodel")])
    assert result.exit_code == 2  # not 3: the model was never looked at
    assert f"error: [E052] {out}: folder {out.parent} does not exist" in result.output


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs (read-only for new files)")
def test_output_in_a_read_only_folder_is_a_clear_error():
    result = runner.invoke(app, ["predict", str(SEED), "-o", "/sys/kernel/pred.jsonl"])
    assert result.exit_code == 2
    assert "[E063] /sys/kernel/pred.jsonl: cannot write in folder /sys/kernel" in result.output


def test_missing_input_fails_before_the_model_is_loaded(tmp_path):
    result = runner.invoke(app, ["predict", str(SEED), str(tmp_path / "gone.txt"), "--model", str(tmp_path / "x")])
    assert result.exit_code == 2 and f"[E053] {tmp_path / 'gone.txt'}: no such file or folder" in result.output


@pytest.mark.parametrize("args, code, message", [
    (["--resume"], "E065", "--resume needs --output"),
    (["--format", "parquet"], "E065", "Parquet cannot go to standard output"),
    (["--format", "xlsx"], "E362", "--format 'xlsx'"),
    (["--encoding", "utf-9"], "E064", "--encoding 'utf-9': unknown text encoding"),
    (["--backend", "dask"], "E065", "--backend dask needs --output FOLDER"),
])
def test_option_mistakes_are_one_line(cached_model, args, code, message):
    result = runner.invoke(app, ["predict", str(SEED), *args])
    assert result.exit_code == 2 and f"[{code}] {message}" in result.output
    assert "Traceback" not in result.output


@pytest.fixture
def batch(tmp_path):
    """Good exhibits around an undecodable, an empty and an overlong one."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes(SEED.read_bytes())
    (folder / "b_latin1.txt").write_bytes("Soci\xe9t\xe9 G\xe9n\xe9rale certifies.".encode("latin-1"))
    (folder / "c_empty.txt").write_text("\n \n")
    (folder / "d_long.txt").write_text("Exhibit 99.1 " * 2000)
    (folder / "e_good.txt").write_bytes(SEED.read_bytes())
    return folder


def test_bad_inputs_are_skipped_reported_and_exit_1(cached_model, batch, tmp_path):
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["predict", str(batch), "-o", str(out), "--max-chars", "20000"])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a_good", "e_good"]
    for line in (f"skipped [E050] {batch / 'b_latin1.txt'}: not utf-8 text (byte 4)",
                 f"skipped [E057] {batch / 'c_empty.txt'}: c_empty: empty text",
                 f"skipped [E058] {batch / 'd_long.txt'}: d_long: 26,000 characters, above --max-chars 20,000"):
        assert line in result.stderr
    assert "wrote 2 records" in result.stderr and "skipped 3 inputs" in result.stderr
    errors = [json.loads(line) for line in (tmp_path / "pred.errors.jsonl").read_text().splitlines()]
    assert [(e["code"], Path(e["source"]).name) for e in errors] == [
        ("E050", "b_latin1.txt"), ("E057", "c_empty.txt"), ("E058", "d_long.txt")]


def test_fail_fast_stops_at_the_first_bad_input_with_exit_2(cached_model, batch, tmp_path):
    out = tmp_path / "pred.jsonl"
    errors = tmp_path / "problems.jsonl"
    result = runner.invoke(app, ["predict", str(batch), "-o", str(out), "--fail-fast", "--errors", str(errors)])
    assert result.exit_code == 2
    assert f"error: [E050] {batch / 'b_latin1.txt'}: not utf-8 text (byte 4)" in result.output
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a_good"]
    assert json.loads(errors.read_text())["code"] == "E050"


def test_truncated_submission_document_is_skipped(cached_model, tmp_path):
    submission = Path(__file__).resolve().parents[1] / "data" / "inputs" / "0001047469-04-035975.txt"
    content = submission.read_bytes()
    cut = tmp_path / "0001047469-04-035975.txt"
    cut.write_bytes(content[: content.index(b"<TABLE>")])
    result = runner.invoke(app, ["predict", str(cut)])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [
        "0001047469-04-035975_a2147337zex-31_1"]
    assert f"skipped [E059] {cut}#document 4 (EX-32.1, a2147337zex-32_1.htm): truncated" in result.stderr
