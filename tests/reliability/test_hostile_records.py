"""Hostile records and formats: one crafted line, value or file is refused with its own code,
naming file and line (or record), and never ends a command with a traceback (exit 70).

Every command skips the hostile line with its code and keeps the good ones (predict, validate,
stats, records, convert, evaluate; the record commands then exit 1); with --fail-fast the record
commands stop at it (exit 2). split refuses a corpus with an unreadable line.
"""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

import nlp.limits
from nlp.errors import InputError
from nlp.formats import ConversionReport, FormatOptions
from nlp.formats import doccano, hf, label_studio, prodigy
from nlp.io import safe_json
from nlp.io.records import ExhibitRecord, read_records, write_records
from nlp.readers.items import ExhibitInput, SkippedInput
from nlp.readers.jsonl import iter_jsonl_exhibits, parse_exhibit_line
from nlp.reports.document import Table
from nlp.reports.markdown import render
from reliability_support import ROOT, SEEDS, assert_clear_failure, invoke, seed_rows

HAZARDS = {
    # code, the hostile value as JSON text
    "digits": ("E220", "9" * 5000),
    "nesting": ("E221", "[" * 100_000 + "]" * 100_000),
    "surrogate": ("E222", '"a\\ud800b"'),
}


def hostile_line(kind: str, rid: str = "hostile") -> str:
    return '{"id": "%s", "text": "Acme Corp.", "meta": {"x": %s}}' % (rid, HAZARDS[kind][1])


def hostile_file(folder: Path, kind: str, rows=None) -> Path:
    """Two good seed records with one hostile line between them (line 2)."""
    rows = rows or seed_rows()
    path = folder / f"{kind}.jsonl"
    path.write_text("\n".join([json.dumps(rows[0]), hostile_line(kind), json.dumps(rows[1])]) + "\n", encoding="utf-8")
    return path


# --- item 1: the one safe parser ------------------------------------------------------------

@pytest.mark.parametrize("text, code", [
    ("9" * 5000, "E220"),
    ("[" * 100_000 + "]" * 100_000, "E221"),
    ("[" * 65 + "]" * 65, "E221"),                  # under the recursion limit, over MAX_JSON_DEPTH
    ('"\\ud800"', "E222"),
    ('{"\\udc00": 1}', "E222"),                       # in a key too
    ('{"x": NaN}', "E223"),
    ('[-Infinity]', "E223"),
    ("1e999", "E223"),                                # parses as inf
    ('{"x": ', None),                                 # plain malformed JSON keeps its reader's code
])
def test_safe_loads_refuses_each_hazard_with_its_code(text, code):
    with pytest.raises(safe_json.JsonProblem) as caught:
        safe_json.loads(text)
    assert caught.value.code == code


def test_safe_loads_keeps_a_surrogate_pair_and_ordinary_nesting():
    assert safe_json.loads('["\\ud83d\\ude00", [[[1.5]]]]') == ["\U0001F600", [[[1.5]]]]


@pytest.mark.parametrize("kind", HAZARDS)
def test_predict_skips_a_hostile_line_and_writes_the_good_records(cached_model, tmp_path, kind):
    rows = [{"id": r["id"], "text": r["text"]} for r in seed_rows()]
    path = hostile_file(tmp_path, kind, rows)
    out = tmp_path / "out.jsonl"
    result = invoke(["predict", path, "-o", out])
    assert_clear_failure(result, 1, f"skipped [{HAZARDS[kind][0]}] {path}:2:")
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [r["id"] for r in rows]


def test_predict_with_two_processes_skips_hostile_lines_and_ends(tmp_path):
    """spaCy's worker processes used to wait for ever once the reader raised."""
    rows = [{"id": r["id"], "text": r["text"]} for r in seed_rows()]
    path = tmp_path / "all.jsonl"
    path.write_text("\n".join([json.dumps(rows[0]), *(hostile_line(k, k) for k in HAZARDS), json.dumps(rows[1])]) + "\n",
                    encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "predict", str(path),
                           "-o", str(out), "--n-process", "2"], capture_output=True, text=True, cwd=ROOT, timeout=240)
    assert done.returncode == 1, done.stderr[-2000:]
    assert "Traceback" not in done.stderr
    for line, (code, _) in enumerate(HAZARDS.values(), 2):
        assert f"[{code}] {path}:{line}:" in done.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [r["id"] for r in rows]


