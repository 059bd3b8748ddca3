"""Bad guide JSONL through the commands that read records: validate, stats, split, records,
convert and evaluate. Each case: the exit code of its kind (README's table), one line naming
the file and the line or record, and never a traceback."""
from __future__ import annotations

from pathlib import Path

import pytest

from reliability_support import SEEDS, assert_clear_failure, invoke, is_root, make_jsonl, seed_rows

CERT_ID = seed_rows()[1]["id"]

# (bad input, what names the place in the message, what it says)
VALIDATE_CASES = [
    ("empty", "{path}: holds no records", ""),
    ("malformed_middle", "{path}:2: ?: malformed JSON", ""),
    ("long_line", "{path}:2: ?: malformed JSON", "(column 2880025)"),
    ("not_an_object", "{path}:2: ?: a record must be a JSON object", ""),
    ("entities_not_a_list", "{path}:1: {cert}: field 'entities' must be a list", ""),
    ("duplicate_ids", "{path}:2: {cert}: duplicate id (first at {path}:1)", ""),
    ("out_of_range", "{path}:1: {cert}: entity OFFICER", "is out of range"),
    ("overlapping", "{path}:1: {cert}: entities overlap", ""),
    ("whitespace_span", "{path}:1: {cert}: entity TITLE ' '", "starts or ends with whitespace"),
    ("unknown_label", "{path}:1: {cert}: entity at", "unknown label 'COMPANY'"),
    ("relation_to_missing_entity", "{path}:1: {cert}: relation CERTIFIES: child [0, 3]", "is not a listed entity"),
]


@pytest.mark.parametrize("kind, where, what", VALIDATE_CASES, ids=[c[0] for c in VALIDATE_CASES])
def test_validate_reports_each_problem_with_file_line_and_record(tmp_path, kind, where, what):
    path = make_jsonl(kind, tmp_path)
    result = invoke(["validate", path])
    output = assert_clear_failure(result, 1, where.format(path=path, cert=CERT_ID), what)
    assert "problem(s) found" in output
    assert len(output) < 2000  # a 3 MB line is named, never echoed


@pytest.mark.parametrize("kind, code, line", [("binary", "E004", 2), ("latin1", "E004", 2)])
def test_validate_stops_at_undecodable_bytes_naming_the_line(tmp_path, kind, code, line):
    path = make_jsonl(kind, tmp_path)
    assert_clear_failure(invoke(["validate", path]), 2, f"{path}:{line}: not UTF-8 text", code=code)


def _split(path: Path, tmp: Path):
    return ["split", path, "--splits", tmp / "splits.json"]


def _records(path: Path, tmp: Path):
    return ["records", path, "-o", tmp / "facts.csv"]


def _convert(path: Path, tmp: Path):
    return ["convert", path, tmp / "out.conll", "--from", "jsonl"]


def _stats(path: Path, tmp: Path):
    return ["stats", path]


def _scored_predictions(path: Path, tmp: Path):
    return ["evaluate", "--predictions", path, "--gold", SEEDS, "--json"]


def _scored_gold(path: Path, tmp: Path):
    return ["evaluate", "--predictions", SEEDS, "--gold", path, "--json"]


# (command, bad input, exit code, error code, what the message names): what stops a command
READER_CASES = [
    (_stats, "empty", 2, "E161", "{path}: holds no records"),
    (_stats, "binary", 2, "E004", "{path}:2: not UTF-8 text"),  # line 1 (ASCII bytes) is skipped first
    (_stats, "latin1", 2, "E004", "{path}:2: not UTF-8 text"),
    (_split, "empty", 2, "E161", "{path}: holds no records"),
    (_split, "malformed_middle", 2, "E005", "{path}:2: malformed JSON"),  # split refuses a partial corpus
    (_split, "duplicate_ids", 2, "E162", "{path}: record {cert}: duplicate id"),
    (_records, "empty", 2, "E161", "{path}: holds no records"),
    (_records, "out_of_range", 2, "E350", "{path}: no readable record (1 line skipped)"),
    (_records, "latin1", 2, "E004", "{path}:2: not UTF-8 text"),
    (_convert, "empty", 2, "E161", "{path}: holds no records"),
    (_convert, "binary", 2, "E004", "{path}:2: not UTF-8 text"),
    (_scored_predictions, "empty", 2, "E161", "{path}: holds no records"),
    (_scored_predictions, "duplicate_ids", 2, "E162", "{path}: record {cert}: duplicate id"),
    (_scored_predictions, "out_of_range", 2, "E165", "{path}: record {cert}: entity OFFICER"),
    (_scored_gold, "duplicate_ids", 2, "E162", "{path}: record {cert}: duplicate id"),
    (_scored_gold, "overlapping", 2, "E165", "{path}: record {cert}: entities overlap"),
]


