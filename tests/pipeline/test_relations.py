from __future__ import annotations

import spacy
from spacy.tokens import Span
from spacy.training import Example

from nlp.io.docs import record_to_doc
from nlp.io.records import Entity, ExhibitRecord, Relation
from nlp.pipeline.relations import relation_triples, score_relations


def _examples(nlp, records):
    return [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records]


def _trained(records, steps=40, **config):
    nlp = spacy.blank("en")
    rel = nlp.add_pipe("exhibit_relations", config={"doc_level_pairs": [["OFFICER", "REPORT"]], **config})
    examples = _examples(nlp, records)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(steps):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    return nlp, rel


def _with_gold_ents(nlp, record):
    doc = nlp.make_doc(record.text)
    doc.ents = [doc.char_span(e.start, e.end, e.label) for e in record.entities]
    return doc


def test_labels_and_type_pairs_come_from_the_data(seed_records):
    nlp, rel = _trained(seed_records, steps=1)
    assert set(rel.labels) == {r.label for rec in seed_records for r in rec.relations}
    assert ("OFFICER", "TITLE") in rel.allowed_pairs
    assert ("TITLE", "OFFICER") not in rel.allowed_pairs


def test_learns_the_seed_relations_from_gold_entities(seed_records):
    nlp, rel = _trained(seed_records, steps=60)
    examples = []
    for record in seed_records:
        doc = rel(_with_gold_ents(nlp, record))
        examples.append(Example(doc, record_to_doc(nlp.make_doc, record)))
    assert score_relations(examples)["rel_micro_f"] > 0.9


def test_predicted_entities_without_gold_counterpart_never_raise(seed_records):
    nlp, rel = _trained(seed_records, steps=2, train_on="predicted")
    record = seed_records[0]
    doc = nlp.make_doc(record.text)
    # entities no annotator made: a wrong span and a wrong label
    doc.ents = [Span(doc, 0, 2, label="ISSUER"), Span(doc, 10, 12, label="SECURITY")]
    example = Example(doc, record_to_doc(nlp.make_doc, record))
    optimizer = nlp.create_optimizer()
    # the pair has no gold relation: updates on it drive its loss down
    losses = [rel.update([example], sgd=optimizer)["exhibit_relations"] for _ in range(4)]
    assert losses[0] > 0.0 and losses[-1] < losses[0] / 10
    cands, scores = rel.predict([doc])
    assert cands[0].pairs == [(0, 1)] and scores.shape == (1, len(rel.labels))
    assert ((scores >= 0.0) & (scores <= 1.0)).all()
    allowed = set(rel.allowed_pairs[("ISSUER", "SECURITY")])
    assert all(scores[0, k] == 0.0 for k, label in enumerate(rel.labels) if label not in allowed)  # masked
    rel(doc)
    assert doc._.relations == {}  # learned: the wrong pair is not annotated
    loss, gradient = rel.get_loss([example], rel.model.ops.asarray2f(scores))
    assert gradient.shape == scores.shape and -1e-6 <= loss < losses[0]  # float rounding near 0


def test_doc_without_entities_gets_empty_relations(seed_records):
    nlp, rel = _trained(seed_records, steps=1)
    doc = rel(nlp.make_doc("No entities at all here."))
    assert doc._.relations == {}


def test_threshold_controls_what_is_annotated(seed_records):
    nlp, rel = _trained(seed_records, steps=30)
    doc = _with_gold_ents(nlp, seed_records[1])
    rel.cfg["threshold"] = 0.0001
    many = relation_triples(rel(doc))
    rel.cfg["threshold"] = 0.9999
    few = relation_triples(rel(_with_gold_ents(nlp, seed_records[1])))
    assert len(few) < len(many)


def test_round_trips_to_disk_with_same_predictions(tmp_path, seed_records):
    nlp, rel = _trained(seed_records, steps=20)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    for record in seed_records:
        a = relation_triples(rel(_with_gold_ents(nlp, record)))
        b = relation_triples(loaded.get_pipe("exhibit_relations")(_with_gold_ents(loaded, record)))
        assert a == b
    assert loaded.get_pipe("exhibit_relations").cfg["allowed"] == rel.cfg["allowed"]


def test_trains_on_labels_outside_the_guide():
    text = "Ann Lee works for Beta Labs. Tom Fry works for Gamma Inc. in Oslo."
    record = ExhibitRecord(
        "x", text, None,
        [Entity(0, 7, "PER"), Entity(18, 27, "ORG"), Entity(29, 36, "PER"), Entity(47, 57, "ORG")],
        [Relation((0, 7), (18, 27), "WORKS_FOR"), Relation((29, 36), (47, 57), "WORKS_FOR")],
    )
    nlp, rel = _trained([record], steps=40)
    assert rel.labels == ("WORKS_FOR",)
    doc = rel(_with_gold_ents(nlp, record))
    assert relation_triples(doc) == {((0, 7), (18, 27), "WORKS_FOR"), ((29, 36), (47, 57), "WORKS_FOR")}