@pytest.mark.parametrize("kind", HAZARDS)
def test_validate_reports_a_hostile_line_and_checks_the_others(tmp_path, kind):
    path = hostile_file(tmp_path, kind)
    result = invoke(["validate", path])
    assert_clear_failure(result, 1, f"{path}:2: ?: [{HAZARDS[kind][0]}]")
    assert [line for line in result.stdout.splitlines() if line.startswith(str(path))] == \
        [line for line in result.stdout.splitlines() if f"{path}:2:" in line]


def _stats(path, tmp):
    return ["stats", path]


def _records(path, tmp):
    return ["records", path, "-o", tmp / "facts.csv"]


def _convert(path, tmp):
    return ["convert", path, tmp / "out.conll", "--from", "jsonl"]


def _evaluate(path, tmp):
    return ["evaluate", "--predictions", path, "--gold", SEEDS, "--json"]


def _split(path, tmp):
    return ["split", path, "--splits", tmp / "splits.json"]


def _records_read(result, tmp):
    return [row["id"] for row in csv.DictReader(io.StringIO((tmp / "facts.csv").read_text(encoding="utf-8-sig")))]


def _converted(result, tmp):
    return [doc for doc in (tmp / "out.conll").read_text(encoding="utf-8").split("-DOCSTART-") if doc.strip()]


# what each command made of the two good records around the hostile line
GOOD_TWO = {
    _stats: lambda result, tmp: "documents 2 " in result.stdout,
    _records: lambda result, tmp: sorted(set(_records_read(result, tmp))) == sorted(r["id"] for r in seed_rows()),
    _convert: lambda result, tmp: len(_converted(result, tmp)) == 2,
    _evaluate: lambda result, tmp: json.loads(result.stdout)["missing_ids"] == [],
}


@pytest.mark.parametrize("command, kind", [(_stats, "digits"), (_records, "nesting"), (_convert, "surrogate"),
                                           (_evaluate, "digits"), (_stats, "surrogate"), (_convert, "nesting")],
                         ids=lambda v: getattr(v, "__name__", v))
def test_record_commands_skip_a_hostile_line_with_its_code(tmp_path, command, kind):
    path = hostile_file(tmp_path, kind)
    result = invoke(command(path, tmp_path))
    assert_clear_failure(result, 1, f"skipped [{HAZARDS[kind][0]}] {path}:2:", "1 line skipped")
    assert GOOD_TWO[command](result, tmp_path), result.output


@pytest.mark.parametrize("command, kind", [(_stats, "nesting"), (_records, "digits"), (_convert, "digits"),
                                           (_evaluate, "surrogate")], ids=lambda v: getattr(v, "__name__", v))
def test_record_commands_with_fail_fast_stop_at_a_hostile_line(tmp_path, command, kind):
    path = hostile_file(tmp_path, kind)
    result = invoke([*command(path, tmp_path), "--fail-fast"])
    assert_clear_failure(result, 2, f"error: [{HAZARDS[kind][0]}] {path}:2:")
    assert not list(tmp_path.glob("facts.csv*")) and not list(tmp_path.glob("out.conll*"))


def test_split_refuses_a_corpus_with_a_hostile_line(tmp_path):
    path = hostile_file(tmp_path, "digits")
    result = invoke(_split(path, tmp_path))
    assert_clear_failure(result, 2, f"error: [E220] {path}:2:", "fix this line, then run split again")
    assert not (tmp_path / "splits.json").exists()


# --- item 2: a byte-order mark ----------------------------------------------------------------

def _with_bom(folder: Path, rows) -> Path:
    path = folder / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + "".join(json.dumps(r) + "\n" for r in rows).encode("utf-8"))
    return path


def test_a_bom_does_not_lose_the_first_record(tmp_path):
    rows = seed_rows()
    path = _with_bom(tmp_path, rows)
    assert [r.id for r in read_records(path)] == [r["id"] for r in rows]
    exhibits = list(iter_jsonl_exhibits(path))
    assert all(isinstance(e, ExhibitInput) for e in exhibits)
    assert [e.id for e in exhibits] == [r["id"] for r in rows]
    assert_clear_failure(invoke(["validate", path]), 0)


