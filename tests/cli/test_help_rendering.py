"""The help of the app and of every command renders, and shows flags as flags: typer 0.29's Rich
panels printed `--verbose <bool>` and `--help <bool>`, as if they took a value."""
from __future__ import annotations

import re

import pytest
import typer.main
from typer.testing import CliRunner

from nlp.cli import app

GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)

runner = CliRunner()


def _flags(command) -> list:
    """The long names of the command's flag options, --help included."""
    names = ["--help"]
    for param in command.params:
        if getattr(param, "is_flag", False) and not getattr(param, "hidden", False):
            names += [opt for opt in (*param.opts, *param.secondary_opts) if opt.startswith("--")]
    return names


def _help(args: list) -> str:
    result = runner.invoke(app, [*args, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result.output


# An option's row: its names (`-o, --output`, or Rich's `--output  -o`) first, then the rest.
# Rows start near the left edge; a wrapped help line mentioning an option is indented further.
_ROW = re.compile(r"^│?\s{0,4}(?:\*\s+)?(?P<names>-{1,2}[\w-]+(?:(?:,\s*|\s{1,12})-{1,2}[\w-]+)*)(?P<rest>.*)$")


def _option_rows(output: str, long: str) -> list:
    """What follows the names on each row that lists the option `long` (not rows that mention it)."""
    rows = []
    for line in output.splitlines():
        match = _ROW.match(line)
        if match and long in re.split(r"[,\s]+", match["names"]):
            rows.append(match["rest"])
    return rows


def _assert_flags_take_no_value(output: str, flags: list) -> None:
    assert "<bool>" not in output and "<boolean>" not in output, output
    assert "BOOLEAN" not in output, output  # the click package's name of the type
    for flag in flags:
        rows = _option_rows(output, flag)
        assert rows, (flag, output)  # listed
        for rest in rows:
            assert not re.match(r"\s*<[^>]+>", rest), (flag, rest)


def test_the_app_help_shows_its_flags_bare():
    output = _help([])
    assert "Usage:" in output and "--verbose" in output
    _assert_flags_take_no_value(output, _flags(GROUP))
    for name in COMMANDS:
        assert name in output


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_renders_and_shows_flags_bare(command):
    output = _help([command])
    assert f"Usage: exhibit {command}" in output
    _assert_flags_take_no_value(output, _flags(GROUP.commands[command]))


def _valued(command) -> list:
    return [param for param in command.params
            if param.param_type_name == "option" and not param.is_flag and not param.hidden]


@pytest.mark.parametrize("command", [name for name in COMMANDS if _valued(GROUP.commands[name])])
def test_options_that_take_a_value_still_show_it(command):
    """The fix must not blank every type: an option with a value keeps its metavar."""
    valued = _valued(GROUP.commands[command])
    output = _help([command])
    for param in valued:
        long = next(opt for opt in param.opts if opt.startswith("--"))
        rows = _option_rows(output, long)
        # `<path>` (typer 0.29) or `PATH`, `[csv|jsonl]` (typer on the click package)
        assert len(rows) == 1 and re.match(r"\s*(<[^>]+>|\[[^\]]+\]|[A-Z][A-Z_.|]*)(\s|$)", rows[0]), (long, rows)
