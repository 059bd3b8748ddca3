"""`exhibit evaluate`: prediction files, the shipped model, --compare, and the output formats."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

from conftest import ROOT, write_jsonl
from nlp.cli import app

runner = CliRunner()
FAST = ["--resamples", "200"]


@pytest.fixture()
def seed_rows(seeds_path):
    return [json.loads(line) for line in seeds_path.read_text().splitlines()]


@pytest.fixture()
def worse(tmp_path, seed_rows):
    """The seeds with the first two entities of each record dropped (relations kept)."""
    rows = [dict(row, entities=row["entities"][2:]) for row in seed_rows]
    return write_jsonl(tmp_path / "worse.jsonl", rows)


def test_compare_two_prediction_files(seeds_path, worse):
    result = runner.invoke(app, ["evaluate", str(seeds_path), "--compare", str(worse), "--compare", str(seeds_path),
                                 "--json", *FAST])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["systems"] == {"a": str(worse), "b": str(seeds_path)}
    assert set(data["comparison"]) == {"entities_strict", "entities_partial", "entities_span", "relations_end_to_end"}
    strict = data["comparison"]["entities_strict"]
    assert strict["b_f"] == 1.0 and strict["a_f"] < 1.0
    assert strict["difference"] == pytest.approx(1.0 - strict["a_f"])
    assert strict["b_better_share"] == 1.0 and 0 < strict["ci"][0] <= strict["ci"][1]
    assert data["comparison"]["relations_end_to_end"]["difference"] == 0.0
    assert data["a"]["entities_strict"]["micro"]["fn"] == 4 and data["bootstrap"]["resamples"] == 200


def test_compare_identical_files_in_the_terminal(seeds_path):
    result = runner.invoke(app, ["evaluate", "--gold", str(seeds_path), "--compare", str(seeds_path),
                                 "--compare", str(seeds_path), *FAST])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.stdout.splitlines() if line.startswith("entities, strict"))
    assert row.split()[-7:] == ["1.000", "1.000", "+0.000", "+0.000", "to", "+0.000", "0.0%"]
    assert "micro F1, B - A" in result.stdout


def test_compare_usage_errors(tmp_path, seeds_path):
    one = runner.invoke(app, ["evaluate", str(seeds_path), "--compare", str(seeds_path)])
    assert one.exit_code == 2 and "[E105] --compare takes two systems (A and B), got 1" in one.output
    missing = runner.invoke(app, ["evaluate", str(seeds_path), "--compare", str(seeds_path),
                                  "--compare", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "nope.jsonl: no such model directory or prediction file" in missing.output
    no_gold = runner.invoke(app, ["evaluate", "--compare", str(seeds_path), "--compare", str(seeds_path)])
    assert no_gold.exit_code == 2 and "E107" in no_gold.output


def test_json_keeps_the_existing_keys_and_adds_intervals_errors_confusion(seeds_path, worse):
    result = runner.invoke(app, ["evaluate", "--predictions", str(worse), "--gold", str(seeds_path), "--json", *FAST])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"documents", "missing_ids", "extra_ids", "entities_strict", "entities_partial", "entities_span",
            "relations_end_to_end", "bootstrap", "errors", "confusion"} <= set(data)
    block = data["entities_strict"]
    assert {"micro", "macro_f", "per_label", "micro_ci"} <= set(block)
    assert set(block["micro"]) == {"p", "r", "f", "tp", "fp", "fn"}
    assert block["micro"]["p"] == 1.0 and block["micro"]["fn"] == 4
    missed = [e for e in data["errors"]["entities"]["items"] if e["kind"] == "missed"]
    assert len(missed) == 4 and all(e["context"]["text"] == e["gold"]["text"] for e in missed)
    assert sum(row["none"] for row in data["confusion"]["matrix"].values()) == 4


def test_document_missing_from_predictions_is_reported_by_id(tmp_path, seeds_path, seed_rows):
    partial = write_jsonl(tmp_path / "partial.jsonl", seed_rows[1:])
    result = runner.invoke(app, ["evaluate", "--predictions", str(partial), "--gold", str(seeds_path), *FAST])
    assert result.exit_code == 0, result.output
    missing_id = seed_rows[0]["id"]
    assert f"missing from the predictions (counted as all missed): {missing_id}" in result.stdout
    data = json.loads(runner.invoke(app, ["evaluate", "--predictions", str(partial), "--gold", str(seeds_path),
                                          "--json", *FAST]).stdout)
    assert data["missing_ids"] == [missing_id]
    assert data["entities_strict"]["micro"]["fn"] == len(seed_rows[0]["entities"])


def test_markdown_output_and_errors_limit(seeds_path, worse):
    result = runner.invoke(app, ["evaluate", "--predictions", str(worse), "--gold", str(seeds_path),
                                 "--markdown", "--errors", "1", *FAST])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith("# exhibit evaluate: ") and "**micro scores**" in text
    assert "| label | P | R | F1 | tp | fp | fn |" in text
    assert "| label | wrong boundary | wrong label | missed | spurious | total |" in text
    assert "missed OFFICER entity (2, 1 shown)" in text


def test_html_report_is_written_beside_the_terminal_report(tmp_path, seeds_path, worse):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["evaluate", "--predictions", str(worse), "--gold", str(seeds_path),
                                 "--html", str(out), *FAST])
    assert result.exit_code == 0, result.output
    assert "micro scores" in result.stdout and f"wrote {out}" in result.stderr
    page = out.read_text(encoding="utf-8")
    tags = []
    parser = HTMLParser()
    parser.handle_starttag = lambda tag, attrs: tags.append(tag)
    parser.feed(page)
    assert tags.count("table") > 5 and tags.count("svg") > 5 and "script" not in tags
    assert page.count('<details class="exhibit"') == 2  # both seed exhibits, differences marked
    assert 'class="confusion"' in page and 'class="whisker"' in page


def test_usage_errors(tmp_path, seeds_path):
    both = runner.invoke(app, ["evaluate", "--predictions", str(seeds_path), "--gold", str(seeds_path), "--json", "--markdown"])
    assert both.exit_code == 2 and "[E100]" in both.output
    bad = runner.invoke(app, ["evaluate", "--predictions", str(seeds_path), "--gold", str(seeds_path), "--resamples", "0"])
    assert bad.exit_code == 2 and "[E103] --resamples must be at least 1" in bad.output
    unwritable = runner.invoke(app, ["evaluate", "--predictions", str(seeds_path), "--gold", str(seeds_path),
                                     "--html", str(tmp_path / "no" / "dir" / "r.html"), *FAST])
    assert unwritable.exit_code == 2 and "[E110]" in unwritable.output and "Traceback" not in unwritable.output


def test_shipped_model_by_default_and_compared_with_a_prediction_file(seeds_path):
    result = runner.invoke(app, ["evaluate", str(seeds_path), "--json", "--resamples", "50"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"] == 2 and "micro_ci" in data["relations_given_gold_entities"]
    low, high = data["entities_strict"]["micro_ci"]["f"]
    assert low <= data["entities_strict"]["micro"]["f"] <= high
    model = ROOT / "models" / "exhibit-default"
    compared = runner.invoke(app, ["evaluate", str(seeds_path), "--compare", str(model), "--compare", str(seeds_path),
                                   "--json", "--resamples", "50"])
    assert compared.exit_code == 0, compared.output
    both = json.loads(compared.stdout)
    assert "relations_given_gold_entities" in both["a"] and "relations_given_gold_entities" not in both["comparison"]
    assert both["comparison"]["entities_strict"]["a_f"] == pytest.approx(data["entities_strict"]["micro"]["f"])
