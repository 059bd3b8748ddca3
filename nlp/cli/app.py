"""The one typer app every command registers on, and the error handling they share."""
from __future__ import annotations

import functools
import sys
from typing import Callable

import typer

from ..errors import EXIT_INTERRUPTED, ExhibitError

app = typer.Typer(
    name="exhibit",
    help="Extract offering and certification facts from SEC filing exhibits.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)


def fail(message: str, code: int) -> None:
    """Print one error line to stderr and leave with the exit code."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=code)


def command(*args, **kwargs) -> Callable:
    """app.command, plus: project errors become one line and their exit code, never a traceback."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*f_args, **f_kwargs):
            try:
                return func(*f_args, **f_kwargs)
            except ExhibitError as err:
                fail(str(err), err.exit_code)
            except KeyboardInterrupt:
                fail("interrupted; finished output was kept", EXIT_INTERRUPTED)
            except BrokenPipeError:  # `exhibit ... | head` closing the pipe early
                sys.stderr.close()
                raise typer.Exit(code=0)

        return app.command(*args, **kwargs)(wrapper)

    return decorate
