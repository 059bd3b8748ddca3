"""The Python API (nlp.api, the Doc extensions) and the examples of docs/python-api.md, which are run."""
from __future__ import annotations

import contextlib
import io
import re

import pytest

import nlp as exhibit
from conftest import ROOT, char_offsets
from nlp.errors import InputError
from nlp.facts import extract_facts
from nlp.io.docs import record_to_doc

DOC = ROOT / "docs" / "python-api.md"


def python_blocks(markdown: str):
    return re.findall(r"^```python\n(.*?)^```", markdown, flags=re.S | re.M)


def test_the_documented_examples_run_and_print_what_they_say(cached_model):
    blocks = python_blocks(DOC.read_text(encoding="utf-8"))
    assert len(blocks) >= 6
    namespace: dict = {}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for block in blocks:  # one namespace: later examples use the records of earlier ones
            exec(compile(block, str(DOC), "exec"), namespace)
    printed = out.getvalue()
    assert "acme-offering offering" in printed and "E057 texts item 0 (id '0'): empty text" in printed
    assert "Jane Doe OFFICER HAS_TITLE Chief Executive Officer TITLE" in printed
    assert "('certifies', 'jane doe', '10-K', '2023-12-31')" in printed
    frame = namespace["frame"]
    assert list(frame["id"]) == ["acme-offering", "acme-cert"] and frame["quantity"][0] == 1000000


def test_extract_refuses_what_is_not_a_list_of_texts(blank_nlp):
    with pytest.raises(InputError, match=r"\[E290\] texts: expected a list"):
        list(exhibit.extract("one text", blank_nlp))
    with pytest.raises(InputError, match=r"\[E291\] texts item 1: expected a text or an \(id, text\) pair"):
        list(exhibit.extract(["fine", 42], blank_nlp))
    with pytest.raises(InputError, match=r"\[E292\]"):
        list(exhibit.extract(["fine"], blank_nlp, batch_size=0))
    with pytest.raises(InputError, match=r"\[E058\] texts item 0 \(id 'a'\): 11 characters, above"):
        list(exhibit.extract([("a", "eleven char")], blank_nlp, max_chars=10))


def test_extract_streams_records_with_ids_in_order(blank_nlp):
    records = list(exhibit.extract(["First text.", ("b", "Second text.")], blank_nlp))
    assert [r["id"] for r in records] == ["0", "b"]
    assert records[1]["text"] == "Second text." and records[1]["record"]["kind"] == "other"


def test_facts_frame_rows_and_bad_records(seed_records):
    frame = exhibit.facts_frame(seed_records)
    assert list(frame["kind"]) == ["offering", "offering", "certification", "certification"]
    assert frame["quantity"].dtype.name == "Int64" and frame["officer"].iloc[3] == "Marc B. Crossman"
    with pytest.raises(InputError, match=r"\[E294\] records item 0"):
        exhibit.facts_frame(["not a record"])


def test_doc_extensions_give_relation_spans_offsets_and_facts(blank_nlp, seed_records):
    gold = seed_records[1]
    doc = record_to_doc(blank_nlp.make_doc, gold)
    spans = doc._.relation_spans
    assert len(spans) == len(gold.relations) == len(doc._.relation_offsets)
    head, label, child, score = spans[0]
    assert head in doc.ents and child in doc.ents and score == 1.0
    assert ((head.start_char, head.end_char), label, (child.start_char, child.end_char), score) == doc._.relation_offsets[0]
    assert doc._.facts["record"] == extract_facts(dict(gold.to_dict(), category=None))["record"]
    assert doc._.facts["record"]["officers"][0]["name"] == "Samuel J. Furrow, Jr."


def test_relation_spans_skip_ends_off_token_boundaries(blank_nlp):
    doc = blank_nlp("Acme Corp. sold shares.")
    start, end = char_offsets(doc.text, "Acme Corp.")
    doc._.relations = {((start, end), (16, 22)): {"OFFERS": 0.9}, ((start, end), (17, 20)): {"OFFERS": 0.8}}
    [(head, label, child, score)] = doc._.relation_spans  # "har" of "shares" is no Span
    assert (head.text, label, child.text, score) == ("Acme Corp.", "OFFERS", "shares", 0.9)
