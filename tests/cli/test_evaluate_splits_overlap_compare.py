"""`exhibit evaluate`: a split with no record named as such, a warning when the model was trained
on scored exhibits, and per-label differences in --compare."""
from __future__ import annotations

import json

import pytest
import spacy
from typer.testing import CliRunner

from conftest import write_jsonl
from nlp.bootstrap import BootstrapSettings
from nlp.cli import app
from nlp.errors import InputError
from nlp.evaluation import SystemOutput, compare_systems, select_gold
from nlp.io.records import read_records
from nlp.provenance import record_trained_on, trained_on_overlap

runner = CliRunner()
FAST = ["--resamples", "50"]


@pytest.fixture()
def seed_rows(seeds_path):
    return [json.loads(line) for line in seeds_path.read_text().splitlines()]


@pytest.fixture()
def splits_file(tmp_path, seed_rows):
    path = tmp_path / "splits.json"
    path.write_text(json.dumps({"assignments": {seed_rows[0]["id"]: "train", seed_rows[1]["id"]: "dev"}}))
    return path


def test_a_split_without_records_is_named_with_the_splits_present(seeds_path, splits_file):
    with pytest.raises(InputError) as err:
        select_gold(seeds_path, "test", splits_file)
    assert err.value.code == "E320"
    assert "no record is in split 'test'" in err.value.message and "dev (1), train (1)" in err.value.message
    assert [r.id for r in select_gold(seeds_path, "dev", splits_file)] == [read_records(seeds_path)[1].id]
    result = runner.invoke(app, ["evaluate", str(seeds_path), "--predictions", str(seeds_path), "--gold",
                                 str(seeds_path), "--split", "test", "--splits", str(splits_file)])
    assert result.exit_code == 2 and "[E320]" in result.output and "holds no records" not in result.output


def test_an_empty_file_still_holds_no_records(tmp_path, splits_file):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    with pytest.raises(InputError) as err:
        select_gold(empty, "test", splits_file)
    assert err.value.code == "E161"  # nothing to name: the file itself holds none


def test_trained_on_manifest_finds_overlap_by_id_and_by_text(seeds_path):
    records = read_records(seeds_path)
    meta = {"name": "x"}
    assert trained_on_overlap(meta, records) is None  # a model that does not say: no warning
    record_trained_on(meta, records[:1])
    assert meta["exhibit_nlp"]["trained_on"]["ids"] == [records[0].id]
    assert trained_on_overlap(meta, records) == [records[0].id]
    renamed = [type(records[0])("other_id", records[0].text)]
    assert trained_on_overlap(meta, renamed) == ["other_id"]  # same text under another id


def _blank_model(path, trained_on=None):
    nlp = spacy.blank("en")
    if trained_on is not None:
        record_trained_on(nlp.meta, trained_on)
    nlp.to_disk(path)
    return path


def test_evaluate_model_warns_with_the_count_of_trained_on_exhibits(tmp_path, seeds_path):
    records = read_records(seeds_path)
    seen = _blank_model(tmp_path / "seen", records[:1])
    result = runner.invoke(app, ["evaluate", str(seeds_path), "--model", str(seen), "--json", *FAST])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.stderr and "1 of the 2 scored exhibits were in its training data" in result.stderr
    assert records[0].id in result.stderr
    unknown = _blank_model(tmp_path / "unknown")
    quiet = runner.invoke(app, ["evaluate", str(seeds_path), "--model", str(unknown), "--json", *FAST])
    assert quiet.exit_code == 0, quiet.output
    assert "training data" not in quiet.stderr


def _drop_labels(rows, labels):
    return [dict(row, entities=[e for e in row["entities"] if e["label"] not in labels], relations=[])
            for row in rows]


def test_compare_reports_per_label_differences(tmp_path, seeds_path, seed_rows):
    gold = read_records(seeds_path)
    worse = read_records(write_jsonl(tmp_path / "worse.jsonl", _drop_labels(seed_rows, {"OFFICER"})))
    result = compare_systems(gold, SystemOutput("a", worse), SystemOutput("b", gold), BootstrapSettings(20, 0, 0.95))
    strict = result["per_label_differences"]["entities_strict"]
    assert strict["OFFICER"]["a_r"] == 0.0 and strict["OFFICER"]["d_r"] == 1.0 and strict["OFFICER"]["d_f"] == 1.0
    assert strict["ISSUER"]["d_f"] == 0.0 and strict["ISSUER"]["a_f"] == 1.0


def test_compare_shows_per_label_deltas_in_text_and_markdown(tmp_path, seeds_path, seed_rows):
    worse = write_jsonl(tmp_path / "worse.jsonl", _drop_labels(seed_rows, {"OFFICER"}))
    args = ["evaluate", str(seeds_path), "--compare", str(worse), "--compare", str(seeds_path), *FAST]
    text = runner.invoke(app, args)
    assert text.exit_code == 0, text.output
    assert "per label, B - A: entities, strict" in text.stdout
    officer = next(line for line in text.stdout.splitlines() if line.strip().startswith("OFFICER"))
    assert officer.split()[-5:] == ["0.000", "1.000", "+1.000", "+1.000", "+1.000"]
    markdown = runner.invoke(app, [*args, "--markdown"])
    assert markdown.exit_code == 0, markdown.output
    assert "| label | A F1 | B F1 | P B - A | R B - A | F1 B - A |" in markdown.stdout
    assert any(line.startswith("| OFFICER |") and "+1.000" in line for line in markdown.stdout.splitlines())


def test_run_model_takes_gold_texts_longer_than_spacys_limit(seeds_path):
    from nlp.evaluation import run_model

    nlp = spacy.blank("en")
    records = read_records(seeds_path)
    nlp.max_length = min(len(r.text) for r in records) - 1  # as spaCy's 1,000,000 for a long exhibit
    output = run_model(nlp, records)
    assert [r.id for r in output.predicted] == [r.id for r in records]
