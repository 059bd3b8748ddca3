"""The shipped synthetic exhibits are training-only records apart from the real corpus."""
from __future__ import annotations

import json

from conftest import ROOT
from nlp.io.records import ExhibitRecord, read_records
from training.split import company_key
from training.synthetic import extra_training_records, is_synthetic

SYNTHETIC = ROOT / "corpus" / "synthetic" / "exhibits.jsonl"
CORPUS = ROOT / "corpus" / "exhibits.jsonl"
NAME_LABELS = {"ISSUER", "OFFICER", "AGENT"}


def test_only_a_literal_true_marks_a_record_synthetic():
    assert is_synthetic(ExhibitRecord("a", "t", meta={"synthetic": True}))
    assert not is_synthetic(ExhibitRecord("a", "t", meta={"synthetic": "yes"}))
    assert not is_synthetic(ExhibitRecord("a", "t"))


def test_shipped_synthetic_exhibits_are_marked_and_apart_from_the_corpus():
    corpus = read_records(CORPUS)
    synthetic = extra_training_records(SYNTHETIC, corpus)  # raises E400/E401/E402 otherwise
    assert len(synthetic) >= 40 and all(r.id.startswith("syn_") for r in synthetic)
    assert {r.category for r in synthetic} == {"offering", "certification"}
    assert not {company_key(r) for r in synthetic} & {company_key(r) for r in corpus}


def test_no_name_of_the_real_corpus_is_reused():
    def names(path):
        out = set()
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for entity in record["entities"]:
                if entity["label"] in NAME_LABELS:
                    out.add(" ".join(record["text"][entity["start"]:entity["end"]].lower().split()))
        return out

    # whole names only: a one-word defined term ("the Trust") is generic, not a name
    assert not {n for n in names(SYNTHETIC) & names(CORPUS) if " " in n}
