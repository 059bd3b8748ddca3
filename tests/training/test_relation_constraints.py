"""Learning the relation pair limits into a model trained before they existed."""
from __future__ import annotations

import pytest
import spacy
import srsly

from nlp.errors import InputError, ModelError
from nlp.io.records import Entity, ExhibitRecord, Relation, write_records
from nlp.ml.pair_limits import MIN_GROUPS
from nlp.provenance import record_trained_on
from training.relation_constraints import learn_into_model

# invented: an officer of a company named twice in one sentence, linked to the first mention
TEXT = "Ada Quill, CEO of Orvane Inc., said Orvane Inc. grew."


def _records(n):
    return [ExhibitRecord(f"x{k}", TEXT, "other",
                          [Entity(0, 9, "OFFICER"), Entity(18, 29, "ISSUER"), Entity(36, 47, "ISSUER")],
                          [Relation((0, 9), (18, 29), "OFFICER_OF")]) for k in range(n)]


def _model(path, records, with_relations=True):
    """A saved pipeline whose relation cfg predates the constraint, trained (by its meta) on records."""
    nlp = spacy.blank("en")
    if with_relations:
        nlp.add_pipe("exhibit_relations")
        nlp.initialize()
    record_trained_on(nlp.meta, records)
    nlp.to_disk(path)
    if with_relations:
        cfg = srsly.read_json(path / "exhibit_relations" / "cfg")
        del cfg["pair_limits"]
        srsly.write_json(path / "exhibit_relations" / "cfg", cfg)
    return path


def test_learns_the_constraint_from_the_exhibits_the_model_was_trained_on(tmp_path):
    records = _records(MIN_GROUPS)
    corpus = tmp_path / "corpus.jsonl"
    # the corpus holds one more exhibit, not trained on, that would break the constraint
    other = ExhibitRecord("y", TEXT, "other", records[0].entities,
                          [Relation((0, 9), (18, 29), "OFFICER_OF"), Relation((0, 9), (36, 47), "OFFICER_OF")])
    write_records(records + [other], corpus)
    model = _model(tmp_path / "model", records)
    learned = learn_into_model(model, corpus)
    assert learned["one_per_name"] == {"head": ["OFFICER_OF"], "child": ["OFFICER_OF"]}
    assert spacy.load(model).get_pipe("exhibit_relations").cfg["pair_limits"] == learned


def test_a_corpus_without_the_training_exhibits_is_refused(tmp_path):
    records = _records(MIN_GROUPS)
    corpus = tmp_path / "corpus.jsonl"
    write_records(records[:-1], corpus)
    with pytest.raises(InputError, match="E392.*lacks 1 of the 10"):
        learn_into_model(_model(tmp_path / "model", records), corpus)


def test_a_model_without_a_relation_extractor_is_refused(tmp_path):
    records = _records(1)
    corpus = tmp_path / "corpus.jsonl"
    write_records(records, corpus)
    with pytest.raises(ModelError, match="E390"):
        learn_into_model(_model(tmp_path / "model", records, with_relations=False), corpus)
