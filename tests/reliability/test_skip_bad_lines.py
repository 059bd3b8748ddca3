"""Issue 18: the record commands (stats, records, convert, evaluate) skip an unreadable JSONL
line with its code and FILE:LINE, process every good record, write their output and exit 1
with the count; --fail-fast stops at the first bad line (exit 2) and loses nothing already
written; split refuses a corpus with an unreadable line."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.io.records import SkippedLines, iter_checked_lines, read_records
from reliability_support import SEEDS, assert_clear_failure, invoke, seed_rows, write_rows

MALFORMED = '{"id": "cut", "text": "cut off'
DIGITS = '{"id": "digits", "text": "Acme Corp.", "meta": {"n": %s}}' % ("9" * 5000)
BAD_LINES = {2: "E005", 3: "E220"}  # line: code (records names malformed JSON E120)


def mixed_file(folder: Path) -> Path:
    """A good record, a malformed line, a 5000-digit-integer line and a good record."""
    rows = seed_rows()
    return write_rows(folder / "mixed.jsonl", [rows[0], MALFORMED, DIGITS, rows[1]])


def seed_ids():
    return [row["id"] for row in seed_rows()]


def assert_bad_lines_named_once(result, path: Path, codes=BAD_LINES) -> None:
    assert_clear_failure(result, 1, f"{len(codes)} lines skipped")
    for line, code in codes.items():
        assert result.stderr.count(f"{path}:{line}:") == 1, result.stderr
        assert f"skipped [{code}] {path}:{line}:" in result.stderr
    assert "error:" not in result.output


# --- each command: both good records processed, exit 1, each bad line named once ----------------

def test_stats_counts_both_good_records(tmp_path):
    path = mixed_file(tmp_path)
    result = invoke(["stats", path, "--json"])
    assert_bad_lines_named_once(result, path)
    expected = json.loads(invoke(["stats", SEEDS, "--json"]).stdout)
    assert json.loads(result.stdout) == expected


def test_records_writes_the_rows_of_both_good_records(tmp_path):
    path = mixed_file(tmp_path)
    out = tmp_path / "facts.csv"
    result = invoke(["records", path, "-o", out])
    assert_bad_lines_named_once(result, path, {2: "E120", 3: "E220"})
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert sorted({row["id"] for row in rows}) == sorted(seed_ids())
    assert "wrote 4 rows" in result.stderr


def test_convert_writes_both_good_records(tmp_path):
    path = mixed_file(tmp_path)
    out = tmp_path / "out.jsonl"
    result = invoke(["convert", path, out, "--from", "jsonl", "--to", "jsonl"])
    assert_bad_lines_named_once(result, path)
    written = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in written] == seed_ids()
    assert [row["entities"] for row in written] == [read.to_dict()["entities"] for read in read_records(SEEDS)]


def test_convert_guesses_the_format_past_a_bad_first_line(tmp_path):
    rows = seed_rows()
    path = write_rows(tmp_path / "first.jsonl", [MALFORMED, rows[0]])
    result = invoke(["convert", path, tmp_path / "out.conll"])
    assert_clear_failure(result, 1, f"skipped [E005] {path}:1:", "1 line skipped", "from jsonl")


def test_evaluate_reads_a_prediction_file_past_its_bad_lines(tmp_path):
    path = mixed_file(tmp_path)
    result = invoke(["evaluate", "--predictions", path, "--gold", SEEDS, "--json"])
    assert_bad_lines_named_once(result, path)
    report = json.loads(result.stdout)
    assert report["documents"] == 2 and report["missing_ids"] == []
    assert report["entities_strict"]["micro"]["f"] == 1.0  # the seeds scored against themselves
    assert [(s["line"], s["code"]) for s in report["skipped_lines"]] == list(BAD_LINES.items())


def test_evaluate_reads_a_gold_file_past_its_bad_lines_and_names_the_unscored_ids(tmp_path):
    rows = seed_rows()
    shapeless = dict(rows[1], id="no-entities-list", entities=5)
    path = write_rows(tmp_path / "gold.jsonl", [rows[0], MALFORMED, DIGITS, rows[1], shapeless])
    result = invoke(["evaluate", "--predictions", SEEDS, "--gold", path, "--json"])
    assert_bad_lines_named_once(result, path, {**BAD_LINES, 5: "E006"})
    report = json.loads(result.stdout)
    assert report["documents"] == 2 and report["missing_ids"] == []
    assert "3 gold record(s) not scored (unreadable lines): no-entities-list, 2 without a readable id" in result.stderr
    assert [s["id"] for s in report["skipped_lines"]] == [None, None, "no-entities-list"]


def test_evaluate_compare_reads_both_files_past_their_bad_lines(tmp_path):
    gold = mixed_file(tmp_path)
    result = invoke(["evaluate", "--compare", gold, "--compare", SEEDS, "--gold", gold, "--json",
                     "--resamples", "20"])
    assert_bad_lines_named_once(result, gold)  # one gold file read twice: each line named once
    assert json.loads(result.stdout)["documents"] == 2


# --- --fail-fast, and nothing already written is lost ----------------------------------------

COMMANDS = {
    "stats": lambda path, tmp: ["stats", path],
    "records": lambda path, tmp: ["records", path, "-o", tmp / "facts.csv"],
    "convert": lambda path, tmp: ["convert", path, tmp / "out.jsonl", "--from", "jsonl", "--to", "jsonl"],
    "evaluate": lambda path, tmp: ["evaluate", "--predictions", path, "--gold", SEEDS, "--json"],
}


@pytest.mark.parametrize("name", COMMANDS)
def test_fail_fast_stops_at_the_first_bad_line(tmp_path, name):
    path = mixed_file(tmp_path)
    result = invoke([*COMMANDS[name](path, tmp_path), "--fail-fast"])
    assert_clear_failure(result, 2, f"{path}:2: malformed JSON")
    assert f"{path}:3:" not in result.output and "skipped" not in result.output


@pytest.mark.parametrize("name, out", [("records", "facts.csv"), ("convert", "out.jsonl")])
def test_a_stop_keeps_the_output_an_earlier_run_wrote(tmp_path, name, out):
    earlier = tmp_path / out
    earlier.write_text("an earlier run's output\n", encoding="utf-8")
    path = mixed_file(tmp_path)
    assert invoke([*COMMANDS[name](path, tmp_path), "--fail-fast"]).exit_code == 2
    assert earlier.read_text(encoding="utf-8") == "an earlier run's output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out, path.name])  # no part file left


@pytest.mark.parametrize("name, out", [("records", "facts.csv"), ("convert", "out.jsonl")])
def test_a_bad_last_line_loses_none_of_the_good_records(tmp_path, name, out):
    rows = seed_rows()
    path = write_rows(tmp_path / "last.jsonl", [rows[0], rows[1], DIGITS])
    result = invoke(COMMANDS[name](path, tmp_path))
    assert_clear_failure(result, 1, f"skipped [E220] {path}:3:", "1 line skipped")
    text = (tmp_path / out).read_text(encoding="utf-8-sig")
    assert all(rid in text for rid in seed_ids())


def test_a_file_with_no_readable_line_is_an_error(tmp_path):
    path = write_rows(tmp_path / "bad.jsonl", [MALFORMED, DIGITS])
    result = invoke(["convert", path, tmp_path / "out.jsonl", "--from", "jsonl", "--to", "jsonl"])
    assert_clear_failure(result, 2, f"{path}: no readable record (2 lines skipped)", code="E350")
    assert not (tmp_path / "out.jsonl").exists()


def test_split_refuses_a_corpus_with_an_unreadable_line_and_keeps_its_splits_file(tmp_path):
    splits = tmp_path / "splits.json"
    splits.write_text('{"seed": 13, "companies": {}, "assignments": {}}\n', encoding="utf-8")
    before = splits.read_bytes()
    path = mixed_file(tmp_path)
    result = invoke(["split", path, "--splits", splits])
    assert_clear_failure(result, 2, f"error: [E005] {path}:2: malformed JSON", "run split again")
    assert splits.read_bytes() == before


# --- the one skipping reader -----------------------------------------------------------------

def test_the_reader_hands_each_bad_line_to_its_collector_and_goes_on(tmp_path):
    path = mixed_file(tmp_path)
    skipped = SkippedLines()
    records = read_records(path, skipped)
    assert [r.id for r in records] == seed_ids()
    assert [(s.line, s.code) for s in skipped.items] == list(BAD_LINES.items())
    assert skipped.summary() == "2 lines skipped"
    with pytest.raises(InputError) as stopped:
        read_records(path)  # no collector: the first bad line stops the read
    assert stopped.value.code == "E005" and f"{path}:2:" in stopped.value.message
    with pytest.raises(InputError):
        read_records(path, SkippedLines(fail_fast=True))


def test_the_reader_names_the_id_of_a_record_that_fails_its_check(tmp_path):
    path = write_rows(tmp_path / "shape.jsonl", [{"id": "x", "text": 5}, seed_rows()[0]])
    assert [line for line, _ in iter_checked_lines(path, lambda data: data)] == [1, 2]  # the check decides
    skipped = SkippedLines()
    assert [r.id for r in read_records(path, skipped)] == [seed_ids()[0]]
    assert [(s.code, s.id) for s in skipped.items] == [("E006", "x")]
    assert skipped.items[0].message() == f"{path}:1: x: field 'text' must be a string"
