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
