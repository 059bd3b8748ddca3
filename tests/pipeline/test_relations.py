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


def _shared_tok2vec_pipeline():
    """tok2vec shared by the ner and the relation model, the relation model its last listener."""
    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec", config={"model": {
        "@architectures": "spacy.HashEmbedCNN.v2", "width": 32, "depth": 1, "embed_size": 500,
        "window_size": 1, "maxout_pieces": 2, "subword_features": True, "pretrained_vectors": None,
    }})
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 32, "upstream": "tok2vec"}
    nlp.add_pipe("ner", config={"model": {
        "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
        "hidden_width": 16, "maxout_pieces": 2, "use_upper": True, "nO": None, "tok2vec": listener,
    }})
    nlp.add_pipe("exhibit_relations", config={"model": {
        "@architectures": "exhibit.RelationModel.v1", "hidden_width": 16, "dropout": 0.0, "nO": None,
        "tok2vec": listener,
    }})
    return nlp


def test_a_batch_without_candidate_pairs_still_hands_the_shared_tok2vec_its_gradient():
    # one entity only: the relation model has no pair to score in this batch
    text = "Acme Corp. announced a public offering today."
    record = ExhibitRecord("x", text, None, [Entity(0, 10, "ISSUER")], [])
    paired_text = "Acme Corp. sold 100 shares."
    paired = ExhibitRecord(
        "y", paired_text, None, [Entity(0, 10, "ISSUER"), Entity(16, 19, "QUANTITY")],
        [Relation((0, 10), (16, 19), "OFFERS")],
    )
    nlp = _shared_tok2vec_pipeline()
    optimizer = nlp.initialize(lambda: _examples(nlp, [record, paired]))
    assert nlp.get_pipe("tok2vec").listeners[-1] is nlp.get_pipe("exhibit_relations").model.get_ref("tok2vec")
    embedding = nlp.get_pipe("tok2vec").model
    before = [p.copy() for p in _params(embedding)]
    # the ner's output layer starts at zero, so its first gradient to the tok2vec is zero too
    for _ in range(3):
        nlp.update(_examples(nlp, [record]), sgd=optimizer, drop=0.0)
    after = _params(embedding)
    # the ner's gradient reached the shared tok2vec: its weights moved
    assert any(not (b == a).all() for b, a in zip(before, after))


def _params(model):
    return [node.get_param(name) for node in model.walk() for name in node.param_names if node.has_param(name)]


def test_learns_how_many_partners_a_span_takes_and_decodes_by_it(seed_records):
    nlp, rel = _trained(seed_records, steps=1)
    # the seeds hold enough HAS_TITLE pairs, none repeating a name, and too few of the others;
    # an officer holds several titles, a title one officer
    assert rel.cfg["pair_limits"] == {"one_per_name": {"head": ["HAS_TITLE"], "child": ["HAS_TITLE"]},
                                      "one_partner": {"head": [], "child": ["HAS_TITLE"]}}
    rel.cfg["pair_limits"] = {"one_per_name": {"head": ["OFFICER_OF"], "child": []}}
    # the certification names its company several times in each certifying sentence
    record = next(r for r in seed_records if r.category == "certification")
    rel.cfg["threshold"] = 0.0  # every allowed pair passes: the constraint alone decides
    doc = rel(_with_gold_ents(nlp, record))
    chosen = {}
    for head, child, label in relation_triples(doc):
        if label == "OFFICER_OF":
            name = "".join(ch for ch in doc.text[child[0]:child[1]].lower() if ch.isalnum())
            assert (head, name) not in chosen
            chosen[head, name] = child
    assert chosen
