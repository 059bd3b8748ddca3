"""Structure features of candidate pairs: regions, ranks in a block, nearest before."""
from __future__ import annotations

import numpy
import spacy

from nlp.ml.candidates import find_candidates, n_pair_features, pair_features
from nlp.ml.structure_features import N_STRUCTURE_FEATURES, structure_pair_features
from nlp.structure import REGION_LABELS

BLOCK = "The report is filed today by the Company.\n\nJane Roe\nJohn Doe\nChief Executive Officer\nChief Financial Officer"
ALLOWED = {("OFFICER", "TITLE"): ["HAS_TITLE"]}


def _doc(text, spans):
    doc = spacy.blank("en")(text)
    doc.ents = [doc.char_span(text.index(t), text.index(t) + len(t), label) for t, label in spans]
    return doc


def _columns(name):
    n = len(REGION_LABELS)
    return {"same_region": 2 * n, "same_rank": 2 * n + 1, "head_first": 2 * n + 2, "child_first": 2 * n + 3,
            "head_nearest_before_child": 2 * n + 4, "child_nearest_before_head": 2 * n + 5}[name]


def test_the_nth_name_and_the_nth_title_of_a_block_share_their_rank():
    doc = _doc(BLOCK, [("Jane Roe", "OFFICER"), ("John Doe", "OFFICER"),
                       ("Chief Executive Officer", "TITLE"), ("Chief Financial Officer", "TITLE")])
    cands = find_candidates(doc, list(doc.ents), ALLOWED, max_distance=150)
    features = structure_pair_features(doc, cands)
    same_rank = {(cands.spans[i].text, cands.spans[j].text): features[row, _columns("same_rank")]
                 for row, (i, j) in enumerate(cands.pairs)}
    assert same_rank[("Jane Roe", "Chief Executive Officer")] == 1
    assert same_rank[("John Doe", "Chief Financial Officer")] == 1
    assert same_rank[("Jane Roe", "Chief Financial Officer")] == 0
    first = {cands.spans[i].text: features[row, _columns("head_first")] for row, (i, _) in enumerate(cands.pairs)}
    assert first == {"Jane Roe": 1, "John Doe": 0}


def test_the_nearest_security_before_a_price_is_marked():
    text = "The Company sold Common Stock and Warrants at a price of $2.00 per share."
    doc = _doc(text, [("Common Stock", "SECURITY"), ("Warrants", "SECURITY"), ("$2.00", "PRICE")])
    cands = find_candidates(doc, list(doc.ents), {("PRICE", "SECURITY"): ["PRICE_OF"]}, max_distance=150)
    features = structure_pair_features(doc, cands)
    nearest = {cands.spans[j].text: features[row, _columns("child_nearest_before_head")]
               for row, (_, j) in enumerate(cands.pairs)}
    assert nearest == {"Common Stock": 0, "Warrants": 1}


def test_regions_come_from_doc_spans_when_the_structure_component_ran():
    text = "I, Jane Roe, certify that the report complies with the Act."
    doc = _doc(text, [("Jane Roe", "OFFICER"), ("report", "REPORT")])
    doc.spans["exhibit_structure"] = [doc.char_span(0, len(text), "QUOTE")]  # deliberately not the text's own
    cands = find_candidates(doc, list(doc.ents), {("OFFICER", "REPORT"): ["CERTIFIES"]}, max_distance=150)
    features = structure_pair_features(doc, cands)
    quote = REGION_LABELS.index("QUOTE")
    assert features[0, quote] == 1 and features[0, len(REGION_LABELS) + quote] == 1
    assert features[0, _columns("same_region")] == 1


def test_structure_features_follow_the_base_features_only_when_asked():
    doc = _doc(BLOCK, [("Jane Roe", "OFFICER"), ("Chief Executive Officer", "TITLE")])
    cands = find_candidates(doc, list(doc.ents), ALLOWED, max_distance=150)
    labels = ["OFFICER", "TITLE"]
    base = pair_features(doc, cands, labels)
    both = pair_features(doc, cands, labels, structure=True)
    assert base.shape[1] == n_pair_features(labels)
    assert both.shape[1] == n_pair_features(labels, structure=True) == base.shape[1] + N_STRUCTURE_FEATURES
    assert numpy.array_equal(both[:, :base.shape[1]], base)