def test_a_bom_before_label_studio_json_is_read(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([{"data": {"text": "Acme Corp."}}]).encode("utf-8"))
    records = label_studio.read(path, FormatOptions(), ConversionReport())
    assert [r.text for r in records] == ["Acme Corp."]


# --- item 3: NaN and Infinity ---------------------------------------------------------------------

def test_nan_in_meta_is_refused_on_read_so_output_stays_standard_json(tmp_path):
    item = parse_exhibit_line('{"id": "a", "text": "Acme", "meta": {"score": NaN}}', "f.jsonl:3")
    assert isinstance(item, SkippedInput) and item.code == "E223"
    rows = seed_rows()
    rows[1]["meta"]["score"] = float("inf")
    path = tmp_path / "inf.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")  # writes Infinity
    result = invoke(["convert", path, tmp_path / "out.jsonl", "--from", "jsonl", "--to", "jsonl"])
    assert_clear_failure(result, 1, f"skipped [E223] {path}:2:")
    written = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert [json.loads(line)["id"] for line in written.splitlines()] == [rows[0]["id"]]
    assert "Infinity" not in written


def test_writing_a_non_finite_number_is_refused(tmp_path):
    record = ExhibitRecord("a", "Acme", meta={"score": float("nan")})
    with pytest.raises(ValueError):
        write_records([record], tmp_path / "out.jsonl")
    assert not (tmp_path / "out.jsonl").exists()


# --- item 4: wrong types in foreign formats ------------------------------------------------------

TEXT = "Acme Corp. sold shares."


def _ls_task(entity_value=None, relation=None, **entity):
    value = {"start": 0, "end": 10, "labels": ["ISSUER"]}
    value.update(entity_value or {})
    result = [dict({"id": "e0", "type": "labels", "value": value}, **entity),
              {"id": "e1", "type": "labels", "value": {"start": 16, "end": 22, "labels": ["SECURITY"]}}]
    if relation is not None:
        result.append(dict({"type": "relation", "from_id": "e0", "to_id": "e1", "labels": ["OFFERS"]}, **relation))
    return [{"data": {"text": TEXT, "exhibit_id": "acme"}, "annotations": [{"result": result}]}]


@pytest.mark.parametrize("tasks", [
    _ls_task({"labels": "ISSUER"}),                  # a string: read as the label "I" before
    _ls_task({"labels": [None]}),                    # read as the label "None" before
    _ls_task(relation={"labels": "OFFERS"}),         # one relation per character before
    _ls_task(relation={"from_id": ["e0"]}),          # a list cannot be looked up (TypeError before)
    _ls_task(id={"x": 1}),
    [{"data": {"text": TEXT}, "annotations": 5}],
], ids=["labels-string", "labels-null", "relation-labels-string", "from-id-list", "region-id-object",
        "annotations-number"])
def test_label_studio_wrong_types_are_coded_errors(tmp_path, tasks):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, f"{path}: task 1", code="E225")


