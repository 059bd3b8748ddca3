"""A bogus option is a usage error for every command: the usage line, one line naming the problem,
exit 2, and never a traceback. train and cross-validate keep unknown options for spaCy's config
overrides, whose parser raises the click package's own NoSuchOption (which typer, parsing with its
own copy of click, would not catch): they are the commands this guards most."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

import nlp.cli.stats
from nlp.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "data" / "seeds.jsonl"
COMMANDS = sorted(typer.main.get_command(app).commands)
OVERRIDE_COMMANDS = ("train", "cross-validate")

runner = CliRunner()


def assert_usage_error(result, command: str, *named: str) -> None:
    output = result.output
    assert result.exit_code == 2, output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output, output
    assert "Usage" in output, output
    assert f"Usage: exhibit {command}".rstrip() in output, output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, output
    for name in named:
        assert name in errors[0], output


def test_every_command_is_listed():
    assert set(OVERRIDE_COMMANDS) <= set(COMMANDS)
    assert len(COMMANDS) >= 11


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bogus_option_is_a_usage_error(command):
    result = runner.invoke(app, [command, "--no-such-option"])
    assert_usage_error(result, command, "No such option", "--no-such-option")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_bogus_option_with_a_value_is_a_usage_error(command):
    result = runner.invoke(app, [command, "--no-such-option=3"])
    assert_usage_error(result, command, "--no-such-option")


def test_a_bogus_option_of_the_app_itself_is_a_usage_error():
    assert_usage_error(runner.invoke(app, ["--no-such-option"]), "", "--no-such-option")


@pytest.mark.parametrize("command", OVERRIDE_COMMANDS)
@pytest.mark.parametrize("args", [
    ["x", "--max-steps", "30"],            # the reported case: after the config, before spaCy's parser
    ["--max-steps", "30"],                 # before any config: click puts it in the config argument
    ["x", "--training.max_steps", "3", "--max-steps", "30"],  # after a good override
    ["x", "-z"],
])
def test_an_option_that_is_no_config_override_is_a_usage_error(command, args):
    result = runner.invoke(app, [command, *args])
    assert_usage_error(result, command, "No such option", args[-2] if args[-1] == "30" else args[-1])


@pytest.mark.parametrize("command", OVERRIDE_COMMANDS)
def test_a_misspelt_option_suggests_the_right_one(command):
    result = runner.invoke(app, [command, "x", "--outptu", "y"])
    assert_usage_error(result, command, "--outptu", "--output")


@pytest.mark.parametrize("command", OVERRIDE_COMMANDS)
def test_a_stray_word_after_the_config_is_a_usage_error(command):
    result = runner.invoke(app, [command, "x", "stray"])
    assert_usage_error(result, command, "stray")


def test_config_overrides_still_reach_training(monkeypatch, tmp_path):
    seen = {}

    def fake_train_pipeline(config, output, overrides, **kwargs):
        seen.update(config=config, overrides=overrides)
        return {"train_minutes": 0}

    monkeypatch.setattr("training.train.train_pipeline", fake_train_pipeline)
    result = runner.invoke(app, ["train", "--training.max_steps", "3", "--training.dropout=0.2",
                                 "--train", str(SEEDS), "--dev", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen["config"] == Path("configs/default.cfg")  # an override first: the default config
    assert seen["overrides"]["training.max_steps"] == 3
    assert seen["overrides"]["training.dropout"] == 0.2

    result = runner.invoke(app, ["train", "my.cfg", "--training.max_steps", "4",
                                 "--train", str(SEEDS), "--dev", str(SEEDS), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert seen["config"] == Path("my.cfg") and seen["overrides"]["training.max_steps"] == 4


def test_a_click_usage_error_from_a_library_is_a_usage_error_too(monkeypatch):
    """Any command: the click package's exceptions are turned into the ones typer handles."""
    def broken(*args, **kwargs):
        raise click.exceptions.NoSuchOption("--from-a-library")

    monkeypatch.setattr(nlp.cli.stats, "corpus_stats", broken)
    assert_usage_error(runner.invoke(app, ["stats", str(SEEDS)]), "stats", "--from-a-library")


def test_a_click_exit_from_a_library_keeps_its_code(monkeypatch):
    def leaves(*args, **kwargs):
        raise click.exceptions.Exit(3)

    monkeypatch.setattr(nlp.cli.stats, "corpus_stats", leaves)
    result = runner.invoke(app, ["stats", str(SEEDS)])
    assert result.exit_code == 3 and "Traceback" not in result.output, result.output


def test_the_installed_command_prints_no_traceback():
    done = subprocess.run([sys.executable, "-c", "from nlp.cli import main; main()",
                           "train", "x", "--max-steps", "30"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr and "NoSuchOption" not in done.stderr, done.stderr
    usage = done.stderr.splitlines()[0]
    assert usage.startswith("Usage: ") and usage.lower().endswith(" train [options] [config]"), done.stderr
    assert done.stderr.splitlines()[-1].startswith("Error: No such option: --max-steps")
