"""How every command fails: a project error is one line and its exit code; an unexpected
exception (a bug) is one "internal error" line and exit 70; --verbose adds the traceback."""
from __future__ import annotations

import subprocess
import sys

import pytest

import nlp.cli.stats
from nlp.errors import EXIT_INTERNAL
from reliability_support import ROOT, SEEDS, assert_clear_failure, invoke


def _stats_raises(monkeypatch, error: BaseException) -> None:
    def broken(*args, **kwargs):
        raise error

    monkeypatch.setattr(nlp.cli.stats, "corpus_stats", broken)


def test_an_unexpected_exception_is_one_internal_error_line(monkeypatch):
    _stats_raises(monkeypatch, RuntimeError("counts went negative\nsecond line of detail"))
    result = invoke(["stats", SEEDS])
    assert_clear_failure(result, EXIT_INTERNAL)
    assert result.output == ("error: internal error: RuntimeError: counts went negative "
                             "(run with --verbose for the traceback)\n")


def test_verbose_shows_the_traceback_of_an_unexpected_exception(monkeypatch):
    _stats_raises(monkeypatch, RuntimeError("counts went negative"))
    result = invoke(["--verbose", "stats", SEEDS])
    assert result.exit_code == EXIT_INTERNAL
    assert "Traceback (most recent call last)" in result.output and "in broken" in result.output
    assert result.output.splitlines()[-1] == "error: internal error: RuntimeError: counts went negative"


def test_verbose_shows_the_traceback_of_a_project_error(tmp_path):
    missing = tmp_path / "missing.jsonl"
    result = invoke(["-v", "stats", missing])
    assert result.exit_code == 2
    assert "Traceback (most recent call last)" in result.output
    assert result.output.splitlines()[-1] == f"error: [E001] {missing}: no such file"


def test_without_verbose_a_project_error_is_one_line(tmp_path):
    invoke(["-v", "stats", tmp_path / "first.jsonl"])  # the flag of one run never leaks into the next
    missing = tmp_path / "missing.jsonl"
    result = invoke(["stats", missing])
    assert_clear_failure(result, 2, code="E001")
    assert result.output == f"error: [E001] {missing}: no such file\n"


def test_a_file_system_refusal_is_a_one_line_input_error(monkeypatch):
    _stats_raises(monkeypatch, PermissionError(13, "Permission denied", "/srv/exhibits/locked.jsonl"))
    result = invoke(["stats", SEEDS])
    assert_clear_failure(result, 2)
    assert result.output == "error: [E160] /srv/exhibits/locked.jsonl: Permission denied\n"


def test_an_interrupt_anywhere_is_exit_130(monkeypatch):
    _stats_raises(monkeypatch, KeyboardInterrupt())
    result = invoke(["stats", SEEDS])
    assert_clear_failure(result, 130)
    assert result.output == "error: interrupted; finished output was kept\n"


@pytest.mark.parametrize("args, code", [(["validate", SEEDS], 0), (["-v", "validate", SEEDS], 0),
                                        (["stats", "--bogus"], 2), ([], 2)])
def test_normal_exits_and_usage_errors_keep_their_codes(args, code):
    assert invoke(args).exit_code == code


def test_the_installed_command_prints_one_line_and_no_traceback(tmp_path):
    missing = tmp_path / "missing.jsonl"
    done = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()", "stats", str(missing)],
                          capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2
    assert done.stderr == f"error: [E001] {missing}: no such file\n" and done.stdout == ""
