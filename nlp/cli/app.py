"""The one typer app every command registers on, and the error handling they share."""
from __future__ import annotations

import functools
import sys
import traceback
from typing import Callable

import click
import typer
from typing_extensions import Annotated

from ..errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, ExhibitError

app = typer.Typer(
    name="exhibit",
    help="Extract offering and certification facts from SEC filing exhibits.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
    rich_markup_mode="rich",
)

# typer.Exit, usage errors and the like: typer/click print them and exit as usual. (Recent typer
# ships its own copy of click, so both families are listed.)
_CLI_EXITS = (typer.Exit, typer.Abort, click.exceptions.Exit, click.exceptions.Abort, click.ClickException,
              getattr(typer, "TyperException", click.ClickException))

# Set by the app callback on every invocation (so in-process test runs never leak it).
_settings = {"verbose": False}


@app.callback()
def main_options(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Show the full traceback of any error (for bug reports).")] = False,
) -> None:
    """Extract offering and certification facts from SEC filing exhibits."""
    _settings["verbose"] = verbose


def fail(message: str, code: int) -> None:
    """Print one error line to stderr and leave with the exit code."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=code)


def _first_line(err: BaseException) -> str:
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return lines[0] if lines else ""


def _traceback_if_verbose() -> None:
    if _settings["verbose"]:
        typer.echo(traceback.format_exc().rstrip(), err=True)


def command(*args, **kwargs) -> Callable:
    """app.command, plus: project errors become one line and their exit code, never a traceback
    (unless --verbose); an unexpected exception is a bug, reported in one line with exit 70."""

    def decorate(func: Callable) -> Callable:
        @functools.wraps(func)
        def wrapper(*f_args, **f_kwargs):
            try:
                return func(*f_args, **f_kwargs)
            except ExhibitError as err:
                _traceback_if_verbose()
                fail(str(err), err.exit_code)
            except KeyboardInterrupt:
                _traceback_if_verbose()
                fail("interrupted; finished output was kept", EXIT_INTERRUPTED)
            except BrokenPipeError:  # `exhibit ... | head` closing the pipe early
                sys.stderr.close()
                raise typer.Exit(code=0)
            except _CLI_EXITS:
                raise
            except OSError as err:
                # The file system refused (disk full, permission, a file where a folder should
                # be): the user's environment, not a bug. Commands check the usual cases first.
                _traceback_if_verbose()
                where = f"{err.filename}: " if err.filename else ""
                fail(f"[E160] {where}{err.strerror or _first_line(err) or type(err).__name__}", EXIT_INPUT)
            except Exception as err:
                _traceback_if_verbose()
                detail = _first_line(err)
                shown = f"{type(err).__name__}: {detail}" if detail else type(err).__name__
                hint = "" if _settings["verbose"] else " (run with --verbose for the traceback)"
                fail(f"internal error: {shown}{hint}", EXIT_INTERNAL)

        return app.command(*args, **kwargs)(wrapper)

    return decorate
