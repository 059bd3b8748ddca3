from __future__ import annotations

import json

import pytest

from nlp.errors import InputError
from nlp.writers import CsvWriter, JsonlWriter, ParquetWriter, iter_parquet_records, open_writer, prepare_resume
from nlp.writers.resume import ResumeState


def rec(rid: str) -> dict:
    return {"id": rid, "text": f"Exhibit {rid}\nsecond line", "category": None, "entities": [],
            "relations": [], "meta": {"filename": f"{rid}.htm"}}


def finish(path, fmt, ids):
    """What a resumed run does: skip what is there, write the rest."""
    state = prepare_resume(path, fmt)
    with open_writer(path, fmt, state) as writer:
        for rid in ids:
            if not state.already_done(rid):
                writer.write(rec(rid))
    return state


def test_jsonl_partial_last_line_is_cut_and_the_rest_written_once(tmp_path):
    path = tmp_path / "out.jsonl"
    with JsonlWriter(path) as writer:
        writer.write(rec("a"))
        writer.write(rec("b"))
    whole = path.read_bytes()
    with path.open("ab") as handle:  # what a kill in the middle of a write leaves
        handle.write(json.dumps(rec("c")).encode()[:20])
    state = finish(path, "jsonl", "abcd")
    assert [json.loads(line)["id"] for line in path.read_text().splitlines()] == list("abcd")
    assert path.read_bytes().startswith(whole)
    assert sum(state.done.values()) == 0  # both earlier records were met


def test_jsonl_damaged_line_in_the_middle_stops_resume(tmp_path):
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(rec("a")) + "\nnot json\n" + json.dumps(rec("b")) + "\n")
    with pytest.raises(InputError) as err:
        prepare_resume(path, "jsonl")
    assert err.value.code == "E067" and f"{path}:2: cannot resume" in err.value.message


def test_csv_partial_last_row_is_dropped(tmp_path):
    path = tmp_path / "out.csv"
    with CsvWriter(path) as writer:
        writer.write(rec("a"))
        writer.write(rec("b"))
    complete = path.read_bytes()
    with path.open("ab") as handle:
        handle.write(b'c,"Exhibit c\nsec')  # cut inside the quoted, multi-line text cell
    state = prepare_resume(path, "csv")
    assert path.read_bytes() == complete
    assert state.done == {"a": 1, "b": 1} and state.columns[:2] == ["id", "text"]
    finish_state = finish(path, "csv", "abc")
    assert sum(finish_state.done.values()) == 0
    fresh = tmp_path / "fresh.csv"
    with CsvWriter(fresh) as writer:
        for rid in "abc":
            writer.write(rec(rid))
    assert path.read_bytes() == fresh.read_bytes()


def test_parquet_resumes_from_a_closed_file(tmp_path):
    path = tmp_path / "out.parquet"
    with ParquetWriter(path) as writer:
        writer.write(rec("a"))
    finish(path, "parquet", "ab")
    rows = list(iter_parquet_records(path))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert json.loads(rows[0]["meta"]) == {"filename": "a.htm"}


def test_missing_output_resumes_from_nothing(tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        state = prepare_resume(tmp_path / f"none.{fmt}", fmt)
        assert not state.exists and not state.done


def test_repeated_ids_are_counted_not_just_remembered():
    state = ResumeState()
    state.done.update(["x", "x", "y"])
    assert [state.already_done(r) for r in ["x", "y", "x", "x", "y"]] == [True, True, True, False, False]
