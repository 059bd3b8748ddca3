from __future__ import annotations

import spacy
from spacy.training import Example

from nlp.io.docs import record_to_doc
from nlp.io.records import Entity, ExhibitRecord

TEMPLATE = (
    "{name} Announces Closing of Private Placement\n\n"
    "TORONTO — {name} Inc. ({exchange}: {tick}) announced today that it closed a placement. "
    "Shares were placed by {agent} as agent. {name} will use the proceeds for drilling.\n\n"
    "About {name}\n\n{name} is an exploration company."
)
COMPANIES = [("Aben Gold", "TSX-V", "ABN", "Haywood Securities"), ("Brixa Mining", "CSE", "BRX", "Research Capital"),
             ("Corvo Energy", "TSX", "CRV", "Canaccord Genuity"), ("Delmar Metals", "NASDAQ", "DLM", "Roth Capital"),
             ("Eskay Lithium", "TSX-V", "ESK", "Eight Capital"), ("Fenwick Copper", "CSE", "FNW", "PI Financial")]


def _record(name, exchange, tick, agent):
    text = TEMPLATE.format(name=name, exchange=exchange, tick=tick, agent=agent)
    entities, start = [], 0
    while True:
        start = text.find(name, start)
        if start < 0:
            break
        end = start + len(name) + (5 if text.startswith(" Inc.", start + len(name)) else 0)
        entities.append(Entity(start, end, "ISSUER"))
        start = end
    return ExhibitRecord(tick, text, "offering", entities, [])


def _fitted():
    nlp = spacy.blank("en")
    resolver = nlp.add_pipe("exhibit_issuers")
    records = [_record(*c) for c in COMPANIES[:5]]
    examples = [Example(nlp.make_doc(r.text), record_to_doc(nlp.make_doc, r)) for r in records]
    nlp.initialize(lambda: examples)
    return nlp, resolver


def test_fits_a_scorer_and_labels_every_mention_of_the_issuer():
    nlp, resolver = _fitted()
    assert len(resolver.cfg["weights"]) > 0
    unseen = _record(*COMPANIES[5])
    doc = nlp(unseen.text)
    found = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "ISSUER"}
    assert found == {(e.start, e.end) for e in unseen.entities}
    assert not any("Financial" in e.text for e in doc.ents)  # the agent is not the issuer


def test_unfitted_resolver_changes_nothing():
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_issuers")
    assert list(nlp(_record(*COMPANIES[0]).text).ents) == []


def test_weights_survive_to_disk(tmp_path):
    nlp, resolver = _fitted()
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    import pytest

    cfg = loaded.get_pipe("exhibit_issuers").cfg
    assert cfg["weights"] == pytest.approx(resolver.cfg["weights"], rel=1e-6)
    assert cfg["bias"] == pytest.approx(resolver.cfg["bias"], rel=1e-6)