def test_label_studio_value_not_an_object_is_a_coded_error(tmp_path):
    path = tmp_path / "tasks.json"
    path.write_text(json.dumps(_ls_task()).replace('"value": {"start": 0, "end": 10, "labels": ["ISSUER"]}',
                                                   '"value": [0, 10]'), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        label_studio.read(path, FormatOptions(), ConversionReport())
    assert caught.value.code == "E225" and "result 0" in caught.value.message


def _prodigy_row(**changes):
    row = {"text": TEXT, "spans": [{"start": 0, "end": 10, "label": "ISSUER", "token_end": 1}],
           "relations": [{"head": 1, "child": 1, "label": "OFFERS"}]}
    row.update(changes)
    return row


def _doccano_row(**changes):
    row = {"text": TEXT, "entities": [{"id": 1, "label": "ISSUER", "start_offset": 0, "end_offset": 10}],
           "relations": [{"id": 1, "from_id": 1, "to_id": 1, "type": "OFFERS"}]}
    row.update(changes)
    return row


@pytest.mark.parametrize("module, row, code", [
    (prodigy, _prodigy_row(relations=[{"head": [1], "child": 1, "label": "OFFERS"}]), "E226"),
    (prodigy, _prodigy_row(spans=5), "E226"),
    (prodigy, _prodigy_row(exhibit_id=["a", "b"]), "E224"),
    (doccano, _doccano_row(relations=[{"id": 1, "from_id": [1], "to_id": 1, "type": "OFFERS"}]), "E227"),
    (doccano, _doccano_row(entities=[{"id": [1], "label": "ISSUER", "start_offset": 0, "end_offset": 10}]), "E227"),
    (doccano, _doccano_row(entities=7), "E227"),
    (doccano, _doccano_row(exhibit_id={"a": 1}), "E224"),
], ids=["prodigy-head-list", "prodigy-spans-number", "prodigy-id-list", "doccano-from-id-list",
        "doccano-entity-id-list", "doccano-entities-number", "doccano-id-object"])
def test_prodigy_and_doccano_wrong_types_are_coded_errors(tmp_path, module, row, code):
    path = tmp_path / "tasks.jsonl"
    path.write_text(json.dumps({"text": "Fine.", "spans": [], "entities": []}) + "\n" + json.dumps(row) + "\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as caught:
        module.read(path, FormatOptions(), ConversionReport())
    assert caught.value.code == code and caught.value.message.startswith(f"{path}:2")


def test_a_label_that_is_not_a_string_is_refused(tmp_path):
    row = seed_rows()[1]
    row["entities"][0]["label"] = 5
    with pytest.raises(ValueError):
        ExhibitRecord.from_dict(row)
    row = seed_rows()[1]
    row["category"] = ["certification"]
    with pytest.raises(ValueError):
        ExhibitRecord.from_dict(row)


def _docbin_file(path: Path, user_data) -> Path:
    from spacy.tokens import Doc, DocBin
    from spacy.vocab import Vocab

    docbin = DocBin(store_user_data=True)
    for data in user_data:
        doc = Doc(Vocab(), words=["Acme", "Corp."])
        doc.user_data.update(data)
        docbin.add(doc)
    docbin.to_disk(path)
    return path


@pytest.mark.parametrize("user_data", [{"exhibit_id": ["a", "b"]}, {"exhibit_id": "a", "category": 5},
                                       {"exhibit_id": "a", "exhibit_meta": {"x": float("nan")}}],
                         ids=["id-list", "category-number", "meta-nan"])
def test_docbin_guide_fields_of_the_wrong_type_are_refused(tmp_path, user_data):
    path = _docbin_file(tmp_path / "in.spacy", [user_data])
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, f"{path}: doc 1")
    assert "[E230]" in result.output or "[E223]" in result.output


@pytest.mark.parametrize("change, says", [
    (lambda r: r.update(agents="ab"), "record.agents"),
    (lambda r: r.update(securities=[{"name": ["Common", "Stock"]}]), "record.securities[0].name"),
    (lambda r: r.update(officers="Jane Doe"), "record.officers"),
])
def test_records_input_with_wrong_types_is_a_coded_error(tmp_path, change, says):
    row = seed_rows()[0]
    row["record"] = {"kind": "offering", "company": "Acme"}
    change(row["record"])
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = invoke(["records", path, "-o", tmp_path / "facts.csv"])
    assert_clear_failure(result, 2, f"{path}:1:", says, code="E121")
    assert not (tmp_path / "facts.csv").exists()


def test_records_warnings_must_be_objects_with_a_code(tmp_path):
    row = seed_rows()[0]
    row.update(record={"kind": "other"}, warnings=["no_issuer"])
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert_clear_failure(invoke(["records", path]), 2, f"{path}:1:", "warnings", code="E121")


# --- item 5: offsets out of range in Parquet ------------------------------------------------------

def _parquet(path: Path, rows) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows), path)
    return path


def test_a_parquet_entity_beyond_the_text_is_a_coded_error(tmp_path):
    path = _parquet(tmp_path / "in.parquet", [{"id": "a", "text": "Acme Corp.", "meta": "{}",
                                               "entities": [{"start": 0, "end": 10**15, "label": "ISSUER"}]}])
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, f"{path}: row 0: a: entity ISSUER", code="E229")


