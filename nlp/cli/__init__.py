"""The `exhibit` command line: one module per command, all on one typer app."""
from .app import app
from . import validate, stats, split, train, predict, evaluate, cross_validate, records  # noqa: F401  (registers commands)
from . import convert, suggest, show  # noqa: F401  (annotation workflow)


def main() -> None:
    from .signals import stop_on_signals

    stop_on_signals()
    app()
