"""`exhibit train --train FILE --dev-share S`: dev held out by company from the train file
(training.split.hold_out_dev), checked and parsed without training a model."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import small_record, write_jsonl
from nlp.cli import app
from nlp.errors import InputError
from nlp.io.records import read_records
from training import train as train_module
from training.split import company_key, hold_out_dev
from training.train import held_out_dev_overrides

runner = CliRunner()


def _rows(companies):
    rows = []
    for k, company in enumerate(companies):
        row = small_record()
        row["id"] = f"r{k}"
        row["meta"] = {**row.get("meta", {}), "company": company}
        rows.append(row)
    return rows


@pytest.fixture()
def train_file(tmp_path):
    companies = ["Acme Corp."] * 3 + ["Bolt Inc.", "Cobalt LLC", "Dyna Co.", "Ember Ltd.", "Flint plc"] * 2
    return write_jsonl(tmp_path / "train.jsonl", _rows(companies))


def test_held_out_dev_shares_no_company_with_train(tmp_path, train_file):
    overrides = held_out_dev_overrides(train_file, 0.3, tmp_path / "out", seed=1)
    train, dev = read_records(overrides["paths.train"]), read_records(overrides["paths.dev"])
    assert train and dev and len(train) + len(dev) == 13
    assert not {company_key(r) for r in train} & {company_key(r) for r in dev}
    assert overrides["paths.train_split"] == "" and overrides["paths.dev_split"] == ""
    again = held_out_dev_overrides(train_file, 0.3, tmp_path / "again", seed=1)
    assert [r.id for r in read_records(again["paths.dev"])] == [r.id for r in dev]  # same seed, same dev


def test_hold_out_dev_lives_in_split_and_keeps_companies_apart(train_file):
    records = read_records(train_file)
    train, dev = hold_out_dev(records, 0.4, seed=3)
    assert {company_key(r) for r in train}.isdisjoint(company_key(r) for r in dev)
    from training.cross_validate import hold_out_dev as cv_hold_out_dev
    assert cv_hold_out_dev is hold_out_dev


def test_held_out_dev_refuses_what_gives_no_separate_dev(tmp_path):
    one_company = write_jsonl(tmp_path / "one.jsonl", _rows(["Acme Corp."] * 4))
    with pytest.raises(InputError) as err:
        held_out_dev_overrides(one_company, 0.2, tmp_path / "out")
    assert err.value.code == "E322" and "found 1" in err.value.message
    with pytest.raises(InputError) as err:
        held_out_dev_overrides(one_company, 0.0, tmp_path / "out")
    assert err.value.code == "E367"
    with pytest.raises(InputError, match="E115"):
        held_out_dev_overrides(one_company, 1.0, tmp_path / "out")


@pytest.fixture()
def captured(monkeypatch):
    """train_pipeline replaced: the CLI's overrides are recorded, nothing is trained."""
    calls = []

    def fake_train(config, output, overrides, gpu_id=-1, strict_schema=True, base=None):
        calls.append(overrides)
        return {"train_minutes": 0.0}

    monkeypatch.setattr(train_module, "train_pipeline", fake_train)
    return calls


def test_train_cli_dev_share_is_parsed_and_passed_on(tmp_path, train_file, captured):
    out = tmp_path / "out"
    result = runner.invoke(app, ["train", "--train", str(train_file), "--dev-share", "0.3", "--output", str(out)])
    assert result.exit_code == 0, result.output
    (overrides,) = captured
    assert overrides["paths.train"] == str(out / "data" / "train.jsonl")
    assert overrides["paths.dev"] == str(out / "data" / "dev.jsonl")
    dev_ids = {json.loads(line)["id"] for line in (out / "data" / "dev.jsonl").read_text().splitlines()}
    assert dev_ids and len(dev_ids) < 13


def test_train_cli_dev_share_usage_errors(tmp_path, train_file, captured):
    with_dev = runner.invoke(app, ["train", "--train", str(train_file), "--dev", str(train_file),
                                   "--dev-share", "0.2", "--output", str(tmp_path / "o")])
    assert with_dev.exit_code == 2 and "[E321]" in with_dev.output
    alone = runner.invoke(app, ["train", "--dev-share", "0.2", "--output", str(tmp_path / "o")])
    assert alone.exit_code == 2 and "[E321]" in alone.output
    no_dev = runner.invoke(app, ["train", "--train", str(train_file), "--output", str(tmp_path / "o")])
    assert no_dev.exit_code == 2 and "[E062]" in no_dev.output and "--dev-share" in no_dev.output
    assert captured == []
