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
    filtered = list(predict_exhibits(nlp, exhibits, batch_size=2, min_score=0.9))
    for before, after in zip(records, filtered):
        kept = [r for r in before["relations"] if r["score"] >= 0.9]
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
