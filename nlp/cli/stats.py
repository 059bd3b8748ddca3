import json
from pathlib import Path
from typing import List

import typer
from typing_extensions import Annotated

from ..io.records import read_many
from ..stats import corpus_stats
from .app import command
from .skipping import FailFast, skipping_bad_lines


def _table(title: str, counts: dict) -> str:
    if not counts:
        return f"{title}: none"
    width = max(len(k) for k in counts)
    lines = [title]
    lines += [f"  {k:<{width}}  {v:>7}" for k, v in counts.items()]
    return "\n".join(lines)


@command("stats")
def stats(
    paths: Annotated[List[Path], typer.Argument(help="Guide JSONL files, or folders of them.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    fail_fast: FailFast = False,
) -> None:
    """Count entities and relations per label, documents per category and company, and tokens.

    An unreadable line is named on stderr and skipped (the counts are of the other records);
    the exit code is then 1."""
    with skipping_bad_lines(fail_fast) as skipped:
        _print(corpus_stats(read_many(paths, skipped)), as_json)


def _print(result: dict, as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    typer.echo(
        f"documents {result['documents']}  tokens {result['tokens']}  "
        f"entities {result['entities_total']}  relations {result['relations_total']}"
    )
    for key in ("entities", "relations", "categories", "companies"):
        typer.echo(_table(key, result[key]))
