"""`exhibit convert`, and a corpus in another label set taken from CoNLL to a scored model
through the command line alone."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from nlp.cli import app
from nlp.io.records import read_records
from conftest import TINY

runner = CliRunner()
CONLL = ROOT / "tests" / "data" / "conll" / "business_news.iob1.conll"
FOREIGN_LABELS = {"PER", "ORG", "LOC", "MISC"}


def test_convert_round_trip_through_label_studio(seeds_path, tmp_path):
    result = runner.invoke(app, ["convert", str(seeds_path), str(tmp_path / "tasks.json")])
    assert result.exit_code == 0, result.output
    assert "converted 2 records from jsonl to label-studio" in result.output and "(0 warnings)" in result.output
    result = runner.invoke(app, ["convert", str(tmp_path / "tasks.json"), str(tmp_path / "back.jsonl")])
    assert result.exit_code == 0, result.output
    back, seeds = read_records(tmp_path / "back.jsonl"), read_records(seeds_path)
    assert [r.to_dict() for r in back] == [r.to_dict() for r in seeds]


def test_convert_to_conll_warns_per_record_and_strict_exits_1(seeds_path, tmp_path):
    result = runner.invoke(app, ["convert", str(seeds_path), str(tmp_path / "s.conll"), "--scheme", "biluo", "--strict"])
    assert result.exit_code == 1
    assert "warning: seed_innovo_ex99_20031202: conll cannot hold id, category, meta (5 keys), 9 relations" in result.output
    assert "U-" in (tmp_path / "s.conll").read_text() or "L-" in (tmp_path / "s.conll").read_text()


def test_convert_errors_are_one_line(tmp_path, seeds_path):
    result = runner.invoke(app, ["convert", str(seeds_path), str(tmp_path / "out.txt")])
    assert result.exit_code == 2
    assert "error: [E131]" in result.output and "give --to" in result.output and "Traceback" not in result.output
    bad = tmp_path / "bad.conll"
    bad.write_text("Acme I-ORG\nsold X-\n")
    result = runner.invoke(app, ["convert", str(bad), str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "bad.conll:2: tag 'X-'" in result.output


@pytest.fixture(scope="module")
def foreign(tmp_path_factory):
    """The CoNLL fixture converted to guide JSONL and a tiny model trained on it."""
    folder = tmp_path_factory.mktemp("foreign")
    data = folder / "news.jsonl"
    result = runner.invoke(app, ["convert", str(CONLL), str(data)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["train", str(ROOT / "configs" / "default.cfg"), "--train", str(data),
                                 "--dev", str(data), "--any-labels", "--output", str(folder / "out"), *TINY])
    assert result.exit_code == 0, result.output
    return data, folder / "out" / "model-best"


def test_foreign_corpus_validates_with_labels_from_data_or_a_schema_file(foreign, tmp_path):
    data, _ = foreign
    rows = [json.loads(line) for line in data.read_text().splitlines()]
    assert len(rows) == 4 and {e["label"] for r in rows for e in r["entities"]} == FOREIGN_LABELS
    assert runner.invoke(app, ["validate", str(data), "--schema", "data"]).exit_code == 0
    schema = tmp_path / "schema.json"
    schema.write_text(json.dumps({"entity_labels": sorted(FOREIGN_LABELS), "relations": {}}))
    assert runner.invoke(app, ["validate", str(data), "--schema", str(schema)]).exit_code == 0
    schema.write_text(json.dumps({"entity_labels": ["PER", "ORG", "LOC"]}))
    result = runner.invoke(app, ["validate", str(data), "--schema", str(schema)])
    assert result.exit_code == 1 and "unknown label 'MISC'" in result.output
    result = runner.invoke(app, ["validate", str(data)])  # the guide's labels
    assert result.exit_code == 1 and "unknown label 'PER'" in result.output


def test_foreign_model_is_scored_by_evaluate(foreign):
    data, model = foreign
    result = runner.invoke(app, ["evaluate", str(data), "--model", str(model), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout[result.stdout.index("{"):])
    assert scores["documents"] == 4
    assert set(scores["entities_strict"]["per_label"]) >= FOREIGN_LABELS  # every gold label counted


def test_foreign_model_invents_no_guide_entities_or_relations(foreign):
    """A foreign label set leaves the guide's components out of the pipeline it trains
    (training.label_sets): the model is the recognizer alone, so no rule step can seed ISSUER
    from "(NASDAQ: INNO - News)" and no relation is predicted."""
    import spacy

    _, model = foreign
    nlp = spacy.load(model)
    assert nlp.pipe_names == ["tok2vec", "ner"]
    text = (ROOT / "corpus" / "examples" / "seed_innovo_ex99_20031202.txt").read_text(encoding="utf-8")
    doc = nlp(text)
    assert {e.label_ for e in doc.ents} <= FOREIGN_LABELS
    assert not doc._.relations
