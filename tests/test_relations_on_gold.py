"""Relations on gold entities: the gold spans are put on a Doc before the relation steps run."""
from __future__ import annotations

import spacy

from nlp.evaluation import predict_relations_on_gold
from nlp.io.records import Entity, ExhibitRecord


def test_two_gold_entities_inside_one_token_keep_one_and_do_not_crash():
    # "AcmeShares" is one token; the two gold entities both expand to it
    text = "AcmeShares were sold."
    record = ExhibitRecord("x", text, "offering", [Entity(0, 4, "ISSUER"), Entity(4, 10, "SECURITY")])
    [out] = predict_relations_on_gold(spacy.blank("en"), [record])
    assert len(out.entities) == 1 and (out.entities[0].start, out.entities[0].end) == (0, 10)


def test_the_entity_rules_leave_the_gold_entities_as_they_are():
    # the officer_titles step would add "CEO" after the officer; on gold entities it must not run
    text = "Ada Quill, CEO, spoke."
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_entity_rules", config={"steps": ["officer_titles"]})
    record = ExhibitRecord("x", text, "other", [Entity(0, 9, "OFFICER")])
    [out] = predict_relations_on_gold(nlp, [record])
    assert [(e.start, e.end, e.label) for e in out.entities] == [(0, 9, "OFFICER")]
    # the same step on a doc holding the officer does add the title
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 9, "OFFICER")]
    assert [e.text for e in nlp.get_pipe("exhibit_entity_rules")(doc).ents] == ["Ada Quill", "CEO"]
