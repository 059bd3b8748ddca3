"""The one typer app every command registers on, and the error handling they share."""
from __future__ import annotations

import difflib
import functools
import sys
import traceback
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

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
    # Plain (click-style) help and usage errors, not typer's Rich panels: typer 0.29's panel puts
    # the value type in a column for every option, flags included (`--verbose <bool>`, `--help
    # <bool>`), as if they took a value. The plain formatter leaves flags bare and prints a usage
    # error as the usage line plus one "Error: ..." line. No help text here uses Rich markup.
    rich_markup_mode=None,
)

# The exceptions module of the click that parses typer's command lines: recent typer (0.26.8, 0.29)
# ships its own copy (typer._click), older typer uses the click package. Found through typer's
# public BadParameter, so either works.
_cli_errors = sys.modules[typer.BadParameter.__module__]

# typer.Exit, usage errors and the like, of the family typer handles: it prints them and exits as usual.
_CLI_EXITS = (typer.Exit, typer.Abort, _cli_errors.ClickException,
              getattr(typer, "TyperException", _cli_errors.ClickException))
# The click package's own, raised by libraries (spaCy's config-override parser raises its
# NoSuchOption). Where typer parses with its own copy it does not know these: uncaught, they would
# end in a traceback, so they are translated into typer's family first.
_CLICK_PACKAGE_EXITS = (click.exceptions.Exit, click.exceptions.Abort, click.ClickException)

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


def _in_typer_family(err: BaseException) -> BaseException:
    """The same exit, usage error or message as an exception of the click typer parses with."""
    if isinstance(err, click.exceptions.NoSuchOption):
        return _cli_errors.NoSuchOption(err.option_name, possibilities=err.possibilities)
    if isinstance(err, click.UsageError):
        return _cli_errors.UsageError(err.message)
    if isinstance(err, click.ClickException):
        translated = _cli_errors.ClickException(err.message)
        translated.exit_code = err.exit_code
        return translated
    if isinstance(err, click.exceptions.Exit):
        return typer.Exit(code=err.exit_code)
    return typer.Abort()


def _close_options(ctx: typer.Context, name: str) -> List[str]:
    known = [opt for param in ctx.command.params for opt in (*param.opts, *param.secondary_opts)
             if opt.startswith("--")]
    return difflib.get_close_matches(name, known, cutoff=0.75)


# The training config train and cross-validate use when none is given.
DEFAULT_CONFIG = Path("configs/default.cfg")


def config_overrides(ctx: typer.Context, config: Path) -> Tuple[Path, Dict[str, Any]]:
    """The config and the extra `--section.key value` options of train and cross-validate.

    An option that is neither the command's own nor a dotted config override, or a stray word,
    is a usage error (exit 2, with the usage line), raised before spaCy's parser sees it: that
    parser raises the click package's NoSuchOption or exits through wasabi.
    """
    from spacy.cli._util import parse_config_overrides

    args = list(ctx.args)
    if str(config).startswith("-"):
        # Unknown options are kept as arguments (for the overrides), so one given before any
        # config lands in the config argument: it is an option, and the config is the default.
        args.insert(0, str(config))
        config = DEFAULT_CONFIG
    at = 0
    while at < len(args):
        arg = args[at]
        name = arg.split("=", 1)[0]
        if not arg.startswith("-"):
            raise _cli_errors.UsageError(
                f"Got unexpected extra argument ({arg}); the config goes before any --section.key value")
        if not arg.startswith("--") or "." not in name:
            close = _close_options(ctx, name)
            hint = "" if close else " (a config override names its section: --section.key value)"
            raise _cli_errors.NoSuchOption(name, message=f"No such option: {name}{hint}", possibilities=close)
        takes_next = "=" not in arg and at + 1 < len(args) and not args[at + 1].startswith("--")
        at += 2 if takes_next else 1
    return config, parse_config_overrides(args)


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
            except KeyboardInterrupt as err:  # Ctrl-C, or SIGTERM (see signals.py)
                _traceback_if_verbose()
                fail("interrupted; finished output was kept", getattr(err, "exit_code", EXIT_INTERRUPTED))
            except BrokenPipeError:  # `exhibit ... | head` closing the pipe early
                sys.stderr.close()
                raise typer.Exit(code=0)
            except _CLI_EXITS:
                raise
            except _CLICK_PACKAGE_EXITS as err:
                raise _in_typer_family(err) from None
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
