"""Cross-validation folds grouped by company, their summary, and a K=2 run of tiny models."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import ROOT, TINY, small_record, write_jsonl
from nlp.errors import InputError
from nlp.io.records import ExhibitRecord, read_records
from nlp.cli import app
from nlp.reports import markdown, terminal
from nlp.reports.document import cross_validation_document
from training.cross_validate import FINISHED, assign_folds, finished_model, hold_out_dev, summarize_folds
from training.split import company_key

runner = CliRunner()



def records(companies):
    return [ExhibitRecord(f"r{i}", "text", "offering" if i % 2 else "certification", meta={"company": c} if c else {})
            for i, c in enumerate(companies)]


def test_folds_never_split_a_company_and_fall_back_to_the_id():
    recs = records(["Acme Corp.", "ACME  corp.", "Borealis Inc.", "Cobalt LLC", None, None, "Dyna Co.", "Borealis Inc."])
    folds, how = assign_folds(recs, 3, seed=1)
    assert sorted(set(folds)) == [0, 1, 2] and "company" in how
    by_company = {}
    for record, fold in zip(recs, folds):
        by_company.setdefault(company_key(record), set()).add(fold)
    assert all(len(f) == 1 for f in by_company.values())
    assert len(by_company) == 6  # the two records without a company are grouped by their own ids
    assert assign_folds(recs, 3, seed=1) == (folds, how)


def test_fold_count_is_checked():
    with pytest.raises(InputError, match="E111"):
        assign_folds(records(["a", "b"]), 1)
    with pytest.raises(InputError, match=r"E112.*3 folds need at least 3 companies; the corpus has 2"):
        assign_folds(records(["a", "b", "a"]), 3)


def test_dev_is_held_out_by_company():
    recs = records(["a", "a", "b", "c", "d", "e", "f", "g"])
    train, dev = hold_out_dev(recs, 0.25, seed=0)
    assert train and dev and len(train) + len(dev) == len(recs)
    assert not {company_key(r) for r in train} & {company_key(r) for r in dev}
    assert hold_out_dev(recs, 0.0) == (recs, recs)
    assert hold_out_dev(records(["a", "a"]), 0.25) == (records(["a", "a"]), records(["a", "a"]))
    with pytest.raises(InputError, match="E115"):
        hold_out_dev(recs, 1.0)


def _block(f, per_label):
    return {"micro": {"p": f, "r": f, "f": f}, "macro_f": f, "per_label": per_label}


def test_summary_gives_mean_std_min_max_per_label_and_micro():
    folds = [
        {"entities_strict": _block(0.6, {"ISSUER": {"p": 1.0, "r": 0.5, "f": 0.6}})},
        {"entities_strict": _block(0.8, {"ISSUER": {"p": 1.0, "r": 1.0, "f": 1.0}, "PRICE": {"p": 0.5, "r": 0.5, "f": 0.5}})},
    ]
    summary = summarize_folds(folds)["entities_strict"]
    assert summary["micro"]["f"] == pytest.approx({"mean": 0.7, "std": 0.1, "min": 0.6, "max": 0.8})
    assert summary["per_label"]["ISSUER"]["f"] == pytest.approx({"mean": 0.8, "std": 0.2, "min": 0.6, "max": 1.0})
    assert summary["per_label"]["ISSUER"]["folds"] == 2
    assert summary["per_label"]["PRICE"]["folds"] == 1 and summary["per_label"]["PRICE"]["r"]["std"] == 0.0


def test_summary_covers_the_fact_scores():
    folds = [{"facts": _block(0.5, {"price": {"p": 0.5, "r": 0.5, "f": 0.5}})},
             {"facts": _block(0.7, {"price": {"p": 1.0, "r": 1.0, "f": 1.0}})}]
    summary = summarize_folds(folds)["facts"]
    assert summary["micro"]["f"]["mean"] == pytest.approx(0.6)
    assert summary["per_label"]["price"]["f"]["max"] == 1.0


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory, seeds_path):
    """The two seed exhibits (one company) and two one-sentence offerings of two other companies."""
    borealis = small_record(
        id="borealis", text="Borealis Inc. sold 2,500 shares of Common Stock at $4.00 per share.",
        entities=[{"start": 0, "end": 13, "label": "ISSUER"}, {"start": 19, "end": 24, "label": "QUANTITY"},
                  {"start": 35, "end": 47, "label": "SECURITY"}, {"start": 51, "end": 56, "label": "PRICE"}],
        relations=[{"head": [0, 13], "child": [35, 47], "label": "OFFERS"},
                   {"head": [19, 24], "child": [35, 47], "label": "QUANTITY_OF"},
                   {"head": [51, 56], "child": [35, 47], "label": "PRICE_OF"}],
        meta={"company": "Borealis Inc."},
    )
    rows = seeds_path.read_text().splitlines() + [json.dumps(small_record()), json.dumps(borealis)]
    return write_jsonl(tmp_path_factory.mktemp("cv") / "tiny.jsonl", rows)


@pytest.fixture(scope="module")
def tiny_run(tiny_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("cv-out")
    result = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                                 "--corpus", str(tiny_corpus), "--output", str(out), "--json", *TINY])
    assert result.exit_code == 0, result.output
    return result, out


def test_cross_validate_two_folds_of_tiny_models(tiny_corpus, tiny_run):
    result, out = tiny_run
    report = json.loads(result.stdout)
    assert report["k"] == 2 and report["documents"] == 4 and len(report["folds"]) == 2
    assert report["overrides"]["training.max_steps"] == 12
    test_ids = [rid for fold in report["folds"] for rid in fold["test_ids"]]
    assert sorted(test_ids) == sorted(r.id for r in read_records(tiny_corpus))
    for fold in report["folds"]:
        folder = out / f"fold-{fold['fold']}"
        assert (folder / fold["model"] / "meta.json").exists() and (folder / "train.log").exists()
        train_companies = {company_key(r) for r in read_records(folder / "train.jsonl")}
        test_companies = {company_key(r) for r in read_records(folder / "test.jsonl")}
        assert train_companies and not train_companies & test_companies
        assert set(fold["scores"]["entities_strict"]["micro"]) == {"p", "r", "f", "tp", "fp", "fn"}
    micro = report["summary"]["entities_strict"]["micro"]["f"]
    assert set(micro) == {"mean", "std", "min", "max"} and micro["min"] <= micro["mean"] <= micro["max"]
    assert "relations_given_gold_entities" in report["summary"]
    assert json.loads((out / "cross_validation.json").read_text())["summary"] == report["summary"]
    progress = result.stderr.splitlines()
    assert progress[0].startswith("fold 1/2: training on ") and progress[-1].startswith("fold 2/2: entity F1 ")


def test_cross_validation_report_for_people(tiny_run):
    report = json.loads(tiny_run[0].stdout)
    document = cross_validation_document(report)
    text = terminal.render(document)
    assert text.startswith("cross-validation\n") and "2 folds over 4 documents" in text
    lines = text.splitlines()
    header = lines.index("folds") + 1
    assert lines[header].split()[:4] == ["fold", "train", "dev", "test"]
    first = report["folds"][0]
    assert lines[header + 2].split()[:4] == [str(first[k]) for k in ("fold", "train_documents", "dev_documents", "test_documents")]
    strict = report["summary"]["entities_strict"]["micro"]["f"]
    row = next(line for line in text.splitlines() if line.startswith("entities, strict"))
    assert row.split()[-4:] == [f"{strict[k]:.3f}" for k in ("mean", "std", "min", "max")]
    assert "| label | mean | std | min | max | folds |" in markdown.render(document)


def test_cross_validate_errors(tiny_corpus, tmp_path):
    config = str(ROOT / "configs" / "default.cfg")
    too_many = runner.invoke(app, ["cross-validate", config, "--folds", "4", "--corpus", str(tiny_corpus)])
    assert too_many.exit_code == 2 and "4 folds need at least 4 companies; the corpus has 3" in too_many.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text(tiny_corpus.read_text().replace('"PRICE"', '"COST"', 1))
    invalid = runner.invoke(app, ["cross-validate", config, "--corpus", str(bad), "--folds", "2"])
    assert invalid.exit_code == 2 and "unknown label 'COST'" in invalid.output


def test_resume_keeps_the_finished_folds_and_trains_none_again(tiny_corpus, tiny_run, monkeypatch):
    result, out = tiny_run
    first = json.loads(result.stdout)
    (out / "fold-1" / "scores.json").write_text(json.dumps(first["folds"][0]["scores"] | {"marker": 1}))

    def no_training(*args, **kwargs):
        raise AssertionError("a finished fold was trained again")

    monkeypatch.setattr("training.cross_validate.train_fold", no_training)
    again = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                                "--corpus", str(tiny_corpus), "--output", str(out), "--json", "--resume", *TINY])
    assert again.exit_code == 0, again.output
    report = json.loads(again.stdout)
    assert report["folds"][0]["scores"]["marker"] == 1  # fold 1's scores were read back, not recomputed
    assert report["folds"][1]["scores"]["entities_strict"] == first["folds"][1]["scores"]["entities_strict"]


def test_resume_trains_again_a_fold_whose_training_was_interrupted(tiny_corpus, tiny_run, monkeypatch):
    """spaCy writes model-last at every evaluation: without the end marker the fold is not done."""
    _, out = tiny_run
    assert finished_model(out / "fold-2") is not None
    (out / "fold-2" / FINISHED).unlink()
    assert finished_model(out / "fold-2") is None
    trained = []

    def record_training(config, overrides, train, dev, output):
        trained.append(output.name)
        (output / FINISHED).write_text("done\n")
        return output / "model-last"

    monkeypatch.setattr("training.cross_validate.train_fold", record_training)
    again = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                                "--corpus", str(tiny_corpus), "--output", str(out), "--json", "--resume", *TINY])
    assert again.exit_code == 0, again.output
    assert trained == ["fold-2"]


def test_resume_needs_an_output_folder(tiny_corpus):
    result = runner.invoke(app, ["cross-validate", "--corpus", str(tiny_corpus), "--folds", "2", "--resume"])
    assert result.exit_code == 2 and "--resume needs --output" in result.output


def _company_records(companies, synthetic=False, prefix="r"):
    """One small valid offering per company; the same text, so offsets stay valid."""
    meta = {"synthetic": True} if synthetic else {}
    return [json.dumps(small_record(id=f"{prefix}{i}", meta={"company": c, **meta})) for i, c in enumerate(companies)]


@pytest.fixture
def no_training(monkeypatch):
    """Fold training and scoring replaced by stand-ins that note which records each fold trained on."""
    trained = []

    def fake_train(config_path, overrides, train, dev, output):
        trained.append({"train": {r.id for r in read_records(train)}, "dev": {r.id for r in read_records(dev)},
                        "test": {r.id for r in read_records(output / "test.jsonl")}})
        return output / "model-best"

    block = _block(0.5, {})
    monkeypatch.setattr("training.cross_validate.train_fold", fake_train)
    monkeypatch.setattr("nlp.models.load_model", lambda path: None)
    monkeypatch.setattr("nlp.evaluation.run_model", lambda model, records: records)
    monkeypatch.setattr("nlp.evaluation.score_system", lambda gold, predicted, bootstrap=None: {
        "entities_strict": block, "relations_end_to_end": block})
    return trained


def test_extra_train_records_go_to_the_training_part_of_every_fold_only(tmp_path, no_training):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", _company_records(["A Co.", "B Co.", "C Co.", "D Co.", "E Co.", "F Co."]))
    extra = write_jsonl(tmp_path / "synthetic.jsonl", _company_records(["Made Up One", "Made Up Two"], True, "syn_"))
    result = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "3",
                                 "--corpus", str(corpus), "--extra-train", str(extra), "--dev-share", "0.3",
                                 "--output", str(tmp_path / "cv"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 6 and report["extra_train_documents"] == 2
    assert len(no_training) == 3
    for fold in no_training:
        assert {"syn_0", "syn_1"} <= fold["train"]
        assert not {"syn_0", "syn_1"} & (fold["dev"] | fold["test"])
        assert fold["dev"] and not fold["dev"] & fold["train"]
    assert sorted(i for f in report["folds"] for i in f["test_ids"]) == [f"r{i}" for i in range(6)]
    assert "2 of them synthetic" in result.stderr
    assert "2 synthetic documents" in terminal.render(cross_validation_document(report))


@pytest.mark.parametrize("extra_rows, code, message", [
    (lambda: _company_records(["Made Up One"], False, "syn_"), "E400", "syn_0 lacks meta.synthetic"),
    (lambda: _company_records(["Made Up One"], True, "r"), "E401", "r0: the corpus has a record with the same id"),
    (lambda: _company_records(["b  co."], True, "syn_"), "E402", "syn_0: its company 'b  co.' is a company of the corpus"),
])
def test_extra_train_that_is_not_synthetic_or_overlaps_the_corpus_is_refused(tmp_path, no_training, extra_rows, code, message):
    corpus = write_jsonl(tmp_path / "corpus.jsonl", _company_records(["A Co.", "B Co.", "C Co."]))
    extra = write_jsonl(tmp_path / "extra.jsonl", extra_rows())
    result = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                                 "--corpus", str(corpus), "--extra-train", str(extra)])
    assert result.exit_code == 2 and code in result.output and message in result.output, result.output
    assert no_training == []


def test_a_corpus_to_fold_with_synthetic_records_is_refused(tmp_path, no_training):
    rows = _company_records(["A Co.", "B Co."]) + _company_records(["Made Up One"], True, "syn_")
    corpus = write_jsonl(tmp_path / "corpus.jsonl", rows)
    result = runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                                 "--corpus", str(corpus)])
    assert result.exit_code == 2 and "E403" in result.output and "syn_0 is synthetic" in result.output, result.output
    assert no_training == []


def _corpus_with_splits(tmp_path):
    """Seven companies; the splits file puts two in test and one (r6) in no split."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", _company_records([f"{c} Co." for c in "ABCDEFG"]))
    assignments = {"r0": "train", "r1": "train", "r2": "dev", "r3": "train", "r4": "test", "r5": "test"}
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"assignments": assignments}), encoding="utf-8")
    return corpus, splits


