from __future__ import annotations

import json

from typer.testing import CliRunner

from conftest import small_record, write_jsonl
from nlp.cli import app

runner = CliRunner()


def test_help_lists_every_command():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for name in ("validate", "stats", "split", "train", "predict", "evaluate"):
        assert name in result.output


def test_validate_valid_file_exits_0(seeds_path):
    result = runner.invoke(app, ["validate", str(seeds_path)])
    assert result.exit_code == 0, result.output


def test_validate_reports_problems_and_exits_1(tmp_path):
    row = small_record()
    row["entities"][0]["end"] = 500
    path = write_jsonl(tmp_path / "bad.jsonl", [small_record(id="ok"), row])
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert f"{path}:2: acme: entity ISSUER [0, 500] is out of range" in result.output


def test_validate_missing_file_is_one_line_exit_2(tmp_path):
    result = runner.invoke(app, ["validate", str(tmp_path / "nope.jsonl")])
    assert result.exit_code == 2
    assert "nope.jsonl: no such file" in result.output and "Traceback" not in result.output


def test_validate_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "latin1.jsonl"
    path.write_bytes(json.dumps(small_record()).encode() + b"\n" + b'{"id": "x", "text": "\xe9"}\n')
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 2
    assert "latin1.jsonl:2: not UTF-8" in result.output and "Traceback" not in result.output


def test_validate_malformed_json_line(tmp_path):
    path = write_jsonl(tmp_path / "m.jsonl", [small_record(), '{"id": "b", "text": '])
    result = runner.invoke(app, ["validate", str(path)])
    assert result.exit_code == 1
    assert "m.jsonl:2: ?: malformed JSON" in result.output


def test_validate_folder_reads_every_jsonl_file(tmp_path, seeds_path):
    write_jsonl(tmp_path / "a.jsonl", [small_record(id="a")])
    write_jsonl(tmp_path / "b.jsonl", [small_record(id="a")])
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1 and "duplicate id" in result.output


def test_stats_json_counts_labels(seeds_path):
    result = runner.invoke(app, ["stats", str(seeds_path), "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["documents"] == 2
    assert data["entities"]["OFFICER"] == 10  # 2 in the press release, 8 in the certification
    assert data["relations"]["CERTIFIES"] == 2
    assert data["categories"] == {"certification": 1, "offering": 1}
    assert data["tokens"] > 500


def test_stats_table(seeds_path):
    result = runner.invoke(app, ["stats", str(seeds_path)])
    assert result.exit_code == 0
    assert "documents 2" in result.output and "HAS_TITLE" in result.output


def test_stats_on_missing_file_is_an_error(tmp_path):
    result = runner.invoke(app, ["stats", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 2 and "no such file" in result.output
