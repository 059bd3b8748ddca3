from __future__ import annotations

import spacy
from spacy.tokens import Span

from nlp.pipeline.mentions import issuer_seeds, short_forms

TEXT = (
    "Aben Minerals Closes Placement\n\n"
    "Vancouver — Aben Minerals Ltd. (TSX-V: ABM) (“Aben” or “the Company”) closed a placement. "
    "Aben issued units, said Riley Trimble, CEO. Mr. Trimble thanked investors.\n\n"
    "About Aben Minerals: visit www.abenminerals.com."
)


def _nlp():
    nlp = spacy.blank("en")
    nlp.add_pipe("exhibit_mentions")
    return nlp


def _ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


def test_short_forms():
    assert short_forms("ISSUER", "Aben Minerals Ltd.") == {"Aben Minerals Ltd.", "Aben Minerals"}
    assert short_forms("ISSUER", "Sera Prognostics, Inc.") == {"Sera Prognostics, Inc.", "Sera Prognostics"}
    assert short_forms("OFFICER", "Samuel J. Furrow, Jr.") == {"Samuel J. Furrow, Jr.", "Furrow"}


def test_repeats_of_found_names_become_mentions_but_not_inside_urls():
    nlp = _nlp()
    doc = nlp.make_doc(TEXT)
    start = TEXT.index("Aben Minerals Ltd.")
    officer = TEXT.index("Riley Trimble")
    doc.ents = [doc.char_span(start, start + 18, "ISSUER"), doc.char_span(officer, officer + 13, "OFFICER")]
    doc = nlp.get_pipe("exhibit_mentions")(doc)
    found = _ents(doc)
    assert found.count(("Aben Minerals", "ISSUER")) == 2  # headline and About section
    assert ("Trimble", "OFFICER") in found
    assert not any("abenminerals" in text for text, _ in found)


def test_issuer_seeds_when_the_recognizer_found_no_issuer():
    nlp = _nlp()
    doc = nlp(TEXT)  # no recognizer: no entities before the component
    seeds = [s.text for s in issuer_seeds(nlp.make_doc(TEXT))]
    assert seeds == ["Aben Minerals Ltd.", "Aben"]
    found = _ents(doc)
    assert ("Aben Minerals Ltd.", "ISSUER") in found and found.count(("Aben", "ISSUER")) == 2


def test_no_seeds_once_an_issuer_was_found():
    nlp = _nlp()
    doc = nlp.make_doc(TEXT)
    doc.ents = [Span(doc, 0, 1, "ISSUER")]  # "Aben" in the headline
    doc = nlp.get_pipe("exhibit_mentions")(doc)
    assert ("Aben Minerals Ltd.", "ISSUER") not in _ents(doc)
    assert len([e for e in doc.ents if e.text == "Aben"]) == TEXT.count("Aben")


def test_an_issuer_first_word_used_alone_is_a_short_form():
    from nlp.names import leading_word_forms

    text = ("Firefly Aerospace Inc. priced its offering. Firefly will list its shares. "
            "Firefly builds rockets. First Capital Corp. advised; it was the first deal.")
    forms = {"Firefly Aerospace": "ISSUER", "First Capital": "ISSUER", "Jane Doe": "OFFICER"}
    assert leading_word_forms(forms, text) == {"Firefly"}   # "first" is an ordinary word here


def test_a_surname_counts_alone_but_not_inside_another_name():
    nlp = _nlp()
    text = "Brian Hill sells shares. Hill said so. The Hill Entities and the Hill family hold shares."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 10, "OFFICER")]
    doc = nlp.get_pipe("exhibit_mentions")(doc)
    assert [(e.start_char, e.text) for e in doc.ents] == [(0, "Brian Hill"), (text.index("Hill said"), "Hill")]