def _fold(corpus, splits, tmp_path, *options):
    return runner.invoke(app, ["cross-validate", str(ROOT / "configs" / "default.cfg"), "--folds", "2",
                               "--corpus", str(corpus), "--splits", str(splits), "--dev-share", "0",
                               "--output", str(tmp_path / "cv"), "--json", *options])


def test_the_locked_test_split_is_left_out_of_the_folds_by_default(tmp_path, no_training):
    corpus, splits = _corpus_with_splits(tmp_path)
    result = _fold(corpus, splits, tmp_path)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["documents"] == 5 and report["split"] is None
    seen = set().union(*(fold["train"] | fold["dev"] | fold["test"] for fold in no_training))
    assert seen == {"r0", "r1", "r2", "r3", "r6"}  # r6 is assigned nowhere: not locked, so folded
    assert "left out the 2 exhibits of the locked test split" in result.stderr


def test_split_all_folds_every_exhibit_and_a_named_split_only_its_own(tmp_path, no_training):
    corpus, splits = _corpus_with_splits(tmp_path)
    every = _fold(corpus, splits, tmp_path, "--split", "all")
    assert json.loads(every.stdout)["documents"] == 7 and "left out" not in every.stderr
    train_only = _fold(corpus, splits, tmp_path, "--split", "train")
    assert json.loads(train_only.stdout)["documents"] == 3 and "left out: dev 1, test 2, unassigned 1" in train_only.stderr


def test_a_split_that_holds_no_exhibit_or_a_missing_splits_file_is_an_error(tmp_path, no_training):
    corpus, splits = _corpus_with_splits(tmp_path)
    result = _fold(corpus, splits, tmp_path, "--split", "validation")
    assert result.exit_code == 2 and "E320" in result.output and "its records are in: dev (1), test (2)" in result.output
    missing = _fold(corpus, tmp_path / "nowhere.json", tmp_path, "--split", "train")
    assert missing.exit_code == 2 and "E020" in missing.output and "nowhere.json" in missing.output
    assert no_training == []


def test_without_a_splits_file_every_exhibit_is_folded(tmp_path, no_training):
    corpus, _ = _corpus_with_splits(tmp_path)
    result = _fold(corpus, tmp_path / "nowhere.json", tmp_path)
    assert result.exit_code == 0 and json.loads(result.stdout)["documents"] == 7 and "left out" not in result.stderr
