"""What the record commands (stats, records, convert, evaluate) share about unreadable lines:
each is named on stderr as it is skipped, the good records are processed and written, and the
command ends with the count and exit 1 (EXIT_PROBLEMS); --fail-fast stops at the first (exit 2)."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import typer
from typing_extensions import Annotated

from ..errors import EXIT_PROBLEMS
from ..io.records import SkippedLines

FailFast = Annotated[bool, typer.Option(
    "--fail-fast", help="Stop at the first unreadable line (exit 2) instead of skipping it.")]


def _echo(line: str) -> None:
    typer.echo(line, err=True)


def bad_line_collector(fail_fast: bool = False) -> SkippedLines:
    """The on_bad_line for a command's readers: each skipped line is named on stderr at once."""
    return SkippedLines(echo=_echo, fail_fast=fail_fast)


def end_if_skipped(skipped: SkippedLines) -> None:
    """Called once the command's output is written: the count of skipped lines, and exit 1."""
    if skipped.items:
        _echo(skipped.summary())
        raise typer.Exit(code=EXIT_PROBLEMS)


@contextmanager
def skipping_bad_lines(fail_fast: bool = False) -> Iterator[SkippedLines]:
    """bad_line_collector for the body; end_if_skipped after it. An error in the body ends the
    command as usual (the lines skipped before it were already named)."""
    skipped = bad_line_collector(fail_fast)
    yield skipped
    end_if_skipped(skipped)
