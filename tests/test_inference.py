"""The shipped model over exhibits from every reader: order, meta, score filter, skips, resume."""
from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.inference import predict_batch, predict_exhibits
from nlp.models import load_model
from nlp.readers import ExhibitInput, SkippedInput, iter_inputs, list_input_files

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"


@pytest.fixture(scope="module")
def nlp():
    return load_model(None)


@pytest.fixture(scope="module")
def exhibits():
    files = list_input_files([INPUTS / "0001047469-04-035975.txt", INPUTS / "ante_ex99-1.htm",
                              INPUTS / "certifications.jsonl"])
    return [i for i in iter_inputs(files) if isinstance(i, ExhibitInput)]


@pytest.fixture(scope="module")
def records(nlp, exhibits):
    return list(predict_exhibits(nlp, exhibits, batch_size=2))


def test_one_record_per_exhibit_in_input_order_with_offsets_into_its_text(exhibits, records):
    assert [r["id"] for r in records] == [e.id for e in exhibits]
    for record, exhibit in zip(records, exhibits):
        assert record["text"] == exhibit.text
        spans = {(e["start"], e["end"]) for e in record["entities"]}
        assert all(0 <= s < e <= len(record["text"]) for s, e in spans)
        assert all(tuple(r["head"]) in spans and tuple(r["child"]) in spans for r in record["relations"])


def test_meta_travels_for_sgml_and_jsonl_inputs_only(records):
    metas = {r["id"]: r.get("meta") for r in records}
    assert metas["0001047469-04-035975_a2147337zex-32_1"]["company"] == "APPLE COMPUTER INC"
    assert metas["clp_ex32-1"] == {"company": "Colonial Properties Trust"}
    assert metas["ante_ex99-1"] is None


def test_the_html_certification_is_read(records):
    record = next(r for r in records if r["id"].endswith("zex-32_1"))
    found = {(e["label"], record["text"][e["start"]:e["end"]]) for e in record["entities"]}
    assert ("OFFICER", "Steven P. Jobs") in found


def test_min_score_drops_only_lower_relations(nlp, exhibits, records):
    # just above the lowest score the model gave, so that at least one relation must go
    scores = sorted({r["score"] for record in records for r in record["relations"]})
    assert len(scores) > 1, "the test exhibits need relations of more than one score"
    threshold = (scores[0] + scores[1]) / 2
    filtered = list(predict_exhibits(nlp, exhibits, batch_size=2, min_score=threshold))
    for before, after in zip(records, filtered):
        kept = [r for r in before["relations"] if r["score"] >= threshold]
        assert after["relations"] == kept
        assert after["entities"] == before["entities"]
    assert sum(len(r["relations"]) for r in filtered) < sum(len(r["relations"]) for r in records)


def test_batch_reports_skipped_inputs_and_goes_on(nlp):
    items = [ExhibitInput("a", "Photronics, Inc. (the \"Company\") certifies.", "a.txt"),
             SkippedInput("b.jsonl:2", "E055", "malformed JSON"),
             ExhibitInput("c", "Colonial Properties Trust (the \"Company\") certifies.", "c.txt")]
    written, reported, ticks = [], [], []
    stats = predict_batch(nlp, items, written.append, reported.append, progress=lambda: ticks.append(1))
    assert [r["id"] for r in written] == ["a", "c"] and reported == [items[1]]
    assert (stats.written, stats.skipped, stats.resumed, len(ticks)) == (2, 1, 0, 3)


def test_fail_fast_writes_what_came_before_then_raises(nlp):
    items = [ExhibitInput("a", "Photronics, Inc. certifies.", "a.txt"),
             SkippedInput("b.txt", "E050", "not utf-8 text (byte 3)"),
             ExhibitInput("c", "Colonial Properties Trust certifies.", "c.txt")]
    written = []
    with pytest.raises(InputError) as err:
        predict_batch(nlp, items, written.append, lambda s: None, fail_fast=True)
    assert err.value.code == "E050" and err.value.message == "b.txt: not utf-8 text (byte 3)"
    assert [r["id"] for r in written] == ["a"]


def test_exhibits_already_written_are_not_predicted_again(nlp):
    items = [ExhibitInput(rid, f"Exhibit {rid}: Photronics, Inc. certifies.", f"{rid}.txt") for rid in "abc"]
    written = []
    stats = predict_batch(nlp, items, written.append, lambda s: None, already_done=lambda rid: rid != "c")
    assert [r["id"] for r in written] == ["c"] and stats.resumed == 2


def test_first_version_reader_is_still_importable_from_inference():
    from nlp.inference import iter_text_inputs
    from nlp.readers import iter_text_inputs as moved

    assert iter_text_inputs is moved


def test_two_processes_give_the_same_records(nlp, exhibits, records):
    names = list(nlp.pipe_names)
    assert list(predict_exhibits(nlp, exhibits, batch_size=2, n_process=2)) == records
    assert nlp.pipe_names == names  # the step that carries relations back is gone again


def test_the_output_carries_the_textcats_kind_scores_and_the_facts_use_them():
    import spacy

    from nlp.inference import doc_to_output

    doc = spacy.blank("en")("Acme Corp. reported its results.")
    assert "kind_scores" not in doc_to_output(doc, "r")
    doc.cats = {"certification": 0.1, "offering": 0.2, "other": 0.7}
    out = doc_to_output(doc, "r")
    assert out["kind_scores"] == {"certification": 0.1, "offering": 0.2, "other": 0.7}
    assert out["record"]["kind"] == "other"
    doc.cats = {"certification": 0.8, "offering": 0.1, "other": 0.1}
    assert doc_to_output(doc, "r")["record"]["kind"] == "certification"


def test_kind_scores_reach_the_facts_of_scored_records_too():
    import spacy

    from nlp.facts import extract_facts
    from nlp.inference import doc_to_output
    from nlp.io.docs import doc_to_record
    from nlp.io.records import ExhibitRecord

    doc = spacy.blank("en")("Acme Corp. reported its results.")
    doc.cats = {"certification": 0.9, "offering": 0.05, "other": 0.05}
    # a Doc's record (evaluate) and predict's output read back (evaluate --predictions) agree
    for predicted in (doc_to_record(doc, "r"), ExhibitRecord.from_dict(doc_to_output(doc, "r"))):
        assert predicted.meta["kind_scores"]["certification"] == 0.9
        assert extract_facts(predicted.to_dict())["record"]["kind"] == "certification"
    assert extract_facts(doc_to_record(spacy.blank("en")(doc.text), "r").to_dict())["record"]["kind"] == "other"
