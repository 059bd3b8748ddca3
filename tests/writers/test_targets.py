from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from nlp.errors import InputError
from nlp.readers import SkippedInput
from nlp.writers import ErrorLog, check_output_file, check_output_folder, default_errors_path, output_format


def test_format_from_option_then_suffix_then_jsonl():
    assert output_format(Path("p.csv")) == "csv"
    assert output_format(Path("p.PARQUET")) == "parquet"
    assert output_format(Path("p.jsonl")) == output_format(Path("p.out")) == output_format(None) == "jsonl"
    assert output_format(Path("p.jsonl"), "CSV") == "csv"
    with pytest.raises(InputError, match="--format 'xml'"):
        output_format(None, "xml")


def test_errors_file_sits_beside_the_output():
    assert default_errors_path(Path("runs/pred.jsonl")) == Path("runs/pred.errors.jsonl")


def test_missing_folder_is_named(tmp_path):
    with pytest.raises(InputError) as err:
        check_output_file(tmp_path / "nowhere" / "out.jsonl")
    assert err.value.code == "E052" and f"folder {tmp_path / 'nowhere'} does not exist" in err.value.message


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs Linux sysfs (read-only for new files)")
def test_folder_that_takes_no_new_file_is_refused():
    with pytest.raises(InputError) as err:
        check_output_file(Path("/sys/kernel/predictions.jsonl"))
    assert err.value.code == "E063" and "cannot write in folder /sys/kernel" in err.value.message


def test_read_only_folder_is_refused(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(InputError, match="cannot write in folder"):
            check_output_file(folder / "out.jsonl")
    finally:
        folder.chmod(0o755)


def test_output_folder_for_parts(tmp_path):
    check_output_folder(tmp_path / "parts")  # created later, in an existing parent
    (tmp_path / "file").write_text("x")
    with pytest.raises(InputError, match="is a file, expected an output folder"):
        check_output_folder(tmp_path / "file")


def test_error_log_lists_skipped_inputs_and_replaces_a_stale_one(tmp_path):
    path = tmp_path / "out.errors.jsonl"
    path.write_text('{"stale": true}\n')
    shown = []
    with ErrorLog(path, shown.append) as log:
        log.report(SkippedInput("in.jsonl:2", "E055", "malformed JSON: Expecting value (column 1)"))
    assert shown == ["skipped [E055] in.jsonl:2: malformed JSON: Expecting value (column 1)"]
    assert [json.loads(line) for line in path.read_text().splitlines()] == [
        {"source": "in.jsonl:2", "id": None, "code": "E055", "reason": "malformed JSON: Expecting value (column 1)"}]
    with ErrorLog(path) as log:
        pass
    assert not path.exists()  # a run without problems leaves no errors file