@pytest.mark.parametrize("command, kind, exit_code, code, where", READER_CASES,
                         ids=[f"{c[0].__name__.strip('_')}-{c[1]}" for c in READER_CASES])
def test_record_readers_fail_in_one_line(tmp_path, command, kind, exit_code, code, where):
    path = make_jsonl(kind, tmp_path)
    result = invoke(command(path, tmp_path))
    output = assert_clear_failure(result, exit_code, where.format(path=path, cert=CERT_ID), code=code)
    assert len(output) < 2000


# (command, bad input, error code, what the skip line names): an unreadable line is skipped,
# the other records are read, and the command ends with exit 1 and the count
SKIP_CASES = [
    (_stats, "malformed_middle", "E005", "{path}:2: malformed JSON"),
    (_stats, "long_line", "E005", "{path}:2: malformed JSON"),
    (_stats, "not_an_object", "E006", "{path}:2: a record must be a JSON object"),
    (_records, "malformed_middle", "E120", "{path}:2: malformed JSON"),
    (_convert, "malformed_middle", "E005", "{path}:2: malformed JSON"),
    (_scored_predictions, "malformed_middle", "E005", "{path}:2: malformed JSON"),
    (_scored_gold, "malformed_middle", "E005", "{path}:2: malformed JSON"),
]


@pytest.mark.parametrize("command, kind, code, where", SKIP_CASES,
                         ids=[f"{c[0].__name__.strip('_')}-{c[1]}" for c in SKIP_CASES])
def test_record_readers_skip_an_unreadable_line_in_one_line(tmp_path, command, kind, code, where):
    path = make_jsonl(kind, tmp_path)
    result = invoke(command(path, tmp_path))
    assert_clear_failure(result, 1, f"skipped [{code}] " + where.format(path=path), "1 line skipped")
    assert result.stderr.count(f"{path}:2:") == 1 and len(result.stderr) < 2000  # a 3 MB line is named, never echoed


@pytest.mark.parametrize("command, code", [(_stats, "E005"), (_records, "E120"), (_convert, "E005"),
                                           (_scored_predictions, "E005"), (_scored_gold, "E005")],
                         ids=lambda v: getattr(v, "__name__", v))
def test_fail_fast_stops_at_an_unreadable_line(tmp_path, command, code):
    path = make_jsonl("malformed_middle", tmp_path)
    result = invoke([*command(path, tmp_path), "--fail-fast"])
    assert_clear_failure(result, 2, f"error: [{code}] {path}:2: malformed JSON")
    assert "skipped" not in result.output


def test_a_failed_table_leaves_no_half_written_file(tmp_path):
    path = make_jsonl("malformed_middle", tmp_path)
    assert_clear_failure(invoke([*_records(path, tmp_path), "--fail-fast"]), 2, f"{path}:2", code="E120")
    assert not list(tmp_path.glob("facts.csv*"))


# --- output places that cannot be written -----------------------------------------------------

def _in_a_file(tmp: Path) -> Path:
    blocker = tmp / "a-file"
    blocker.write_text("not a folder\n", encoding="utf-8")
    return blocker / "out"


OUTPUT_CASES = [
    ("split", lambda out: ["split", SEEDS, "--splits", out / "splits.json"], "E164"),
    ("records", lambda out: ["records", SEEDS, "-o", out / "facts.csv"], "E124"),
    ("convert", lambda out: ["convert", SEEDS, out / "seeds.conll"], "E135"),
    ("evaluate-html", lambda out: ["evaluate", "--predictions", SEEDS, "--gold", SEEDS, "--html", out / "r.html"], "E110"),
]


@pytest.mark.parametrize("name, command, code", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_output_in_a_missing_folder_is_named(tmp_path, name, command, code):
    out = tmp_path / "no" / "such" / "folder"
    result = invoke(command(out))
    assert_clear_failure(result, 2, str(out), code=code)


@pytest.mark.parametrize("name, command, code", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_output_under_a_file_is_named(tmp_path, name, command, code):
    out = _in_a_file(tmp_path)
    result = invoke(command(out))
    assert_clear_failure(result, 2, str(out))


@pytest.mark.skipif(is_root(), reason="root writes into read-only folders anyway (chmod does not stop it)")
@pytest.mark.parametrize("name, command, code", OUTPUT_CASES, ids=[c[0] for c in OUTPUT_CASES])
def test_output_in_a_read_only_folder_is_named(tmp_path, name, command, code):
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = invoke(command(folder))
        assert_clear_failure(result, 2, str(folder))
    finally:
        folder.chmod(0o755)
