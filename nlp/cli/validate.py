from pathlib import Path
from typing import List, Optional

import typer
from typing_extensions import Annotated

from ..errors import EXIT_PROBLEMS
from ..schema import Schema
from ..validation import validate_files
from .app import command


def load_schema(schema: Optional[str]) -> Optional[Schema]:
    """--schema: absent for the guide's schema, 'data' for labels taken from the data, or a file."""
    if schema is None or schema == "guide":
        return Schema.guide()
    if schema == "data":
        return Schema(frozenset(), {}, name="from-data", strict_labels=False)
    return Schema.from_file(Path(schema))


@command("validate")
def validate(
    paths: Annotated[List[Path], typer.Argument(help="Guide JSONL files, or folders of them.")],
    schema: Annotated[
        Optional[str],
        typer.Option(help="'guide' (default), 'data' (labels from the data) or a schema JSON file."),
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print problems only.")] = False,
) -> None:
    """Check annotated records against the annotation guide; exit 1 if any problem."""
    problems = validate_files(paths, load_schema(schema))
    for problem in problems:
        typer.echo(str(problem))
    if problems:
        typer.echo(f"{len(problems)} problem(s) found", err=True)
        raise typer.Exit(code=EXIT_PROBLEMS)
    if not quiet:
        typer.echo("all records valid", err=True)
