"""Every format gives back the guide records exactly, and says what it could not hold."""
from __future__ import annotations

import json

import pytest

from nlp.errors import InputError
from nlp.formats import ConversionReport, FormatOptions, get_format
from nlp.io.records import Entity, ExhibitRecord, Relation

from format_samples import MISALIGNED_ID, corpus_by_id, sample_records


@pytest.fixture(name="sample_records")
def sample_records_fixture():
    return sample_records()

LOSSLESS = [
    ("jsonl", "out.jsonl"),
    ("prodigy", "out.jsonl"),
    ("label-studio", "out.json"),
    ("doccano", "out.jsonl"),
    ("docbin", "out.spacy"),
    ("hf", "out.parquet"),
    ("hf", "dataset"),   # a save_to_disk folder
]


def round_trip(records, fmt, path, options=None):
    options = options or FormatOptions()
    report = ConversionReport()
    get_format(fmt).write(records, path, options, report)
    back = get_format(fmt).read(path, options, report)
    return back, report.warnings


@pytest.mark.parametrize("fmt,name", LOSSLESS)
def test_round_trip_is_exact(fmt, name, sample_records, tmp_path):
    back, warnings = round_trip(sample_records, fmt, tmp_path / name)
    assert warnings == []
    assert [r.to_dict() for r in back] == [r.to_dict() for r in sample_records]


def test_docbin_warns_about_a_span_off_token_boundaries(tmp_path):
    record = corpus_by_id()[MISALIGNED_ID]
    back, warnings = round_trip([record], "docbin", tmp_path / "x.spacy")
    assert any(w.startswith(f"{MISALIGNED_ID}: docbin: entity widened") and "'Atcois'" in w for w in warnings)
    assert len(back[0].entities) == len(record.entities)


def test_prodigy_tasks_have_tokens_and_relations_by_last_token(seed_records, tmp_path):
    path = tmp_path / "tasks.jsonl"
    get_format("prodigy").write(seed_records[:1], path, FormatOptions(), ConversionReport())
    task = json.loads(path.read_text().splitlines()[0])
    assert task["exhibit_id"] == seed_records[0].id and task["meta"] == seed_records[0].meta
    tokens = task["tokens"]
    assert all(task["text"][t["start"]:t["end"]] == t["text"] for t in tokens)
    for span in task["spans"]:
        assert tokens[span["token_start"]]["start"] == span["start"]
        assert tokens[span["token_end"]]["end"] == span["end"]
    rel = task["relations"][0]
    assert rel["head"] == rel["head_span"]["token_end"] and rel["child"] == rel["child_span"]["token_end"]


def _prodigy_task(**changes):
    text = "Acme Corp. sold Common Stock."
    task = {
        "text": text,
        "spans": [{"start": 0, "end": 10, "token_start": 0, "token_end": 1, "label": "ISSUER"},
                  {"start": 16, "end": 28, "token_start": 3, "token_end": 4, "label": "SECURITY"}],
        "relations": [{"head": 1, "child": 4, "label": "OFFERS"}],  # no head_span: found by token
        "answer": "accept",
    }
    task.update(changes)
    return task


def test_prodigy_reads_relations_by_token_and_skips_rejected_tasks(tmp_path):
    path = tmp_path / "db-out.jsonl"
    path.write_text(json.dumps(_prodigy_task()) + "\n" + json.dumps(_prodigy_task(answer="reject")) + "\n")
    report = ConversionReport()
    records = get_format("prodigy").read(path, FormatOptions(), report)
    assert [r.id for r in records] == ["db-out-1"]
    assert records[0].relations == [Relation((0, 10), (16, 28), "OFFERS")]
    assert report.warnings == ["db-out-2: prodigy: task answered 'reject' (%s:2); skipped" % path]


def test_prodigy_span_out_of_range_names_the_line(tmp_path):
    task = _prodigy_task()
    task["spans"][1]["end"] = 99
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(task) + "\n")
    with pytest.raises(InputError, match=r"bad.jsonl:1: span 1: span \[16, 99\] is out of range"):
        get_format("prodigy").read(path, FormatOptions(), ConversionReport())


