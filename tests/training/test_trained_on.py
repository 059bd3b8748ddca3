"""Training records the exhibits it trained on in the model's meta.json (nlp.provenance), so that
scoring on them later warns. spaCy's loop is replaced: nothing is trained."""
from __future__ import annotations

import json

import spacy
import spacy.training.loop

from conftest import ROOT, small_record, write_jsonl
from training import train as train_module


def test_train_pipeline_writes_the_trained_on_ids_into_meta(tmp_path, monkeypatch):
    rows = [dict(small_record(), id=f"r{k}") for k in range(3)]
    train = write_jsonl(tmp_path / "train.jsonl", rows[:2])
    dev = write_jsonl(tmp_path / "dev.jsonl", rows[2:])
    monkeypatch.setattr(train_module, "init_pipeline", lambda config, path, gpu_id=-1: spacy.blank("en"))
    monkeypatch.setattr(spacy.training.loop, "train",
                        lambda nlp, output, **kwargs: nlp.to_disk(output / "model-last"))
    train_module.train_pipeline(ROOT / "configs" / "default.cfg", tmp_path / "out",
                                train_module.file_overrides(train, dev))
    meta = json.loads((tmp_path / "out" / "model-last" / "meta.json").read_text())
    trained_on = meta["exhibit_nlp"]["trained_on"]
    assert trained_on["ids"] == ["r0", "r1"] and trained_on["count"] == 2
    assert len(trained_on["text_sha256"]) == 1  # the two records share one text


def test_records_a_step_is_refitted_on_join_the_manifest_and_a_model_without_one_stays_unknown():
    from nlp.io.records import ExhibitRecord
    from nlp.provenance import add_trained_on, record_trained_on

    text = small_record()["text"]
    first, second = (ExhibitRecord.from_dict(dict(small_record(), id=i, text=t))
                     for i, t in (("r0", text), ("r1", text + " It closed.")))
    meta = {}
    add_trained_on(meta, [first])
    assert meta == {}  # what it was trained on is unknown and stays unknown
    record_trained_on(meta, [first])
    add_trained_on(meta, [first, second])
    assert meta["exhibit_nlp"]["trained_on"]["ids"] == ["r0", "r1"] and meta["exhibit_nlp"]["trained_on"]["count"] == 2
    assert len(meta["exhibit_nlp"]["trained_on"]["text_sha256"]) == 2
