"""The `exhibit` command line: one module per command, all on one typer app."""
from .app import app
from . import validate, stats, split, train, predict, evaluate, cross_validate  # noqa: F401  (registers commands)


def main() -> None:
    app()
