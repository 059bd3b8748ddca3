"""How the `python -m training.<tool>` commands run: typer, with the project's coded errors shown
as one line and their exit code, never a traceback (as `exhibit` does)."""
from __future__ import annotations

import functools
from typing import Callable

import typer

from nlp.cli.app import fail
from nlp.errors import ExhibitError


def one_line_errors(main: Callable) -> Callable:
    @functools.wraps(main)
    def wrapper(*args, **kwargs):
        try:
            return main(*args, **kwargs)
        except ExhibitError as err:
            fail(str(err), err.exit_code)

    return wrapper


def run(main: Callable) -> None:
    """typer.run(main), with one_line_errors."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(one_line_errors(main))
    app()