def test_label_studio_predictions_carry_a_score_and_read_back(seed_records, tmp_path):
    record = ExhibitRecord(seed_records[0].id, seed_records[0].text, None, seed_records[0].entities,
                           seed_records[0].relations, {"uncertainty": 0.25})
    options = FormatOptions(as_predictions=True, model_version="m1")
    back, warnings = round_trip([record], "label-studio", tmp_path / "pre.json", options)
    task = json.loads((tmp_path / "pre.json").read_text())[0]
    assert "annotations" not in task
    assert task["predictions"][0]["score"] == 0.75 and task["predictions"][0]["model_version"] == "m1"
    assert back[0].to_dict() == record.to_dict() and warnings == []


def test_label_studio_export_with_left_relation_and_two_annotations(tmp_path):
    text = "Acme Corp. sold Common Stock."
    region = lambda rid, s, e, label: {"id": rid, "from_name": "label", "to_name": "text", "type": "labels",  # noqa: E731
                                       "value": {"start": s, "end": e, "text": text[s:e], "labels": [label]}}
    result = [region("a", 0, 10, "ISSUER"), region("b", 16, 28, "SECURITY"),
              {"from_id": "b", "to_id": "a", "type": "relation", "direction": "left", "labels": ["OFFERS"]},
              {"from_name": "sentiment", "to_name": "text", "type": "choices", "value": {"choices": ["x"]}}]
    export = [{"id": 7, "data": {"text": text}, "annotations": [{"result": result}, {"result": []}]}]
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export))
    report = ConversionReport()
    (record,) = get_format("label-studio").read(path, FormatOptions(), report)
    assert record.id == "7"
    assert record.entities == [Entity(0, 10, "ISSUER"), Entity(16, 28, "SECURITY")]
    assert record.relations == [Relation((0, 10), (16, 28), "OFFERS")]
    assert len(report.warnings) == 2
    assert "2 annotations" in report.warnings[0] and "type 'choices'" in report.warnings[1]


def test_doccano_reads_sequence_labeling_and_keeps_extra_columns_in_meta(tmp_path):
    rows = [{"id": 3, "text": "Acme Corp. sold Common Stock.", "label": [[0, 10, "ISSUER"]], "source": "wire",
             "Comments": []},
            {"text": "Acme Corp.", "entities": [{"id": 1, "label": "ISSUER", "start_offset": 0, "end_offset": 10}],
             "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "OFFERS"}]}]
    path = tmp_path / "doccano.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    report = ConversionReport()
    first, second = get_format("doccano").read(path, FormatOptions(), report)
    assert first.id == "3" and first.entities == [Entity(0, 10, "ISSUER")] and first.meta == {"source": "wire"}
    assert second.id == "doccano-2" and second.relations == []
    assert report.warnings == [f"doccano-2: doccano: relation OFFERS ({path}:2: relation 0) names an entity id "
                               "that is not in the record; not kept"]


def test_hf_reads_a_folder_of_split_parquet_files(sample_records, tmp_path):
    from nlp.io.hf import save_parquet

    save_parquet({"train": sample_records[:3], "dev": sample_records[3:]}, tmp_path / "splits")
    report = ConversionReport()
    back = get_format("hf").read(tmp_path / "splits", FormatOptions(), report)
    assert {r.id for r in back} == {r.id for r in sample_records}
    assert report.warnings == [f"{tmp_path / 'splits'}: splits dev, train are read one after the other; "
                               "the split names are not kept"]


def test_hf_parquet_of_other_columns_is_an_input_error(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"tokens": [["a"]], "ner_tags": [[0]]}), tmp_path / "conll.parquet")
    with pytest.raises(InputError, match="not a dataset of guide records"):
        get_format("hf").read(tmp_path / "conll.parquet", FormatOptions(), ConversionReport())


def test_not_a_docbin_is_an_input_error(tmp_path):
    path = tmp_path / "x.spacy"
    path.write_text("hello")
    with pytest.raises(InputError, match="not a spaCy DocBin"):
        get_format("docbin").read(path, FormatOptions(), ConversionReport())