def test_a_parquet_relation_beyond_the_text_is_a_coded_error(tmp_path):
    path = _parquet(tmp_path / "in.parquet", [{"id": "a", "text": "Acme Corp.", "meta": "{}",
                                               "entities": [{"start": 0, "end": 4, "label": "ISSUER"}],
                                               "relations": [{"head": [0, 4], "child": [5, 99], "label": "X"}]}])
    with pytest.raises(InputError) as caught:
        hf.read(path, FormatOptions(), ConversionReport())
    assert caught.value.code == "E229"


def test_parquet_meta_is_read_by_the_safe_parser(tmp_path):
    path = _parquet(tmp_path / "in.parquet", [{"id": "a", "text": "Acme", "meta": '{"x": NaN}'}])
    with pytest.raises(InputError) as caught:
        hf.read(path, FormatOptions(), ConversionReport())
    assert caught.value.code == "E223" and "row 0" in caught.value.message


# --- item 6: expansion bombs --------------------------------------------------------------------

def test_a_docbin_that_inflates_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "bomb.spacy"
    path.write_bytes(zlib.compress(b"\0" * 5_000_000, 9))   # 5 MB of zeros in about 5 KB
    monkeypatch.setattr(nlp.limits, "MAX_DECODED_BYTES", 1_000_000)
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, str(path), "MAX_DECODED_BYTES", code="E232")


def test_a_docbin_with_too_many_docs_is_refused(tmp_path, monkeypatch):
    path = _docbin_file(tmp_path / "many.spacy", [{}] * 4)
    monkeypatch.setattr(nlp.limits, "MAX_READ_RECORDS", 3)
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, str(path), "MAX_READ_RECORDS", code="E233")


def test_a_parquet_file_with_too_many_rows_is_refused(tmp_path, monkeypatch):
    path = _parquet(tmp_path / "many.parquet", [{"id": str(k), "text": "x", "meta": "{}"} for k in range(4)])
    monkeypatch.setattr(nlp.limits, "MAX_READ_RECORDS", 3)
    result = invoke(["convert", path, tmp_path / "out.jsonl"])
    assert_clear_failure(result, 2, str(path), "MAX_READ_RECORDS", code="E233")


def test_a_parquet_file_that_expands_past_the_limit_is_refused(tmp_path, monkeypatch):
    path = _parquet(tmp_path / "big.parquet", [{"id": "a", "text": "x" * 200_000, "meta": "{}"}])
    monkeypatch.setattr(nlp.limits, "MAX_DECODED_BYTES", 100_000)
    with pytest.raises(InputError) as caught:
        hf.read(path, FormatOptions(), ConversionReport())
    assert caught.value.code == "E232"


# --- item 7: huge ids and line breaks in ids ------------------------------------------------------

def test_a_huge_id_is_shortened_in_messages(tmp_path):
    huge = "x" * 5_000_000
    item = parse_exhibit_line(json.dumps({"id": huge, "text": 5}), "f.jsonl:1")
    assert isinstance(item, SkippedInput) and item.id == huge   # the errors file keeps it whole
    assert len(item.message()) < 200 and "\u2026" in item.message()
    path = tmp_path / "huge.jsonl"
    row = seed_rows()[1]
    row.update(id=huge + "\nsecond line", category="nonsense")
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = invoke(["validate", path])
    assert result.exit_code == 1
    assert len(result.output) < 1000


def test_a_line_break_in_a_markdown_table_cell_keeps_the_row_whole():
    text = render([Table("Errors", ["id", "what"], [["ex\n1", "a\r\nb"], ["ex2", "c"]])])
    rows = [line for line in text.splitlines() if line.startswith("|")]
    assert len(rows) == 4 and all(line.endswith("|") for line in rows)
    assert "ex<br>1" in text


def test_a_hostile_first_line_is_named_when_convert_guesses_the_format(tmp_path):
    """The format is told by the first readable line; the hostile one is skipped with its code."""
    path = tmp_path / "first.jsonl"
    path.write_text(hostile_line("nesting") + "\n" + json.dumps(seed_rows()[0]) + "\n", encoding="utf-8")
    result = invoke(["convert", path, tmp_path / "out.conll"])
    assert_clear_failure(result, 1, f"skipped [E221] {path}:1:", "converted 1 records from jsonl")
    assert (tmp_path / "out.conll").exists()
