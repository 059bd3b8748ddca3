from __future__ import annotations

import spacy

from nlp.ml.candidates import find_candidates, is_definition

TEXT = "Aritzia Inc. (“Aritzia” or the “Company”) announced an offering of Subordinate Voting Shares."
ALLOWED = {("ISSUER", "SECURITY"): ["OFFERS"]}


def _doc():
    doc = spacy.blank("en")(TEXT)
    spans = [("Aritzia Inc.", "ISSUER"), ("Aritzia”", "ISSUER"), ("Subordinate Voting Shares", "SECURITY")]
    ents = []
    for text, label in spans:
        text = text.rstrip("”")
        start = TEXT.index(text, 1 if label == "ISSUER" and text == "Aritzia" else 0)
        ents.append(doc.char_span(start, start + len(text), label))
    doc.ents = ents
    return doc


def test_a_parenthesised_definition_is_recognized():
    assert is_definition(TEXT, TEXT.index("Aritzia”"))
    assert is_definition("X Corp. (the “Trust”)", len("X Corp. (the “"))
    assert not is_definition(TEXT, 0)
    assert not is_definition("shares of “Acme”", len("shares of “"))


def test_a_defined_short_name_takes_part_in_no_candidate_pair():
    doc = _doc()
    cands = find_candidates(doc, list(doc.ents), ALLOWED, max_distance=150)
    heads = {cands.spans[i].text for i, _ in cands.pairs}
    assert heads == {"Aritzia Inc."}
